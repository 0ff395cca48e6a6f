"""Places on a level: snapped points, a booth's sides in the aisle, the spot a route uses.

A point place that lies in an obstacle or in the clearance band snaps to the nearest
walkable point within 2 m (a connector end within 5 m); further away raises
:class:`~exponav.core.routing.route.Unreachable`.

A booth is reached at the best point of its frontage: the walkable boundary in front of
its edges, within 0.6 m of them (about 0.5 m out, in the aisle), and no further along
than the edge itself reaches, so two booths that touch never share a point of frontage.
A route *from* a booth starts at its door (:func:`door_spot`): the middle of its longest
side in the aisle (between sides of one length, the one facing the wider aisle), where a
visitor at the stand stands. Starting anywhere along the frontage instead made walking
along it free: a route between touching booths came out 0 m long, and a visit along a
row of stands walked less than its two ends are apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from exponav.core.model import Place
from exponav.core.routing.area import CLEARANCE_M
from exponav.core.routing.graph import Anchor, LevelGraph
from exponav.core.routing.route import Unreachable

__all__ = ["CONNECTOR_SNAP_M", "SNAP_M", "Spot", "door_spot", "make_spot", "point_spot", "slide",
           "snap"]

SNAP_M = 2.0  # a place this close to the walkable area snaps onto it
CONNECTOR_SNAP_M = 5.0  # a connector end may sit inside its own shaft or core
BOOTH_REACH_M = 0.6  # arrival points: walkable boundary this close to the booth edge
SAMPLE_M = 6.0  # a booth side is sampled this often when walks to it are priced in bulk
_AISLE_PROBE_M = 30.0  # how far the width of the aisle in front of a side is measured
_NUDGE = 1e-5  # points on the walkable boundary move this far into it


@dataclass
class Spot:
    """A place resolved on a level: where a route may start or end there.

    ``points`` are fixed end points (a snapped point; the ends of a booth's sides),
    ``segs`` the booth's sides in the aisle (just inside the walkable area), and
    ``samples`` the points at which walks to the spot are priced in bulk (the ends of
    a walking matrix), or from which a field is grown when the spot is a source.
    """

    place: Place
    graph: LevelGraph
    points: np.ndarray
    segs: list[tuple[tuple[float, float], tuple[float, float]]]
    samples: list[tuple[float, float]]
    sample_segs: list
    key: tuple = ()

    def distances(self, xy: np.ndarray) -> np.ndarray:
        """Straight-line distance from each of many points to this spot."""
        best = np.full(len(xy), np.inf)
        for px, py in self.points.tolist():
            best = np.minimum(best, np.hypot(xy[:, 0] - px, xy[:, 1] - py))
        for (ax, ay), (bx, by) in self.segs:
            vx, vy = bx - ax, by - ay
            ll = vx * vx + vy * vy
            t = np.clip(((xy[:, 0] - ax) * vx + (xy[:, 1] - ay) * vy) / ll, 0, 1) if ll > 0 else 0.0
            best = np.minimum(best, np.hypot(xy[:, 0] - ax - t * vx, xy[:, 1] - ay - t * vy))
        return best

    def distance(self, xy: tuple[float, float]) -> float:
        """Straight-line distance from a point to the nearest end point of this spot."""
        best = min(math.dist(xy, p) for p in self.points.tolist())
        for (ax, ay), (bx, by) in self.segs:
            vx, vy = bx - ax, by - ay
            ll = vx * vx + vy * vy
            t = 0.0 if ll <= 0 else min(1.0, max(0.0, ((xy[0] - ax) * vx + (xy[1] - ay) * vy) / ll))
            best = min(best, math.dist(xy, (ax + t * vx, ay + t * vy)))
        return best


def snap(g: LevelGraph, x: float, y: float, limit: float) -> tuple[float, float] | None:
    """The point itself if walkable, else the nearest walkable point within limit."""
    if g.area.is_empty:
        return None
    if g.contains(x, y):
        return (x, y)
    p = Point(x, y)
    k = g.edge_tree.query_nearest(p, max_distance=limit + 1e-9, all_matches=False)
    if len(k) == 0:
        return None
    line = g.edge_lines[int(k[0])]
    if line.distance(p) > limit + 1e-9:
        return None
    q = line.interpolate(line.project(p))
    return nudge(g, q.x, q.y, int(k[0]))


def nudge(g: LevelGraph, x: float, y: float, edge: int) -> tuple[float, float] | None:
    """Move a point of the boundary (on edge) just inside the walkable area."""
    ex, ey = g.sight.ev[edge]
    ln = math.hypot(ex, ey) or 1.0
    nx, ny = -ey / ln, ex / ln  # left normal: the free side
    for f in (1.0, 2.0, 5.0):
        cx, cy = x + f * _NUDGE * nx, y + f * _NUDGE * ny
        if g.contains(cx, cy):
            return (cx, cy)
    for k in range(16):
        t = 2 * math.pi * k / 16
        for r in (2 * _NUDGE, 10 * _NUDGE):
            cx, cy = x + r * math.cos(t), y + r * math.sin(t)
            if g.contains(cx, cy):
                return (cx, cy)
    return None


def point_spot(g: LevelGraph, place: Place, xy: tuple[float, float], tag: str = "point") -> Spot:
    """The spot of one walkable point."""
    return Spot(place, g, np.asarray([xy], float), [], [xy], [None], (g.id, tag, xy))


def door_spot(g: LevelGraph, spot: Spot) -> Spot:
    """Where a route from a place starts: a booth's door (the middle of its longest side in
    the aisle; between sides of one length, the one facing the wider aisle), else the spot
    itself."""
    if not spot.segs:
        return spot
    best, door = None, None
    for k, (a, b) in enumerate(spot.segs):
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        rank = (round(math.dist(a, b), 2), round(_aisle_width(g, a, b), 2), -k)
        if best is None or rank > best:
            best, door = rank, mid
    return point_spot(g, spot.place, door, "door")


def _aisle_width(g: LevelGraph, a, b) -> float:
    """How far the walkable area reaches straight out from the middle of a side (a -> b
    with the free side on its left), up to 30 m."""
    ln = math.dist(a, b) or 1.0
    nx, ny = -(b[1] - a[1]) / ln, (b[0] - a[0]) / ln
    mx, my = (a[0] + b[0]) / 2 + 1e-3 * nx, (a[1] + b[1]) / 2 + 1e-3 * ny
    probe = shapely.linestrings([(mx, my), (mx + _AISLE_PROBE_M * nx, my + _AISLE_PROBE_M * ny)])
    idx = g.edge_tree.query(probe, predicate="intersects")
    if not len(idx):
        return _AISLE_PROBE_M
    return float(np.min(shapely.distance(shapely.points(mx, my), g.edge_lines[idx])))


def make_spot(g: LevelGraph, place: Place) -> Spot:
    """Where a route may start or end for a place on g: one point, or a booth's aisle sides."""
    poly = place.polygon
    if poly is not None and not poly.is_empty and g.sight.n_edges:
        segs = _booth_sides(g, poly)
        if segs:
            ends = [p for seg in segs for p in seg]
            samples, sample_segs = [], []
            for a, b in segs:  # the start is slid along its side afterwards
                k = max(1, int(math.ceil(math.dist(a, b) / SAMPLE_M)))
                for t in np.linspace(0.0, 1.0, k + 1).tolist():
                    samples.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
                    sample_segs.append((a, b))
            key = (g.id, "booth", tuple(np.round(poly.bounds, 6)), len(samples))
            return Spot(place, g, np.asarray(ends, float), segs, samples, sample_segs, key)
        # no aisle side: the nearest walkable point to the booth, if close
        xy = _snap_geom(g, poly)
        if xy is None:
            raise Unreachable(f"{place.id} has no side on a walkable aisle within {SNAP_M:g} m.")
    else:
        xy = snap(g, place.x, place.y, SNAP_M)
        if xy is None:
            raise Unreachable(
                f"{place.id} is more than {SNAP_M:g} m from any walkable aisle on {place.level}."
            )
    return point_spot(g, place, xy)


def _snap_geom(g: LevelGraph, poly: BaseGeometry) -> tuple[float, float] | None:
    k = g.edge_tree.query_nearest(poly, max_distance=SNAP_M + CLEARANCE_M, all_matches=False)
    if len(k) == 0:
        return None
    line = g.edge_lines[int(k[0])]
    if line.distance(poly) > SNAP_M + CLEARANCE_M:
        return None
    q = nearest_points(line, poly)[0]
    return nudge(g, q.x, q.y, int(k[0]))


def _booth_sides(g: LevelGraph, poly: BaseGeometry) -> list:
    """The walkable boundary in front of a booth's edges, moved just inside the area: within
    0.6 m of the booth, and along each piece no further than the booth itself reaches that
    way (not round its corners, where a neighbour's front begins)."""
    region = poly.buffer(BOOTH_REACH_M, quad_segs=8)
    idx = g.edge_tree.query(region, predicate="intersects")
    segs = []
    if not len(idx):
        return segs
    outline = shapely.get_coordinates(poly)
    pieces = shapely.intersection(g.edge_lines[idx], region)
    for e, piece in zip(idx.tolist(), pieces, strict=True):
        ex, ey = g.sight.ev[e]
        ln = math.hypot(ex, ey)
        if ln <= 0:
            continue
        ux, uy = ex / ln, ey / ln
        nx, ny = -uy * _NUDGE, ux * _NUDGE  # towards the free side
        reach = outline[:, 0] * ux + outline[:, 1] * uy
        lo, hi = float(reach.min()), float(reach.max())  # the booth's extent along the piece
        for part in getattr(piece, "geoms", [piece]):
            if part.is_empty or part.geom_type != "LineString" or part.length < 1e-3:
                continue
            (x0, y0), (x1, y1) = part.coords[0], part.coords[-1]
            t0, t1 = x0 * ux + y0 * uy, x1 * ux + y1 * uy
            if t1 < t0:
                (x0, y0), (x1, y1), t0, t1 = (x1, y1), (x0, y0), t1, t0
            c0, c1 = max(t0, lo), min(t1, hi)
            if c1 - c0 < 1e-3:
                continue
            s = 1e-4  # keep clear of the side's ends, where other edges meet
            a = (x0 + (c0 - t0 + s) * ux + nx, y0 + (c0 - t0 + s) * uy + ny)
            b = (x0 + (c1 - t0 - s) * ux + nx, y0 + (c1 - t0 - s) * uy + ny)
            if g.contains(*a) and g.contains(*b):
                segs.append((a, b))
    return segs


def slide(g: LevelGraph, coords: list, an: Anchor | None) -> list:
    """If coords start on a booth side, slide the start to the foot of the next point."""
    if an is None or an.seg is None or len(coords) < 2:
        return coords
    (ax, ay), (bx, by) = an.seg
    nxt = coords[1]
    vx, vy = bx - ax, by - ay
    ll = vx * vx + vy * vy
    if ll <= 0:
        return coords
    t = min(1.0, max(0.0, ((nxt[0] - ax) * vx + (nxt[1] - ay) * vy) / ll))
    q = (ax + t * vx, ay + t * vy)
    if math.dist(q, nxt) < math.dist(coords[0], nxt) - 1e-9 and g.visible(q, nxt):
        return [q] + coords[1:]
    return coords
