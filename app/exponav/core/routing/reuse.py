"""A level's graph after an edit: the previous build's answers kept where nothing
changed (the part of :class:`~exponav.core.routing.graph.LevelGraph` that reuses a
build; the graph is built on it).

A pair of corners keeps its old answer where nothing it depends on changed, and on a
tiled level only the tiles the edit touched are tested at all (the methods below say
how); the result is exactly the graph a fresh build gives (the tests compare them). What the
reuse found out is kept for what follows it: which old node became which
(``prev_map``, for :mod:`~exponav.core.routing.carry`) and which boundary edge was which
(``_edge_was``).
"""

from __future__ import annotations

import numpy as np

__all__ = ["ReusesPairs", "matches"]

_INCREMENTAL_MAX = 0.25  # rebuild a level from scratch when more of its boundary changed


def matches(old: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows of two arrays (each without repeated rows): the index of the equal row in
    the other array, or -1."""
    both = np.concatenate([old, new])
    src = np.concatenate([np.arange(len(old)), -1 - np.arange(len(new))])
    order = np.lexsort(both.T[::-1])
    b = both[order]
    same = np.all(b[1:] == b[:-1], axis=1) if len(b) > 1 else np.zeros(0, bool)
    old_at = np.full(len(old), -1, np.int64)
    new_at = np.full(len(new), -1, np.int64)
    k = np.nonzero(same)[0]
    x, y = src[order[k]], src[order[k + 1]]
    fwd = (x >= 0) & (y < 0)  # an old row, then the equal new one
    rev = (x < 0) & (y >= 0)
    old_at[x[fwd]] = -1 - y[fwd]
    new_at[-1 - y[fwd]] = x[fwd]
    old_at[y[rev]] = -1 - x[rev]
    new_at[-1 - x[rev]] = y[rev]
    return old_at, new_at


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


class ReusesPairs:
    """The rebuild half of a level's graph (:class:`~exponav.core.routing.graph.LevelGraph`
    is built on it and has every attribute used here)."""

    def _pairs_after(self, prev: ReusesPairs):
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
        old_at, new_at = matches(po, pn)
        self._edge_was = new_at  # each boundary edge's row in the previous build, or -1
        changed = np.concatenate([po[old_at < 0], pn[new_at < 0]]).reshape(-1, 4)
        if len(changed) > _INCREMENTAL_MAX * max(len(pn), 1):
            return None, None
        if not len(changed) and prev.n == self.n and np.array_equal(prev.V, self.V) \
                and np.array_equal(prev.Vprev, self.Vprev) and np.array_equal(prev.Vnext, self.Vnext):
            self.incremental = self.unchanged = True
            return prev.pairs
        # corners that are still there, with the same neighbours
        gone, omap = matches(np.hstack([prev.V, prev.Vprev, prev.Vnext]),
                              np.hstack([self.V, self.Vprev, self.Vnext]))
        self.incremental = True
        self.prev_map = (gone, omap)
        if self.tiling is not None and prev.tiling is not None \
                and self.tiling.same_grid(prev.tiling):
            return self._tiled_pairs_after(prev, changed, gone, omap)
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
        return iu[vis], ju[vis]

    def _tiled_pairs_after(self, prev: ReusesPairs, changed: np.ndarray, gone: np.ndarray,
                           omap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """_pairs_after() on a tiled level: only the tiles an edit touched are tested.

        A tile is touched when a changed boundary edge comes within its margin or one of
        its nodes is new or gone. Every other tile has the same nodes and the same
        boundary round them, so its pairs keep their answers: the old pairs that share an
        untouched tile are kept, the pairs of the touched tiles are tested afresh, and
        together they are the graph a fresh build gives."""
        T = self.tiling
        touched = np.zeros(T.nx * T.ny, bool)
        if len(changed):
            touched |= T.touched(np.minimum(changed[:, :2], changed[:, 2:]) - 1e-6,
                                 np.maximum(changed[:, :2], changed[:, 2:]) + 1e-6)
        touched[self._tiles[(omap < 0)[self._tile_nodes]]] = True
        touched[prev._tiles[(gone < 0)[prev._tile_nodes]]] = True
        # the old pairs that share an untouched tile, in the new numbering
        tab = T.table(prev._tiles, prev._tile_nodes, prev.n)
        near = ((tab >= 0) & touched[np.maximum(tab, 0)]).any(axis=1)  # in a touched tile
        tab = np.where((tab >= 0) & ~touched[np.maximum(tab, 0)], tab, -1)
        pi, pj = prev.pairs
        keep = ~(near[pi] | near[pj])  # a pair far from every touched tile shares an untouched one
        test = np.nonzero(~keep)[0]
        A, B = tab[pi[test]], tab[pj[test]]
        B = np.where(B >= 0, B, -2)
        keep[test] = ((A[:, :, None] == B[:, None, :]) & (A[:, :, None] >= 0)).any(axis=(1, 2))
        ki, kj = gone[pi[keep]], gone[pj[keep]]
        # and the pairs of the touched tiles, tested
        fi, fj = T.pairs(self._tiles, self._tile_nodes, self.n, only=touched)
        fi, fj = self._taut_filter(fi, fj)
        vis = ~self.sight.blocked(self.V[fi], self.V[fj], coarse=False)
        n = self.n
        keys = np.concatenate([np.minimum(ki, kj) * n + np.maximum(ki, kj),
                               fi[vis] * n + fj[vis]])
        keys = np.sort(keys)
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
        return keys // n, keys % n
