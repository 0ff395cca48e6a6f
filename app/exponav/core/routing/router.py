"""Walking routes: the walkable area of each level, a path graph, shortest paths across levels.

Method: an exact visibility graph
    A shortest path among polygonal obstacles bends only at reflex corners of the free
    area (the convex corners of the grown obstacles, the inward corners of the outline),
    and only where it is *taut* there (both boundary neighbours of the corner lie on one
    side of the path). The graph's nodes are those corners; an edge joins two corners
    that see each other and are taut at both ends. Dijkstra on that graph gives the exact
    Euclidean shortest path under the clearance, at any angle: no approximation, so the
    1 % tolerance is never used (the tests compare with an independent computation).

    A query grows a field from the origin: one bulk sight test from the origin to the
    corners, one Dijkstra (C, from scipy). The destination is then reached
    lazily: every possible last hop (from a corner or straight from the origin, to the
    point, or to a booth side at its end or at the foot of the perpendicular) is priced
    exactly, and only the cheapest few are tested for sight, until one is clear; that one
    is optimal. A booth destination is so reached at its exact best arrival point. On one
    level the search first keeps to an ellipse around the two ends (corners v with
    |o - v| + |v - d| <= 1.3 |o - d| + 15 m); a path that fits is provably the shortest,
    otherwise the whole level is searched.

    Rebuilding a level after an edit reuses the previous build: a pair of unchanged
    corners keeps its old answer unless its segment comes near a boundary edge that was
    added or removed, which gives exactly the graph of a fresh build (the tests check).

    Measured on the TaiNEX plans (330-560 corners and 5-8 k graph edges per level; CPU
    time on a shared 2-core machine): a level from scratch 45-110 ms (its area ~10 ms),
    a rebuild after a booth moved ~50 ms, one that changed nothing ~15 ms; a route on
    one level p50 ~3.5 ms, p95 ~5-7 ms; across levels p50 ~5.5 ms, p95 ~8-10 ms.

    Why not a navigation mesh: shapely's constrained Delaunay triangulation is quick to
    build, but A* plus the funnel algorithm is not exact (it can take the wrong corridor,
    more than 1 % longer in a grid of aisles), and Polyanya (exact) expands many search
    nodes among the equal-length alternatives of a grid of aisles, one Python step each.
    The visibility graph is exact, its build fits the 200 ms rebuild budget, and its
    queries are a few vectorised sweeps plus a Dijkstra in C.

Across levels
    Every connector end gets, when its level is built, a shortest-path field over that
    level's graph, and the walks between the ends of one level are kept. A route is a
    small Dijkstra in seconds over origin, connector ends and destination: walking at
    1.2 m/s (0.8 m/s when step-free), plus each connector's ride and wait (a walkway's
    ride_s is its walking time). Step-free routes use only step-free connectors. Chains
    through several levels and buildings come out of the same search, and so does a
    detour through another level when it is quicker.

Places
    A point place that lies in an obstacle or in the clearance band snaps to the nearest
    walkable point within 2 m (a connector end within 5 m); further away raises
    :class:`Unreachable`. A booth is reached at the best point of the walkable boundary
    within 0.6 m of its edge: about 0.5 m out from it, in the aisle. A route from a booth
    to a point on its level is searched from the point and walked backwards (exact); one
    that starts at a booth otherwise starts from samples of its sides (every 6 m at
    most), then slides along its side to the foot of the first leg.

Besides route() and nearest_by_walking(): ``walking_matrix(places)`` gives seconds and
metres between every pair of places for ordering a visit, ``route_chain(places)`` the
routes between consecutive places (a visit's legs), ``Router(venue, lazy=True)`` builds
each level when a route first needs it. A route comes back without words:
:func:`exponav.core.directions.directions` gives its steps (the Navigator asks for them).

Work shared between routes
    Neither the matrix nor a chain of legs changes an answer: every shortcut below gives
    the very numbers and paths that one place, one field or one route at a time gives.
    The matrix resolves its places' anchors with one bulk sight test per level, grows
    their fields with one Dijkstra call per level (scipy runs each search from reset
    nodes), and prices all its walks on a level (between the places, and between them
    and the connector ends) with one more bulk sight test; the walks to connector ends
    stay on each field. route_chain() then reuses those: a leg's search inside its
    ellipse takes its anchors from the place's cached ones (the same pairs, filtered),
    the legs' last hops are tested together round by round, and a leg across levels
    finds its fields and connector walks already priced. A plan of 12 stops so costs
    about half of what routing each leg alone after the matrix did.
"""

from __future__ import annotations

import functools
import heapq
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from exponav.core.model import Connector, LevelPlan, Place, Venue
from exponav.core.routing.area import CLEARANCE_M, walkable_area
from exponav.core.routing.route import (
    STEP_FREE_SPEED,
    WALK_SPEED,
    Route,
    RouteLeg,
    Unreachable,
)
from exponav.core.routing.sight import TOL, Sight

__all__ = [
    "CLEARANCE_M",
    "Route",
    "RouteLeg",
    "Router",
    "Unreachable",
    "WALK_SPEED",
    "STEP_FREE_SPEED",
    "walkable_area",
]

SNAP_M = 2.0  # a place this close to the walkable area snaps onto it
CONNECTOR_SNAP_M = 5.0  # a connector end may sit inside its own shaft or core
BOOTH_REACH_M = 0.6  # arrival points: walkable boundary this close to the booth edge
SAMPLE_M = 6.0  # a booth side is sampled this often when a route starts from it
_NUDGE = 1e-5  # points on the walkable boundary move this far into it
_INCREMENTAL_MAX = 0.25  # rebuild a level from scratch when more of its boundary changed
_FINE_BATCH = 2500  # an anchor sight test of this many segments or more uses the fine grid


# --------------------------------------------------------------------------- one level


@dataclass
class _Anchor:
    """A point of the walkable area, joined to the graph corners it sees."""

    xy: tuple[float, float]
    vis: np.ndarray  # indices of visible corners
    dist: np.ndarray  # straight-line distances to them
    seg: tuple[tuple[float, float], tuple[float, float]] | None = None  # booth side it lies on


@dataclass
class _Field:
    """Shortest distances from a set of source anchors to every corner of a level."""

    sources: list[_Anchor]
    dist: np.ndarray
    pred: np.ndarray  # previous corner, or -1 when the corner is reached from a source
    src: np.ndarray  # which source a corner's path starts from
    # best_many() hits from this field to the level's connector ends, by end index, kept
    # once priced (rows of a walking matrix and the legs of a visit ask for them again)
    end_hits: dict = field(default_factory=dict)
    end_owner: object = None  # the list of ends those hits belong to


def _flatten(targets: list[_Anchor]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corners and distances of several anchors end to end, with the anchor of each."""
    if len(targets) == 1:
        an = targets[0]
        return an.vis, an.dist, np.zeros(len(an.vis), np.int64)
    if not targets:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
    sizes = [len(an.vis) for an in targets]
    return (np.concatenate([an.vis for an in targets]), np.concatenate([an.dist for an in targets]),
            np.repeat(np.arange(len(targets)), sizes))


def _splits(dx, dy, px, py, qx, qy) -> np.ndarray:
    """Does the line along (dx, dy) separate the unit vectors p and q (strictly)?"""
    a = dx * py - dy * px
    b = dx * qy - dy * qx
    return ((a > TOL) & (b < -TOL)) | ((a < -TOL) & (b > TOL))


def _segments_meet_box(A: np.ndarray, B: np.ndarray, lo, hi) -> np.ndarray:
    """Does segment A[i] -> B[i] meet the closed box lo..hi? (Liang-Barsky, vectorised)"""
    t0 = np.zeros(len(A))
    t1 = np.ones(len(A))
    ok = np.ones(len(A), bool)
    d = B - A
    with np.errstate(divide="ignore", invalid="ignore"):
        for ax in (0, 1):
            for p, q in ((-d[:, ax], A[:, ax] - lo[ax]), (d[:, ax], hi[ax] - A[:, ax])):
                par = p == 0
                ok &= ~(par & (q < 0))
                r = q / np.where(par, 1.0, p)
                t0 = np.where(~par & (p < 0), np.maximum(t0, r), t0)
                t1 = np.where(~par & (p > 0), np.minimum(t1, r), t1)
    return ok & (t0 <= t1)


class _Level:
    """The walkable area and visibility graph of one level."""

    def __init__(self, plan: LevelPlan, previous: _Level | None = None) -> None:
        self.id = plan.level.id
        self.area = walkable_area(plan)
        shapely.prepare(self.area)
        self.sight = Sight(self.area)
        s = self.sight
        # graph nodes: reflex corners of the free area (convex corners of the obstacles)
        a = s.P - s.R
        b = s.Q - s.P
        cr = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
        reflex = cr < -TOL * s.plen * s.elen
        self.V = s.P[reflex]
        self.Vprev = s.R[reflex] - self.V
        self.Vnext = s.Q[reflex] - self.V
        n = self.n = len(self.V)
        # unit vectors to the neighbours, for the tautness tests
        self.Pu = self.Vprev / np.hypot(self.Vprev[:, 0], self.Vprev[:, 1])[:, None]
        self.Qu = self.Vnext / np.hypot(self.Vnext[:, 0], self.Vnext[:, 1])[:, None]
        self.incremental = False
        self.unchanged = False  # the same graph as the previous build
        # graph edges: corner pairs taut at both ends that see each other
        if n > 1:
            iu = ju = None
            if previous is not None and previous.n > 1:
                iu, ju = self._pairs_after(previous)
            if iu is None:
                iu, ju = self._taut_pairs()
                vis = ~self.sight.blocked(self.V[iu], self.V[ju], coarse=False)
                iu, ju = iu[vis], ju[vis]
            d = self.V[ju] - self.V[iu]
            w = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-12)
            rows = np.concatenate([iu, ju])
            cols = np.concatenate([ju, iu])
            ww = np.concatenate([w, w])
        else:
            iu = ju = rows = cols = np.zeros(0, np.int64)
            ww = np.zeros(0)
        self.pairs = (iu, ju)  # the visible pairs i < j, kept for the next rebuild
        order = np.lexsort((cols, rows))
        self.indices = cols[order].astype(np.int32)
        self.data = ww[order]
        self.indptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=self.indptr[1:])
        self.n_edges = len(self.data) // 2
        # boundary edges as lines, for snapping and booth sides
        if s.n_edges:
            self.edge_lines = shapely.linestrings(np.stack([s.P, s.Q], axis=1))
        else:
            self.edge_lines = np.zeros(0, dtype=object)
        self.edge_tree = STRtree(self.edge_lines)

    def _pairs_after(self, prev: _Level):
        """The visible pairs, reusing a previous build of this level where nothing changed.

        Whether a segment leaves the area depends only on the boundary edges it meets (and
        the corners on it, which belong to those edges). So a pair of corners that were
        already there, with the same neighbours, keeps its old answer unless its segment
        comes near a boundary edge that was added or removed; every other candidate pair
        is tested again. The result is the graph a full build gives, in a fraction of the
        time after a booth moved. None when too much changed to be worth it.
        """
        po = np.hstack([prev.sight.P, prev.sight.Q])
        pn = np.hstack([self.sight.P, self.sight.Q])
        old_e = set(map(tuple, po.tolist()))
        new_e = set(map(tuple, pn.tolist()))
        changed = np.asarray(sorted(old_e ^ new_e), dtype=float).reshape(-1, 4)
        if len(changed) > _INCREMENTAL_MAX * max(len(new_e), 1):
            return None, None
        if not len(changed) and prev.n == self.n and np.array_equal(prev.V, self.V) \
                and np.array_equal(prev.Vprev, self.Vprev) and np.array_equal(prev.Vnext, self.Vnext):
            self.incremental = self.unchanged = True
            return prev.pairs
        # corners that are still there, with the same neighbours
        okey = {k: i for i, k in enumerate(map(tuple, np.hstack(
            [prev.V, prev.Vprev, prev.Vnext]).tolist()))}
        omap = np.asarray([okey.get(k, -1) for k in map(tuple, np.hstack(
            [self.V, self.Vprev, self.Vnext]).tolist())], dtype=np.int64)
        iu, ju = self._taut_pairs()
        oi, oj = omap[iu], omap[ju]
        kept = (oi >= 0) & (oj >= 0)
        test = ~kept
        if len(changed):
            lo = np.minimum(changed[:, :2], changed[:, 2:]) - 1e-6
            hi = np.maximum(changed[:, :2], changed[:, 2:]) + 1e-6
            k = np.nonzero(kept)[0]
            A, B = self.V[iu[k]], self.V[ju[k]]
            near = _segments_meet_box(A, B, lo.min(axis=0), hi.max(axis=0))
            k = k[near]
            A, B = A[near], B[near]
            hit = np.zeros(len(k), bool)
            for b0, b1 in zip(lo, hi, strict=True):
                left = ~hit
                if not left.any():
                    break
                hit[left] = _segments_meet_box(A[left], B[left], b0, b1)
            test[k[hit]] = True
        # the old answer where it still holds
        no = prev.n
        a, b = np.minimum(oi, oj), np.maximum(oi, oj)
        old_keys = np.minimum(prev.pairs[0], prev.pairs[1]) * no + np.maximum(prev.pairs[0], prev.pairs[1])
        vis = np.zeros(len(iu), bool)
        keep = ~test
        vis[keep] = np.isin(a[keep] * no + b[keep], old_keys)
        t = np.nonzero(test)[0]
        if t.size:
            vis[t] = ~self.sight.blocked(self.V[iu[t]], self.V[ju[t]], coarse=False)
        self.incremental = True
        return iu[vis], ju[vis]

    # -- geometry helpers

    def _taut_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """All corner pairs i < j whose joining segment is taut at both corners."""
        V, p, q = self.V, self.Pu, self.Qu
        n = self.n
        rows, cols = [], []
        block = max(1, 2_000_000 // max(n, 1))  # bounded temporary arrays on big levels
        for r0 in range(0, n, block):
            r1 = min(n, r0 + block)
            dx = V[None, :, 0] - V[r0:r1, None, 0]  # [i, j] = Vj - Vi
            dy = V[None, :, 1] - V[r0:r1, None, 1]
            ok = ~_splits(dx, dy, p[r0:r1, None, 0], p[r0:r1, None, 1], q[r0:r1, None, 0],
                          q[r0:r1, None, 1])
            ok &= ~_splits(dx, dy, p[None, :, 0], p[None, :, 1], q[None, :, 0], q[None, :, 1])
            ok &= np.arange(n)[None, :] > np.arange(r0, r1)[:, None]
            i, j = np.nonzero(ok)
            rows.append(i + r0)
            cols.append(j)
        return np.concatenate(rows), np.concatenate(cols)

    def _taut(self, vi: np.ndarray, d: np.ndarray) -> np.ndarray:
        """Is a path through corner vi along direction d taut there (neighbours on one side)?"""
        p, q = self.Pu[vi], self.Qu[vi]
        return ~_splits(d[:, 0], d[:, 1], p[:, 0], p[:, 1], q[:, 0], q[:, 1])

    def contains(self, x: float, y: float) -> bool:
        return bool(shapely.contains_xy(self.area, x, y))

    def snap(self, x: float, y: float, limit: float) -> tuple[float, float] | None:
        """The point itself if walkable, else the nearest walkable point within limit."""
        if self.area.is_empty:
            return None
        if self.contains(x, y):
            return (x, y)
        p = Point(x, y)
        k = self.edge_tree.query_nearest(p, max_distance=limit + 1e-9, all_matches=False)
        if len(k) == 0:
            return None
        line = self.edge_lines[int(k[0])]
        if line.distance(p) > limit + 1e-9:
            return None
        q = line.interpolate(line.project(p))
        return self._nudge(q.x, q.y, int(k[0]))

    def _nudge(self, x: float, y: float, edge: int) -> tuple[float, float] | None:
        """Move a point of the boundary (on edge) just inside the walkable area."""
        ex, ey = self.sight.ev[edge]
        ln = math.hypot(ex, ey) or 1.0
        nx, ny = -ey / ln, ex / ln  # left normal: the free side
        for f in (1.0, 2.0, 5.0):
            cx, cy = x + f * _NUDGE * nx, y + f * _NUDGE * ny
            if self.contains(cx, cy):
                return (cx, cy)
        for k in range(16):
            t = 2 * math.pi * k / 16
            for r in (2 * _NUDGE, 10 * _NUDGE):
                cx, cy = x + r * math.cos(t), y + r * math.sin(t)
                if self.contains(cx, cy):
                    return (cx, cy)
        return None

    def anchor(self, xy: tuple[float, float], seg=None) -> _Anchor:
        if self.n == 0:
            return _Anchor(xy, np.zeros(0, np.int64), np.zeros(0), seg)
        pt = np.asarray(xy, dtype=float)
        d = self.V - pt
        cand = np.nonzero(self._taut(np.arange(self.n), d))[0]
        blocked = self.sight.blocked(np.broadcast_to(pt, (len(cand), 2)), self.V[cand])
        vis = cand[~blocked]
        dv = d[vis]
        return _Anchor(xy, vis, np.hypot(dv[:, 0], dv[:, 1]), seg)

    def anchors_many(self, pts: list[tuple[float, float]], segs: list,
                     corners: np.ndarray | None = None) -> list[_Anchor]:
        """Anchors for many points with one bulk sight test (to some corners only, if given)."""
        if not pts:
            return []
        if self.n == 0:
            return [self.anchor(p, s) for p, s in zip(pts, segs, strict=True)]
        P = np.asarray(pts, dtype=float)
        k = len(P)
        cand = np.arange(self.n) if corners is None else np.asarray(corners, dtype=np.int64)
        ii = np.repeat(np.arange(k), len(cand))
        vv = np.tile(cand, k)
        d = self.V[vv] - P[ii]
        ok = self._taut(vv, d)
        ii, vv, d = ii[ok], vv[ok], d[ok]
        # (the grid only picks which edges to test, not the answer: a big batch of mostly
        # short-lived segments is quicker on the fine one)
        vis = ~self.sight.blocked(P[ii], self.V[vv], coarse=len(ii) < _FINE_BATCH)
        ii, vv, d = ii[vis], vv[vis], d[vis]
        dist = np.hypot(d[:, 0], d[:, 1])
        cut = np.searchsorted(ii, np.arange(k + 1)).tolist()  # ii is sorted: one run per point
        return [_Anchor(pts[j], vv[cut[j]:cut[j + 1]], dist[cut[j]:cut[j + 1]], segs[j])
                for j in range(k)]

    def visible(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        return not bool(self.sight.blocked(np.asarray([a], float), np.asarray([b], float))[0])

    # -- search

    def field(self, sources: list[_Anchor], limit: float = math.inf) -> _Field:
        """Shortest distances from the sources to every corner (inf beyond ``limit``)."""
        return self.fields([sources], limit)[0]

    def fields(self, many: list[list[_Anchor]], limit: float = math.inf) -> list[_Field]:
        """field() for several sets of sources, with one call to scipy's Dijkstra.

        Each set gets its own start node joined to the corners it sees; scipy runs the
        searches one after another, each from freshly reset nodes, and a start node
        cannot be reached from the others, so every field is the one field() gives alone.
        """
        n = self.n
        out: list[_Field | None] = [None] * len(many)
        seeds = []
        for k, sources in enumerate(many):
            best = np.full(n, np.inf)
            src = np.full(n, -1, np.int64)
            for si, an in enumerate(sources):
                if not len(an.vis):
                    continue
                upd = an.dist < best[an.vis]
                best[an.vis[upd]] = an.dist[upd]
                src[an.vis[upd]] = si
            start = np.nonzero(np.isfinite(best))[0]
            if n == 0 or not start.size:
                out[k] = _Field(sources, np.full(n, np.inf), np.full(n, -2, np.int64), src)
            else:
                seeds.append((k, best, src, start))
        if not seeds:
            return out  # type: ignore[return-value]
        m = len(seeds)
        indptr = np.concatenate([self.indptr, self.indptr[-1] + np.cumsum(
            [len(start) for _, _, _, start in seeds])])
        indices = np.concatenate([self.indices] + [start.astype(np.int32)
                                                   for _, _, _, start in seeds])
        data = np.concatenate([self.data] + [np.maximum(best[start], 1e-12)
                                             for _, best, _, start in seeds])
        g = csr_matrix((data, indices, indptr), shape=(n + m, n + m))
        dist, pred = dijkstra(g, directed=True, indices=np.arange(n, n + m),
                              return_predecessors=True, limit=limit)
        for r, (k, _, src, _) in enumerate(seeds):
            d = np.asarray(dist[r, :n], dtype=float)
            p = np.asarray(pred[r, :n], dtype=np.int64)
            p[p == n + r] = -1
            p[p < -1] = -2
            out[k] = _Field(many[k], d, p, src)
        return out  # type: ignore[return-value]

    def best_to(self, fld: _Field, targets: list[_Anchor]):
        """The cheapest way from a field's sources to any of some anchors.

        Returns a hit ``(length, end point, last corner or -1 for a straight line, source
        index for a straight line)``, or None when no target is reachable.
        """
        return self.best_many([(fld, targets)])[0]

    def best_many(self, jobs: list[tuple[_Field, list[_Anchor]]]) -> list:
        """best_to() for several (field, anchors) jobs, with one bulk sight test."""
        out = []
        pairs = []  # (length, job, source index, target index)
        flat: dict[int, tuple] = {}  # per list of targets: all their corners and distances
        for jn, (fld, targets) in enumerate(jobs):
            got = flat.get(id(targets))
            if got is None:
                got = flat[id(targets)] = _flatten(targets)
            vis, dist, owner = got
            best = None
            if len(vis):
                # the first least total: the first target that has it, at its first corner
                # with it (what a strict comparison target by target keeps)
                tot = fld.dist[vis] + dist
                k = int(np.argmin(tot))
                if np.isfinite(tot[k]):
                    best = (float(tot[k]), targets[int(owner[k])].xy, int(vis[k]), -1)
            out.append(best)
            # straight lines from a source to a target, when shorter than via corners
            for si, src in enumerate(fld.sources):
                for t, an in enumerate(targets):
                    dd = math.dist(src.xy, an.xy)
                    if best is None or dd < best[0]:
                        pairs.append((dd, jn, si, t))
        if pairs:
            pairs.sort()
            a = np.asarray([jobs[jn][0].sources[si].xy for _, jn, si, _ in pairs], float)
            b = np.asarray([jobs[jn][1][t].xy for _, jn, _, t in pairs], float)
            blk = self.sight.blocked(a, b)
            for (dd, jn, si, t), bl in zip(pairs, blk.tolist(), strict=True):
                if not bl and (out[jn] is None or dd < out[jn][0]):
                    out[jn] = (dd, jobs[jn][1][t].xy, -1, si)
        return out

    def best_lazy(self, fld: _Field, spot: _Spot, batch: int = 48):
        """The cheapest way from a field's sources to a spot, testing sight only as needed.

        Every candidate last hop (a corner, or a source in a straight line, to the spot's
        point, to an end of a booth side, or to the foot of the perpendicular on a side)
        is priced exactly; the cheapest are tested for sight in small batches until one is
        clear. That one is the shortest path: a shortest path reaches a side at its foot
        or at an end, from its last corner.
        """
        return self.best_lazy_many([(fld, spot)], batch)[0]

    def _lazy_candidates(self, fld: _Field, spot: _Spot):
        """best_lazy's candidate last hops: (from points, to points, from index, code, cost,
        candidate order by cost), or None when there is none."""
        V = self.V
        J = np.nonzero(np.isfinite(fld.dist))[0]
        S = np.asarray([an.xy for an in fld.sources], float).reshape(-1, 2)
        # from-points: corners J (codes >= 0), then sources (codes -1 - index)
        F = np.concatenate([V[J], S])
        code = np.concatenate([J, -1 - np.arange(len(S))])
        base = np.concatenate([fld.dist[J], np.zeros(len(S))])
        ends = [spot.points] if len(spot.points) else []
        nf = len(F)
        fi = [np.repeat(np.arange(nf), len(spot.points))] if len(spot.points) else []
        for (ax, ay), (bx, by) in spot.segs:
            vx, vy = bx - ax, by - ay
            ll = vx * vx + vy * vy
            t = np.clip(((F[:, 0] - ax) * vx + (F[:, 1] - ay) * vy) / ll, 0.0, 1.0) if ll > 0 \
                else np.zeros(nf)
            ends.append(np.stack([ax + t * vx, ay + t * vy], axis=1))
            fi.append(np.arange(nf))
        if not ends or nf == 0:
            return None
        if len(spot.points):
            ends[0] = np.tile(spot.points, (nf, 1))
        P = np.concatenate(ends)
        fidx = np.concatenate(fi)
        d = P - F[fidx]
        c = code[fidx]
        corner = c >= 0
        ok = np.ones(len(P), bool)
        if corner.any():
            ok[corner] = self._taut(c[corner], d[corner])  # shortest paths are taut at corners
        cost = base[fidx] + np.hypot(d[:, 0], d[:, 1])
        ok &= np.isfinite(cost)
        idx = np.nonzero(ok)[0]
        idx = idx[np.argsort(cost[idx], kind="stable")]
        return F, P, fidx, c, cost, idx

    def best_lazy_many(self, jobs: list[tuple[_Field, _Spot]], batch: int = 48) -> list:
        """best_lazy() for several (field, spot) jobs, their sight tests done in lock step.

        Each job tests its candidates cheapest first, in batches that double in size, and
        takes the first clear one; every round tests the next batch of every job still
        open with one bulk sight test. A segment's answer does not depend on what else is
        tested with it, so each job gets exactly what best_lazy alone gives.
        """
        out: list = [None] * len(jobs)
        # per open job: [job, candidates, next position, batch size]
        open_: list[list] = []
        for jn, (fld, spot) in enumerate(jobs):
            cand = self._lazy_candidates(fld, spot)
            if cand is not None and len(cand[5]):
                open_.append([jn, cand, 0, batch])
        while open_:
            A, B, sizes = [], [], []
            for _, (F, P, fidx, _c, _cost, idx), pos, size in open_:
                chunk = idx[pos:pos + size]
                A.append(F[fidx[chunk]])
                B.append(P[chunk])
                sizes.append(len(chunk))
            blk = self.sight.blocked(np.concatenate(A), np.concatenate(B))
            still = []
            off = 0
            for st, m in zip(open_, sizes, strict=True):
                jn, (_F, P, _fidx, c, cost, idx), pos, size = st
                clear = np.nonzero(~blk[off:off + m])[0]
                off += m
                if clear.size:
                    i = int(idx[pos + int(clear[0])])
                    cc = int(c[i])
                    xy = (float(P[i, 0]), float(P[i, 1]))
                    out[jn] = (float(cost[i]), xy, cc, -1) if cc >= 0 else \
                        (float(cost[i]), xy, -1, -1 - cc)
                    continue
                st[2], st[3] = pos + m, min(size * 2, 1024)
                if st[2] < len(idx):
                    still.append(st)
            open_ = still
        return out

    def path(self, fld: _Field, hit) -> tuple[list[tuple[float, float]], _Anchor]:
        """The corner path of a hit, and the source anchor it starts from."""
        _, end, last, si = hit
        if last < 0:
            return [fld.sources[si].xy, end], fld.sources[si]
        chain = []
        v = last
        guard = 0
        while v >= 0 and guard <= self.n:
            chain.append(v)
            if fld.pred[v] == -1:
                break
            v = int(fld.pred[v])
            guard += 1
        source = fld.sources[int(fld.src[chain[-1]])]
        pts = [source.xy] + [(float(self.V[c][0]), float(self.V[c][1])) for c in reversed(chain)]
        return pts + [end], source


@dataclass
class _Spot:
    """A place resolved on a level: where a route may start or end there.

    ``points`` are fixed end points (a snapped point; the ends of a booth's sides),
    ``segs`` the booth's sides in the aisle (just inside the walkable area), and
    ``samples`` the points from which a field is grown when the spot is a route's source.
    """

    place: Place
    level: _Level
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


# --------------------------------------------------------------------------- router


def _length(coords: Sequence[tuple[float, float]]) -> float:
    return float(sum(math.dist(a, b) for a, b in zip(coords[:-1], coords[1:], strict=False)))


def _dedupe(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = [coords[0]]
    for c in coords[1:]:
        if math.dist(c, out[-1]) > 1e-9:
            out.append(c)
    if len(out) == 1:
        out.append(out[0])
    return out


@dataclass
class _End:
    """A connector end on a level, with its shortest-path field over that level."""

    connector: Connector
    index: int
    level: str
    anchor: _Anchor
    fld: _Field


_FIELD_CACHE = 32  # fields kept per router (a kiosk asks from the same place again and again)
_SPOT_CACHE = 512  # resolved places kept per router


class _Built(dict):
    """Per-level data that builds the level on first use (a lazy router)."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, level_id: str):
        self._build(level_id)
        return dict.__getitem__(self, level_id)


def _locked(method):
    """Run a Router method under its lock: the caches below are not thread-safe."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)
    return run


class Router:
    """Shortest walking routes on every level of a venue and across its connectors.

    Every level is built at once; with ``lazy=True`` a level is built when a route first
    needs it instead (a quicker start for venues with many levels).
    """

    def __init__(self, venue: Venue, *, lazy: bool = False) -> None:
        self.venue = venue
        #: One computation at a time: the window's worker thread and the UI thread share a
        #: router, and its caches are not thread-safe. Re-entrant, so a visit plan can hold
        #: it across its walking matrix and its legs.
        self.lock = threading.RLock()
        self._levels: dict[str, _Level] = _Built(self._build)
        self._ends: dict[str, list[_End]] = _Built(self._build)  # connector ends on a level
        self._between: dict[str, np.ndarray] = _Built(self._build)  # metres between them
        self._fields: dict[tuple, _Field] = {}
        self._spots: dict[tuple, _Spot] = {}
        self._anchors: dict[tuple, list[_Anchor]] = {}
        # usable ends, rides and the metres between ends, per level build (each entry keeps
        # what it was made from, and is made again when that changed)
        self._memo: dict[tuple, tuple] = {}
        if not lazy:
            for level_id in venue.plans:
                self._build(level_id)

    # -- building

    def _build(self, level_id: str) -> None:
        plan = self.venue.plans[level_id]  # KeyError for a level the venue does not have
        prev = dict.get(self._levels, level_id)
        lv = _Level(plan, prev)
        sig = tuple((c.id, i, e.x, e.y) for c in self.venue.connectors
                    for i, e in enumerate(c.ends) if e.level == level_id)
        if lv.unchanged and prev is not None and getattr(prev, "ends_sig", None) == sig:
            return  # the same graph and connectors: keep the level, its fields and caches
        lv.ends_sig = sig
        self._levels[level_id] = lv
        self._fields = {k: f for k, f in self._fields.items() if k[0] != level_id}
        self._spots = {k: s for k, s in self._spots.items() if k[0] != level_id}
        self._anchors = {k: a for k, a in self._anchors.items() if k[0] != level_id}
        ends: list[_End] = []
        for c in self.venue.connectors:
            for i, e in enumerate(c.ends):
                if e.level != level_id:
                    continue
                xy = lv.snap(e.x, e.y, CONNECTOR_SNAP_M)
                if xy is None:
                    continue  # this end cannot be walked to; the connector is skipped here
                an = lv.anchor(xy)
                ends.append(_End(c, i, level_id, an, lv.field([an])))
        self._ends[level_id] = ends
        k = len(ends)
        between = np.full((k, k), np.inf)
        np.fill_diagonal(between, 0.0)
        ij = [(i, j) for i in range(k) for j in range(i + 1, k)]
        hits = lv.best_many([(ends[i].fld, [ends[j].anchor]) for i, j in ij])
        for (i, j), hit in zip(ij, hits, strict=True):
            if hit is not None:
                between[i, j] = between[j, i] = hit[0]
        self._between[level_id] = between

    @_locked
    def rebuild_level(self, level_id: str) -> None:
        """Rebuild one level after ``venue.plans[level_id]`` changed."""
        if level_id not in self.venue.plans:
            raise KeyError(level_id)
        self._build(level_id)

    @_locked
    def walkable_area(self, level_id: str) -> BaseGeometry:
        return self._levels[level_id].area

    def _spot(self, place: Place) -> _Spot:
        """Where a route may start or end for a place (cached: kiosks ask again and again)."""
        poly = place.polygon
        key = (place.level, place.id, place.x, place.y, poly.bounds if poly is not None else None)
        spot = self._spots.get(key)
        if spot is None:
            spot = self._make_spot(place)
            if len(self._spots) >= _SPOT_CACHE:
                self._spots.pop(next(iter(self._spots)))
            self._spots[key] = spot
        return spot

    def _make_spot(self, place: Place) -> _Spot:
        """Where a route may start or end for a place: one point, or a booth's aisle sides."""
        lv = self._levels[place.level] if place.level in self.venue.plans else None
        if lv is None:
            raise Unreachable(f"{place.id} is on level {place.level}, which this venue does not have.")
        poly = place.polygon
        if poly is not None and not poly.is_empty and lv.sight.n_edges:
            segs = self._booth_sides(lv, poly)
            if segs:
                ends = [p for seg in segs for p in seg]
                samples, sample_segs = [], []
                for a, b in segs:  # the start is slid along its side afterwards
                    k = max(1, int(math.ceil(math.dist(a, b) / SAMPLE_M)))
                    for t in np.linspace(0.0, 1.0, k + 1).tolist():
                        samples.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
                        sample_segs.append((a, b))
                key = (lv.id, "booth", tuple(np.round(poly.bounds, 6)), len(samples))
                return _Spot(place, lv, np.asarray(ends, float), segs, samples, sample_segs, key)
            # no aisle side: the nearest walkable point to the booth, if close
            xy = self._snap_geom(lv, poly)
            if xy is None:
                raise Unreachable(f"{place.id} has no side on a walkable aisle within {SNAP_M:g} m.")
        else:
            xy = lv.snap(place.x, place.y, SNAP_M)
            if xy is None:
                raise Unreachable(
                    f"{place.id} is more than {SNAP_M:g} m from any walkable aisle on {place.level}."
                )
        return _Spot(place, lv, np.asarray([xy], float), [], [xy], [None], (lv.id, "point", xy))

    def _snap_geom(self, lv: _Level, poly: BaseGeometry) -> tuple[float, float] | None:
        k = lv.edge_tree.query_nearest(poly, max_distance=SNAP_M + CLEARANCE_M, all_matches=False)
        if len(k) == 0:
            return None
        line = lv.edge_lines[int(k[0])]
        if line.distance(poly) > SNAP_M + CLEARANCE_M:
            return None
        q = nearest_points(line, poly)[0]
        return lv._nudge(q.x, q.y, int(k[0]))

    def _booth_sides(self, lv: _Level, poly: BaseGeometry):
        """The walkable boundary within 0.6 m of a booth, moved just inside the area."""
        region = poly.buffer(BOOTH_REACH_M, quad_segs=8)
        idx = lv.edge_tree.query(region, predicate="intersects")
        segs = []
        if not len(idx):
            return segs
        pieces = shapely.intersection(lv.edge_lines[idx], region)
        for e, piece in zip(idx.tolist(), pieces, strict=True):
            ex, ey = lv.sight.ev[e]
            ln = math.hypot(ex, ey)
            if ln <= 0:
                continue
            ux, uy = ex / ln, ey / ln
            nx, ny = -uy * _NUDGE, ux * _NUDGE  # towards the free side
            for part in getattr(piece, "geoms", [piece]):
                if part.is_empty or part.geom_type != "LineString" or part.length < 1e-3:
                    continue
                (x0, y0), (x1, y1) = part.coords[0], part.coords[-1]
                if (x1 - x0) * ux + (y1 - y0) * uy < 0:
                    (x0, y0), (x1, y1) = (x1, y1), (x0, y0)
                s = 1e-4  # keep clear of the side's ends, where other edges meet
                a = (x0 + s * ux + nx, y0 + s * uy + ny)
                b = (x1 - s * ux + nx, y1 - s * uy + ny)
                if lv.contains(*a) and lv.contains(*b):
                    segs.append((a, b))
        return segs

    def _anchors_of(self, spot: _Spot) -> list[_Anchor]:
        """The spot's sample points joined to the corners they see (cached per place)."""
        anchors = self._anchors.get(spot.key)
        if anchors is None:
            anchors = spot.level.anchors_many(spot.samples, spot.sample_segs)
            self._store_anchors(spot.key, anchors)
        return anchors

    def _store_anchors(self, key: tuple, anchors: list[_Anchor]) -> None:
        if len(self._anchors) >= _SPOT_CACHE:
            self._anchors.pop(next(iter(self._anchors)))
        self._anchors[key] = anchors

    def _prepare_anchors(self, spots: Sequence[_Spot]) -> dict[tuple, list[_Anchor]]:
        """The anchors of many spots, by spot key: those not cached yet with one bulk
        sight test per level, not one per place (each sample's answer is the same)."""
        out: dict[tuple, list[_Anchor]] = {}
        todo: dict[int, tuple[_Level, dict[tuple, _Spot]]] = {}
        for sp in spots:
            got = self._anchors.get(sp.key)
            if got is not None:
                out[sp.key] = got
            else:
                todo.setdefault(id(sp.level), (sp.level, {}))[1].setdefault(sp.key, sp)
        for lv, by_key in todo.values():
            group = list(by_key.values())
            got = lv.anchors_many([p for sp in group for p in sp.samples],
                                  [g for sp in group for g in sp.sample_segs])
            k = 0
            for sp in group:
                m = len(sp.samples)
                out[sp.key] = got[k:k + m]
                self._store_anchors(sp.key, out[sp.key])
                k += m
        return out

    def _anchors_near(self, spot: _Spot, corners: np.ndarray) -> list[_Anchor]:
        """The spot's anchors joined to some corners only (``corners`` ascending).

        From the spot's full anchors when they are cached (the same arrays that
        anchors_many(..., corners) gives: a subset of the same pairs and distances), else
        by a sight test to those corners alone.
        """
        full = self._anchors.get(spot.key)
        if full is None:
            return spot.level.anchors_many(spot.samples, spot.sample_segs, corners)
        keep = np.zeros(spot.level.n, bool)
        keep[corners] = True
        out = []
        for an in full:
            m = keep[an.vis]
            out.append(_Anchor(an.xy, an.vis[m], an.dist[m], an.seg))
        return out

    def _to_ends(self, lv: _Level, fld: _Field, idx: Sequence[int]) -> list:
        """best_many hits from a field to some connector ends of its level (kept on the field)."""
        ends = self._ends[lv.id]
        if fld.end_owner is not ends:
            fld.end_hits, fld.end_owner = {}, ends
        missing = [i for i in idx if i not in fld.end_hits]
        if missing:
            for i, h in zip(missing, lv.best_many([(fld, [ends[i].anchor]) for i in missing]),
                            strict=True):
                fld.end_hits[i] = h
        return [fld.end_hits[i] for i in idx]

    def _field(self, spot: _Spot) -> _Field:
        """The shortest-path field grown from a spot (cached per place)."""
        fld = self._fields.get(spot.key)
        if fld is None:
            fld = spot.level.field(self._anchors_of(spot))
            self._store_field(spot.key, fld)
        return fld

    def _store_field(self, key: tuple, fld: _Field) -> None:
        if len(self._fields) >= _FIELD_CACHE:
            self._fields.pop(next(iter(self._fields)))
        self._fields[key] = fld

    def _prepare_fields(self, spots: Sequence[_Spot], anchors: dict[tuple, list[_Anchor]]
                        ) -> dict[tuple, _Field]:
        """The fields of many spots, by spot key: those not cached yet with one Dijkstra
        call per level. ``anchors`` has every spot's anchors."""
        out: dict[tuple, _Field] = {}
        todo: dict[int, tuple[_Level, dict[tuple, _Spot]]] = {}
        for sp in spots:
            got = self._fields.get(sp.key)
            if got is not None:
                out[sp.key] = got
            else:
                todo.setdefault(id(sp.level), (sp.level, {}))[1].setdefault(sp.key, sp)
        for lv, by_key in todo.values():
            group = list(by_key.values())
            for sp, fld in zip(group, lv.fields([anchors[sp.key] for sp in group]), strict=True):
                out[sp.key] = fld
                self._store_field(sp.key, fld)
        return out

    def _slide(self, lv: _Level, coords: list, an: _Anchor | None) -> list:
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
        if math.dist(q, nxt) < math.dist(coords[0], nxt) - 1e-9 and lv.visible(q, nxt):
            return [q] + coords[1:]
        return coords

    # -- routes

    def _usable(self, level_id: str, step_free: bool) -> list[int]:
        ends = self._ends[level_id]
        key = ("usable", level_id, step_free)
        got = self._memo.get(key)
        if got is None or got[0] is not ends:
            got = self._memo[key] = (ends, [i for i, e in enumerate(ends)
                                                   if e.connector.step_free or not step_free])
        return got[1]

    def _between_rows(self, lid: str) -> list[list[float]]:
        """The metres between a level's connector ends as plain lists (quick to read)."""
        between = self._between[lid]
        got = self._memo.get(("between", lid))
        if got is None or got[0] is not between:
            got = self._memo[("between", lid)] = (between, between.tolist())
        return got[1]

    def _rides(self, lid: str, i: int, step_free: bool) -> list[tuple[str, int, float]]:
        """(level, end index, seconds) reachable by riding the connector of end i."""
        end = self._ends[lid][i]
        key = ("rides", lid, i, step_free)
        got = self._memo.get(key)
        if got is not None and got[0] is end and all(
                lv in self.venue.plans and self._ends[lv] is ends for lv, ends in got[1]):
            return got[2]
        c = end.connector
        out = []
        seen = []
        if not step_free or c.step_free:
            for k, ce in enumerate(c.ends):
                if k == end.index or ce.level not in self.venue.plans:
                    continue
                other = self._ends[ce.level]
                seen.append((ce.level, other))
                for j, oe in enumerate(other):
                    if oe.connector is c and oe.index == k:
                        out.append((ce.level, j, c.ride_s + c.wait_s))
        self._memo[key] = (end, seen, out)
        return out

    @_locked
    def route(self, origin: Place, destination: Place, *, step_free: bool = False) -> Route:
        """The quickest walking route (shortest on one level); its steps are left empty
        (:func:`exponav.core.directions.directions` words them)."""
        return self._routes([(origin, destination)], step_free)[0]

    @_locked
    def route_chain(self, places: Sequence[Place], *, step_free: bool = False) -> list[Route]:
        """``route(places[k], places[k + 1])`` for every k: the legs of a visit in order.

        The very routes that one route() call per leg gives (legs, lengths, steps), with
        the work shared: the legs' last-hop sight tests run together, one bulk test per
        level and round, and what walking_matrix() or an earlier leg left in the router's
        caches (places, their anchors and fields, walks to connector ends) is reused.
        """
        places = list(places)
        return self._routes(list(zip(places[:-1], places[1:], strict=False)), step_free)

    def _routes(self, pairs: list[tuple[Place, Place]], step_free: bool) -> list[Route]:
        spots: list[tuple[_Spot, _Spot]] = []
        failed: Unreachable | None = None
        for a, b in pairs:
            try:
                spots.append((self._spot(a), self._spot(b)))
            except Unreachable as exc:  # raised after the legs before it, as leg by leg
                failed = exc
                break
        jobs = []
        for (a, b), (so, sd) in zip(pairs, spots, strict=False):
            # from a booth to a point on its level: grow the field from the point (one
            # sight sweep, not one per sample of the booth's sides), walk it backwards
            back = so.level is sd.level and bool(so.segs) and not sd.segs
            jobs.append((b, a, sd, so, True) if back else (a, b, so, sd, False))
        found = self._search_many(jobs, step_free)
        routes = []
        for (origin, destination, _, _, back), route in zip(jobs, found, strict=True):
            if back:
                origin, destination = destination, origin
                n = len(route.legs)
                legs = [RouteLeg(leg.level, leg.coords[::-1],
                                 route.legs[n - 2 - k].via if k < n - 1 else None, leg.length_m)
                        for k, leg in enumerate(reversed(route.legs))]
                route = Route(origin, destination, legs, step_free, route.duration_s)
            routes.append(route)
        if failed is not None:
            raise failed
        return routes

    def _search_many(self, jobs: list[tuple], step_free: bool) -> list[Route]:
        """Routes for (origin, destination, origin spot, destination spot, _) jobs, in order.

        Legs on one level first try the search inside an ellipse; their last hops are
        found together (best_lazy_many, one bulk sight test per level and round). A leg
        the ellipse cannot settle gets the full search.
        """
        setups: dict[int, tuple] = {}
        for k, (_, _, so, sd, _) in enumerate(jobs):
            if so.level is sd.level:
                setup = self._near_setup(so, sd)
                if setup is not None:
                    setups[k] = setup
        hits: dict[int, object] = {}
        by_level: dict[int, list[int]] = {}
        for k in setups:
            by_level.setdefault(id(jobs[k][2].level), []).append(k)
        for ks in by_level.values():
            lv = jobs[ks[0]][2].level
            got = lv.best_lazy_many([(setups[k][2], jobs[k][3]) for k in ks])
            hits.update(zip(ks, got, strict=True))
        out = []
        for k, (origin, destination, so, sd, _) in enumerate(jobs):
            route = None
            if k in setups:
                route = self._near_finish(origin, destination, so, sd, step_free, setups[k], hits[k])
            if route is None:
                route = self._route(origin, destination, so, sd, step_free)
            out.append(route)
        return out

    def _near_setup(self, so: _Spot, sd: _Spot):
        """The search of a route on one level inside an ellipse around its two ends.

        Only corners v with |origin - v| + |v - destination| <= bound are joined to the
        origin and explored; returns (bound, origin samples, field), or None on a level
        without corners. _near_finish() takes it from the field's best last hop.
        """
        lv = so.level
        if lv.n == 0:
            return None
        src = np.asarray(so.samples, float)
        straight = min(sd.distance(tuple(p)) for p in src.tolist())
        bound = 1.3 * straight + 15.0
        d_src = np.min(np.hypot(lv.V[:, None, 0] - src[None, :, 0], lv.V[:, None, 1] - src[None, :, 1]),
                       axis=1)
        corners = np.nonzero(d_src + sd.distances(lv.V) <= bound)[0]
        fld = lv.field(self._anchors_near(so, corners), limit=bound)
        return bound, src, fld

    def _near_finish(self, origin: Place, destination: Place, so: _Spot, sd: _Spot,
                     step_free: bool, setup: tuple, h) -> Route | None:
        """The route of a search inside the ellipse, given its best last hop h.

        A path found no longer than the bound is the shortest (any path through a
        left-out corner is longer than the bound), and it is the quickest when even the
        nearest connector could not lead anywhere sooner. Otherwise None: the caller
        searches everything.
        """
        bound, src, fld = setup
        lv = so.level
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        if h is None or h[0] > bound:
            return None
        # another level can only help if going there and back could beat the walk: at
        # least two rides, and the straight lines from the origin to a connector, between
        # the far ends of the two connectors, and from the second connector to here
        walk_s = h[0] / speed
        ends = [self._ends[lv.id][i] for i in self._usable(lv.id, step_free)]
        if ends:
            xy = np.asarray([e.anchor.xy for e in ends], float)
            to_e = np.min(np.hypot(xy[:, None, 0] - src[None, :, 0], xy[:, None, 1] - src[None, :, 1]),
                          axis=1)
            from_f = sd.distances(xy)
            far = [[(ce.x, ce.y) for k, ce in enumerate(e.connector.ends) if k != e.index]
                   for e in ends]
            cost = [e.connector.ride_s + e.connector.wait_s for e in ends]
            for a_ in range(len(ends)):
                for b_ in range(len(ends)):
                    if not far[a_] or not far[b_]:
                        continue
                    across = min(math.dist(p, q) for p in far[a_] for q in far[b_])
                    lower = (to_e[a_] + across + from_f[b_]) / speed + cost[a_] + cost[b_]
                    if lower < walk_s:
                        return None  # a detour through another level might be quicker
        coords, source = lv.path(fld, h)
        cc = _dedupe(self._slide(lv, coords, source))
        leg = RouteLeg(lv.id, cc, None, _length(cc))
        return Route(origin, destination, [leg], step_free, leg.length_m / speed)

    def _route(self, origin: Place, destination: Place, so: _Spot, sd: _Spot,
               step_free: bool) -> Route:
        """The full search: every corner of the levels on the way, and the connectors."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        lo, ld = so.level, sd.level
        fo = self._field(so)
        fd: list[_Field] = []  # grown from the destination, only when a connector leads there

        def field_d() -> _Field:
            if not fd:
                fd.append(self._field(sd))
            return fd[0]

        # Dijkstra in seconds over: origin, connector ends, destination. A connector end on
        # the destination level first gets a lower bound for its last walk ("bound"); the
        # exact walk is priced only if that bound is ever the cheapest thing left.
        ORIGIN, DEST = ("o",), ("d",)
        dist: dict = {ORIGIN: 0.0}
        prev: dict = {}
        heap: list = [(0.0, 0, ORIGIN)]
        tick = 1
        done = set()

        rode: dict = {ORIGIN: False}  # does the best way to a node take a connector?

        def push(node, d, how, frm):
            nonlocal tick
            if d < dist.get(node, math.inf) - 1e-12:
                dist[node] = d
                prev[node] = (frm, how)
                rode[node] = rode[frm] or how[0] == "ride"
                heapq.heappush(heap, (d, tick, node))
                tick += 1

        found = False
        while heap:
            d, _, node = heapq.heappop(heap)
            if node in done or d > dist.get(node, math.inf):
                continue
            done.add(node)
            if node == DEST:
                found = True
                break
            if node == ORIGIN:
                if lo is ld:
                    h = lo.best_lazy(fo, sd)
                    if h is not None:
                        push(DEST, h[0] / speed, ("walk", h), ORIGIN)
                ends_o = self._usable(lo.id, step_free)
                for i, h in zip(ends_o, self._to_ends(lo, fo, ends_o), strict=True):
                    if h is not None:
                        push(("e", lo.id, i), h[0] / speed, ("walk", h), ORIGIN)
            elif node[0] == "b":
                _, i = node
                h = self._to_ends(ld, field_d(), [i])[0]
                if h is not None:
                    push(DEST, dist[("e", ld.id, i)] + h[0] / speed, ("last", i, h), ("e", ld.id, i))
            else:
                _, lid, i = node
                between = self._between[lid]
                for j in self._usable(lid, step_free):
                    if j != i and np.isfinite(between[i, j]):
                        push(("e", lid, j), d + between[i, j] / speed, ("level", lid, i, j), node)
                for olid, j, secs in self._rides(lid, i, step_free):
                    push(("e", olid, j), d + secs, ("ride",), node)
                if lid == ld.id and (lo is not ld or rode[node]):
                    # (on the origin's own level, a walk through a connector end without
                    # riding it is never shorter than the direct walk)
                    an = self._ends[lid][i].anchor
                    push(("b", i), d + sd.distance(an.xy) / speed, ("bound",), node)
        if not found:
            mode = " step-free" if step_free else ""
            raise Unreachable(f"No{mode} walking route connects {origin.id} and {destination.id}.")
        hops = []
        node = DEST
        while node != ORIGIN:
            p, how = prev[node]
            if how[0] != "bound":
                hops.append((p, node, how))
            node = p
        hops.reverse()
        return self._assemble(origin, destination, so, sd, fo, fd, hops, speed, step_free)

    def _assemble(self, origin, destination, so, sd, fo, fd, hops, speed, step_free) -> Route:
        lo, ld = so.level, sd.level
        legs: list[RouteLeg] = []
        cur: list[tuple[float, float]] = []
        cur_level = lo.id
        rides = 0.0

        def extend(coords):
            cur.extend(coords if not cur else coords[1:])

        for p, node, how in hops:
            kind = how[0]
            if kind == "walk":  # from the origin, to the destination or to a connector end
                coords, source = lo.path(fo, how[1])
                extend(self._slide(lo, coords, source))
            elif kind == "level":  # between two connector ends on one level
                _, lid, i, j = how
                a, b = self._ends[lid][i], self._ends[lid][j]
                lv = self._levels[lid]
                extend(lv.path(a.fld, lv.best_to(a.fld, [b.anchor]))[0])
            elif kind == "ride":
                c = self._ends[p[1]][p[2]].connector
                rides += c.ride_s + c.wait_s
                if not cur:
                    cur = [self._ends[p[1]][p[2]].anchor.xy]
                cc = _dedupe(cur)
                legs.append(RouteLeg(cur_level, cc, c.id, _length(cc)))
                cur = [self._ends[node[1]][node[2]].anchor.xy]
                cur_level = node[1]
            elif kind == "last":  # from a connector end to the destination, walked backwards
                coords, source = ld.path(fd[0], how[2])
                extend(self._slide(ld, coords, source)[::-1])
        cc = _dedupe(cur) if cur else [tuple(sd.points[0]), tuple(sd.points[0])]
        legs.append(RouteLeg(cur_level, cc, None, _length(cc)))
        walk = sum(leg.length_m for leg in legs)
        return Route(origin, destination, legs, step_free, walk / speed + rides)

    def _reach(self, lo: _Level, fo: _Field, step_free: bool) -> dict:
        """(seconds, metres) from a field's sources to every connector end usable on the way."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        best: dict = {}
        heap: list = []
        usable = self._usable(lo.id, step_free)
        for i, h in zip(usable, self._to_ends(lo, fo, usable), strict=True):
            if h is not None:
                heap.append((h[0] / speed, h[0], lo.id, i))
        heapq.heapify(heap)
        while heap:
            t, m, lid, i = heapq.heappop(heap)
            if (lid, i) in best:
                continue
            best[(lid, i)] = (t, m)
            row = self._between_rows(lid)[i]
            for j in self._usable(lid, step_free):
                if j != i and (lid, j) not in best and math.isfinite(row[j]):
                    heapq.heappush(heap, (t + row[j] / speed, m + row[j], lid, j))
            for olid, j, secs in self._rides(lid, i, step_free):
                if (olid, j) not in best:
                    heapq.heappush(heap, (t + secs, m, olid, j))
        return best

    def _ends_to(self, spot: _Spot, step_free: bool) -> dict[tuple[str, int], float]:
        """Metres from each usable connector end on a spot's level to the spot."""
        lid = spot.level.id
        idx = self._usable(lid, step_free)
        if not idx:
            return {}
        anchors = self._anchors_of(spot)
        ends = self._ends[lid]
        hits = spot.level.best_many([(ends[i].fld, anchors) for i in idx])
        return {(lid, i): h[0] for i, h in zip(idx, hits, strict=True) if h is not None}

    @_locked
    def nearest_by_walking(self, origin: Place, candidates: Sequence[Place], *,
                           step_free: bool = False, limit: int = 3) -> list[tuple[Place, float]]:
        """The candidates reached first on foot, with their walking distance in metres.

        Ranked by time to reach (walking plus any connector ride and wait); candidates that
        cannot be reached are left out.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        so = self._spot(origin)
        lo = so.level
        fo = self._field(so)
        reach = self._reach(lo, fo, step_free)
        scored = []
        for n, cand in enumerate(candidates):
            try:
                sc = self._spot(cand)
            except Unreachable:
                continue
            best = None
            if sc.level is lo:
                h = lo.best_lazy(fo, sc)
                if h is not None:
                    best = (h[0] / speed, h[0])
            lid = sc.level.id
            if any(key[0] == lid and (best is None or r[0] < best[0]) for key, r in reach.items()):
                for key, m in self._ends_to(sc, step_free).items():
                    r = reach.get(key)
                    if r is not None and (best is None or r[0] + m / speed < best[0]):
                        best = (r[0] + m / speed, r[1] + m)
            if best is not None:
                scored.append((best[0], n, cand, best[1]))
        scored.sort(key=lambda s: (s[0], s[1]))
        return [(cand, float(m)) for _, _, cand, m in scored[: max(0, limit)]]

    @_locked
    def walking_matrix(self, places: Sequence[Place], *, step_free: bool = False
                       ) -> tuple[np.ndarray, np.ndarray]:
        """Seconds and metres of the quickest way between every ordered pair of places.

        For ordering the stops of a visit: exact between points; a booth is reached at
        samples of its sides (every few metres), so its entries can be a little long.
        Places that cannot be reached from one another are ``inf``.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        n = len(places)
        sec = np.full((n, n), np.inf)
        met = np.full((n, n), np.inf)
        np.fill_diagonal(sec, 0.0)
        np.fill_diagonal(met, 0.0)
        spots: list[_Spot | None] = []
        for p in places:
            try:
                spots.append(self._spot(p))
            except Unreachable:
                spots.append(None)
        live = [(i, s) for i, s in enumerate(spots) if s is not None]
        anchors_of = self._prepare_anchors([s for _, s in live])
        by_key = self._prepare_fields([s for _, s in live], anchors_of)
        fields = {i: by_key[s.key] for i, s in live}
        # Every walk the matrix needs on a level is priced in one best_many call there (one
        # bulk sight test instead of three per place): from each connector end to each
        # place ("into"), from each place to each connector end ("end", kept on the field
        # for _reach and for the legs routed afterwards), and between the places ("same").
        work: dict[int, tuple[_Level, list, list]] = {}
        for i, si in live:
            lv = si.level
            _, jobs, tags = work.setdefault(id(lv), (lv, [], []))
            ends = self._ends[lv.id]
            fo = fields[i]
            if fo.end_owner is not ends:
                fo.end_hits, fo.end_owner = {}, ends
            anchors = anchors_of[si.key]
            for e in self._usable(lv.id, step_free):
                jobs.append((ends[e].fld, anchors))
                tags.append(("into", i, e))
                if e not in fo.end_hits:
                    jobs.append((fo, [ends[e].anchor]))
                    tags.append(("end", i, e))
            for j, sj in live:
                if j != i and sj.level is lv:
                    jobs.append((fo, anchors_of[sj.key]))
                    tags.append(("same", i, j))
        into: list[dict[tuple[str, int], float]] = [{} for _ in range(n)]
        same: dict[tuple[int, int], tuple] = {}
        for lv, jobs, tags in work.values():
            for (kind, i, x), h in zip(tags, lv.best_many(jobs), strict=True):
                if kind == "end":
                    fields[i].end_hits[x] = h
                elif h is None:
                    continue
                elif kind == "into":
                    into[i][(lv.id, x)] = h[0]
                else:
                    same[(i, x)] = h
        for i, si in live:
            lo = si.level
            reach = self._reach(lo, fields[i], step_free)
            for j, sj in live:
                h = same.get((i, j)) if j != i and sj.level is lo else None
                if h is not None:
                    sec[i, j], met[i, j] = h[0] / speed, h[0]
            for j in range(n):
                if j == i:
                    continue
                for key, m in into[j].items():
                    r = reach.get(key)
                    if r is not None and r[0] + m / speed < sec[i, j]:
                        sec[i, j], met[i, j] = r[0] + m / speed, r[1] + m
        return sec, met
