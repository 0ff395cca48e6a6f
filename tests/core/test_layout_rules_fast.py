"""The quick forms of the venue rules' geometry find exactly what the plain shapely
forms find: the frontage of every booth (walkable pieces within reach) and the deepest
point of a deep booth, on the shipped plan and on plans edited into many violations."""

from __future__ import annotations

import random

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from exponav.core.layout import (
    AddBooth,
    ChangeError,
    Layout,
    MoveBooth,
    RemoveBooth,
    ResizeBooth,
    RotateBooth,
    SplitBooth,
)
from exponav.core.layout.checks import Checker
from exponav.core.layout.level_rules import _MANY, FRONT_REACH_M, LevelRules, _fronts


def _plain_fronts(pieces, polys):
    fronts: dict[int, list[int]] = {}
    for p, piece in enumerate(pieces):
        for k in np.flatnonzero(shapely.dwithin(piece, polys, FRONT_REACH_M)):
            fronts.setdefault(int(k), []).append(p)
    return fronts


def _plain_farthest(poly, front):
    """The deepest point as first written: GEOS distances to the frontage points."""
    ring = poly.exterior
    x0, y0, x1, y1 = poly.bounds
    gx, gy = np.meshgrid(np.arange(x0, x1 + 1.0, 1.0), np.arange(y0, y1 + 1.0, 1.0))
    grid = shapely.points(np.c_[gx.ravel(), gy.ravel()])
    inner = np.concatenate([grid[shapely.covers(poly, grid)],
                            shapely.points(np.asarray(ring.coords))])
    d = shapely.distance(inner, shapely.multipoints(front))
    k = int(np.argmax(d))
    return float(d[k]), (float(inner[k].x), float(inner[k].y))


def _edited(seed: int, steps: int) -> Layout:
    layout = Layout.load()
    rng = random.Random(seed)
    for step in range(steps):
        b = rng.choice(layout.booths())
        x0, y0 = b.polygon.bounds[:2]
        change = rng.choice([
            MoveBooth(b.code, rng.choice([-12.0, -2.5, 2.5, 30.0]), rng.choice([-8.0, 0.0, 8.0])),
            SplitBooth(b.code), RemoveBooth(b.code), RotateBooth(b.code, 45.0),
            ResizeBooth(b.code, rng.choice([12.0, 20.0]), rng.choice([9.0, 18.0]), "sw"),
            AddBooth(f"{b.code[0]}9{step:03d}", box(x0 + 1, y0 + 1, x0 + 19, y0 + 19), b.level)])
        try:
            layout.apply(change)
        except ChangeError:
            continue
    return layout


@pytest.mark.parametrize("seed, steps", [(0, 0), (5, 60), (9, 60)])
def test_frontage_and_depth_equal_the_plain_shapely_forms(seed, steps):
    layout = _edited(seed, steps)
    checker = Checker(layout.venue, layout.rules)
    deep = 0
    for L in checker.levels.values():
        assert len(L.polys) >= _MANY  # the quick form is the one used
        assert dict(_fronts(L.walk.pieces, L.polys)) == _plain_fronts(L.walk.pieces, L.polys)
        x0, y0, x1, y1 = shapely.bounds(L.polys).T
        for k in np.flatnonzero(np.hypot(x1 - x0, y1 - y0) > layout.rules.max_depth_m):
            poly = L.polys[k]
            ring = poly.exterior
            edge = shapely.line_interpolate_point(
                ring, np.linspace(0.0, ring.length, max(4, int(np.ceil(ring.length / 0.5)))))
            front = edge[shapely.dwithin(L.walk.area, edge, FRONT_REACH_M + 1e-6)]
            if len(front):
                assert LevelRules._farthest(poly, front) == _plain_farthest(poly, front)
                deep += 1
    assert deep >= 10
    if steps:
        rules = {v.rule for v in checker.violations}
        assert {"booth.no_frontage", "booth.overlap", "aisle.narrow"} <= rules


def test_booths_replaced_in_place_are_indexed_as_a_fresh_check_indexes_them():
    """After an edit that replaces booths in place (same count), the checker looks only
    at those again: its outlines, tree and code index, and its violations, are a fresh
    check's, also when a booth's code changed in place (the code's duplicate is found)."""
    from dataclasses import replace

    import shapely.affinity

    from exponav.core.io.floorplan import load_venue
    from exponav.core.layout.checks import BoothChange
    from exponav.core.layout.rules import Rules
    from exponav.core.paths import venue_dir

    venue = load_venue(venue_dir())
    checker = Checker(venue, Rules())
    plan = venue.plans["H2-1F"]
    a, b = plan.booths[3], plan.booths[40]
    plan.booths[3] = replace(a, polygon=shapely.affinity.translate(a.polygon, 0.5, 0.0))
    plan.booths[40] = replace(b, code=a.code)  # now two booths share a code
    checker.update([BoothChange(a, plan.booths[3]), BoothChange(b, plan.booths[40])])
    fresh = Checker(venue, Rules())
    got, want = checker.levels["H2-1F"], fresh.levels["H2-1F"]
    assert got.booths == want.booths and list(got.polys) == list(want.polys)
    assert got.index == want.index and got.index[a.code] == [3, 40] and b.code not in got.index
    assert sorted(got.tree.query(box(0, 0, 1e4, 1e4)).tolist()) == list(range(len(got.booths)))
    assert checker.violations == fresh.violations
    assert any(v.rule == "code.duplicate" and v.codes == (a.code,) for v in checker.violations)
