"""The last hop of a walk: from a field's corners (or its sources) to its end, priced in bulk.

A query grows a :class:`~exponav.core.routing.graph.Field` from the origin: one bulk
sight test from the origin to the corners, one Dijkstra. The destination is then reached
lazily (:func:`best_lazy`): every possible last hop (from a corner or straight from the
origin, to the point, or to a booth side at its end or at the foot of the perpendicular)
is priced exactly, and only the cheapest few are tested for sight, until one is clear;
that one is optimal. A booth destination is so reached at its exact best arrival point.
Walks to anchors (:func:`best_many`: to connector ends, to a place's samples) test every
candidate at once instead.

A hit is ``(length, end point, last corner or -1 for a straight line, source index for a
straight line or -1)``; :func:`path` turns it into the corner path.
"""

from __future__ import annotations

import math

import numpy as np

from exponav.core.routing.graph import Anchor, Field, LevelGraph
from exponav.core.routing.places import Spot

__all__ = ["best_lazy", "best_lazy_many", "best_many", "best_to", "lazy_candidates", "path"]


def _flatten(targets: list[Anchor]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corners and distances of several anchors end to end, with the anchor of each."""
    if len(targets) == 1:
        an = targets[0]
        return an.vis, an.dist, np.zeros(len(an.vis), np.int64)
    if not targets:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
    sizes = [len(an.vis) for an in targets]
    return (np.concatenate([an.vis for an in targets]), np.concatenate([an.dist for an in targets]),
            np.repeat(np.arange(len(targets)), sizes))


def best_to(g: LevelGraph, fld: Field, targets: list[Anchor]):
    """The cheapest way from a field's sources to any of some anchors.

    Returns a hit ``(length, end point, last corner or -1 for a straight line, source
    index for a straight line)``, or None when no target is reachable.
    """
    return best_many(g, [(fld, targets)])[0]


def best_many(g: LevelGraph, jobs: list[tuple[Field, list[Anchor]]]) -> list:
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
    if pairs and g.soft is not None:  # what they cost, weighted in avoided zones (never less)
        a = np.asarray([jobs[jn][0].sources[si].xy for _, jn, si, _ in pairs], float)
        b = np.asarray([jobs[jn][1][t].xy for _, jn, _, t in pairs], float)
        pairs = [(dd, jn, si, t) for dd, (_, jn, si, t) in zip(g.cost(a, b).tolist(), pairs, strict=True)
                 if out[jn] is None or dd < out[jn][0]]
    if pairs:
        pairs.sort()
        a = np.asarray([jobs[jn][0].sources[si].xy for _, jn, si, _ in pairs], float)
        b = np.asarray([jobs[jn][1][t].xy for _, jn, _, t in pairs], float)
        blk = g.sight.blocked(a, b)
        for (dd, jn, si, t), bl in zip(pairs, blk.tolist(), strict=True):
            if not bl and (out[jn] is None or dd < out[jn][0]):
                out[jn] = (dd, jobs[jn][1][t].xy, -1, si)
    return out


def best_lazy(g: LevelGraph, fld: Field, spot: Spot, batch: int = 48):
    """The cheapest way from a field's sources to a spot, testing sight only as needed.

    Every candidate last hop (a corner, or a source in a straight line, to the spot's
    point, to an end of a booth side, or to the foot of the perpendicular on a side)
    is priced exactly; the cheapest are tested for sight in small batches until one is
    clear. That one is the shortest path: a shortest path reaches a side at its foot
    or at an end, from its last corner.
    """
    return best_lazy_many(g, [(fld, spot)], batch)[0]


def lazy_candidates(g: LevelGraph, fld: Field, spot: Spot, near: bool = False):
    """best_lazy's candidate last hops: (from points, to points, from index, code, cost,
    candidate order by cost), or None when there is none. ``near``: on a tiled level,
    only from the nodes of the spot's tiles (as the graph joins nodes)."""
    V = g.V
    J = np.nonzero(np.isfinite(fld.dist))[0]
    if near and g.tiling is not None:
        ends = [spot.points] + [np.asarray(sg, float) for sg in spot.segs]
        J = J[g.tile_mask(np.concatenate([e.reshape(-1, 2) for e in ends]))[J]]
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
        ok[corner] = g.taut(c[corner], d[corner])  # shortest paths are taut at corners
    cost = base[fidx] + g.cost(F[fidx], P)
    ok &= np.isfinite(cost)
    idx = np.nonzero(ok)[0]
    idx = idx[np.argsort(cost[idx], kind="stable")]
    return F, P, fidx, c, cost, idx


def best_lazy_many(g: LevelGraph, jobs: list[tuple[Field, Spot]], batch: int = 48) -> list:
    """best_lazy() for several (field, spot) jobs, their sight tests done in lock step.

    Each job tests its candidates cheapest first, in batches that double in size, and
    takes the first clear one; every round tests the next batch of every job still
    open with one bulk sight test. A segment's answer does not depend on what else is
    tested with it, so each job gets exactly what best_lazy alone gives.
    """
    out = _lazy_rounds(g, jobs, batch, near=g.tiling is not None)
    if g.tiling is not None:  # a spot no node of its tiles leads to: from anywhere
        again = [jn for jn, h in enumerate(out) if h is None]
        if again:
            for jn, h in zip(again, _lazy_rounds(g, [jobs[jn] for jn in again], batch, False),
                             strict=True):
                out[jn] = h
    return out


def _lazy_rounds(g: LevelGraph, jobs: list[tuple[Field, Spot]], batch: int, near: bool) -> list:
    out: list = [None] * len(jobs)
    open_: list[list] = []  # per open job: [job, candidates, next position, batch size]
    for jn, (fld, spot) in enumerate(jobs):
        cand = lazy_candidates(g, fld, spot, near)
        if cand is not None and len(cand[5]):
            open_.append([jn, cand, 0, batch])
    while open_:
        A, B, sizes = [], [], []
        for _, (F, P, fidx, _c, _cost, idx), pos, size in open_:
            chunk = idx[pos:pos + size]
            A.append(F[fidx[chunk]])
            B.append(P[chunk])
            sizes.append(len(chunk))
        blk = g.sight.blocked(np.concatenate(A), np.concatenate(B))
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


def path(g: LevelGraph, fld: Field, hit) -> tuple[list[tuple[float, float]], Anchor]:
    """The corner path of a hit, and the source anchor it starts from."""
    _, end, last, si = hit
    if last < 0:
        return [fld.sources[si].xy, end], fld.sources[si]
    chain = []
    v = last
    guard = 0
    while v >= 0 and guard <= g.n:
        chain.append(v)
        if fld.pred[v] == -1:
            break
        v = int(fld.pred[v])
        guard += 1
    source = fld.sources[int(fld.src[chain[-1]])]
    chain.reverse()
    pts = [source.xy] + [(float(g.V[c][0]), float(g.V[c][1])) for c in chain] + [end]
    return g.straighten(pts, [-1] + chain + [-1]), source
