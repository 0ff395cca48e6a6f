"""The connector ends of a venue as one sparse graph: the quickest way to every end at once.

A walking matrix and a search from a place ask, for each of their places, how soon every
connector end of the venue is reached (walking between the ends of a level, riding a
connector between levels). On a show of 16 levels with some 50 ends each that is a search
over 800 nodes and 40,000 edges per place, too many steps for a Python heap; here the
ends and their edges are one ``scipy.sparse`` matrix of seconds, built once while the
levels stay as they are, and a search is one call to scipy's Dijkstra from a start node
joined to the ends the place reaches. The metres of each quickest way are then summed
along its predecessors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from exponav.core.routing.levels import LevelCache

__all__ = ["EndsNet"]

_EPS = 1e-12  # scipy's Dijkstra takes a stored zero for no edge


class EndsNet:
    """Every usable connector end of some levels, joined by walks and rides (seconds)."""

    def __init__(self, caches: Sequence[LevelCache],
                 rides: Callable[[str, int, bool], list[tuple[str, int, float]]],
                 step_free: bool, speed: float) -> None:
        self.caches = list(caches)
        self.names: list[tuple[str, int]] = [(lc.id, i) for lc in self.caches
                                             for i in lc.usable(step_free)]
        self.node = {name: k for k, name in enumerate(self.names)}
        n = self.n = len(self.names)
        rows, cols, secs, mets = [], [], [], []
        for lc in self.caches:
            use = lc.usable(step_free)
            if len(use) > 1:
                idx = np.asarray(use)
                sub = lc.between[np.ix_(idx, idx)]
                a, b = np.nonzero(np.isfinite(sub) & ~np.eye(len(idx), dtype=bool))
                base = self.node[(lc.id, use[0])]  # a level's usable ends are numbered in a row
                rows.append(base + a)
                cols.append(base + b)
                secs.append(sub[a, b] / speed)
                mets.append(sub[a, b])
            for i in use:
                for olid, j, s in rides(lc.id, i, step_free):
                    k = self.node.get((olid, j))
                    if k is not None:
                        rows.append(np.asarray([self.node[(lc.id, i)]]))
                        cols.append(np.asarray([k]))
                        secs.append(np.asarray([s], float))
                        mets.append(np.zeros(1))
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        w = np.maximum(np.concatenate(secs), _EPS) if secs else np.zeros(0)
        m = np.concatenate(mets) if mets else np.zeros(0)
        order = np.lexsort((c, r))
        self.indices = c[order].astype(np.int32)
        self.secs = w[order]
        self.indptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(r, minlength=n), out=self.indptr[1:])
        self.edge_key = (r[order] * max(n, 1) + c[order]).astype(np.int64)  # sorted
        self.edge_m = m[order]

    def current(self, levels: dict[str, LevelCache]) -> bool:
        """Is every level still the build this was made from (and no other level added)?"""
        return len(levels) == len(self.caches) and all(levels.get(lc.id) is lc
                                                       for lc in self.caches)

    def reach(self, starts: list[tuple[tuple[str, int], float, float]]
              ) -> dict[tuple[str, int], tuple[float, float]]:
        """(seconds, metres) to every end reached, the search starting at some ends with
        (seconds, metres) already spent: ``starts`` as ((level, end), seconds, metres)."""
        got = self.search(starts)
        return {} if got is None else {self.names[v]: (t, m) for v, (t, m, _) in got[0].items()}

    def search(self, starts: list[tuple[tuple[str, int], float, float]]):
        """reach() by node: ({node: (seconds, metres, rode)}, predecessors (-1 for a start
        node)), or None when nothing is reached. ``rode``: the quickest way there takes a
        connector."""
        n = self.n
        if not starts or not n:
            return None
        k0 = np.asarray([self.node[name] for name, _, _ in starts], np.int64)
        t0 = np.asarray([t for _, t, _ in starts], float)
        m0 = dict(zip(k0.tolist(), [m for _, _, m in starts], strict=True))
        g = csr_matrix((np.concatenate([self.secs, np.maximum(t0, _EPS)]),
                        np.concatenate([self.indices, k0.astype(np.int32)]),
                        np.concatenate([self.indptr, [self.indptr[-1] + len(k0)]])),
                       shape=(n + 1, n + 1))
        dist, pred = dijkstra(g, directed=True, indices=n, return_predecessors=True)
        got = np.nonzero(np.isfinite(dist[:n]))[0]
        pred = pred.astype(np.int64)
        pred[pred == n] = -1
        # the metres of each hop, and whether it is a ride (between two levels)
        p = pred[got]
        hop = p >= 0
        at = np.searchsorted(self.edge_key, np.where(hop, p, 0) * n + got)
        at = np.minimum(at, max(len(self.edge_key) - 1, 0))
        w = dict(zip(got.tolist(), np.where(hop, self.edge_m[at] if len(at) and len(self.edge_m)
                                            else 0.0, 0.0).tolist(), strict=True))
        lvl = [name[0] for name in self.names]
        out: dict[int, tuple[float, float, bool]] = {}
        for v in got.tolist():
            chain = []
            while v not in out:
                q = int(pred[v])
                if q < 0:
                    out[v] = (float(dist[v]), m0[v], False)
                    break
                chain.append(v)
                v = q
            for u in reversed(chain):
                q = int(pred[u])
                _, mq, rq = out[q]
                out[u] = (float(dist[u]), mq + w[u], rq or lvl[q] != lvl[u])
        return out, pred
