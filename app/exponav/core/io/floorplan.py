"""Read and write the floor-plan files: ``venue.json`` and one GeoJSON per level.

The files are the source of truth that staff edit (QGIS opens them as they are). Every
problem is reported as a :class:`~exponav.core.errors.DataError` whose message names the
file and the feature and says what was expected.

>>> from exponav.core.paths import venue_dir
>>> venue = load_venue(venue_dir())
>>> sorted(venue.levels)
['H1-1F', 'H1-4F', 'H2-1F', 'H2-4F']
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Polygon, mapping, shape

from exponav.core.errors import DataError
from exponav.core.model import (
    Amenity,
    Booth,
    Connector,
    ConnectorEnd,
    Kiosk,
    Level,
    LevelPlan,
    Obstacle,
    Opening,
    Venue,
    Zone,
)
from exponav.core.model.codes import canonical_code
from exponav.core.model.venue import WALKS

__all__ = ["load_venue", "plan_from_features", "read_features", "write_level"]

_GEOMETRY = {
    "footprint": "Polygon",
    "obstacle": "Polygon",
    "booth": "Polygon",
    "zone": "Polygon",
    "amenity": "Point",
    "opening": "LineString",
    "kiosk": "Point",
    "connector": "Point",
}


def _names(props: Mapping[str, Any]) -> tuple[str, str]:
    names = props.get("names") or {}
    if not isinstance(names, Mapping):
        names = {}
    return str(names.get("en", props.get("name", "")) or ""), str(names.get("zh-Hant", "") or "")


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist.") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{path}, line {e.lineno}: not valid JSON ({e.msg}).") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None


def read_features(path: Path) -> list[tuple[dict[str, Any], Any]]:
    """Parse one level's GeoJSON into ``(properties, shapely geometry)`` pairs.

    Each feature must carry a known ``properties.kind`` and the geometry that kind
    needs, and the geometry must be valid.
    """
    doc = _read_json(path)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DataError(f"{path}: expected a GeoJSON FeatureCollection.")
    out: list[tuple[dict[str, Any], Any]] = []
    for i, feature in enumerate(doc.get("features") or []):
        props = (feature or {}).get("properties") or {}
        kind = props.get("kind")
        label = props.get("code") or props.get("id") or props.get("connector") or f"#{i}"
        where = f"{path.name}, feature {i} ({kind} {label})"
        if kind not in _GEOMETRY:
            raise DataError(f"{where}: properties.kind must be one of {', '.join(_GEOMETRY)}.")
        try:
            geom = shape(feature["geometry"])
        except Exception:  # noqa: BLE001 - any malformed geometry is the same user error
            raise DataError(f"{where}: the geometry is missing or malformed.") from None
        if geom.geom_type != _GEOMETRY[kind]:
            raise DataError(f"{where}: expected a {_GEOMETRY[kind]}, found a {geom.geom_type}.")
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            raise DataError(f"{where}: the geometry is not valid ({reason}).")
        out.append((dict(props), geom))
    return out


def plan_from_features(level: Level, features: Iterable[tuple[Mapping[str, Any], Any]],
                       source: str = "") -> LevelPlan:
    """Build a :class:`LevelPlan` from ``(properties, geometry)`` pairs.

    Shared by the GeoJSON reader and the data-file reader, so both see the same rules.
    """
    footprint: Polygon | None = None
    plan = LevelPlan(level=level, footprint=Polygon())
    where = source or level.id
    for props, geom in features:
        kind = props["kind"]
        if kind == "footprint":
            if footprint is not None:
                raise DataError(f"{where}: more than one footprint; a level has exactly one.")
            footprint = geom
        elif kind == "obstacle":
            plan.obstacles.append(Obstacle(level.id, str(props.get("category", "wall")), geom))
        elif kind == "booth":
            code = canonical_code(str(props.get("code", "")))
            if code is None:
                raise DataError(f"{where}: booth code {props.get('code')!r} is not an area "
                                "letter and 3-4 digits with an optional a/b.")
            plan.booths.append(Booth(code, level.id, str(props.get("area") or code[0]),
                                     str(props.get("type", "standard")), geom,
                                     props.get("zone") or None))
        elif kind == "zone":
            en, zh = _names(props)
            walk = props.get("walk") or "through"
            if walk not in WALKS:
                raise DataError(f"{where}: zone {props.get('id')} has walk {walk!r}; expected "
                                f"one of {', '.join(WALKS)}.")
            plan.zones.append(Zone(str(props["id"]), level.id, en, zh, geom,
                                   str(props.get("category", "zone")), walk))
        elif kind == "amenity":
            en, zh = _names(props)
            plan.amenities.append(Amenity(str(props["id"]), level.id,
                                          str(props.get("category", "")), geom, en, zh))
        elif kind == "opening":
            en, zh = _names(props)
            plan.openings.append(Opening(str(props["id"]), level.id,
                                         str(props.get("category", "pedestrian")), geom, en, zh))
        elif kind == "kiosk":
            try:
                heading = float(props.get("heading_deg", 0.0))
            except (TypeError, ValueError):
                raise DataError(f"{where}: kiosk {props.get('id')} needs a numeric heading_deg.") from None
            plan.kiosks.append(Kiosk(str(props["id"]), level.id, geom, heading % 360.0))
        elif kind == "connector":
            plan.connector_points[str(props["connector"])] = geom
    if footprint is None:
        raise DataError(f"{where}: no footprint feature; every level needs its outline.")
    plan.footprint = footprint
    return plan


def _level(entry: Mapping[str, Any], path: Path, i: int) -> Level:
    try:
        en, zh = _names(entry)
        return Level(id=str(entry["id"]), name=en or str(entry["id"]), name_zh=zh or en,
                     building=str(entry.get("building", "")), ordinal=int(entry["ordinal"]),
                     file=str(entry["file"]))
    except (KeyError, TypeError, ValueError):
        raise DataError(f"{path}: level {i} needs id, ordinal and file.") from None


def _connector(entry: Mapping[str, Any], path: Path, levels: Mapping[str, Level]) -> Connector:
    cid = entry.get("id", "?")
    try:
        ends = tuple(ConnectorEnd(str(e["level"]), float(e["x"]), float(e["y"]))
                     for e in entry["ends"])
        en, zh = _names(entry)
        conn = Connector(id=str(cid), kind=str(entry["kind"]),
                         step_free=bool(entry.get("step_free", False)), ends=ends,
                         ride_s=float(entry.get("ride_s", 0.0)),
                         wait_s=float(entry.get("wait_s", 0.0)), name=en, name_zh=zh)
    except (KeyError, TypeError, ValueError):
        raise DataError(f"{path}: connector {cid} needs kind and ends with level, x and y.") from None
    if len(ends) < 2:
        raise DataError(f"{path}: connector {cid} needs at least two ends.")
    for end in ends:
        if end.level not in levels:
            raise DataError(f"{path}: connector {cid} names level {end.level}, which is not listed.")
    return conn


def load_venue(folder: Path | str) -> Venue:
    """Read ``venue.json`` and every level file it lists."""
    folder = Path(folder)
    path = folder / "venue.json"
    doc = _read_json(path)
    if not isinstance(doc, dict) or "levels" not in doc:
        raise DataError(f"{path}: expected an object with id, names, levels and connectors.")
    levels = {lv.id: lv for lv in (_level(e, path, i) for i, e in enumerate(doc["levels"]))}
    connectors = [_connector(e, path, levels) for e in doc.get("connectors", [])]
    plans = {}
    for level in levels.values():
        level_path = folder / level.file
        plans[level.id] = plan_from_features(level, read_features(level_path), level_path.name)
    en, zh = _names(doc)
    return Venue(id=str(doc.get("id", folder.name)), name=en, name_zh=zh, levels=levels,
                 connectors=connectors, plans=plans, georeference=doc.get("georeference"))


def write_level(features: Iterable[tuple[Mapping[str, Any], Any]], path: Path) -> None:
    """Write ``(properties, geometry)`` pairs as a GeoJSON FeatureCollection, atomically.

    The file is written next to its destination and renamed over it, so a failure never
    leaves a half-written plan behind.
    """
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": dict(props), "geometry": mapping(geom)}
            for props, geom in features
        ],
    }
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
