"""The walkable area of each level as the venue rules see it: the router's area, kept up
to date one edit at a time, in the pieces a visitor can walk between.

The area is exactly the router's (:func:`~exponav.core.routing.router.walkable_area`: the
footprint shrunk by the clearance, minus booths and obstacles grown by it, mitre joins).
After an edit only a box around what changed is computed again, from the booths and
obstacles near it, and stitched into the rest (on the rings near the box only, with
:func:`~exponav.core.routing.area.splice`, where it can). A mitre-grown corner of angle θ reaches
``clearance / sin(θ/2)`` from its polygon (0.71 m at a right angle, at most 5 x the
clearance), so the box reaches that far beyond the polygons that changed, and takes in
the polygons whose corners can reach into it; nothing outside it can differ. The two
parts overlap by a few centimetres, so the union leaves no seam.

:func:`reachability` then says which pieces an entrance reaches, on the level or
through connectors, with the router's own snapping distances: an entrance (a pedestrian
opening) joins the piece within 2 m of its middle, a connector end the piece within 5 m.

>>> from shapely.geometry import box
>>> from exponav.core.model import Level, LevelPlan, Obstacle
>>> plan = LevelPlan(Level("L1", "L1", "", "", 1, "l1.geojson"), box(0, 0, 30, 10))
>>> walk = WalkableLevel(plan)
>>> len(walk.pieces)
1
>>> plan.obstacles.append(Obstacle("L1", "wall", box(14, 0, 16, 10)))  # a wall across
>>> _ = walk.patch(plan, [box(14, 0, 16, 10)])
>>> len(walk.pieces)
2
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from exponav.core.model import Connector, LevelPlan, Venue
from exponav.core.routing.area import splice
from exponav.core.routing.router import CLEARANCE_M, walkable_area

__all__ = ["CONNECTOR_SNAP_M", "POINT_SNAP_M", "WalkableLevel", "mitre_factor",
           "reachability"]

POINT_SNAP_M = 2.0  # the router snaps a point place this far onto the walkable area
CONNECTOR_SNAP_M = 5.0  # ... and a connector end this far (it may stand in its shaft)
_MITRE_LIMIT = 5.0  # shapely's default: a mitre corner reaches 5 x the clearance at most
_MARGIN = 0.1  # m beyond the farthest corner
_OVERLAP = 0.05  # the patched box and the rest overlap by this much
_MIN_AREA = 1e-6  # smaller pieces are slivers of floating point, as in the router


def mitre_factor(polys: Sequence[BaseGeometry]) -> float:
    """How far, in clearances, the mitre-grown corners of these polygons reach: 1 for
    none, 1/sin(θ/2) at a corner of angle θ (√2 at a right angle), at most the limit.

    >>> round(mitre_factor([box(0, 0, 3, 3)]), 4)
    1.4142
    """
    arr = np.asarray([p for p in polys if p is not None], dtype=object)
    arr = arr[shapely.get_type_id(arr) == 3] if arr.size else arr  # polygons
    if not arr.size:
        return 1.0
    rings = [shapely.get_exterior_ring(arr)]
    holed = arr[shapely.get_num_interior_rings(arr) > 0]
    rings += [np.asarray(list(p.interiors), dtype=object) for p in holed]
    xy, which = shapely.get_coordinates(np.concatenate(rings), return_index=True)
    starts = np.flatnonzero(np.r_[True, which[1:] != which[:-1]])
    ends = np.r_[starts[1:], len(which)]
    keep = np.ones(len(xy), dtype=bool)
    keep[ends - 1] = False  # each ring repeats its first point last
    v = xy[keep]
    counts = ends - starts - 1
    first = np.r_[0, np.cumsum(counts)[:-1]]
    last = first + counts - 1
    prev, nxt = np.arange(len(v)) - 1, np.arange(len(v)) + 1
    prev[first], nxt[last] = last, first
    u, w = v[prev] - v, v[nxt] - v
    nu, nw = np.hypot(u[:, 0], u[:, 1]), np.hypot(w[:, 0], w[:, 1])
    ok = (nu > 1e-12) & (nw > 1e-12) & np.repeat(counts >= 3, counts)
    if not ok.any():
        return 1.0
    cos = np.clip((u[ok] * w[ok]).sum(axis=1) / (nu[ok] * nw[ok]), -1.0, 1.0)
    half = np.maximum(np.sin(np.arccos(cos) / 2.0), 1.0 / _MITRE_LIMIT)
    worst = max(1.0, float(np.max(1.0 / half)))
    return min(worst, _MITRE_LIMIT)


def _blockers(plan: LevelPlan) -> np.ndarray:
    return np.asarray([b.polygon for b in plan.booths] + [o.polygon for o in plan.obstacles],
                      dtype=object)


class WalkableLevel:
    """The walkable area of one level, its pieces, and an index over them."""

    def __init__(self, plan: LevelPlan) -> None:
        footprint = plan.footprint if plan.footprint.is_valid else shapely.make_valid(
            plan.footprint)
        self.inner = footprint.buffer(-CLEARANCE_M, join_style="mitre")
        #: how far (in clearances) any booth's or obstacle's grown corner reaches
        self.factor = mitre_factor(list(_blockers(plan)))
        self._set(walkable_area(plan))

    def _set(self, area: BaseGeometry) -> None:
        parts = [g for g in getattr(area, "geoms", [area])
                 if g.geom_type == "Polygon" and g.area > _MIN_AREA]
        self.pieces: list[Polygon] = parts
        self.area: BaseGeometry = (parts[0] if len(parts) == 1 else MultiPolygon(parts)
                                   if parts else Polygon())
        shapely.prepare(self.area)
        for piece in parts:
            shapely.prepare(piece)
        self.tree = STRtree(parts)
        self._anchors: tuple[list[int], dict[tuple[str, int], int | None]] | None = None

    def patch(self, plan: LevelPlan, changed: Sequence[BaseGeometry],
              blockers_near: Callable[[BaseGeometry], Sequence[BaseGeometry]] | None = None
              ) -> BaseGeometry:
        """Compute the area again around ``changed``, every booth or obstacle that changed
        (before and after); ``plan`` is the new plan. ``blockers_near(region)`` gives its
        booths and obstacles meeting a region (by default they are looked up in ``plan``).
        Returns the region where the area may have changed."""
        self.factor = max(self.factor, mitre_factor(changed))
        reach = CLEARANCE_M * self.factor + _MARGIN
        x0, y0, x1, y1 = shapely.total_bounds(np.asarray(changed, dtype=object))
        region = box(x0 - reach, y0 - reach, x1 + reach, y1 + reach)
        wide = reach + _OVERLAP
        wider = box(x0 - wide, y0 - wide, x1 + wide, y1 + wide)
        far = wide + CLEARANCE_M * self.factor + _MARGIN  # corners reaching into it
        near = box(x0 - far, y0 - far, x1 + far, y1 + far)
        if blockers_near is None:
            every = _blockers(plan)
            found = list(every[STRtree(every).query(near, predicate="intersects")]
                         if every.size else [])
        else:
            found = list(blockers_near(near))
        local = self.inner.intersection(wider)
        if found:
            grown = shapely.union_all(found).buffer(CLEARANCE_M, join_style="mitre")
            local = local.difference(grown)
        area = splice(self.area, region, local, tidy=False)
        self._set(area if area is not None else shapely.union(self.area.difference(region), local))
        return region

    def forget_anchors(self) -> None:
        """Connectors changed: find again which pieces their ends join."""
        self._anchors = None

    def anchors(self, plan: LevelPlan, connectors: Sequence[Connector]
                ) -> tuple[list[int], dict[tuple[str, int], int | None]]:
        """The pieces the level's entrances join, and the piece of each connector end on
        the level ((connector id, end index) -> piece or None)."""
        if self._anchors is None:
            seeds = []
            for o in plan.openings:
                if o.category == "pedestrian":
                    mid = o.line.interpolate(0.5, normalized=True)
                    piece = self.piece_near(mid.x, mid.y, POINT_SNAP_M)
                    if piece is not None:
                        seeds.append(piece)
            ends = {(c.id, i): self.piece_near(e.x, e.y, CONNECTOR_SNAP_M)
                    for c in connectors for i, e in enumerate(c.ends)
                    if e.level == plan.level.id}
            self._anchors = (seeds, ends)
        return self._anchors

    def piece_near(self, x: float, y: float, limit: float) -> int | None:
        """The piece a place at (x, y) snaps to: the nearest within ``limit`` metres."""
        if not self.pieces:
            return None
        hit = self.tree.query_nearest(Point(x, y), max_distance=limit, all_matches=False)
        return int(hit[0]) if len(hit) else None


def reachability(walk: Mapping[str, WalkableLevel], venue: Venue
                 ) -> tuple[dict[str, np.ndarray], bool]:
    """Which pieces of each level an entrance reaches on foot (one flag per piece), and
    whether the venue has an entrance at all (without one, every piece counts as
    reached: there is nothing to walk from)."""
    if not any(o.category == "pedestrian" for lv in walk for o in venue.plans[lv].openings):
        return {lv: np.ones(len(w.pieces), dtype=bool) for lv, w in walk.items()}, False
    flags = {lv: np.zeros(len(w.pieces), dtype=bool) for lv, w in walk.items()}
    todo: list[tuple[str, int]] = []
    joined: dict[str, list[tuple[str, int]]] = {}  # connector id -> its ends' pieces
    for lv, w in walk.items():
        seeds, ends = w.anchors(venue.plans[lv], venue.connectors)
        todo.extend((lv, p) for p in seeds)
        for (cid, _), piece in ends.items():
            if piece is not None:
                joined.setdefault(cid, []).append((lv, piece))
    links: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for ends in joined.values():
        for a in ends:
            links.setdefault(a, set()).update(b for b in ends if b != a)
    while todo:
        lv, piece = todo.pop()
        if flags[lv][piece]:
            continue
        flags[lv][piece] = True
        todo.extend(n for n in links.get((lv, piece), ()) if not flags[n[0]][n[1]])
    return flags, True
