"""The walkable area of a level: where a route may go, derived from the level's plan.

For each level: the footprint shrunk by 0.5 m, minus the union of booths, obstacles and
closed zones grown by 0.5 m, both with mitre joins (so rectangles stay rectangles and
every point of the area is at least 0.5 m from a booth edge, a column, a wall, a closed
zone or the outline). It is derived from the :class:`~exponav.core.model.venue.LevelPlan` every time, never drawn by
hand.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from exponav.core.model import LevelPlan
from exponav.core.routing.zones import closed_zones

__all__ = ["CLEARANCE_M", "walkable_area"]

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


def walkable_area(plan: LevelPlan, clearance: float = CLEARANCE_M) -> BaseGeometry:
    """The area a route may use on one level (Polygon or MultiPolygon, possibly empty)."""
    footprint = plan.footprint
    if not footprint.is_valid:
        footprint = shapely.make_valid(footprint)
    inner = footprint.buffer(-clearance, join_style="mitre")
    blockers = _polygons([b.polygon for b in plan.booths] + [o.polygon for o in plan.obstacles]
                         + closed_zones(plan))
    if blockers.size:
        blocked = _union(blockers)
        grown = blocked.buffer(clearance, join_style="mitre")
        area = inner.difference(grown)
    else:
        area = inner
    polys = [g for g in getattr(area, "geoms", [area]) if g.geom_type == "Polygon" and g.area > 1e-6]
    if not polys:
        return Polygon()
    out = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return shapely.orient_polygons(out)  # exterior ccw, holes cw: the free side is on the left

