"""Fields carried over a rebuild (core/routing/carry.py): after an edit, each connector
end's field holds the distances a fresh build grows (to a nanometre), each predecessor
is a walk of that length, and routes across levels are as long as a fresh router's;
on a tiled hall and on a small full graph, after one edit and after many in a row."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
import shapely.affinity

import exponav.core.routing.levels as levels
from exponav.core.io.floorplan import load_venue
from exponav.core.model import Obstacle
from exponav.core.routing import carry, tiles
from exponav.core.routing.graph import _adjacency
from exponav.core.routing.router import Router
from exponav.diagnostics.scale import Scale, write_sources
from tests.core.test_routing import booth_place, two_buildings

HALL = Scale("carry", buildings=1, floors=2, bays=6, blocks=16, exhibitors=40)


@pytest.fixture(scope="module")
def venue_dir(tmp_path_factory):
    return write_sources(HALL, tmp_path_factory.mktemp("carry"))["venue_dir"]


@pytest.fixture
def carried(monkeypatch):
    """Counts the ends whose fields a rebuild carried over (and did not grow afresh)."""
    got = {"ends": 0}

    def counting(*args):
        out = carry.carried_fields(*args)
        got["ends"] += len(out) if out is not None else 0
        return out

    monkeypatch.setattr(levels, "carried_fields", counting)
    return got


def _weights(g) -> dict[int, float]:
    iu, ju = g.pairs
    return dict(zip((iu * g.n + ju).tolist(), g.pair_w.tolist(), strict=True))


def assert_fields_fresh(cache) -> None:
    """Every end's field: a fresh build's distances, predecessors that walk them."""
    g = cache.graph
    fresh = g.fields([[e.anchor] for e in cache.ends])
    w = _weights(g)
    for e, f in zip(cache.ends, fresh, strict=True):
        d, p = e.fld.dist, e.fld.pred
        assert np.array_equal(np.isinf(d), np.isinf(f.dist))
        fin = np.isfinite(d)
        assert np.abs(d[fin] - f.dist[fin]).max(initial=0.0) < 1e-9
        assert np.array_equal(p == -2, ~fin)  # unreached, and only then
        v = np.nonzero(p >= 0)[0]
        a, b = np.minimum(p[v], v), np.maximum(p[v], v)
        step = np.asarray([w[k] for k in (a * g.n + b).tolist()])
        assert np.abs(d[v] - (d[p[v]] + step)).max(initial=0.0) < 1e-9
        direct = np.nonzero(p == -1)[0]  # straight from the end's anchor
        seen = dict(zip(e.anchor.vis.tolist(), np.maximum(e.anchor.dist, 1e-12).tolist(),
                        strict=True))
        assert all(abs(d[i] - seen[i]) < 1e-9 for i in direct.tolist())
        assert (e.fld.src[direct] == 0).all()


def _edit(plan, rng: random.Random, kind: str) -> None:
    k = rng.randrange(len(plan.booths))
    b = plan.booths[k]
    if kind == "move":
        dx, dy = rng.choice([(1.0, 0.0), (-2.5, 3.0), (0.0, -1.5), (4.0, 4.0)])
        plan.booths[k] = replace(b, polygon=shapely.affinity.translate(b.polygon, dx, dy))
    elif kind == "drop":  # opens a way through: walks get shorter
        del plan.booths[k]
    else:  # a column in the way: walks get longer
        x0, y0, x1, y1 = b.polygon.bounds
        plan.obstacles.append(Obstacle(plan.level.id, "column",
                                       shapely.geometry.box(x0, y1 + 0.6, x0 + 1.2, y1 + 1.8)))


@pytest.mark.parametrize("kind", ["move", "drop", "add"])
def test_a_tiled_hall_s_fields_after_an_edit_are_a_fresh_build_s(kind, venue_dir, monkeypatch,
                                                                 carried):
    monkeypatch.setattr(tiles, "TILED_MIN_CORNERS", 0)
    venue = load_venue(venue_dir)
    router = Router(venue)
    lid = next(iter(venue.plans))
    assert router._level(lid).graph.tiling is not None and len(router._level(lid).ends) > 5
    rng = random.Random({"move": 1, "drop": 2, "add": 3}[kind])
    for _ in range(4):
        _edit(venue.plans[lid], rng, kind)
        router.rebuild_level(lid)
        assert router._levels[lid].graph.incremental
        assert_fields_fresh(router._levels[lid])
    assert carried["ends"] > 0  # the fields were carried over, not grown afresh


def test_many_edits_in_a_row_and_routes_across_levels(venue_dir, monkeypatch, carried):
    monkeypatch.setattr(tiles, "TILED_MIN_CORNERS", 0)
    venue = load_venue(venue_dir)
    router = Router(venue, fewer_turns=False)
    lid = next(iter(venue.plans))
    rng = random.Random(7)
    for i in range(12):
        _edit(venue.plans[lid], rng, ["move", "move", "drop", "add"][i % 4])
        router.rebuild_level(lid)
    assert carried["ends"] > 0
    assert_fields_fresh(router._levels[lid])
    fresh = Router(venue, fewer_turns=False)
    a, b = venue.plans.values()
    for _ in range(10):
        p = booth_place(a, rng.choice(a.booths).code)
        q = booth_place(b, rng.choice(b.booths).code)
        assert router.route(p, q).length_m == pytest.approx(fresh.route(p, q).length_m, abs=1e-6)
        assert router.route(q, p).length_m == pytest.approx(fresh.route(q, p).length_m, abs=1e-6)


def test_a_full_graph_s_fields_are_carried_too(carried):
    venue = two_buildings()
    router = Router(venue)
    rng = random.Random(4)
    for lid in ("A-1F", "B-1F"):
        assert router._level(lid).graph.tiling is None
        for kind in ("move", "drop", "add"):
            _edit(venue.plans[lid], rng, kind)
            router.rebuild_level(lid)
            assert_fields_fresh(router._levels[lid])
    assert carried["ends"] > 0


def test_an_end_whose_sight_changed_is_grown_afresh(venue_dir, monkeypatch, carried):
    monkeypatch.setattr(tiles, "TILED_MIN_CORNERS", 0)
    venue = load_venue(venue_dir)
    router = Router(venue)
    lid = next(iter(venue.plans))
    before = router._level(lid)
    end = before.ends[0]
    # a column right beside the end changes what the end sees
    x, y = end.anchor.xy
    venue.plans[lid].obstacles.append(Obstacle(lid, "column", shapely.geometry.box(
        x + 1.0, y - 0.3, x + 1.6, y + 0.3)))
    router.rebuild_level(lid)
    after = router._levels[lid]
    gone = after.graph.prev_map[0]
    was = {(e.connector.id, e.index): e for e in before.ends}
    same = [e for e in after.ends
            if carry.same_anchor(was[(e.connector.id, e.index)].anchor, e.anchor, gone)]
    moved = next(e for e in after.ends if (e.connector.id, e.index) == (end.connector.id, end.index))
    assert moved not in same and len(same) == len(after.ends) - 1
    assert carried["ends"] == len(same)  # every other end's field, and not that one's
    assert_fields_fresh(after)


def test_a_graph_s_rows_come_out_as_a_sort_gives_them():
    rng = np.random.default_rng(1)
    for n in (1, 2, 5, 50, 300):
        pairs = sorted({(min(a, b), max(a, b)) for a, b in rng.integers(0, n, (n * 3, 2)) if a != b})
        iu = np.asarray([p[0] for p in pairs], np.int64)
        ju = np.asarray([p[1] for p in pairs], np.int64)
        w = rng.random(len(iu))
        rows, cols, ww = np.concatenate([iu, ju]), np.concatenate([ju, iu]), np.concatenate([w, w])
        order = np.lexsort((cols, rows))
        indptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        perm = rng.permutation(len(iu))
        for got in (_adjacency(iu, ju, w, n), _adjacency(ju[perm], iu[perm], w[perm], n)):
            assert np.array_equal(got[0], indptr)
            assert np.array_equal(got[1], cols[order])
            assert np.array_equal(got[2], ww[order])


def test_a_level_with_avoided_zones_carries_its_weighted_fields(carried):
    """Hall 2 4F has avoided zones: its edges and anchors are priced by weighted length,
    and a mended field holds those prices as a fresh one does."""
    from exponav.core.paths import venue_dir

    venue = load_venue(venue_dir())
    router = Router(venue)
    lid = "H2-4F"
    assert router._level(lid).graph.soft is not None and router._level(lid).ends
    rng = random.Random(5)
    for kind in ("move", "move", "drop", "add"):
        _edit(venue.plans[lid], rng, kind)
        router.rebuild_level(lid)
        assert_fields_fresh(router._levels[lid])
    assert carried["ends"] > 0
