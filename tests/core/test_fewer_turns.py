"""Fewer turns for a few metres: the walk chosen among near-shortest ones, and its bound."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import shapely

import exponav.core.routing.router as router_module
from exponav.core.routing.fewer_turns import fewer_turns, slack
from exponav.core.routing.router import Router
from exponav.core.routing.turns import count_turns, stretches
from tests.core.test_routing import Reference, assert_clear, grid_hall, pt, venue_of


@pytest.fixture(scope="module")
def grid():
    plan = grid_hall("G-1F")
    venue = venue_of(plan)
    exact = Router(venue, fewer_turns=False)
    return plan, exact, Router(venue), Reference(exact.walkable_area("G-1F"))


def _pairs(area, n, seed):
    rng = random.Random(seed)
    x0, y0, x1, y1 = area.bounds
    out = []
    while len(out) < n:
        s = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        g = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        if shapely.contains_xy(area, *s) and shapely.contains_xy(area, *g):
            out.append((s, g))
    return out


def test_slack_is_5_m_or_1_percent():
    assert slack(0.0) == slack(120.0) == slack(500.0) == 5.0
    assert slack(800.0) == pytest.approx(8.0)


def test_grid_routes_take_fewer_turns_within_the_slack(grid):
    """Across the grid of blocks the shortest walk zig-zags from corner to corner; the walk
    chosen has no more turns, never more than 5 m more, and fewer turns in many cases."""
    plan, exact, fewer, ref = grid
    simpler = 0
    for s, g in _pairs(exact.walkable_area("G-1F"), 120, 1):
        a, b = exact.route(pt("G-1F", *s), pt("G-1F", *g)), fewer.route(pt("G-1F", *s), pt("G-1F", *g))
        shortest = ref.shortest(s, g)
        assert a.length_m == pytest.approx(shortest, rel=1e-9, abs=1e-6)
        assert shortest - 1e-6 <= b.length_m <= shortest + slack(shortest) + 1e-6
        assert b.legs[0].coords[0] == pytest.approx(s) and b.legs[0].coords[-1] == pytest.approx(g)
        assert_clear(plan, b.legs[0].coords)
        ta, tb = count_turns(a.legs[0].coords), count_turns(b.legs[0].coords)
        assert tb <= ta
        assert b.duration_s == pytest.approx(b.length_m / 1.2)
        simpler += tb < ta
    assert simpler >= 20


@pytest.mark.parametrize("allowed", [0.5, 2.0, 3.5])
def test_never_more_than_the_slack(grid, monkeypatch, allowed):
    """Whatever the slack, the walk is never longer than the shortest by more than it."""
    plan, exact, _, _ = grid
    monkeypatch.setattr(router_module, "slack", lambda length: allowed)
    fewer = Router(exact.venue)
    for s, g in _pairs(exact.walkable_area("G-1F"), 60, 2):
        a, b = exact.route(pt("G-1F", *s), pt("G-1F", *g)), fewer.route(pt("G-1F", *s), pt("G-1F", *g))
        assert a.length_m - 1e-6 <= b.length_m <= a.length_m + allowed + 1e-6
        assert count_turns(b.legs[0].coords) <= count_turns(a.legs[0].coords)


def test_the_detour_is_taken_only_when_it_fits(grid, monkeypatch):
    """(3.4, 34.8) to (34.2, 8.0): three turns by the shortest walk, one by walks 3-5 m
    longer. Each time the slack is cut to just under the detour taken, a shorter detour
    (or more turns) comes back, until none with one turn fits."""
    plan, exact, _, _ = grid
    s, g = pt("G-1F", 3.4, 34.8), pt("G-1F", 34.2, 8.0)
    shortest = exact.route(s, g)
    assert count_turns(shortest.legs[0].coords) == 3
    plain = Router(exact.venue).route(s, g)
    assert count_turns(plain.legs[0].coords) == 1
    detour = plain.length_m - shortest.length_m
    assert 3.0 < detour < 5.0
    seen = [detour]
    for _ in range(10):
        allowed = seen[-1] - 0.01
        monkeypatch.setattr(router_module, "slack", lambda length, a=allowed: a)
        tight = Router(exact.venue).route(s, g)
        took = tight.length_m - shortest.length_m
        assert -1e-6 <= took <= allowed + 1e-6
        if count_turns(tight.legs[0].coords) > 1:
            break
        seen.append(took)
    else:
        pytest.fail("a one-turn walk fitted every slack")


def test_fewer_turns_keeps_the_ends_and_the_area(grid):
    plan, exact, _, _ = grid
    lv = exact._levels["G-1F"].graph
    r = exact.route(pt("G-1F", 36.3, 32.7), pt("G-1F", 1.2, 0.7))
    coords = r.legs[0].coords
    assert fewer_turns(lv, coords, 0.0) == list(coords)  # no slack: the shortest walk
    got = fewer_turns(lv, coords, 5.0)
    assert got[0] == pytest.approx(coords[0]) and got[-1] == pytest.approx(coords[-1])
    assert all(lv.visible(a, b) for a, b in zip(got[:-1], got[1:], strict=False))
    length = sum(math.dist(a, b) for a, b in zip(got[:-1], got[1:], strict=False))
    assert r.length_m - 1e-6 <= length <= r.length_m + 5.0 + 1e-6
    assert count_turns(got) < count_turns(coords)


def test_stretches_merge_steps_under_5_m():
    # an offset of 3 m across an aisle is no turn; a corner cut by a 4 m diagonal is one turn
    offset = [(0, 0), (20, 0), (20, 3), (40, 3)]
    assert count_turns(offset) == 0
    cut = [(0, 0), (20, 0), (23, 2.5), (23, 20)]
    [(a, b, m1), (c, d, m2)] = stretches(cut)
    assert m1 + m2 == pytest.approx(20 + math.dist((20, 0), (23, 2.5)) + 17.5)
    # a short first or last step heads for the next corner
    assert len(stretches([(0, 0), (0, 3), (30, 3), (30, 40)])) == 2
    assert len(stretches([(0, 0), (30, 0), (30, 30), (33, 30)])) == 2
    # steps of 5 m and more stay
    assert count_turns([(0, 0), (20, 0), (20, 5.5), (40, 5.5)]) == 2


def test_scse_sample_has_fewer_turns(nav):
    """40 fixed routes on Hall 2: no more turns than the shortest walks, fewer in all."""
    exact = Router(nav.venue, fewer_turns=False)
    rng = random.Random(15)
    ids = {lv: [b.code for b in nav.venue.plans[lv].booths] for lv in ("H2-1F", "H2-4F")}
    before = after = 0
    for _ in range(40):
        lv = rng.choice(list(ids))
        a, b = nav.place(rng.choice(ids[lv])), nav.place(rng.choice(ids[lv]))
        x, y = exact.route(a, b), nav.router.route(a, b)
        tx, ty = count_turns(x.legs[0].coords), count_turns(y.legs[0].coords)
        assert ty <= tx
        assert x.length_m - 1e-6 <= y.length_m <= x.length_m + slack(x.length_m) + 1e-6
        before, after = before + tx, after + ty
    assert after < before
    assert np.isfinite(after)


def test_the_bench_row_counts_turns_per_100_m(nav):
    from exponav.diagnostics.bench import turns_row

    ids = {lv: [b.code for b in nav.venue.plans[lv].booths][:60] for lv in ("H2-1F", "H2-4F")}
    fewer = turns_row(nav, nav.router, ids, n=30)
    shortest = turns_row(nav, Router(nav.venue, fewer_turns=False), ids, n=30)
    assert fewer["name"] == "turns per 100 m (med, p90)" and fewer["n"] == 30
    assert 0 < fewer["median"] <= fewer["p90"] and fewer["budget_ms"] is None
    assert (fewer["p50_ms"], fewer["p95_ms"]) == (fewer["median"], fewer["p90"])
    assert fewer["median"] <= shortest["median"] and fewer["p90"] <= shortest["p90"]
