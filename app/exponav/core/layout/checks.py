"""Checking a venue against its rules: every violation at once, then again after each
edit for only what the edit can affect.

A :class:`Checker` keeps its violations by subject: a booth (what one booth breaks on its
own: outline, obstacles, aisles against walls, clearances, depth, frontage, reach,
code), a pair of booths (overlap, the aisle between them), a point (amenity, kiosk or
connector end), an opening, a connector, and the codes of the venue as a whole (the rules
themselves are in :mod:`~exponav.core.layout.level_rules` and
:mod:`~exponav.core.layout.venue_rules`). After an edit it recomputes
the subjects the edit can reach: the booths that changed, the booths and points near
them (within the reach of the walkable area's change), the pairs of the changed booths,
every booth whose way to an entrance may have changed (all of a level only when its
walkable area is in several pieces), and the codes. The result equals a full check of
the new layout (the tests compare them after random edits).

>>> from exponav.core.io.floorplan import load_venue
>>> from exponav.core.paths import venue_dir
>>> checker = Checker(load_venue(venue_dir()), Rules())
>>> [v.rule for v in checker.violations if v.severity == "error"]
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from exponav.core.layout.level_rules import (
    FRONT_REACH_M,
    ClearZone,
    Key,
    LevelRules,
    LevelState,
)
from exponav.core.layout.rules import Rules, Violation
from exponav.core.layout.venue_rules import VenueRules, show_violations
from exponav.core.layout.walkable import CONNECTOR_SNAP_M, WalkableLevel, reachability
from exponav.core.model import Booth, Connector, Venue

__all__ = ["BoothChange", "Checker", "PointChange", "show_violations"]


@dataclass(frozen=True)
class BoothChange:
    """A booth before and after an edit (None when it was added or removed)."""

    before: Booth | None
    after: Booth | None


@dataclass(frozen=True)
class PointChange:
    """An amenity, kiosk or connector end that moved on ``level``."""

    level: str
    before: Point | None
    after: Point | None


class Checker(LevelRules, VenueRules):
    """The violations of one venue, kept up to date edit by edit."""

    def __init__(self, venue: Venue, rules: Rules) -> None:
        self.venue = venue
        self.rules = rules
        self.subjects: dict[Key, list[Violation]] = {}
        self.full()

    # -- the answers

    @property
    def violations(self) -> list[Violation]:
        """Every violation, errors first, then by rule, level and codes."""
        found = [v for vs in self.subjects.values() for v in vs]
        return sorted(found, key=lambda v: (v.severity != "error", v.rule, v.level or "",
                                            v.codes, v.subject))

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "error"]

    # -- a full check

    def full(self) -> None:
        """Check everything again from the venue as it is now."""
        self.levels: dict[str, LevelState] = {}
        for lv, plan in self.venue.plans.items():
            L = LevelState(plan, WalkableLevel(plan))
            self._set_booths(L, plan)
            self._set_obstacles(L)
            self.levels[lv] = L
        for L in self.levels.values():
            self._set_zones(L)
            self._set_points(L)
        self._depths = {}
        self._walk_changed = {}
        self._reach()
        self.subjects = {}
        for L in self.levels.values():
            every = np.arange(len(L.booths))
            self.subjects.update(self._booth_rules(L, every))
            self.subjects.update(self._pair_rules(L, every))
            self.subjects.update(self._point_rules(L, None))
            self.subjects.update(self._opening_rules(L))
        self.subjects.update(self._connector_rules(self.venue.connectors))
        self.subjects.update(self._code_rules())

    # -- after an edit

    def update(self, booths: Sequence[BoothChange] = (), points: Sequence[PointChange] = (),
               connectors: Sequence[tuple[Connector | None, Connector | None]] = ()) -> None:
        """Bring the violations up to date after an edit (the venue already holds it):
        ``booths`` changed, ``points`` (amenities, kiosks, connector points on a plan)
        moved, ``connectors`` changed their ends."""
        boxes: dict[str, list[BaseGeometry]] = defaultdict(list)
        changed: dict[str, set[str]] = defaultdict(set)
        codes_changed = False
        for ch in booths:
            for b in (ch.before, ch.after):
                if b is not None:
                    boxes[b.level].append(b.polygon)
                    changed[b.level].add(b.code)
            if ch.before is None or ch.after is None or ch.before.code != ch.after.code:
                codes_changed = True
        moved: dict[str, list[Point]] = defaultdict(list)
        for pc in points:
            moved[pc.level].extend(p for p in (pc.before, pc.after) if p is not None)
        for before, after in connectors:
            for c in (before, after):
                for e in (c.ends if c is not None else ()):
                    moved[e.level].append(Point(e.x, e.y))
                    self.levels[e.level].walk.forget_anchors()

        old_zones: dict[str, list[ClearZone]] = {}
        self._walk_changed = {}
        for lv in set(boxes) | set(moved):
            L = self.levels[lv]
            L.plan = self.venue.plans[lv]
            if lv in boxes:
                self._set_booths(L, L.plan)
                self._walk_changed[lv] = L.walk.patch(
                    L.plan, boxes[lv], lambda region, L=L: self._blockers_near(L, region))
            if lv in moved:
                old_zones[lv] = L.zones
                self._set_zones(L)
                self._set_points(L)
        before_sig = {lv: L.signature for lv, L in self.levels.items()}
        self._reach()

        for lv, L in self.levels.items():
            touched = lv in boxes or lv in moved
            # the way to an entrance may have changed anywhere on a level in pieces
            whole = L.signature != before_sig[lv] or (lv in boxes and (
                len(before_sig[lv][0]) > 1 or len(L.signature[0]) > 1))
            if not touched and not whole:
                continue
            codes = changed.get(lv, set())
            # a pair's aisle is open only while no third booth fills its gap: the pairs
            # of every booth within an aisle's width of a changed booth (where it was
            # and where it is) are looked at again
            paired = set(codes)
            if lv in boxes and L.tree is not None:
                near = L.tree.query(np.asarray(boxes[lv], dtype=object), predicate="dwithin",
                                    distance=self._widest(L))[1]
                paired.update(L.booths[int(i)].code for i in np.unique(near))
            self._drop(lambda k, lv=lv, codes=codes, paired=paired: k[1] == lv and (
                (k[0] == "booth" and k[2] in codes)
                or (k[0] == "pair" and (k[2] in paired or k[3] in paired))))
            dirty: set[int] = {i for c in codes for i in L.index.get(c, ())}
            areas: list[BaseGeometry] = []
            if lv in boxes:  # where the walkable area changed, and gaps across the booths
                x0, y0, x1, y1 = self._walk_changed[lv].bounds
                reach = FRONT_REACH_M + self._widest(L)
                areas.append(box(x0 - reach, y0 - reach, x1 + reach, y1 + reach))
            if lv in old_zones:
                olds = {z.source: z.polygon for z in old_zones[lv]}
                news = {z.source: z.polygon for z in L.zones}
                for src in set(olds) | set(news):
                    a, b = olds.get(src), news.get(src)
                    if a is None or b is None or not a.equals(b):
                        areas.extend(g for g in (a, b) if g is not None)
            if whole:
                dirty.update(range(len(L.booths)))
            elif areas and L.tree is not None:
                dirty.update(int(i) for i in L.tree.query(np.asarray(areas, dtype=object),
                                                         predicate="intersects")[1])
            idx = np.asarray(sorted(dirty), dtype=int)
            for i in idx:
                self.subjects.pop(("booth", lv, L.booths[i].code), None)
            self.subjects.update(self._booth_rules(L, idx))
            self.subjects.update(self._pair_rules(L, np.asarray(
                sorted({i for c in paired for i in L.index.get(c, ())}), dtype=int)))
            if whole:
                near = np.arange(len(L.points))
            else:
                region = areas + moved.get(lv, [])
                near = (np.unique(L.point_tree.query(
                    np.asarray(region, dtype=object), predicate="dwithin",
                    distance=CONNECTOR_SNAP_M + self.rules.point_clear_m)[1])
                    if region and L.point_tree is not None else np.empty(0, dtype=int))
            for n in near:
                kind, key = L.points[int(n)][:2]
                self.subjects.pop(("point", lv, kind, key), None)
            self.subjects.update(self._point_rules(L, near))
        if moved:
            self._drop(lambda k: k[0] == "connector")
            self.subjects.update(self._connector_rules(self.venue.connectors))
        if codes_changed:  # only the codes of the booths changed can be doubled now
            touched = {b.code for ch in booths for b in (ch.before, ch.after) if b is not None}
            for code in touched:
                self.subjects.pop(("codes", "booth", code), None)
            self.subjects.update(self._booth_code_rules(touched))
        self.subjects.pop(("venue",), None)
        self.subjects.update(self._venue_rules())

    def _drop(self, which) -> None:
        for k in [k for k in self.subjects if which(k)]:
            del self.subjects[k]

    def _blockers_near(self, L: LevelState, region: BaseGeometry) -> list[BaseGeometry]:
        found: list[BaseGeometry] = []
        for arr, tree in ((L.polys, L.tree), (L.obstacles, L.obstacle_tree)):
            if tree is not None:
                found.extend(arr[tree.query(region, predicate="intersects")])
        return found

    # -- what the checker keeps per level

    def _reach(self) -> None:
        flags, has_entrance = reachability({lv: L.walk for lv, L in self.levels.items()},
                                           self.venue)
        self.has_entrance = has_entrance
        for lv, L in self.levels.items():
            L.reachable = flags[lv]
            L.signature = (tuple(flags[lv]),)

    # -- the rules of one booth

