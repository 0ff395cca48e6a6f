"""Bulk segment visibility inside a polygonal area: which of many segments leave it.

Visibility is decided in bulk with numpy, not one shapely predicate per segment: the
area's boundary edges are bucketed in a uniform grid, and all candidate segments walk
their grid cells in lock step (a vectorised DDA), testing the edges of the cell they are
in for a proper crossing, or for passing through a boundary vertex into the blocked side
(corners line up all along an aisle, so that case is common). Most blocked segments stop
in their first cells.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["TOL", "Grid", "Sight", "ring_edges"]

TOL = 1e-9  # geometric tolerance, in metres
_CELL_K = 0.75  # grid cell side, in units of sqrt(area per boundary edge): build
_CELL_K_QUERY = 3.0  # the same, for queries


class Grid:
    """Boundary edges bucketed in square cells (CSR: ptr into edges, one row per cell)."""

    def __init__(self, P: np.ndarray, Q: np.ndarray, k: float) -> None:
        E = len(P)
        if E:
            lo = np.minimum(P, Q).min(axis=0) - 1.0
            hi = np.maximum(P, Q).max(axis=0) + 1.0
        else:
            lo, hi = np.zeros(2), np.ones(2)
        w, h = hi - lo
        cell = float(np.clip(k * math.sqrt(max(w * h, 1.0) / max(E, 1)), 2.0, 25.0))
        self.cell = cell
        self.gx, self.gy = float(lo[0]), float(lo[1])
        self.nx = int(math.ceil(w / cell)) + 1
        self.ny = int(math.ceil(h / cell)) + 1
        eps = 1e-7
        bx0 = np.floor((np.minimum(P[:, 0], Q[:, 0]) - eps - self.gx) / cell).astype(np.int64)
        bx1 = np.floor((np.maximum(P[:, 0], Q[:, 0]) + eps - self.gx) / cell).astype(np.int64)
        by0 = np.floor((np.minimum(P[:, 1], Q[:, 1]) - eps - self.gy) / cell).astype(np.int64)
        by1 = np.floor((np.maximum(P[:, 1], Q[:, 1]) + eps - self.gy) / cell).astype(np.int64)
        bx0, bx1 = np.clip(bx0, 0, self.nx - 1), np.clip(bx1, 0, self.nx - 1)
        by0, by1 = np.clip(by0, 0, self.ny - 1), np.clip(by1, 0, self.ny - 1)
        wx, wy = bx1 - bx0 + 1, by1 - by0 + 1
        cnt = wx * wy
        tot = int(cnt.sum())
        eid = np.repeat(np.arange(E), cnt)
        j = np.arange(tot) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        wxr = np.repeat(wx, cnt)
        cx = np.repeat(bx0, cnt) + j % wxr
        cy = np.repeat(by0, cnt) + j // wxr
        cells = cy * self.nx + cx
        order = np.argsort(cells, kind="stable")
        self.edges = eid[order]
        self.ptr = np.zeros(self.nx * self.ny + 1, np.int64)
        np.cumsum(np.bincount(cells, minlength=self.nx * self.ny), out=self.ptr[1:])


def ring_edges(area: BaseGeometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every boundary edge P -> Q of an area, with R the vertex before P on its ring."""
    polys = [g for g in getattr(area, "geoms", [area]) if not g.is_empty]
    empty = np.zeros((0, 2))
    if not polys:
        return empty, empty, empty
    rings = shapely.get_rings(np.asarray(polys, dtype=object))
    xy, rid = shapely.get_coordinates(rings, return_index=True)
    keep = np.ones(len(xy), bool)
    keep[:-1] = rid[1:] == rid[:-1]  # drop each ring's closing point
    keep[-1] = False
    same = np.zeros(len(xy), bool)  # and repeated points, so every edge has a length
    same[1:] = (rid[1:] == rid[:-1]) & np.all(xy[1:] == xy[:-1], axis=1)
    keep &= ~same
    xy, rid = xy[keep], rid[keep]
    if not len(xy):
        return empty, empty, empty
    starts = np.concatenate([[0], np.nonzero(rid[1:] != rid[:-1])[0] + 1])
    lengths = np.diff(np.concatenate([starts, [len(xy)]]))
    good = np.repeat(lengths >= 3, lengths)
    first = np.repeat(starts, lengths)
    size = np.repeat(lengths, lengths)
    local = np.arange(len(xy)) - first
    nxt = first + (local + 1) % size
    prv = first + (local - 1) % size
    return xy[good], xy[nxt[good]], xy[prv[good]]


class Sight:
    """Bulk segment visibility inside a polygonal area, by a grid of its boundary edges."""

    def __init__(self, area: BaseGeometry) -> None:
        self.P, self.Q, self.R = ring_edges(area)
        E = len(self.P)
        self.n_edges = E
        # per edge: its vector and length; per start vertex P: the blocked sector from
        # (R - P) counter-clockwise to (Q - P) (the free side is on the left of each edge)
        self.ev = self.Q - self.P
        self.elen = np.hypot(self.ev[:, 0], self.ev[:, 1])
        self.Px, self.Py = self.P[:, 0].copy(), self.P[:, 1].copy()  # 1-D: faster gathers
        self.Ex, self.Ey = self.ev[:, 0].copy(), self.ev[:, 1].copy()
        self.pv = self.R - self.P
        self.plen = np.hypot(self.pv[:, 0], self.pv[:, 1])
        cpq = self.pv[:, 0] * self.ev[:, 1] - self.pv[:, 1] * self.ev[:, 0]
        self.narrow = cpq > 0  # blocked sector under 180 degrees (a convex obstacle corner)
        # two grids: fine cells for the bulk build (many short, soon blocked segments),
        # coarse cells for queries (fewer lock-step rounds for long segments from one point)
        self.fine = Grid(self.P, self.Q, _CELL_K)
        self.coarse = Grid(self.P, self.Q, _CELL_K_QUERY)

    def blocked(self, a: np.ndarray, b: np.ndarray, coarse: bool = True) -> np.ndarray:
        """For segments a[i] -> b[i] between points of the area: does segment i leave it?"""
        grid = self.coarse if coarse else self.fine
        a = np.asarray(a, dtype=float).reshape(-1, 2)
        b = np.asarray(b, dtype=float).reshape(-1, 2)
        m = len(a)
        out = np.zeros(m, bool)
        if m == 0 or self.n_edges == 0:
            return out
        c = grid.cell
        ax, ay = a[:, 0], a[:, 1]
        dx, dy = b[:, 0] - ax, b[:, 1] - ay
        length = np.hypot(dx, dy)
        act = np.nonzero(length > TOL)[0]
        if not act.size:
            return out
        # lock-step DDA over the grid; the state is kept for the active segments only
        sax, say, sdx, sdy = ax[act], ay[act], dx[act], dy[act]
        ix = np.clip(np.floor((sax - grid.gx) / c).astype(np.int64), 0, grid.nx - 1)
        iy = np.clip(np.floor((say - grid.gy) / c).astype(np.int64), 0, grid.ny - 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            sx = np.where(sdx > 0, 1, -1)
            sy = np.where(sdy > 0, 1, -1) * grid.nx
            tdx = np.where(sdx != 0, c / np.abs(sdx), np.inf)
            tdy = np.where(sdy != 0, c / np.abs(sdy), np.inf)
            tmx = np.where(sdx != 0, (grid.gx + (ix + (sdx > 0)) * c - sax) / sdx, np.inf)
            tmy = np.where(sdy != 0, (grid.gy + (iy + (sdy > 0)) * c - say) / sdy, np.inf)
        cell = iy * grid.nx + ix
        ptr, cell_edges = grid.ptr, grid.edges
        ncell = grid.nx * grid.ny
        while act.size:
            st = ptr[cell]
            cnt = ptr[cell + 1] - st
            tot = int(cnt.sum())
            hit_any = None
            if tot:
                local = np.repeat(np.arange(act.size), cnt)
                offs = np.arange(tot) + np.repeat(st - (np.cumsum(cnt) - cnt), cnt)
                seg = act[local]
                hit = self._hits(seg, cell_edges[offs], ax, ay, dx, dy, length)
                if hit.any():
                    out[seg[hit]] = True
                    hit_any = np.zeros(act.size, bool)
                    hit_any[local[hit]] = True
            mx = tmx <= tmy
            tnext = np.where(mx, tmx, tmy)
            keep = tnext <= 1.0
            if hit_any is not None:
                keep &= ~hit_any
            if not keep.all():
                act, cell, mx = act[keep], cell[keep], mx[keep]
                tmx, tmy, tdx, tdy, sx, sy = tmx[keep], tmy[keep], tdx[keep], tdy[keep], sx[keep], sy[keep]
                if not act.size:
                    break
            cell = cell + np.where(mx, sx, sy)
            tmx = tmx + np.where(mx, tdx, 0.0)
            tmy = tmy + np.where(mx, 0.0, tdy)
            inside = (cell >= 0) & (cell < ncell)
            if not inside.all():  # only by rounding at the grid's rim
                act, cell = act[inside], cell[inside]
                tmx, tmy, tdx, tdy, sx, sy = (tmx[inside], tmy[inside], tdx[inside], tdy[inside],
                                              sx[inside], sy[inside])
        return out

    def _hits(self, seg, e, ax, ay, dx, dy, length) -> np.ndarray:
        Dx, Dy = dx[seg], dy[seg]
        rx = self.Px[e] - ax[seg]
        ry = self.Py[e] - ay[seg]
        Ex, Ey = self.Ex[e], self.Ey[e]
        tol = TOL * length[seg]
        o1 = Dx * ry - Dy * rx  # side of the edge's start
        o2 = o1 + Dx * Ey - Dy * Ex  # side of the edge's end
        hit = np.zeros(len(seg), bool)
        # only edges that straddle or touch the segment's line can matter
        k = np.nonzero(~(((o1 > tol) & (o2 > tol)) | ((o1 < -tol) & (o2 < -tol))))[0]
        if not k.size:
            return hit
        o1, o2, tol = o1[k], o2[k], tol[k]
        s1 = (o1 > tol).astype(np.int8) - (o1 < -tol)
        s2 = (o2 > tol).astype(np.int8) - (o2 < -tol)
        rx, ry, Ex, Ey, Dx, Dy = rx[k], ry[k], Ex[k], Ey[k], Dx[k], Dy[k]
        L, ek = length[seg[k]], e[k]
        tole = TOL * self.elen[ek]
        o3 = Ey * rx - Ex * ry  # side of the segment's start w.r.t. the edge
        o4 = o3 + Ex * Dy - Ey * Dx  # side of the segment's end
        s3 = (o3 > tole).astype(np.int8) - (o3 < -tole)
        s4 = (o4 > tole).astype(np.int8) - (o4 < -tole)
        h = (s1 * s2 < 0) & (s3 * s4 < 0)
        # the segment passes through the edge's start vertex: does it enter the blocked side?
        tpar = rx * Dx + ry * Dy
        on = np.nonzero((s1 == 0) & (tpar > tol) & (tpar < L * L - tol) & ~h)[0]
        if on.size:
            ee = ek[on]
            px, py = self.pv[ee, 0], self.pv[ee, 1]
            qx, qy = Ex[on], Ey[on]
            dxo, dyo = Dx[on], Dy[on]
            tp = TOL * self.plen[ee] * L[on]
            tq = TOL * self.elen[ee] * L[on]
            cpd = px * dyo - py * dxo
            cdq = dxo * qy - dyo * qx
            narrow = self.narrow[ee]
            fwd = np.where(narrow, (cpd > tp) & (cdq > tq), (cpd > tp) | (cdq > tq))
            bwd = np.where(narrow, (cpd < -tp) & (cdq < -tq), (cpd < -tp) | (cdq < -tq))
            h[on] = fwd | bwd
        hit[k] = h
        return hit

