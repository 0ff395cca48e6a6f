"""The data file as SQLite users read it: foreign keys that hold, indexes where queries
filter, a search view and full-text tables, mode 0644, and old versions named."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exponav.cli.commands import main
from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.io.datafile import (
    SCHEMA_VERSION,
    build_data_file,
    ensure_data_file,
    read_data_file,
)

#: (table, column) -> (table, column) it refers to
FOREIGN_KEYS = {
    ("features", "level"): ("levels", "id"),
    ("zones", "level"): ("levels", "id"),
    ("booths", "level"): ("levels", "id"),
    ("booths", "zone"): ("zones", "id"),
    ("booths", "exhibitor"): ("exhibitors", "id"),
    ("amenities", "level"): ("levels", "id"),
    ("exhibitor_booths", "exhibitor"): ("exhibitors", "id"),
    ("exhibitor_booths", "booth"): ("booths", "code"),
    ("exhibitor_categories", "exhibitor"): ("exhibitors", "id"),
    ("exhibitor_categories", "category"): ("categories", "id"),
    ("sessions", "exhibitor"): ("exhibitors", "id"),
    ("sessions", "booth"): ("booths", "code"),
    ("sessions", "amenity"): ("amenities", "id"),
    ("sessions", "zone"): ("zones", "id"),
}


@pytest.fixture
def conn(data_file: Path):
    connection = sqlite3.connect(f"file:{data_file}?mode=ro", uri=True)
    yield connection
    connection.close()


def _copy(data_file: Path, tmp_path: Path, name: str = "copy.db") -> Path:
    path = tmp_path / name
    shutil.copy(data_file, path)
    return path


# -- foreign keys --------------------------------------------------------------------------

def test_foreign_keys_are_declared(conn):
    declared = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in conn.execute(f"PRAGMA foreign_key_list({table})"):
            declared[(table, row[3])] = (row[2], row[4])
    assert declared == FOREIGN_KEYS


def test_foreign_keys_hold(conn):
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # and they are not empty links: most booths with an exhibitor, every session placed
    owned = conn.execute("SELECT count(*) FROM booths WHERE exhibitor IS NOT NULL").fetchone()
    assert owned[0] >= 900
    unplaced = conn.execute("SELECT count(*) FROM sessions WHERE coalesce(booth, amenity, zone) "
                            "IS NULL").fetchone()[0]
    assert unplaced == 0
    in_zones = conn.execute("SELECT count(*) FROM booths WHERE zone IS NOT NULL").fetchone()[0]
    assert in_zones > 100


@pytest.mark.parametrize("sql", [
    "UPDATE booths SET exhibitor = 'EX9999' WHERE code = 'S1024'",
    "UPDATE sessions SET amenity = 'NOWHERE' WHERE rowid = 1",
    "DELETE FROM exhibitors WHERE id = 'EX0001'",
])
def test_a_broken_link_is_found_by_foreign_key_check(data_file, tmp_path, sql):
    copy = sqlite3.connect(_copy(data_file, tmp_path))
    copy.execute(sql)
    assert copy.execute("PRAGMA foreign_key_check").fetchall() != []
    copy.close()


def test_the_links_agree_with_the_show(conn, data_file):
    data = read_data_file(data_file)
    try:
        for ex in list(data.show.exhibitors.values())[:50]:
            linked = [r[0] for r in conn.execute(
                "SELECT booth FROM exhibitor_booths WHERE exhibitor = ? ORDER BY seq", (ex.id,))]
            assert linked == list(ex.booths)
            owners = {r[0] for r in conn.execute(
                f"SELECT exhibitor FROM booths WHERE code IN ({','.join('?' * len(ex.booths))})",
                ex.booths)}
            assert owners <= {ex.id}
    finally:
        data.conn.close()


# -- indexes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("table, column", [
    *FOREIGN_KEYS, ("amenities", "category"), ("sessions", "place"), ("sessions", "start"),
    ("features", "kind")])
def test_an_index_where_queries_filter(conn, table, column):
    if (table, column) == ("features", "level"):  # the first column of the primary key
        column = "level"
    plan = " ".join(r[3] for r in conn.execute(
        f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {column} = ?", ("x",)))
    assert "USING INDEX" in plan or "USING PRIMARY KEY" in plan, plan


def test_a_booth_has_one_exhibitor_in_the_assignments(conn):
    unique = {r[1]: r[2] for r in conn.execute("PRAGMA index_list(exhibitor_booths)")}
    assert unique["idx_exhibitor_booths_booth"] == 1


# -- the search view and the full-text tables -------------------------------------------------

@pytest.mark.parametrize("text", ["中華電信", "chunghwa", "CHUNGHWA", "電信"])
def test_the_search_view_finds_chunghwa(conn, text):
    rows = conn.execute("SELECT kind, id, name, name_zh, level, booths FROM search "
                        "WHERE names LIKE '%' || ? || '%'", (text,)).fetchall()
    exhibitors = [r for r in rows if r[0] == "exhibitor"]
    assert ("exhibitor", "EX0001", "Chunghwa Telecom", "中華電信", "H2-1F", "Q0311 Q0319") \
        in exhibitors
    booths = {r[1] for r in rows if r[0] == "booth" and r[2] == "Chunghwa Telecom"}
    assert booths == {"Q0311", "Q0319"}


def test_the_search_view_has_every_exhibitor_booth_and_amenity(conn):
    counts = dict(conn.execute("SELECT kind, count(*) FROM search GROUP BY kind"))
    for kind, table in (("exhibitor", "exhibitors"), ("booth", "booths"),
                        ("amenity", "amenities")):
        assert counts[kind] == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    toilets = conn.execute("SELECT id FROM search WHERE kind = 'amenity' AND names LIKE "
                           "'%廁所%'").fetchall()
    assert toilets


@pytest.mark.parametrize("query", ["中華電信", "chunghwa", "Chunghwa Tele"])
def test_full_text_finds_chunghwa(conn, query):
    rows = conn.execute("SELECT e.id, e.name FROM exhibitors_fts JOIN exhibitors AS e ON "
                        "e.rowid = exhibitors_fts.rowid WHERE exhibitors_fts MATCH ? "
                        "ORDER BY rank", (f'"{query}"',)).fetchall()
    assert rows and rows[0] == ("EX0001", "Chunghwa Telecom")


def test_full_text_rows_are_the_rows_they_index(conn):
    mismatched = conn.execute(
        "SELECT count(*) FROM exhibitors AS e JOIN exhibitors_fts AS f ON f.rowid = e.rowid "
        "WHERE f.name IS NOT e.name OR f.name_zh IS NOT e.name_zh").fetchone()[0]
    assert mismatched == 0
    assert conn.execute("SELECT count(*) FROM exhibitors_fts").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM exhibitors").fetchone()[0]
    toilet = conn.execute("SELECT a.id FROM amenities_fts JOIN amenities AS a ON a.rowid = "
                          "amenities_fts.rowid WHERE amenities_fts MATCH '\"toilet\"'").fetchall()
    assert toilet


def _sqlite_utils(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "sqlite_utils", *args], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_sqlite_utils_reads_the_tables_and_the_view(data_file):
    counts = {t["table"]: t["count"] for t in json.loads(_sqlite_utils(
        "tables", "--counts", str(data_file)))}
    for table in ("levels", "zones", "booths", "exhibitors", "exhibitor_booths", "sessions",
                  "amenities", "exhibitors_fts"):
        assert counts[table] > 0, table
    rows = json.loads(_sqlite_utils("query", str(data_file), "SELECT kind, id FROM search "
                                    "WHERE names LIKE :q", "-p", "q", "%中華電信%"))
    assert {"kind": "exhibitor", "id": "EX0001"} in rows
    hits = json.loads(_sqlite_utils("search", str(data_file), "exhibitors", "chunghwa",
                                    "-c", "id"))
    assert hits == [{"id": "EX0001"}]


# -- the file itself ------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_built_file_is_readable_by_everyone(tmp_path):
    old = os.umask(0o022)
    try:
        dest = build_data_file(tmp_path / "published.exponav.db")
    finally:
        os.umask(old)
    assert dest.stat().st_mode & 0o777 == 0o644


def test_an_older_published_file_is_named_and_left_alone(data_file, tmp_path, capsys):
    old = _copy(data_file, tmp_path, "old.db")
    copy = sqlite3.connect(old)
    copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    copy.commit()
    copy.close()
    before = old.read_bytes()
    with pytest.raises(DataError, match="from an older ExpoNav") as e:
        read_data_file(old)
    assert f"exponav build-data --data {old}" in str(e.value)
    assert main(["stats", "--data", str(old)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"version {SCHEMA_VERSION - 1}" in err
    assert old.read_bytes() == before  # opened read-only


def test_a_newer_file_says_to_update(data_file, tmp_path):
    new = _copy(data_file, tmp_path, "new.db")
    copy = sqlite3.connect(new)
    copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    copy.commit()
    copy.close()
    with pytest.raises(DataError, match="from a newer ExpoNav.*update ExpoNav"):
        read_data_file(new)


def test_an_older_cached_file_is_rebuilt_from_its_sources(data_file, tmp_path):
    dest = _copy(data_file, tmp_path, "cache.db")
    copy = sqlite3.connect(dest)
    copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    copy.execute("DROP VIEW search")
    copy.commit()
    copy.close()
    ensure_data_file(dest)
    rebuilt = sqlite3.connect(dest)
    assert rebuilt.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert rebuilt.execute("SELECT count(*) FROM search").fetchone()[0] > 0
    rebuilt.close()


# -- sources that the links refuse, and sources with nothing to link --------------------------

def _show_copy(tmp_path: Path) -> Path:
    show = tmp_path / "show"
    shutil.copytree(paths.show_dir(), show)
    return show


def _edit_csv(path: Path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0]) if rows else []
    rows = edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def test_a_session_of_an_unknown_exhibitor_is_named(tmp_path):
    show = _show_copy(tmp_path)

    def edit(rows):
        rows[0]["exhibitor"] = "EX9999"
        return rows

    _edit_csv(show / "sessions.csv", edit)
    with pytest.raises(DataError, match=r"sessions.csv: session SE0001 names exhibitor EX9999"):
        build_data_file(tmp_path / "x.db", paths.venue_dir(), show)
    assert not (tmp_path / "x.db").exists()


def _venue_copy(tmp_path: Path, level: str, edit) -> Path:
    venue = tmp_path / "venue"
    shutil.copytree(paths.venue_dir(), venue)
    path = venue / f"{level}.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc["features"])
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return venue


def test_a_booth_in_an_unknown_zone_is_named(tmp_path):
    def edit(features):
        booth = next(f for f in features if f["properties"].get("zone"))
        booth["properties"]["zone"] = "ZONE-NOWHERE"

    venue = _venue_copy(tmp_path, "H2-4F", edit)
    with pytest.raises(DataError, match=r"H2-4F.geojson: booth \w+ lies in zone ZONE-NOWHERE"):
        build_data_file(tmp_path / "x.db", venue, paths.show_dir())


def test_a_zone_id_used_twice_is_named(tmp_path):
    def edit(features):
        zones = [f for f in features if f["properties"]["kind"] == "zone"]
        zones[1]["properties"]["id"] = zones[0]["properties"]["id"]

    venue = _venue_copy(tmp_path, "H2-4F", edit)
    with pytest.raises(DataError, match=r"the zone id ZONE-\S+ is used more than once"):
        build_data_file(tmp_path / "x.db", venue, paths.show_dir())


def test_a_show_without_sessions_or_exhibitor_links_still_has_every_table(tmp_path):
    show = _show_copy(tmp_path)
    _edit_csv(show / "sessions.csv", lambda rows: [])
    dest = build_data_file(tmp_path / "x.db", paths.venue_dir(), show)
    data = read_data_file(dest)
    try:
        assert data.show.sessions == []
        assert data.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
        assert data.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        data.conn.close()


def test_a_session_without_an_exhibitor_is_null_in_sql_and_empty_in_the_model(tmp_path):
    show = _show_copy(tmp_path)

    def edit(rows):
        rows[0]["exhibitor"] = ""
        return rows

    _edit_csv(show / "sessions.csv", edit)
    dest = build_data_file(tmp_path / "x.db", paths.venue_dir(), show)
    data = read_data_file(dest)
    try:
        first = next(s for s in data.show.sessions if s.id == "SE0001")
        assert first.exhibitor == ""
        stored = data.conn.execute("SELECT exhibitor FROM sessions WHERE id = 'SE0001'")
        assert stored.fetchone()[0] is None
    finally:
        data.conn.close()
