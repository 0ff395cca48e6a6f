"""Aisles near a gesture, from the walkable floor: where the editor's snapping finds
aisle lines (an aisle's edges, its centre line, and the lines that keep it at the
venue's minimum width).

An aisle here is a strip of free floor between two facing sides: a booth's (or large
obstacle's) side and the next one across, or the hall's outline, whose overlap along
the other axis is at least :data:`MIN_RUN_M` long and which nothing blocks. Columns and
other small obstacles stand in aisles rather than bound them, so they are left out.
Halls are drawn on their own axes, so aisles are found along x and y only.

>>> from shapely.geometry import box
>>> from exponav.core.model import Booth
>>> booths = [Booth("Q0101", "L", "Q", "standard", box(0, 0, 3, 9)),
...           Booth("Q0102", "L", "Q", "standard", box(7, 0, 10, 9))]
>>> found = find_aisles(booths, [], box(-20, -20, 30, 30), (0, 0, 10, 9))
>>> [(a.axis, a.lo, a.hi, a.centre) for a in found if a.axis == "x" and a.lo == 3]
[('x', 3.0, 7.0, 5.0)]
>>> [x for x in aisle_lines(found, keep_m=3.0)[0] if 0 <= x <= 10]
[0.0, 3.0, 4.0, 5.0, 6.0, 7.0, 10.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from exponav.core.model import Booth, Obstacle

__all__ = ["MAX_WIDTH_M", "MIN_RUN_M", "MIN_WIDTH_M", "Aisle", "aisle_lines", "find_aisles"]

MIN_WIDTH_M = 1.5  # narrower gaps are slips between booths, not aisles
MAX_WIDTH_M = 20.0  # wider ones are open floor
MIN_RUN_M = 2.0  # two sides must face each other at least this long
SMALL_OBSTACLE_M2 = 4.0  # columns and the like stand in aisles


@dataclass(frozen=True)
class Aisle:
    """Free floor from ``lo`` to ``hi`` across ``axis`` ("x": a north-south aisle,
    bounded by x = lo and x = hi), running from ``start`` to ``end`` along the other."""

    axis: str
    lo: float
    hi: float
    start: float
    end: float

    @property
    def width(self) -> float:
        return round(self.hi - self.lo, 3)

    @property
    def centre(self) -> float:
        return round((self.lo + self.hi) / 2, 3)


def _blocker_bounds(booths: Iterable[Booth], obstacles: Iterable[Obstacle], skip: set[str],
                    window: BaseGeometry) -> np.ndarray:
    polys = [b.polygon for b in booths if b.code not in skip]
    polys += [o.polygon for o in obstacles if o.polygon.area >= SMALL_OBSTACLE_M2]
    if not polys:
        return np.zeros((0, 4))
    arr = np.array(polys, dtype=object)
    near = arr[shapely.intersects(arr, window)]
    return shapely.bounds(near) if len(near) else np.zeros((0, 4))


def find_aisles(booths: Sequence[Booth], obstacles: Sequence[Obstacle], footprint: BaseGeometry,
                bounds: tuple[float, float, float, float], *, skip: Iterable[str] = (),
                reach: float = 15.0, min_width: float = MIN_WIDTH_M,
                max_width: float = MAX_WIDTH_M) -> list[Aisle]:
    """The aisles within ``reach`` of ``bounds``, leaving out the booths ``skip`` (the
    ones being moved), between the sides of booths, large obstacles and the hall's
    outline (its bounding box)."""
    x0, y0, x1, y1 = bounds
    window = box(x0 - reach, y0 - reach, x1 + reach, y1 + reach)
    b = _blocker_bounds(booths, obstacles, set(skip), window)
    fx0, fy0, fx1, fy1 = footprint.bounds
    big = 1e6  # the outline, as four slabs outside the hall
    walls = np.array([[fx0 - big, fy0 - big, fx0, fy1 + big], [fx1, fy0 - big, fx1 + big,
                                                                fy1 + big],
                      [fx0 - big, fy0 - big, fx1 + big, fy0], [fx0 - big, fy1, fx1 + big,
                                                               fy1 + big]])
    b = np.vstack([b, walls])
    wx0, wy0, wx1, wy1 = window.bounds
    runs: dict[tuple[str, float, float], tuple[float, float]] = {}
    for axis, (lo_i, hi_i, a_i, b_i) in (("x", (0, 2, 1, 3)), ("y", (1, 3, 0, 2))):
        lo, hi, s, e = b[:, lo_i], b[:, hi_i], b[:, a_i], b[:, b_i]
        w_lo, w_hi = (wx0, wx1) if axis == "x" else (wy0, wy1)
        for i in range(len(b)):
            side = hi[i]  # the blocker's far side faces the next blocker across
            if not w_lo - max_width <= side <= w_hi:
                continue
            start = np.maximum(s, s[i])
            end = np.minimum(e, e[i])
            facing = (lo >= side + min_width - 1e-9) & (lo <= side + max_width) & \
                (end - start >= MIN_RUN_M)
            for j in np.flatnonzero(facing)[np.argsort(lo[facing])]:
                run_a, run_b = start[j], end[j]
                # nothing stands in between along the shared run
                between = (lo < lo[j]) & (hi > side) & (s < run_b) & (e > run_a)
                between[[i, j]] = False
                if between.any():
                    continue
                key = (axis, round(float(side), 3), round(float(lo[j]), 3))
                was = runs.get(key, (float(run_a), float(run_b)))
                runs[key] = (min(was[0], float(run_a)), max(was[1], float(run_b)))
                break  # the nearest one across is the aisle; farther ones are beyond it
    out = [Aisle(axis, lo_, hi_, round(a, 3), round(b_, 3))
           for (axis, lo_, hi_), (a, b_) in runs.items()]
    return sorted(out, key=lambda a: (a.axis, a.lo, a.hi, a.start))


def aisle_lines(aisles: Iterable[Aisle], keep_m: float | None = None
                ) -> tuple[list[float], list[float]]:
    """The x and y lines to snap to: each aisle's edges and centre line, and, with
    ``keep_m`` (the minimum aisle width), the lines ``keep_m`` in from each edge where
    the aisle is wider (a booth side there leaves the aisle exactly that wide)."""
    xs: set[float] = set()
    ys: set[float] = set()
    for a in aisles:
        into = xs if a.axis == "x" else ys
        into.update((a.lo, a.hi, a.centre))
        if keep_m is not None and a.width > keep_m + 1e-9:
            into.update((round(a.lo + keep_m, 3), round(a.hi - keep_m, 3)))
    return sorted(xs), sorted(ys)
