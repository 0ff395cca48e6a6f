"""Among walks of nearly the same length, the one with the fewest turns.

The shortest walk across a grid of booth blocks hugs a block corner at every cross aisle,
and a visitor hears "turn left ... turn right ..." at each; a walk a few metres longer
down one aisle and across at one corner is told in two steps. So, once the router has
the exact shortest walk on a level, :func:`fewer_turns` looks, between the same two end
points, for the walk with the fewest turns (as :func:`~exponav.core.routing.turns.count_turns`
counts them: the turns the directions will name) that is at most :func:`slack` longer:
5 m, or 1 % of a longer walk (over 500 m), never more. Among walks with as few turns,
the shortest; and the exact walk when nothing has fewer.

How
    A turn is a property of two edges in a row, so the search runs on the visibility
    graph's edges (the "line graph": a state is an edge walked, a move is the next edge,
    costing its length plus a penalty when the bend between them is a turn, 20 degrees
    or more) with scipy's Dijkstra. Only what can lie on a walk within the budget takes
    part: the corners whose cheapest way from the start plus to the end fits it (two
    fields, one Dijkstra call), the edges and pairs of edges that fit it the same way,
    which leaves a narrow band round the shortest walk. The penalty trades metres for
    turns: first the whole slack per turn (any turn saved within the budget is worth
    it), then, only if that walk overran the budget by saving several turns at once, a
    third of it. Every walk found is measured again (its metres, its cost, its turns as
    told) and kept only if it is within the budget and has fewer turns.

Measured over 200 fixed routes on the SCSE levels (``exponav bench``, "turns per 100 m"),
see :mod:`exponav.diagnostics.bench`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from exponav.core.routing.graph import Field, LevelGraph
from exponav.core.routing.turns import TURN_DEG, count_turns

__all__ = ["SLACK_M", "SLACK_SHARE", "fewer_turns", "slack"]

SLACK_M = 5.0  # a walk may be this much longer for fewer turns
SLACK_SHARE = 0.01  # or this share of it, when that is more (walks over 500 m)
_COS_TURN = math.cos(math.radians(TURN_DEG))
_EPS = 1e-9

Point = tuple[float, float]


def slack(length_m: float) -> float:
    """How much longer than the shortest a walk of this length may be for fewer turns.

    >>> slack(80.0), slack(1200.0)
    (5.0, 12.0)
    """
    return max(SLACK_M, SLACK_SHARE * length_m)


def _length(pts: np.ndarray) -> float:
    d = np.diff(pts, axis=0)
    return float(np.hypot(d[:, 0], d[:, 1]).sum())


def fewer_turns(g: LevelGraph, coords: Sequence[Point], extra_m: float,
                from_start: Field | None = None) -> list[Point]:
    """The walk between the ends of ``coords`` (a shortest walk on level ``g``) with the
    fewest turns among those at most ``extra_m`` longer and dearer; ``coords`` itself
    when none has fewer turns. (A walk of one turn is kept: going round one corner.)

    ``from_start`` may be a field already grown from the start alone (the router's search
    grew one): it saves growing another. Its corners it did not reach stay out of the
    search, which then only looks at fewer walks."""
    pts = np.asarray(coords, float)
    if len(pts) < 3 or g.n == 0 or extra_m <= 0:
        return list(coords)
    t0 = count_turns(pts)
    if t0 <= 1:
        return list(coords)
    l0, c0 = _length(pts), float(g.cost(pts[:-1], pts[1:]).sum())
    length_cap, cost_cap = l0 + extra_m, c0 + extra_m
    if from_start is not None and (len(from_start.sources) != 1 or not np.allclose(
            from_start.sources[0].xy, pts[0], atol=1e-9)):
        from_start = None
    band = _Band.around(g, pts[0], pts[-1], cost_cap, from_start)
    best = (t0, l0, list(coords))
    if band is None:
        return best[2]
    for penalty in (extra_m, extra_m / 3.0):
        got = band.walk(penalty)
        if got is None:
            break
        if g.tiling is not None:  # cut straight past the portals it can
            nodes = [int(v) if v < g.n else -1 for v in got[1]]
            got = np.asarray(g.straighten([tuple(p) for p in got[0].tolist()], nodes), float)
        else:
            got = got[0]
        length = _length(got)
        if length > length_cap + 1e-6 or float(g.cost(got[:-1], got[1:]).sum()) > cost_cap + 1e-6:
            continue  # saved several turns for more than the budget: try a smaller penalty
        turns = count_turns(got)
        if (turns, length) < best[:2]:
            best = (turns, length, [(float(x), float(y)) for x, y in got])
        break
    return best[2]


class _Band:
    """The edges of a level's graph that can lie on a walk from start to end within a cost
    cap, and the moves from one to the next (the line graph), ready for a search."""

    def __init__(self, XY, U, T, W, k1, k2, turn, src_edges, end_edges) -> None:
        self.XY, self.U, self.T, self.W = XY, U, T, W
        self.k1, self.k2, self.turn = k1, k2, turn
        self.src_edges, self.end_edges = src_edges, end_edges

    @classmethod
    def around(cls, g: LevelGraph, start: np.ndarray, end: np.ndarray, cap: float,
               f_s: Field | None = None) -> _Band | None:
        n = g.n
        # only corners within the cap as the crow flies can be on the way
        near = np.nonzero(np.hypot(*(g.V - start).T) + np.hypot(*(g.V - end).T) <= cap + _EPS)[0]
        if not near.size:
            return None
        if f_s is None:
            a_s, a_e = g.anchors_many([tuple(start), tuple(end)], [None, None], near)
            f_s, f_e = g.fields([[a_s], [a_e]], limit=cap)
        else:
            a_s = f_s.sources[0]
            [a_e] = g.anchors_many([tuple(end)], [None], near)
            f_e = g.field([a_e], limit=cap)
        S, E = n, n + 1
        ds = np.concatenate([f_s.dist, [0.0, np.inf]])  # cheapest from the start, per node
        de = np.concatenate([f_e.dist, [np.inf, 0.0]])  # cheapest to the end
        inside = np.nonzero(ds[:n] + de[:n] <= cap + _EPS)[0]
        # the edges that fit: corner to corner, start to corner, corner to end
        lo, hi = g.indptr[inside], g.indptr[inside + 1]
        cnt = hi - lo
        idx = np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))
        rows = np.repeat(inside, cnt)
        cols = g.indices[idx].astype(np.int64)
        w = g.data[idx]
        fit = ds[rows] + w + de[cols] <= cap + _EPS
        sv, ev = a_s.vis.astype(np.int64), a_e.vis.astype(np.int64)
        s_fit = a_s.dist + de[sv] <= cap + _EPS
        e_fit = ds[ev] + a_e.dist <= cap + _EPS
        if not s_fit.any() or not e_fit.any():
            return None
        U = np.concatenate([rows[fit], np.full(int(s_fit.sum()), S), ev[e_fit]])
        T = np.concatenate([cols[fit], sv[s_fit], np.full(int(e_fit.sum()), E)])
        W = np.concatenate([w[fit], a_s.dist[s_fit], a_e.dist[e_fit]])
        k_all = len(U)
        XY = np.concatenate([g.V, start[None, :], end[None, :]])
        d = XY[T] - XY[U]
        unit = d / np.maximum(np.hypot(d[:, 0], d[:, 1]), _EPS)[:, None]
        # moves: edge k1 (u -> v), then edge k2 (v -> x) with x != u, that fit the cap
        order = np.argsort(U, kind="stable")
        first = np.searchsorted(U[order], np.arange(n + 2))
        count = np.diff(np.concatenate([first, [k_all]]))
        per = count[T]
        k1 = np.repeat(np.arange(k_all), per)
        k2 = order[np.repeat(first[T] - np.cumsum(per) + per, per) + np.arange(len(k1))]
        ok = (U[k2] != U[k1]) & (ds[U[k1]] + W[k1] + W[k2] + de[T[k2]] <= cap + _EPS)
        k1, k2 = k1[ok], k2[ok]
        turn = np.einsum("ij,ij->i", unit[k1], unit[k2]) < _COS_TURN
        return cls(XY, U, T, W, k1, k2, turn, np.nonzero(U == S)[0], np.nonzero(T == E)[0])

    def walk(self, penalty: float) -> tuple[np.ndarray, np.ndarray] | None:
        """The walk of least cost plus ``penalty`` per turn through the band (its points
        and their nodes: start and end are the last two), or None."""
        k_all = len(self.U)
        src = k_all  # a source joined to the edges leaving the start
        a = np.concatenate([self.k1, np.full(len(self.src_edges), src)])
        b = np.concatenate([self.k2, self.src_edges])
        cost = np.concatenate([self.W[self.k2] + penalty * self.turn, self.W[self.src_edges]])
        graph = csr_matrix((np.maximum(cost, _EPS), (a, b)), shape=(k_all + 1, k_all + 1))
        dist, pred = dijkstra(graph, directed=True, indices=src, return_predecessors=True)
        ends = self.end_edges
        if not np.isfinite(dist[ends]).any():
            return None
        k = int(ends[np.argmin(dist[ends])])
        chain = []
        while k != src and k >= 0:
            chain.append(k)
            k = int(pred[k])
        chain.reverse()
        nodes = np.asarray([int(self.U[chain[0]])] + [int(self.T[k]) for k in chain])
        return self.XY[nodes], nodes
