"""The command line under bad input, case by case: a corpus of several hundred commands.

Each case runs ``exponav`` in process (a few through the real entry point) and must end
either with a good answer (exit 0, JSON that parses) or with one plain sentence on stderr
and exit status 2: never a traceback, never an internal repr, nothing written where it
should not be. The data file, the floor plans, the show files and a kiosk.json are
hashed before and after every case.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from exponav.cli.commands import main
from exponav.core import paths

# -- the cases -------------------------------------------------------------------------------
# Placeholders: {data} the good data file, {w} the scratch folder of prepared oddities.

ERROR, OK, EITHER = "error", "ok", "either"  # EITHER: an answer or a sentence, both clean
REFUSED = "refused"  # the venue rules refuse the plan: exit 1, a first sentence, the errors


@dataclass(frozen=True)
class Case:
    argv: tuple[str, ...]
    expect: str = ERROR
    says: str = ""  # words the sentence must hold
    env: tuple[tuple[str, str], ...] = ()
    needs: str = ""  # a fixture of the scratch folder that may be missing here
    writes: tuple[str, ...] = field(default=())  # scratch paths a good answer may create


def _c(line: str, expect: str = ERROR, says: str = "", *, data: bool = True,
       env: dict[str, str] | None = None, needs: str = "", writes: tuple[str, ...] = ()
       ) -> Case:
    argv = tuple(line.split())
    if data:
        argv += ("--data", "{data}")
    return Case(argv, expect, says, tuple((env or {}).items()), needs, writes)


def _args(*argv: str, expect: str = ERROR, says: str = "", data: bool = True,
          writes: tuple[str, ...] = (), needs: str = "") -> Case:
    return Case(tuple(argv) + (("--data", "{data}") if data else ()), expect, says, (), needs,
                writes)


NUMBERS_BAD = ["nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "1e308", "-1e308", "1e999",
               "forty", "", "1,5", "0x10", "1e7", "--", "-nan"]
NUMBERS_OK = ["0", "-5", "-0.5", "40.25", "1e-400", "999999", "+3", "-1e2", "١٢"]


def _near_cases() -> list[Case]:
    out = []
    for v in NUMBERS_BAD:
        out.append(_args("near", "--level", "H2-1F", "--x", v, "--y", "60", says="--x"))
        # (argparse hands "--y=--" over as an empty list: the Navigator refuses it)
        out.append(_args("near", "--level", "H2-1F", "--x", "40", f"--y={v}",
                         says="y" if v == "--" else "--y"))
    for v in NUMBERS_OK:
        out.append(_args("near", "--level", "H2-1F", "--x", v, "--y", "60", "--json", expect=OK))
        out.append(_args("near", "--level", "H2-1F", "--x", "40", "--y", v, "--json", expect=OK))
    for kind, says in [("amenity:nope", "the amenity categories are"), ("stall", "Unknown kind"),
                       ("booth:x", "Booths take no category"), ("opening:door", "opening "
                                                                                "categories"),
                       ("connector:lift", "connector categories are"), (":", "Unknown kind"),
                       ("", "Unknown kind"), ("amenity:", ""), ("AMENITY:TOILET", "")]:
        expect = OK if kind in ("amenity:",) else ERROR
        if kind == "AMENITY:TOILET":
            expect, says = ERROR, "TOILET"
        out.append(_args("near", "--level", "H2-1F", "--x", "40", "--y", "60", "--kind", kind,
                         expect=expect, says=says))
    for kind in ["booth", "amenity", "amenity:toilet", "amenity:toilet.accessible", "kiosk",
                 "opening", "opening:emergencyexit", "connector", "connector:elevator",
                 "amenity:prayer"]:
        out.append(_args("near", "--level", "H2-1F", "--x", "40", "--y", "60", "--kind", kind,
                         "--json", expect=OK))
    for level in ["XX", "h2-1f", "", "H2-1F ", "H9-9F", "'", "H2-1F@1,2"]:
        out.append(_args("near", "--level", level, "--x", "1", "--y", "1", says="level"))
    for limit in ["0", "-1", "10001", "1e3", "x", "99999999999999999999", ""]:
        out.append(_args("near", "--level", "H2-1F", "--x", "1", "--y", "1", "--limit", limit,
                         says="--limit"))
    for limit in ["1", "10000"]:
        out.append(_args("near", "--level", "H2-1F", "--x", "1", "--y", "1", "--limit", limit,
                         "--json", expect=OK))
    out.append(_args("near", "--level", "H2-1F", "--x", "1", says="--y"))
    out.append(_args("near", "--x", "1", "--y", "1", says="--level"))
    return out


POINTS_BAD = ["H2-1F@nan,1", "H2-1F@1,inf", "H2-1F@-inf,-inf", "H2-1F@1e308,1", "H2-1F@1,2,3",
              "H2-1F@,", "H2-1F@a,b", "ZZ@1,2", "@1,2", "H2-1F@1", "H2-1F@5000,5000",
              "H2-1F@-50,-50", "S99999", "", " ", "ZZZZ", "'; DROP TABLE booths; --", "Q" * 5000,
              "H2-1F@1e7,0", "H2-1F@-1e308,0"]


def _route_cases() -> list[Case]:
    out = []
    for p in POINTS_BAD:
        out.append(_args("route", p, "S1024"))
        out.append(_args("route", "K-H2-1F-1", p))
    for a, b in [("K-H2-1F-1", "S1024"), ("s-1024", "K-H2-1F-1"), ("S1024", "S1024"),
                 ("H2-1F@40,60", "H2-4F@40,60"), ("Chunghwa Telecom", "WC-H2-1F-1")]:
        out.append(_args("route", a, b, "--json", expect=OK))
        out.append(_args("route", a, b, "--step-free", "--lang", "zh-Hant", expect=OK))
    for lang in ["fr", "zh_TW", "", "EN"]:
        out.append(_args("route", "K-H2-1F-1", "S1024", "--lang", lang, says="--lang"))
    out.append(_args("route", "K-H2-1F-1", says="destination"))
    out.append(_args("route", "K-H2-1F-1", "S1024", "extra", says="unrecognized"))
    return out


def _itinerary_cases() -> list[Case]:
    base = ("itinerary", "--from", "K-H2-1F-1", "S1024", "Q0210")
    out = []
    for dwell in ["nan", "inf", "-inf", "-1", "-0.5", "1e300", "721", "100000", "x", ""]:
        out.append(_args(*base, "--start", "10:00", "--dwell", dwell, says="minutes"
                         if dwell not in ("x", "") else "--dwell"))
    for dwell in ["0", "720", "2.5"]:
        out.append(_args(*base[:4], "--start", "10:00", "--dwell", dwell, "--json", expect=OK))
    for start, says in [("23:59", "past midnight"), ("23:55", "midnight"), ("24:00", ""),
                        ("-1:00", "not a time of day"), ("25:00", ""), ("9:60", ""), ("", ""),
                        ("noon", ""), ("10", ""), ("10:00:00", ""), ("-inf", ""), ("nan", ""),
                        ("1e9", ""), ("10h00", "")]:
        expect = OK if start == "10h00" else ERROR
        says = "the next day" if start in ("23:59", "23:55") else says
        out.append(_args(*base, "--start", start, expect=expect, says=says))
    for start in ["0:00", "09:30", "9.30", "22:00"]:
        out.append(_args(*base, "--start", start, "--json", expect=OK))
    for appt, says in [("S1024@10:00", ""), ("S1024", "PLACE@HH:MM"), ("@10:00", "PLACE@HH:MM"),
                       ("S1024@", "PLACE@HH:MM"), ("S1024@25:00", "time of day"),
                       ("S1024@-1:00", "PLACE@HH:MM"), ("ZZZ@10:00", "ZZZ"),
                       ("H2-1F@nan,1@10:00", "finite"), ("MM-NOPE@14:00", "MM-NOPE")]:
        expect = OK if appt == "S1024@10:00" else ERROR
        out.append(_args(*base, "--start", "9:00", "--appointment", appt, expect=expect,
                         says=says))
    for first, second in [("S1024@10:00", "S1024@11:00"), ("S1024@10:00", "s-1024@11:00"),
                          ("MM-B12@14:00", "mm-b12@15:00"), ("Q0210@10:00", "Q0210@10:00")]:
        out.append(_args(*base, "--start", "9:00", "--appointment", first, "--appointment",
                         second, says="two appointments"))
    for origin in ["", "ZZZ", "H2-1F@nan,0", "H9@1,1", "-"]:
        out.append(_args("itinerary", "--from", origin, "S1024", "--start", "10:00"))
    out.append(_args("itinerary", "--from", "K-H2-1F-1", "--start", "10:00",
                     says="at least one stop"))
    out.append(_args("itinerary", "S1024", "--start", "10:00", says="--from"))
    out.append(_args(*base, "--start", "10:00", "ZZZ9", says="ZZZ9"))
    out.append(_args(*base, "--start", "10:00", "--paper", "a3", says="--paper"))
    out.append(_args(*base, "--start", "10:00", "--keep-order", "--step-free", "--json",
                     expect=OK))
    out.append(_args(*base, "--start", "9:00", "--appointment", "MM-B12@14:00", "--json",
                     expect=OK))
    # the printed sheet: only a regular file in an existing folder, whole or not at all
    pdf_bad = [("{w}/folder", "is a folder"), ("{w}/pipe", "named pipe"),
               ("{w}/link-to-data", "symbolic link"), ("{w}/dangling", "symbolic link"),
               ("{w}/missing/sub/visit.pdf", "does not exist; create it first"),
               ("{w}/plain/visit.pdf", "not a folder"), ("/proc/version", "/proc"),
               ("/proc/exponav.pdf", "/proc"), ("", "is a folder"), ("{w}", "is a folder"),
               ("{w}/full/visit.pdf", "incomplete")]
    for target, says in pdf_bad:
        needs = "full" if "full" in target else ""
        out.append(_args(*base, "--start", "10:00", "--pdf", target, says=says, needs=needs))
    out.append(_args(*base, "--start", "10:00", "--pdf", "{w}/device", says="is a device",
                     needs="device"))
    for paper in ["a4", "receipt80"]:
        out.append(_args(*base, "--start", "10:00", "--pdf", f"{{w}}/out/visit-{paper}.pdf",
                         "--paper", paper, "--json", expect=OK,
                         writes=(f"out/visit-{paper}.pdf",)))
    out.append(_args(*base, "--start", "10:00", "--pdf", "{w}/out/existing.pdf", expect=OK,
                     writes=("out/existing.pdf",)))
    out.append(_args(*base, "--start", "10:00", "--pdf", "{w}/out/visit #1?.pdf", expect=OK,
                     writes=("out/visit #1?.pdf",)))
    return out


def _search_cases() -> list[Case]:
    out = []
    for text in ['"', "'; DROP TABLE exhibitors; --", "NEAR(a b)", "*", "🙂" * 50, "x" * 10000,
                 "", " ", "\x00", "中華電信", "s-1024", "%", "_", "\\", "AND OR NOT", "\u202e",
                 "Q0", "toilet", "洗手間"]:
        out.append(_args("search", text, "--json", expect=OK))
    out.append(Case(("search", "--data", "{data}", "--json", "--", "-x"), OK))
    out.append(_args("search", "-x", says="required"))
    for flags, says in [(("--level", "XX"), "the levels are"), (("--level", ""), "no level"),
                        (("--category", "nope"), "the categories are"),
                        (("--category", ""), "no category"), (("--limit", "0"), "--limit"),
                        (("--limit", "-3"), "--limit"), (("--limit", "abc"), "--limit"),
                        (("--limit", "100000"), "--limit"), (("--limit", "1.5"), "--limit"),
                        (("--level", "H2-1F", "--category", "nope"), "nope"),
                        (("--level", "nope", "--category", "ai"), "nope")]:
        out.append(_args("search", "chunghwa", *flags, says=says))
    for flags in [("--level", "h2-1f"), ("--category", "toilet"), ("--category", "AI"),
                  ("--category", "exit"), ("--level", "H1-4F", "--limit", "1"),
                  ("--category", "toilet.accessible")]:
        out.append(_args("search", "a", *flags, "--json", expect=OK))
    out.append(_args("search", says="text"))
    return out


def _booth_cases() -> list[Case]:
    out = []
    for code in ["S1025x", "ZZ", "", "S", "99999", "S-1024-1024", "\x00", "🙂", "S1024" * 100,
                 "'", "H2-1F@1,1", "Chunghwa Telecom"]:
        out.append(_args("booth", code))
    for code in ["s-1024", "S1024", " s1024 ", "Q0210"]:
        out.append(_args("booth", code, "--json", expect=OK))
    return out


def _parser_cases() -> list[Case]:
    out = [_c("nope", says="invalid choice"), _c("stats --nope", says="unrecognized"),
           _c("bench --scale huge", says="--scale"), _c("bench --repeat x", says="--repeat"),
           _c("build-data --venue", says="--venue", data=False),
           _c("route", says="required"), _c("near", says="give --from PLACE"),
           _c("itinerary", says="required"), _c("booth", says="code"),
           _c("stats --json --json", OK), _c("stats", OK), _c("search a --limit", says="--limit"),
           _c("near --level H2-1F --x 1 --y 1 --x 2", OK), _c("kiosk", says="show|set")]
    out.append(Case(("--data",), ERROR, "--data"))
    return out


DATA_BAD = [("{w}/folder", "is a folder"), ("{w}/pipe", "named pipe"), ("/dev/null", "device"),
            ("{w}/loop1", "loop of symbolic links"), ("{w}/dangling", "symbolic link to"),
            ("{w}/empty.db", "is empty"), ("{w}/text.db", "not an SQLite database"),
            ("{w}/missing.db", "does not exist"), ("{w}/truncated.db", "damaged"),
            ("{w}/garbage.db", "damaged"), ("{w}/nosearch.db", "search index"),
            ("{w}/old.db", "version 0"), ("{w}/nolevels.db", "no levels table"),
            ("{w}/zz.db", "level ZZ"), ("{w}/wkb.db", "geometry of feature"),
            ("{w}/nometa.db", "no venue record"), ("{w}/props.db", "JSON text"),
            ("{w}/plain/x.db", "a part of the path is a file"), ("", "is a folder")]
COMMANDS_ON_DATA = [("stats",), ("search", "chunghwa"), ("booth", "S1024"),
                    ("near", "--level", "H2-1F", "--x", "1", "--y", "1"),
                    ("route", "K-H2-1F-1", "S1024"),
                    ("itinerary", "--from", "K-H2-1F-1", "S1024", "--start", "10:00")]


ODD_NAMES = ["odd#name?.db", "100%.db", "with space.db", "名字.db"]


def _data_cases() -> list[Case]:
    out = []
    for path, says in DATA_BAD:
        for command in COMMANDS_ON_DATA:
            out.append(Case((*command, "--data", path), ERROR, says))
    for name in ODD_NAMES:  # opened read-only as named: no other file appears
        out.append(Case(("stats", "--json", "--data", f"{{w}}/odd/{name}"), OK))
        out.append(Case(("booth", "S1024", "--data", f"{{w}}/odd/{name}"), OK))
    return out


BUILD_TARGETS = [("{w}/folder", "is a folder"), ("{w}/pipe", "named pipe"),
                 ("{w}/link-to-data", "symbolic link"), ("/proc/exponav.db", "/proc"),
                 ("/proc/version", "/proc"), ("{w}/plain/x.db", "is a file, not a folder"),
                 ("{w}", "is a folder"), ("{w}/full/x.db", "the disk is full")]


def _build_cases() -> list[Case]:
    out = []
    for target, says in BUILD_TARGETS:
        out.append(Case(("build-data", "--data", target), ERROR, says,
                        needs="full" if "full" in target else ""))
    out.append(Case(("build-data", "--data", "{w}/device"), ERROR, "is a device", needs="device"))
    for venue, says in VENUES.items():
        out.append(Case(("build-data", "--venue", f"{{w}}/venues/{venue}", "--data",
                         "{w}/out/never.db"), ERROR, says))
    for show, says in SHOWS.items():
        out.append(Case(("build-data", "--show", f"{{w}}/shows/{show}", "--data",
                         "{w}/out/never.db"), REFUSED if show in RULE_BREAKS else ERROR, says))
    out.append(Case(("build-data", "--venue", "{w}/nowhere", "--data", "{w}/out/never.db"), ERROR,
                    "there is no venue folder here"))
    out.append(Case(("build-data", "--venue", "{w}/folder", "--data", "{w}/out/never.db"), ERROR,
                    "venue.json"))
    out.append(Case(("build-data", "--show", "{w}/plain", "--data", "{w}/out/never.db"), ERROR,
                    "there is no show folder here"))
    return out


def _cache_cases() -> list[Case]:
    file_cache = {"XDG_CACHE_HOME": "{w}/plain"}
    loop_cache = {"XDG_CACHE_HOME": "{w}/loop1"}
    out = []
    for env, says in [(file_cache, "XDG_CACHE_HOME"), (loop_cache, "XDG_CACHE_HOME")]:
        for command in [("stats",), ("search", "x"), ("booth", "S1024"), ("build-data",)]:
            out.append(Case(command, ERROR, says, tuple(env.items())))
    home = {"XDG_CACHE_HOME": "", "HOME": "{w}/plain"}
    out.append(Case(("stats",), ERROR, "XDG_CACHE_HOME", tuple(home.items())))
    full = {"XDG_CACHE_HOME": "{w}/full"}
    out.append(Case(("stats",), ERROR, "the disk is full", tuple(full.items()), needs="full",
                    writes=("full/exponav",)))
    return out


# Broken venues and shows, each a copy of the real one changed in one way.
def _features(level: dict, kind: str) -> list[int]:
    return [i for i, f in enumerate(level["features"]) if f["properties"]["kind"] == kind]


def _break_level(change):
    def apply(folder: Path) -> None:
        path = folder / "H2-1F.geojson"
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return apply


def _break_venue_json(change):
    def apply(folder: Path) -> None:
        path = folder / "venue.json"
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return apply


def _bytes(name: str, change):
    def apply(folder: Path) -> None:
        path = folder / name
        path.write_bytes(change(path.read_bytes()))
    return apply


def _drop_prop(kind: str, key: str):
    return _break_level(lambda d: d["features"][_features(d, kind)[0]]["properties"].pop(key))


def _dup_booth(d: dict) -> None:
    a, b = _features(d, "booth")[:2]
    d["features"][b]["properties"]["code"] = d["features"][a]["properties"]["code"]


VENUE_CHANGES = {
    "kiosk-no-id": (_drop_prop("kiosk", "id"), "a kiosk needs"),
    "amenity-no-id": (_drop_prop("amenity", "id"), "an amenity needs"),
    "zone-no-id": (_drop_prop("zone", "id"), "a zone needs"),
    "connector-point-alone": (_drop_prop("connector", "connector"), "\"connector\" property"),
    "feature-string": (_break_level(lambda d: d["features"].__setitem__(3, "x")),
                       "feature 3: a feature must be a GeoJSON object"),
    "features-object": (_break_level(lambda d: d.update(features={"a": 1})),
                        "must be a list of features"),
    "deep-property": (_bytes("H2-1F.geojson", lambda b: b.replace(
        b'"kind": "booth"', b'"x": ' + b"[" * 100_000 + b"]" * 100_000 + b', "kind": "booth"', 1)),
                      "nested more than 32 levels"),
    "booth-code-twice": (_break_level(_dup_booth), "is used more than once (also H2-1F.geojson"),
    "levels-one-id": (_break_venue_json(lambda d: d["levels"][1].update(id="H2-1F")),
                      "both have the id H2-1F"),
    "bom": (_bytes("H2-1F.geojson", lambda b: b"\xef\xbb\xbf" + b), "save it as UTF-8"),
    "utf16": (_bytes("H2-1F.geojson", lambda b: b.decode().encode("utf-16")),
              "save it as UTF-8"),
    "big5": (_bytes("venue.json", lambda b: b.decode().encode("big5", errors="replace")),
             "perhaps Big5"),
    "huge": (_bytes("H2-4F.geojson", lambda b: b + b" " * (50 * 1024 * 1024)),
             "at most 50 MB"),
    "nan-point": (_break_level(lambda d: d["features"][_features(d, "amenity")[0]].update(
        geometry={"type": "Point", "coordinates": [float("nan"), 0]})), "not valid"),
    "far-point": (_break_level(lambda d: d["features"][_features(d, "amenity")[0]].update(
        geometry={"type": "Point", "coordinates": [1e300, 0]})), "1,000 km"),
    "no-venue-json": (lambda f: (f / "venue.json").unlink(), "does not exist"),
    "level-file-folder": (lambda f: ((f / "H2-1F.geojson").unlink(),
                                     (f / "H2-1F.geojson").mkdir()), "is a folder"),
    "truncated": (_bytes("H2-1F.geojson", lambda b: b[: len(b) // 2]), "not valid JSON"),
}
VENUES = {name: says for name, (_, says) in VENUE_CHANGES.items()}

SHOW_CHANGES = {
    "exhibitors-big5": (_bytes("exhibitors.csv", lambda b: b.decode().encode(
        "big5", errors="replace")), "save it as UTF-8"),
    "sessions-utf16": (_bytes("sessions.csv", lambda b: b.decode().encode("utf-16")),
                       "UTF-16"),
    "show-json-bom": (_bytes("show.json", lambda b: b"\xef\xbb\xbf" + b), "byte-order mark"),
    "show-json-list": (_bytes("show.json", lambda b: b"[1, 2]"), "expected id, names"),
    "unknown-booth": (_bytes("exhibitors.csv", lambda b: b.replace(b"S1024", b"Z9999", 1)),
                      "Z9999"),
    "no-categories": (lambda f: (f / "categories.csv").unlink(), "does not exist"),
}
SHOWS = {name: says for name, (_, says) in SHOW_CHANGES.items()}
RULE_BREAKS = {"unknown-booth"}  # sound files whose plan the venue rules refuse


def all_cases() -> list[Case]:
    return (_near_cases() + _route_cases() + _itinerary_cases() + _search_cases()
            + _booth_cases() + _parser_cases() + _data_cases() + _build_cases()
            + _cache_cases())


CASES = all_cases()


# -- the scratch folder ----------------------------------------------------------------------

def _damage(data_file: Path, path: Path, sql: str) -> None:
    shutil.copy(data_file, path)
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@dataclass
class World:
    root: Path
    data: Path
    kiosk_json: Path
    available: set[str]

    def protected_files(self) -> list[Path]:
        files = [self.data, self.kiosk_json]
        for folder in (paths.venue_dir(), paths.show_dir()):
            files += sorted(p for p in folder.rglob("*") if p.is_file())
        return files

    def protected(self) -> dict[str, str]:
        return {str(f): hashlib.sha256(f.read_bytes()).hexdigest()
                for f in self.protected_files()}

    def listing(self) -> dict[str, tuple[int, int]]:
        out = {}
        for dirpath, dirnames, filenames in os.walk(self.root):
            for name in dirnames:  # a folder: that it is there (its time changes with a
                out[os.path.relpath(os.path.join(dirpath, name), self.root)] = (-1, 0)  # temp)
            for name in filenames:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                out[os.path.relpath(p, self.root)] = (st.st_size, st.st_mtime_ns)
        return out

    def stamps(self) -> dict[str, tuple[int, int, int]]:
        """Size, time and inode of every protected file: any write changes one of them."""
        out = {}
        for f in self.protected_files():
            st = os.stat(f)
            out[str(f)] = (st.st_size, st.st_mtime_ns, st.st_ino)
        return out


def _mount_full(folder: Path) -> bool:
    """A tiny tmpfs filled to the brim, where the machine allows mounting one."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        return False
    try:
        with (folder / "filler").open("wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:  # full, as wanted
        return True
    return True


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, data_file: Path):
    root = tmp_path_factory.mktemp("corpus")
    (root / "folder").mkdir()
    (root / "out").mkdir()
    (root / "out" / "existing.pdf").write_bytes(b"%PDF-old")
    os.mkfifo(root / "pipe")
    (root / "loop1").symlink_to(root / "loop2")
    (root / "loop2").symlink_to(root / "loop1")
    (root / "dangling").symlink_to(root / "nowhere")
    (root / "link-to-data").symlink_to(data_file)
    (root / "plain").write_text("a file, not a folder")
    (root / "empty.db").write_bytes(b"")
    (root / "text.db").write_text("not a database " * 100)
    blob = data_file.read_bytes()
    (root / "truncated.db").write_bytes(blob[: len(blob) // 3])
    (root / "garbage.db").write_bytes(blob[:8192] + os.urandom(200_000) + blob[208_192:])
    (root / "odd").mkdir()
    for name in ODD_NAMES:
        shutil.copy(data_file, root / "odd" / name)
    _damage(data_file, root / "nosearch.db", "DROP TABLE search_docs; DROP TABLE search_terms")
    _damage(data_file, root / "old.db", "PRAGMA user_version = 0")
    _damage(data_file, root / "nolevels.db", "DROP TABLE levels")
    _damage(data_file, root / "zz.db", "UPDATE features SET level = 'ZZ' WHERE rowid = 3")
    _damage(data_file, root / "wkb.db", "UPDATE features SET geometry = x'0103' WHERE rowid = 3")
    _damage(data_file, root / "nometa.db", "DELETE FROM meta WHERE key = 'venue'")
    _damage(data_file, root / "props.db", "UPDATE features SET properties = '{' WHERE rowid = 3")
    for name, (change, _) in VENUE_CHANGES.items():
        folder = root / "venues" / name
        shutil.copytree(paths.venue_dir(), folder)
        change(folder)
    for name, (change, _) in SHOW_CHANGES.items():
        folder = root / "shows" / name
        shutil.copytree(paths.show_dir(), folder)
        change(folder)
    config = root / "config" / "exponav"
    config.mkdir(parents=True)
    kiosk_json = config / "kiosk.json"
    kiosk_json.write_text('{"kiosk_id": "K-H2-1F-1", "idle_s": 90}\n', encoding="utf-8")
    available = set()
    try:
        os.mknod(root / "device", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
        available.add("device")
    except (OSError, AttributeError):
        pass
    w = World(root, data_file, kiosk_json, available)
    hashes = w.protected()
    try:
        if _mount_full(root / "full"):
            available.add("full")
        yield w
    finally:
        if "full" in available:
            subprocess.run(["umount", str(root / "full")], capture_output=True)
    assert w.protected() == hashes, "a protected file changed during the corpus"


@pytest.fixture(scope="module")
def shared_open(nav, data_file: Path):
    """Every case on the good data file shares one opened Navigator (opening it is what
    the data-file cases test; here it would only cost time)."""
    from exponav.core.navigator import Navigator

    real = Navigator.open.__func__

    def open_(cls, path=None):
        if path is not None and str(path) == str(data_file):
            return nav
        return real(cls, path)

    mp = pytest.MonkeyPatch()
    mp.setattr(Navigator, "open", classmethod(open_))
    yield
    mp.undo()


# -- running one case ----------------------------------------------------------------------

_LEAKS = ("Traceback", "Error:", "Error(", "Exception", "[Errno", "errno", "GEOS", "WKB",
          "sqlite3.", "codec", "<", "object at 0x")
_TWO_SENTENCES = re.compile(r"(?<!e\.g)(?<!\bi\.e)\.\s+[A-Z]")


def check_sentence(err: str) -> str:
    """The one sentence on stderr, or an assertion error saying what is wrong with it."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"not one line: {err!r}"
    line = lines[0]
    assert line.startswith("exponav"), line
    assert line.endswith((".", "?")), line
    assert not any(leak in line for leak in _LEAKS), line
    assert not _TWO_SENTENCES.search(line.split(":", 1)[1]), line
    return line


def _expand(text: str, world: World) -> str:
    return text.replace("{data}", str(world.data)).replace("{w}", str(world.root))


def _run(case: Case, world: World, capsys, monkeypatch) -> tuple[int, str, str]:
    for key, value in case.env:
        monkeypatch.setenv(key, _expand(value, world))
    argv = [_expand(a, world) for a in case.argv]
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own exits
        code = e.code if isinstance(e.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def _ids() -> list[str]:
    return [f"{i:03d}-{' '.join(c.argv)[:60]}" for i, c in enumerate(CASES)]


@pytest.fixture
def isolated(world: World, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(world.root / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(world.root / "config"))
    monkeypatch.delenv("EXPONAV_KIOSK_CONFIG", raising=False)
    return world




@pytest.mark.parametrize("case", CASES, ids=_ids())
def test_case(case: Case, isolated: World, shared_open, capsys, monkeypatch):
    world = isolated
    if case.needs and case.needs not in world.available:
        pytest.skip(f"{case.needs} cannot be made here")
    stamps = world.stamps()
    before = world.listing()
    code, out, err = _run(case, world, capsys, monkeypatch)
    assert "Traceback" not in err
    expect = case.expect if case.expect != EITHER else (OK if code == 0 else ERROR)
    if expect == OK:
        assert code == 0, err
        if "--json" in case.argv:
            json.loads(out)
    elif expect == REFUSED:
        assert code == 1, (code, out, err)
        assert err.startswith("exponav: ") and case.says in err, err
        assert out == ""
    else:
        assert code == 2, (code, out, err)
        sentence = check_sentence(err)
        assert case.says in sentence, sentence
        assert out == ""
    assert world.stamps() == stamps
    after = world.listing()
    allowed = set(case.writes) | {k for k in after if k.startswith("cache")}
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert changed <= allowed, sorted(changed - allowed)


def test_the_corpus_is_large(world: World):
    assert len(CASES) >= 300
    assert len({c.argv + c.env for c in CASES}) == len(CASES)  # no case counted twice


# -- through the real entry point -------------------------------------------------------------

REAL = [("near", "--level", "H2-1F", "--x", "-inf", "--y", "1", "--data", "{data}"),
        ("itinerary", "--from", "K-H2-1F-1", "S1024", "--start", "23:59", "--data", "{data}"),
        ("stats", "--data", "{w}/nosearch.db"),
        ("build-data", "--data", "/proc/exponav.db"),
        ("itinerary", "--from", "K-H2-1F-1", "S1024", "--start", "-1:00", "--pdf", "{w}/folder",
         "--data", "{data}")]


@pytest.mark.parametrize("argv", REAL, ids=[a[0] + "-" + a[-3] for a in REAL])
def test_real_entry_point(argv: tuple[str, ...], world: World):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path),
           "XDG_CACHE_HOME": str(world.root / "cache"),
           "XDG_CONFIG_HOME": str(world.root / "config")}
    protected = world.protected()
    proc = subprocess.run([sys.executable, "-m", "exponav", *(_expand(a, world) for a in argv)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr
    check_sentence(proc.stderr)
    assert proc.stdout == ""
    assert world.protected() == protected
