"""Read and write the floor-plan files: ``venue.json`` and one GeoJSON per level.

The files are the source of truth that staff edit (QGIS opens them as they are). Every
problem is reported as a :class:`~exponav.core.errors.DataError` whose message names the
file and the feature and says what was expected: the encoding (UTF-8), the JSON, the
shape of each feature, the ids that other files refer to, and limits well above any
real venue (:data:`MAX_FILE_BYTES`, :data:`MAX_FEATURES_PER_LEVEL`, :data:`MAX_VERTICES`)
so that a runaway file is refused in seconds instead of being built for minutes.

>>> from exponav.core.paths import venue_dir
>>> venue = load_venue(venue_dir())
>>> sorted(venue.levels)
['H1-1F', 'H1-4F', 'H2-1F', 'H2-4F']
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Polygon, mapping, shape

from exponav.core.errors import DataError, os_reason
from exponav.core.io.atomic import write_text
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

__all__ = ["GEOMETRY", "MAX_COORDINATE_M", "MAX_FEATURES_PER_LEVEL", "MAX_FILE_BYTES",
           "MAX_PROPERTY_DEPTH", "MAX_VERTICES", "load_venue", "load_venue_features",
           "plan_from_features",
           "read_features", "read_json", "read_source_text", "write_level"]

#: The geometry each ``properties.kind`` needs.
GEOMETRY = {
    "footprint": "Polygon",
    "obstacle": "Polygon",
    "booth": "Polygon",
    "zone": "Polygon",
    "amenity": "Point",
    "opening": "LineString",
    "kiosk": "Point",
    "connector": "Point",
}
#: The property that names a feature, for the kinds that other files refer to.
_ID_PROPERTY = {"zone": "id", "amenity": "id", "opening": "id", "kiosk": "id",
                "connector": "connector"}

#: Limits far above a Canton-Fair-sized venue (60,000 booths on 16 levels: about 4,000
#: features and 1 MB of GeoJSON per level).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FEATURES_PER_LEVEL = 200_000
MAX_VERTICES = 100_000  # in one polygon or line
MAX_PROPERTY_DEPTH = 32  # objects and lists inside a feature's properties
#: Coordinates are metres from the venue's origin; beyond this they are a mistake.
MAX_COORDINATE_M = 1_000_000.0


def _names(props: Mapping[str, Any]) -> tuple[str, str]:
    names = props.get("names") or {}
    if not isinstance(names, Mapping):
        names = {}
    return str(names.get("en", props.get("name", "")) or ""), str(names.get("zh-Hant", "") or "")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


_SAVE_UTF8 = "save it as UTF-8"


def _text_of(path: Path, data: bytes, bom_ok: bool) -> str:
    """The file's text, or a DataError saying which encoding it seems to be in."""
    if data.startswith(b"\xef\xbb\xbf"):
        if bom_ok:
            return _text_of(path, data[3:], False)
        raise DataError(f"{path}: the file starts with a byte-order mark; {_SAVE_UTF8} "
                        "without one.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise DataError(f"{path}: the file is in UTF-16, not UTF-8; {_SAVE_UTF8}.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DataError(f"{path}, line {line}: the file is not UTF-8 (perhaps Big5 or another "
                        f"older encoding); {_SAVE_UTF8}.") from None


def read_source_text(path: Path, *, bom_ok: bool = False) -> str:
    """The text of a source file (floor plan, venue or show file), which must be a regular
    file of at most :data:`MAX_FILE_BYTES` in UTF-8 (with a byte-order mark if
    ``bom_ok``); anything else is a DataError saying what to do."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist.") from None
    except OSError as e:
        raise DataError(f"{path}: the file cannot be read ({os_reason(e)}).") from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise DataError(f"{path} is {kind}; a file was expected.")
    if st.st_size > MAX_FILE_BYTES:
        raise DataError(f"{path}: the file is {_mb(st.st_size)}; a source file may be at most "
                        f"{_mb(MAX_FILE_BYTES)} (simplify it or split it).")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise DataError(f"{path}: the file cannot be read ({os_reason(e)}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise DataError(f"{path}: the file is larger than {_mb(MAX_FILE_BYTES)}, the most a "
                        "source file may be (simplify it or split it).")
    return _text_of(path, data, bom_ok)


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(path: Path, text: str, limit: int) -> DataError:
    """Where ``text`` first nests deeper than ``limit``: the line and, in a level file,
    the feature (found by a scan of brackets and strings, only when json gave up)."""
    depth, feature, in_features, last_key = 0, -1, False, ""
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0] == '"':
            if depth == 1:
                last_key = tok
            continue
        if tok in "[{":
            depth += 1
            if depth == 2 and tok == "[" and last_key == '"features"':
                in_features = True
            elif depth == 3 and in_features and tok == "{":
                feature += 1
            if depth > limit:
                line = text.count("\n", 0, m.start()) + 1
                where = f"{path.name}, feature {feature}" if in_features and feature >= 0 \
                    else str(path)
                return DataError(f"{where} (line {line}): nested more than {limit} levels deep; "
                                 "a floor-plan file needs only a few.")
        else:
            depth -= 1
            if depth == 1:
                in_features = False
    return DataError(f"{path}: nested too deeply to be read.")


def read_json(path: Path) -> Any:
    """A source JSON file (see :func:`read_source_text`), parsed; a bad one is a
    DataError naming the line, or the feature nested too deeply."""
    text = read_source_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"{path}, line {e.lineno}: not valid JSON ({e.msg}).") from None
    except RecursionError:
        raise _too_deep(path, text, MAX_PROPERTY_DEPTH) from None


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` holds lists or objects nested more than ``limit`` deep."""
    stack = [(value, 0)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            v = list(v.values())
        elif not isinstance(v, list):
            continue
        if d >= limit:
            return True
        stack.extend((x, d + 1) for x in v if isinstance(x, dict | list))
    return False


def _vertices(geometry: Mapping[str, Any]) -> int:
    """How many vertices a GeoJSON geometry lists (0 when it is malformed: shape() says so)."""
    coords = geometry.get("coordinates")
    if not isinstance(coords, list):
        return 0
    kind = geometry.get("type")
    if kind == "Polygon":
        return sum(len(ring) for ring in coords if isinstance(ring, list))
    if kind == "MultiPolygon":
        return sum(len(ring) for poly in coords if isinstance(poly, list)
                   for ring in poly if isinstance(ring, list))
    return len(coords)


def _what(value: Any) -> str:
    names = {str: "a string", list: "a list", int: "a number", float: "a number",
             bool: "true or false", type(None): "null"}
    return names.get(type(value), "something else")


def _label(props: Mapping[str, Any], i: int) -> str:
    for key in ("code", "id", "connector"):
        v = props.get(key)
        if isinstance(v, str | int) and not isinstance(v, bool) and str(v):
            return str(v)[:40]
    return f"#{i}"


def _is_id(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool) and bool(str(value).strip())


def read_features(path: Path) -> list[tuple[dict[str, Any], Any]]:
    """Parse one level's GeoJSON into ``(properties, shapely geometry)`` pairs.

    Each feature must be an object carrying a known ``properties.kind``, the id that
    kind needs, and the geometry that kind needs; the geometry must be valid, within
    :data:`MAX_VERTICES` and :data:`MAX_COORDINATE_M` of the origin.
    """
    doc = read_json(path)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DataError(f"{path}: expected a GeoJSON FeatureCollection.")
    features = doc.get("features")
    if features is None:
        features = []
    if not isinstance(features, list):
        raise DataError(f"{path}: \"features\" must be a list of features, not "
                        f"{_what(features) if not isinstance(features, dict) else 'an object'}.")
    if len(features) > MAX_FEATURES_PER_LEVEL:
        raise DataError(f"{path}: {len(features):,} features; a level may hold at most "
                        f"{MAX_FEATURES_PER_LEVEL:,} (simplify it or split it into levels).")
    out: list[tuple[dict[str, Any], Any]] = []
    with warnings.catch_warnings():  # shapely warns about NaN; the check below says it
        warnings.simplefilter("ignore", RuntimeWarning)
        for i, feature in enumerate(features):
            out.append(_feature(path, i, feature))
    return out


def _feature(path: Path, i: int, feature: Any) -> tuple[dict[str, Any], Any]:
    if not isinstance(feature, dict):
        raise DataError(f"{path.name}, feature {i}: a feature must be a GeoJSON object, "
                        f"not {_what(feature)}.")
    props = feature.get("properties")
    if props is None:
        props = {}
    if not isinstance(props, dict):
        raise DataError(f"{path.name}, feature {i}: \"properties\" must be an object, not "
                        f"{_what(props)}.")
    kind = props.get("kind")
    where = f"{path.name}, feature {i} ({kind if isinstance(kind, str) else '?'} " \
            f"{_label(props, i)})"
    if not isinstance(kind, str) or kind not in GEOMETRY:
        raise DataError(f"{where}: properties.kind must be one of {', '.join(GEOMETRY)}.")
    if _depth_exceeds(props, MAX_PROPERTY_DEPTH):
        raise DataError(f"{where}: the properties are nested more than {MAX_PROPERTY_DEPTH} "
                        "levels deep.")
    key = _ID_PROPERTY.get(kind)
    if key is not None and not _is_id(props.get(key)):
        article = "an" if kind[0] in "aeiou" else "a"
        raise DataError(f"{where}: {article} {kind} needs a non-empty \"{key}\" property.")
    if kind == "booth" and not _is_id(props.get("code")):
        raise DataError(f"{where}: a booth needs a \"code\" property (e.g. S1024).")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise DataError(f"{where}: the geometry is missing or malformed.")
    n = _vertices(geometry)
    if n > MAX_VERTICES:
        raise DataError(f"{where}: {n:,} vertices; a shape may have at most "
                        f"{MAX_VERTICES:,} (simplify it).")
    try:
        geom = shape(geometry)
    except Exception:  # noqa: BLE001 - any malformed geometry is the same user error
        raise DataError(f"{where}: the geometry is missing or malformed.") from None
    if geom.geom_type != GEOMETRY[kind]:
        raise DataError(f"{where}: expected a {GEOMETRY[kind]}, found a {geom.geom_type}.")
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        raise DataError(f"{where}: the geometry is not valid ({reason}).")
    if not geom.is_empty and max(abs(v) for v in geom.bounds) > MAX_COORDINATE_M:
        raise DataError(f"{where}: lies more than {MAX_COORDINATE_M / 1000:,.0f} km from the "
                        "venue's origin; coordinates are metres.")
    return dict(props), geom


def plan_from_features(level: Level, features: Iterable[tuple[Mapping[str, Any], Any]],
                       source: str = "") -> LevelPlan:
    """Build a :class:`LevelPlan` from ``(properties, geometry)`` pairs.

    Shared by the GeoJSON reader and the data-file reader, so both see the same rules.
    """
    footprint: Polygon | None = None
    plan = LevelPlan(level=level, footprint=Polygon())
    source = source or level.id
    for i, (props, geom) in enumerate(features):
        kind = props["kind"]
        where = f"{source}, feature {i}"
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
            except (TypeError, ValueError, OverflowError):
                heading = math.nan
            if not math.isfinite(heading):
                raise DataError(f"{where}: kiosk {props.get('id')} needs a numeric heading_deg "
                                "(degrees from north).")
            plan.kiosks.append(Kiosk(str(props["id"]), level.id, geom, heading % 360.0))
        elif kind == "connector":
            plan.connector_points[str(props["connector"])] = geom
    if footprint is None:
        raise DataError(f"{source}: no footprint feature; every level needs its outline.")
    plan.footprint = footprint
    return plan


def _level(entry: Any, path: Path, i: int) -> Level:
    if not isinstance(entry, Mapping):
        raise DataError(f"{path}: level {i} must be an object with id, ordinal and file.")
    try:
        en, zh = _names(entry)
        level = Level(id=str(entry["id"]), name=en or str(entry["id"]), name_zh=zh or en,
                      building=str(entry.get("building", "")), ordinal=int(entry["ordinal"]),
                      file=str(entry["file"]))
    except (KeyError, TypeError, ValueError, OverflowError):
        raise DataError(f"{path}: level {i} needs id, ordinal and file.") from None
    if not _is_id(entry["id"]) or not level.file.strip():
        raise DataError(f"{path}: level {i} needs a non-empty id and file.")
    return level


def _finite(value: Any) -> float:
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_COORDINATE_M:
        raise ValueError(value)
    return number


def _connector(entry: Any, path: Path, levels: Mapping[str, Level]) -> Connector:
    cid = entry.get("id", "?") if isinstance(entry, Mapping) else "?"
    try:
        ends = tuple(ConnectorEnd(str(e["level"]), _finite(e["x"]), _finite(e["y"]))
                     for e in entry["ends"])
        en, zh = _names(entry)
        conn = Connector(id=str(cid), kind=str(entry["kind"]),
                         step_free=bool(entry.get("step_free", False)), ends=ends,
                         ride_s=_finite(entry.get("ride_s", 0.0)),
                         wait_s=_finite(entry.get("wait_s", 0.0)), name=en, name_zh=zh)
    except (KeyError, TypeError, ValueError, OverflowError, AttributeError):
        raise DataError(f"{path}: connector {cid} needs kind and ends with level, x and y "
                        "(numbers).") from None
    if not _is_id(cid):
        raise DataError(f"{path}: every connector needs a non-empty id.")
    if conn.ride_s < 0 or conn.wait_s < 0:
        raise DataError(f"{path}: connector {cid}: ride_s and wait_s cannot be negative.")
    if len(ends) < 2:
        raise DataError(f"{path}: connector {cid} needs at least two ends.")
    for end in ends:
        if end.level not in levels:
            raise DataError(f"{path}: connector {cid} names level {end.level}, which is not listed.")
    return conn


def _list_of(doc: Mapping[str, Any], key: str, path: Path) -> list[Any]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataError(f"{path}: \"{key}\" must be a list, not "
                        f"{'an object' if isinstance(value, dict) else _what(value)}.")
    return value


def _levels(doc: Mapping[str, Any], path: Path) -> dict[str, Level]:
    entries = _list_of(doc, "levels", path)
    if not entries:
        raise DataError(f"{path}: \"levels\" lists no level; a venue needs at least one.")
    levels: dict[str, Level] = {}
    first: dict[str, int] = {}
    files: dict[str, int] = {}
    for i, entry in enumerate(entries):
        level = _level(entry, path, i)
        if level.id in levels:
            raise DataError(f"{path}: levels {first[level.id]} and {i} both have the id "
                            f"{level.id}; each level needs its own id.")
        key = os.path.normcase(os.path.normpath(level.file))
        if key in files:
            raise DataError(f"{path}: levels {files[key]} and {i} both use the file "
                            f"{level.file}; each level needs its own file.")
        levels[level.id], first[level.id], files[key] = level, i, i
    return levels


def _check_unique_codes(features: Mapping[str, tuple[str, list[tuple[dict[str, Any], Any]]]]
                        ) -> None:
    """Each booth code is used once in the whole venue (in any spelling)."""
    seen: dict[str, str] = {}
    for file_name, feats in features.values():
        for i, (props, _) in enumerate(feats):
            if props["kind"] != "booth":
                continue
            code = canonical_code(str(props["code"])) or str(props["code"])
            here = f"{file_name}, feature {i}"
            if code in seen:
                raise DataError(f"{here}: booth code {code} is used more than once (also "
                                f"{seen[code]}); each booth needs its own code.")
            seen[code] = here


def load_venue(folder: Path | str) -> Venue:
    """Read ``venue.json`` and every level file it lists."""
    return load_venue_features(folder)[0]


def load_venue_features(folder: Path | str
                        ) -> tuple[Venue, dict[str, list[tuple[dict[str, Any], Any]]]]:
    """:func:`load_venue`, with each level's ``(properties, geometry)`` pairs as read
    (for writers that keep the features as they are, without reading the files again)."""
    folder = Path(folder)
    path = folder / "venue.json"
    doc = read_json(path)
    if not isinstance(doc, dict) or "levels" not in doc:
        raise DataError(f"{path}: expected an object with id, names, levels and connectors.")
    levels = _levels(doc, path)
    connectors = [_connector(e, path, levels) for e in _list_of(doc, "connectors", path)]
    ids = [c.id for c in connectors]
    if len(ids) != len(set(ids)):
        dup = next(c for c in ids if ids.count(c) > 1)
        raise DataError(f"{path}: connector id {dup} is used more than once.")
    features = {}
    for level in levels.values():
        level_path = folder / level.file
        features[level.id] = (level_path.name, read_features(level_path))
    _check_unique_codes(features)
    plans = {}
    for level in levels.values():
        name, feats = features[level.id]
        plans[level.id] = plan_from_features(level, feats, name)
    en, zh = _names(doc)
    venue = Venue(id=str(doc.get("id", folder.name)), name=en, name_zh=zh, levels=levels,
                  connectors=connectors, plans=plans, georeference=doc.get("georeference"))
    return venue, {lv: feats for lv, (_, feats) in features.items()}


def write_level(features: Iterable[tuple[Mapping[str, Any], Any]], path: Path) -> None:
    """Write ``(properties, geometry)`` pairs as a GeoJSON FeatureCollection, atomically.

    The file is written next to its destination and renamed over it, so a failure never
    leaves a half-written plan behind (see :mod:`exponav.core.io.atomic`).
    """
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": dict(props), "geometry": mapping(geom)}
            for props, geom in features
        ],
    }
    write_text(path, json.dumps(doc, ensure_ascii=False, indent=1), "floor-plan file")
