"""A level's GeoJSON written back from its plan, with every feature that did not change
exactly as it was, byte for byte.

The file is read as text and cut into its features (a small scanner over the JSON finds
where each one starts and ends). A feature whose object (booth, amenity, kiosk, zone,
connector point) is unchanged keeps its text; a changed one is written again in the
file's own style (its indentation, its separators, the same key order, numbers as
Python writes floats), so moving one booth changes the lines of that booth's
coordinates and nothing else. Booths are written where the file's first booth stood,
in the plan's order (new booths where the booths they replace stood, or after the
others), so reading the file back gives the plan's order. Footprint, obstacles and
openings are never edited and stay as they are.

>>> text = '{"type": "FeatureCollection", "features": [{"a": 1}, {"b": 2}]}'
>>> [text[s:e] for s, e, _ in feature_spans(text, "x.geojson")[2]]
['{"a": 1}', '{"b": 2}']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from shapely.geometry import mapping

from exponav.core.errors import DataError
from exponav.core.model import Amenity, Booth, Kiosk, LevelPlan, Zone
from exponav.core.model.codes import canonical_code

__all__ = ["feature_spans", "render_level"]

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def feature_spans(text: str, where: str) -> tuple[int, int, list[tuple[int, int, Any]]]:
    """Where the features array opens and closes, and each feature's (start, end, object)."""
    def bad(i: int) -> DataError:
        line = text.count("\n", 0, i) + 1
        return DataError(f"{where}, line {line}: not a GeoJSON FeatureCollection as expected.")

    try:
        i = _skip(text, 0)
        if text[i:i + 1] != "{":
            raise bad(i)
        i += 1
        found: tuple[int, int, list[tuple[int, int, Any]]] | None = None
        while True:
            i = _skip(text, i)
            if text[i] == "}":
                break
            if text[i] != '"':
                raise bad(i)
            key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            i = _skip(text, i)
            if text[i] != ":":
                raise bad(i)
            i = _skip(text, i + 1)
            if key == "features" and text[i] == "[":
                opened, spans = i, []
                i = _skip(text, i + 1)
                while text[i] != "]":
                    obj, end = _DECODER.raw_decode(text, i)
                    spans.append((i, end, obj))
                    i = _skip(text, end)
                    if text[i] == ",":
                        i = _skip(text, i + 1)
                    elif text[i] != "]":
                        raise bad(i)
                found = (opened, i, spans)
                i += 1
            else:
                _, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if text[i] == ",":
                i += 1
            elif text[i] != "}":
                raise bad(i)
    except (IndexError, json.JSONDecodeError):
        raise bad(len(text)) from None
    if found is None:
        raise bad(0)
    return found


def _lists(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


def _geometry(geom: Any) -> dict[str, Any]:
    m = mapping(geom)
    return {"type": m["type"], "coordinates": _lists(m["coordinates"])}


def _same_geometry(orig: Any, geom: Any) -> bool:
    return (isinstance(orig, dict) and orig.get("type") == geom.geom_type
            and _lists(orig.get("coordinates")) == _geometry(geom)["coordinates"])


def _booth_props(props: dict[str, Any], b: Booth) -> dict[str, Any]:
    p = dict(props)
    if canonical_code(str(p.get("code", ""))) != b.code:
        p["code"] = b.code
    if (p.get("area") or b.code[0]) != b.area:
        p["area"] = b.area
    if p.get("type", "standard") != b.type:
        p["type"] = b.type
    if (p.get("zone") or None) != b.zone:
        p["zone"] = b.zone
    return p


def _new_booth_props(b: Booth) -> dict[str, Any]:
    return {"kind": "booth", "code": b.code, "area": b.area, "type": b.type, "zone": b.zone}


def _kiosk_props(props: dict[str, Any], k: Kiosk) -> dict[str, Any]:
    p = dict(props)
    try:
        same = float(p.get("heading_deg", 0.0)) % 360.0 == k.heading_deg
    except (TypeError, ValueError):
        same = False
    if not same:
        p["heading_deg"] = k.heading_deg
    return p


def _zone_props(props: dict[str, Any], z: Zone) -> dict[str, Any]:
    p = dict(props)
    names = p.get("names") if isinstance(p.get("names"), dict) else {}
    if (names.get("en", p.get("name", "")) or "", names.get("zh-Hant", "") or "") != (
            z.name, z.name_zh):
        p["names"] = {**names, "en": z.name, "zh-Hant": z.name_zh}
    if p.get("category", "zone") != z.category:
        p["category"] = z.category
    return p


class _Style:
    """How the file writes a feature: its indentation (or none) and what separates two."""

    def __init__(self, text: str, spans: list[tuple[int, int, Any]]) -> None:
        start, end, _ = spans[0]
        line_start = text.rfind("\n", 0, start) + 1
        self.base = " " * (start - line_start) if text[line_start:start].isspace() else ""
        body = text[start:end]
        if "\n" in body:
            second = body.split("\n", 2)[1]
            self.indent: int | None = max(1, len(second) - len(second.lstrip(" ")) -
                                          len(self.base))
        else:
            self.indent = None
        self.separator = (text[spans[0][1]:spans[1][0]] if len(spans) > 1 else
                          (",\n" + self.base if self.indent is not None else ", "))
        self.ascii = "\\u" in text and not any(ord(c) > 127 for c in text)

    def dump(self, feature: dict[str, Any]) -> str:
        out = json.dumps(feature, ensure_ascii=self.ascii, indent=self.indent)
        return out.replace("\n", "\n" + self.base) if self.indent is not None else out


def render_level(text: str, plan: LevelPlan, where: str) -> str:
    """The level file ``text`` with its features brought up to ``plan``."""
    _, _, spans = feature_spans(text, where)
    if not spans:
        raise DataError(f"{where}: the file has no features; a level needs its footprint.")
    style = _Style(text, spans)
    originals: dict[str, tuple[str, dict[str, Any]]] = {}
    for s, e, f in spans:
        props = f.get("properties") if isinstance(f, dict) else None
        if isinstance(props, dict) and props.get("kind") == "booth":
            code = canonical_code(str(props.get("code", "")))
            if code is not None:
                originals[code] = (text[s:e], f)

    def booth_text(b: Booth) -> str:
        found = originals.get(b.code)
        if found is None:
            return style.dump({"type": "Feature", "properties": _new_booth_props(b),
                               "geometry": _geometry(b.polygon)})
        raw, f = found
        return _kept_or_new(raw, f, _booth_props(f["properties"], b), b.polygon, style)

    by_id: dict[str, dict[str, Any]] = {
        "amenity": {a.id: a for a in plan.amenities}, "kiosk": {k.id: k for k in plan.kiosks},
        "zone": {z.id: z for z in plan.zones}}
    props_of: dict[str, Callable[[dict[str, Any], Any], dict[str, Any]]] = {
        "amenity": lambda p, a: dict(p), "kiosk": _kiosk_props, "zone": _zone_props}
    geom_of: dict[str, Callable[[Any], Any]] = {
        "amenity": lambda a: a.point, "kiosk": lambda k: k.point, "zone": lambda z: z.polygon}
    pieces: list[str] = []
    booths_written = False
    seen: dict[str, set[str]] = {"amenity": set(), "kiosk": set(), "zone": set()}
    for s, e, f in spans:
        raw = text[s:e]
        props = f.get("properties") if isinstance(f, dict) else None
        kind = props.get("kind") if isinstance(props, dict) else None
        if kind == "booth":
            if not booths_written:
                pieces.extend(booth_text(b) for b in plan.booths)
                booths_written = True
            continue
        if kind in by_id:
            obj = by_id[kind].get(str(props.get("id")))  # type: ignore[union-attr]
            if obj is None:
                continue
            seen[kind].add(obj.id)
            pieces.append(_kept_or_new(raw, f, props_of[kind](props, obj), geom_of[kind](obj),
                                       style))
        elif kind == "connector":
            point = plan.connector_points.get(str(props.get("connector")))  # type: ignore[union-attr]
            if point is not None:
                pieces.append(_kept_or_new(raw, f, dict(props), point, style))  # type: ignore[arg-type]
        else:
            if not booths_written and kind in ("amenity", "kiosk", "connector") and plan.booths:
                pieces.extend(booth_text(b) for b in plan.booths)
                booths_written = True
            pieces.append(raw)
    if not booths_written:
        pieces.extend(booth_text(b) for b in plan.booths)
    for kind, items in by_id.items():  # never dropped: features the file did not hold yet
        for fid, obj in items.items():
            if fid not in seen[kind]:
                props = {"kind": kind, "id": fid}
                if isinstance(obj, Amenity):
                    props.update(category=obj.category,
                                 names={"en": obj.name, "zh-Hant": obj.name_zh})
                elif isinstance(obj, Kiosk):
                    props["heading_deg"] = obj.heading_deg
                else:
                    props.update(category=obj.category,
                                 names={"en": obj.name, "zh-Hant": obj.name_zh})
                pieces.append(style.dump({"type": "Feature", "properties": props,
                                          "geometry": _geometry(geom_of[kind](obj))}))
    head = text[:spans[0][0]]
    tail = text[spans[-1][1]:]
    return head + style.separator.join(pieces) + tail


def _kept_or_new(raw: str, feature: dict[str, Any], props: dict[str, Any], geom: Any,
                 style: _Style) -> str:
    if props == feature.get("properties") and _same_geometry(feature.get("geometry"), geom):
        return raw
    new = dict(feature)
    new["properties"] = props
    new["geometry"] = _geometry(geom)
    return style.dump(new)
