"""The one SQLite data file, built with sqlite-utils from ``floorplans/`` and ``db/``.

The data file is what staff publish to kiosks. It holds the raw plan features (so the
file alone can rebuild every level), tables for people using SQL tools (``booths``,
``exhibitors``, ``sessions`` ...), and the search index. Its schema version is
``PRAGMA user_version``; a file built by an older version, or from sources that have
changed since (their SHA-256 is kept in ``meta``), is rebuilt by
:func:`ensure_data_file`. Building writes a temporary file and renames it over the
old one, so a failed build never leaves a half-written data file.

>>> from exponav.core import paths
>>> path = ensure_data_file()
>>> data = read_data_file(path)
>>> data.venue.id, data.show.show.id
('tainex', 'scse2025')
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import sqlite_utils

from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.io.floorplan import load_venue, plan_from_features, read_features
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
        for f in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".md"):
            h.update(f.relative_to(folder).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _write(db: sqlite_utils.Database, venue_dir: Path, show_dir: Path, fingerprint: str) -> None:
    venue = load_venue(venue_dir)
    show = load_show(show_dir)
    booths = {b.code: b for b in venue.booths()}
    _check_references(venue, show, booths)
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
    db["connectors"].insert_all([
        {"id": c.id, "kind": c.kind, "step_free": c.step_free, "ride_s": c.ride_s,
         "wait_s": c.wait_s, "name": c.name, "name_zh": c.name_zh,
         "ends": json.dumps([e.__dict__ for e in c.ends])}
        for c in venue.connectors], pk="id")
    rows = []
    for level in venue.levels.values():
        for seq, (props, geom) in enumerate(read_features(venue_dir / level.file)):
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
    db["amenities"].insert_all([
        {"id": a.id, "level": a.level, "category": a.category, "name": a.name,
         "name_zh": a.name_zh, "x": a.point.x, "y": a.point.y}
        for plan in venue.plans.values() for a in plan.amenities], pk="id")
    db["categories"].insert_all([c.__dict__ for c in show.categories.values()], pk="id")
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
    db["exhibitor_categories"].insert_all(
        [{"exhibitor": e.id, "category": c, "seq": i}
         for e in show.exhibitors.values() for i, c in enumerate(e.categories)],
        pk=("exhibitor", "category"), foreign_keys=[("exhibitor", "exhibitors", "id"),
                                                    ("category", "categories", "id")])
    db["sessions"].insert_all([s.__dict__ for s in show.sessions], pk="id")
    db["sessions"].create_index(["place"], if_not_exists=True)
    create_index(db, search_documents(venue, show))


def _check_references(venue: Venue, show: ShowData, booths: dict[str, Any]) -> None:
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
    codes = [b.code for b in venue.booths()]
    if len(codes) != len(set(codes)):
        dup = next(c for c in codes if codes.count(c) > 1)
        raise DataError(f"floor plans: booth code {dup} is used more than once.")


def build_data_file(dest: Path, venue_dir: Path | None = None,
                    show_dir: Path | None = None) -> Path:
    """Build the data file at ``dest`` from the sources (atomically)."""
    venue_dir = venue_dir or paths.venue_dir()
    show_dir = show_dir or paths.show_dir()
    dest.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = source_fingerprint(venue_dir, show_dir)
    fd, tmp = tempfile.mkstemp(prefix=dest.name, suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            db = sqlite_utils.Database(conn)
            with conn:
                _write(db, venue_dir, show_dir, fingerprint)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def _stored_state(path: Path) -> tuple[int, str | None]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
    """The bundled data file, built when missing, older than the schema or its sources."""
    dest = dest or paths.default_data_file()
    venue_dir = venue_dir or paths.venue_dir()
    show_dir = show_dir or paths.show_dir()
    version, fingerprint = _stored_state(dest) if dest.exists() else (-1, None)
    if version != SCHEMA_VERSION or fingerprint != source_fingerprint(venue_dir, show_dir):
        build_data_file(dest, venue_dir, show_dir)
    return dest


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise DataError(f"{path}: the data file does not exist.")
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True,
                               check_same_thread=False)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM features").fetchone()
    except sqlite3.Error as e:
        raise DataError(f"{path}: not an ExpoNav data file, or damaged ({e}).") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise DataError(f"{path}: data file version {version}, this ExpoNav reads version "
                        f"{SCHEMA_VERSION}; rebuild it with `exponav build-data`.")
    return conn


def read_data_file(path: Path) -> DataFile:
    """Open a data file read-only and read the venue and show back from it."""
    conn = _open_read_only(path)
    try:
        return _read(path, conn)
    except (sqlite3.Error, KeyError, ValueError, TypeError, json.JSONDecodeError,
            shapely.errors.GEOSException) as e:
        conn.close()
        raise DataError(f"{path}: the data file is damaged ({e}).") from None


def _read(path: Path, conn: sqlite3.Connection) -> DataFile:
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    venue_meta = json.loads(meta["venue"])
    show = Show(**json.loads(meta["show"]))
    levels = {}
    for row in conn.execute("SELECT id, name, name_zh, building, ordinal, file FROM levels "
                            "ORDER BY seq"):
        levels[row[0]] = Level(*row)
    connectors = [
        Connector(id=r[0], kind=r[1], step_free=bool(r[2]), ride_s=r[3], wait_s=r[4], name=r[5],
                  name_zh=r[6], ends=tuple(ConnectorEnd(**e) for e in json.loads(r[7])))
        for r in conn.execute("SELECT id, kind, step_free, ride_s, wait_s, name, name_zh, ends "
                              "FROM connectors")]
    rows = conn.execute("SELECT level, properties, geometry FROM features ORDER BY level, seq"
                        ).fetchall()
    geoms = shapely.from_wkb([r[2] for r in rows])
    by_level: dict[str, list[tuple[dict[str, Any], Any]]] = {lv: [] for lv in levels}
    for (level, props, _), geom in zip(rows, geoms, strict=True):
        by_level[level].append((json.loads(props), geom))
    plans = {lv: plan_from_features(levels[lv], feats, f"{path.name} level {lv}")
             for lv, feats in by_level.items()}
    venue = Venue(id=venue_meta["id"], name=venue_meta["name"], name_zh=venue_meta["name_zh"],
                  levels=levels, connectors=connectors, plans=plans,
                  georeference=venue_meta.get("georeference"))

    data = ShowData(show=show)
    for r in conn.execute("SELECT id, name, name_zh FROM categories"):
        data.categories[r[0]] = Category(*r)
    booths: dict[str, list[str]] = {}
    for ex_id, code in conn.execute("SELECT exhibitor, booth FROM exhibitor_booths ORDER BY seq"):
        booths.setdefault(ex_id, []).append(code)
    cats: dict[str, list[str]] = {}
    for ex_id, cat in conn.execute("SELECT exhibitor, category FROM exhibitor_categories "
                                   "ORDER BY seq"):
        cats.setdefault(ex_id, []).append(cat)
    for r in conn.execute("SELECT id, name, name_zh, country, description, description_zh, "
                          "website, demo FROM exhibitors ORDER BY id"):
        data.exhibitors[r[0]] = Exhibitor(
            id=r[0], name=r[1], name_zh=r[2], country=r[3], categories=tuple(cats.get(r[0], ())),
            booths=tuple(booths.get(r[0], ())), description=r[4], description_zh=r[5],
            website=r[6], demo=bool(r[7]))
    for r in conn.execute("SELECT id, kind, title, title_zh, place, start, end, exhibitor, demo "
                          "FROM sessions ORDER BY start, id"):
        data.sessions.append(Session(*r[:8], demo=bool(r[8])))
    return DataFile(path=path, venue=venue, show=data, conn=conn)
