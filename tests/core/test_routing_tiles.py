"""Tiled levels (core/routing/tiles.py): walks through portals stay within 1 % of the
exact shortest, never shorter, always clear; a rebuild equals a fresh build; the SCSE
levels keep their full graphs.

The exact lengths come from the full visibility graph of the same level (and, on the
small halls, from the independent reference of test_routing.py).
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
import shapely.affinity
from shapely.geometry import box

import exponav.core.routing.reuse as reuse
from exponav.core.io.floorplan import load_venue
from exponav.core.model import Obstacle
from exponav.core.routing import tiles
from exponav.core.routing.router import Router
from exponav.diagnostics.scale import Scale, write_sources
from tests.core.test_routing import (
    Reference,
    _graph_edges,
    _walkable_point,
    assert_clear,
    booth_place,
    grid_hall,
    l_hall,
    odd_hall,
    pt,
    u_hall,
    venue_of,
)

HALL = Scale("tiles", buildings=1, floors=1, bays=6, blocks=16, exhibitors=40)


@pytest.fixture
def tiled(monkeypatch):
    """Every level tiled, whatever its size, with tiles of ``size`` metres."""
    def use(size: float = tiles.TILE_M) -> None:
        monkeypatch.setattr(tiles, "TILED_MIN_CORNERS", 0)
        monkeypatch.setattr(tiles, "TILE_M", size)
    return use


def _full(venue) -> Router:
    """The router with the full visibility graph on every level (exact)."""
    was = tiles.TILED_MIN_CORNERS
    tiles.TILED_MIN_CORNERS = 10 ** 9
    try:
        return Router(venue, fewer_turns=False)
    finally:
        tiles.TILED_MIN_CORNERS = was


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated hall of about 900 booths (aisles, cross aisles, cores, columns)."""
    info = write_sources(HALL, tmp_path_factory.mktemp("tiles"))
    return load_venue(info["venue_dir"])


def _within_one_percent(length: float, exact: float) -> None:
    assert length >= exact - 1e-6  # a real walk: never shorter than the shortest
    assert length <= exact * 1.01 + 1e-6


def test_the_scse_levels_keep_their_full_graphs(nav):
    for lid in nav.venue.plans:
        g = nav.router._level(lid).graph
        assert g.tiling is None and not g.portal.any()


def test_a_generated_hall_within_one_percent_of_the_full_graph(generated, tiled):
    full = _full(generated)
    tiled()
    router = Router(generated, fewer_turns=False)
    lid = next(iter(generated.plans))
    plan = generated.plans[lid]
    g = router._level(lid).graph
    assert g.tiling is not None and g.tiling.nx * g.tiling.ny > 4 and g.portal.sum() > 50
    rng = random.Random(3)
    for _ in range(60):
        a, b = (booth_place(plan, bt.code) for bt in rng.sample(plan.booths, 2))
        r, exact = router.route(a, b), full.route(a, b)
        _within_one_percent(r.length_m, exact.length_m)
        assert_clear(plan, r.legs[0].coords)
        # no portal is left where the walk can cut straight past it
        coords = r.legs[0].coords
        for k in range(1, len(coords) - 1):
            if any((abs(coords[k][0] - x) < 1e-9 and abs(coords[k][1] - y) < 1e-9)
                   for x, y in g.V[g.portal].tolist()):
                assert not g.visible(coords[k - 1], coords[k + 1])


@pytest.mark.parametrize("name", ["grid", "u", "l", "odd"])
def test_small_halls_in_small_tiles_against_the_reference(name, tiled):
    plan = {"grid": lambda: grid_hall("G-1F"), "u": u_hall, "l": l_hall, "odd": odd_hall}[name]()
    tiled(9.0)  # tiles smaller than the blocks: many walks cross several lines
    router = Router(venue_of(plan), fewer_turns=False)
    lid = plan.level.id
    assert router._level(lid).graph.tiling is not None
    area = router.walkable_area(lid)
    ref = Reference(area)
    x0, y0, x1, y1 = area.bounds
    rng = random.Random(5)
    for _ in range(25):
        s = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        e = (rng.uniform(x0, x1), rng.uniform(y0, y1))
        if not (_walkable_point(area, *s) and _walkable_point(area, *e)):
            continue
        r = router.route(pt(lid, *s), pt(lid, *e))
        _within_one_percent(r.length_m, ref.shortest(s, e))
        assert_clear(plan, r.legs[0].coords)


@pytest.mark.parametrize("k,dx,dy,drop,add", [(0, 2.5, 0.0, False, False),
                                              (17, -1.5, 3.0, False, True),
                                              (40, 0.0, 0.0, True, False),
                                              (63, 4.0, -4.0, False, True)])
def test_a_tiled_rebuild_equals_a_fresh_build(k, dx, dy, drop, add, tiled, monkeypatch):
    tiled(9.0)
    plan = grid_hall("G-1F")
    router = Router(venue_of(plan))
    if drop:
        del plan.booths[k]
    else:
        b = plan.booths[k]
        plan.booths[k] = replace(b, polygon=shapely.affinity.translate(b.polygon, dx, dy))
    if add:
        plan.obstacles.append(Obstacle("G-1F", "column", box(17.0 + dx, 20.0 + dy, 18.0 + dx,
                                                             21.0 + dy)))
    monkeypatch.setattr(reuse, "_INCREMENTAL_MAX", 2.0)  # always reuse the previous build
    router.rebuild_level("G-1F")
    assert router._levels["G-1F"].graph.incremental
    fresh = Router(venue_of(plan))
    assert _graph_edges(router, "G-1F") == _graph_edges(fresh, "G-1F")
    s, g = pt("G-1F", 1.5, 1.5), pt("G-1F", 58.5, 38.5)
    assert router.route(s, g).to_dict() == fresh.route(s, g).to_dict()


def test_a_booth_on_a_tiled_level_is_reached_like_on_the_full_graph(generated, tiled):
    full = _full(generated)
    tiled()
    router = Router(generated, fewer_turns=False)
    lid = next(iter(generated.plans))
    plan = generated.plans[lid]
    rng = random.Random(9)
    places = [booth_place(plan, b.code) for b in rng.sample(plan.booths, 6)]
    _, met = router.walking_matrix(places)
    _, exact_met = full.walking_matrix(places)
    for i in range(len(places)):
        for j in range(len(places)):
            if i != j:
                _within_one_percent(float(met[i, j]), float(exact_met[i, j]))


@pytest.mark.parametrize("k,dx,dy", [(3, 1.0, 0.0), (30, -2.0, 2.5), (60, 0.3, -0.7)])
def test_a_patched_area_is_the_fresh_area(k, dx, dy):
    from exponav.core.routing.area import AreaParts, patched_area, walkable_area
    from exponav.core.routing.sight import ring_edges

    plan = grid_hall("G-1F")
    before = AreaParts.of(plan, walkable_area(plan, tidy=True))
    b = plan.booths[k]
    plan.booths[k] = replace(b, polygon=shapely.affinity.translate(b.polygon, dx, dy))
    got = patched_area(plan, before, share=1.0)
    assert got is not None
    fresh = walkable_area(plan, tidy=True)
    assert got[0].symmetric_difference(fresh).area < 1e-9

    def edges(area):
        P, Q, _ = ring_edges(area)
        return sorted(map(tuple, np.hstack([P, Q]).round(9).tolist()))
    assert edges(got[0]) == edges(fresh)
    again = patched_area(plan, got[1])  # nothing changed since: the same area
    assert again is not None and again[0] is got[0]


@pytest.mark.parametrize("tidy", [True, False])
def test_a_splice_is_the_whole_overlay(generated, tidy):
    """splice() of an area before an edit with the fresh area round the edit gives the
    fresh area after it, among a hundred holes; where its box meets the outline it
    declines (the caller makes the whole overlay)."""
    from exponav.core.routing.area import splice, walkable_area
    from exponav.core.routing.sight import ring_edges

    plan = replace(generated.plans[next(iter(generated.plans))])
    plan.booths = list(plan.booths)
    area = walkable_area(plan, tidy=tidy)
    assert len(area.interiors) > 50
    rng = random.Random(21 if tidy else 22)

    def edges(a):
        P, Q, _ = ring_edges(a)
        return sorted(map(tuple, np.hstack([P, Q]).round(9).tolist()))

    done = 0
    for _ in range(10):
        k = rng.randrange(len(plan.booths))
        b = plan.booths[k]
        plan.booths[k] = replace(b, polygon=shapely.affinity.translate(
            b.polygon, rng.choice([-1.0, 1.0]), rng.choice([0.0, 0.5])))
        fresh = walkable_area(plan, tidy=tidy)
        x0, y0, x1, y1 = b.polygon.union(plan.booths[k].polygon).bounds
        cut = box(x0 - 1.0, y0 - 1.0, x1 + 1.0, y1 + 1.0)
        local = fresh.intersection(box(x0 - 1.05, y0 - 1.05, x1 + 1.05, y1 + 1.05))
        got = splice(area, cut, local, tidy)
        if got is not None:
            done += 1
            assert got.is_valid and got.symmetric_difference(fresh).area < 1e-9
            if tidy:
                assert edges(got) == edges(fresh)
        area = fresh
    assert done >= 6
    x0, y0, x1, y1 = area.bounds  # a box across the outline
    edge = box(x0 - 1, y0 - 1, x0 + 3, y0 + 3)
    assert splice(area, edge, area.intersection(edge), tidy) is None


def test_patches_in_a_row_make_only_the_shapes_that_changed(monkeypatch):
    """Each patch starts from the last one's parts; a shape the plan still holds is not
    made again, and a booth made anew with the same outline changes nothing."""
    from exponav.core.routing import area as area_mod
    from exponav.core.routing.area import AreaParts, patched_area, walkable_area

    plan = grid_hall("G-1F")
    parts = AreaParts.of(plan, walkable_area(plan, tidy=True))
    made = []
    real = area_mod._polygons
    monkeypatch.setattr(area_mod, "_polygons", lambda geoms: made.append(len(geoms)) or real(geoms))
    rng = random.Random(11)
    for _ in range(5):
        k = rng.randrange(len(plan.booths))
        b = plan.booths[k]
        plan.booths[k] = replace(b, polygon=shapely.affinity.translate(b.polygon, 0.5, 0.0))
        made.clear()
        got = patched_area(plan, parts, share=1.0)
        assert made == [1]  # the moved booth's shape only
        assert got is not None
        assert got[0].symmetric_difference(walkable_area(plan, tidy=True)).area < 1e-9
        parts = got[1]
    b = plan.booths[0]
    plan.booths[0] = replace(b, polygon=shapely.geometry.Polygon(b.polygon.exterior.coords))
    made.clear()
    again = patched_area(plan, parts)
    assert again is not None and again[0] is parts.area and made == [1]


class _LevelByLevel(Router):
    """A router that always searches the connector ends level by level."""

    _route_net = Router._route_levels


@pytest.mark.parametrize("step_free", [False, True])
def test_the_search_over_all_connector_ends_equals_the_search_level_by_level(step_free):
    """A router with every level built searches the venue's ends as one graph
    (network.py): the same routes as the search level by level, and the same walking
    matrix."""
    from tests.core.test_routing import two_buildings

    venue = two_buildings()
    built, plain = Router(venue, fewer_turns=False), _LevelByLevel(venue, fewer_turns=False)
    pairs = [(pt("A-1F", 10.0, 2.0), pt("A-4F", 10.0, 2.5)),
             (pt("A-4F", 10.0, 2.0), pt("B-4F", 150.0, 20.0)),
             (pt("B-4F", 150.0, 20.0), pt("A-1F", 30.0, 2.0)),
             (pt("A-1F", 55.0, 20.0), pt("A-4F", 55.0, 21.0)),
             (pt("B-1F", 120.0, 38.0), pt("A-4F", 45.0, 39.0))]
    for a, b in pairs:
        one, two = plain.route(a, b, step_free=step_free), built.route(a, b, step_free=step_free)
        assert [leg.via for leg in two.legs] == [leg.via for leg in one.legs]
        assert two.duration_s == pytest.approx(one.duration_s, rel=1e-9)
        assert [leg.coords for leg in two.legs] == [leg.coords for leg in one.legs]
    places = [p for ab in pairs for p in ab]
    sec, met = built.walking_matrix(places, step_free=step_free)
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            if i != j:
                r = plain.route(a, b, step_free=step_free)
                assert sec[i, j] == pytest.approx(r.duration_s, rel=1e-6)
