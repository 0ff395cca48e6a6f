"""The data file: built from the sources, versioned, rebuilt when stale, opened read-only."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.io.datafile import (
    SCHEMA_VERSION,
    build_data_file,
    ensure_data_file,
    read_data_file,
    source_fingerprint,
)


def test_schema_version_and_tables(data_file: Path):
    conn = sqlite3.connect(data_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "levels", "connectors", "features", "booths", "amenities", "categories",
            "exhibitors", "exhibitor_booths", "exhibitor_categories", "sessions"} <= tables
    booths = conn.execute("SELECT count(*) FROM booths").fetchone()[0]
    assert booths > 1000


def test_round_trip_equals_sources(data_file: Path):
    from exponav.core.io.floorplan import load_venue
    from exponav.core.io.showcsv import load_show

    data = read_data_file(data_file)
    venue = load_venue(paths.venue_dir())
    show = load_show(paths.show_dir())
    assert list(data.venue.levels) == list(venue.levels)
    assert {b.code: b.polygon.wkb for b in data.venue.booths()} == \
        {b.code: b.polygon.wkb for b in venue.booths()}
    assert data.show.exhibitors == show.exhibitors
    assert data.show.sessions == sorted(show.sessions, key=lambda s: (s.start, s.id))
    assert data.venue.connectors == venue.connectors
    data.conn.close()


def test_opened_read_only(data_file: Path):
    data = read_data_file(data_file)
    with pytest.raises(sqlite3.OperationalError):
        data.conn.execute("DELETE FROM booths")
    data.conn.close()


def test_ensure_rebuilds_only_when_stale(tmp_path: Path):
    venue = tmp_path / "venue"
    show = tmp_path / "show"
    import shutil

    shutil.copytree(paths.venue_dir(), venue)
    shutil.copytree(paths.show_dir(), show)
    dest = tmp_path / "d.db"
    ensure_data_file(dest, venue, show)
    first = dest.stat().st_mtime_ns
    ensure_data_file(dest, venue, show)
    assert dest.stat().st_mtime_ns == first  # fresh: not rebuilt
    categories = show / "categories.csv"
    categories.write_text(categories.read_text(encoding="utf-8") + "robots,Robots,機器人\n",
                          encoding="utf-8")
    ensure_data_file(dest, venue, show)
    data = read_data_file(dest)
    assert "robots" in data.show.categories
    data.conn.close()
    conn = sqlite3.connect(dest)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with pytest.raises(DataError, match="version"):
        read_data_file(dest)
    ensure_data_file(dest, venue, show)  # an old schema is rebuilt
    read_data_file(dest).conn.close()


def test_fingerprint_changes_with_content(tmp_path: Path):
    import shutil

    venue = tmp_path / "venue"
    shutil.copytree(paths.venue_dir(), venue)
    before = source_fingerprint(venue, paths.show_dir())
    (venue / "venue.json").write_text((venue / "venue.json").read_text(encoding="utf-8") + " ",
                                      encoding="utf-8")
    assert source_fingerprint(venue, paths.show_dir()) != before


def test_bad_exhibitor_booth_is_named(tmp_path: Path):
    import shutil

    show = tmp_path / "show"
    shutil.copytree(paths.show_dir(), show)
    path = show / "exhibitors.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["booths"] = "Z9999"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError, match="Z9999"):
        build_data_file(tmp_path / "x.db", paths.venue_dir(), show)
    assert not (tmp_path / "x.db").exists()


# -- what cannot be opened, or built, says why ---------------------------------------------

def _damaged_copies(data_file: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Copies of the data file, each damaged in one way, with what the sentence must say."""
    cases = {
        "features on an unlisted level": (
            "UPDATE features SET level = 'ZZ' WHERE rowid = 3",
            "feature 2 of level ZZ is on a level the levels table does not list"),
        "unreadable geometry": ("UPDATE features SET geometry = x'0103' WHERE rowid = 3",
                                "the geometry of feature"),
        "a booth stored as a point": (
            "UPDATE features SET geometry = (SELECT geometry FROM features WHERE kind = "
            "'amenity' LIMIT 1) WHERE rowid = (SELECT min(rowid) FROM features WHERE kind = "
            "'booth')", "is a booth stored as a Point"),
        "properties not JSON": ("UPDATE features SET properties = '{bad' WHERE rowid = 3",
                                "the features table holds JSON text that cannot be read"),
        "no venue record": ("DELETE FROM meta WHERE key = 'venue'",
                            "its meta table has no venue record"),
        "a show record of the wrong form": ("UPDATE meta SET value = '{\"x\": 1}' WHERE key = "
                                            "'show'", "the meta table holds a record"),
        "connector ends of the wrong form": ("UPDATE connectors SET ends = '5'",
                                             "the connectors table holds a record"),
        "no exhibitors table": ("DROP TABLE exhibitors", "no such table: exhibitors"),
        "no levels table": ("DROP TABLE levels", "not an ExpoNav data file (it has no levels "
                                                 "table)"),
        "a bad booth code": ("UPDATE features SET properties = json_set(properties, '$.code', "
                             "'ZZ') WHERE rowid = (SELECT min(rowid) FROM features WHERE kind = "
                             "'booth')", "booth code 'ZZ' is not an area letter"),
    }
    out = {}
    for i, (name, (sql, words)) in enumerate(cases.items()):
        path = folder / f"damaged{i}.db"
        shutil.copy(data_file, path)
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.commit()
        conn.close()
        out[name] = (path, words)
    return out


def test_a_damaged_data_file_is_named_without_internal_words(data_file: Path, tmp_path: Path):
    for name, (path, words) in _damaged_copies(data_file, tmp_path).items():
        before = path.read_bytes()
        with pytest.raises(DataError) as e:
            read_data_file(path)
        message = str(e.value)
        assert words in message, (name, message)
        assert message.startswith(str(path)) and "\n" not in message
        assert "Error" not in message and "('" not in message and "WKB" not in message
        assert path.read_bytes() == before


def test_a_missing_search_index_is_a_data_error(data_file: Path, tmp_path: Path):
    from exponav.core.navigator import Navigator

    path = tmp_path / "nosearch.db"
    shutil.copy(data_file, path)
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE search_docs; DROP TABLE search_terms")
    conn.close()
    with pytest.raises(DataError, match="search index of the data file is missing or damaged"):
        Navigator.open(path)


def test_what_is_not_a_data_file_is_called_what_it_is(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "text.db").write_text("hello " * 100)
    cases = {tmp_path: "is a folder", tmp_path / "pipe": "is a named pipe",
             Path("/dev/null"): "is a device", tmp_path / "loop1": "loop of symbolic links",
             tmp_path / "dangling": "symbolic link to", tmp_path / "empty.db": "is empty",
             tmp_path / "text.db": "not an SQLite database",
             tmp_path / "missing.db": "does not exist"}
    for path, words in cases.items():
        with pytest.raises(DataError, match=words):
            read_data_file(path)


def test_a_locked_data_file_is_called_locked(data_file: Path, tmp_path: Path):
    path = tmp_path / "locked.db"
    shutil.copy(data_file, path)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        import exponav.core.io.datafile as datafile

        real_connect = sqlite3.connect
        with pytest.MonkeyPatch.context() as mp:  # do not wait SQLite's 5 s for the lock
            mp.setattr(datafile.sqlite3, "connect",
                       lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.05}))
            with pytest.raises(DataError, match="locked by another program"):
                read_data_file(path)
    finally:
        writer.rollback()
        writer.close()


def test_an_unreadable_data_file_says_permission(data_file: Path, tmp_path: Path):
    path = tmp_path / "secret.db"
    shutil.copy(data_file, path)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: ask as an unprivileged user instead
        if shutil.which("unshare") is None or subprocess.run(
                ["unshare", "--user", "true"], capture_output=True).returncode != 0:
            pytest.skip("running as root without user namespaces")
        proc = subprocess.run(["unshare", "--user", sys.executable, "-m", "exponav", "stats",
                               "--data", str(path)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        message = proc.stderr
    else:
        with pytest.raises(DataError) as e:
            read_data_file(path)
        message = str(e.value)
    assert "permission denied" in message and "damaged" not in message


@pytest.mark.parametrize("target, words", [
    ("folder", "is a folder, not a data file"),
    ("pipe", "is a named pipe"),
    ("link", "is a symbolic link"),
    ("/dev/null", "is a device"),
    ("/proc/exponav-test.db", "cannot write the data file in /proc"),
    ("file/x.db", "is a file, not a folder"),
])
def test_build_refuses_what_is_not_a_place_for_a_file(tmp_path: Path, target: str, words: str):
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "real.db").write_bytes(b"keep")
    (tmp_path / "link").symlink_to(tmp_path / "real.db")
    (tmp_path / "file").write_text("x")
    before = sorted(p.name for p in tmp_path.iterdir())
    dest = Path(target) if target.startswith("/") else tmp_path / target
    with pytest.raises(DataError, match=words) as e:
        build_data_file(dest)
    assert "\n" not in str(e.value) and "Errno" not in str(e.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "real.db").read_bytes() == b"keep"


def test_the_default_cache_in_a_file_says_what_to_do(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "cache").write_text("not a folder")
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "cache" / "exponav")
    with pytest.raises(DataError, match="XDG_CACHE_HOME to a folder you can write"):
        ensure_data_file()


def _readonly_folder(folder: Path) -> list[str]:
    """A command prefix under which ``folder`` cannot be written (chmod, and an unprivileged
    user when running as root); skips when neither works here."""
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "--user", "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without user namespaces")
    return ["unshare", "--user"]


def test_a_read_only_cache_with_a_current_file_keeps_working(tmp_path: Path, data_file: Path):
    cache = tmp_path / "cache"
    (cache / "exponav").mkdir(parents=True)
    ensure_data_file(cache / "exponav" / "scse2025.exponav.db")
    prefix = _readonly_folder(cache / "exponav")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache),
           "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        ok = subprocess.run([*prefix, sys.executable, "-m", "exponav", "stats", "--json"],
                            capture_output=True, text=True, env=env)
        assert ok.returncode == 0, ok.stderr
        stale = cache / "exponav" / "scse2025.exponav.db"
        (cache / "exponav").chmod(0o755)
        conn = sqlite3.connect(stale)
        conn.execute("PRAGMA user_version = 0")
        conn.close()
        (cache / "exponav").chmod(0o555)
        bad = subprocess.run([*prefix, sys.executable, "-m", "exponav", "stats"],
                             capture_output=True, text=True, env=env)
    finally:
        (cache / "exponav").chmod(0o755)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1 and "XDG_CACHE_HOME" in bad.stderr


def test_orphans_of_a_killed_build_are_removed_at_the_next_start(tmp_path: Path):
    dest = tmp_path / "scse2025.exponav.db"
    code = ("import sys, time\n"
            "from pathlib import Path\n"
            "import exponav.core.io.datafile as d\n"
            "real = d.write_tables\n"
            "def slow(*a):\n"
            "    real(*a)\n"
            "    print('written', flush=True)\n"
            "    time.sleep(60)\n"
            "d.write_tables = slow\n"
            f"d.build_data_file(Path({str(dest)!r}))\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert proc.stdout.readline().strip() == "written"
        left = [p.name for p in tmp_path.iterdir()]
        assert left and all(name.startswith(".scse2025.exponav.db.") for name in left)
        ensure_data_file(dest)  # a writer at work: its files stay
        assert set(left) <= {p.name for p in tmp_path.iterdir()}
    finally:
        proc.kill()
        proc.wait()
    ensure_data_file(dest)  # the writer is dead: the next start removes what it left
    assert [p.name for p in tmp_path.iterdir()] == [dest.name]
    read_data_file(dest).conn.close()


def test_racing_builds_leave_one_complete_file(tmp_path: Path):
    dest = tmp_path / "scse2025.exponav.db"
    code = f"from pathlib import Path; import exponav.core.io.datafile as d; " \
           f"d.ensure_data_file(Path({str(dest)!r}))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert [p.name for p in tmp_path.iterdir()] == [dest.name]
    read_data_file(dest).conn.close()
