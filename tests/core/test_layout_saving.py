"""Saving a layout: only what changed is written, unchanged features and rows byte for
byte, the result reads back as the layout was, and several files land whole or not at
all even when the saving process is killed (-9) at a random moment."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from shapely.geometry import box

import exponav
from exponav.core.errors import DataError
from exponav.core.layout import (
    AddBooth,
    Assign,
    BoothStatus,
    EditZone,
    Layout,
    MergeBooths,
    MoveBooth,
    MoveConnectorEnd,
    MoveKiosk,
    SetStatus,
    SplitBooth,
    Unassign,
)
from exponav.core.layout.saving import JOURNAL, STAGED, commit, recover
from exponav.core.layout.showfiles import read_statuses
from exponav.core.paths import show_dir, venue_dir
from tests.core.test_layout_navigator import snapshot, write_mini_venue


@pytest.fixture
def mini(tmp_path: Path) -> tuple[Path, Path]:
    return write_mini_venue(tmp_path)


@pytest.fixture
def scse(tmp_path: Path) -> tuple[Path, Path]:
    v, s = tmp_path / "tainex", tmp_path / "scse2025"
    shutil.copytree(venue_dir(), v)
    shutil.copytree(show_dir(), s)
    return v, s


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_one_booth_move_changes_that_booths_coordinate_lines_only(scse):
    v, s = scse
    before = (v / "H2-1F.geojson").read_text(encoding="utf-8").splitlines()
    others = {n: b for n, b in _bytes(v).items() if n != "H2-1F.geojson"} | _bytes(s)
    layout = Layout.load(v, s)
    layout.apply(MoveBooth("Q0125", 0, -3))
    assert layout.save() == [v / "H2-1F.geojson"]
    after = (v / "H2-1F.geojson").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    start = next(i for i, line in enumerate(before) if '"code": "Q0125"' in line)
    end = next(i for i in range(start, len(before)) if before[i] == "  }")
    assert changed and all(start < i < end for i in changed)
    assert all(before[i].strip().rstrip(",").replace(".", "").isdigit() for i in changed)
    assert {n: b for n, b in _bytes(v).items() if n != "H2-1F.geojson"} | _bytes(s) == others
    assert Layout.load(v, s).booth("Q0125").polygon.equals(layout.booth("Q0125").polygon)


def test_a_save_with_nothing_changed_writes_nothing(scse):
    v, s = scse
    layout = Layout.load(v, s)
    edit = layout.apply(MoveBooth("Q0125", 0, -3))
    layout.apply(edit.inverse())
    files = _bytes(v) | _bytes(s)
    assert layout.save() == []
    assert _bytes(v) | _bytes(s) == files


def test_what_is_saved_reads_back_as_the_layout_was(mini):
    v, s = mini
    layout = Layout.load(v, s)
    at = [b.code for b in layout.venue.plans["A-1F"].booths].index("A0105")
    layout.apply_all([
        SplitBooth("A0105"), AddBooth("A0901", box(20, 33, 23, 36)),
        MergeBooths(("A0107", "A0109"), "A0107"), EditZone("ZONE-A-1F", name="Hall of fame"),
        MoveKiosk("K-A-1F", dx=0.5, heading_deg=180.0), Assign("A0901", "EX08"),
        Unassign("A0102"), SetStatus("A0111", "blocked", 12.5),
        MoveConnectorEnd("ST-A", "A-2F", dx=0.25), MoveBooth("B0101", 0.01, 0.02)])
    written = layout.save()
    assert {p.name for p in written} == {"A-1F.geojson", "A-2F.geojson", "venue.json",
                                         "exhibitors.csv", "booth_status.csv"}
    again = Layout.load(v, s)
    assert snapshot(again) == snapshot(layout)
    assert read_statuses(s) == {"A0111": BoothStatus("blocked", 12.5)}
    codes = [b.code for b in again.venue.plans["A-1F"].booths]
    assert codes[at:at + 2] == ["A0105a", "A0105b"] and codes[-1] == "A0901"


def test_exhibitor_rows_that_did_not_change_stay_as_they_were(scse):
    v, s = scse
    before = (s / "exhibitors.csv").read_bytes().split(b"\r\n")
    layout = Layout.load(v, s)
    layout.apply(Assign("Q0913", "EX0001"))
    layout.save()
    after = (s / "exhibitors.csv").read_bytes().split(b"\r\n")
    diff = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(after) == len(before) and len(diff) == 1
    assert diff[0][1].startswith(b"EX0001,") and b"Q0311;Q0319;Q0913," in diff[0][1]


def test_a_file_in_another_style_keeps_its_style_and_unchanged_features(mini):
    v, s = mini
    path = v / "A-1F.geojson"
    compact = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    path.write_text(compact, encoding="utf-8")
    layout = Layout.load(v, s)
    layout.apply(MoveBooth("A0110", 0, 0.5))
    layout.save()
    new = path.read_text(encoding="utf-8")
    first = next(i for i, (a, b) in enumerate(zip(compact, new, strict=False)) if a != b)
    last = next(i for i in range(1, len(compact)) if compact[-i] != new[-i])
    start = compact.index('"code": "A0110"')
    end = compact.index("Feature", start)
    assert start < first and len(compact) - last < end  # only inside that booth's feature
    assert "\n" not in new


def test_bad_status_file_says_which_line(mini):
    v, s = mini
    (s / "booth_status.csv").write_text("code,status,price\nA0101,sold,\nA0102,gone,\n",
                                        encoding="utf-8")
    with pytest.raises(DataError, match=r"booth_status.csv, line 3: status must be one of"):
        Layout.load(v, s)


def test_recover_finishes_a_committed_save_and_drops_an_uncommitted_one(mini):
    v, s = mini
    target = s / "exhibitors.csv"
    staged = target.with_name(target.name + STAGED)
    staged.write_bytes(b"new")
    stray = v / ("A-1F.geojson" + STAGED)
    stray.write_bytes(b"half")
    (v / JOURNAL).write_text(json.dumps({"files": [{
        "target": os.path.relpath(target, v), "staged": os.path.relpath(staged, v),
        "sha256": hashlib.sha256(b"new").hexdigest()}]}), encoding="utf-8")
    recover(v, s)
    assert target.read_bytes() == b"new"
    assert not staged.exists() and not stray.exists() and not (v / JOURNAL).exists()
    (v / (JOURNAL + ".tmp")).write_text("{", encoding="utf-8")  # killed before the commit
    stray.write_bytes(b"half")
    recover(v, s)
    assert not stray.exists() and not (v / (JOURNAL + ".tmp")).exists()


def test_commit_writes_every_file_or_none(mini, monkeypatch):
    v, s = mini
    files = _bytes(v) | _bytes(s)
    writes = {v / "A-1F.geojson": b"one", s / "exhibitors.csv": b"two"}
    real = os.replace

    def fail_on_second(src, dst):
        if str(dst).endswith("exhibitors.csv"):
            raise OSError("disk full")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_second)
    with pytest.raises(DataError, match="finished the next time the layout is loaded"):
        commit(writes, v)
    monkeypatch.setattr(os, "replace", real)
    recover(v, s)  # the next load finishes what was committed
    assert (v / "A-1F.geojson").read_bytes() == b"one"
    assert (s / "exhibitors.csv").read_bytes() == b"two"
    assert {n for n in _bytes(v) | _bytes(s)} == set(files)


def test_a_folder_that_cannot_be_written_saves_nothing(mini, monkeypatch):
    v, s = mini
    files = _bytes(v) | _bytes(s)
    layout = Layout.load(v, s)
    layout.apply_all([MoveBooth("A0101", 0, -0.5), Assign("A0105", "EX02")])
    real = open

    def refuse(path, mode="r", *args, **kwargs):
        if "w" in mode and str(path).endswith("exhibitors.csv" + STAGED):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(DataError, match="Permission denied.*nothing was saved"):
        layout.save()
    monkeypatch.setattr("builtins.open", real)
    assert _bytes(v) | _bytes(s) == files


# -- killed while saving -----------------------------------------------------------------

# One process imports ExpoNav once and forks a child per save; the child loads a layout,
# makes five files' worth of changes, says "ready", waits for the word go and saves.
ZYGOTE = textwrap.dedent("""
    import faulthandler, os, signal, sys, time, traceback
    from exponav.core.layout import Assign, Layout, MoveBooth, MoveConnectorEnd, SetStatus
    faulthandler.register(signal.SIGUSR1)  # where it waits, when a step times out

    def say(*words):  # one write: a line killed halfway would run into the next one
        os.write(1, (" ".join(map(str, words)) + "\\n").encode())

    for line in sys.stdin:
        venue, show = line.split()
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(w)
            try:
                layout = Layout.load(venue, show)
                layout.apply_all([MoveBooth("A0101", 0, -0.5), MoveBooth("B0101", 0, -0.5),
                                  Assign("A0105", "EX02"), SetStatus("A0107", "reserved"),
                                  MoveConnectorEnd("EL-A", "A-1F", dx=0.5)])
                say("ready", os.getpid())
                os.read(r, 1)
                t0 = time.perf_counter()
                layout.save()
                say("saved", time.perf_counter() - t0)
            except BaseException:
                say("failed", repr(traceback.format_exc()))
                os._exit(1)
            os._exit(0)
        os.close(r)
        sys.stdin.readline()  # go
        try:
            os.write(w, b"x")
        except BrokenPipeError:
            pass  # the child is gone already; "gone" says how
        os.close(w)
        sys.stdin.readline()  # reaped only when told: until then its pid stays its own
        _, status = os.waitpid(pid, 0)
        say("gone", status)
""")

#: no step of a save here takes more than a fraction of this; a step that does has hung
STEP_S = 60.0
KILLS = 30


def _state(v: Path, s: Path) -> dict[str, bytes | None]:
    names = [v / "A-1F.geojson", v / "A-2F.geojson", v / "venue.json", s / "exhibitors.csv",
             s / "booth_status.csv"]
    return {p.name: (p.read_bytes() if p.exists() else None) for p in names}


class _Saves:
    """Saves in forked children of one warm process, each killed (or not) on cue.

    Every wait has a deadline (:data:`STEP_S`): a child that dies or hangs fails the test
    with what it and the zygote printed, instead of blocking the run."""

    def __init__(self, tmp: Path) -> None:
        script = tmp / "zygote.py"
        script.write_text(ZYGOTE, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(Path(exponav.__file__).resolve().parents[1]))
        self.errors = open(tmp / "zygote.err", "w+", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.errors, text=True,
                                     env=env)
        self.tmp = tmp
        self.n = 0
        self.child = 0
        self.heard: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.heard.append(line)
            self.lines.put(line)
        self.lines.put("")  # the zygote is gone

    def _next(self, what: str) -> list[str]:
        try:
            line = self.lines.get(timeout=STEP_S)
        except queue.Empty:
            line = None
        words = (line or "").split()
        if words and words[0] == "failed":
            pytest.fail(f"save {self.n}: the child failed: {' '.join(words[1:])}")
        if not words:
            if line is None:  # where the zygote and the child are waiting
                for pid in (self.proc.pid, self.child):
                    with contextlib.suppress(OSError):
                        stat = Path(f"/proc/{pid}/stat").read_text().split()
                        self.errors.write(f"\n{pid}: state {stat[2]}\n")
                        self.errors.flush()
                        os.kill(pid, signal.SIGUSR1)
                time.sleep(1)
            self.errors.seek(0)
            why = f"no answer in {STEP_S:.0f} s" if line is None else "the zygote ended"
            pytest.fail(f"save {self.n}: waiting for {what!r}, {why}; last heard "
                        f"{self.heard[-6:]}; its errors: {self.errors.read()[-4000:]}")
        return words

    def _send(self, text: str) -> None:
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def run(self, v: Path, s: Path, kill_after: float | None) -> float | None:
        """Start a save; kill it ``kill_after`` seconds in (None: let it finish, and
        return how long it took)."""
        self.n += 1
        self._send(f"{v} {s}\n")
        word, pid = self._next("ready")
        assert word == "ready"
        self.child = int(pid)
        self._send("go\n")
        took = None
        if kill_after is None:
            word, took = self._next("saved")
            assert word == "saved"
        else:
            time.sleep(kill_after)
            os.kill(int(pid), signal.SIGKILL)  # our own child, not yet reaped
        self._send("reap\n")
        while self._next("gone")[0] != "gone":
            pass
        return None if took is None else float(took)

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=STEP_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        finally:
            self.errors.close()


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                    reason="needs fork and kill -9")
def test_a_save_killed_at_random_moments_lands_whole_or_not_at_all(tmp_path):
    (tmp_path / "sources").mkdir()
    sources = write_mini_venue(tmp_path / "sources")

    def fresh(n: int) -> tuple[Path, Path]:
        v, s = tmp_path / f"run{n}" / "venue", tmp_path / f"run{n}" / "show"
        shutil.copytree(sources[0], v)
        shutil.copytree(sources[1], s)
        return v, s

    saves = _Saves(tmp_path)
    try:
        old = _state(*sources)
        took = []
        for n in range(3):  # how long a save takes here, uninterrupted
            v, s = fresh(-1 - n)
            took.append(saves.run(v, s, None))
            new = _state(v, s)
        assert new != old and all(new.values())
        rng = random.Random(20250318)
        outcomes = {"not begun": 0, "rolled back": 0, "rolled forward": 0, "complete": 0}
        for n in range(KILLS):
            v, s = fresh(n)
            saves.run(v, s, rng.uniform(0.0, max(took) * 1.2))
            staged = [p for p in [*v.iterdir(), *s.iterdir()] if p.name.endswith(STAGED)]
            journal = (v / JOURNAL).exists()
            recover(v, s)
            state = _state(v, s)
            assert state in (old, new), f"kill {n}: a mix of old and new files"
            outcome = ("rolled forward" if journal else "rolled back" if staged else
                       "not begun" if state == old else "complete")
            assert (state == new) == (outcome in ("rolled forward", "complete")), outcome
            outcomes[outcome] += 1
            left = [p.name for p in [*v.iterdir(), *s.iterdir()]
                    if p.name.endswith(STAGED) or p.name.startswith(JOURNAL)]
            assert not left, f"kill {n}: {left} left behind"
            assert snapshot(Layout.load(v, s)) is not None
    finally:
        saves.close()
    print(f"\nkill -9 during a save, {KILLS} times: {outcomes} "
          f"(an uninterrupted save: {min(took) * 1000:.0f}-{max(took) * 1000:.0f} ms)")
