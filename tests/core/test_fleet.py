"""Publishing and a kiosk's updates, without a window: what is taken, what is refused, and
a kiosk killed at any moment that still runs a complete, verified file."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from exponav.core import fleet, paths
from exponav.core.errors import DataError
from exponav.core.exchange.publish import file_sha256, publish, published, read_manifest
from tests.core.fleet_helpers import first_manifest, put_version, version, write_manifest

SHOW = "scse2025"
KIOSK = "K-H2-1F-1"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the embedded show published once."""
    out = tmp_path_factory.mktemp("release")
    result = publish(out)
    assert result.new
    return out


@pytest.fixture
def updates(tmp_path: Path) -> Path:
    folder = tmp_path / "updates"
    folder.mkdir()
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def check(updates: Path, store: Path, **kw) -> list[fleet.Report]:
    return fleet.check_updates(updates, store, show=SHOW, kiosk_id=KIOSK, **kw)


def running_version(store: Path) -> str | None:
    state = fleet.load_state(store)
    return state.current.version if state.current else None


# -- publishing --------------------------------------------------------------------------

def test_publish_writes_a_readable_versioned_file_and_its_manifest(release: Path) -> None:
    [(path, manifest)] = published(release)
    data = release / manifest.file
    assert manifest.show == SHOW and manifest.venue == "tainex"
    assert data.name == f"{SHOW}-{manifest.version}.exponav.db"
    assert stat.S_IMODE(data.stat().st_mode) == 0o644
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert file_sha256(data) == manifest.sha256 and data.stat().st_size == manifest.size
    conn = sqlite3.connect(data)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == manifest.schema_version
    fingerprint = conn.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()[0]
    conn.close()
    assert manifest.fingerprint == fingerprint
    assert manifest.version.endswith(fingerprint[:10])
    assert "show/exhibitors.csv" in manifest.sources
    assert not [p for p in release.iterdir() if p.name.startswith(".")]


def test_publishing_the_same_sources_again_writes_nothing(release: Path) -> None:
    before = sorted(p.name for p in release.iterdir())
    again = publish(release)
    assert not again.new
    assert sorted(p.name for p in release.iterdir()) == before


def test_new_sources_get_a_later_version_and_nothing_is_overwritten(tmp_path: Path) -> None:
    show = tmp_path / "show"
    shutil.copytree(paths.show_dir(), show)
    out = tmp_path / "out"
    out.mkdir()
    # a later version already in the folder (a publisher's clock was ahead): still later
    ahead = version(10**6)
    (out / f"{SHOW}-{ahead}.exponav.db").write_bytes(b"kept as it is")
    first = publish(out, show_dir=show)
    assert first.new and first.manifest.version > ahead
    assert (out / f"{SHOW}-{ahead}.exponav.db").read_bytes() == b"kept as it is"
    with (show / "exhibitors.csv").open("a", encoding="utf-8") as f:
        f.write("")  # unchanged bytes: the same sources
    assert not publish(out, show_dir=show).new
    (show / "show.json").write_text((show / "show.json").read_text(encoding="utf-8")
                                    .replace("{", "{\n ", 1), encoding="utf-8")
    second = publish(out, show_dir=show)
    assert second.new and second.manifest.version > first.manifest.version
    assert file_sha256(first.data) == first.manifest.sha256


def test_publish_into_a_file_is_one_sentence(tmp_path: Path) -> None:
    target = tmp_path / "plain"
    target.write_text("x")
    with pytest.raises(DataError, match="plain"):
        publish(target)


def test_a_manifest_naming_another_file_is_refused(release: Path, tmp_path: Path) -> None:
    raw = json.loads(next(release.glob("*.manifest.json")).read_text())
    raw["file"] = "../../elsewhere.exponav.db"
    bad = tmp_path / "x.manifest.json"
    bad.write_text(json.dumps(raw))
    with pytest.raises(DataError, match="names the file"):
        read_manifest(bad)


# -- taking a version, at the reset --------------------------------------------------------

def test_a_new_version_is_staged_then_swapped_and_can_be_rolled_back(
        release: Path, updates: Path, store: Path) -> None:
    source = first_manifest(release)
    put_version(source, release, updates, 1)
    [report] = check(updates, store)
    assert report.kind == "staged" and report.version == version(1)
    assert running_version(store) is None  # nothing changes before the reset
    assert fleet.take_staged(store).version == version(1)
    assert check(updates, store) == []  # nothing newer
    put_version(source, release, updates, 2)
    assert [r.kind for r in check(updates, store)] == ["staged"]
    assert fleet.take_staged(store).version == version(2)
    assert fleet.take_staged(store) is None
    path, problems = fleet.running_file(store)
    assert path == store / f"{SHOW}-{version(2)}.exponav.db" and problems == []
    assert stat.S_IMODE(path.stat().st_mode) == 0o644

    assert fleet.switch_to(path, store) == (None, [])  # nothing new: keep running
    left, back = fleet.rollback(store)
    assert (left.version, back.version) == (version(2), version(1))
    assert running_version(store) == version(1)
    assert fleet.switch_to(path, store) == (store / f"{SHOW}-{version(1)}.exponav.db", [])
    assert not path.exists()  # the version left is gone
    assert check(updates, store) == []  # the version rolled back from is not taken again
    with pytest.raises(DataError, match="no previous version"):
        fleet.rollback(store)
    put_version(source, release, updates, 3)
    assert [r.kind for r in check(updates, store)] == ["staged"]
    assert sorted(p.name for p in store.glob("*.exponav.db")) == [
        f"{SHOW}-{version(1)}.exponav.db", f"{SHOW}-{version(3)}.exponav.db"]


def test_rollback_without_an_update_is_one_sentence(store: Path) -> None:
    with pytest.raises(DataError, match="nothing to roll back"):
        fleet.rollback(store)


def _refused(updates: Path, store: Path, reason: str) -> None:
    reports = check(updates, store)
    assert [r.kind for r in reports] == ["refused"], reports
    assert reason in reports[0].message, reports[0].message
    assert fleet.load_state(store).staged is None
    assert check(updates, store) == []  # reported once, not copied again
    assert fleet.take_staged(store) is None
    assert not list(store.glob("*.exponav.db"))


def test_a_half_written_file_is_refused_until_it_is_whole(
        release: Path, updates: Path, store: Path) -> None:
    manifest = put_version(first_manifest(release), release, updates, 1)
    data = updates / manifest.file
    whole = data.read_bytes()
    data.write_bytes(whole[: len(whole) // 2])
    _refused(updates, store, "a copy not finished")
    data.write_bytes(whole)  # the copy finished
    assert [r.kind for r in check(updates, store)] == ["staged"]


def test_a_checksum_mismatch_is_refused(release: Path, updates: Path, store: Path) -> None:
    manifest = put_version(first_manifest(release), release, updates, 1)
    data = updates / manifest.file
    raw = bytearray(data.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    data.write_bytes(bytes(raw))
    _refused(updates, store, "does not match its manifest")


def test_a_half_copied_manifest_is_refused(release: Path, updates: Path, store: Path) -> None:
    manifest = put_version(first_manifest(release), release, updates, 1)
    path = updates / f"{SHOW}-{manifest.version}.manifest.json"
    path.write_text(path.read_text()[:100])
    _refused(updates, store, "not whole JSON")


def test_a_file_from_another_show_is_refused(release: Path, updates: Path, store: Path) -> None:
    source = first_manifest(release)
    other = put_version(source, release, updates, 1, show="scse2024")
    # a manifest that says it is this show, over the other show's file
    lying = put_version(source, release, updates, 2)
    shutil.copyfile(updates / other.file, updates / lying.file)
    write_manifest(updates, type(lying)(**{**lying.__dict__, "size": other.size,
                                           "sha256": other.sha256}))
    _refused(updates, store, "holds the show 'scse2024'")
    assert not any(r for r in check(updates, store))


def test_a_newer_schema_is_refused(release: Path, updates: Path, store: Path) -> None:
    from exponav.core.io.datafile import SCHEMA_VERSION

    put_version(first_manifest(release), release, updates, 1, schema=SCHEMA_VERSION + 1)
    _refused(updates, store, "made by a newer ExpoNav")


def test_a_newer_schema_the_manifest_hides_is_refused(
        release: Path, updates: Path, store: Path) -> None:
    from exponav.core.io.datafile import SCHEMA_VERSION

    manifest = put_version(first_manifest(release), release, updates, 1,
                           schema=SCHEMA_VERSION + 1)
    write_manifest(updates, type(manifest)(**{**manifest.__dict__,
                                             "schema_version": SCHEMA_VERSION}))
    _refused(updates, store, "made by a newer ExpoNav")


def test_an_older_version_never_replaces_the_running_one(
        release: Path, updates: Path, store: Path) -> None:
    source = first_manifest(release)
    put_version(source, release, updates, 5)
    check(updates, store)
    fleet.take_staged(store)
    for p in updates.iterdir():
        p.unlink()
    put_version(source, release, updates, 4)  # a USB drive with last week's file
    [report] = check(updates, store)
    assert report.kind == "older" and "older than the running" in report.message
    assert fleet.take_staged(store) is None
    assert running_version(store) == version(5)
    assert check(updates, store) == []


def test_a_file_without_the_kiosk_fails_the_selftest(
        release: Path, updates: Path, store: Path) -> None:
    put_version(first_manifest(release), release, updates, 1)
    reports = fleet.check_updates(updates, store, show=SHOW, kiosk_id="K-NOWHERE")
    assert [r.kind for r in reports] == ["refused"]
    assert "no kiosk 'K-NOWHERE'" in reports[0].message


def test_a_damaged_current_file_falls_back_to_the_previous(
        release: Path, updates: Path, store: Path) -> None:
    source = first_manifest(release)
    for n in (1, 2):
        put_version(source, release, updates, n)
        check(updates, store)
        fleet.take_staged(store)
    current = store / f"{SHOW}-{version(2)}.exponav.db"
    os.chmod(current, 0o644)
    with current.open("r+b") as f:
        f.seek(5000)
        f.write(b"\xff" * 64)
    path, problems = fleet.running_file(store)
    assert path == store / f"{SHOW}-{version(1)}.exponav.db"
    assert "no longer matches its SHA-256" in problems[0]


# -- kill -9 during the swap -------------------------------------------------------------

_CHILD = r"""
import sys
from pathlib import Path
from exponav.core import fleet
from exponav.core.exchange.publish import read_manifest
from tests.core.fleet_helpers import put_version

release, updates, store, start = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
source = read_manifest(next(release.glob("*.manifest.json")))
print("ready", flush=True)
n = start
while True:
    n += 1
    put_version(source, release, updates, n)
    fleet.check_updates(updates, store, show="scse2025", kiosk_id="K-H2-1F-1",
                        run_selftest=n % 4 == 0)
    fleet.take_staged(store)
    if n % 5 == 0:
        fleet.rollback(store)
"""


def test_killed_at_any_moment_the_kiosk_runs_a_complete_verified_file(
        release: Path, updates: Path, store: Path) -> None:
    from exponav.core.navigator import Navigator

    put_version(first_manifest(release), release, updates, 0)
    check(updates, store)
    fleet.take_staged(store)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "app"), str(root)])}
    rng = random.Random(14)
    for round_ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(release), str(updates), str(store),
             str(round_ * 1000)], stdout=subprocess.PIPE, env=env, text=True)
        assert child.stdout.readline().strip() == "ready"
        try:
            child.wait(timeout=rng.uniform(0.01, 0.2))
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL, "the child stopped by itself"
        child.stdout.close()
        path, problems = fleet.running_file(store)
        assert path is not None and problems == [], problems
        state = fleet.load_state(store)
        assert file_sha256(path) == state.current.sha256
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        conn.close()
        assert state.current.version not in state.rolled_back
        if round_ % 10 == 0:
            Navigator.open(path).close()
    assert fleet.load_state(store).current is not None
    # what the killed copies left behind is gone after the next check
    check(updates, store)
    leftovers = [p.name for p in store.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_copy_that_fails_is_tried_again(release: Path, updates: Path, store: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    put_version(first_manifest(release), release, updates, 1)

    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(fleet.shutil, "copyfile", full)
        [report] = check(updates, store)
    assert report.kind == "failed" and "the disk is full" in report.message
    assert [r.kind for r in check(updates, store)] == ["staged"]
    assert not [p for p in store.iterdir() if p.name.endswith(".tmp")]


def test_a_missing_update_folder_is_reported(tmp_path: Path, store: Path) -> None:
    [report] = check(tmp_path / "not-plugged-in", store)
    assert report.kind == "unreadable" and "not-plugged-in" in report.message
