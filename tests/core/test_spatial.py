"""Spatial queries against brute force over the real SCSE layout."""

from __future__ import annotations

import math

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

LEVELS = ["H2-1F", "H2-4F", "H1-1F", "H1-4F"]
fast = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _point(nav, level, fx, fy):
    x0, y0, x1, y1 = nav.venue.plans[level].footprint.bounds
    return x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)


unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@fast
@given(level=st.sampled_from(LEVELS), fx=unit, fy=unit)
def test_hit_test_equals_brute_force(nav, level, fx, fy):
    x, y = _point(nav, level, fx, fy)
    p = Point(x, y)
    expected = {b.code for b in nav.venue.plans[level].booths if b.polygon.intersects(p)}
    hit = nav.booth_at(level, x, y)
    if expected:
        assert hit is not None and hit.code in expected
    else:
        assert hit is None


def test_hit_test_inside_every_booth_of_a_level(nav):
    for booth in nav.venue.plans["H2-4F"].booths:
        p = booth.polygon.representative_point()
        assert nav.booth_at("H2-4F", p.x, p.y).code == booth.code


@fast
@given(level=st.sampled_from(LEVELS), fx=unit, fy=unit,
       kind=st.sampled_from(["amenity", "amenity:toilet", "amenity:toilet.accessible",
                             "kiosk", "booth"]),
       limit=st.integers(1, 6))
def test_nearest_equals_brute_force(nav, level, fx, fy, kind, limit):
    x, y = _point(nav, level, fx, fy)
    p = Point(x, y)
    plan = nav.venue.plans[level]
    if kind == "booth":
        dists = sorted(b.polygon.distance(p) for b in plan.booths)
    elif kind == "kiosk":
        dists = sorted(k.point.distance(p) for k in plan.kiosks)
    else:
        wanted = kind.partition(":")[2]
        dists = sorted(a.point.distance(p) for a in plan.amenities
                       if not wanted or a.category == wanted
                       or a.category.startswith(wanted + "."))
    got = nav.nearest(level, x, y, kind=kind, limit=limit)
    assert [round(g.distance_m, 6) for g in got] == [round(d, 6) for d in dists[:limit]]
    assert all(g.level == level for g in got)


@fast
@given(level=st.sampled_from(LEVELS), fx=unit, fy=unit, radius=st.floats(0, 40))
def test_within_equals_brute_force(nav, level, fx, fy, radius):
    x, y = _point(nav, level, fx, fy)
    p = Point(x, y)
    expected = sorted(b.code for b in nav.venue.plans[level].booths
                      if b.polygon.distance(p) <= radius)
    got = nav.within(level, x, y, radius, kind="booth")
    assert sorted(g.id for g in got) == expected
    assert [g.distance_m for g in got] == sorted(g.distance_m for g in got)


@fast
@given(level=st.sampled_from(LEVELS), fx=unit, fy=unit, w=st.floats(1, 40), h=st.floats(1, 40))
def test_booths_in_region_equals_brute_force(nav, level, fx, fy, w, h):
    x, y = _point(nav, level, fx, fy)
    region = box(x, y, x + w, y + h)
    expected = {b.code for b in nav.venue.plans[level].booths
                if shapely.intersection(b.polygon, region).area > 1e-9}
    got = {b.code for b in nav.spatial[level].booths_in(region)}
    assert got == expected


def test_neighbours_are_adjacent(nav):
    info = nav.booth("S1024")
    neighbours = nav.neighbours("S1024")
    assert neighbours, "a booth in a row has neighbours"
    for n in neighbours:
        assert n.code != "S1024"
        assert n.booth.polygon.distance(info.booth.polygon) <= 0.5 + 1e-9


def test_unknown_kind_and_level_are_user_errors(nav):
    from exponav.core.errors import NotFound

    with pytest.raises(NotFound):
        nav.nearest("H9-9F", 0, 0)
    with pytest.raises(NotFound):
        nav.nearest("H2-1F", 0, 0, kind="unicorn")


def test_distances_are_metres(nav):
    a = nav.nearest("H2-1F", 0.0, 0.0, kind="amenity", limit=1)[0]
    amenity = nav.amenity(a.id)
    assert math.isclose(a.distance_m, math.hypot(amenity.point.x, amenity.point.y))
