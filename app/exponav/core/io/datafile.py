"""The one SQLite data file, built with sqlite-utils from ``floorplans/`` and ``db/``.

The data file is what staff publish to kiosks. It holds the raw plan features (so the
file alone can rebuild every level), tables for people using SQL tools (``booths``,
``exhibitors``, ``sessions`` ...), and the search index. Its schema version is
``PRAGMA user_version``; a file built by an older version, or from sources that have
changed since (their SHA-256 is kept in ``meta``), is rebuilt by
:func:`ensure_data_file`. Building writes a temporary file and renames it over the
old one (:mod:`exponav.core.io.atomic`), so a failed build never leaves a half-written
data file; what a killed build left behind is removed at the next start.

Every problem is a :class:`~exponav.core.errors.DataError` of one sentence that names
the file and what to do: a data file that is missing, a folder, a device, unreadable,
locked or damaged; a cache folder that is read-only, full or not a folder.

>>> from exponav.core import paths
>>> path = ensure_data_file()
>>> data = read_data_file(path)
>>> data.venue.id, data.show.show.id
('tainex', 'scse2025')
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import sqlite3
import stat
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import sqlite_utils

from exponav.core import paths
from exponav.core.errors import DataError, os_reason
from exponav.core.io.atomic import atomic_path, check_target, clean_orphans
from exponav.core.io.floorplan import GEOMETRY, load_venue_features, plan_from_features
from exponav.core.io.showcsv import load_show
from exponav.core.model import (
    Category,
    Connector,
    ConnectorEnd,
    Exhibitor,
    Level,
    Session,
    Show,
    ShowData,
    Venue,
)
from exponav.core.search.documents import search_documents
from exponav.core.search.index import INDEX_FORMAT, create_index

__all__ = ["SCHEMA_VERSION", "DataFile", "build_data_file", "ensure_data_file",
           "read_data_file", "source_fingerprint"]

#: Bump when the tables change; older files are rebuilt from their sources.
SCHEMA_VERSION = 1


@dataclass
class DataFile:
    """Everything read back from a data file; ``conn`` stays open (read-only)."""

    path: Path
    venue: Venue
    show: ShowData
    conn: sqlite3.Connection


def source_fingerprint(venue_dir: Path, show_dir: Path) -> str:
    """SHA-256 over the names and bytes of every source file, and the formats of what is
    derived from them (the search index), so that a change to either rebuilds the file."""
    h = hashlib.sha256(f"schema {SCHEMA_VERSION} search {INDEX_FORMAT}".encode())
    for folder in (venue_dir, show_dir):
        try:
            files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".md")
        except OSError as e:
            raise DataError(f"{folder}: the folder cannot be read ({os_reason(e)}).") from None
        for f in files:
            h.update(f.relative_to(folder).as_posix().encode())
            try:
                with f.open("rb") as stream:
                    while chunk := stream.read(1 << 20):
                        h.update(chunk)
            except OSError as e:
                raise DataError(f"{f}: the file cannot be read ({os_reason(e)}).") from None
    return h.hexdigest()


Features = dict[str, list[tuple[dict[str, Any], Any]]]


def _load_sources(venue_dir: Path, show_dir: Path) -> tuple[Venue, ShowData, Features]:
    venue, features = load_venue_features(venue_dir)
    show = load_show(show_dir)
    _check_references(venue, show)
    return venue, show, features



def _insert(db: Any, name: str, rows: list[dict[str, Any]], columns: dict[str, type],
            **kw: Any) -> None:
    """Insert the rows; with none, still create the table (a venue may have no
    connectors, a show no categories or sessions yet)."""
    if rows:
        db[name].insert_all(rows, **kw)
    else:
        db[name].create(columns, pk=kw.get("pk"), foreign_keys=kw.get("foreign_keys"),
                        if_not_exists=True)

def _write(db: sqlite_utils.Database, venue: Venue, show: ShowData, features: Features,
           fingerprint: str) -> None:
    booths = {b.code: b for b in venue.booths()}
    owners = {code: ex for ex in show.exhibitors.values() for code in ex.booths}

    db["meta"].insert_all([
        {"key": "fingerprint", "value": fingerprint},
        {"key": "venue", "value": json.dumps({"id": venue.id, "name": venue.name,
                                              "name_zh": venue.name_zh,
                                              "georeference": venue.georeference},
                                             ensure_ascii=False)},
        {"key": "show", "value": json.dumps(show.show.__dict__, ensure_ascii=False)},
    ], pk="key")
    db["levels"].insert_all(
        [{**lv.__dict__, "seq": i} for i, lv in enumerate(venue.levels.values())], pk="id")
    _insert(db, "connectors", [
        {"id": c.id, "kind": c.kind, "step_free": c.step_free, "ride_s": c.ride_s,
         "wait_s": c.wait_s, "name": c.name, "name_zh": c.name_zh,
         "ends": json.dumps([e.__dict__ for e in c.ends])}
        for c in venue.connectors], {"id": str, "kind": str, "step_free": bool,
                                     "ride_s": float, "wait_s": float, "name": str,
                                     "name_zh": str, "ends": str}, pk="id")
    rows = []
    for level in venue.levels.values():
        for seq, (props, geom) in enumerate(features[level.id]):
            rows.append({"level": level.id, "seq": seq, "kind": props["kind"],
                         "properties": json.dumps(props, ensure_ascii=False),
                         "geometry": shapely.to_wkb(geom)})
    db["features"].insert_all(rows, pk=("level", "seq"))
    db["booths"].insert_all([
        {"code": b.code, "level": b.level, "area": b.area, "type": b.type, "zone": b.zone,
         "area_m2": round(b.area_m2, 2), "units": b.standard_units,
         "cx": round(b.polygon.centroid.x, 2), "cy": round(b.polygon.centroid.y, 2),
         "exhibitor": owners[b.code].id if b.code in owners else None}
        for b in booths.values()], pk="code")
    _insert(db, "amenities", [
        {"id": a.id, "level": a.level, "category": a.category, "name": a.name,
         "name_zh": a.name_zh, "x": a.point.x, "y": a.point.y}
        for plan in venue.plans.values() for a in plan.amenities],
        {"id": str, "level": str, "category": str, "name": str, "name_zh": str, "x": float,
         "y": float}, pk="id")
    _insert(db, "categories", [c.__dict__ for c in show.categories.values()],
            {"id": str, "name": str, "name_zh": str}, pk="id")
    db["exhibitors"].insert_all([
        {"id": e.id, "name": e.name, "name_zh": e.name_zh, "country": e.country,
         "description": e.description, "description_zh": e.description_zh,
         "website": e.website, "demo": e.demo}
        for e in show.exhibitors.values()], pk="id")
    db["exhibitor_booths"].insert_all(
        [{"exhibitor": e.id, "booth": code, "seq": i}
         for e in show.exhibitors.values() for i, code in enumerate(e.booths)],
        pk=("exhibitor", "booth"), foreign_keys=[("exhibitor", "exhibitors", "id"),
                                                 ("booth", "booths", "code")])
    _insert(db, "exhibitor_categories",
        [{"exhibitor": e.id, "category": c, "seq": i}
         for e in show.exhibitors.values() for i, c in enumerate(e.categories)],
        {"exhibitor": str, "category": str, "seq": int}, pk=("exhibitor", "category"), foreign_keys=[("exhibitor", "exhibitors", "id"),
                                                    ("category", "categories", "id")])
    _insert(db, "sessions", [s.__dict__ for s in show.sessions],
            {f.name: bool if f.type in ("bool", bool) else str
             for f in dataclasses.fields(Session)}, pk="id")
    db["sessions"].create_index(["place"], if_not_exists=True)
    create_index(db, search_documents(venue, show))


def _check_references(venue: Venue, show: ShowData) -> None:
    """Every exhibitor's booths are on a floor plan, and no booth has two exhibitors.

    (Booth codes used twice on the plans are refused earlier, by the floor-plan reader,
    naming both features.)
    """
    booths = {b.code for b in venue.booths()}
    seen: dict[str, str] = {}
    for ex in show.exhibitors.values():
        for code in ex.booths:
            if code not in booths:
                raise DataError(f"exhibitors.csv: exhibitor {ex.id} ({ex.name}) is given booth "
                                f"{code}, which is not on any floor plan.")
            if code in seen:
                raise DataError(f"exhibitors.csv: booth {code} is given to both {seen[code]} "
                                f"and {ex.id}.")
            seen[code] = ex.id


_SQLITE_REASONS = {
    3: "permission denied",  # SQLITE_PERM
    5: "it is locked by another program that is writing it; try again when that is done",
    6: "it is locked by another program that is writing it; try again when that is done",
    8: "the file system is read-only",  # SQLITE_READONLY
    10: "the disk reported an input/output error",  # SQLITE_IOERR
    11: "SQLite finds its pages malformed",  # SQLITE_CORRUPT
    13: "the disk is full",  # SQLITE_FULL
    14: "it cannot be opened",  # SQLITE_CANTOPEN
    23: "permission denied",  # SQLITE_AUTH
    26: "it is not an SQLite database",  # SQLITE_NOTADB
}


def _read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only, whatever its name holds (``#``, ``?``
    and ``%`` would otherwise cut the name short and open another file for writing).

    >>> _read_only_uri(Path("/data/show #2?.db"))
    'file:/data/show%20%232%3F.db?mode=ro'
    """
    return "file:" + urllib.parse.quote(Path(path).resolve().as_posix(), safe="/:") + "?mode=ro"


def _sqlite_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _sqlite_reason(error: sqlite3.Error) -> str:
    """What an SQLite error means, in words (SQLite's own words when it has no code)."""
    code = _sqlite_code(error)
    if code in _SQLITE_REASONS:
        return _SQLITE_REASONS[code]
    text = str(error) or type(error).__name__
    return text.rstrip(".")


def _build_advice(dest: Path) -> str:
    if dest == paths.default_data_file():
        return ("set XDG_CACHE_HOME to a folder you can write, or build a data file "
                "elsewhere with `exponav build-data --data FILE` and open it with --data FILE")
    return "choose another place with --data FILE"


def _make_folder(folder: Path, dest: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DataError(f"Cannot build the data file {dest}: {folder} is a file, not a folder; "
                        f"{_build_advice(dest)}.") from None
    except OSError as e:
        raise DataError(f"Cannot build the data file {dest}: cannot create the folder {folder} "
                        f"({os_reason(e)}); {_build_advice(dest)}.") from None
    if not folder.is_dir():
        raise DataError(f"Cannot build the data file {dest}: {folder} is not a folder; "
                        f"{_build_advice(dest)}.")


def _verifier(dest: Path):
    def verify(path: Path) -> None:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
        if ok != "ok":
            raise DataError(f"{dest}: the new data file does not read back whole ({ok}).")
    return verify


def build_data_file(dest: Path, venue_dir: Path | None = None,
                    show_dir: Path | None = None) -> Path:
    """Build the data file at ``dest`` from the sources (atomically).

    The sources are read and checked first; the file is written beside ``dest``, checked
    with SQLite's ``quick_check`` and only then renamed over ``dest``. ``dest`` must be a regular file or not exist yet; its folder is created.
    """
    dest = Path(dest)
    venue_dir = venue_dir or paths.venue_dir()
    show_dir = show_dir or paths.show_dir()
    _make_folder(dest.parent, dest)
    check_target(dest, "data file")
    clean_orphans(dest.parent, dest.name)
    try:
        with atomic_path(dest, "data file", verify=_verifier(dest)) as tmp:
            fingerprint = source_fingerprint(venue_dir, show_dir)
            venue, show, features = _load_sources(venue_dir, show_dir)
            conn = sqlite3.connect(tmp)
            try:
                db = sqlite_utils.Database(conn)
                with conn:
                    _write(db, venue, show, features, fingerprint)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("VACUUM")
            finally:
                conn.close()
    except sqlite3.Error as e:
        raise DataError(f"Cannot build the data file {dest} ({_sqlite_reason(e)}); "
                        f"{_build_advice(dest)}.") from None
    except DataError as e:
        if not str(e).startswith(f"{dest}:"):
            raise
        raise DataError(f"{str(e).rstrip('.')}; {_build_advice(dest)}.") from None
    return dest


def _stored_state(path: Path) -> tuple[int, str | None]:
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            return int(version), (row[0] if row else None)
        finally:
            conn.close()
    except sqlite3.Error:
        return -1, None


def ensure_data_file(dest: Path | None = None, venue_dir: Path | None = None,
                     show_dir: Path | None = None) -> Path:
    """The bundled data file, built when missing, older than the schema or its sources.

    A current file is only read, so a read-only cache that holds one keeps working;
    temporary files of killed builds are removed (when the folder allows it).
    """
    dest = dest or paths.default_data_file()
    venue_dir = venue_dir or paths.venue_dir()
    show_dir = show_dir or paths.show_dir()
    clean_orphans(dest.parent, dest.name)
    version, fingerprint = _stored_state(dest) if dest.is_file() else (-1, None)
    if version != SCHEMA_VERSION or fingerprint != source_fingerprint(venue_dir, show_dir):
        build_data_file(dest, venue_dir, show_dir)
    return dest


_REBUILD = "rebuild it with `exponav build-data`"


def _check_readable(path: Path) -> None:
    """A :class:`DataError` saying why ``path`` is not a file that can be read, if it is not."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise DataError(f"{path}: the data file is a symbolic link to "
                            f"{os.readlink(path)}, which does not exist.") from None
        raise DataError(f"{path}: the data file does not exist.") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DataError(f"{path}: the data file is a loop of symbolic links.") from None
        raise DataError(f"{path}: the data file cannot be read ({os_reason(e)}).") from None
    if stat.S_ISDIR(st.st_mode):
        raise DataError(f"{path} is a folder, not a data file; name the .exponav.db file in it.")
    if stat.S_ISFIFO(st.st_mode):
        raise DataError(f"{path} is a named pipe, not a data file.")
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        raise DataError(f"{path} is a device, not a data file.")
    if not stat.S_ISREG(st.st_mode):
        raise DataError(f"{path} is not a regular file, so not a data file.")
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except PermissionError:
        raise DataError(f"{path}: the data file cannot be read: permission denied (check "
                        "its owner and mode).") from None
    except OSError as e:
        raise DataError(f"{path}: the data file cannot be read ({os_reason(e)}).") from None
    if not head:
        raise DataError(f"{path}: the file is empty, not an ExpoNav data file; {_REBUILD}.")
    if head != b"SQLite format 3\0":
        raise DataError(f"{path}: not an ExpoNav data file (it is not an SQLite database).")


def _open_read_only(path: Path) -> sqlite3.Connection:
    _check_readable(path)
    conn = None
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        if _sqlite_code(e) in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB
            raise DataError(f"{path}: the data file is damaged ({_sqlite_reason(e)}); "
                            f"{_REBUILD}.") from None
        raise DataError(f"{path}: the data file cannot be opened ({_sqlite_reason(e)}).") \
            from None
    missing = [t for t in ("meta", "levels", "features") if t not in tables]
    if missing:
        conn.close()
        raise DataError(f"{path}: not an ExpoNav data file (it has no {missing[0]} table).")
    if version != SCHEMA_VERSION:
        conn.close()
        raise DataError(f"{path}: data file version {version}, this ExpoNav reads version "
                        f"{SCHEMA_VERSION}; rebuild it with `exponav build-data`.")
    return conn


class _Damage(Exception):
    """What is wrong inside a data file, in words (becomes a DataError naming the file)."""


def _damage_words(e: BaseException) -> str:
    if isinstance(e, _Damage):
        return str(e)
    if isinstance(e, sqlite3.Error):
        return _sqlite_reason(e)
    if isinstance(e, RecursionError):
        return "a stored value is nested too deeply"
    if isinstance(e, json.JSONDecodeError):
        return "a stored JSON text cannot be read"
    if isinstance(e, KeyError):
        return f"a stored record lacks its {e.args[0] if e.args else 'key'}"
    return "a stored value has the wrong form"


def read_data_file(path: Path) -> DataFile:
    """Open a data file read-only and read the venue and show back from it."""
    path = Path(path)
    conn = _open_read_only(path)
    try:
        return _read(path, conn)
    except DataError:
        conn.close()
        raise
    except (sqlite3.Error, KeyError, ValueError, TypeError, AttributeError, RecursionError,
            shapely.errors.GEOSException, _Damage) as e:
        conn.close()
        raise DataError(f"{path}: the data file is damaged ({_damage_words(e)}); "
                        f"{_REBUILD}.") from None


def _features(conn: sqlite3.Connection, levels: dict[str, Level]
              ) -> dict[str, list[tuple[dict[str, Any], Any]]]:
    """The stored plan features by level, each with the geometry its kind needs."""
    rows = conn.execute("SELECT level, seq, kind, properties, geometry FROM features "
                        "ORDER BY level, seq").fetchall()
    blobs = [r[4] if isinstance(r[4], bytes) else b"" for r in rows]
    geoms = shapely.from_wkb(blobs, on_invalid="ignore")
    by_level: dict[str, list[tuple[dict[str, Any], Any]]] = {lv: [] for lv in levels}
    for (level, seq, kind, props, _), geom in zip(rows, geoms, strict=True):
        where = f"feature {seq} of level {level}"
        if level not in by_level:
            raise _Damage(f"{where} is on a level the levels table does not list")
        if geom is None:
            raise _Damage(f"the geometry of {where} cannot be read")
        properties = json.loads(props)
        if not isinstance(properties, dict) or properties.get("kind") != kind \
                or kind not in GEOMETRY:
            raise _Damage(f"the properties of {where} do not match its kind")
        if geom.geom_type != GEOMETRY[kind]:
            raise _Damage(f"{where} is a {kind} stored as a {geom.geom_type}")
        by_level[level].append((properties, geom))
    return by_level


@contextlib.contextmanager
def _table(name: str) -> Iterator[None]:
    """Turn a record of the wrong form in table ``name`` into words."""
    try:
        yield
    except (_Damage, DataError, sqlite3.Error, RecursionError):
        raise
    except json.JSONDecodeError:
        raise _Damage(f"the {name} table holds JSON text that cannot be read") from None
    except (KeyError, ValueError, TypeError, AttributeError):
        raise _Damage(f"the {name} table holds a record of the wrong form") from None


def _read(path: Path, conn: sqlite3.Connection) -> DataFile:
    with _table("meta"):
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        for key in ("venue", "show"):
            if key not in meta:
                raise _Damage(f"its meta table has no {key} record")
        venue_meta = json.loads(meta["venue"])
        show = Show(**json.loads(meta["show"]))
    levels = {}
    with _table("levels"):
        for row in conn.execute("SELECT id, name, name_zh, building, ordinal, file FROM levels "
                                "ORDER BY seq"):
            levels[row[0]] = Level(*row)
    with _table("connectors"):
        connectors = [
            Connector(id=r[0], kind=r[1], step_free=bool(r[2]), ride_s=r[3], wait_s=r[4],
                      name=r[5], name_zh=r[6],
                      ends=tuple(ConnectorEnd(**e) for e in json.loads(r[7])))
            for r in conn.execute("SELECT id, kind, step_free, ride_s, wait_s, name, name_zh, "
                                  "ends FROM connectors")]
    with _table("features"):
        by_level = _features(conn, levels)
        try:
            plans = {lv: plan_from_features(levels[lv], feats, f"level {lv}")
                     for lv, feats in by_level.items()}
        except DataError as e:
            raise _Damage(str(e).rstrip(".")) from None
        venue = Venue(id=venue_meta["id"], name=venue_meta["name"],
                      name_zh=venue_meta["name_zh"], levels=levels, connectors=connectors,
                      plans=plans, georeference=venue_meta.get("georeference"))

    data = ShowData(show=show)
    with _table("categories"):
        for r in conn.execute("SELECT id, name, name_zh FROM categories"):
            data.categories[r[0]] = Category(*r)
    booths: dict[str, list[str]] = {}
    cats: dict[str, list[str]] = {}
    with _table("exhibitors"):
        for ex_id, code in conn.execute("SELECT exhibitor, booth FROM exhibitor_booths "
                                        "ORDER BY seq"):
            booths.setdefault(ex_id, []).append(code)
        for ex_id, cat in conn.execute("SELECT exhibitor, category FROM exhibitor_categories "
                                       "ORDER BY seq"):
            cats.setdefault(ex_id, []).append(cat)
        for r in conn.execute("SELECT id, name, name_zh, country, description, description_zh, "
                              "website, demo FROM exhibitors ORDER BY id"):
            data.exhibitors[r[0]] = Exhibitor(
                id=r[0], name=r[1], name_zh=r[2], country=r[3],
                categories=tuple(cats.get(r[0], ())), booths=tuple(booths.get(r[0], ())),
                description=r[4], description_zh=r[5], website=r[6], demo=bool(r[7]))
    with _table("sessions"):
        for r in conn.execute("SELECT id, kind, title, title_zh, place, start, end, exhibitor, "
                              "demo FROM sessions ORDER BY start, id"):
            data.sessions.append(Session(*r[:8], demo=bool(r[8])))
    return DataFile(path=path, venue=venue, show=data, conn=conn)
