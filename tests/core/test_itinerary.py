"""Visit planning: the order against brute force and LKH, appointments, plan_visit on SCSE."""

from __future__ import annotations

import itertools
import math
import random
import threading

import numpy as np
import pytest
import shapely

from exponav.core.errors import ExpoNavError, NotFound
from exponav.core.model import Place
from exponav.core.routing.route import STEP_FREE_SPEED, WALK_SPEED, Route, RouteLeg
from exponav.core.visit import qr
from exponav.core.visit.clock import format_hhmm, parse_hhmm
from exponav.core.visit.order import _Search, order_stops, schedule
from exponav.core.visit.plan import plan_visit

START = 10 * 3600.0


def _instance(rng: random.Random, n: int, appointments: float = 0.0, asymmetric: bool = False):
    pts = [(rng.uniform(0, 150), rng.uniform(0, 120)) for _ in range(n + 1)]
    w = np.array([[math.dist(a, b) / WALK_SPEED for b in pts] for a in pts])
    if asymmetric:  # one-way escalators: some directions cost more
        w = w * (1 + 0.3 * np.array([[rng.random() for _ in pts] for _ in pts]))
        np.fill_diagonal(w, 0.0)
    due = [START + rng.uniform(0, 700 * n) if rng.random() < appointments else None
           for _ in range(n)]
    return w, [600.0] * n, due


def _brute_force(w, dwell, due, start, idle_weight=0.0):
    search = _Search(w, dwell, due, start, idle_weight)
    return min((search.key(list(p)), p) for p in itertools.permutations(range(len(dwell))))


# -- the order --------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(6))
def test_order_equals_brute_force(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(40):
        n = rng.randint(1, 7)
        w, dwell, due = _instance(rng, n, appointments=rng.choice([0.0, 0.3, 0.5]),
                                  asymmetric=rng.random() < 0.4)
        idle = rng.choice([0.0, 0.0, 0.1])
        best_key, _ = _brute_force(w, dwell, due, START, idle)
        if best_key[0] > 0:
            continue  # some appointment cannot be kept in any order: tested below
        order = order_stops(w, dwell, due, START, idle_weight=idle)
        assert order.exact
        got = _Search(w, dwell, due, START, idle).key(list(order.sequence))
        assert got[0] == 0, "every appointment that can be kept is kept"
        assert got[1] == pytest.approx(best_key[1], rel=1e-9, abs=1e-6)
        assert sorted(order.sequence) == list(range(n))
        checked += 1
    assert checked >= 20


def test_nine_stops_equal_the_exhaustive_optimum():
    rng = random.Random(99)
    for _ in range(2):
        w, dwell, due = _instance(rng, 9)
        perms = np.array(list(itertools.permutations(range(1, 10))), dtype=np.int64)
        walks = w[0, perms[:, 0]] + w[perms[:, :-1], perms[:, 1:]].sum(axis=1)
        order = order_stops(w, dwell, due, START)
        assert order.walk_s == pytest.approx(walks.min(), rel=1e-9)


def test_local_search_on_small_cases_is_near_the_optimum():
    """The construction + 2-opt/Or-opt + kicks (used beyond 12 stops) on small cases."""
    rng = random.Random(3)
    gaps = []
    for _ in range(30):
        w, dwell, due = _instance(rng, rng.randint(4, 7), asymmetric=rng.random() < 0.3)
        best_key, _ = _brute_force(w, dwell, due, START)
        order = order_stops(w, dwell, due, START, exact_limit=0)
        assert not order.exact
        gaps.append(order.walk_s / best_key[1] - 1)
    assert max(gaps) <= 0.005


def _lkh_open_path(w: np.ndarray) -> float:
    """LKH (elkai) on the open path from node 0: a dummy city joined to every other
    city for free and to the origin at a prohibitive cost, so it sits next to node 0."""
    elkai = pytest.importorskip("elkai")
    n = len(w)
    scale = 100
    big = int(w.max() * n + 1) * scale
    m = np.zeros((n + 1, n + 1), dtype=np.int64)
    m[:n, :n] = np.rint(w * scale)
    m[n, :n] = m[:n, n] = big
    m[n, 0] = m[0, n] = 0
    tour = elkai.DistanceMatrix(m.tolist()).solve_tsp(runs=10)[:-1]
    k = tour.index(n)
    path = tour[k + 1:] + tour[:k]
    if path[0] != 0:
        path = path[::-1]
    assert path[0] == 0
    return float(sum(w[a, b] for a, b in itertools.pairwise(path)))


def test_thirty_stops_within_two_percent_of_lkh():
    rng = random.Random(2025)
    for _ in range(5):
        w, dwell, due = _instance(rng, 30)
        order = order_stops(w, dwell, due, START)
        assert not order.exact
        assert order.walk_s <= _lkh_open_path(w) * 1.02


# -- appointments -----------------------------------------------------------------------------

def test_appointment_is_kept_and_the_visitor_waits():
    # stop 0 is on the way but stop 1 is a 10:05 meeting far away: it must come first
    w = np.array([[0, 60, 240], [60, 0, 200], [240, 200, 0]], float)
    order = order_stops(w, [600, 600], [None, START + 300], START)
    assert order.sequence == (1, 0)
    arrive, depart, late, _ = schedule(order.sequence, w, [600, 600], [None, START + 300], START)
    assert late == [0.0, 0.0]
    assert arrive[0] == START + 240 and depart[0] == START + 300 + 600  # waited 60 s


def test_two_appointments_keep_their_times_with_free_stops_between():
    rng = random.Random(5)
    w, dwell, _ = _instance(rng, 8)
    due = [None] * 8
    due[2], due[6] = START + 1800, START + 5400
    order = order_stops(w, dwell, due, START)
    _, _, late, _ = schedule(order.sequence, w, dwell, due, START)
    assert sum(late) == 0
    assert order.sequence.index(2) < order.sequence.index(6)


def test_an_impossible_appointment_is_reported_with_its_lateness():
    w = np.array([[0, 300, 50], [300, 0, 280], [50, 280, 0]], float)
    due = [START + 60, None]  # 300 s away, due in 60 s: 4 min late
    order = order_stops(w, [600, 600], due, START)
    assert order.late_s[0] == pytest.approx(240.0)
    assert order.late_s[1] == 0.0
    assert order.sequence[0] == 0  # no free stop is put before a meeting already late


def test_clock_times():
    assert parse_hhmm("14:00") == 50400.0
    assert format_hhmm(parse_hhmm("09:05")) == "09:05"
    with pytest.raises(ExpoNavError):
        parse_hhmm("25:00")
    with pytest.raises(ExpoNavError):
        parse_hhmm("noon")


# -- plan_visit with a stand-in router (straight lines) ----------------------------------------

class StraightRouter:
    """Walks in straight lines at the router's speeds; levels cost a 60 s ride."""

    def __init__(self, venue) -> None:
        self.venue = venue
        self.routes = 0
        self.lock = threading.RLock()

    def _metres(self, a: Place, b: Place) -> float:
        return math.dist((a.x, a.y), (b.x, b.y))

    def route(self, origin: Place, destination: Place, *, step_free: bool = False) -> Route:
        self.routes += 1
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        m = self._metres(origin, destination)
        ride = 0.0 if origin.level == destination.level else 60.0
        legs = [RouteLeg(origin.level, [(origin.x, origin.y), (destination.x, destination.y)],
                         None, m)]
        return Route(origin, destination, legs, step_free, m / speed + ride, [])

    def nearest_by_walking(self, origin, candidates, *, step_free=False, limit=3):
        scored = sorted(candidates, key=lambda c: self._metres(origin, c))
        return [(c, self._metres(origin, c)) for c in scored[:limit]]


@pytest.fixture(scope="module")
def straight(nav):
    return StraightRouter(nav.venue)


def test_plan_visit_times_with_a_stand_in_router(nav, straight):
    origin = Place("O", "point", "H2-1F", 0.0, 0.0)
    a = Place("A", "point", "H2-1F", 120.0, 0.0, name="A")
    b = Place("B", "point", "H2-1F", 60.0, 0.0, name="B")
    it = plan_visit(straight, nav, origin, [a, b], "10:00", dwell_min=5)
    assert [s.place.id for s in it.stops] == ["B", "A"]
    assert [s.arrive for s in it.stops] == ["10:01", "10:07"]  # 50 s; +5 min dwell +50 s
    assert [s.depart for s in it.stops] == ["10:06", "10:12"]
    assert it.length_m == pytest.approx(120.0)
    assert it.duration_s == pytest.approx(100.0)


def test_plan_visit_keeps_given_order_when_asked(nav, straight):
    origin = Place("O", "point", "H2-1F", 0.0, 0.0)
    a = Place("A", "point", "H2-1F", 120.0, 0.0)
    b = Place("B", "point", "H2-1F", 60.0, 0.0)
    it = plan_visit(straight, nav, origin, [a, b], "10:00", optimise=False)
    assert [s.place.id for s in it.stops] == ["A", "B"]


# -- plan_visit on the SCSE data with the real router -------------------------------------------

def _owned(nav, level: str) -> list[str]:
    codes = {b.code for b in nav.venue.plans[level].booths}
    return sorted({c for ex in nav.show.exhibitors.values() for c in ex.booths if c in codes})


def test_plan_visit_on_scse(nav):
    rng = random.Random(8)
    stops = rng.sample(_owned(nav, "H2-1F"), 4) + rng.sample(_owned(nav, "H2-4F"), 3)
    meeting = next(a.id for p in nav.venue.plans.values() for a in p.amenities
                   if a.category == "meeting")
    it = nav.itinerary("K-H2-1F-1", stops, "10:30", {meeting: "15:00"})
    d = it.to_dict()
    assert list(d) == ["origin", "stops", "length_m", "duration_s", "qr_payload", "pdf"]
    assert d["origin"] == "K-H2-1F-1"
    assert len(d["stops"]) == 8
    assert {s["place"] for s in d["stops"]} == set(stops) | {meeting}
    for s in d["stops"]:
        assert list(s) == ["place", "name", "arrive", "depart", "leg_length_m"]
        assert len(s["arrive"]) == 5 and s["arrive"][2] == ":"
        assert s["arrive"] <= s["depart"]
    times = [s["arrive"] for s in d["stops"]]
    assert times == sorted(times)
    at = next(s for s in it.stops if s.place.id == meeting)
    assert at.appointment == "15:00" and at.late_s == 0 and at.depart == "15:10"
    assert not it.missed
    assert d["length_m"] == pytest.approx(sum(s["leg_length_m"] for s in d["stops"]), abs=0.5)
    assert d["pdf"] is None
    # the optimised order walks no more than the order the visitor typed
    mine = nav.itinerary("K-H2-1F-1", stops, "10:30", {meeting: "15:00"}, optimise=False)
    assert it.duration_s <= mine.duration_s + 1.0
    plan = qr.parse(d["qr_payload"])
    assert [s.place for s in plan.stops] == [s["place"] for s in d["stops"]]
    assert plan.stops[[s.place for s in plan.stops].index(meeting)].appointment == "15:00"


def test_plan_visit_reports_a_meeting_that_cannot_be_kept(nav):
    far = _owned(nav, "H2-4F")[0]
    it = nav.itinerary("K-H2-1F-1", [far], "10:00", {far: "10:01"})
    [missed] = it.missed
    assert missed.place == far and missed.appointment == "10:01"
    assert missed.late_min >= 1
    assert far in missed.sentence() and f"{missed.late_min} min late" in missed.sentence()


def test_a_session_is_a_timed_stop(nav):
    session = next(s for s in nav.show.sessions if s.kind == "matchmaking"
                   and s.start[11:16] >= "11:00")
    it = nav.itinerary("K-H2-1F-1", [session.id], "10:00")
    [stop] = it.stops
    assert stop.place.id == session.place
    assert stop.appointment == session.start[11:16]
    assert stop.depart == session.end[11:16]
    assert stop.name == session.title


def test_unknown_stop_names_the_mistake(nav):
    with pytest.raises(NotFound, match="S9999|s9999"):
        nav.itinerary("K-H2-1F-1", ["S9999"], "10:00")


def test_resume_visit_from_the_machine_line(nav):
    stops = _owned(nav, "H2-4F")[:3]
    it = nav.itinerary("K-H2-1F-1", stops, "10:00", {stops[1]: "12:00"})
    line = it.qr_payload.splitlines()[-1]
    again = nav.resume_visit(line, "K-H2-4F-1", "11:00")
    assert [s.place.id for s in again.stops] == [s.place.id for s in it.stops]
    assert again.origin.id == "K-H2-4F-1"
    assert any(s.appointment == "12:00" for s in again.stops)


def test_long_visits_still_fit_one_qr_code(nav):
    stops = _owned(nav, "H2-1F")[:40]
    it = nav.itinerary("K-H2-1F-1", stops, "09:00", optimise=False)
    payload = it.qr_payload
    assert len(payload.encode("utf-8")) <= qr.QR_CAPACITY_BYTES
    assert [s.place for s in qr.parse(payload).stops] == [s.place.id for s in it.stops]


# -- the legs of a visit, routed at once ---------------------------------------------------------

def _leg_key(route: Route):
    return ([(leg.level, leg.coords, leg.via, leg.length_m) for leg in route.legs],
            route.duration_s, route.step_free, route.steps)


@pytest.fixture(scope="module")
def routers(nav):
    """A router for the fast path, and a reference that answers route() with nothing cached."""
    from exponav.core.routing.router import Router

    return Router(nav.venue, lazy=True), _Cold(Router(nav.venue, lazy=True))


class _Cold:
    """route() from scratch each time: no place, anchor or field left by an earlier call
    (the fast path shares exactly those), only the level builds are kept."""

    def __init__(self, router) -> None:
        self.router = router

    def route(self, a, b, **kw) -> Route:
        r = self.router
        for level in r._levels.values():
            level.forget()
        return r.route(a, b, **kw)


def _arrival(route: Route) -> Place:
    """Where a leg reached its place, as a point place."""
    end = route.legs[-1]
    x, y = end.coords[-1]
    return Place(f"{end.level}@{x},{y}", "point", end.level, x, y)


def _by_hand(router, places, step_free=False) -> list:
    """The legs of a visit one route() at a time: a leg from a booth after the first starts
    where the leg before reached that booth."""
    legs = []
    for a, b in zip(places[:-1], places[1:], strict=False):
        start = _arrival(legs[-1]) if legs and a.polygon is not None else a
        legs.append(router.route(start, b, step_free=step_free))
    return legs


def test_visit_legs_are_route_leg_by_leg(nav, routers):
    """plan_visit routes its legs with Router.route_chain, reusing what the walking matrix
    computed: each leg must be exactly what route() gives alone from where the visitor is
    (the same coordinates, lengths, connectors, time and steps)."""
    fast, reference = routers
    rng = random.Random(2024)
    owned = _owned(nav, "H2-1F") + _owned(nav, "H2-4F")
    for stops in (rng.sample(owned, 12), rng.sample(owned, 12)):
        it = plan_visit(fast, nav, "K-H2-1F-1", stops, "10:00", {stops[0]: "15:00"})
        assert len(it.stops) == 12
        places = [it.origin] + [s.place for s in it.stops]
        want = _by_hand(reference, places)
        prev = it.origin
        for stop, leg in zip(it.stops, want, strict=True):
            assert _leg_key(stop.leg) == _leg_key(leg)
            assert stop.leg.origin is prev and stop.leg.destination is stop.place
            prev = stop.place


def test_route_chain_is_route_leg_by_leg(nav, routers):
    """A chain through the cases route() treats apart: a booth to a point on its level,
    both halls' levels, the walkway to hall 1, step-free; with the walking matrix computed
    first, and on a router with nothing cached."""
    from exponav.core.routing.router import Router

    fast, reference = routers
    booth_1f, other_1f = _owned(nav, "H2-1F")[5], _owned(nav, "H2-1F")[-7]
    booth_4f = _owned(nav, "H2-4F")[11]
    amenity = next(a.id for a in nav.venue.plans["H2-1F"].amenities)
    kiosk_h1 = next(k.id for k in nav.venue.plans["H1-1F"].kiosks)
    specs = ["K-H2-1F-1", booth_1f, amenity, other_1f, booth_4f, kiosk_h1, booth_1f]
    places = [nav.place(s) for s in specs]
    cold = Router(nav.venue, lazy=True)
    for step_free in (False, True):
        want = [_leg_key(r) for r in _by_hand(reference, places, step_free)]
        got = cold.route_chain(places, step_free=step_free)
        assert [_leg_key(r) for r in got] == want
        fast.walking_matrix(places, step_free=step_free)
        got = fast.route_chain(places, step_free=step_free)
        assert [_leg_key(r) for r in got] == want
        assert [(r.origin, r.destination) for r in got] == list(zip(places[:-1], places[1:], strict=False))
        for a, b in zip(got[:-1], got[1:], strict=False):  # one walk: each leg starts where the last ended
            assert (b.legs[0].level, b.legs[0].coords[0]) == (a.legs[-1].level, a.legs[-1].coords[-1])


# -- walks between booths that touch ----------------------------------------------------------

def test_touching_booths_are_a_few_steps_apart(nav):
    """Q0101 and Q0102 share a corner: the route starts at Q0101's door, the middle of its
    side on the aisle, and reaches Q0102 where its own frontage begins."""
    q1, q2 = nav.place("Q0101"), nav.place("Q0102")
    r = nav.route("Q0101", "Q0102")
    start, end = r.legs[0].coords[0], r.legs[-1].coords[-1]
    assert r.length_m >= 1.5  # at least from the middle of a 3 m side to its end
    assert q1.polygon.exterior.distance(shapely.Point(start)) == pytest.approx(0.5, abs=1e-3)
    # the door is the middle of a side of Q0101
    sides = [shapely.LineString(q1.polygon.exterior.coords[k:k + 2]) for k in range(4)]
    mids = [s.interpolate(0.5, normalized=True) for s in sides]
    assert min(shapely.Point(start).distance(m) for m in mids) == pytest.approx(0.5, abs=1e-3)
    # the arrival is in front of Q0102, not in front of Q0101
    assert q2.polygon.exterior.distance(shapely.Point(end)) == pytest.approx(0.5, abs=1e-3)
    assert q1.polygon.exterior.distance(shapely.Point(end)) >= 0.5 - 1e-3
    assert nav.route("Q0102", "Q0101").length_m >= 1.5


def test_a_visit_along_a_row_walks_the_row(nav):
    """40 stops along the south block of Hall 2 1F, Q0101 and Q0173 (134 m apart) among them:
    the visit's walk is one walk through every stop, never shorter than the way between
    any two of them."""
    codes = sorted(b.code for b in nav.venue.plans["H2-1F"].booths if b.code.startswith("Q01"))
    stops = [c for c in codes if c not in ("Q0101", "Q0173")][:38] + ["Q0101", "Q0173"]
    it = nav.itinerary("K-H2-1F-1", stops, "10:00")
    assert len(it.stops) == 40
    legs = it.legs
    for a, b in zip(legs[:-1], legs[1:], strict=False):
        assert b.legs[0].coords[0] == a.legs[-1].coords[-1]
    at = {s.place.id: k for k, s in enumerate(it.stops)}
    i, j = sorted((at["Q0101"], at["Q0173"]))
    between = sum(s.leg_length_m for s in it.stops[i + 1:j + 1])
    direct = nav.route("Q0101", "Q0173").length_m
    assert between >= direct - 3.0  # (the route from Q0101 starts at its door, 3 m at most off)
    assert it.length_m >= direct
    assert all(s.leg_length_m > 0 for s in it.stops)
