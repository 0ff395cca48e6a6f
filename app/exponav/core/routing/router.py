"""Walking routes: the walkable area of each level, a path graph, shortest paths across levels.

Method: an exact visibility graph per level (:mod:`~exponav.core.routing.graph`), its
last hops priced in bulk (:mod:`~exponav.core.routing.hops`)
    On one level the search first keeps to an ellipse around the two ends (corners v
    with |o - v| + |v - d| <= 1.3 |o - d| + 15 m); a path that fits is provably the
    shortest, otherwise the whole level is searched.

    Measured on the TaiNEX plans (CPU time on a shared 2-core machine): a route on one
    level p50 ~3.5 ms, p95 ~5-7 ms; across levels p50 ~5.5 ms, p95 ~8-10 ms.

Across levels
    Every connector end gets, when its level is built, a shortest-path field over that
    level's graph, and the walks between the ends of one level are kept. A route is a
    small Dijkstra in seconds over origin, connector ends and destination: walking at
    1.2 m/s (0.8 m/s when step-free), plus each connector's ride and wait (a walkway's
    ride_s is its walking time). Step-free routes use only step-free connectors. Chains
    through several levels and buildings come out of the same search, and so does a
    detour through another level when it is quicker.

Places (:mod:`~exponav.core.routing.places`)
    A place becomes a spot on its level: a snapped point, or a booth's sides in the aisle.

Besides route() and nearest_by_walking(): ``walking_matrix(places)`` gives seconds and
metres between every pair of places for ordering a visit, ``route_chain(places)`` the
routes between consecutive places (a visit's legs), ``Router(venue, lazy=True)`` builds
each level when a route first needs it. A route comes back without words:
:func:`exponav.core.directions.directions` gives its steps (the Navigator asks for them).

Work shared between routes
    Neither the matrix nor a chain of legs changes an answer: every shortcut below gives
    the very numbers and paths that one place, one field or one route at a time gives.
    The matrix resolves its places' anchors with one bulk sight test per level, grows
    their fields with one Dijkstra call per level (scipy runs each search from reset
    nodes), and prices all its walks on a level (between the places, and between them
    and the connector ends) with one more bulk sight test; the walks to connector ends
    stay on each field. route_chain() then reuses those: a leg's search inside its
    ellipse takes its anchors from the place's cached ones (the same pairs, filtered),
    the legs' last hops are tested together round by round, and a leg across levels
    finds its fields and connector walks already priced. A plan of 12 stops so costs
    about half of what routing each leg alone after the matrix did.
"""

from __future__ import annotations

import functools
import heapq
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from shapely.geometry.base import BaseGeometry

from exponav.core.model import Connector, Place, Venue
from exponav.core.routing.area import CLEARANCE_M, walkable_area
from exponav.core.routing.graph import Anchor, Field, LevelGraph
from exponav.core.routing.hops import best_lazy, best_lazy_many, best_many, best_to, path
from exponav.core.routing.places import CONNECTOR_SNAP_M, Spot, make_spot, slide, snap
from exponav.core.routing.route import (
    STEP_FREE_SPEED,
    WALK_SPEED,
    Route,
    RouteLeg,
    Unreachable,
)

__all__ = [
    "CLEARANCE_M",
    "Route",
    "RouteLeg",
    "Router",
    "Unreachable",
    "WALK_SPEED",
    "STEP_FREE_SPEED",
    "walkable_area",
]



# --------------------------------------------------------------------------- router


def _length(coords: Sequence[tuple[float, float]]) -> float:
    return float(sum(math.dist(a, b) for a, b in zip(coords[:-1], coords[1:], strict=False)))


def _dedupe(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = [coords[0]]
    for c in coords[1:]:
        if math.dist(c, out[-1]) > 1e-9:
            out.append(c)
    if len(out) == 1:
        out.append(out[0])
    return out


@dataclass
class _End:
    """A connector end on a level, with its shortest-path field over that level."""

    connector: Connector
    index: int
    level: str
    anchor: Anchor
    fld: Field


_FIELD_CACHE = 32  # fields kept per router (a kiosk asks from the same place again and again)
_SPOT_CACHE = 512  # resolved places kept per router


class _Built(dict):
    """Per-level data that builds the level on first use (a lazy router)."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, level_id: str):
        self._build(level_id)
        return dict.__getitem__(self, level_id)


def _locked(method):
    """Run a Router method under its lock: the caches below are not thread-safe."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)
    return run


class Router:
    """Shortest walking routes on every level of a venue and across its connectors.

    Every level is built at once; with ``lazy=True`` a level is built when a route first
    needs it instead (a quicker start for venues with many levels).
    """

    def __init__(self, venue: Venue, *, lazy: bool = False) -> None:
        self.venue = venue
        #: One computation at a time: the window's worker thread and the UI thread share a
        #: router, and its caches are not thread-safe. Re-entrant, so a visit plan can hold
        #: it across its walking matrix and its legs.
        self.lock = threading.RLock()
        self._levels: dict[str, LevelGraph] = _Built(self._build)
        self._ends: dict[str, list[_End]] = _Built(self._build)  # connector ends on a level
        self._between: dict[str, np.ndarray] = _Built(self._build)  # metres between them
        self._fields: dict[tuple, Field] = {}
        self._spots: dict[tuple, Spot] = {}
        self._anchors: dict[tuple, list[Anchor]] = {}
        # usable ends, rides and the metres between ends, per level build (each entry keeps
        # what it was made from, and is made again when that changed)
        self._memo: dict[tuple, tuple] = {}
        if not lazy:
            for level_id in venue.plans:
                self._build(level_id)

    # -- building

    def _build(self, level_id: str) -> None:
        plan = self.venue.plans[level_id]  # KeyError for a level the venue does not have
        prev = dict.get(self._levels, level_id)
        lv = LevelGraph(plan, prev)
        sig = tuple((c.id, i, e.x, e.y) for c in self.venue.connectors
                    for i, e in enumerate(c.ends) if e.level == level_id)
        if lv.unchanged and prev is not None and getattr(prev, "ends_sig", None) == sig:
            return  # the same graph and connectors: keep the level, its fields and caches
        lv.ends_sig = sig
        self._levels[level_id] = lv
        self._fields = {k: f for k, f in self._fields.items() if k[0] != level_id}
        self._spots = {k: s for k, s in self._spots.items() if k[0] != level_id}
        self._anchors = {k: a for k, a in self._anchors.items() if k[0] != level_id}
        ends: list[_End] = []
        for c in self.venue.connectors:
            for i, e in enumerate(c.ends):
                if e.level != level_id:
                    continue
                xy = snap(lv, e.x, e.y, CONNECTOR_SNAP_M)
                if xy is None:
                    continue  # this end cannot be walked to; the connector is skipped here
                an = lv.anchor(xy)
                ends.append(_End(c, i, level_id, an, lv.field([an])))
        self._ends[level_id] = ends
        k = len(ends)
        between = np.full((k, k), np.inf)
        np.fill_diagonal(between, 0.0)
        ij = [(i, j) for i in range(k) for j in range(i + 1, k)]
        hits = best_many(lv, [(ends[i].fld, [ends[j].anchor]) for i, j in ij])
        for (i, j), hit in zip(ij, hits, strict=True):
            if hit is not None:
                between[i, j] = between[j, i] = hit[0]
        self._between[level_id] = between

    @_locked
    def rebuild_level(self, level_id: str) -> None:
        """Rebuild one level after ``venue.plans[level_id]`` changed."""
        if level_id not in self.venue.plans:
            raise KeyError(level_id)
        self._build(level_id)

    @_locked
    def walkable_area(self, level_id: str) -> BaseGeometry:
        return self._levels[level_id].area

    def _spot(self, place: Place) -> Spot:
        """Where a route may start or end for a place (cached: kiosks ask again and again)."""
        poly = place.polygon
        key = (place.level, place.id, place.x, place.y, poly.bounds if poly is not None else None)
        spot = self._spots.get(key)
        if spot is None:
            spot = self._make_spot(place)
            if len(self._spots) >= _SPOT_CACHE:
                self._spots.pop(next(iter(self._spots)))
            self._spots[key] = spot
        return spot

    def _make_spot(self, place: Place) -> Spot:
        """Where a route may start or end for a place: one point, or a booth's aisle sides."""
        if place.level not in self.venue.plans:
            raise Unreachable(f"{place.id} is on level {place.level}, which this venue does not have.")
        return make_spot(self._levels[place.level], place)

    def _anchors_of(self, spot: Spot) -> list[Anchor]:
        """The spot's sample points joined to the corners they see (cached per place)."""
        anchors = self._anchors.get(spot.key)
        if anchors is None:
            anchors = spot.graph.anchors_many(spot.samples, spot.sample_segs)
            self._store_anchors(spot.key, anchors)
        return anchors

    def _store_anchors(self, key: tuple, anchors: list[Anchor]) -> None:
        if len(self._anchors) >= _SPOT_CACHE:
            self._anchors.pop(next(iter(self._anchors)))
        self._anchors[key] = anchors

    def _prepare_anchors(self, spots: Sequence[Spot]) -> dict[tuple, list[Anchor]]:
        """The anchors of many spots, by spot key: those not cached yet with one bulk
        sight test per level, not one per place (each sample's answer is the same)."""
        out: dict[tuple, list[Anchor]] = {}
        todo: dict[int, tuple[LevelGraph, dict[tuple, Spot]]] = {}
        for sp in spots:
            got = self._anchors.get(sp.key)
            if got is not None:
                out[sp.key] = got
            else:
                todo.setdefault(id(sp.graph), (sp.graph, {}))[1].setdefault(sp.key, sp)
        for lv, by_key in todo.values():
            group = list(by_key.values())
            got = lv.anchors_many([p for sp in group for p in sp.samples],
                                  [g for sp in group for g in sp.sample_segs])
            k = 0
            for sp in group:
                m = len(sp.samples)
                out[sp.key] = got[k:k + m]
                self._store_anchors(sp.key, out[sp.key])
                k += m
        return out

    def _anchors_near(self, spot: Spot, corners: np.ndarray) -> list[Anchor]:
        """The spot's anchors joined to some corners only (``corners`` ascending).

        From the spot's full anchors when they are cached (the same arrays that
        anchors_many(..., corners) gives: a subset of the same pairs and distances), else
        by a sight test to those corners alone.
        """
        full = self._anchors.get(spot.key)
        if full is None:
            return spot.graph.anchors_many(spot.samples, spot.sample_segs, corners)
        keep = np.zeros(spot.graph.n, bool)
        keep[corners] = True
        out = []
        for an in full:
            m = keep[an.vis]
            out.append(Anchor(an.xy, an.vis[m], an.dist[m], an.seg))
        return out

    def _to_ends(self, lv: LevelGraph, fld: Field, idx: Sequence[int]) -> list:
        """best_many hits from a field to some connector ends of its level (kept on the field)."""
        ends = self._ends[lv.id]
        if fld.end_owner is not ends:
            fld.end_hits, fld.end_owner = {}, ends
        missing = [i for i in idx if i not in fld.end_hits]
        if missing:
            for i, h in zip(missing, best_many(lv, [(fld, [ends[i].anchor]) for i in missing]),
                            strict=True):
                fld.end_hits[i] = h
        return [fld.end_hits[i] for i in idx]

    def _field(self, spot: Spot) -> Field:
        """The shortest-path field grown from a spot (cached per place)."""
        fld = self._fields.get(spot.key)
        if fld is None:
            fld = spot.graph.field(self._anchors_of(spot))
            self._store_field(spot.key, fld)
        return fld

    def _store_field(self, key: tuple, fld: Field) -> None:
        if len(self._fields) >= _FIELD_CACHE:
            self._fields.pop(next(iter(self._fields)))
        self._fields[key] = fld

    def _prepare_fields(self, spots: Sequence[Spot], anchors: dict[tuple, list[Anchor]]
                        ) -> dict[tuple, Field]:
        """The fields of many spots, by spot key: those not cached yet with one Dijkstra
        call per level. ``anchors`` has every spot's anchors."""
        out: dict[tuple, Field] = {}
        todo: dict[int, tuple[LevelGraph, dict[tuple, Spot]]] = {}
        for sp in spots:
            got = self._fields.get(sp.key)
            if got is not None:
                out[sp.key] = got
            else:
                todo.setdefault(id(sp.graph), (sp.graph, {}))[1].setdefault(sp.key, sp)
        for lv, by_key in todo.values():
            group = list(by_key.values())
            for sp, fld in zip(group, lv.fields([anchors[sp.key] for sp in group]), strict=True):
                out[sp.key] = fld
                self._store_field(sp.key, fld)
        return out

    # -- routes

    def _usable(self, level_id: str, step_free: bool) -> list[int]:
        ends = self._ends[level_id]
        key = ("usable", level_id, step_free)
        got = self._memo.get(key)
        if got is None or got[0] is not ends:
            got = self._memo[key] = (ends, [i for i, e in enumerate(ends)
                                                   if e.connector.step_free or not step_free])
        return got[1]

    def _between_rows(self, lid: str) -> list[list[float]]:
        """The metres between a level's connector ends as plain lists (quick to read)."""
        between = self._between[lid]
        got = self._memo.get(("between", lid))
        if got is None or got[0] is not between:
            got = self._memo[("between", lid)] = (between, between.tolist())
        return got[1]

    def _rides(self, lid: str, i: int, step_free: bool) -> list[tuple[str, int, float]]:
        """(level, end index, seconds) reachable by riding the connector of end i."""
        end = self._ends[lid][i]
        key = ("rides", lid, i, step_free)
        got = self._memo.get(key)
        if got is not None and got[0] is end and all(
                lv in self.venue.plans and self._ends[lv] is ends for lv, ends in got[1]):
            return got[2]
        c = end.connector
        out = []
        seen = []
        if not step_free or c.step_free:
            for k, ce in enumerate(c.ends):
                if k == end.index or ce.level not in self.venue.plans:
                    continue
                other = self._ends[ce.level]
                seen.append((ce.level, other))
                for j, oe in enumerate(other):
                    if oe.connector is c and oe.index == k:
                        out.append((ce.level, j, c.ride_s + c.wait_s))
        self._memo[key] = (end, seen, out)
        return out

    @_locked
    def route(self, origin: Place, destination: Place, *, step_free: bool = False) -> Route:
        """The quickest walking route (shortest on one level); its steps are left empty
        (:func:`exponav.core.directions.directions` words them)."""
        return self._routes([(origin, destination)], step_free)[0]

    @_locked
    def route_chain(self, places: Sequence[Place], *, step_free: bool = False) -> list[Route]:
        """``route(places[k], places[k + 1])`` for every k: the legs of a visit in order.

        The very routes that one route() call per leg gives (legs, lengths, steps), with
        the work shared: the legs' last-hop sight tests run together, one bulk test per
        level and round, and what walking_matrix() or an earlier leg left in the router's
        caches (places, their anchors and fields, walks to connector ends) is reused.
        """
        places = list(places)
        return self._routes(list(zip(places[:-1], places[1:], strict=False)), step_free)

    def _routes(self, pairs: list[tuple[Place, Place]], step_free: bool) -> list[Route]:
        spots: list[tuple[Spot, Spot]] = []
        failed: Unreachable | None = None
        for a, b in pairs:
            try:
                spots.append((self._spot(a), self._spot(b)))
            except Unreachable as exc:  # raised after the legs before it, as leg by leg
                failed = exc
                break
        jobs = []
        for (a, b), (so, sd) in zip(pairs, spots, strict=False):
            # from a booth to a point on its level: grow the field from the point (one
            # sight sweep, not one per sample of the booth's sides), walk it backwards
            back = so.graph is sd.graph and bool(so.segs) and not sd.segs
            jobs.append((b, a, sd, so, True) if back else (a, b, so, sd, False))
        found = self._search_many(jobs, step_free)
        routes = []
        for (origin, destination, _, _, back), route in zip(jobs, found, strict=True):
            if back:
                origin, destination = destination, origin
                n = len(route.legs)
                legs = [RouteLeg(leg.level, leg.coords[::-1],
                                 route.legs[n - 2 - k].via if k < n - 1 else None, leg.length_m)
                        for k, leg in enumerate(reversed(route.legs))]
                route = Route(origin, destination, legs, step_free, route.duration_s)
            routes.append(route)
        if failed is not None:
            raise failed
        return routes

    def _search_many(self, jobs: list[tuple], step_free: bool) -> list[Route]:
        """Routes for (origin, destination, origin spot, destination spot, _) jobs, in order.

        Legs on one level first try the search inside an ellipse; their last hops are
        found together (best_lazy_many, one bulk sight test per level and round). A leg
        the ellipse cannot settle gets the full search.
        """
        setups: dict[int, tuple] = {}
        for k, (_, _, so, sd, _) in enumerate(jobs):
            if so.graph is sd.graph:
                setup = self._near_setup(so, sd)
                if setup is not None:
                    setups[k] = setup
        hits: dict[int, object] = {}
        by_level: dict[int, list[int]] = {}
        for k in setups:
            by_level.setdefault(id(jobs[k][2].graph), []).append(k)
        for ks in by_level.values():
            lv = jobs[ks[0]][2].graph
            got = best_lazy_many(lv, [(setups[k][2], jobs[k][3]) for k in ks])
            hits.update(zip(ks, got, strict=True))
        out = []
        for k, (origin, destination, so, sd, _) in enumerate(jobs):
            route = None
            if k in setups:
                route = self._near_finish(origin, destination, so, sd, step_free, setups[k], hits[k])
            if route is None:
                route = self._route(origin, destination, so, sd, step_free)
            out.append(route)
        return out

    def _near_setup(self, so: Spot, sd: Spot):
        """The search of a route on one level inside an ellipse around its two ends.

        Only corners v with |origin - v| + |v - destination| <= bound are joined to the
        origin and explored; returns (bound, origin samples, field), or None on a level
        without corners. _near_finish() takes it from the field's best last hop.
        """
        lv = so.graph
        if lv.n == 0:
            return None
        src = np.asarray(so.samples, float)
        straight = min(sd.distance(tuple(p)) for p in src.tolist())
        bound = 1.3 * straight + 15.0
        d_src = np.min(np.hypot(lv.V[:, None, 0] - src[None, :, 0], lv.V[:, None, 1] - src[None, :, 1]),
                       axis=1)
        corners = np.nonzero(d_src + sd.distances(lv.V) <= bound)[0]
        fld = lv.field(self._anchors_near(so, corners), limit=bound)
        return bound, src, fld

    def _near_finish(self, origin: Place, destination: Place, so: Spot, sd: Spot,
                     step_free: bool, setup: tuple, h) -> Route | None:
        """The route of a search inside the ellipse, given its best last hop h.

        A path found no longer than the bound is the shortest (any path through a
        left-out corner is longer than the bound), and it is the quickest when even the
        nearest connector could not lead anywhere sooner. Otherwise None: the caller
        searches everything.
        """
        bound, src, fld = setup
        lv = so.graph
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        if h is None or h[0] > bound:
            return None
        # another level can only help if going there and back could beat the walk: at
        # least two rides, and the straight lines from the origin to a connector, between
        # the far ends of the two connectors, and from the second connector to here
        walk_s = h[0] / speed
        ends = [self._ends[lv.id][i] for i in self._usable(lv.id, step_free)]
        if ends:
            xy = np.asarray([e.anchor.xy for e in ends], float)
            to_e = np.min(np.hypot(xy[:, None, 0] - src[None, :, 0], xy[:, None, 1] - src[None, :, 1]),
                          axis=1)
            from_f = sd.distances(xy)
            far = [[(ce.x, ce.y) for k, ce in enumerate(e.connector.ends) if k != e.index]
                   for e in ends]
            cost = [e.connector.ride_s + e.connector.wait_s for e in ends]
            for a_ in range(len(ends)):
                for b_ in range(len(ends)):
                    if not far[a_] or not far[b_]:
                        continue
                    across = min(math.dist(p, q) for p in far[a_] for q in far[b_])
                    lower = (to_e[a_] + across + from_f[b_]) / speed + cost[a_] + cost[b_]
                    if lower < walk_s:
                        return None  # a detour through another level might be quicker
        coords, source = path(lv, fld, h)
        cc = _dedupe(slide(lv, coords, source))
        leg = RouteLeg(lv.id, cc, None, _length(cc))
        return Route(origin, destination, [leg], step_free, leg.length_m / speed)

    def _route(self, origin: Place, destination: Place, so: Spot, sd: Spot,
               step_free: bool) -> Route:
        """The full search: every corner of the levels on the way, and the connectors."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        lo, ld = so.graph, sd.graph
        fo = self._field(so)
        fd: list[Field] = []  # grown from the destination, only when a connector leads there

        def field_d() -> Field:
            if not fd:
                fd.append(self._field(sd))
            return fd[0]

        # Dijkstra in seconds over: origin, connector ends, destination. A connector end on
        # the destination level first gets a lower bound for its last walk ("bound"); the
        # exact walk is priced only if that bound is ever the cheapest thing left.
        ORIGIN, DEST = ("o",), ("d",)
        dist: dict = {ORIGIN: 0.0}
        prev: dict = {}
        heap: list = [(0.0, 0, ORIGIN)]
        tick = 1
        done = set()

        rode: dict = {ORIGIN: False}  # does the best way to a node take a connector?

        def push(node, d, how, frm):
            nonlocal tick
            if d < dist.get(node, math.inf) - 1e-12:
                dist[node] = d
                prev[node] = (frm, how)
                rode[node] = rode[frm] or how[0] == "ride"
                heapq.heappush(heap, (d, tick, node))
                tick += 1

        found = False
        while heap:
            d, _, node = heapq.heappop(heap)
            if node in done or d > dist.get(node, math.inf):
                continue
            done.add(node)
            if node == DEST:
                found = True
                break
            if node == ORIGIN:
                if lo is ld:
                    h = best_lazy(lo, fo, sd)
                    if h is not None:
                        push(DEST, h[0] / speed, ("walk", h), ORIGIN)
                ends_o = self._usable(lo.id, step_free)
                for i, h in zip(ends_o, self._to_ends(lo, fo, ends_o), strict=True):
                    if h is not None:
                        push(("e", lo.id, i), h[0] / speed, ("walk", h), ORIGIN)
            elif node[0] == "b":
                _, i = node
                h = self._to_ends(ld, field_d(), [i])[0]
                if h is not None:
                    push(DEST, dist[("e", ld.id, i)] + h[0] / speed, ("last", i, h), ("e", ld.id, i))
            else:
                _, lid, i = node
                between = self._between[lid]
                for j in self._usable(lid, step_free):
                    if j != i and np.isfinite(between[i, j]):
                        push(("e", lid, j), d + between[i, j] / speed, ("level", lid, i, j), node)
                for olid, j, secs in self._rides(lid, i, step_free):
                    push(("e", olid, j), d + secs, ("ride",), node)
                if lid == ld.id and (lo is not ld or rode[node]):
                    # (on the origin's own level, a walk through a connector end without
                    # riding it is never shorter than the direct walk)
                    an = self._ends[lid][i].anchor
                    push(("b", i), d + sd.distance(an.xy) / speed, ("bound",), node)
        if not found:
            mode = " step-free" if step_free else ""
            raise Unreachable(f"No{mode} walking route connects {origin.id} and {destination.id}.")
        hops = []
        node = DEST
        while node != ORIGIN:
            p, how = prev[node]
            if how[0] != "bound":
                hops.append((p, node, how))
            node = p
        hops.reverse()
        return self._assemble(origin, destination, so, sd, fo, fd, hops, speed, step_free)

    def _assemble(self, origin, destination, so, sd, fo, fd, hops, speed, step_free) -> Route:
        lo, ld = so.graph, sd.graph
        legs: list[RouteLeg] = []
        cur: list[tuple[float, float]] = []
        cur_level = lo.id
        rides = 0.0

        def extend(coords):
            cur.extend(coords if not cur else coords[1:])

        for p, node, how in hops:
            kind = how[0]
            if kind == "walk":  # from the origin, to the destination or to a connector end
                coords, source = path(lo, fo, how[1])
                extend(slide(lo, coords, source))
            elif kind == "level":  # between two connector ends on one level
                _, lid, i, j = how
                a, b = self._ends[lid][i], self._ends[lid][j]
                lv = self._levels[lid]
                extend(path(lv, a.fld, best_to(lv, a.fld, [b.anchor]))[0])
            elif kind == "ride":
                c = self._ends[p[1]][p[2]].connector
                rides += c.ride_s + c.wait_s
                if not cur:
                    cur = [self._ends[p[1]][p[2]].anchor.xy]
                cc = _dedupe(cur)
                legs.append(RouteLeg(cur_level, cc, c.id, _length(cc)))
                cur = [self._ends[node[1]][node[2]].anchor.xy]
                cur_level = node[1]
            elif kind == "last":  # from a connector end to the destination, walked backwards
                coords, source = path(ld, fd[0], how[2])
                extend(slide(ld, coords, source)[::-1])
        cc = _dedupe(cur) if cur else [tuple(sd.points[0]), tuple(sd.points[0])]
        legs.append(RouteLeg(cur_level, cc, None, _length(cc)))
        walk = sum(leg.length_m for leg in legs)
        return Route(origin, destination, legs, step_free, walk / speed + rides)

    def _reach(self, lo: LevelGraph, fo: Field, step_free: bool) -> dict:
        """(seconds, metres) from a field's sources to every connector end usable on the way."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        best: dict = {}
        heap: list = []
        usable = self._usable(lo.id, step_free)
        for i, h in zip(usable, self._to_ends(lo, fo, usable), strict=True):
            if h is not None:
                heap.append((h[0] / speed, h[0], lo.id, i))
        heapq.heapify(heap)
        while heap:
            t, m, lid, i = heapq.heappop(heap)
            if (lid, i) in best:
                continue
            best[(lid, i)] = (t, m)
            row = self._between_rows(lid)[i]
            for j in self._usable(lid, step_free):
                if j != i and (lid, j) not in best and math.isfinite(row[j]):
                    heapq.heappush(heap, (t + row[j] / speed, m + row[j], lid, j))
            for olid, j, secs in self._rides(lid, i, step_free):
                if (olid, j) not in best:
                    heapq.heappush(heap, (t + secs, m, olid, j))
        return best

    def _ends_to(self, spot: Spot, step_free: bool) -> dict[tuple[str, int], float]:
        """Metres from each usable connector end on a spot's level to the spot."""
        lid = spot.graph.id
        idx = self._usable(lid, step_free)
        if not idx:
            return {}
        anchors = self._anchors_of(spot)
        ends = self._ends[lid]
        hits = best_many(spot.graph, [(ends[i].fld, anchors) for i in idx])
        return {(lid, i): h[0] for i, h in zip(idx, hits, strict=True) if h is not None}

    @_locked
    def nearest_by_walking(self, origin: Place, candidates: Sequence[Place], *,
                           step_free: bool = False, limit: int = 3) -> list[tuple[Place, float]]:
        """The candidates reached first on foot, with their walking distance in metres.

        Ranked by time to reach (walking plus any connector ride and wait); candidates that
        cannot be reached are left out.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        so = self._spot(origin)
        lo = so.graph
        fo = self._field(so)
        reach = self._reach(lo, fo, step_free)
        scored = []
        for n, cand in enumerate(candidates):
            try:
                sc = self._spot(cand)
            except Unreachable:
                continue
            best = None
            if sc.graph is lo:
                h = best_lazy(lo, fo, sc)
                if h is not None:
                    best = (h[0] / speed, h[0])
            lid = sc.graph.id
            if any(key[0] == lid and (best is None or r[0] < best[0]) for key, r in reach.items()):
                for key, m in self._ends_to(sc, step_free).items():
                    r = reach.get(key)
                    if r is not None and (best is None or r[0] + m / speed < best[0]):
                        best = (r[0] + m / speed, r[1] + m)
            if best is not None:
                scored.append((best[0], n, cand, best[1]))
        scored.sort(key=lambda s: (s[0], s[1]))
        return [(cand, float(m)) for _, _, cand, m in scored[: max(0, limit)]]

    @_locked
    def walking_matrix(self, places: Sequence[Place], *, step_free: bool = False
                       ) -> tuple[np.ndarray, np.ndarray]:
        """Seconds and metres of the quickest way between every ordered pair of places.

        For ordering the stops of a visit: exact between points; a booth is reached at
        samples of its sides (every few metres), so its entries can be a little long.
        Places that cannot be reached from one another are ``inf``.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        n = len(places)
        sec = np.full((n, n), np.inf)
        met = np.full((n, n), np.inf)
        np.fill_diagonal(sec, 0.0)
        np.fill_diagonal(met, 0.0)
        spots: list[Spot | None] = []
        for p in places:
            try:
                spots.append(self._spot(p))
            except Unreachable:
                spots.append(None)
        live = [(i, s) for i, s in enumerate(spots) if s is not None]
        anchors_of = self._prepare_anchors([s for _, s in live])
        by_key = self._prepare_fields([s for _, s in live], anchors_of)
        fields = {i: by_key[s.key] for i, s in live}
        # Every walk the matrix needs on a level is priced in one best_many call there (one
        # bulk sight test instead of three per place): from each connector end to each
        # place ("into"), from each place to each connector end ("end", kept on the field
        # for _reach and for the legs routed afterwards), and between the places ("same").
        work: dict[int, tuple[LevelGraph, list, list]] = {}
        for i, si in live:
            lv = si.graph
            _, jobs, tags = work.setdefault(id(lv), (lv, [], []))
            ends = self._ends[lv.id]
            fo = fields[i]
            if fo.end_owner is not ends:
                fo.end_hits, fo.end_owner = {}, ends
            anchors = anchors_of[si.key]
            for e in self._usable(lv.id, step_free):
                jobs.append((ends[e].fld, anchors))
                tags.append(("into", i, e))
                if e not in fo.end_hits:
                    jobs.append((fo, [ends[e].anchor]))
                    tags.append(("end", i, e))
            for j, sj in live:
                if j != i and sj.graph is lv:
                    jobs.append((fo, anchors_of[sj.key]))
                    tags.append(("same", i, j))
        into: list[dict[tuple[str, int], float]] = [{} for _ in range(n)]
        same: dict[tuple[int, int], tuple] = {}
        for lv, jobs, tags in work.values():
            for (kind, i, x), h in zip(tags, best_many(lv, jobs), strict=True):
                if kind == "end":
                    fields[i].end_hits[x] = h
                elif h is None:
                    continue
                elif kind == "into":
                    into[i][(lv.id, x)] = h[0]
                else:
                    same[(i, x)] = h
        for i, si in live:
            lo = si.graph
            reach = self._reach(lo, fields[i], step_free)
            for j, sj in live:
                h = same.get((i, j)) if j != i and sj.graph is lo else None
                if h is not None:
                    sec[i, j], met[i, j] = h[0] / speed, h[0]
            for j in range(n):
                if j == i:
                    continue
                for key, m in into[j].items():
                    r = reach.get(key)
                    if r is not None and r[0] + m / speed < sec[i, j]:
                        sec[i, j], met[i, j] = r[0] + m / speed, r[1] + m
        return sec, met
