"""The tables of the data file for SQL tools: their columns, keys and indexes, the
``search`` view and the full-text tables, and the writing of a venue and show into them.

The foreign keys link what SQL users join (Datasette follows them): plan features,
zones, booths and amenities to their level; booths to their zone and exhibitor; the
booth assignments (``exhibitor_booths``) and ``exhibitor_categories`` to both sides;
sessions to their exhibitor and to the booth, amenity or zone of their place.

>>> db = sqlite_utils.Database(memory=True)
>>> create_tables(db)
>>> sorted(fk.other_table for fk in db["booths"].foreign_keys)
['exhibitors', 'levels', 'zones']
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import shapely
import sqlite_utils

from exponav.core.model import ShowData, Venue

__all__ = ["Features", "add_full_text", "create_tables", "write_tables"]

#: Each level's plan features as read: (properties, geometry) pairs.
Features = dict[str, list[tuple[dict[str, Any], Any]]]

#: The tables for SQL tools: columns, primary key, foreign keys (column, table, column)
#: and the indexed columns (the columns that queries filter on, foreign keys first). They
#: are created before any row goes in, so a venue without zones or a show without
#: sessions still has every table.
_TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...],
                         list[tuple[str, str, str]], list[str]]] = {
    "meta": ({"key": str, "value": str}, "key", [], []),
    "levels": ({"id": str, "name": str, "name_zh": str, "building": str, "ordinal": int,
                "file": str, "seq": int}, "id", [], []),
    "connectors": ({"id": str, "kind": str, "step_free": int, "ride_s": float,
                    "wait_s": float, "name": str, "name_zh": str, "ends": str}, "id", [], []),
    "features": ({"level": str, "seq": int, "kind": str, "properties": str,
                  "geometry": bytes}, ("level", "seq"), [("level", "levels", "id")], ["kind"]),
    "zones": ({"id": str, "level": str, "category": str, "name": str, "name_zh": str},
              "id", [("level", "levels", "id")], ["level"]),
    "categories": ({"id": str, "name": str, "name_zh": str}, "id", [], []),
    "exhibitors": ({"id": str, "name": str, "name_zh": str, "country": str,
                    "description": str, "description_zh": str, "website": str, "demo": int},
                   "id", [], ["country"]),
    "booths": ({"code": str, "level": str, "area": str, "type": str, "zone": str,
                "area_m2": float, "units": int, "cx": float, "cy": float, "exhibitor": str},
               "code", [("level", "levels", "id"), ("zone", "zones", "id"),
                        ("exhibitor", "exhibitors", "id")], ["level", "zone", "exhibitor"]),
    "amenities": ({"id": str, "level": str, "category": str, "name": str, "name_zh": str,
                   "x": float, "y": float}, "id", [("level", "levels", "id")],
                  ["level", "category"]),
    # the booth assignments: which exhibitor has which booth (each booth at most one)
    "exhibitor_booths": ({"exhibitor": str, "booth": str, "seq": int}, ("exhibitor", "booth"),
                         [("exhibitor", "exhibitors", "id"), ("booth", "booths", "code")],
                         ["booth"]),
    "exhibitor_categories": ({"exhibitor": str, "category": str, "seq": int},
                             ("exhibitor", "category"),
                             [("exhibitor", "exhibitors", "id"),
                              ("category", "categories", "id")], ["category"]),
    # place is the id as the show gives it; booth, amenity or zone says which one it is
    "sessions": ({"id": str, "kind": str, "title": str, "title_zh": str, "place": str,
                  "start": str, "end": str, "exhibitor": str, "demo": int, "booth": str,
                  "amenity": str, "zone": str}, "id",
                 [("exhibitor", "exhibitors", "id"), ("booth", "booths", "code"),
                  ("amenity", "amenities", "id"), ("zone", "zones", "id")],
                 ["place", "start", "exhibitor", "booth", "amenity", "zone"]),
}

#: One row per exhibitor, booth and amenity, with its names and where it is: names in
#: English and Chinese for ``WHERE names LIKE '%chunghwa%'`` from any SQL tool.
_SEARCH_VIEW = """
CREATE VIEW search AS
SELECT 'exhibitor' AS kind, e.id AS id, e.name AS name, e.name_zh AS name_zh,
       trim(e.name || ' ' || e.name_zh) AS names,
       (SELECT b.level FROM exhibitor_booths AS eb JOIN booths AS b ON b.code = eb.booth
         WHERE eb.exhibitor = e.id ORDER BY eb.seq LIMIT 1) AS level,
       (SELECT group_concat(booth, ' ') FROM (SELECT booth FROM exhibitor_booths
         WHERE exhibitor = e.id ORDER BY seq)) AS booths,
       e.id AS exhibitor
  FROM exhibitors AS e
UNION ALL
SELECT 'booth', b.code, coalesce(e.name, ''), coalesce(e.name_zh, ''),
       trim(coalesce(e.name, '') || ' ' || coalesce(e.name_zh, '')), b.level, b.code,
       b.exhibitor
  FROM booths AS b LEFT JOIN exhibitors AS e ON e.id = b.exhibitor
UNION ALL
SELECT 'amenity', a.id, a.name, a.name_zh, trim(a.name || ' ' || a.name_zh), a.level,
       NULL, NULL
  FROM amenities AS a
"""

#: Full-text tables in sqlite-utils' convention (``<table>_fts``, which Datasette and
#: ``sqlite-utils search`` find), by trigrams so that Chinese names, which have no
#: spaces between words, match any three characters or more.
_FTS = {"exhibitors": ["name", "name_zh"], "amenities": ["name", "name_zh"]}


def create_tables(db: sqlite_utils.Database) -> None:
    """Every table of :data:`_TABLES`, empty, with its keys and indexes."""
    for name, (columns, pk, foreign_keys, indexed) in _TABLES.items():
        db[name].create(columns, pk=pk, foreign_keys=foreign_keys)
        for column in indexed:
            db[name].create_index([column], unique=(name, column) == ("exhibitor_booths",
                                                                     "booth"))


def _has_trigrams(db: sqlite_utils.Database) -> bool:
    """Whether this SQLite has FTS5 with its trigram tokenizer (3.34 and later)."""
    try:
        db.execute("CREATE VIRTUAL TABLE temp.exponav_probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.exponav_probe")
    return True


def write_tables(db: sqlite_utils.Database, venue: Venue, show: ShowData,
                 features: Features, fingerprint: str) -> None:
    """Create every table and the search view, and write the sources into them."""
    booths = {b.code: b for b in venue.booths()}
    owners = {code: ex for ex in show.exhibitors.values() for code in ex.booths}
    zones = [z for plan in venue.plans.values() for z in plan.zones]
    amenities = [a for plan in venue.plans.values() for a in plan.amenities]
    create_tables(db)

    db["meta"].insert_all([
        {"key": "fingerprint", "value": fingerprint},
        {"key": "venue", "value": json.dumps({"id": venue.id, "name": venue.name,
                                              "name_zh": venue.name_zh,
                                              "georeference": venue.georeference},
                                             ensure_ascii=False)},
        {"key": "show", "value": json.dumps(show.show.__dict__, ensure_ascii=False)},
    ])
    db["levels"].insert_all(
        [{**lv.__dict__, "seq": i} for i, lv in enumerate(venue.levels.values())])
    db["connectors"].insert_all([
        {"id": c.id, "kind": c.kind, "step_free": c.step_free, "ride_s": c.ride_s,
         "wait_s": c.wait_s, "name": c.name, "name_zh": c.name_zh,
         "ends": json.dumps([e.__dict__ for e in c.ends])}
        for c in venue.connectors])
    db["features"].insert_all(
        {"level": level.id, "seq": seq, "kind": props["kind"],
         "properties": json.dumps(props, ensure_ascii=False),
         "geometry": shapely.to_wkb(geom)}
        for level in venue.levels.values() for seq, (props, geom) in enumerate(features[level.id]))
    db["zones"].insert_all([
        {"id": z.id, "level": z.level, "category": z.category, "name": z.name,
         "name_zh": z.name_zh} for z in zones])
    db["categories"].insert_all([c.__dict__ for c in show.categories.values()])
    db["exhibitors"].insert_all([
        {"id": e.id, "name": e.name, "name_zh": e.name_zh, "country": e.country,
         "description": e.description, "description_zh": e.description_zh,
         "website": e.website, "demo": e.demo}
        for e in show.exhibitors.values()])
    db["booths"].insert_all([
        {"code": b.code, "level": b.level, "area": b.area, "type": b.type, "zone": b.zone,
         "area_m2": round(b.area_m2, 2), "units": b.standard_units,
         "cx": round(b.polygon.centroid.x, 2), "cy": round(b.polygon.centroid.y, 2),
         "exhibitor": owners[b.code].id if b.code in owners else None}
        for b in booths.values()])
    db["amenities"].insert_all([
        {"id": a.id, "level": a.level, "category": a.category, "name": a.name,
         "name_zh": a.name_zh, "x": a.point.x, "y": a.point.y} for a in amenities])
    db["exhibitor_booths"].insert_all(
        [{"exhibitor": e.id, "booth": code, "seq": i}
         for e in show.exhibitors.values() for i, code in enumerate(e.booths)])
    db["exhibitor_categories"].insert_all(
        [{"exhibitor": e.id, "category": c, "seq": i}
         for e in show.exhibitors.values() for i, c in enumerate(e.categories)])
    amenity_ids, zone_ids = {a.id for a in amenities}, {z.id for z in zones}
    db["sessions"].insert_all([
        {**s.__dict__, "exhibitor": s.exhibitor or None,
         "booth": s.place if s.place in booths else None,
         "amenity": s.place if s.place in amenity_ids else None,
         "zone": s.place if s.place in zone_ids else None} for s in show.sessions])
    db.execute(_SEARCH_VIEW)


def add_full_text(db: sqlite_utils.Database) -> None:
    """The ``<table>_fts`` tables, where this SQLite has trigrams (else only the view).
    Made after VACUUM, which may renumber the rowids they refer to."""
    if _has_trigrams(db):
        for table, columns in _FTS.items():
            db[table].enable_fts(columns, fts_version="FTS5", tokenize="trigram")
