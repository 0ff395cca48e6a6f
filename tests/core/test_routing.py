"""Walking routes on synthetic halls, checked against an independent exact computation."""

from __future__ import annotations

import heapq
import math
from functools import cache

import numpy as np
import pytest
import shapely
import shapely.affinity
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon, box

from exponav.core.directions import directions
from exponav.core.errors import ExpoNavError
from exponav.core.model import (
    Booth,
    Connector,
    ConnectorEnd,
    Level,
    LevelPlan,
    Obstacle,
    Place,
    Venue,
)
from exponav.core.routing.fewer_turns import slack
from exponav.core.routing.hops import best_lazy_many, best_many, lazy_candidates
from exponav.core.routing.route import STEP_FREE_SPEED, WALK_SPEED, Route, Unreachable
from exponav.core.routing.router import Router, walkable_area
from exponav.core.routing.turns import count_turns

# --------------------------------------------------------------------------- synthetic halls


def _level(lid: str, ordinal: int, building: str = "Hall A") -> Level:
    return Level(lid, f"{building} {ordinal}F", f"{building} {ordinal}F", building, ordinal,
                 f"{lid}.geojson")


def grid_hall(lid: str, ordinal: int = 1, *, area: str = "A", building: str = "Hall A",
              x0: float = 0.0) -> LevelPlan:
    """60 m x 40 m: blocks of 2 x 4 standard booths, 3 m aisles, columns in the main aisle."""
    plan = LevelPlan(_level(lid, ordinal, building), box(x0, 0, x0 + 60, 40))
    n = 0
    for bx in (4.0, 19.0, 37.0):  # block west edges; a 6 m main aisle at x 31..37
        for by in (4.0, 13.0, 22.0, 31.0):  # 2 rows (6 m) + 3 m aisle
            if bx == 37.0 and by == 31.0:
                continue  # an open space in the north-east
            for r in range(2):
                for c in range(4):
                    n += 1
                    poly = box(x0 + bx + 3 * c, by + 3 * r, x0 + bx + 3 * c + 3, by + 3 * r + 3)
                    plan.booths.append(Booth(f"{area}{n:04d}", lid, area, "standard", poly))
    for y in (10.0, 28.0):  # columns on the main aisle's centre line
        plan.obstacles.append(Obstacle(lid, "column", box(x0 + 33.6, y - 0.4, x0 + 34.4, y + 0.4)))
    return plan


def u_hall(lid: str = "U-1F") -> LevelPlan:
    """A 40 m x 30 m room with a U-shaped wall (open to the east) and a stage."""
    plan = LevelPlan(_level(lid, 1, "Hall U"), box(0, 0, 40, 30))
    walls = [box(10, 8, 11, 22), box(10, 8, 26, 9), box(10, 21, 26, 22)]  # the U
    for w in walls:
        plan.obstacles.append(Obstacle(lid, "wall", w))
    plan.obstacles.append(Obstacle(lid, "stage", Polygon([(30, 2), (36, 4), (33, 9)])))
    plan.booths.append(Booth("U0001", lid, "U", "standard", box(14, 13, 17, 16)))
    plan.booths.append(Booth("U0002", lid, "U", "island", box(2, 24, 8, 28)))
    return plan


def l_hall(lid: str = "L-1F") -> LevelPlan:
    """An L-shaped footprint with two booth blocks."""
    fp = Polygon([(0, 0), (40, 0), (40, 15), (15, 15), (15, 40), (0, 40)])
    plan = LevelPlan(_level(lid, 1, "Hall L"), fp)
    for i, (x, y) in enumerate([(5, 5), (8, 5), (5, 20), (5, 23), (25, 5)]):
        plan.booths.append(Booth(f"L{i + 1:04d}", lid, "L", "standard", box(x, y, x + 3, y + 3)))
    return plan


def odd_hall(lid: str = "D-1F") -> LevelPlan:
    """Squares on a diagonal (corners line up through them), rotated booths and a round stage."""
    plan = LevelPlan(_level(lid, 1, "Hall D"), box(0, 0, 45, 45))
    for i in range(5):
        x = 5.0 + 8.0 * i
        plan.booths.append(Booth(f"D{i + 1:04d}", lid, "D", "standard", box(x, x, x + 3, x + 3)))
    for i, (cx, cy, ang) in enumerate([(30, 10, 30), (35, 18, 45), (12, 33, 10)]):
        sq = shapely.affinity.rotate(box(cx - 2, cy - 1.5, cx + 2, cy + 1.5), ang)
        plan.booths.append(Booth(f"D{i + 11:04d}", lid, "D", "island", sq))
    plan.obstacles.append(Obstacle(lid, "stage", Point(20, 38).buffer(3.0, quad_segs=4)))
    return plan


def venue_of(*plans: LevelPlan, connectors=()) -> Venue:
    return Venue("test", "Test", "測試", {p.level.id: p.level for p in plans}, list(connectors),
                 {p.level.id: p for p in plans})


def two_buildings() -> Venue:
    """Hall A (1F, 4F) and Hall B (1F, 4F), joined by a walkway on 1F."""
    a1 = grid_hall("A-1F", 1, area="Q")
    a4 = grid_hall("A-4F", 4, area="S")
    b1 = grid_hall("B-1F", 1, area="J", building="Hall B", x0=100.0)
    b4 = grid_hall("B-4F", 4, area="M", building="Hall B", x0=100.0)
    conns = [
        Connector("ES-A", "escalator", False,
                  (ConnectorEnd("A-1F", 58.0, 20.0), ConnectorEnd("A-4F", 58.0, 20.0)), 45.0),
        Connector("EL-A", "elevator", True,
                  (ConnectorEnd("A-1F", 2.0, 38.0), ConnectorEnd("A-4F", 2.0, 38.0)), 25.0, 40.0),
        Connector("ST-A", "stairs", False,
                  (ConnectorEnd("A-1F", 2.0, 2.0), ConnectorEnd("A-4F", 2.0, 2.0)), 90.0),
        Connector("WW-AB", "walkway", True,
                  (ConnectorEnd("A-1F", 59.0, 36.0), ConnectorEnd("B-1F", 101.0, 36.0)), 40.0),
        Connector("ES-B", "escalator", False,
                  (ConnectorEnd("B-1F", 158.0, 2.0), ConnectorEnd("B-4F", 158.0, 2.0)), 45.0),
        Connector("EL-B", "elevator", True,
                  (ConnectorEnd("B-1F", 158.0, 38.0), ConnectorEnd("B-4F", 158.0, 38.0)), 25.0, 40.0),
    ]
    return venue_of(a1, a4, b1, b4, connectors=conns)


def pt(level: str, x: float, y: float) -> Place:
    return Place(f"{level}@{x:.1f},{y:.1f}", "point", level, x, y)


def booth_place(plan: LevelPlan, code: str) -> Place:
    b = next(b for b in plan.booths if b.code == code)
    c = b.polygon.centroid
    return Place(code, "booth", plan.level.id, c.x, c.y, polygon=b.polygon)


# --------------------------------------------------------------------------- reference


class Reference:
    """An obviously-correct visibility graph: every boundary vertex, shapely predicates."""

    def __init__(self, area) -> None:
        self.area = area
        self.cover = area.buffer(1e-6)
        shapely.prepare(self.cover)
        verts = []
        for poly in getattr(area, "geoms", [area]):
            for ring in [poly.exterior, *poly.interiors]:
                verts.extend(ring.coords[:-1])
        self.verts = sorted(set(verts))
        n = len(self.verts)
        self.adj: list[list[tuple[int, float]]] = [[] for _ in range(n)]
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        lines = shapely.linestrings([[self.verts[i], self.verts[j]] for i, j in pairs])
        ok = shapely.covers(self.cover, lines)
        for (i, j), good in zip(pairs, ok, strict=True):
            if good:
                d = math.dist(self.verts[i], self.verts[j])
                self.adj[i].append((j, d))
                self.adj[j].append((i, d))

    def sees(self, a, b) -> bool:
        return bool(self.cover.covers(LineString([a, b])))

    def shortest(self, s, g) -> float:
        n = len(self.verts)
        if self.sees(s, g):
            return math.dist(s, g)
        pts = shapely.points(self.verts)
        lines_s = shapely.linestrings([[s, v] for v in self.verts])
        lines_g = shapely.linestrings([[v, g] for v in self.verts])
        vis_s = shapely.covers(self.cover, lines_s)
        vis_g = shapely.covers(self.cover, lines_g)
        del pts
        dist = [math.inf] * n
        heap = []
        for i in range(n):
            if vis_s[i]:
                dist[i] = math.dist(s, self.verts[i])
                heap.append((dist[i], i))
        heapq.heapify(heap)
        best = math.inf
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u] or d >= best:
                continue
            if vis_g[u]:
                best = min(best, d + math.dist(self.verts[u], g))
            for v, w in self.adj[u]:
                if d + w < dist[v]:
                    dist[v] = d + w
                    heapq.heappush(heap, (d + w, v))
        return best


@cache
def _hall(name: str):
    plan = {"grid": lambda: grid_hall("G-1F"), "u": u_hall, "l": l_hall, "odd": odd_hall}[name]()
    venue = venue_of(plan)
    router = Router(venue)
    return plan, router, Reference(router.walkable_area(plan.level.id))


@cache
def _exact(name: str) -> Router:
    """The hall's router that keeps the exact shortest walks (no fewer-turns tie-break)."""
    plan, router, _ = _hall(name)
    return Router(router.venue, fewer_turns=False)


def assert_near_shortest(length: float, exact: float) -> None:
    """Never shorter than the exact shortest walk (it would cut a corner), and never more
    than its slack longer (5 m, or 1 % of a walk over 500 m): the price of fewer turns."""
    assert length >= exact - 1e-6
    assert length <= exact + max(5.0, 0.01 * exact) + 1e-6


def _blockers(plan: LevelPlan):
    return [b.polygon for b in plan.booths] + [o.polygon for o in plan.obstacles]


def assert_clear(plan: LevelPlan, coords) -> None:
    """Every segment keeps 0.5 m from booths, obstacles and the outline."""
    line = LineString(coords) if len(coords) > 1 else Point(coords[0])
    for poly in _blockers(plan):
        assert line.distance(poly) >= 0.5 - 1e-6, (poly.bounds, coords)
    assert plan.footprint.buffer(-0.5 + 1e-6, join_style="mitre").covers(line)


# --------------------------------------------------------------------------- tests


def test_walkable_area_keeps_clearance():
    plan = grid_hall("G-1F")
    area = walkable_area(plan)
    assert area.is_valid and not area.is_empty
    for poly in _blockers(plan):
        assert area.distance(poly) >= 0.5 - 1e-9
    # rectangles stay rectangles: a booth block's hole has 4 corners
    holes = [len(r.coords) - 1 for p in getattr(area, "geoms", [area]) for r in p.interiors]
    assert 4 in holes
    # an open aisle point is walkable, a booth's middle is not
    assert area.contains(Point(17.5, 20.0))
    assert not area.contains(Point(5.5, 5.5))


def test_straight_line_when_visible():
    plan, router, _ = _hall("grid")
    r = router.route(pt("G-1F", 1.5, 2.0), pt("G-1F", 1.5, 38.0))
    assert len(r.legs) == 1 and r.legs[0].via is None
    assert r.legs[0].coords == [(1.5, 2.0), (1.5, 38.0)]
    assert r.length_m == pytest.approx(36.0)
    assert r.duration_s == pytest.approx(36.0 / WALK_SPEED)


@pytest.mark.parametrize("hall", ["grid", "u", "l", "odd"])
def test_fixed_routes_match_reference(hall):
    plan, router, ref = _hall(hall)
    lid = plan.level.id
    x0, y0, x1, y1 = router.walkable_area(lid).bounds
    area = router.walkable_area(lid)
    import random

    rng = random.Random(7)
    done = 0
    while done < 25:
        s = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        g = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        if not (area.contains(Point(s)) and area.contains(Point(g))):
            continue
        r = router.route(pt(lid, *s), pt(lid, *g))
        shortest = _exact(hall).route(pt(lid, *s), pt(lid, *g))
        exact = ref.shortest(s, g)
        assert shortest.length_m == pytest.approx(exact, rel=1e-9, abs=1e-6)
        assert_near_shortest(r.length_m, exact)
        assert count_turns(r.legs[0].coords) <= count_turns(shortest.legs[0].coords)
        assert_clear(plan, r.legs[0].coords)
        done += 1


def _walkable_point(area, x, y):
    return area.contains(Point(x, y))


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(hall=st.sampled_from(["grid", "u", "l", "odd"]),
       sx=st.floats(0, 1), sy=st.floats(0, 1), gx=st.floats(0, 1), gy=st.floats(0, 1))
def test_routes_are_exact_and_clear(hall, sx, sy, gx, gy):
    plan, router, ref = _hall(hall)
    lid = plan.level.id
    area = router.walkable_area(lid)
    x0, y0, x1, y1 = area.bounds
    s = (x0 + sx * (x1 - x0), y0 + sy * (y1 - y0))
    g = (x0 + gx * (x1 - x0), y0 + gy * (y1 - y0))
    assume(_walkable_point(area, *s) and _walkable_point(area, *g))
    r = router.route(pt(lid, *s), pt(lid, *g))
    exact = ref.shortest(s, g)
    assert _exact(hall).route(pt(lid, *s), pt(lid, *g)).length_m == pytest.approx(exact, rel=1e-9,
                                                                                  abs=1e-6)
    assert_near_shortest(r.length_m, exact)
    assert_clear(plan, r.legs[0].coords)
    back = router.route(pt(lid, *g), pt(lid, *s))
    assert_near_shortest(back.length_m, exact)
    assert r.legs[0].coords[0] == pytest.approx(s) and r.legs[0].coords[-1] == pytest.approx(g)


def test_diagonal_through_aligned_corners_is_blocked():
    """y = x runs exactly through opposite corners of each grown square: not a way through."""
    plan, router, ref = _hall("odd")
    r = router.route(pt("D-1F", 1.0, 1.0), pt("D-1F", 44.0, 44.0))
    assert r.length_m > math.dist((1, 1), (44, 44)) + 1e-3
    assert r.length_m == pytest.approx(ref.shortest((1.0, 1.0), (44.0, 44.0)), rel=1e-6)
    assert_clear(plan, r.legs[0].coords)


def test_u_shaped_dead_end_goes_around():
    plan, router, ref = _hall("u")
    s, g = (5.0, 15.0), (15.0, 19.5)  # west of the U, and inside its pocket
    r = router.route(pt("U-1F", *s), pt("U-1F", *g))
    assert r.length_m == pytest.approx(ref.shortest(s, g), rel=1e-6)
    assert r.length_m > math.dist(s, g) + 10  # it walks round the back of the U
    assert_clear(plan, r.legs[0].coords)
    xs = [x for x, _ in r.legs[0].coords]
    assert max(xs) > 26.0  # it enters by the open east side


def test_snap_from_clearance_band_and_obstacle():
    plan, router, _ = _hall("grid")
    # 0.2 m from a booth edge: in the clearance band, snaps 0.3 m out
    r = router.route(pt("G-1F", 3.8, 5.0), pt("G-1F", 1.5, 38.0))
    start = r.legs[0].coords[0]
    assert start[0] == pytest.approx(3.5, abs=1e-3) and start[1] == pytest.approx(5.0, abs=1e-3)
    # inside a column (0.8 m square): snaps to the aisle beside it
    r = router.route(pt("G-1F", 34.0, 10.0), pt("G-1F", 34.0, 20.0))
    assert_clear(plan, r.legs[0].coords)
    assert math.dist(r.legs[0].coords[0], (34.0, 10.0)) <= 2.0


def test_unreachable_places_raise():
    plan, router, _ = _hall("grid")
    with pytest.raises(Unreachable, match="A-mid") as exc:
        router.route(Place("A-mid", "point", "G-1F", 19.0 + 6.0, 13.0 + 3.0), pt("G-1F", 1.5, 1.5))
    assert isinstance(exc.value, ExpoNavError)
    assert str(exc.value).endswith(".") and "\n" not in str(exc.value)
    with pytest.raises(Unreachable):
        router.route(pt("G-1F", 1.5, 1.5), pt("NOPE", 1.0, 1.0))
    with pytest.raises(Unreachable):  # outside the hall altogether
        router.route(pt("G-1F", 1.5, 1.5), pt("G-1F", 80.0, 20.0))


def test_enclosed_area_is_unreachable():
    plan = LevelPlan(_level("C-1F", 1), box(0, 0, 30, 30))
    # a ring of booths around an empty courtyard 10..20
    for x in range(6, 24, 3):
        for y in (6, 21):
            plan.booths.append(Booth(f"C{x:02d}{y:02d}", "C-1F", "C", "standard", box(x, y, x + 3, y + 3)))
    for y in range(9, 21, 3):
        for x in (6, 21):
            plan.booths.append(Booth(f"C{x:02d}{y:02d}", "C-1F", "C", "standard", box(x, y, x + 3, y + 3)))
    router = Router(venue_of(plan))
    with pytest.raises(Unreachable, match="No walking route"):
        router.route(pt("C-1F", 2.0, 2.0), pt("C-1F", 15.0, 15.0))
    assert router.route(pt("C-1F", 12.0, 12.0), pt("C-1F", 17.0, 17.0)).length_m > 0


def test_booth_destination_ends_beside_its_edge():
    plan, router, ref = _hall("grid")
    for code in ("A0001", "A0006", "A0012", "A0040"):
        dest = booth_place(plan, code)
        r = router.route(pt("G-1F", 1.5, 38.5), dest)
        end = Point(r.legs[-1].coords[-1])
        d = end.distance(dest.polygon.exterior)
        assert 0.5 - 1e-6 <= d <= 0.7, (code, d)
        assert_clear(plan, r.legs[-1].coords)
        # no arrival point on the booth's aisle sides is much closer
        exact = min(ref.shortest((1.5, 38.5), c) for c in _side_points(router, dest.polygon))
        assert _exact("grid").route(pt("G-1F", 1.5, 38.5), dest).length_m <= exact * 1.01 + 1e-6
        assert r.length_m <= exact + slack(exact) + 1e-6


def _side_points(router, poly):
    area = router.walkable_area("G-1F")
    out = []
    x0, y0, x1, y1 = poly.bounds
    for i in range(31):
        t = i / 30
        for p in ((x0 + t * (x1 - x0), y0 - 0.5), (x0 + t * (x1 - x0), y1 + 0.5),
                  (x0 - 0.5, y0 + t * (y1 - y0)), (x1 + 0.5, y0 + t * (y1 - y0))):
            if area.buffer(1e-9).covers(Point(p)):
                out.append(p)
    return out


def test_booth_to_booth_is_symmetric():
    plan, router, _ = _hall("grid")
    a, b = booth_place(plan, "A0003"), booth_place(plan, "A0078")
    ab, ba = router.route(a, b), router.route(b, a)
    assert abs(ab.length_m - ba.length_m) <= 0.01 * ab.length_m
    assert 0.5 - 1e-6 <= Point(ab.legs[0].coords[0]).distance(a.polygon.exterior) <= 0.7


def test_route_dict_shape():
    plan, router, _ = _hall("grid")
    r = router.route(pt("G-1F", 1.5, 2.0), booth_place(plan, "A0020"))
    d = r.to_dict()
    assert set(d) == {"origin", "destination", "length_m", "duration_s", "step_free", "legs", "steps",
                      "landmarks"}
    assert d["landmarks"] == []  # chosen with the words (directions.landmarks)
    assert d["origin"] == "G-1F@1.5,2.0" and d["destination"] == "A0020"
    assert d["length_m"] == round(r.length_m, 1)
    leg = d["legs"][0]
    assert set(leg) == {"level", "coords", "via", "length_m"}
    assert all(isinstance(c, list) and len(c) == 2 and all(type(v) is float for v in c)
               for c in leg["coords"])
    assert all(round(v, 2) == v for c in leg["coords"] for v in c)
    assert d["steps"] == []  # words come from directions(), asked for by the Navigator
    import json

    json.dumps(d)


def test_rebuild_level_after_a_booth_moves():
    plan = grid_hall("G-1F")
    venue = venue_of(plan)
    router = Router(venue)
    s, g = pt("G-1F", 17.5, 2.0), pt("G-1F", 17.5, 38.0)  # straight up the 4 m aisle x 16..19
    assert router.route(s, g).length_m == pytest.approx(36.0)
    plan.booths.append(Booth("A0999", "G-1F", "A", "standard", box(16.5, 12.5, 18.0, 14.0)))
    router.rebuild_level("G-1F")
    r = router.route(s, g)
    assert r.length_m > 36.0 + 1e-6
    assert_clear(plan, r.legs[0].coords)
    assert_near_shortest(r.length_m, Reference(router.walkable_area("G-1F")).shortest(
        (17.5, 2.0), (17.5, 38.0)))


# --------------------------------------------------------------------------- across levels


@pytest.fixture(scope="module")
def campus():
    venue = two_buildings()
    return venue, Router(venue)


def test_route_across_levels_uses_a_connector(campus):
    venue, router = campus
    r = router.route(pt("A-1F", 10.0, 2.0), pt("A-4F", 10.0, 2.5))
    assert [leg.level for leg in r.legs] == ["A-1F", "A-4F"]
    assert r.legs[0].via in {"ES-A", "EL-A", "ST-A"} and r.legs[-1].via is None
    assert r.length_m == pytest.approx(sum(leg.length_m for leg in r.legs))
    conn = next(c for c in venue.connectors if c.id == r.legs[0].via)
    assert r.duration_s == pytest.approx(r.length_m / WALK_SPEED + conn.ride_s + conn.wait_s)
    # the leg ends where the connector is, and the next leg starts there
    end = next(e for e in conn.ends if e.level == "A-1F")
    assert math.dist(r.legs[0].coords[-1], (end.x, end.y)) < 2.0
    for leg in r.legs:
        assert_clear(venue.plans[leg.level], leg.coords)


def test_step_free_never_uses_stairs_or_escalators(campus):
    venue, router = campus
    kinds = {c.id: c for c in venue.connectors}
    for s, g in [(pt("A-1F", 55.0, 20.0), pt("A-4F", 55.0, 21.0)),
                 (pt("A-1F", 2.0, 3.5), pt("A-4F", 3.0, 2.0)),
                 (pt("A-4F", 10.0, 2.0), pt("B-4F", 150.0, 20.0))]:
        free = router.route(s, g, step_free=True)
        assert free.step_free
        vias = [leg.via for leg in free.legs if leg.via]
        assert vias and all(kinds[v].step_free for v in vias)
        assert all(kinds[v].kind in {"elevator", "ramp", "walkway"} for v in vias)
        walk = free.length_m / STEP_FREE_SPEED
        rides = sum(kinds[v].ride_s + kinds[v].wait_s for v in vias)
        assert free.duration_s == pytest.approx(walk + rides)
    # the plain route takes the escalator right beside it
    assert router.route(pt("A-1F", 55.0, 20.0), pt("A-4F", 55.0, 21.0)).legs[0].via == "ES-A"


def test_chain_across_buildings(campus):
    venue, router = campus
    r = router.route(pt("A-4F", 10.0, 2.0), pt("B-4F", 150.0, 20.0))
    assert [leg.level for leg in r.legs] == ["A-4F", "A-1F", "B-1F", "B-4F"]
    assert r.legs[1].via == "WW-AB"
    assert r.legs[-1].via is None
    for leg in r.legs:
        assert_clear(venue.plans[leg.level], leg.coords)
    rides = sum(c.ride_s + c.wait_s for leg in r.legs for c in venue.connectors if c.id == leg.via)
    assert r.duration_s == pytest.approx(r.length_m / WALK_SPEED + rides)
    back = router.route(pt("B-4F", 150.0, 20.0), pt("A-4F", 10.0, 2.0))
    assert back.duration_s == pytest.approx(r.duration_s, rel=0.01)


def test_cross_level_leg_lengths_are_exact(campus):
    venue, router = campus
    r = router.route(pt("A-1F", 30.0, 2.0), pt("A-4F", 45.0, 39.0))
    total = 0.0
    for leg in r.legs:
        exact = Reference(router.walkable_area(leg.level)).shortest(leg.coords[0], leg.coords[-1])
        assert leg.length_m >= exact - 1e-6
        total += exact
    assert_near_shortest(r.length_m, total)


def test_same_level_detour_through_another_level():
    """A wall splits the ground floor; the way round is upstairs."""
    g = LevelPlan(_level("W-1F", 1), box(0, 0, 40, 20), obstacles=[
        Obstacle("W-1F", "wall", box(19, 0, 21, 20))])
    u = LevelPlan(_level("W-2F", 2), box(0, 0, 40, 20))
    conns = [Connector("EL-W", "elevator", True, (ConnectorEnd("W-1F", 5, 10), ConnectorEnd("W-2F", 5, 10)), 20, 10),
             Connector("EL-E", "elevator", True, (ConnectorEnd("W-1F", 35, 10), ConnectorEnd("W-2F", 35, 10)), 20, 10)]
    router = Router(venue_of(g, u, connectors=conns))
    r = router.route(pt("W-1F", 10, 10), pt("W-1F", 30, 10))
    assert [leg.level for leg in r.legs] == ["W-1F", "W-2F", "W-1F"]
    assert [leg.via for leg in r.legs] == ["EL-W", "EL-E", None]
    assert r.length_m == pytest.approx(5 + 30 + 5)
    assert r.duration_s == pytest.approx(40 / WALK_SPEED + 60)


def test_nearest_by_walking_prefers_what_you_reach_first(campus):
    venue, router = campus
    origin = pt("A-1F", 2.0, 20.0)
    near_straight = pt("A-1F", 2.0, 30.0)  # 10 m away in a straight line
    behind_blocks = pt("A-1F", 16.5, 20.0)  # 14.5 m as the crow flies, round the blocks it is longer?
    upstairs = pt("A-4F", 2.0, 20.0)  # right above, but a ride away
    far = pt("B-1F", 130.0, 20.0)
    got = router.nearest_by_walking(origin, [far, upstairs, behind_blocks, near_straight], limit=3)
    assert [p.id for p, _ in got][0] == near_straight.id
    assert got[0][1] == pytest.approx(10.0)
    assert len(got) == 3 and far.id not in [p.id for p, _ in got]
    dists = {p.id: d for p, d in got}
    assert dists[behind_blocks.id] == pytest.approx(router.route(origin, behind_blocks).length_m)
    # step-free: upstairs only by the elevator
    got_sf = router.nearest_by_walking(origin, [upstairs], step_free=True, limit=5)
    assert got_sf[0][1] == pytest.approx(router.route(origin, upstairs, step_free=True).length_m)
    # places nobody can reach are left out
    assert router.nearest_by_walking(origin, [pt("A-1F", 10.0, 7.0)]) == []


def test_route_object_and_steps(campus):
    venue, router = campus
    r = router.route(pt("A-1F", 10.0, 2.0), pt("A-4F", 10.0, 2.5))
    assert isinstance(r, Route)
    en = directions(r, venue, "en")
    assert any("up" in s and "4F" in s for s in en)
    assert directions(r, venue, "zh-Hant") != en


def test_empty_hall_and_same_place():
    plan = LevelPlan(_level("E-1F", 1), box(0, 0, 20, 10))
    router = Router(venue_of(plan))
    r = router.route(pt("E-1F", 1, 1), pt("E-1F", 19, 9))
    assert r.legs[0].coords == [(1, 1), (19, 9)]
    here = router.route(pt("E-1F", 5, 5), pt("E-1F", 5, 5))
    assert here.length_m == 0.0 and here.duration_s == 0.0
    assert "already" in directions(here, router.venue, "en")[-1]


def test_route_from_a_booth_starts_at_its_door():
    """From a booth the route starts at the middle of its longest side in the aisle; to a
    booth it ends at the nearest point in front of it."""
    plan, router, ref = _hall("grid")
    booth, spot = booth_place(plan, "A0030"), pt("G-1F", 58.0, 2.0)
    there, back = router.route(booth, spot), router.route(spot, booth)
    start = there.legs[0].coords[0]
    x0, y0, x1, y1 = booth.polygon.bounds
    doors = [((x0 + x1) / 2, y0 - 0.5), ((x0 + x1) / 2, y1 + 0.5),
             (x0 - 0.5, (y0 + y1) / 2), (x1 + 0.5, (y0 + y1) / 2)]
    assert min(math.dist(start, d) for d in doors) < 1e-3
    assert_near_shortest(there.length_m, ref.shortest(start, (58.0, 2.0)))
    exact_there = _exact("grid").route(booth, spot).length_m
    assert _exact("grid").route(spot, booth).length_m <= exact_there + 1e-6  # the door is on the front
    assert there.legs[0].coords[-1] == pytest.approx((58.0, 2.0))
    assert 0.5 - 1e-6 <= Point(back.legs[0].coords[-1]).distance(booth.polygon) <= 0.7
    assert directions(there, router.venue, "en")[-1].startswith("You have arrived")


def test_touching_booths_share_no_frontage():
    """A0001 and A0002 touch: the one is reached in front of itself only, and a route from
    the one to the other walks from the door of the first."""
    plan, router, _ = _hall("grid")
    a, b = booth_place(plan, "A0001"), booth_place(plan, "A0002")  # x 4..7 and 7..10, y 4..7
    r = router.route(a, b)
    end = r.legs[-1].coords[-1]
    assert end[0] >= 7.0 - 1e-3  # not in front of A0001
    assert r.length_m >= 1.5 - 1e-6
    assert router.route(b, a).length_m >= 1.5 - 1e-6


def test_booth_across_levels(campus):
    venue, router = campus
    a = booth_place(venue.plans["A-4F"], "S0010")
    b = booth_place(venue.plans["B-1F"], "J0042")
    ab, ba = router.route(a, b), router.route(b, a)
    assert [leg.level for leg in ab.legs] == ["A-4F", "A-1F", "B-1F"]
    assert ab.duration_s == pytest.approx(ba.duration_s, rel=0.01)
    assert 0.5 - 1e-6 <= Point(ab.legs[0].coords[0]).distance(a.polygon) <= 0.7
    assert 0.5 - 1e-6 <= Point(ab.legs[-1].coords[-1]).distance(b.polygon) <= 0.7
    for leg in ab.legs + ba.legs:
        assert_clear(venue.plans[leg.level], leg.coords)


# --------------------------------------------------------------------------- work shared between routes


def _chain_places(venue):
    a1 = venue.plans["A-1F"]
    return [pt("A-1F", 2.0, 20.0), booth_place(a1, "Q0012"), pt("A-1F", 50.0, 38.0),
            booth_place(a1, "Q0040"), pt("A-4F", 10.0, 2.0), pt("B-4F", 150.0, 20.0),
            booth_place(a1, "Q0003")]


def _leg_key(r: Route):
    return [(leg.level, leg.coords, leg.via, leg.length_m) for leg in r.legs], r.duration_s, r.steps


def _arrival(route: Route) -> Place:
    end = route.legs[-1]
    return pt(end.level, *end.coords[-1])


def test_route_chain_equals_route_leg_by_leg(campus):
    """Each leg of a chain is route() alone from where the visitor is: the first place, or
    where the leg before reached a booth (a booth's door only starts a walk)."""
    venue, _ = campus
    places = _chain_places(venue)
    for step_free in (False, True):
        warm = Router(venue)
        warm.walking_matrix(places, step_free=step_free)  # leaves anchors, fields, end walks
        chain = warm.route_chain(places, step_free=step_free)
        for k, (a, b, leg) in enumerate(zip(places[:-1], places[1:], chain, strict=True)):
            start = _arrival(chain[k - 1]) if k and a.polygon is not None else a
            alone = Router(venue).route(start, b, step_free=step_free)  # nothing cached
            assert _leg_key(leg) == _leg_key(alone)
            assert (leg.origin, leg.destination, leg.step_free) == (a, b, step_free)
        for a, b in zip(chain[:-1], chain[1:], strict=False):
            assert b.legs[0].coords[0] == a.legs[-1].coords[-1]
    assert Router(venue).route_chain(places[:1]) == []
    with pytest.raises(Unreachable):  # a place off the aisles, after legs that are fine
        Router(venue).route_chain(places[:3] + [pt("A-1F", 10.0, 7.0)])


def test_walking_matrix_does_not_depend_on_what_is_cached(campus):
    venue, _ = campus
    places = _chain_places(venue)
    cold = Router(venue).walking_matrix(places)
    warm = Router(venue)
    for a, b in zip(places[:-1], places[1:], strict=False):
        warm.route(a, b)
    warm.nearest_by_walking(places[0], places[1:])
    again = warm.walking_matrix(places)
    assert np.array_equal(again[0], cold[0]) and np.array_equal(again[1], cold[1])


def test_fields_at_once_equal_fields_one_by_one(campus):
    venue, router = campus
    lv = router._levels["A-1F"].graph
    spots = [router._spot(p) for p in _chain_places(venue) if p.level == "A-1F"]
    sources = [lv.anchors_many(s.samples, s.sample_segs) for s in spots] + [[]]
    for limit in (math.inf, 30.0):
        for f, srcs in zip(lv.fields(sources, limit), sources, strict=True):
            g = lv.field(srcs, limit)
            assert f.sources is srcs
            assert np.array_equal(f.dist, g.dist) and np.array_equal(f.pred, g.pred)
            assert np.array_equal(f.src, g.src)


def test_best_lazy_many_takes_the_cheapest_clear_last_hop(campus):
    venue, router = campus
    level = router._levels["A-1F"]
    lv = level.graph
    spots = [router._spot(p) for p in _chain_places(venue) if p.level == "A-1F"]
    jobs = [(level.field(a), b) for a in spots for b in spots if a is not b]
    for batch in (1, 3, 48):  # small batches: several rounds in lock step
        got = best_lazy_many(lv, jobs, batch=batch)
        for (fld, spot), hit in zip(jobs, got, strict=True):
            F, P, fidx, code, cost, idx = lazy_candidates(lv, fld, spot)
            first = next(i for i in idx.tolist() if lv.visible(tuple(F[fidx[i]]), tuple(P[i])))
            assert hit[0] == cost[first] and hit[1] == tuple(P[first].tolist())
            assert (hit[2] if hit[2] >= 0 else -1 - hit[3]) == code[first]


def test_best_many_in_bulk_equals_one_job_at_a_time(campus):
    venue, router = campus
    level = router._levels["A-1F"]
    lv = level.graph
    spots = [router._spot(p) for p in _chain_places(venue) if p.level == "A-1F"]
    ends = [e.anchor for e in level.ends]
    jobs = [(level.field(a), level.anchors_of(b)) for a in spots for b in spots]
    jobs += [(level.field(a), [an]) for a in spots for an in ends] + [(level.field(spots[0]), [])]
    assert best_many(lv, jobs) == [best_many(lv, [job])[0] for job in jobs]


def test_lazy_router_builds_levels_when_needed(campus):
    venue, eager = campus
    lazy = Router(venue, lazy=True)
    assert dict.__len__(lazy._levels) == 0
    a, b = pt("A-1F", 10.0, 2.0), pt("A-1F", 50.0, 38.0)
    assert lazy.route(a, b).to_dict() == eager.route(a, b).to_dict()
    far = (pt("A-4F", 10.0, 2.0), pt("B-4F", 150.0, 20.0))
    assert lazy.route(*far).to_dict() == eager.route(*far).to_dict()
    assert set(dict.keys(lazy._levels)) <= set(venue.plans)


def test_walking_matrix_agrees_with_routes(campus):
    """The matrix times the exact shortest walks (the routes then walked may take up to
    their slack more, for fewer turns)."""
    venue, fewer = campus
    router = Router(venue, fewer_turns=False)
    places = [pt("A-1F", 2.0, 20.0), pt("A-1F", 50.0, 38.0), pt("A-4F", 10.0, 2.0),
              pt("B-4F", 150.0, 20.0), booth_place(venue.plans["A-1F"], "Q0012"),
              pt("A-1F", 10.0, 7.0)]  # the last one lies deep in a booth block: unreachable
    for step_free in (False, True):
        sec, met = router.walking_matrix(places, step_free=step_free)
        assert sec.shape == met.shape == (6, 6)
        assert all(sec[k, k] == 0.0 for k in range(6))
        for i in range(5):
            assert math.isinf(sec[i, 5]) and math.isinf(sec[5, i])
            for j in range(5):
                if i == j:
                    continue
                r = router.route(places[i], places[j], step_free=step_free)
                if 4 in (i, j):  # a booth: reached at samples of its sides, never shorter
                    assert r.duration_s - 1e-6 <= sec[i, j] <= r.duration_s * 1.05
                else:
                    assert sec[i, j] == pytest.approx(r.duration_s, rel=1e-6)
                    assert met[i, j] == pytest.approx(r.length_m, rel=1e-6)
                walked = fewer.route(places[i], places[j], step_free=step_free)
                assert_near_shortest(walked.length_m, r.length_m)


def _graph_edges(router: Router, lid: str) -> set:
    lv = router._levels[lid].graph
    iu, ju = lv.pairs
    return {tuple(sorted((tuple(a), tuple(b)))) for a, b in zip(lv.V[iu].tolist(), lv.V[ju].tolist(),
                                                                  strict=True)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(k=st.integers(0, 87), dx=st.floats(-4, 4), dy=st.floats(-4, 4), drop=st.booleans(),
       add=st.booleans())
def test_rebuild_after_an_edit_equals_a_fresh_build(k, dx, dy, drop, add):
    from dataclasses import replace

    import shapely.affinity

    plan = grid_hall("G-1F")
    router = Router(venue_of(plan))
    k %= len(plan.booths)
    if drop:
        del plan.booths[k]
    else:
        b = plan.booths[k]
        plan.booths[k] = replace(b, polygon=shapely.affinity.translate(b.polygon, dx, dy))
    if add:
        plan.obstacles.append(Obstacle("G-1F", "column", box(17.0 + dx, 20.0 + dy, 18.0 + dx, 21.0 + dy)))
    import exponav.core.routing.reuse as reuse

    before = router._levels["G-1F"]
    was = reuse._INCREMENTAL_MAX
    reuse._INCREMENTAL_MAX = 2.0  # always reuse the previous build, to test that path
    try:
        router.rebuild_level("G-1F")
    finally:
        reuse._INCREMENTAL_MAX = was
    after = router._levels["G-1F"]
    assert after.graph.incremental or after is before  # nothing changed: the level is kept
    fresh = Router(venue_of(plan))
    assert _graph_edges(router, "G-1F") == _graph_edges(fresh, "G-1F")
    s, g = pt("G-1F", 1.5, 1.5), pt("G-1F", 58.5, 38.5)
    assert router.route(s, g).to_dict() == fresh.route(s, g).to_dict()


def test_long_walk_round_a_wall_loses_to_a_lift_detour():
    """A wall with a gap at its far end: walking round is possible but slower than upstairs."""
    g = LevelPlan(_level("W-1F", 1), box(0, 0, 40, 200), obstacles=[
        Obstacle("W-1F", "wall", box(19, 0, 21, 195))])
    u = LevelPlan(_level("W-2F", 2), box(0, 0, 40, 200))
    conns = [Connector("EL-W", "elevator", True, (ConnectorEnd("W-1F", 5, 10), ConnectorEnd("W-2F", 5, 10)), 20, 10),
             Connector("EL-E", "elevator", True, (ConnectorEnd("W-1F", 35, 10), ConnectorEnd("W-2F", 35, 10)), 20, 10)]
    router = Router(venue_of(g, u, connectors=conns))
    r = router.route(pt("W-1F", 10, 10), pt("W-1F", 30, 10))
    assert [leg.via for leg in r.legs] == ["EL-W", "EL-E", None]
    assert r.duration_s == pytest.approx(40 / WALK_SPEED + 60)
    # near the gap, walking round is quicker
    r = router.route(pt("W-1F", 10, 190), pt("W-1F", 30, 190))
    assert [leg.via for leg in r.legs] == [None]
    assert r.length_m == pytest.approx(Reference(router.walkable_area("W-1F")).shortest((10, 190), (30, 190)))
