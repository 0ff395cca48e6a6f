"""How routes walk zones: through, round an avoided one unless through saves a lot, never a
closed one; the ``walk`` of a zone read from the floor plans."""

from __future__ import annotations

import json
import math
import random

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from exponav.core.errors import DataError
from exponav.core.io.floorplan import load_venue
from exponav.core.model import Booth, Level, LevelPlan, Place, Venue, Zone
from exponav.core.routing.route import Unreachable
from exponav.core.routing.router import Router
from exponav.core.routing.zones import AVOID_WEIGHT, SoftZones


def _hall(height: float, zone_box, walk: str, booths=()) -> Router:
    lv = Level("Z-1F", "Hall Z 1F", "Z館 1F", "Hall Z", 1, "Z-1F.geojson")
    plan = LevelPlan(lv, box(0, 0, 60, height))
    plan.zones.append(Zone("ZONE-X", "Z-1F", "Stage area", "舞台區", box(*zone_box), "forum", walk))
    plan.booths.extend(booths)
    return Router(Venue("z", "Z", "Z", {lv.id: lv}, [], {lv.id: plan}))


def _pt(x, y):
    return Place(f"Z-1F@{x},{y}", "point", "Z-1F", x, y)


def _inside(route, poly) -> float:
    return LineString(route.legs[0].coords).intersection(poly.buffer(-1e-3)).length


def test_cost_weighs_the_part_inside():
    zones = SoftZones([Zone("A", "L", "", "", box(0, 0, 10, 10), walk="avoid")])
    a = np.array([[-5.0, 5.0], [-5.0, 5.0], [2.0, 2.0], [-5.0, -1.0], [-5.0, 0.0]])
    b = np.array([[15.0, 5.0], [5.0, 5.0], [8.0, 8.0], [15.0, -1.0], [15.0, 0.0]])
    inside = zones.inside(a, b)
    assert inside == pytest.approx([10.0, 5.0, math.dist((2, 2), (8, 8)), 0.0, 0.0], abs=1e-5)
    assert zones.cost(a, b) == pytest.approx(np.hypot(*(b - a).T) + (AVOID_WEIGHT - 1) * inside)
    # a concave zone is cut into convex pieces: an L, crossed through both arms
    ell = shapely.Polygon([(0, 0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10)])
    zl = SoftZones([Zone("L", "L", "", "", ell, walk="avoid")])
    seg = (np.array([[-1.0, 2.0], [2.0, -1.0], [-1.0, 7.0]]), np.array([[11.0, 2.0], [2.0, 11.0], [11.0, 7.0]]))
    assert zl.inside(*seg) == pytest.approx([10.0, 10.0, 4.0], abs=1e-5)


def test_an_avoided_zone_is_walked_round():
    """Through the 20 m zone costs 20 + 2 x 20 more; round its corners is 48 m."""
    router = _hall(30, (20, 5, 40, 25), "avoid")
    r = router.route(_pt(10, 15), _pt(50, 15))
    assert r.length_m == pytest.approx(2 * math.dist((10, 15), (20, 5)) + 20, rel=1e-6)
    assert _inside(r, box(20, 5, 40, 25)) == pytest.approx(0.0, abs=1e-6)
    assert r.duration_s == pytest.approx(r.length_m / 1.2)  # timed by its metres
    plain = _hall(30, (20, 5, 40, 25), "through").route(_pt(10, 15), _pt(50, 15))
    assert plain.length_m == pytest.approx(40.0)


def test_an_avoided_zone_is_crossed_when_round_is_much_longer():
    """Round the end of a zone 90 m long is some 170 m; through it 40 m (costing 80)."""
    router = _hall(100, (20, 0, 40, 90), "avoid")
    r = router.route(_pt(10, 15), _pt(50, 15))
    assert r.length_m == pytest.approx(40.0)
    # where round is cheaper than 40 m plus twice the 20 m inside, it goes round
    near = router.route(_pt(10, 80), _pt(50, 80))
    assert _inside(near, box(20, 0, 40, 90)) == pytest.approx(0.0, abs=1e-6)
    assert near.length_m < 40 + (AVOID_WEIGHT - 1) * 20


def test_a_place_in_an_avoided_zone_is_reached_by_the_cheapest_way_in():
    router = _hall(30, (20, 5, 40, 25), "avoid")
    r = router.route(_pt(10, 15), _pt(30, 22))  # 3 m inside the north edge
    inside = _inside(r, box(20, 5, 40, 25))
    assert 3.0 - 1e-3 <= inside <= 4.0  # in from the north, not across from the west
    assert r.legs[0].coords[-1] == pytest.approx((30, 22))


def test_routes_never_enter_a_closed_zone():
    inner = Booth("Z0001", "Z-1F", "Z", "standard", box(28, 13, 31, 16))
    router = _hall(30, (20, 5, 40, 25), "closed", [inner])
    r = router.route(_pt(10, 15), _pt(50, 15))
    assert LineString(r.legs[0].coords).distance(box(20, 5, 40, 25)) >= 0.5 - 1e-6
    with pytest.raises(Unreachable):
        router.route(_pt(10, 15), _pt(30, 20))
    c = inner.polygon.centroid
    with pytest.raises(Unreachable):
        router.route(_pt(10, 15), Place("Z0001", "booth", "Z-1F", c.x, c.y, polygon=inner.polygon))


def test_random_routes_respect_an_avoided_zone():
    """Never dearer than straight, nor than round the zone's corners, and measured in
    metres (the graph weighs, the route measures)."""
    router = _hall(30, (20, 5, 40, 25), "avoid")
    corners = [(20, 5), (40, 5), (40, 25), (20, 25)]
    rng = random.Random(3)
    lv = router._levels["Z-1F"].graph

    def cost(path):
        p = np.asarray(path, float)
        return float(lv.cost(p[:-1], p[1:]).sum())

    for _ in range(80):
        a = (rng.uniform(1, 59), rng.uniform(1, 29))
        b = (rng.uniform(1, 59), rng.uniform(1, 29))
        r = router.route(_pt(*a), _pt(*b))
        assert r.length_m == pytest.approx(LineString(r.legs[0].coords).length)
        got = cost(r.legs[0].coords)
        ways = [[a, b]] + [[a, c, b] for c in corners] + \
            [[a, corners[k], corners[(k + s) % 4], b] for k in range(4) for s in (1, 3)]
        assert got <= min(cost(w) for w in ways) + 1e-6


# -- the data --------------------------------------------------------------------------------

def test_scse_stages_and_matchmaking_are_avoided():
    from exponav.core.paths import venue_dir

    venue = load_venue(venue_dir())
    walks = {z.id: z.walk for p in venue.plans.values() for z in p.zones}
    assert walks["ZONE-MATCHMAKING"] == "avoid"
    assert all(walks[z] == "avoid" for z in walks if z.startswith("ZONE-FORUM"))
    assert walks["ZONE-TAIPEI"] == walks["ZONE-INTL-JP"] == "through"


def test_scse_routes_walk_round_the_matchmaking_tables_and_the_main_stage(nav):
    """120 routes between places on Hall 2 4F outside those areas: none cuts through them."""
    plan = nav.venue.plans["H2-4F"]
    avoid = {z.id: z.polygon.buffer(-0.01) for z in plan.zones if z.walk == "avoid"}
    ids = [b.code for b in plan.booths] + [k.id for k in plan.kiosks] + \
        [a.id for a in plan.amenities if a.category not in ("meeting", "stage")]
    rng = random.Random(4)
    crossed = []
    for _ in range(120):
        a, b = nav.place(rng.choice(ids)), nav.place(rng.choice(ids))
        r = nav.router.route(a, b)
        coords = r.legs[0].coords
        for zid, poly in avoid.items():
            if any(poly.contains(Point(p.x, p.y)) for p in (a, b)):
                continue
            if LineString(coords).intersection(poly).length > 0.5:
                crossed.append((a.id, b.id, zid))
    assert crossed == []
    # a matchmaking table is still reached
    table = nav.route("K-H2-4F-3", "MM-A05")
    assert table.length_m > 0


def test_a_zone_walk_must_be_known(tmp_path):
    from exponav.core.paths import venue_dir

    src = venue_dir()
    for f in src.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    doc = json.loads((tmp_path / "H2-4F.geojson").read_text(encoding="utf-8"))
    zone = next(f for f in doc["features"] if f["properties"].get("id") == "ZONE-MATCHMAKING")
    zone["properties"]["walk"] = "sometimes"
    (tmp_path / "H2-4F.geojson").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="ZONE-MATCHMAKING.*'sometimes'.*through, avoid, closed"):
        load_venue(tmp_path)
    del zone["properties"]["walk"]  # absent: walked through
    (tmp_path / "H2-4F.geojson").write_text(json.dumps(doc), encoding="utf-8")
    walks = {z.id: z.walk for z in load_venue(tmp_path).plans["H2-4F"].zones}
    assert walks["ZONE-MATCHMAKING"] == "through"
