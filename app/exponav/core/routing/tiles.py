"""Tiles of a big level: its graph joins only corners near one tile, through portals.

On a level with many corners (a hall many times Hall 2) the full visibility graph grows
with the square of its corners: in a grid of aisles every corner sees the corners down
its aisle, and the candidate pairs to test grow as corners squared. So a big level is cut
into square tiles (:data:`TILE_M` a side) and an edge of its graph joins only two nodes
of one tile: the corners within :data:`MARGIN_M` of the tile, and *portals*, points every
:data:`PORTAL_M` along the walkable parts of the lines between tiles. A portal is a node
at which a walk may bend any way. The candidate pairs then grow with the number of
tiles, that is linearly with the level's area, and so do the edges.

A walk of this graph is a real walk (every edge is a clear straight line), so it is
never shorter than the shortest; it is longer only where the shortest crosses a line
between tiles away from a portal, by at most the portal spacing and, in practice, by a
few centimetres (moving a crossing of a straight stretch by d lengthens it by about
d squared over the distance to the next bend, and a bend within the margin of the line
is a node of both tiles). :func:`~exponav.core.routing.hops.path` then drops every portal
that the walk can cut straight past. The tests compare lengths with the full graph.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["MARGIN_M", "PORTAL_M", "TILE_M", "TILED_MIN_CORNERS", "Tiling"]

TILED_MIN_CORNERS = 1500  # a level with fewer corners keeps the full graph (SCSE: <= ~700)
TILE_M = 40.0  # a tile's side
MARGIN_M = 4.0  # a corner this close to a tile is one of its nodes too
PORTAL_M = 2.0  # portals along the walkable parts of the lines between tiles
_INSET = 1e-3  # a portal at the end of a walkable stretch sits this far inside it


class Tiling:
    """Square tiles over a level's walkable area, and the portals on the lines between."""

    def __init__(self, area: BaseGeometry, tile: float = TILE_M) -> None:
        x0, y0, x1, y1 = area.bounds if not area.is_empty else (0.0, 0.0, 1.0, 1.0)
        self.tile = tile
        self.x0, self.y0 = float(x0), float(y0)
        self.nx = max(1, int(math.ceil((x1 - x0) / tile)))
        self.ny = max(1, int(math.ceil((y1 - y0) / tile)))
        self.x1, self.y1 = self.x0 + self.nx * tile, self.y0 + self.ny * tile

    def portals(self, area: BaseGeometry, P: np.ndarray, Q: np.ndarray,
                spacing: float = PORTAL_M) -> np.ndarray:
        """Points every ``spacing`` along the walkable parts of the inner tile lines (and
        at both ends of each part), in a fixed order. ``P -> Q``: the area's boundary
        edges (:func:`~exponav.core.routing.sight.ring_edges`), whose crossings with a
        line bound its walkable parts."""
        cuts = [(0, self.x0 + k * self.tile) for k in range(1, self.nx)]
        cuts += [(1, self.y0 + k * self.tile) for k in range(1, self.ny)]
        pts = []
        for axis, c in cuts:
            a, b = P[:, axis], Q[:, axis]
            cross = (a <= c) != (b <= c)  # half-open: a vertex on the line counts once
            if not cross.any():
                continue
            t = (c - a[cross]) / (b[cross] - a[cross])
            u = np.sort(P[cross, 1 - axis] + t * (Q[cross, 1 - axis] - P[cross, 1 - axis]))
            lo, hi = u[:-1] + _INSET, u[1:] - _INSET
            ok = hi > lo
            lo, hi = lo[ok], hi[ok]
            # both ends of each part, and a fixed lattice between (so an edit moves only
            # the portals near it)
            base = self.y0 if axis == 0 else self.x0
            m0 = np.ceil((lo - base) / spacing).astype(np.int64)
            m1 = np.floor((hi - base) / spacing).astype(np.int64)
            cnt = np.maximum(m1 - m0 + 1, 0)
            step = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            along = np.concatenate([lo, hi, base + (np.repeat(m0, cnt) + step) * spacing])
            xy = np.empty((len(along), 2))
            xy[:, axis], xy[:, 1 - axis] = c, along
            pts.append(xy)
        if not pts:
            return np.zeros((0, 2))
        pp = np.unique(np.concatenate(pts), axis=0)
        return pp[shapely.contains_xy(area, pp[:, 0], pp[:, 1])]

    def same_grid(self, other: Tiling) -> bool:
        return (self.tile, self.x0, self.y0, self.nx, self.ny) == \
            (other.tile, other.x0, other.y0, other.nx, other.ny)

    def touched(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Which tiles' nodes and margins meet any of the boxes lo[k]..hi[k]."""
        out = np.zeros((self.ny, self.nx), bool)
        t, m = self.tile, MARGIN_M
        i0 = np.clip(np.ceil((lo[:, 0] - self.x0 - m) / t - 1), 0, self.nx - 1).astype(int)
        i1 = np.clip(np.floor((hi[:, 0] - self.x0 + m) / t), 0, self.nx - 1).astype(int)
        j0 = np.clip(np.ceil((lo[:, 1] - self.y0 - m) / t - 1), 0, self.ny - 1).astype(int)
        j1 = np.clip(np.floor((hi[:, 1] - self.y0 + m) / t), 0, self.ny - 1).astype(int)
        for a, b, c, d in zip(i0.tolist(), i1.tolist(), j0.tolist(), j1.tolist(), strict=True):
            out[c:d + 1, a:b + 1] = True
        return out.ravel()

    def members(self, V: np.ndarray, portal: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(tile, node) pairs, sorted by tile: the corners within the margin of a tile,
        the portals on its sides."""
        t, m = self.tile, MARGIN_M
        gx = (V[:, 0] - self.x0) / t
        gy = (V[:, 1] - self.y0) / t
        # a corner: every tile its margin box meets; a portal: the tiles its line bounds
        grow = np.where(portal, 1e-6, m) / t
        ix0 = np.clip(np.floor(gx - grow), 0, self.nx - 1).astype(np.int64)
        ix1 = np.clip(np.floor(gx + grow), 0, self.nx - 1).astype(np.int64)
        iy0 = np.clip(np.floor(gy - grow), 0, self.ny - 1).astype(np.int64)
        iy1 = np.clip(np.floor(gy + grow), 0, self.ny - 1).astype(np.int64)
        wx, wy = ix1 - ix0 + 1, iy1 - iy0 + 1
        cnt = wx * wy
        node = np.repeat(np.arange(len(V)), cnt)
        j = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        wxr = np.repeat(wx, cnt)
        tiles = (np.repeat(iy0, cnt) + j // wxr) * self.nx + np.repeat(ix0, cnt) + j % wxr
        order = np.lexsort((node, tiles))
        return tiles[order], node[order]

    def table(self, tiles: np.ndarray, node: np.ndarray, n: int) -> np.ndarray:
        """The tiles of each node, one row per node (-1 pads the row)."""
        order = np.argsort(node, kind="stable")
        nd, tl = node[order], tiles[order]
        cnt = np.bincount(nd, minlength=n)
        rank = np.arange(len(nd)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        out = np.full((n, max(int(cnt.max(initial=0)), 1)), -1, np.int64)
        out[nd, rank] = tl
        return out

    def tile_of(self, P: np.ndarray) -> np.ndarray:
        """The tile each point lies in (points beyond the grid: the nearest tile)."""
        ix = np.clip(np.floor((P[:, 0] - self.x0) / self.tile), 0, self.nx - 1).astype(np.int64)
        iy = np.clip(np.floor((P[:, 1] - self.y0) / self.tile), 0, self.ny - 1).astype(np.int64)
        return iy * self.nx + ix

    def pairs(self, tiles: np.ndarray, node: np.ndarray, n: int, only: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
        """Every node pair i < j that shares a tile, once (``tiles``, ``node``: members());
        only of the tiles marked in ``only``, if given."""
        starts = np.searchsorted(tiles, np.arange(self.nx * self.ny + 1))
        out = []
        for k, (a, b) in enumerate(zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True)):
            if b - a < 2 or (only is not None and not only[k]):
                continue
            mem = node[a:b]
            i, j = np.triu_indices(b - a, 1)
            out.append(mem[i] * n + mem[j])
        if not out:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        keys = np.sort(np.concatenate(out))
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
        return keys // n, keys % n
