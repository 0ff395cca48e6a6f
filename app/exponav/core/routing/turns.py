"""The turns of a walk as a visitor is told them: its straight stretches, and what bends.

A walk's corner path bends at many corners by a few degrees; a visitor is told only of
the bends that matter. :func:`stretches` drops bends under 20 degrees and merges steps
under 5 m into their neighbours: a short first or last step heads straight for the next
corner, a short step between two bends folds them into one bend at its middle (an offset
across an aisle becomes no turn at all, a corner cut in two becomes one turn).
:func:`count_turns` counts what is left, the turns the directions name; the router
(:mod:`~exponav.core.routing.fewer_turns`) chooses between near-equal walks by it and
:mod:`exponav.core.directions` words the same stretches, so the two always agree.

>>> count_turns([(0, 0), (10, 0.5), (20, 0), (20, 1.0), (20.2, 10)])
1
>>> [turn_of(a) for a in (10, 30, -90, 170, -44.9)]
[None, 'slight_left', 'right', 'around', 'slight_right']
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["STEP_M", "TURN_DEG", "bearing_change", "count_turns", "stretches", "turn_of"]

TURN_DEG = 20.0  # a bend under this is no turn
STEP_M = 5.0  # steps shorter than this are merged into their neighbours

Point = tuple[float, float]


def turn_of(change_deg: float) -> str | None:
    """Name a bearing change (counter-clockwise positive, i.e. to the left): under 20
    degrees none, 20-45 slightly, 45-135 left or right, beyond that around."""
    a = abs(change_deg)
    if a < TURN_DEG:
        return None
    if a > 135.0:
        return "around"
    side = "left" if change_deg > 0 else "right"
    return f"slight_{side}" if a < 45.0 else side


def bearing_change(a: Point, b: Point, c: Point) -> float:
    """Bearing change at b on the way a -> b -> c, in degrees, left positive."""
    ux, uy = b[0] - a[0], b[1] - a[1]
    vx, vy = c[0] - b[0], c[1] - b[1]
    return math.degrees(math.atan2(ux * vy - uy * vx, ux * vx + uy * vy))


def stretches(coords: Sequence[Sequence[float]], step_m: float = STEP_M
              ) -> list[tuple[Point, Point, float]]:
    """Straight stretches (start, end, walked metres) with small bends and short steps
    merged away; the walked metres add up to the walk's length."""
    pts = [(float(c[0]), float(c[1])) for c in coords]
    walked = [0.0]
    for a, b in zip(pts[:-1], pts[1:], strict=False):
        walked.append(walked[-1] + math.dist(a, b))
    keep = [i for i in range(len(pts)) if i == 0 or math.dist(pts[i], pts[i - 1]) > 1e-6]
    P = [pts[i] for i in keep]
    W = [walked[i] for i in keep]
    changed = True
    while changed and len(P) > 2:
        changed = False
        # drop bends under 20 degrees
        for i in range(1, len(P) - 1):
            if turn_of(bearing_change(P[i - 1], P[i], P[i + 1])) is None:
                del P[i], W[i]
                changed = True
                break
        if changed:
            continue
        # a short first or last step: head straight for the next corner instead
        if math.dist(P[0], P[1]) < step_m:
            del P[1], W[1]
            changed = True
            continue
        if math.dist(P[-2], P[-1]) < step_m:
            del P[-2], W[-2]
            changed = True
            continue
        # fold the shortest short step in the middle into one bend
        short = [i for i in range(1, len(P) - 2) if math.dist(P[i], P[i + 1]) < step_m]
        if short:
            i = min(short, key=lambda k: math.dist(P[k], P[k + 1]))
            mid = ((P[i][0] + P[i + 1][0]) / 2, (P[i][1] + P[i + 1][1]) / 2)
            P[i:i + 2] = [mid]
            W[i:i + 2] = [(W[i] + W[i + 1]) / 2]
            changed = True
    return [(P[i], P[i + 1], W[i + 1] - W[i]) for i in range(len(P) - 1)]


def count_turns(coords: Sequence[Sequence[float]]) -> int:
    """How many turns the directions name along a walk on one level."""
    return max(0, len(stretches(coords)) - 1)
