"""Stands: what a visitor sees as one space on the floor.

An exhibitor with several adjacent booths builds one stand across them; drawing ten
separate 3 m squares with ten copies of its name would be noise. A stand is a group
of booths of the same exhibitor that touch each other (an unassigned booth is a stand
of its own), with a rectangle where its label fits. No Qt here.

>>> from shapely.geometry import box
>>> from exponav.core.model import Booth
>>> booths = [Booth("A0101", "L", "A", "standard", box(0, 0, 3, 3)),
...           Booth("A0102", "L", "A", "standard", box(3, 0, 6, 3))]
>>> [s.codes for s in group_stands(booths, {"A0101": "E1", "A0102": "E1"})]
[('A0101', 'A0102')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from exponav.core.model import Booth

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["Stand", "group_stands", "label_box", "level_stands"]


@dataclass(frozen=True)
class Stand:
    codes: tuple[str, ...]  # sorted booth codes
    exhibitor: str | None  # exhibitor id, None when unassigned
    polygon: Polygon | MultiPolygon
    label: tuple[float, float, float, float]  # x0, y0, x1, y1: where the label fits

    @property
    def code(self) -> str:
        """The code printed on the stand: both booths' for a pair, so that a route naming
        either finds it; the first booth's for a larger stand (a list of five codes on
        every stand would be noise; the highlight shows the exact booth).

        >>> Stand(("S0936", "S0938"), "EX1", None, (0, 0, 1, 1)).code
        'S0936/S0938'
        >>> Stand(("Q0301", "Q0302", "Q0303"), "EX1", None, (0, 0, 1, 1)).code
        'Q0301'
        """
        return "/".join(self.codes) if len(self.codes) == 2 else self.codes[0]


def label_box(geom: Polygon | MultiPolygon) -> tuple[float, float, float, float]:
    """An axis-aligned rectangle inside ``geom`` that is large enough for a label.

    A rectangular stand is its own box; for an L- or U-shape, the largest rectangle of a
    coarse grid inside it. Exact largest-rectangle search is not worth it for a label.
    """
    x0, y0, x1, y1 = geom.bounds
    if geom.area >= 0.97 * (x1 - x0) * (y1 - y0):
        return x0, y0, x1, y1
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    best = max(parts, key=lambda p: p.area)
    xs = sorted({round(x, 3) for x, _ in best.exterior.coords})
    ys = sorted({round(y, 3) for _, y in best.exterior.coords})
    candidate = (x0, y0, x0, y0)
    area = 0.0
    prepared = best.buffer(1e-6)
    shapely.prepare(prepared)
    for i, ax in enumerate(xs):
        for bx in xs[i + 1:]:
            for j, ay in enumerate(ys):
                for by in ys[j + 1:]:
                    a = (bx - ax) * (by - ay)
                    if a > area and prepared.contains(shapely.box(ax, ay, bx, by)):
                        area, candidate = a, (ax, ay, bx, by)
    return candidate


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group_stands(booths: Sequence[Booth], owner: Mapping[str, str]) -> list[Stand]:
    """Group ``booths`` into stands; ``owner`` maps booth code -> exhibitor id."""
    if not booths:
        return []
    polys = np.array([b.polygon for b in booths], dtype=object)
    owners = [owner.get(b.code) for b in booths]
    # pairs of booths of one exhibitor that touch (one vectorised query for the level)
    left, right = shapely.STRtree(polys).query(polys, predicate="dwithin", distance=0.05)
    parent = list(range(len(booths)))
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j and owners[i] is not None and owners[i] == owners[j]:
            ri, rj = _find(parent, i), _find(parent, j)
            if ri != rj:
                parent[ri] = rj
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(booths)):
        groups[_find(parent, i)].append(i)
    stands: list[Stand] = []
    # a 1 cm grid merges edges that meet exactly or nearly: no slivers between booths
    for idx in groups.values():
        geom = polys[idx[0]] if len(idx) == 1 else shapely.union_all(polys[idx], grid_size=0.01)
        codes = tuple(sorted(booths[i].code for i in idx))
        stands.append(Stand(codes, owners[idx[0]], geom, label_box(geom)))
    stands.sort(key=lambda s: s.codes)
    return stands


def level_stands(nav: Navigator, level_id: str) -> list[Stand]:
    """The stands of one level of a Navigator's venue (plain geometry: any thread)."""
    plan = nav.level_plan(level_id)
    owner = {}
    for b in plan.booths:
        ex = nav.exhibitor_at(b.code)
        if ex is not None:
            owner[b.code] = ex.id
    return group_stands(plan.booths, owner)
