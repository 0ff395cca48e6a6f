"""One level's visibility graph: its corners, the taut pairs that see each other, fields.

A shortest path among polygonal obstacles bends only at reflex corners of the free area
(the convex corners of the grown obstacles, the inward corners of the outline), and only
where it is *taut* there (both boundary neighbours of the corner lie on one side of the
path). The graph's nodes are those corners; an edge joins two corners that see each other
(:mod:`~exponav.core.routing.sight`) and are taut at both ends. Dijkstra on that graph
gives the exact Euclidean shortest path under the clearance, at any angle: no
approximation, so the 1 % tolerance is never used (the tests compare with an independent
computation).

On a level with avoided zones (:mod:`~exponav.core.routing.zones`) the graph also takes
their outer corners and gates along their edges (every 3 m, joined to what lies within
20 m), and every edge, anchor and last hop costs its length weighted inside them: the
search is then the cheapest by that cost (exact for paths that cross a zone's edge at a
gate or corner), and the metres of the path it finds are what a route reports.

A big level (1,500 corners or more; the SCSE levels have 320-700) is tiled instead
(:mod:`~exponav.core.routing.tiles`): an edge joins only nodes of one 40 m tile, and
portals on the lines between tiles take their place in the graph beside the corners.
The graph then grows linearly with the level, and its walks stay within a fraction of a
per cent of the shortest (never shorter). A rebuild after an edit there tests only the
tiles it touched, and patches the area only round the shapes that changed.

A point of the area becomes an :class:`Anchor` (the corners it sees, one bulk sight test
for many points); a :class:`Field` is grown from some anchors, the shortest distance to
every corner, with one call to scipy's Dijkstra (``scipy.sparse.csgraph.dijkstra``, in C)
for several sets of sources at once. :mod:`~exponav.core.routing.hops` takes a walk from a
field to its end.

Rebuilding a level after an edit reuses the previous build
(:mod:`~exponav.core.routing.reuse`): a pair of unchanged corners keeps its old answer
unless its segment comes near a boundary edge that was added or removed, which gives
exactly the graph of a fresh build (the tests check). Such a build says which old node
became which (``prev_map``) and keeps each pair's price (``pair_w``), so the fields over
the old graph can be mended rather than grown again (:mod:`~exponav.core.routing.carry`).

Measured on the TaiNEX plans (320-650 corners and 6-10 k graph edges per level; CPU time
on a shared 2-core machine): a level's graph from scratch 40-60 ms (its area 6-9 ms;
Hall 2 4F with its avoided zones' corners and gates ~75 ms), a rebuild after a booth
moved 20-45 ms, one that changed nothing ~10 ms.

Why not a navigation mesh: shapely's constrained Delaunay triangulation is quick to
build, but A* plus the funnel algorithm is not exact (it can take the wrong corridor,
more than 1 % longer in a grid of aisles), and Polyanya (exact) expands many search nodes
among the equal-length alternatives of a grid of aisles, one Python step each. The
visibility graph is exact, its build fits the 200 ms rebuild budget, and its queries are
a few vectorised sweeps plus a Dijkstra in C.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from shapely import STRtree

from exponav.core.model import LevelPlan
from exponav.core.routing import tiles
from exponav.core.routing.area import AreaParts, patched_area, walkable_area
from exponav.core.routing.reuse import ReusesPairs
from exponav.core.routing.sight import TOL, Sight
from exponav.core.routing.tiles import Tiling
from exponav.core.routing.zones import GATE_REACH_M, SoftZones

__all__ = ["Anchor", "Field", "LevelGraph"]

_FINE_BATCH = 2500  # an anchor sight test of this many segments or more uses the fine grid


@dataclass
class Anchor:
    """A point of the walkable area, joined to the graph corners it sees."""

    xy: tuple[float, float]
    vis: np.ndarray  # indices of visible corners
    dist: np.ndarray  # straight-line distances to them
    seg: tuple[tuple[float, float], tuple[float, float]] | None = None  # booth side it lies on


@dataclass
class Field:
    """Shortest distances from a set of source anchors to every corner of a level."""

    sources: list[Anchor]
    dist: np.ndarray
    pred: np.ndarray  # previous corner, or -1 when the corner is reached from a source
    src: np.ndarray  # which source a corner's path starts from
    # best_many() hits from this field to the level's connector ends, by end index, kept
    # once priced (rows of a walking matrix and the legs of a visit ask for them again)
    end_hits: dict = field(default_factory=dict)
    end_owner: object = None  # the list of ends those hits belong to


def _splits(dx, dy, px, py, qx, qy) -> np.ndarray:
    """Does the line along (dx, dy) separate the unit vectors p and q (strictly)?"""
    a = dx * py - dy * px
    b = dx * qy - dy * qx
    return ((a > TOL) & (b < -TOL)) | ((a < -TOL) & (b > TOL))


def _adjacency(iu: np.ndarray, ju: np.ndarray, w: np.ndarray, n: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The CSR arrays (indptr, indices, data) of an undirected graph with edges
    iu[k] - ju[k] at w[k], each row's columns ascending.

    The pairs come sorted by (i, j) with i < j, so row r is the i of the pairs (i, r) in
    order, then the j of the pairs (r, j): two counting placements, no sort of all the
    entries (pairs in any other order are sorted)."""
    m = len(iu)
    key = iu * n + ju
    if m and not (np.all(iu < ju) and np.all(key[1:] > key[:-1])):
        rows, cols, ww = np.concatenate([iu, ju]), np.concatenate([ju, iu]), np.concatenate([w, w])
        order = np.lexsort((cols, rows))
        indptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        return indptr, cols[order].astype(np.int32), ww[order]
    back = np.argsort(ju, kind="stable")  # the pairs by j, their i ascending
    cb, cf = np.bincount(ju, minlength=n), np.bincount(iu, minlength=n)
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(cb + cf, out=indptr[1:])
    indices = np.empty(2 * m, np.int32)
    data = np.empty(2 * m)
    jb = ju[back]
    pos = indptr[jb] + np.arange(m) - (np.cumsum(cb) - cb)[jb]
    indices[pos] = iu[back]
    data[pos] = w[back]
    pos = indptr[iu] + cb[iu] + np.arange(m) - (np.cumsum(cf) - cf)[iu]
    indices[pos] = ju
    data[pos] = w
    return indptr, indices, data


class LevelGraph(ReusesPairs):
    """The walkable area and visibility graph of one level."""

    def __init__(self, plan: LevelPlan, previous: LevelGraph | None = None) -> None:
        self.id = plan.level.id
        # a big level's area is patched after an edit, and kept tidy (area.py)
        got = None
        if previous is not None and previous.area_parts is not None:
            got = patched_area(plan, previous.area_parts)
        self.area_parts: AreaParts | None = None
        if got is not None:
            self.area, self.area_parts = got
        else:
            self.area = walkable_area(plan)
        self.sight = Sight(self.area)
        reflex = self._reflex()
        if got is None and reflex.sum() >= tiles.TILED_MIN_CORNERS:
            self.area = walkable_area(plan, tidy=True)
            self.area_parts = AreaParts.of(plan, self.area)
            self.sight = Sight(self.area)
            reflex = self._reflex()
        shapely.prepare(self.area)
        s = self.sight
        # graph nodes: reflex corners of the free area (convex corners of the obstacles)
        self.V = s.P[reflex]
        self.Vprev = s.R[reflex] - self.V
        self.Vnext = s.Q[reflex] - self.V
        # and, in the area, the outer corners of avoided zones (a way round hugs them) and
        # gates along their edges (a way in or out bends there; any bend is taut at a gate)
        self.soft = SoftZones.of(plan)
        self.gate = np.zeros(len(self.V), bool)
        if self.soft is not None:
            zp, zprev, znext = self.soft.corners()
            gp, gdir = self.soft.gates()
            gate = np.concatenate([np.zeros(len(zp), bool), np.ones(len(gp), bool)])
            zp, zprev, znext = (np.concatenate([zp, gp]), np.concatenate([zprev, gdir]),
                                np.concatenate([znext, gdir]))
            ok = shapely.contains_xy(self.area, zp[:, 0], zp[:, 1]) if len(zp) else np.zeros(0, bool)
            self.V = np.concatenate([self.V, zp[ok]])
            self.Vprev = np.concatenate([self.Vprev, zprev[ok]])
            self.Vnext = np.concatenate([self.Vnext, znext[ok]])
            self.gate = np.concatenate([self.gate, gate[ok]])
        # a big level: edges only within tiles, joined through portals (tiles.py)
        self.tiling: Tiling | None = None
        self.portal = np.zeros(len(self.V), bool)
        if len(self.V) >= tiles.TILED_MIN_CORNERS:
            self.tiling = Tiling(self.area, tiles.TILE_M)
            pp = self.tiling.portals(self.area, s.P, s.Q)
            east = np.broadcast_to(np.asarray([1.0, 0.0]), pp.shape)
            self.V = np.concatenate([self.V, pp])
            self.Vprev = np.concatenate([self.Vprev, east])
            self.Vnext = np.concatenate([self.Vnext, east])
            self.gate = np.concatenate([self.gate, np.zeros(len(pp), bool)])
            self.portal = np.concatenate([self.portal, np.ones(len(pp), bool)])
        n = self.n = len(self.V)
        if self.tiling is not None:
            self._line_rank = self._portal_lines()
            # each tile's nodes, by tile (CSR)
            self._tiles, self._tile_nodes = self.tiling.members(self.V, self.portal)
            self._tile_ptr = np.searchsorted(self._tiles, np.arange(
                self.tiling.nx * self.tiling.ny + 1))
        # unit vectors to the neighbours, for the tautness tests
        self.Pu = self.Vprev / np.hypot(self.Vprev[:, 0], self.Vprev[:, 1])[:, None]
        self.Qu = self.Vnext / np.hypot(self.Vnext[:, 0], self.Vnext[:, 1])[:, None]
        self.incremental = False
        self.unchanged = False  # the same graph as the previous build
        # after an incremental build: each previous node's index here and each node's
        # index in the previous build (-1 where none), for carrying fields over (carry.py)
        self.prev_map: tuple[np.ndarray, np.ndarray] | None = None
        # graph edges: corner pairs taut at both ends that see each other
        if n > 1:
            iu = ju = None
            if previous is not None and previous.n > 1:
                iu, ju = self._pairs_after(previous)
            if iu is None:
                iu, ju = self._taut_pairs()
                vis = ~self.sight.blocked(self.V[iu], self.V[ju], coarse=False)
                iu, ju = iu[vis], ju[vis]
            w = np.maximum(self.cost(self.V[iu], self.V[ju]), 1e-12)
        else:
            iu = ju = np.zeros(0, np.int64)
            w = np.zeros(0)
        self.pairs = (iu, ju)  # the visible pairs i < j, kept for the next rebuild
        self.pair_w = w  # and what walking each costs
        self.indptr, self.indices, self.data = _adjacency(iu, ju, w, n)
        self.n_edges = len(self.data) // 2
        # boundary edges as lines, for snapping and booth sides (the unchanged ones kept)
        if s.n_edges:
            self.edge_lines = np.empty(s.n_edges, dtype=object)
            was = self._edge_was if self.incremental else np.full(s.n_edges, -1)
            m = was >= 0
            if m.any():
                self.edge_lines[m] = previous.edge_lines[was[m]]
            if not m.all():
                self.edge_lines[~m] = shapely.linestrings(np.stack([s.P[~m], s.Q[~m]], axis=1))
        else:
            self.edge_lines = np.zeros(0, dtype=object)
        self.edge_tree = STRtree(self.edge_lines)

    def _reflex(self) -> np.ndarray:
        """Which boundary vertices are reflex corners of the free area."""
        s = self.sight
        a = s.P - s.R
        b = s.Q - s.P
        cr = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
        return cr < -TOL * s.plen * s.elen

    # -- geometry helpers

    def _taut_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """All corner pairs i < j whose joining segment is taut at both corners (on a
        tiled level, of one tile)."""
        V, p, q = self.V, self.Pu, self.Qu
        n = self.n
        if self.tiling is not None:
            return self._taut_filter(*self.tiling.pairs(self._tiles, self._tile_nodes, n))
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
            if self.gate.any():  # a gate joins only what is near it (a way in or out)
                near = dx * dx + dy * dy <= GATE_REACH_M ** 2
                ok &= near | ~(self.gate[r0:r1, None] | self.gate[None, :])
            i, j = np.nonzero(ok)
            rows.append(i + r0)
            cols.append(j)
        return np.concatenate(rows), np.concatenate(cols)

    def _taut_filter(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs (i[k], j[k]) whose segment is taut at both ends (a gate's only when
        short)."""
        V, p, q = self.V, self.Pu, self.Qu
        d = V[j] - V[i]
        dx, dy = d[:, 0], d[:, 1]
        ok = ~_splits(dx, dy, p[i, 0], p[i, 1], q[i, 0], q[i, 1])
        ok &= ~_splits(dx, dy, p[j, 0], p[j, 1], q[j, 0], q[j, 1])
        if self.gate.any():
            ok &= (dx * dx + dy * dy <= GATE_REACH_M ** 2) | ~(self.gate[i] | self.gate[j])
        if self.tiling is not None:  # along a tile line, only from a portal to the next
            for line, rank in self._line_rank:
                along = (line[i] >= 0) & (line[i] == line[j])
                ok &= ~along | (np.abs(rank[i] - rank[j]) == 1)
        return i[ok], j[ok]

    def _portal_lines(self) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
        """Per axis (lines x = c, lines y = c): each node's line (-1 off every line) and
        its rank along it."""
        T = self.tiling
        out = []
        for axis, (base, count) in enumerate(((T.x0, T.nx), (T.y0, T.ny))):
            k = (self.V[:, axis] - base) / T.tile
            line = np.where(self.portal & (np.abs(k - np.round(k)) < 1e-9) & (np.round(k) > 0)
                            & (np.round(k) < count), np.round(k), -1).astype(np.int64)
            rank = np.zeros(self.n, np.int64)
            on = np.nonzero(line >= 0)[0]
            order = on[np.lexsort((self.V[on, 1 - axis], line[on]))]
            rank[order] = np.arange(len(order))
            out.append((line, rank))
        return tuple(out)

    def taut(self, vi: np.ndarray, d: np.ndarray) -> np.ndarray:
        """Is a path through corner vi along direction d taut there (neighbours on one side)?"""
        p, q = self.Pu[vi], self.Qu[vi]
        return ~_splits(d[:, 0], d[:, 1], p[:, 0], p[:, 1], q[:, 0], q[:, 1])

    def _joins(self, vi: np.ndarray, d: np.ndarray) -> np.ndarray:
        """Can a point join corner vi along d (from the point to the corner)? Taut there, and
        a gate only from near it, as gates are joined in the graph."""
        ok = self.taut(vi, d)
        if self.gate.any():
            ok &= ~self.gate[vi] | (d[:, 0] ** 2 + d[:, 1] ** 2 <= GATE_REACH_M ** 2)
        return ok

    def cost(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """What walking straight from a[i] to b[i] costs, in metres: the length, weighted
        inside avoided zones (:mod:`~exponav.core.routing.zones`)."""
        a = np.asarray(a, float).reshape(-1, 2)
        b = np.asarray(b, float).reshape(-1, 2)
        if self.soft is None:
            d = b - a
            return np.hypot(d[:, 0], d[:, 1])
        return self.soft.cost(a, b)

    def straighten(self, pts: list[tuple[float, float]], nodes: list[int]
                   ) -> list[tuple[float, float]]:
        """A walk through ``pts`` with the portals it can cut straight past dropped
        (``nodes[k]``: the graph node at pts[k], or -1). A walk without portals is kept."""
        if self.tiling is None:
            return pts
        pts, nodes = list(pts), list(nodes)
        while True:
            cand, last = [], -2
            for k in range(1, len(pts) - 1):
                if nodes[k] >= 0 and self.portal[nodes[k]] and k - 1 != last:
                    cand.append(k)
                    last = k
            if not cand:
                return pts
            a = np.asarray([pts[k - 1] for k in cand], float)
            b = np.asarray([pts[k + 1] for k in cand], float)
            drop = {k for k, bl in zip(cand, self.sight.blocked(a, b).tolist(), strict=True)
                    if not bl}
            if not drop:
                return pts
            pts = [p for k, p in enumerate(pts) if k not in drop]
            nodes = [v for k, v in enumerate(nodes) if k not in drop]

    def contains(self, x: float, y: float) -> bool:
        return bool(shapely.contains_xy(self.area, x, y))

    def visible(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        return not bool(self.sight.blocked(np.asarray([a], float), np.asarray([b], float))[0])

    # -- anchors and fields

    def anchor(self, xy: tuple[float, float], seg=None) -> Anchor:
        if self.n == 0:
            return Anchor(xy, np.zeros(0, np.int64), np.zeros(0), seg)
        if self.tiling is not None:
            return self.anchors_many([xy], [seg])[0]
        pt = np.asarray(xy, dtype=float)
        d = self.V - pt
        cand = np.nonzero(self._joins(np.arange(self.n), d))[0]
        blocked = self.sight.blocked(np.broadcast_to(pt, (len(cand), 2)), self.V[cand])
        vis = cand[~blocked]
        return Anchor(xy, vis, self.cost(np.broadcast_to(pt, (len(vis), 2)), self.V[vis]), seg)

    def anchors_many(self, pts: list[tuple[float, float]], segs: list,
                     corners: np.ndarray | None = None) -> list[Anchor]:
        """Anchors for many points with one bulk sight test (to some corners only, if given)."""
        if not pts:
            return []
        if self.n == 0:
            return [self.anchor(p, s) for p, s in zip(pts, segs, strict=True)]
        P = np.asarray(pts, dtype=float)
        k = len(P)
        if self.tiling is not None:  # a point joins the nodes of its tile (tiles.py)
            ii, vv = self._tile_candidates(P, corners)
        else:
            cand = np.arange(self.n) if corners is None else np.asarray(corners, dtype=np.int64)
            ii = np.repeat(np.arange(k), len(cand))
            vv = np.tile(cand, k)
        d = self.V[vv] - P[ii]
        ok = self._joins(vv, d)
        ii, vv, d = ii[ok], vv[ok], d[ok]
        # (the grid only picks which edges to test, not the answer: a big batch of mostly
        # short-lived segments is quicker on the fine one)
        vis = ~self.sight.blocked(P[ii], self.V[vv], coarse=len(ii) < _FINE_BATCH)
        ii, vv = ii[vis], vv[vis]
        dist = self.cost(P[ii], self.V[vv])
        cut = np.searchsorted(ii, np.arange(k + 1)).tolist()  # ii is sorted: one run per point
        return [Anchor(pts[j], vv[cut[j]:cut[j + 1]], dist[cut[j]:cut[j + 1]], segs[j])
                for j in range(k)]

    def _tile_candidates(self, P: np.ndarray, corners: np.ndarray | None
                         ) -> tuple[np.ndarray, np.ndarray]:
        """(point, node) pairs, by point: each point with the nodes of its tile (only
        those among ``corners``, if given), each point's nodes ascending."""
        t = self.tiling.tile_of(P)
        lo, hi = self._tile_ptr[t], self._tile_ptr[t + 1]
        cnt = hi - lo
        ii = np.repeat(np.arange(len(P)), cnt)
        vv = self._tile_nodes[np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))]
        if corners is not None:
            keep = np.zeros(self.n, bool)
            keep[np.asarray(corners, dtype=np.int64)] = True
            m = keep[vv]
            ii, vv = ii[m], vv[m]
        return ii, vv

    def tile_mask(self, P: np.ndarray) -> np.ndarray:
        """On a tiled level: which nodes belong to a tile of any of the points P."""
        mask = np.zeros(self.n, bool)
        for t in np.unique(self.tiling.tile_of(np.asarray(P, float).reshape(-1, 2))).tolist():
            mask[self._tile_nodes[self._tile_ptr[t]:self._tile_ptr[t + 1]]] = True
        return mask

    def field(self, sources: list[Anchor], limit: float = math.inf) -> Field:
        """Shortest distances from the sources to every corner (inf beyond ``limit``)."""
        return self.fields([sources], limit)[0]

    def fields(self, many: list[list[Anchor]], limit: float = math.inf) -> list[Field]:
        """field() for several sets of sources, with one call to scipy's Dijkstra.

        Each set gets its own start node joined to the corners it sees; scipy runs the
        searches one after another, each from freshly reset nodes, and a start node
        cannot be reached from the others, so every field is the one field() gives alone.
        """
        n = self.n
        out: list[Field | None] = [None] * len(many)
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
                out[k] = Field(sources, np.full(n, np.inf), np.full(n, -2, np.int64), src)
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
            out[k] = Field(many[k], d, p, src)
        return out  # type: ignore[return-value]
