"""Spatial queries on one level: hit test, nearest, within a radius, in a region.

Booth polygons sit in a shapely :class:`~shapely.STRtree`; points (amenities, kiosks,
openings, connector ends) are few per level, so plain numpy distance arrays answer
nearest-point questions faster than a tree would.

A *kind* names what to look for: ``booth``, ``amenity`` (any), ``amenity:toilet``
(toilet and its subcategories, e.g. ``toilet.accessible``), ``kiosk``, ``opening``,
``opening:emergencyexit``, ``connector``, ``connector:elevator``.

>>> from shapely.geometry import box
>>> from exponav.core.model import Booth, Level, LevelPlan
>>> lv = Level("L1", "Level 1", "", "", 1, "l1.geojson")
>>> plan = LevelPlan(lv, box(0, 0, 30, 30), booths=[Booth("A0101", "L1", "A", "standard", box(3, 3, 6, 6))])
>>> index = LevelIndex(plan)
>>> index.booth_at(4, 4).code
'A0101'
>>> index.booth_at(10, 10) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from exponav.core.model import Booth, LevelPlan, Venue

__all__ = ["LevelIndex", "Nearby", "SpatialIndex", "parse_kind"]


@dataclass(frozen=True)
class Nearby:
    """One answer of :meth:`LevelIndex.nearest` or :meth:`LevelIndex.within`."""

    kind: str  # booth | amenity | kiosk | opening | connector
    id: str
    level: str
    distance_m: float
    category: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "level": self.level,
                "distance_m": round(self.distance_m, 2)}


def parse_kind(kind: str) -> tuple[str, str]:
    """Split ``amenity:toilet.accessible`` into ``("amenity", "toilet.accessible")``.

    >>> parse_kind("amenity:toilet")
    ('amenity', 'toilet')
    >>> parse_kind("booth")
    ('booth', '')
    """
    base, _, category = kind.strip().partition(":")
    return base.strip().lower(), category.strip()


def _category_matches(category: str, wanted: str) -> bool:
    return not wanted or category == wanted or category.startswith(wanted + ".")


class _Points:
    """A few named points of one kind, with their categories."""

    def __init__(self, kind: str, items: Sequence[tuple[str, str, float, float]]) -> None:
        self.kind = kind
        self.ids = [i[0] for i in items]
        self.categories = [i[1] for i in items]
        self.xy = np.array([(i[2], i[3]) for i in items], dtype=float).reshape(-1, 2)

    def distances(self, x: float, y: float, category: str) -> list[tuple[float, int]]:
        if not self.ids:
            return []
        d = np.hypot(self.xy[:, 0] - x, self.xy[:, 1] - y)
        return [(float(d[i]), i) for i in range(len(self.ids))
                if _category_matches(self.categories[i], category)]


class LevelIndex:
    """Indexes of one level; rebuild it when the level's plan changes.

    ``connector_kinds`` maps connector ids to their kinds (escalator, elevator ...), so
    that ``connector:elevator`` finds elevators.
    """

    def __init__(self, plan: LevelPlan, connector_kinds: Mapping[str, str] | None = None
                 ) -> None:
        self.level = plan.level.id
        kinds = connector_kinds or {}
        self.booths: list[Booth] = list(plan.booths)
        self._by_code = {b.code: i for i, b in enumerate(self.booths)}
        self._tree = STRtree([b.polygon for b in self.booths])
        self._points = {
            "amenity": _Points("amenity", [(a.id, a.category, a.point.x, a.point.y)
                                           for a in plan.amenities]),
            "kiosk": _Points("kiosk", [(k.id, "", k.point.x, k.point.y) for k in plan.kiosks]),
            "opening": _Points("opening", [
                (o.id, o.category, *o.line.interpolate(0.5, normalized=True).coords[0])
                for o in plan.openings]),
            "connector": _Points("connector", [(cid, kinds.get(cid, ""), p.x, p.y)
                                               for cid, p in plan.connector_points.items()]),
        }

    def categories(self, base: str) -> set[str]:
        """The categories of ``base`` things on this level, with their parents
        (``toilet.accessible`` gives ``toilet`` too); booths have none."""
        points = self._points.get(base)
        if points is None:
            return set()
        return {".".join(parts[:i]) for c in points.categories if c
                for parts in [c.split(".")] for i in range(1, len(parts) + 1)}

    def booth_at(self, x: float, y: float) -> Booth | None:
        """The booth under the point (its edge counts), or None in an aisle."""
        hits = self._tree.query(shapely.points(x, y), predicate="intersects")
        return self.booths[int(hits.min())] if len(hits) else None

    def booth(self, code: str) -> Booth | None:
        i = self._by_code.get(code)
        return None if i is None else self.booths[i]

    def _booths_near(self, x: float, y: float, limit: int | None,
                     radius: float | None) -> list[Nearby]:
        if not self.booths:
            return []
        point = shapely.points(x, y)
        if radius is None:  # grow the search radius until it holds enough booths
            r = 5.0
            while True:
                hits = self._tree.query(point, predicate="dwithin", distance=r)
                if len(hits) >= (limit or 1) or len(hits) == len(self.booths):
                    break
                r *= 2
        else:
            hits = self._tree.query(point, predicate="dwithin", distance=radius)
        polys = self._tree.geometries.take(hits)
        d = shapely.distance(polys, point)
        found = sorted((float(di), self.booths[int(h)].code) for di, h in zip(d, hits, strict=True))
        if radius is None and limit is not None:
            # Every booth outside r is farther than r, so the first found are the nearest.
            found = found[:limit]
        return [Nearby("booth", code, self.level, dist, "booth") for dist, code in found]

    def nearest(self, x: float, y: float, kind: str = "amenity", limit: int = 5) -> list[Nearby]:
        """The ``limit`` nearest things of ``kind`` by straight-line distance.

        Walking distance, which a wall of booths can make much longer, is the router's
        job (:meth:`exponav.core.routing.router.Router.nearest_by_walking`).
        """
        base, category = parse_kind(kind)
        if base == "booth":
            return self._booths_near(x, y, limit, None)
        points = self._points.get(base)
        if points is None:
            raise ValueError(f"unknown kind {kind!r}")
        found = sorted(points.distances(x, y, category))[:limit]
        return [Nearby(base, points.ids[i], self.level, d, points.categories[i]) for d, i in found]

    def within(self, x: float, y: float, radius: float, kind: str = "booth") -> list[Nearby]:
        """Everything of ``kind`` no further than ``radius`` metres, nearest first."""
        base, category = parse_kind(kind)
        if base == "booth":
            return self._booths_near(x, y, None, radius)
        points = self._points.get(base)
        if points is None:
            raise ValueError(f"unknown kind {kind!r}")
        found = sorted(p for p in points.distances(x, y, category) if p[0] <= radius)
        return [Nearby(base, points.ids[i], self.level, d, points.categories[i]) for d, i in found]

    def booths_in(self, region: BaseGeometry) -> list[Booth]:
        """Booths that overlap ``region`` by some area (touching edges do not count)."""
        hits = self._tree.query(region, predicate="intersects")
        polys = self._tree.geometries.take(hits)
        area = shapely.area(shapely.intersection(polys, region))
        return [self.booths[int(h)] for h, a in sorted(zip(hits, area, strict=True)) if a > 1e-9]

    def neighbours(self, code: str, distance: float = 0.5) -> list[Booth]:
        """Booths within ``distance`` metres of booth ``code`` (its row neighbours)."""
        booth = self.booth(code)
        if booth is None:
            return []
        hits = self._tree.query(booth.polygon, predicate="dwithin", distance=distance)
        return [self.booths[int(h)] for h in sorted(hits) if self.booths[int(h)].code != code]


def _connector_kinds(venue: Venue) -> dict[str, str]:
    return {c.id: c.kind for c in venue.connectors}


class SpatialIndex:
    """One :class:`LevelIndex` per level of a venue."""

    def __init__(self, venue: Venue) -> None:
        kinds = _connector_kinds(venue)
        self.levels = {lv: LevelIndex(plan, kinds) for lv, plan in venue.plans.items()}

    def rebuild_level(self, venue: Venue, level: str) -> None:
        self.levels[level] = LevelIndex(venue.plans[level], _connector_kinds(venue))

    def categories(self, base: str) -> set[str]:
        """The categories of ``base`` things on any level (see :meth:`LevelIndex.categories`)."""
        return set().union(*(index.categories(base) for index in self.levels.values()))

    def __getitem__(self, level: str) -> LevelIndex:
        return self.levels[level]
