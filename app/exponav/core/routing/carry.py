"""Fields carried over a rebuild: each old shortest-path field mended where an edit
changed the graph, instead of grown again.

A booth moved on a hall of 13,000 booths changes the graph in a tile or two, but each of
the level's connector ends has a field over all of it (levels.py), and growing forty of
them afresh was over half of a rebuild. An edit only removes, adds or re-prices edges,
and adds or removes nodes; a field is mended in two steps, the two halves of the usual
dynamic shortest-path update, for all the ends at once:

1. **What got longer.** A node whose old shortest walk used an edge that is gone (or
   re-priced), or a node that is gone, loses its distance, and so does every node whose
   walk went through it: its descendants in the field's tree of predecessors. They are
   found by pointer jumping over the tree, among the nodes that can be descendants at
   all (no nearer the end than the nearest changed node plus the old distance from
   there; one multi-source Dijkstra gives the latter for every end). Every other node's
   old walk is still there, edge for edge, so its old distance is the length of a walk
   of the new graph: an upper bound, which can only come down.
2. **What got shorter, and what lost its distance.** From those bounds the distances
   are lowered by relaxing edges (label correcting, in numpy): first every edge into a
   node that lost its distance, the anchor's edges, and the edges of every node that
   touches a new or cheaper edge; then, round after round, the edges out of the nodes
   that just came down. The old distances already satisfy every edge the edit did not
   touch, so only the changed part of a field is visited. When nothing comes down any
   more, every edge is satisfied and every distance is the length of a walk, so each is
   the shortest.

The result is a shortest-path field of the new graph: the distances a fresh build gives
(to a nanometre; the tests compare them), and where two walks are equally short,
possibly the other one. An edit that changes too much of a field has it grown afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from exponav.core.routing.graph import Anchor, Field, LevelGraph

__all__ = ["Diff", "carried_fields", "diff", "same_anchor"]

_MARGIN = 1e-6  # metres: a node this near being a descendant is tested as one (rounding)
_EPS = 1e-9  # metres: a distance comes down only by more than this
_LOST_MAX = 0.3  # grow the fields afresh when more of their nodes lost their distance
_ROUNDS_MAX = 2000  # or when distances are still coming down after so many rounds
_BAND = 50.0  # metres: the band of distances relaxed in one round (see carried_fields)


@dataclass
class Diff:
    """What an incremental build changed in a level's graph (see :func:`diff`)."""

    gone: np.ndarray  # old nodes that are gone
    s_old: np.ndarray  # old nodes that are gone or touch an edge gone or re-priced
    bad_old: np.ndarray  # sorted keys (i * old n + j, i < j) of those old edges
    added: np.ndarray  # new nodes that touch a new or re-priced edge


def diff(old: LevelGraph, new: LevelGraph) -> Diff:
    """The edges and nodes that differ between two builds, ``new`` built incrementally
    from ``old`` (its ``prev_map`` says which node became which)."""
    gone, _ = new.prev_map
    n, no = new.n, old.n
    pi, pj = old.pairs
    a, b = gone[pi], gone[pj]
    ko = np.where((a >= 0) & (b >= 0), np.minimum(a, b) * n + np.maximum(a, b), -1)
    order = np.argsort(ko, kind="stable")
    ko_s, wo_s = ko[order], old.pair_w[order]
    ni, nj = new.pairs
    kn = ni * n + nj
    if len(ko_s):
        at = np.minimum(np.searchsorted(ko_s, kn), len(ko_s) - 1)
        same = (ko_s[at] == kn) & (wo_s[at] == new.pair_w)
    else:
        at, same = np.zeros(len(kn), np.int64), np.zeros(len(kn), bool)
    kept = np.zeros(len(ko), bool)
    kept[order[at[same]]] = True  # old edges still there, at the same price
    added = np.zeros(n, bool)
    added[ni[~same]] = True
    added[nj[~same]] = True
    bad = ~kept
    s_old = gone < 0
    s_old[pi[bad]] = True
    s_old[pj[bad]] = True
    return Diff(gone < 0, s_old, np.sort(pi[bad] * no + pj[bad]), added)


def same_anchor(old: Anchor, new: Anchor, gone: np.ndarray) -> bool:
    """Does an old anchor see the same corners, at the same prices, in the new build?"""
    if len(old.vis) != len(new.vis) or old.xy != new.xy:
        return False
    mapped = gone[old.vis]
    if (mapped < 0).any():
        return False
    o, k = np.argsort(mapped), np.argsort(new.vis)
    return bool(np.array_equal(mapped[o], new.vis[k]) and np.array_equal(old.dist[o], new.dist[k]))


def _lost(old: LevelGraph, d: Diff, D_old: np.ndarray, P_old: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """Step 1: the (end, old node) pairs whose old shortest walk is no longer there."""
    k, no = D_old.shape
    src = np.nonzero(d.s_old)[0]
    if not len(src):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    H = np.asarray(dijkstra(csr_matrix((old.data, old.indices, old.indptr), shape=(no, no)),
                            directed=True, indices=src, min_only=True), float)
    R = D_old[:, src].min(axis=1)
    with np.errstate(invalid="ignore"):  # inf - inf: an unreached node, never lost
        maybe = np.isfinite(D_old) & (D_old >= R[:, None] + H[None, :] - _MARGIN)
    cr, cv = np.nonzero(maybe)
    idx = np.full((k, no), -1, np.int64)
    idx[cr, cv] = np.arange(len(cr))
    par = P_old[cr, cv]
    ptr = np.where(par >= 0, idx[cr, np.maximum(par, 0)], -1)
    lost = d.gone[cv] | _bad_edge(d, par, cv, no)
    while True:  # pointer jumping: a node is lost when any node above it is
        up = np.nonzero(ptr >= 0)[0]
        if not len(up):
            break
        at = ptr[up]
        lost[up] |= lost[at]
        ptr[up] = ptr[at]
    return cr[lost], cv[lost]


def _bad_edge(d: Diff, par: np.ndarray, v: np.ndarray, no: int) -> np.ndarray:
    """Is the old edge from par[i] to v[i] gone or re-priced? (par < 0: no edge)"""
    out = np.zeros(len(v), bool)
    m = np.nonzero((par >= 0) & d.s_old[v])[0]
    if not len(m) or not len(d.bad_old):
        return out
    p, q = par[m], v[m]
    key = np.minimum(p, q) * no + np.maximum(p, q)
    at = np.minimum(np.searchsorted(d.bad_old, key), len(d.bad_old) - 1)
    out[m] = d.bad_old[at] == key
    return out


def _edges_of(g: LevelGraph, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every edge at some nodes: (position in ``nodes``, the other node, its price)."""
    deg = g.indptr[nodes + 1] - g.indptr[nodes]
    at = np.repeat(g.indptr[nodes] - np.cumsum(deg) + deg, deg) + np.arange(int(deg.sum()))
    return np.repeat(np.arange(len(nodes)), deg), g.indices[at].astype(np.int64), g.data[at]


def _lower(Df: np.ndarray, Pf: np.ndarray, key: np.ndarray, cand: np.ndarray,
           via: np.ndarray) -> np.ndarray:
    """Lower ``Df[key]`` to ``cand`` where that is lower (the least per key), its
    predecessor ``via``; returns the keys that came down."""
    better = cand < Df[key] - _EPS
    key, cand, via = key[better], cand[better], via[better]
    if not len(key):
        return key
    order = np.lexsort((cand, key))
    key, cand, via = key[order], cand[order], via[order]
    first = np.concatenate([[True], key[1:] != key[:-1]])
    key, cand, via = key[first], cand[first], via[first]
    Df[key] = cand
    Pf[key] = via
    return key


def carried_fields(old: LevelGraph, new: LevelGraph, olds: Sequence[Field],
                   anchors: Sequence[Anchor]) -> list[Field] | None:
    """The new fields of connector ends whose anchors did not change (``anchors[r]`` the
    new anchor of the end whose previous field is ``olds[r]``), mended as the module's
    text says; None when so much changed that growing them afresh is the better way."""
    gone, omap = new.prev_map
    n, k = new.n, len(olds)
    if not k:
        return []
    d = diff(old, new)
    D_old = np.stack([f.dist for f in olds])
    P_old = np.stack([f.pred for f in olds])
    lr, lv = _lost(old, d, D_old, P_old)
    if len(lr) > _LOST_MAX * k * max(old.n, 1):
        return None
    surv = np.nonzero(omap >= 0)[0]
    D = np.full((k, n), np.inf)
    D[:, surv] = D_old[:, omap[surv]]
    P = np.full((k, n), -2, np.int64)
    p = P_old[:, omap[surv]]
    P[:, surv] = np.where(p >= 0, gone[np.maximum(p, 0)], p)
    nv = gone[lv]
    lr, nv = lr[nv >= 0], nv[nv >= 0]
    D[lr, nv] = np.inf
    P[lr, nv] = -2
    Df, Pf = D.reshape(-1), P.reshape(-1)
    down = []
    # step 2: into the nodes that lost their distance, from all their neighbours
    pos, u, w = _edges_of(new, nv)
    down.append(_lower(Df, Pf, lr[pos] * n + nv[pos], Df[lr[pos] * n + u] + w, u))
    for r, an in enumerate(anchors):  # the anchor's own edges
        down.append(_lower(Df, Pf, r * n + an.vis, np.maximum(an.dist, 1e-12),
                           np.full(len(an.vis), -1, np.int64)))
    # the nodes at a new or cheaper edge, for every end, then whatever came down
    touch = np.nonzero(d.added)[0]
    active = np.unique(np.concatenate(down + [(np.arange(k)[:, None] * n + touch[None, :]
                                               ).reshape(-1)]))
    active = active[np.isfinite(Df[active])]
    # nearest first, a band of distances at a time (from where each end's change
    # begins), so that a node seldom comes down twice
    off = np.full(k, np.inf)
    np.minimum.at(off, active // n, Df[active])
    waiting = np.zeros(k * n, bool)
    waiting[active] = True
    for _ in range(_ROUNDS_MAX):
        if not len(active):
            break
        pri = Df[active] - off[active // n]
        now = pri <= pri.min() + _BAND
        key, active = active[now], active[~now]
        waiting[key] = False
        pos, u, w = _edges_of(new, key % n)
        down = _lower(Df, Pf, (key // n)[pos] * n + u, Df[key[pos]] + w, (key % n)[pos])
        down = down[~waiting[down]]
        waiting[down] = True
        active = np.concatenate([active, down])
    else:
        return None
    out = []
    for r, an in enumerate(anchors):
        src = np.full(n, -1, np.int64)
        src[an.vis] = 0
        out.append(Field([an], D[r], P[r], src))
    return out
