"""Walking routes: the router, one search across a venue's levels and their connectors.

The parts, each in its module, from the ground up: the walkable area of a level
(:mod:`~exponav.core.routing.area`); bulk segment visibility inside it
(:mod:`~exponav.core.routing.sight`); the level's exact visibility graph and Dijkstra
fields over it (:mod:`~exponav.core.routing.graph`), tiled on a big level
(:mod:`~exponav.core.routing.tiles`); the last hop of a walk, priced in
bulk (:mod:`~exponav.core.routing.hops`); places as spots on a level
(:mod:`~exponav.core.routing.places`); one level's cache of connector ends, spots, anchors
and fields (:mod:`~exponav.core.routing.levels`); the search inside an ellipse that settles
most routes on one level (:mod:`~exponav.core.routing.ellipse`); a route as a value
(:mod:`~exponav.core.routing.route`). The :class:`Router` composes one
:class:`~exponav.core.routing.levels.LevelCache` per level and searches across them.

Across levels
    A route is a small Dijkstra in seconds over origin, connector ends and destination:
    walking at 1.2 m/s (0.8 m/s when step-free), plus each connector's ride and wait (a
    walkway's ride_s is its walking time). Step-free routes use only step-free
    connectors. Chains through several levels and buildings come out of the same search,
    and so does a detour through another level when it is quicker.

Besides route() and nearest_by_walking(): ``walking_matrix(places)`` gives seconds and
metres between every pair of places for ordering a visit, ``route_chain(places)`` the
legs of a visit (each leg from where the one before reached its booth, so the legs join
up into one walk), ``Router(venue, lazy=True)`` builds each level when a route first
needs it. A route from a booth starts at its door and one to a booth ends at the nearest
point of its frontage (:mod:`~exponav.core.routing.places`). A route comes back without
words: :func:`exponav.core.directions.directions` gives its steps (the Navigator asks for
them).

Work shared between routes
    Neither the matrix nor a chain of legs changes an answer: every shortcut below gives
    the very numbers and paths that one place, one field or one route at a time gives.
    The matrix resolves its places' anchors with one bulk sight test per level, grows
    their fields with one Dijkstra call per level, and prices all its walks on a level
    (between the places, and between them and the connector ends) with one more bulk
    sight test; the walks to connector ends stay on each field. route_chain() then
    reuses those: a leg's search inside its ellipse takes its anchors from the place's
    cached ones (the same pairs, filtered), and a leg across levels finds its fields and
    connector walks already priced.

Measured on the TaiNEX plans (``exponav bench``, wall time on a shared 2-core machine at
a load under 1), words and the fewer-turns choice included: a route on one level p50
~3.1 ms, p95 ~5.7 ms (the shortest walk alone ~1.5 and ~2.5 ms); across levels p50
~5.7 ms, p95 ~8 ms; all four levels built in ~180 ms.
"""

from __future__ import annotations

import functools
import heapq
import math
import threading
from collections.abc import Sequence

import numpy as np
from shapely.geometry.base import BaseGeometry

from exponav.core.model import Place, Venue
from exponav.core.routing.area import CLEARANCE_M, walkable_area
from exponav.core.routing.ellipse import Ellipse
from exponav.core.routing.fewer_turns import fewer_turns, slack
from exponav.core.routing.graph import Field
from exponav.core.routing.hops import best_lazy, best_lazy_many, best_many, best_to, path
from exponav.core.routing.levels import LevelCache, Shelves
from exponav.core.routing.network import EndsNet
from exponav.core.routing.places import Spot, point_spot, slide
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
    needs it instead (a quicker start for venues with many levels). Each leg of a route
    is then walked with the fewest turns within its slack of the shortest
    (:mod:`~exponav.core.routing.fewer_turns`); ``fewer_turns=False`` keeps the exact
    shortest walks.
    """

    def __init__(self, venue: Venue, *, lazy: bool = False, fewer_turns: bool = True) -> None:
        self.venue = venue
        self.prefer_fewer_turns = fewer_turns
        #: One computation at a time: the window's worker thread and the UI thread share a
        #: router, and its caches are not thread-safe. Re-entrant, so a visit plan can hold
        #: it across its walking matrix and its legs.
        self.lock = threading.RLock()
        self._levels: dict[str, LevelCache] = {}  # the levels built so far
        self._shelves = Shelves()  # how many places, anchors and fields all levels keep
        # rides from a connector end; each entry keeps the ends it was made from, and is
        # made again when a level it reached was rebuilt
        self._rides_memo: dict[tuple, tuple] = {}
        self._nets: dict[bool, EndsNet] = {}  # the connector ends as one graph, per step-free
        if not lazy:
            for level_id in venue.plans:
                self._build(level_id)

    # -- building

    def _build(self, level_id: str) -> None:
        plan = self.venue.plans[level_id]  # KeyError for a level the venue does not have
        self._levels[level_id] = LevelCache.build(plan, self.venue.connectors,
                                                  self._levels.get(level_id), self._shelves)

    def _level(self, level_id: str) -> LevelCache:
        """A level's cache, the level built on first use (a lazy router)."""
        got = self._levels.get(level_id)
        if got is None:
            self._build(level_id)
            got = self._levels[level_id]
        return got

    def _at(self, spot: Spot) -> LevelCache:
        """The cache of the level a spot was resolved on."""
        return self._levels[spot.graph.id]

    @_locked
    def rebuild_level(self, level_id: str) -> None:
        """Rebuild one level after ``venue.plans[level_id]`` changed."""
        if level_id not in self.venue.plans:
            raise KeyError(level_id)
        self._build(level_id)

    @_locked
    def connectors_changed(self) -> None:
        """Bring the built levels up to date after ``venue.connectors`` changed (an end
        moved, a connector came or went): a level where an end moved is rebuilt, keeping
        its graph and its other ends' fields (levels.py); every other level's ends take
        the new connector objects, which link the ends across levels."""
        for level_id in list(self._levels):
            if not self._levels[level_id].take_connectors(self.venue.connectors):
                self._build(level_id)
        self._rides_memo.clear()
        self._nets.clear()

    @_locked
    def walkable_area(self, level_id: str) -> BaseGeometry:
        return self._level(level_id).graph.area

    def _spot(self, place: Place) -> Spot:
        """Where a route may start or end for a place (cached: kiosks ask again and again)."""
        if place.level not in self.venue.plans:
            raise Unreachable(f"{place.id} is on level {place.level}, which this venue does not have.")
        return self._level(place.level).spot(place)

    def _prepared(self, spots: Sequence[Spot], kind: str, make) -> dict:
        """Per spot key, what its level keeps of ``kind`` ("anchors", "fields") for it;
        those not kept yet made with one ``make(level cache, spots)`` call per level."""
        out: dict = {}
        todo: dict[int, tuple[LevelCache, dict[tuple, Spot]]] = {}
        for sp in spots:
            lc = self._at(sp)
            got = getattr(lc, kind).get(sp.key)
            if got is not None:
                out[sp.key] = got
            else:
                todo.setdefault(id(lc), (lc, {}))[1].setdefault(sp.key, sp)
        for lc, by_key in todo.values():
            out.update(make(lc, list(by_key.values())))
        return out

    # -- routes

    def _rides(self, lid: str, i: int, step_free: bool) -> list[tuple[str, int, float]]:
        """(level, end index, seconds) reachable by riding the connector of end i."""
        end = self._level(lid).ends[i]
        key = (lid, i, step_free)
        got = self._rides_memo.get(key)
        if got is not None and got[0] is end and all(
                lv in self.venue.plans and self._level(lv).ends is ends for lv, ends in got[1]):
            return got[2]
        c = end.connector
        out = []
        seen = []
        if not step_free or c.step_free:
            for k, ce in enumerate(c.ends):
                if k == end.index or ce.level not in self.venue.plans:
                    continue
                other = self._level(ce.level).ends
                seen.append((ce.level, other))
                for j, oe in enumerate(other):
                    if oe.connector is c and oe.index == k:
                        out.append((ce.level, j, c.ride_s + c.wait_s))
        self._rides_memo[key] = (end, seen, out)
        return out

    def _origin(self, place: Place) -> Spot:
        """Where a route from a place starts: a booth's door, else the place's spot."""
        if place.level not in self.venue.plans:
            raise Unreachable(f"{place.id} is on level {place.level}, which this venue does not have.")
        return self._level(place.level).origin(place)

    @_locked
    def route(self, origin: Place, destination: Place, *, step_free: bool = False) -> Route:
        """The quickest walking route (shortest on one level); its steps are left empty
        (:func:`exponav.core.directions.directions` words them). From a booth, the route
        starts at its door; to a booth, it ends at the nearest point of its frontage."""
        jobs = [(origin, destination, self._origin(origin), self._spot(destination))]
        return self._search_many(jobs, step_free)[0]

    @_locked
    def route_chain(self, places: Sequence[Place], *, step_free: bool = False) -> list[Route]:
        """The legs of a visit in order: ``route(places[0], places[1])``, then each leg from
        where the one before arrived to the next place.

        A leg from a booth so starts where the visitor reached the booth, not at its door:
        the legs join up into one walk, and walking along a row of stands is counted. A
        leg from any other place is ``route(places[k], places[k + 1])``. What
        walking_matrix() or an earlier leg left in the router's caches (places, their
        anchors and fields, walks to connector ends) is reused.
        """
        places = list(places)
        routes: list[Route] = []
        for a, b in zip(places[:-1], places[1:], strict=False):
            if routes and self._spot(a).segs:  # a booth: from where the last leg reached it
                end = routes[-1].legs[-1]
                so = point_spot(self._level(end.level).graph, a, tuple(end.coords[-1]), "arrival")
            else:
                so = self._origin(a)
            routes.append(self._search_many([(a, b, so, self._spot(b))], step_free)[0])
        return routes

    def _search_many(self, jobs: list[tuple], step_free: bool) -> list[Route]:
        """Routes for (origin, destination, origin spot, destination spot) jobs, in order.

        Legs on one level first try the search inside an ellipse; their last hops are
        found together (best_lazy_many, one bulk sight test per level and round). A leg
        the ellipse cannot settle gets the full search.
        """
        setups: dict[int, Ellipse] = {}
        for k, (_, _, so, sd) in enumerate(jobs):
            if so.graph is sd.graph:
                setup = Ellipse.around(self._at(so), so, sd)
                if setup is not None:
                    setups[k] = setup
        hits: dict[int, object] = {}
        by_level: dict[int, list[int]] = {}
        for k in setups:
            by_level.setdefault(id(jobs[k][2].graph), []).append(k)
        for ks in by_level.values():
            lv = jobs[ks[0]][2].graph
            got = best_lazy_many(lv, [(setups[k].fld, jobs[k][3]) for k in ks])
            hits.update(zip(ks, got, strict=True))
        out = []
        for k, (origin, destination, so, sd) in enumerate(jobs):
            route, start = None, None
            if k in setups:
                route = setups[k].route(origin, destination, step_free, hits[k])
                start = setups[k].fld  # grown from the start: the fewer-turns search reuses it
            if route is None:
                route = self._route(origin, destination, so, sd, step_free)
                start = None
            out.append(self._fewer_turns(route, start))
        return out

    def _fewer_turns(self, route: Route, start: Field | None = None) -> Route:
        """The route with each leg walked with the fewest turns that keeps the whole within
        its slack of the shortest (:mod:`~exponav.core.routing.fewer_turns`); the slack is
        shared between the legs by their lengths. ``start``: a field grown from the start
        of the first leg, if there is one to reuse."""
        total = route.length_m
        if total <= 0 or not self.prefer_fewer_turns:
            return route
        extra = slack(total)
        legs, changed = [], False
        for n, leg in enumerate(route.legs):
            coords = fewer_turns(self._level(leg.level).graph, leg.coords,
                                 extra * leg.length_m / total, start if n == 0 else None)
            if coords != list(leg.coords):
                leg, changed = RouteLeg.along(leg.level, coords, leg.via), True
            legs.append(leg)
        if not changed:
            return route
        speed = STEP_FREE_SPEED if route.step_free else WALK_SPEED
        longer = sum(leg.length_m for leg in legs) - total
        return Route(route.origin, route.destination, legs, route.step_free,
                     route.duration_s + longer / speed)

    def _route(self, origin: Place, destination: Place, so: Spot, sd: Spot,
               step_free: bool) -> Route:
        """The full search: every corner of the levels on the way, and the connectors."""
        if all(lid in self._levels for lid in self.venue.plans):
            return self._route_net(origin, destination, so, sd, step_free)
        return self._route_levels(origin, destination, so, sd, step_free)

    def _route_levels(self, origin: Place, destination: Place, so: Spot, sd: Spot,
                      step_free: bool) -> Route:
        """The full search before every level is built: a Dijkstra over the connector
        ends that builds the levels it reaches as it goes."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        lo, ld = so.graph, sd.graph
        co, cd = self._at(so), self._at(sd)
        fo = co.field(so)
        fd: list[Field] = []  # grown from the destination, only when a connector leads there

        def field_d() -> Field:
            if not fd:
                fd.append(cd.field(sd))
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
                ends_o = co.usable(step_free)
                for i, h in zip(ends_o, co.to_ends(fo, ends_o), strict=True):
                    if h is not None:
                        push(("e", lo.id, i), h[0] / speed, ("walk", h), ORIGIN)
            elif node[0] == "b":
                _, i = node
                h = cd.to_ends(field_d(), [i])[0]
                if h is not None:
                    push(DEST, dist[("e", ld.id, i)] + h[0] / speed, ("last", i, h), ("e", ld.id, i))
            else:
                _, lid, i = node
                lc = self._level(lid)
                between = lc.between
                for j in lc.usable(step_free):
                    if j != i and np.isfinite(between[i, j]):
                        push(("e", lid, j), d + between[i, j] / speed, ("level", lid, i, j), node)
                for olid, j, secs in self._rides(lid, i, step_free):
                    push(("e", olid, j), d + secs, ("ride",), node)
                if lid == ld.id and (lo is not ld or rode[node]):
                    # (on the origin's own level, a walk through a connector end without
                    # riding it is never shorter than the direct walk)
                    an = lc.ends[i].anchor
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

    def _route_net(self, origin: Place, destination: Place, so: Spot, sd: Spot,
                   step_free: bool) -> Route:
        """The full search once every level is built: the quickest way to every connector
        end in one search over the venue's ends (:meth:`_net`), then the best last walk,
        an end's exact walk priced only while its lower bound could still win."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        lo, ld = so.graph, sd.graph
        co, cd = self._at(so), self._at(sd)
        fo = co.field(so)
        fd: list[Field] = []
        usable = co.usable(step_free)
        from_o = dict(zip(usable, co.to_ends(fo, usable), strict=True))
        net = self._net(step_free)
        got = net.search([((co.id, i), h[0] / speed, h[0]) for i, h in from_o.items()
                          if h is not None])
        best_t, best = math.inf, None
        if lo is ld:
            h = best_lazy(lo, fo, sd)
            if h is not None:
                best_t, best = h[0] / speed, ("walk", h)
        if got is not None:
            reached, pred = got
            cands = []
            for i in cd.usable(step_free):
                v = net.node.get((ld.id, i))
                if v is None or v not in reached:
                    continue
                t, _, rode = reached[v]
                if lo is not ld or rode:  # (on the origin's level, only after a ride)
                    cands.append((t + sd.distance(cd.ends[i].anchor.xy) / speed, t, i, v))
            cands.sort()
            for bound, t, i, v in cands:
                if bound >= best_t:
                    break
                if not fd:
                    fd.append(cd.field(sd))
                h = cd.to_ends(fd[0], [i])[0]
                if h is not None and t + h[0] / speed < best_t:
                    best_t, best = t + h[0] / speed, ("last", i, h, v)
        if best is None:
            mode = " step-free" if step_free else ""
            raise Unreachable(f"No{mode} walking route connects {origin.id} and {destination.id}.")
        ORIGIN, DEST = ("o",), ("d",)
        if best[0] == "walk":
            hops = [(ORIGIN, DEST, best)]
        else:
            _, i, h, v = best
            chain = [v]
            while pred[chain[-1]] >= 0:
                chain.append(int(pred[chain[-1]]))
            names = [("e", *net.names[k]) for k in reversed(chain)]
            hops = [(ORIGIN, names[0], ("walk", from_o[names[0][2]]))]
            for a, b in zip(names, names[1:], strict=False):
                hops.append((a, b, ("level", a[1], a[2], b[2]) if a[1] == b[1] else ("ride",)))
            hops.append((names[-1], DEST, ("last", i, h)))
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
                lc = self._level(lid)
                a, b, lv = lc.ends[i], lc.ends[j], lc.graph
                extend(path(lv, a.fld, best_to(lv, a.fld, [b.anchor]))[0])
            elif kind == "ride":
                end = self._level(p[1]).ends[p[2]]
                c = end.connector
                rides += c.ride_s + c.wait_s
                if not cur:
                    cur = [end.anchor.xy]
                legs.append(RouteLeg.along(cur_level, cur, c.id))
                cur = [self._level(node[1]).ends[node[2]].anchor.xy]
                cur_level = node[1]
            elif kind == "last":  # from a connector end to the destination, walked backwards
                coords, source = path(ld, fd[0], how[2])
                extend(slide(ld, coords, source)[::-1])
        legs.append(RouteLeg.along(cur_level, cur or [tuple(sd.points[0])], None))
        walk = sum(leg.length_m for leg in legs)
        return Route(origin, destination, legs, step_free, walk / speed + rides)

    def _reach(self, co: LevelCache, fo: Field, step_free: bool) -> dict:
        """(seconds, metres) from a field's sources to every connector end usable on the way
        (one search over the venue's connector ends, :mod:`~exponav.core.routing.network`)."""
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        usable = co.usable(step_free)
        starts = [((co.id, i), h[0] / speed, h[0])
                  for i, h in zip(usable, co.to_ends(fo, usable), strict=True) if h is not None]
        return self._net(step_free).reach(starts)

    def _net(self, step_free: bool) -> EndsNet:
        """The connector ends of every level as one graph (made again after a rebuild)."""
        for level_id in self.venue.plans:
            self._level(level_id)
        net = self._nets.get(step_free)
        if net is None or not net.current({lid: self._levels[lid] for lid in self.venue.plans}):
            speed = STEP_FREE_SPEED if step_free else WALK_SPEED
            net = self._nets[step_free] = EndsNet([self._levels[lid] for lid in self.venue.plans],
                                                  self._rides, step_free, speed)
        return net

    @_locked
    def nearest_by_walking(self, origin: Place, candidates: Sequence[Place], *,
                           step_free: bool = False, limit: int = 3) -> list[tuple[Place, float]]:
        """The candidates reached first on foot, with their walking distance in metres.

        Ranked by time to reach (walking plus any connector ride and wait); candidates that
        cannot be reached are left out.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        so = self._origin(origin)
        lo, co = so.graph, self._at(so)
        fo = co.field(so)
        reach = self._reach(co, fo, step_free)
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
                for key, m in self._at(sc).ends_to(sc, step_free).items():
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

        For ordering the stops of a visit: exact between points; a walk from a booth
        starts at its door, as route() does; a booth is reached at samples of its sides
        (every few metres), so its entries can be a little long. Places that cannot be
        reached from one another are ``inf``.
        """
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        n = len(places)
        sec = np.full((n, n), np.inf)
        met = np.full((n, n), np.inf)
        np.fill_diagonal(sec, 0.0)
        np.fill_diagonal(met, 0.0)
        # where walks from each place start (a booth's door) and where they reach it
        spots: list[tuple[Spot, Spot] | None] = []
        for p in places:
            try:
                spots.append((self._origin(p), self._spot(p)))
            except Unreachable:
                spots.append(None)
        live = [(i, s[0], s[1]) for i, s in enumerate(spots) if s is not None]
        anchors_of = self._prepared([s for _, so, sd in live for s in (so, sd)], "anchors",
                                    LevelCache.make_anchors)
        by_key = self._prepared([so for _, so, _ in live], "fields",
                                lambda lc, group: lc.make_fields(group, anchors_of))
        fields = {i: by_key[so.key] for i, so, _ in live}
        # Every walk the matrix needs on a level is priced in one best_many call there (one
        # bulk sight test instead of three per place): from each connector end to each
        # place ("into"), from each place to each connector end ("end", kept on the field
        # for _reach and for the legs routed afterwards), and between the places ("same").
        work: dict[int, tuple[LevelCache, list, list]] = {}
        for i, si, ti in live:
            lv, lc = si.graph, self._at(si)
            _, jobs, tags = work.setdefault(id(lc), (lc, [], []))
            ends = lc.ends
            fo = fields[i]
            priced = lc.end_hits(fo)
            anchors = anchors_of[ti.key]
            for e in lc.usable(step_free):
                jobs.append((ends[e].fld, anchors))
                tags.append(("into", i, e))
                if e not in priced:
                    jobs.append((fo, [ends[e].anchor]))
                    tags.append(("end", i, e))
            for j, _, tj in live:
                if j != i and tj.graph is lv:
                    jobs.append((fo, anchors_of[tj.key]))
                    tags.append(("same", i, j))
        into: list[dict[tuple[str, int], float]] = [{} for _ in range(n)]
        same: dict[tuple[int, int], tuple] = {}
        for lc, jobs, tags in work.values():
            for (kind, i, x), h in zip(tags, best_many(lc.graph, jobs), strict=True):
                if kind == "end":
                    fields[i].end_hits[x] = h
                elif h is None:
                    continue
                elif kind == "into":
                    into[i][(lc.id, x)] = h[0]
                else:
                    same[(i, x)] = h
        for i, si, _ in live:
            lo = si.graph
            reach = self._reach(self._at(si), fields[i], step_free)
            for j, _, tj in live:
                h = same.get((i, j)) if j != i and tj.graph is lo else None
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
