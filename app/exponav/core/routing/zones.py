"""How routes walk a level's zones: closed ones are blocked, avoided ones cost more inside.

A zone's ``walk`` (:data:`~exponav.core.model.venue.WALKS`) is data in the floor plans:
``through`` zones are walked like any aisle; ``closed`` zones are taken out of the walkable
area (:mod:`~exponav.core.routing.area`); inside an ``avoid`` zone every metre counts
:data:`AVOID_WEIGHT` (3) metres. So a route walks round an avoided zone unless going
through saves a lot: crossing 10 m of it must save more than 20 m of walking round. A
place inside such a zone (a matchmaking table, a stage) is still reached, by the
cheapest way in.

The cost of a straight segment is its length plus ``AVOID_WEIGHT - 1`` times the length
inside avoided zones, clipped against their convex pieces in bulk (Cyrus-Beck, numpy).
The level's graph prices its edges, anchors and last hops with it
(:meth:`SoftZones.cost`), and takes the avoided zones' outer corners as corners of its
own, so that a way round hugs a zone as it hugs a booth block. Routes are still measured
and timed by their metres; only the choice between ways weighs the zones. (The weighted
cost of a straight segment is exact; a path that bends where it crosses a zone's edge,
as light refracts, is not searched: the way in or out goes straight, or by a corner.)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from exponav.core.model import LevelPlan, Zone

__all__ = ["AVOID_WEIGHT", "GATE_M", "GATE_REACH_M", "SoftZones", "closed_zones"]

AVOID_WEIGHT = 3.0  # a metre inside an avoided zone costs this many
GATE_M = 3.0  # a way in or out of an avoided zone may cross its edge this often
GATE_REACH_M = 20.0  # a gate is joined to the corners this near it
_EDGE = 1e-6  # a segment along a zone's edge is outside it


def closed_zones(plan: LevelPlan) -> list[BaseGeometry]:
    """The polygons of a level's closed zones (blocked like obstacles)."""
    return [z.polygon for z in plan.zones if z.walk == "closed"]


def _convex_pieces(area: BaseGeometry) -> list[Polygon]:
    """Convex polygons that tile an area: its polygons when convex, else triangles."""
    out: list[Polygon] = []
    for poly in getattr(area, "geoms", [area]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        if not poly.interiors and poly.convex_hull.area - poly.area <= 1e-9 * max(poly.area, 1.0):
            out.append(poly)
        else:
            out.extend(t for t in shapely.get_parts(shapely.constrained_delaunay_triangles(poly))
                       if t.area > 1e-12)
    return out


class SoftZones:
    """The avoided zones of a level: the cost of walking straight segments across them."""

    def __init__(self, zones: Sequence[Zone], weight: float = AVOID_WEIGHT) -> None:
        self.weight = weight
        polys = [z.polygon for z in zones]
        self.area = shapely.union_all(np.asarray(polys, dtype=object)) if polys else Polygon()
        pieces = _convex_pieces(self.area)
        # per piece, its edges as half-planes n . x <= c (c a hair inside), and its box
        self.planes: list[tuple[np.ndarray, np.ndarray]] = []
        boxes = []
        for piece in pieces:
            ring = np.asarray(shapely.orient_polygons(piece).exterior.coords)  # counter-clockwise
            e = ring[1:] - ring[:-1]
            keep = np.hypot(e[:, 0], e[:, 1]) > 1e-12
            e, p0 = e[keep], ring[:-1][keep]
            nrm = np.stack([e[:, 1], -e[:, 0]], axis=1) / np.hypot(e[:, 0], e[:, 1])[:, None]
            self.planes.append((nrm, np.einsum("ij,ij->i", nrm, p0) - _EDGE))
            boxes.append(piece.bounds)
        self.boxes = np.asarray(boxes, float).reshape(-1, 4)
        self.bounds = self.area.bounds if not self.area.is_empty else (0.0, 0.0, -1.0, -1.0)

    @classmethod
    def of(cls, plan: LevelPlan) -> SoftZones | None:
        """The level's avoided zones, or None when it has none."""
        zones = [z for z in plan.zones if z.walk == "avoid" and not z.polygon.is_empty]
        return cls(zones) if zones else None

    def corners(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The convex corners of the avoided area seen from outside, with the vectors to
        their neighbours on its outline: (points, to previous, to next)."""
        pts, prev, nxt = [], [], []
        for poly in getattr(self.area, "geoms", [self.area]):
            if poly.is_empty or poly.geom_type != "Polygon":
                continue
            ring = np.asarray(shapely.orient_polygons(poly).exterior.coords)[:-1]
            if len(ring) < 3:
                continue
            r, q = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
            a, b = ring - r, q - ring
            convex = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0] > 1e-12  # a left turn going round
            pts.append(ring[convex])
            prev.append((r - ring)[convex])
            nxt.append((q - ring)[convex])
        if not pts:
            z = np.zeros((0, 2))
            return z, z, z
        return np.concatenate(pts), np.concatenate(prev), np.concatenate(nxt)

    def gates(self, spacing: float = GATE_M) -> tuple[np.ndarray, np.ndarray]:
        """Points along the avoided area's outline (every ``spacing`` metres at most, the
        corners apart) where a way may cross it, with the outline's direction there."""
        pts, dirs = [], []
        for ring in shapely.get_rings(np.asarray(list(getattr(self.area, "geoms", [self.area])),
                                                 dtype=object)):
            xy = np.asarray(ring.coords)
            for a, b in zip(xy[:-1], xy[1:], strict=True):
                ln = float(np.hypot(*(b - a)))
                k = int(np.ceil(ln / spacing))
                if k < 2:
                    continue
                t = np.arange(1, k)[:, None] / k
                pts.append(a + t * (b - a))
                dirs.append(np.broadcast_to((b - a) / ln, (k - 1, 2)))
        if not pts:
            return np.zeros((0, 2)), np.zeros((0, 2))
        return np.concatenate(pts), np.concatenate(dirs)

    def inside(self, A: np.ndarray, B: np.ndarray) -> np.ndarray:
        """The length of each segment A[i] -> B[i] inside the avoided zones."""
        A = np.asarray(A, float).reshape(-1, 2)
        B = np.asarray(B, float).reshape(-1, 2)
        out = np.zeros(len(A))
        if not len(A):
            return out
        lo, hi = np.minimum(A, B), np.maximum(A, B)
        x0, y0, x1, y1 = self.bounds
        near = np.nonzero((hi[:, 0] > x0) & (lo[:, 0] < x1) & (hi[:, 1] > y0) & (lo[:, 1] < y1))[0]
        if not near.size:
            return out
        if near.size < len(A):
            out[near] = self.inside(A[near], B[near])
            return out
        D = B - A
        length = np.hypot(D[:, 0], D[:, 1])
        for (nrm, c), (x0, y0, x1, y1) in zip(self.planes, self.boxes, strict=True):
            k = np.nonzero((hi[:, 0] > x0) & (lo[:, 0] < x1) & (hi[:, 1] > y0) & (lo[:, 1] < y1))[0]
            if not k.size:
                continue
            a, d = A[k], D[k]
            num = c[None, :] - a @ nrm.T  # >= 0 where the start is inside a half-plane
            den = d @ nrm.T
            with np.errstate(divide="ignore", invalid="ignore"):
                t = num / den
            t0 = np.max(np.where(den < 0, t, 0.0), axis=1, initial=0.0)
            t1 = np.min(np.where(den > 0, t, 1.0), axis=1, initial=1.0)
            outside = np.any((den == 0) & (num < 0), axis=1)
            span = np.where(outside, 0.0, np.clip(t1 - t0, 0.0, 1.0))
            out[k] += span * length[k]
        return out

    def cost(self, A: np.ndarray, B: np.ndarray) -> np.ndarray:
        """What walking each segment A[i] -> B[i] costs: its length, plus the extra for
        the part inside avoided zones."""
        A = np.asarray(A, float).reshape(-1, 2)
        B = np.asarray(B, float).reshape(-1, 2)
        D = B - A
        return np.hypot(D[:, 0], D[:, 1]) + (self.weight - 1.0) * self.inside(A, B)
