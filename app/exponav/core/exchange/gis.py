"""The floor plans for GIS tools: a layer per kind and level, in WGS84 (EPSG:4326),
written as GeoJSON files (RFC 7946) or one GeoPackage (OGC 12-128r18, written with
SQLite itself), so that QGIS or GDAL show the venue at its true place and scale.

Layers are named ``<level>_<kind>`` in lower case (``h2_1f_booth``); kinds are footprint,
obstacle, booth, zone, amenity, opening, kiosk and connector, as in the floor-plan
files, and a layer that would be empty is left out.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from exponav.core.errors import DataError
from exponav.core.exchange.geo import Georeference
from exponav.core.io.atomic import atomic_path, write_text
from exponav.core.model import Venue

__all__ = ["KINDS", "Layer", "export_geojson", "export_gpkg", "layers", "read_gpkg_geometry"]

KINDS = ("footprint", "obstacle", "booth", "zone", "amenity", "opening", "kiosk", "connector")
DECIMALS = 8  # about a millimetre of longitude or latitude


@dataclass(frozen=True)
class Layer:
    name: str
    level: str
    kind: str
    features: list[tuple[Any, dict[str, Any]]]  # (geometry in WGS84, properties)

    @property
    def geometry_type(self) -> str:
        kinds = {g.geom_type.upper() for g, _ in self.features}
        return kinds.pop() if len(kinds) == 1 else "GEOMETRY"


def _local_features(venue: Venue, level: str, kind: str) -> list[tuple[Any, dict[str, Any]]]:
    plan = venue.plans[level]
    if kind == "footprint":
        lv = venue.levels[level]
        return [(plan.footprint, {"level": level, "name": lv.name, "name_zh": lv.name_zh,
                                  "building": lv.building, "ordinal": lv.ordinal})]
    if kind == "obstacle":
        return [(o.polygon, {"level": level, "category": o.category}) for o in plan.obstacles]
    if kind == "booth":
        return [(b.polygon, {"code": b.code, "level": level, "area": b.area, "type": b.type,
                             "zone": b.zone, "area_m2": round(b.area_m2, 2)})
                for b in plan.booths]
    if kind == "zone":
        return [(z.polygon, {"id": z.id, "level": level, "name": z.name, "name_zh": z.name_zh,
                             "category": z.category}) for z in plan.zones]
    if kind == "amenity":
        return [(a.point, {"id": a.id, "level": level, "category": a.category,
                           "name": a.name, "name_zh": a.name_zh}) for a in plan.amenities]
    if kind == "opening":
        return [(o.line, {"id": o.id, "level": level, "category": o.category,
                          "name": o.name, "name_zh": o.name_zh}) for o in plan.openings]
    if kind == "kiosk":
        return [(k.point, {"id": k.id, "level": level, "heading_deg": k.heading_deg})
                for k in plan.kiosks]
    connectors = {c.id: c for c in venue.connectors}
    out = []
    for cid, point in sorted(plan.connector_points.items()):
        c = connectors.get(cid)
        out.append((point, {"connector": cid, "level": level, "kind": c.kind if c else "",
                            "name": c.name if c else "", "step_free": bool(c and c.step_free)}))
    return out


def georeference(venue: Venue, where: str = "venue.json") -> Georeference:
    return Georeference.from_json(venue.georeference, where)


def layers(venue: Venue, geo: Georeference | None = None) -> list[Layer]:
    """Every non-empty layer of the venue, in WGS84, level by level."""
    geo = geo or georeference(venue)
    out = []
    for level in venue.levels:
        for kind in KINDS:
            local = _local_features(venue, level, kind)
            if not local:
                continue
            geoms = geo.geometry_to_wgs84(np.array([g for g, _ in local], dtype=object))
            feats = [(g, p) for g, (_, p) in zip(geoms, local, strict=True)]
            out.append(Layer(f"{level.lower().replace('-', '_')}_{kind}", level, kind, feats))
    return out


def _geojson(layer: Layer) -> str:
    feats = []
    for g, props in layer.features:
        geom = json.loads(shapely.to_geojson(shapely.set_precision(g, 10.0 ** -DECIMALS)))
        feats.append({"type": "Feature", "properties": props, "geometry": geom})
    doc = {"type": "FeatureCollection", "name": layer.name, "features": feats}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def _out_dir(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise DataError(f"{folder} is not a folder; name a folder for the GeoJSON layers.")
    if not folder.parent.is_dir():
        raise DataError(f"{folder.parent}: there is no such folder.")
    folder.mkdir(exist_ok=True)
    return folder


def export_geojson(venue: Venue, venue_dir: Path, out: Path) -> tuple[list[Path], int]:
    """One ``<layer>.geojson`` per layer in folder ``out`` (made if missing); the files
    written and the number of features."""
    found = layers(venue, georeference(venue, str(venue_dir / "venue.json")))
    folder = _out_dir(out)
    written = []
    for layer in found:
        path = folder / f"{layer.name}.geojson"
        write_text(path, _geojson(layer), "GeoJSON layer")
        written.append(path)
    return written, sum(len(layer.features) for layer in found)


# -- GeoPackage -------------------------------------------------------------------------

_WGS84_WKT = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
              'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
              'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
              'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
              'AUTHORITY["EPSG","4326"]]')

_SCHEMA = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""

_SRS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined",
     "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined",
     "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT,
     "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
]

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3


def gpkg_blob(geom: Any, srs_id: int = 4326) -> bytes:
    """A GeoPackage geometry blob: the ``GP`` header (version 0, little endian, an x/y
    envelope unless a point), then standard WKB."""
    wkb = shapely.to_wkb(geom, byte_order=1, flavor="iso")
    if geom.geom_type == "Point":
        return b"GP" + struct.pack("<BBi", 0, 0b0000_0001, srs_id) + wkb
    minx, miny, maxx, maxy = geom.bounds
    return (b"GP" + struct.pack("<BBi", 0, 0b0000_0011, srs_id)
            + struct.pack("<4d", minx, maxx, miny, maxy) + wkb)


def read_gpkg_geometry(blob: bytes) -> Any:
    """The shapely geometry of a GeoPackage geometry blob."""
    if blob[:2] != b"GP":
        raise DataError("not a GeoPackage geometry blob.")
    flags = blob[3]
    envelope = (flags >> 1) & 0b111
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope)
    if size is None:
        raise DataError("a GeoPackage geometry blob with an unknown envelope.")
    return shapely.from_wkb(blob[8 + size:])


def _sql_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool}:
        return "BOOLEAN" if kinds else "TEXT"
    if kinds <= {int, bool}:
        return "INTEGER"
    if kinds <= {int, float, bool}:
        return "REAL"
    return "TEXT"


def _write_gpkg(path: Path, found: list[Layer]) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        conn.executescript(_SCHEMA)
        conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        for layer in found:
            keys: list[str] = []
            for _, props in layer.features:
                keys += [k for k in props if k not in keys]
            types = {k: _sql_type([p.get(k) for _, p in layer.features]) for k in keys}
            cols = "".join(f', "{k}" {types[k]}' for k in keys)
            conn.execute(f'CREATE TABLE "{layer.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT '
                         f'NOT NULL, geom {layer.geometry_type}{cols})')
            marks = ", ".join("?" * (len(keys) + 1))
            names = "".join(f', "{k}"' for k in keys)
            conn.executemany(
                f'INSERT INTO "{layer.name}" (geom{names}) VALUES ({marks})',
                [(gpkg_blob(g), *(p.get(k) for k in keys)) for g, p in layer.features])
            minx, miny, maxx, maxy = shapely.total_bounds([g for g, _ in layer.features])
            conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                         "description, last_change, min_x, min_y, max_x, max_y, srs_id) "
                         "VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)",
                         (layer.name, layer.name, f"{layer.kind} on {layer.level}", now,
                          minx, miny, maxx, maxy))
            conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)",
                         (layer.name, layer.geometry_type))
        conn.commit()
    finally:
        conn.close()


def export_gpkg(venue: Venue, venue_dir: Path, out: Path) -> tuple[list[Path], int]:
    """One GeoPackage at ``out`` (replaced whole) holding every layer; the file written
    and the number of features."""
    found = layers(venue, georeference(venue, str(venue_dir / "venue.json")))
    if out.suffix.lower() != ".gpkg":
        raise DataError(f"{out}: a GeoPackage's name ends in .gpkg.")
    with atomic_path(out, "GeoPackage", mode=0o644) as tmp:  # SQLite takes the empty file
        _write_gpkg(tmp, found)
    return [out], sum(len(layer.features) for layer in found)
