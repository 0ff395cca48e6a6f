"""One level's cache: its graph, its connector ends and the walks between them, its places.

Everything here is derived from one build of the level's
:class:`~exponav.core.routing.graph.LevelGraph` and is dropped with it, all together:
rebuilding a level makes a new :class:`LevelCache`, unless neither its graph nor its
connector ends changed, when the old one is kept, fields and all (:meth:`LevelCache.build`).

Every connector end gets, when its level is built, a shortest-path field over that level's
graph, and the walks between the ends of one level are kept (``between``). After an edit
an end whose anchor sees what it saw has its old field mended where the edit changed
the graph (:mod:`~exponav.core.routing.carry`); the others are grown afresh. Places resolved
on the level (spots), their anchors and their fields are kept too: a kiosk asks from the
same place again and again. The caches of one kind share one bound across a router's
levels (:class:`Shelf`): a router keeps at most 512 places, 512 places' anchors and 32
fields in all, however many levels it has, the oldest dropped first.

Work shared between routes: :meth:`LevelCache.make_anchors` resolves the anchors of many
spots with one bulk sight test, :meth:`LevelCache.make_fields` grows their fields with one
Dijkstra call (scipy runs each search from reset nodes), and the walks from a field to the
connector ends stay on the field once priced (:meth:`LevelCache.to_ends`). None of it
changes an answer: each gives the very numbers that one place or one field at a time gives.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np

from exponav.core.model import Connector, LevelPlan, Place
from exponav.core.routing.carry import carried_fields, same_anchor
from exponav.core.routing.graph import Anchor, Field, LevelGraph
from exponav.core.routing.hops import best_many
from exponav.core.routing.places import CONNECTOR_SNAP_M, Spot, door_spot, make_spot, snap

__all__ = ["End", "LevelCache", "Shelf", "Shelves"]

_FIELD_CACHE = 32  # fields kept per router (a kiosk asks from the same place again and again)
_SPOT_CACHE = 512  # resolved places (and their anchors) kept per router


class Shelf:
    """Entries of one kind kept by every level of a router, the oldest dropped past a bound."""

    def __init__(self, bound: int) -> None:
        self.bound = bound
        self._order: dict[tuple[int, Hashable], dict] = {}  # (store, key) -> store, oldest first

    def put(self, store: dict, key: Hashable, value: object) -> None:
        """``store[key] = value``, first dropping the oldest entry of any store when full."""
        if len(self._order) >= self.bound:
            (_, old), owner = next(iter(self._order.items()))
            del self._order[(id(owner), old)]
            del owner[old]
        store[key] = value
        self._order[(id(store), key)] = store

    def drop(self, store: dict) -> None:
        """Empty a store (its level was rebuilt)."""
        self._order = {k: s for k, s in self._order.items() if s is not store}
        store.clear()


@dataclass
class Shelves:
    """The bounds a router's levels share: so many places, anchors and fields in all."""

    spots: Shelf = field(default_factory=lambda: Shelf(_SPOT_CACHE))
    anchors: Shelf = field(default_factory=lambda: Shelf(_SPOT_CACHE))
    fields: Shelf = field(default_factory=lambda: Shelf(_FIELD_CACHE))


@dataclass
class End:
    """A connector end on a level, with its shortest-path field over that level."""

    connector: Connector
    index: int
    level: str
    anchor: Anchor
    fld: Field


def _ends_signature(connectors: Sequence[Connector], level_id: str) -> tuple:
    return tuple((c.id, i, e.x, e.y) for c in connectors
                 for i, e in enumerate(c.ends) if e.level == level_id)


def _end_fields(graph: LevelGraph, keys: list[tuple[str, int]], anchors: list[Anchor],
                previous: LevelCache | None) -> list[Field]:
    """The fields of a level's connector ends (``keys[k]``: connector id and end index,
    ``anchors[k]``: its anchor): each end's previous field carried over to this build
    when the graph was rebuilt from it and the end's anchor is the same
    (:mod:`~exponav.core.routing.carry`), the others grown afresh with one Dijkstra call
    (each the field it gets alone)."""
    out: list[Field | None] = [None] * len(keys)
    if previous is not None and graph.prev_map is not None and graph.n and previous.graph.n:
        before = {(e.connector.id, e.index): e for e in previous.ends}
        gone = graph.prev_map[0]
        todo = [(k, before[key]) for k, key in enumerate(keys) if key in before
                and len(anchors[k].vis) and same_anchor(before[key].anchor, anchors[k], gone)]
        got = carried_fields(previous.graph, graph, [e.fld for _, e in todo],
                             [anchors[k] for k, _ in todo]) if todo else None
        for (k, _), fld in zip(todo, got or (), strict=False):
            out[k] = fld
    rest = [k for k, fld in enumerate(out) if fld is None]
    for k, fld in zip(rest, graph.fields([[anchors[k]] for k in rest]), strict=True):
        out[k] = fld
    return out  # type: ignore[return-value]


class LevelCache:
    """One build of a level's graph and what is derived from it (see the module's text)."""

    def __init__(self, graph: LevelGraph, connectors: Sequence[Connector], ends_sig: tuple,
                 shelves: Shelves, previous: LevelCache | None = None) -> None:
        self.graph = graph
        self.id = graph.id
        self.ends_sig = ends_sig  # where the level's connector ends are: a rebuild compares it
        self._shelves = shelves
        self.spots: dict[tuple, Spot] = {}
        self.anchors: dict[tuple, list[Anchor]] = {}
        self.fields: dict[tuple, Field] = {}
        found = []
        for c in connectors:
            for i, e in enumerate(c.ends):
                if e.level != self.id:
                    continue
                xy = snap(graph, e.x, e.y, CONNECTOR_SNAP_M)
                if xy is None:
                    continue  # this end cannot be walked to; the connector is skipped here
                found.append((c, i, xy))
        # the ends' anchors with one bulk sight test, their fields carried over from the
        # previous build where they can be, else with one Dijkstra call
        anchors = graph.anchors_many([xy for _, _, xy in found], [None] * len(found))
        flds = _end_fields(graph, [(c.id, i) for c, i, _ in found], anchors, previous)
        ends = [End(c, i, self.id, an, fld)
                for (c, i, _), an, fld in zip(found, anchors, flds, strict=True)]
        self.ends = ends
        k = len(ends)
        between = np.full((k, k), np.inf)  # metres between the ends
        np.fill_diagonal(between, 0.0)
        ij = [(i, j) for i in range(k) for j in range(i + 1, k)]
        hits = best_many(graph, [(ends[i].fld, [ends[j].anchor]) for i, j in ij])
        for (i, j), hit in zip(ij, hits, strict=True):
            if hit is not None:
                between[i, j] = between[j, i] = hit[0]
        self.between = between
        self._between_rows: list[list[float]] | None = None
        self._usable: dict[bool, list[int]] = {}

    @classmethod
    def build(cls, plan: LevelPlan, connectors: Sequence[Connector], previous: LevelCache | None,
              shelves: Shelves) -> LevelCache:
        """The cache of a (re)built level: the previous one when nothing it holds changed."""
        graph = LevelGraph(plan, previous.graph if previous is not None else None)
        sig = _ends_signature(connectors, graph.id)
        if graph.unchanged and previous is not None and previous.ends_sig == sig:
            return previous  # the same graph and connectors: keep the level, its fields and caches
        cache = cls(graph, connectors, sig, shelves, previous)
        if previous is not None:
            previous.forget()
        return cache

    def take_connectors(self, connectors: Sequence[Connector]) -> bool:
        """After the venue's connectors changed: when this level's ends are where they
        were, its ends take the new connector objects (True); False when an end on it
        moved, came or went, and the level is to be rebuilt."""
        if _ends_signature(connectors, self.id) != self.ends_sig:
            return False
        by_id = {c.id: c for c in connectors}
        for e in self.ends:
            e.connector = by_id[e.connector.id]
        self._usable = {}
        return True

    def forget(self) -> None:
        """Forget the places, anchors and fields kept here (a new build replaces them)."""
        self._shelves.spots.drop(self.spots)
        self._shelves.anchors.drop(self.anchors)
        self._shelves.fields.drop(self.fields)

    # -- connector ends

    def usable(self, step_free: bool) -> list[int]:
        """The indices of the ends a route may take (only step-free ones when step-free)."""
        got = self._usable.get(step_free)
        if got is None:
            got = self._usable[step_free] = [i for i, e in enumerate(self.ends)
                                             if e.connector.step_free or not step_free]
        return got

    def between_rows(self) -> list[list[float]]:
        """The metres between the connector ends as plain lists (quick to read)."""
        if self._between_rows is None:
            self._between_rows = self.between.tolist()
        return self._between_rows

    def end_hits(self, fld: Field) -> dict:
        """The walks from a field to this level's ends priced so far, by end index."""
        if fld.end_owner is not self.ends:
            fld.end_hits, fld.end_owner = {}, self.ends
        return fld.end_hits

    def to_ends(self, fld: Field, idx: Sequence[int]) -> list:
        """best_many hits from a field to some connector ends (kept on the field)."""
        hits = self.end_hits(fld)
        missing = [i for i in idx if i not in hits]
        if missing:
            for i, h in zip(missing, best_many(self.graph, [(fld, [self.ends[i].anchor])
                                                            for i in missing]), strict=True):
                hits[i] = h
        return [hits[i] for i in idx]

    def ends_to(self, spot: Spot, step_free: bool) -> dict[tuple[str, int], float]:
        """Metres from each usable connector end to a spot on this level."""
        idx = self.usable(step_free)
        if not idx:
            return {}
        anchors = self.anchors_of(spot)
        hits = best_many(self.graph, [(self.ends[i].fld, anchors) for i in idx])
        return {(self.id, i): h[0] for i, h in zip(idx, hits, strict=True) if h is not None}

    # -- places, their anchors and fields

    def spot(self, place: Place) -> Spot:
        """Where a route may start or end for a place on this level (cached)."""
        poly = place.polygon
        key = (place.level, place.id, place.x, place.y, poly.bounds if poly is not None else None)
        spot = self.spots.get(key)
        if spot is None:
            spot = make_spot(self.graph, place)
            self._shelves.spots.put(self.spots, key, spot)
        return spot

    def origin(self, place: Place) -> Spot:
        """Where a route from a place on this level starts: a booth's door, else the place's
        spot (cached with the spots)."""
        spot = self.spot(place)
        if not spot.segs:
            return spot
        key = ("door",) + spot.key
        door = self.spots.get(key)
        if door is None:
            door = door_spot(self.graph, spot)
            self._shelves.spots.put(self.spots, key, door)
        return door

    def anchors_of(self, spot: Spot) -> list[Anchor]:
        """The spot's sample points joined to the corners they see (cached per place)."""
        anchors = self.anchors.get(spot.key)
        if anchors is None:
            anchors = self.graph.anchors_many(spot.samples, spot.sample_segs)
            self._shelves.anchors.put(self.anchors, spot.key, anchors)
        return anchors

    def make_anchors(self, spots: Sequence[Spot]) -> dict[tuple, list[Anchor]]:
        """The anchors of spots not cached yet (one each), with one bulk sight test for
        them all, not one per place (each sample's answer is the same); kept."""
        got = self.graph.anchors_many([p for sp in spots for p in sp.samples],
                                      [g for sp in spots for g in sp.sample_segs])
        out: dict[tuple, list[Anchor]] = {}
        k = 0
        for sp in spots:
            m = len(sp.samples)
            out[sp.key] = got[k:k + m]
            self._shelves.anchors.put(self.anchors, sp.key, out[sp.key])
            k += m
        return out

    def anchors_near(self, spot: Spot, corners: np.ndarray) -> list[Anchor]:
        """The spot's anchors joined to some corners only (``corners`` ascending).

        From the spot's full anchors when they are cached (the same arrays that
        anchors_many(..., corners) gives: a subset of the same pairs and distances), else
        by a sight test to those corners alone.
        """
        full = self.anchors.get(spot.key)
        if full is None:
            return self.graph.anchors_many(spot.samples, spot.sample_segs, corners)
        keep = np.zeros(self.graph.n, bool)
        keep[corners] = True
        out = []
        for an in full:
            m = keep[an.vis]
            out.append(Anchor(an.xy, an.vis[m], an.dist[m], an.seg))
        return out

    def field(self, spot: Spot) -> Field:
        """The shortest-path field grown from a spot (cached per place)."""
        fld = self.fields.get(spot.key)
        if fld is None:
            fld = self.graph.field(self.anchors_of(spot))
            self._shelves.fields.put(self.fields, spot.key, fld)
        return fld

    def make_fields(self, spots: Sequence[Spot], anchors: dict[tuple, list[Anchor]]
                    ) -> dict[tuple, Field]:
        """The fields of spots not cached yet (one each), with one Dijkstra call for them
        all; kept. ``anchors`` has every spot's anchors."""
        out: dict[tuple, Field] = {}
        for sp, fld in zip(spots, self.graph.fields([anchors[sp.key] for sp in spots]),
                           strict=True):
            out[sp.key] = fld
            self._shelves.fields.put(self.fields, sp.key, fld)
        return out
