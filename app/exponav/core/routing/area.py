"""The walkable area of a level: where a route may go, derived from the level's plan.

For each level: the footprint shrunk by 0.5 m, minus the union of booths, obstacles and
closed zones grown by 0.5 m, both with mitre joins (so rectangles stay rectangles and
every point of the area is at least 0.5 m from a booth edge, a column, a wall, a closed
zone or the outline). It is derived from the :class:`~exponav.core.model.venue.LevelPlan` every time, never drawn by
hand.

A big level's area after an edit is patched (:func:`patched_area`): only the blocking
shapes that changed are looked at, and the area is made again inside a window round
them (the union of some 12,000 booths and its clearance take ~250 ms; the patch a
tenth of that). Inside the window it is what a fresh build gives; its coordinates are
the same, only the rings may be split at the window's sides into more vertices on the
same lines (no corner changes), and both builds drop such collinear vertices.

Stitching the window into the rest is itself an overlay of the whole area, thousands of
holes on a big hall (~12 ms at 13,000 booths); :func:`splice` makes it on the holes
near the window only (~2 ms), and the venue rules' own patch of the area uses it too
(:mod:`~exponav.core.layout.walkable`). A blocking shape the plan still holds, the same
object, is not made again at the next patch (``AreaParts.memo``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from exponav.core.model import LevelPlan
from exponav.core.routing.zones import closed_zones

__all__ = ["CLEARANCE_M", "AreaParts", "patched_area", "splice", "walkable_area"]

CLEARANCE_M = 0.5  # a route keeps this far from booths, obstacles and the outline


def _polygons(geoms: Sequence[BaseGeometry]) -> np.ndarray:
    """Blocking shapes as valid polygons (a wall drawn as a line or a point gets a body)."""
    arr = np.asarray([g for g in geoms if g is not None], dtype=object)
    if not arr.size:
        return arr
    arr = arr[~shapely.is_empty(arr)]
    kind = shapely.get_type_id(arr)
    poly = (kind == 3) | (kind == 6)
    bad = poly & ~shapely.is_valid(arr)
    if bad.any():
        arr[bad] = shapely.make_valid(arr[bad])
    if not poly.all():
        arr[~poly] = shapely.buffer(arr[~poly], 0.05, join_style="mitre")
    return arr


def _union(polys: np.ndarray) -> BaseGeometry:
    # booths touch in blocks that do not touch each other: the disjoint-subset union is
    # several times quicker than a plain cascaded union there (shapely >= 2.1)
    fast = getattr(shapely, "disjoint_subset_union_all", None)
    if fast is not None:
        try:
            return fast(polys)
        except shapely.errors.GEOSException:  # pragma: no cover - fall back to the plain union
            pass
    return shapely.union_all(polys)


def _blocking(plan: LevelPlan) -> list[BaseGeometry]:
    return [g for g in [b.polygon for b in plan.booths] + [o.polygon for o in plan.obstacles]
            + closed_zones(plan) if g is not None]


def _blockers(plan: LevelPlan) -> np.ndarray:
    return _polygons(_blocking(plan))


_Memo = dict[int, tuple[BaseGeometry, "bytes | None", "BaseGeometry | None"]]


def _keyed_blockers(plan: LevelPlan, memo: _Memo) -> tuple[dict[bytes, BaseGeometry], _Memo]:
    """The blocking shapes by their WKB, as :func:`_blockers` gives them; a shape the
    plan still holds (the same object) is taken from ``memo``, the others made. Returns
    them with the memo for the next patch."""
    raw = _blocking(plan)
    got: list = [None] * len(raw)
    out: _Memo = {}
    miss = []
    for k, g in enumerate(raw):
        m = memo.get(id(g))
        if m is not None and m[0] is g:
            got[k] = m
            out[id(g)] = m
        else:
            miss.append(k)
    if miss:
        arr = np.asarray([raw[k] for k in miss], dtype=object)
        full = ~shapely.is_empty(arr)
        polys = np.full(len(arr), None, dtype=object)
        if full.any():
            polys[full] = _polygons(arr[full].tolist())
        keys = [None] * len(arr)
        for i, b in zip(np.nonzero(full)[0].tolist(), shapely.to_wkb(polys[full]).tolist(),
                        strict=True):
            keys[i] = b
        for i, k in enumerate(miss):
            got[k] = out[id(raw[k])] = (raw[k], keys[i], polys[i])
    return {m[1]: m[2] for m in got if m[1] is not None}, out


def _inner(plan: LevelPlan, clearance: float) -> BaseGeometry:
    footprint = plan.footprint
    if not footprint.is_valid:
        footprint = shapely.make_valid(footprint)
    return footprint.buffer(-clearance, join_style="mitre")


def _finish(area: BaseGeometry, tidy: bool) -> BaseGeometry:
    polys = [g for g in getattr(area, "geoms", [area]) if g.geom_type == "Polygon" and g.area > 1e-6]
    if not polys:
        return Polygon()
    out = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if tidy:  # no vertex in the middle of a straight side (see the module's text)
        out = shapely.simplify(out, 0.0)
    return shapely.orient_polygons(out)  # exterior ccw, holes cw: the free side is on the left


_SPLICE_MARGIN = 1.0  # metres between the box a splice works in and the rings it took


def splice(area: BaseGeometry, cut: BaseGeometry, local: BaseGeometry, tidy: bool
           ) -> BaseGeometry | None:
    """``union(area - cut, local)``, for a ``local`` within the bounds of ``cut`` and
    itself, made on the rings near them only.

    On a big level the area is one outline with thousands of holes (the booth blocks,
    grown), and an overlay walks every vertex of them. Here the holes that come within a
    box round ``cut`` take part (the box grows until it holds each of them whole), the
    overlay is made on that box with those holes, and its holes are put back among the
    others: the same rings as the whole overlay, at a fraction of its cost. None when the
    box meets an outline or another piece of the area, or the overlay does not come back
    as the box with holes in it; the caller then makes the whole overlay. ``tidy``: the
    new rings without collinear vertices (see the module's text)."""
    pieces = [g for g in getattr(area, "geoms", [area]) if not g.is_empty]
    if not pieces or cut.is_empty:
        return None
    lo = np.asarray(shapely.total_bounds(np.asarray([cut, local], dtype=object)), float)
    pb = shapely.bounds(np.asarray(pieces, dtype=object))
    m = _SPLICE_MARGIN
    hit = np.nonzero((pb[:, 0] <= lo[2] + m) & (pb[:, 2] >= lo[0] - m)
                     & (pb[:, 1] <= lo[3] + m) & (pb[:, 3] >= lo[1] - m))[0]
    if len(hit) != 1:
        return None
    piece = pieces[int(hit[0])]
    rings = shapely.get_rings(piece)
    rb = shapely.bounds(rings[1:])
    b = lo + np.asarray([-m, -m, m, m])
    while True:  # grow the box until every hole it meets lies inside it
        took = (rb[:, 0] <= b[2]) & (rb[:, 2] >= b[0]) & (rb[:, 1] <= b[3]) & (rb[:, 3] >= b[1])
        if not took.any():
            break
        grown = np.concatenate([np.minimum(b[:2], rb[took, :2].min(axis=0) - m),
                                np.maximum(b[2:], rb[took, 2:].max(axis=0) + m)])
        if np.array_equal(grown, b):
            break
        b = grown
    frame = shapely.box(*b.tolist())
    shell = shapely.polygons(rings[0])
    if shapely.intersects(rings[0], frame) or not shapely.contains(shell, frame):
        return None  # the box meets the outline (or lies outside it)
    inner = shapely.polygons(np.concatenate([[shapely.get_exterior_ring(frame)], rings[1:][took]]),
                             indices=np.zeros(1 + int(took.sum()), np.int64))[0]
    got = shapely.union(inner.difference(cut), local)
    if tidy:
        got = shapely.simplify(got, 0.0)
    got = shapely.orient_polygons(got)
    if got.geom_type != "Polygon" or not shapely.equals(shapely.polygons(got.exterior), frame):
        return None
    new = np.concatenate([rings[:1], rings[1:][~took], shapely.get_rings(got)[1:]])
    pieces[int(hit[0])] = shapely.polygons(new, indices=np.zeros(len(new), np.int64))[0]
    return pieces[0] if len(pieces) == 1 else MultiPolygon(pieces)


def walkable_area(plan: LevelPlan, clearance: float = CLEARANCE_M, tidy: bool = False
                  ) -> BaseGeometry:
    """The area a route may use on one level (Polygon or MultiPolygon, possibly empty).
    ``tidy``: without collinear vertices (as :func:`patched_area` gives it)."""
    inner = _inner(plan, clearance)
    blockers = _blockers(plan)
    if blockers.size:
        blocked = _union(blockers)
        grown = blocked.buffer(clearance, join_style="mitre")
        area = inner.difference(grown)
    else:
        area = inner
    return _finish(area, tidy)


@dataclass
class AreaParts:
    """What a patch of a level's area starts from: the area, and what it was made of."""

    area: BaseGeometry
    footprint: bytes  # WKB
    blockers: dict[bytes, BaseGeometry]  # the blocking shapes by their WKB
    clearance: float
    # the plan's own shapes they were made from, by id: the next patch makes only the
    # shapes that are not the same objects any more
    memo: _Memo = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, plan: LevelPlan, area: BaseGeometry, clearance: float = CLEARANCE_M) -> AreaParts:
        blockers, memo = _keyed_blockers(plan, {})
        return cls(area, shapely.to_wkb(plan.footprint), blockers, clearance, memo)


def patched_area(plan: LevelPlan, before: AreaParts, share: float = 0.05
                 ) -> tuple[BaseGeometry, AreaParts] | None:
    """The area after an edit, made again only round the blocking shapes that changed
    (tidy, as ``walkable_area(plan, tidy=True)``), with its parts; None when the outline
    changed or more than ``share`` of the shapes did (a fresh build is as quick)."""
    c = before.clearance
    if shapely.to_wkb(plan.footprint) != before.footprint:
        return None
    now, memo = _keyed_blockers(plan, before.memo)
    arr = np.asarray(list(now.values()), dtype=object)
    changed = [g for k, g in now.items() if k not in before.blockers] + \
        [g for k, g in before.blockers.items() if k not in now]
    parts = AreaParts(before.area, before.footprint, now, c, memo)
    if not changed:
        return before.area, parts
    if len(changed) > share * max(len(now), 1):
        return None
    # the window: round each changed shape, as far as its clearance reaches and a little
    bounds = shapely.bounds(np.asarray(changed, dtype=object))
    window = shapely.union_all(shapely.box(bounds[:, 0] - c - 0.25, bounds[:, 1] - c - 0.25,
                                           bounds[:, 2] + c + 0.25, bounds[:, 3] + c + 0.25))
    # what lies in the window depends only on the shapes within the clearance of it
    reach = window.buffer(c + 0.05, join_style="mitre")
    near = arr[shapely.intersects(arr, reach)] if arr.size else arr
    inner = _inner(plan, c).intersection(window)
    if near.size:
        inner = inner.difference(_union(near).buffer(c, join_style="mitre"))
    area = splice(before.area, window, inner, tidy=True)
    if area is None:
        area = _finish(shapely.union(before.area.difference(window), inner), tidy=True)
    parts.area = area
    return area, parts
