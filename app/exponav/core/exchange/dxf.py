"""Reading a CAD drawing (DXF, with ezdxf) into one level's footprint, obstacles and
booths, by layer; its booths then go onto the level through the Layout.

Closed polylines and circles are polygons as drawn; lines and open polylines on a layer
are closed into polygons with shapely's ``polygonize``. A layer's kind comes from
``--map LAYER=KIND`` or its name (``BOOTH``, ``攤位``, ``WALL``, ``COLUMN`` ...); a text
inside a booth's polygon is its code. The drawing's units come from ``$INSUNITS`` (or
are given); its origin is the plans' origin. What is left out is reported with why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import polygonize, unary_union

from exponav.core.errors import DataError
from exponav.core.layout import AddBooth, Change, Layout, ReshapeBooth
from exponav.core.layout.changes import RemoveBooth
from exponav.core.model.codes import canonical_code

__all__ = ["KINDS", "UNITS", "Drawing", "booth_changes", "parse_layer_map", "read_dxf"]

KINDS = ("footprint", "booth", "wall", "column", "core", "stage", "obstacle", "ignore")
UNITS = {"m": 1.0, "cm": 0.01, "mm": 0.001}
_INSUNITS = {1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1.0}
_BY_NAME = {"footprint": "footprint", "outline": "footprint", "boundary": "footprint",
            "hall": "footprint", "外框": "footprint", "輪廓": "footprint",
            "booth": "booth", "booths": "booth", "stand": "booth", "stands": "booth",
            "攤位": "booth", "wall": "wall", "walls": "wall", "牆": "wall",
            "column": "column", "columns": "column", "col": "column", "pillar": "column",
            "柱": "column", "core": "core", "cores": "core", "核心": "core",
            "stage": "stage", "舞台": "stage"}


def parse_layer_map(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        layer, sep, kind = item.partition("=")
        if not sep or not layer.strip() or kind.strip().lower() not in KINDS:
            raise DataError(f"--map {item!r}: expected LAYER=KIND with KIND one of "
                            f"{', '.join(KINDS)}.")
        out[layer.strip()] = kind.strip().lower()
    return out


def _kind_of(layer: str, mapping: dict[str, str]) -> str | None:
    if layer in mapping:
        return mapping[layer]
    low = {k.casefold(): v for k, v in mapping.items()}
    if layer.casefold() in low:
        return low[layer.casefold()]
    for token in re.split(r"[^0-9a-z\u3400-\u9fff]+", layer.casefold()):
        if token in _BY_NAME:
            return _BY_NAME[token]
    for word, kind in _BY_NAME.items():
        if re.search(r"[\u3400-\u9fff]", word) and word in layer:
            return kind
    return None


@dataclass
class Drawing:
    """What a drawing holds for one level, in plan metres."""

    path: str
    scale: float  # metres per drawing unit
    footprint: Polygon | None = None
    obstacles: list[tuple[str, Polygon]] = field(default_factory=list)
    booths: dict[str, Polygon] = field(default_factory=dict)
    layers: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: list[dict[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"footprint": int(self.footprint is not None), "obstacles": len(self.obstacles),
                "booths": len(self.booths)}


def _read(path: Path) -> Any:
    import ezdxf

    if not path.is_file():
        raise DataError(f"{path}: the file does not exist." if not path.exists() else
                        f"{path} is not a regular file; a DXF drawing was expected.")
    try:
        return ezdxf.readfile(path)
    except ezdxf.DXFStructureError as e:
        raise DataError(f"{path}: cannot be read as a DXF drawing ({e}).") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None


def read_dxf(path: Path | str, mapping: dict[str, str] | None = None,
             units: str | None = None) -> Drawing:
    """The drawing at ``path`` as a level's features (see the module)."""
    path = Path(path)
    mapping = dict(mapping or {})
    doc = _read(path)
    if units is not None:
        if units not in UNITS:
            raise DataError(f"--units {units}: expected one of {', '.join(UNITS)}.")
        scale = UNITS[units]
    else:
        code = int(doc.header.get("$INSUNITS", 0) or 0)
        if code not in _INSUNITS:
            raise DataError(f"{path}: the drawing does not say its units ($INSUNITS "
                            f"{code}); give --units m, cm or mm.")
        scale = _INSUNITS[code]
    out = Drawing(str(path), scale)
    polys: dict[str, list[Polygon]] = {}
    lines: dict[str, list[LineString]] = {}
    texts: list[tuple[Point, str, str]] = []
    left: Counter = Counter()
    names: dict[str, str | None] = {}
    for e in doc.modelspace():
        layer = e.dxf.get("layer", "0")
        if layer not in names:
            names[layer] = _kind_of(layer, mapping)
            out.layers[layer] = {"kind": names[layer], "entities": 0, "polygons": 0}
        out.layers[layer]["entities"] += 1
        kind = names[layer]
        t = e.dxftype()
        if kind == "ignore":
            continue
        if t in ("TEXT", "MTEXT"):
            raw = e.plain_text() if t == "MTEXT" else e.dxf.text
            ins = e.dxf.insert
            texts.append((Point(ins.x * scale, ins.y * scale), str(raw).strip(), layer))
            continue
        if kind is None:
            left[(layer, t)] += 1
            continue
        if t in ("LWPOLYLINE", "POLYLINE"):
            pts = [(p[0] * scale, p[1] * scale) for p in (
                e.get_points("xy") if t == "LWPOLYLINE" else
                [(v.dxf.location.x, v.dxf.location.y) for v in e.vertices])]
            closed = e.closed if t == "LWPOLYLINE" else e.is_closed
            if closed and len(pts) >= 3:
                polys.setdefault(layer, []).append(Polygon(pts))
            elif len(pts) >= 2:
                lines.setdefault(layer, []).append(LineString(pts))
        elif t == "LINE":
            a, b = e.dxf.start, e.dxf.end
            lines.setdefault(layer, []).append(
                LineString([(a.x * scale, a.y * scale), (b.x * scale, b.y * scale)]))
        elif t == "CIRCLE":
            c = e.dxf.center
            polys.setdefault(layer, []).append(
                Point(c.x * scale, c.y * scale).buffer(e.dxf.radius * scale, quad_segs=8))
        else:
            left[(layer, t)] += 1
    for layer, segs in lines.items():
        noded = unary_union(segs)  # lines that cross are split where they meet
        found = list(polygonize(noded))
        polys.setdefault(layer, []).extend(found)
        if not found:
            out.skipped.append({"what": f"layer {layer}: {len(segs)} line(s)",
                                "why": "they close no polygon"})
    for (layer, t), n in sorted(left.items()):
        why = ("the layer's kind is not known; --map LAYER=KIND reads it"
               if names[layer] is None else f"{t} entities are not read")
        out.skipped.append({"what": f"layer {layer}: {n} {t}", "why": why})
    for layer, found in polys.items():
        kind = names[layer]
        good = []
        for p in found:
            p = shapely.set_precision(p, 0.01)
            if p.is_empty or not p.is_valid or p.area < 0.25 or p.geom_type != "Polygon":
                out.skipped.append({"what": f"layer {layer}: a polygon near "
                                            f"{_at(p)}", "why": "not a valid polygon of some area"})
                continue
            good.append(p)
        out.layers[layer]["polygons"] = len(good)
        if kind == "footprint":
            good.sort(key=lambda p: -p.area)
            if good:
                out.footprint = good[0]
            for p in good[1:]:
                out.skipped.append({"what": f"layer {layer}: a second outline near {_at(p)}",
                                    "why": "a level has one footprint (the largest is kept)"})
        elif kind == "booth":
            _booths(out, layer, good, texts)
        else:
            out.obstacles += [("column" if kind == "column" else kind if kind != "obstacle"
                               else "wall", p) for p in good]
    return out


def _at(geom: Any) -> str:
    if geom.is_empty:
        return "(nowhere)"
    c = geom.representative_point() if not isinstance(geom, Point) else geom
    return f"({c.x:.2f}, {c.y:.2f})"


def _booths(out: Drawing, layer: str, polys: list[Polygon],
            texts: list[tuple[Point, str, str]]) -> None:
    labels = [(pt, code) for pt, raw, _ in texts if (code := canonical_code(raw)) is not None]
    tree = shapely.STRtree([p for p, _ in labels]) if labels else None
    for poly in polys:
        inside = [] if tree is None else [labels[i][1] for i in tree.query(poly,
                                                                           "contains")]
        codes = sorted(set(inside))
        if not codes:
            out.skipped.append({"what": f"layer {layer}: a booth at {_at(poly)}",
                                "why": "no booth code is written inside it"})
        elif len(codes) > 1:
            out.skipped.append({"what": f"layer {layer}: a booth at {_at(poly)}",
                                "why": f"it holds several codes ({', '.join(codes)})"})
        elif codes[0] in out.booths:
            out.skipped.append({"what": f"booth {codes[0]} at {_at(poly)}",
                                "why": f"the code is already on a booth at "
                                       f"{_at(out.booths[codes[0]])}"})
        else:
            out.booths[codes[0]] = poly


def booth_changes(layout: Layout, level: str, drawing: Drawing) -> list[Change]:
    """The changes that make ``level``'s booths the drawing's: removed, reshaped, added."""
    if level not in layout.venue.plans:
        raise DataError(f"--level {level}: there is no such level (the venue has "
                        f"{', '.join(layout.venue.plans)}).")
    current = {b.code: b for b in layout.venue.plans[level].booths}
    out: list[Change] = [RemoveBooth(c) for c in current if c not in drawing.booths]
    for code, poly in drawing.booths.items():
        b = current.get(code)
        if b is None:
            out.append(AddBooth(code, poly, level))
        elif not shapely.normalize(b.polygon).equals_exact(shapely.normalize(poly), 0.005):
            out.append(ReshapeBooth(code, poly))
    return out
