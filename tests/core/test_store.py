"""The data file: built from the sources, versioned, rebuilt when stale, opened read-only."""

from __future__ import annotations

import csv
import sqlite3
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
