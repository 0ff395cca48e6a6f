"""The editor's mouse logic as plain functions: snapping, handles, move, resize, rotate.

No Qt: a window turns pointer positions (model metres, y north) into these calls and the
results into :mod:`~exponav.core.layout.changes`. A move snaps the moving booths' edges
to a neighbouring booth's edge when one is within reach, else to the 3 m module when
near one, else to the 0.5 m grid; :class:`Snap` says which, so the window can show it.

>>> s = snap_move((0.0, 0.0, 3.0, 3.0), 1.2, 0.1)
>>> (s.dx, s.dy, s.kind_x)
(1.0, 0.0, 'grid')
>>> s = snap_move((0.0, 0.0, 3.0, 3.0), 2.8, 0.0)
>>> (s.dx, s.kind_x)
(3.0, 'module')
>>> snap_move((0, 0, 3, 3), 1.1, 0.0, edges=([4.2], [])).dx
1.2
>>> hit_handle((0, 0, 3, 3), 3.05, 3.0, radius=0.3)
'ne'
>>> resize_bounds((0, 0, 3, 3), "e", 6.2, 1.0)
(0.0, 0.0, 6.0, 3.0)
>>> rotation_step(0.0, 0.0, (1.0, 0.0), (1.0, 0.3))
15.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Polygon

from exponav.core.model import Booth

__all__ = ["GRID_M", "HANDLES", "MODULE_M", "ROTATE_STEP_DEG", "Snap", "anchor_for",
           "booths_at", "booths_in_rect", "free_code", "handles", "hit_handle",
           "neighbour_edges", "rect_polygon", "resize_bounds", "rotation_step", "snap_move",
           "snap_point", "snap_value", "snap_vertex"]

GRID_M = 0.5
MODULE_M = 3.0
ROTATE_STEP_DEG = 15.0
SNAP_REACH_M = 0.4  # a neighbour's edge or a module line this close pulls the booth to it
MIN_SIDE_M = 1.0

Bounds = tuple[float, float, float, float]

#: handle name -> (fraction of the width, fraction of the depth) from the south-west corner
HANDLES: dict[str, tuple[float, float]] = {
    "sw": (0, 0), "s": (0.5, 0), "se": (1, 0), "e": (1, 0.5),
    "ne": (1, 1), "n": (0.5, 1), "nw": (0, 1), "w": (0, 0.5),
}


def _clean(v: float) -> float:
    return round(float(v), 2) + 0.0


def snap_value(v: float, step: float = GRID_M) -> float:
    """``v`` rounded to the nearest multiple of ``step``.

    >>> snap_value(1.26), snap_value(-0.74), snap_value(4.4, 3.0)
    (1.5, -0.5, 3.0)
    """
    return _clean(round(v / step) * step)


@dataclass(frozen=True)
class Snap:
    """A snapped move: the delta, what each axis snapped to (grid, module, edge or
    none) and the line it snapped to (model coordinate, None when not an edge or
    module line)."""

    dx: float
    dy: float
    kind_x: str
    kind_y: str
    line_x: float | None = None
    line_y: float | None = None


def _nearest_line(sides: Sequence[float], d: float, lines: Sequence[float],
                  reach: float) -> tuple[float, float] | None:
    """(delta, line) that brings one of ``sides`` (moved by d) onto the nearest line."""
    best: tuple[float, float, float] | None = None  # (distance, delta, line)
    for line in lines:
        for side in sides:
            gap = line - (side + d)
            if abs(gap) <= reach and (best is None or abs(gap) < best[0]):
                best = (abs(gap), d + gap, line)
    return None if best is None else (best[1], best[2])


def _snap_axis(lo: float, hi: float, d: float, edges: Sequence[float], enabled: bool,
               reach: float, aisles: Sequence[float] = ()) -> tuple[float, str, float | None]:
    if not enabled:
        return _clean(d), "none", None
    for lines, kind in ((edges, "edge"), (aisles, "aisle")):
        found = _nearest_line((lo, hi), d, lines, reach)
        if found is not None:
            return _clean(found[0]), kind, found[1]
    for side in (lo, hi):
        target = snap_value(side + d, MODULE_M)
        if abs(target - (side + d)) <= reach:
            return _clean(target - side), "module", target
    return _clean(snap_value(lo + d) - lo), "grid", None


def snap_move(bounds: Bounds, dx: float, dy: float,
              edges: tuple[Sequence[float], Sequence[float]] = ((), ()), *,
              enabled: bool = True, reach: float = SNAP_REACH_M,
              aisles: tuple[Sequence[float], Sequence[float]] = ((), ())) -> Snap:
    """Snap a move by (dx, dy) of booths whose bounding box is ``bounds``: their west
    or east side to a neighbour's x edge (``edges[0]``), south or north side to a y edge
    (``edges[1]``), else to an aisle line (``aisles``, see
    :func:`~exponav.core.layout.aisles.aisle_lines`), else to a 3 m module line, else
    the west and south sides to the 0.5 m grid. With ``enabled`` false the move is only
    rounded to the centimetre.

    >>> snap_move((0, 0, 3, 3), 1.1, 0.0, aisles=([4.3], [])).kind_x
    'aisle'
    """
    x0, y0, x1, y1 = bounds
    sx, kx, lx = _snap_axis(x0, x1, dx, edges[0], enabled, reach, aisles[0])
    sy, ky, ly = _snap_axis(y0, y1, dy, edges[1], enabled, reach, aisles[1])
    return Snap(sx, sy, kx, ky, lx, ly)


def snap_vertex(x: float, y: float,
                edges: tuple[Sequence[float], Sequence[float]] = ((), ()), *,
                aisles: tuple[Sequence[float], Sequence[float]] = ((), ()),
                enabled: bool = True, reach: float = SNAP_REACH_M) -> Snap:
    """A vertex of a booth being drawn at the pointer (x, y): each coordinate on a
    booth edge or an aisle line within ``reach``, else on the 0.5 m grid. The Snap's
    ``dx, dy`` are the snapped point.

    >>> v = snap_vertex(4.2, 1.26, aisles=([4.5], []))
    >>> (v.dx, v.dy, v.kind_x, v.line_x, v.kind_y)
    (4.5, 1.5, 'aisle', 4.5, 'grid')
    """
    out = []
    for v, e, a in ((x, edges[0], aisles[0]), (y, edges[1], aisles[1])):
        if not enabled:
            out.append((_clean(v), "none", None))
            continue
        for lines, kind in ((e, "edge"), (a, "aisle")):
            found = _nearest_line((v,), 0.0, lines, reach)
            if found is not None:
                out.append((_clean(found[1]), kind, found[1]))
                break
        else:
            out.append((snap_value(v), "grid", None))
    (sx, kx, lx), (sy, ky, ly) = out
    return Snap(sx, sy, kx, ky, lx, ly)


def snap_point(x: float, y: float, enabled: bool = True) -> tuple[float, float]:
    """A pointer position on the 0.5 m grid (for drawing a new booth)."""
    if not enabled:
        return _clean(x), _clean(y)
    return snap_value(x), snap_value(y)


def neighbour_edges(booths: Iterable[Booth], moving: Iterable[str], bounds: Bounds,
                    reach: float = 12.0) -> tuple[list[float], list[float]]:
    """The x and y edges (of bounding boxes) of booths within ``reach`` of ``bounds``,
    leaving out the booths ``moving``."""
    skip = set(moving)
    x0, y0, x1, y1 = bounds
    xs: set[float] = set()
    ys: set[float] = set()
    for b in booths:
        if b.code in skip:
            continue
        bx0, by0, bx1, by1 = b.polygon.bounds
        if bx1 < x0 - reach or bx0 > x1 + reach or by1 < y0 - reach or by0 > y1 + reach:
            continue
        xs.update((bx0, bx1))
        ys.update((by0, by1))
    return sorted(xs), sorted(ys)


# -- handles and resizing -----------------------------------------------------------

def handles(bounds: Bounds) -> dict[str, tuple[float, float]]:
    """Where each resize handle of a bounding box stands."""
    x0, y0, x1, y1 = bounds
    return {name: (x0 + fx * (x1 - x0), y0 + fy * (y1 - y0))
            for name, (fx, fy) in HANDLES.items()}


def hit_handle(bounds: Bounds, x: float, y: float, radius: float) -> str | None:
    """The handle within ``radius`` metres of (x, y), the nearest if several."""
    best, best_d = None, radius
    for name, (hx, hy) in handles(bounds).items():
        d = math.hypot(hx - x, hy - y)
        if d <= best_d:
            best, best_d = name, d
    return best


def resize_bounds(bounds: Bounds, handle: str, x: float, y: float, *, snap: bool = True,
                  min_side: float = MIN_SIDE_M) -> Bounds:
    """The bounding box after dragging ``handle`` to (x, y): the opposite side or corner
    stays, the moved sides land on the grid (when ``snap``), no side shorter than
    ``min_side``."""
    if handle not in HANDLES:
        raise ValueError(f"{handle!r} is not a handle; use one of {', '.join(HANDLES)}.")
    x0, y0, x1, y1 = bounds
    if snap:
        x, y = snap_point(x, y)
    if "e" in handle:
        x1 = max(x, x0 + min_side)
    elif "w" in handle:
        x0 = min(x, x1 - min_side)
    if "n" in handle:
        y1 = max(y, y0 + min_side)
    elif "s" in handle:
        y0 = min(y, y1 - min_side)
    return _clean(x0), _clean(y0), _clean(x1), _clean(y1)


def anchor_for(handle: str) -> str:
    """The corner that stays put while ``handle`` moves (a ResizeBooth anchor).

    >>> anchor_for("n"), anchor_for("w"), anchor_for("se")
    ('sw', 'se', 'nw')
    """
    ns = "s" if "n" in handle else "n" if "s" in handle else "s"
    ew = "w" if "e" in handle else "e" if "w" in handle else "w"
    return ns + ew


# -- rotating -----------------------------------------------------------------------

def rotation_step(cx: float, cy: float, start: tuple[float, float], now: tuple[float, float],
                  *, free: bool = False, step: float = ROTATE_STEP_DEG) -> float:
    """Degrees counter-clockwise that a drag from ``start`` to ``now`` turns about
    (cx, cy): in ``step`` degree steps, or to a tenth of a degree when ``free``;
    between -180 and 180."""
    a0 = math.atan2(start[1] - cy, start[0] - cx)
    a1 = math.atan2(now[1] - cy, now[0] - cx)
    deg = math.degrees(a1 - a0)
    deg = (deg + 180.0) % 360.0 - 180.0
    if free:
        return round(deg, 1) + 0.0
    stepped = round(deg / step) * step
    return float(stepped if stepped != -180.0 else 180.0) + 0.0


# -- picking -----------------------------------------------------------------------

def booths_at(booths: Sequence[Booth], x: float, y: float) -> list[str]:
    """Codes of the booths containing (x, y) (edges count), the smallest first."""
    if not booths:
        return []
    polys = np.array([b.polygon for b in booths], dtype=object)
    inside = shapely.intersects_xy(polys, x, y)
    hits = [booths[i] for i in np.flatnonzero(inside)]
    return [b.code for b in sorted(hits, key=lambda b: b.polygon.area)]


def booths_in_rect(booths: Sequence[Booth], a: tuple[float, float], b: tuple[float, float],
                   *, touching: bool = False) -> list[str]:
    """Codes of the booths inside the rectangle with corners ``a`` and ``b`` (with
    ``touching``, those it touches too), in the booths' order."""
    if not booths:
        return []
    rect = shapely.box(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
    polys = np.array([bo.polygon for bo in booths], dtype=object)
    test = shapely.intersects if touching else shapely.covers
    found = test(polys, rect) if touching else test(rect, polys)
    return [booths[i].code for i in np.flatnonzero(found)]


_CODE = re.compile(r"^([A-Z])(\d{3,4})([ab]?)$")


def free_code(used: Iterable[str], like: str) -> str:
    """The next booth code after ``like`` (same area letter and number of digits) that
    ``used`` does not hold.

    >>> free_code(["Q0101", "Q0102", "Q0104"], "Q0101")
    'Q0103'
    >>> free_code(["Q0913a", "Q0913b"], "Q0913a")
    'Q0914'
    """
    m = _CODE.match(like)
    if m is None:
        raise ValueError(f"{like!r} is not a booth code.")
    letter, digits, _ = m.groups()
    taken = set(used)
    width = len(digits)
    n = int(digits)
    while True:
        n += 1
        if n >= 10 ** width:
            width += 1
        code = f"{letter}{n:0{width}d}"
        if code not in taken and code + "a" not in taken:
            return code


def rect_polygon(a: tuple[float, float], b: tuple[float, float]) -> Polygon:
    """The rectangle with corners ``a`` and ``b``."""
    return shapely.box(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
