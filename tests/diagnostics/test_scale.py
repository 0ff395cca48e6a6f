"""The generated bench show: deterministic, readable by the project's readers, sound to
walk on, cached once; and the memory cap that keeps a bench row from taking the machine.

Uses a tiny scale (four levels in two buildings); the large build belongs to
``exponav bench --scale large``, never to the tests.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from shapely import STRtree
from shapely.geometry import shape
from shapely.ops import unary_union

from exponav.core.io.datafile import build_data_file, read_data_file
from exponav.core.io.floorplan import load_venue
from exponav.core.io.showcsv import load_show
from exponav.core.model.codes import canonical_code
from exponav.diagnostics.scale import SCALES, Scale, ensure_scale_data, write_sources

TINY = Scale("tiny", buildings=2, floors=3, bays=3, blocks=9, exhibitors=80)
POINT_CLEAR = 0.8  # docs/FORMATS.md: points stand this far from booths, obstacles, outline
OPENING_CLEAR = 5.0  # no booth this deep in front of a door


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return write_sources(TINY, tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="module")
def data(sources: dict, tmp_path_factory: pytest.TempPathFactory):
    dest = tmp_path_factory.mktemp("tiny-db") / "tiny.exponav.db"
    datafile = read_data_file(build_data_file(dest, sources["venue_dir"], sources["show_dir"]))
    yield datafile
    datafile.conn.close()


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_the_same_scale_gives_the_same_bytes(sources: dict, tmp_path: Path) -> None:
    first = sources["venue_dir"].parents[1]
    again = write_sources(TINY, tmp_path)["venue_dir"].parents[1]
    assert _files(first) == _files(again)
    assert len(_files(first)) == 1 + 6 + 4  # venue.json, a plan per level, show + 3 CSV
    _, mismatch, errors = filecmp.cmpfiles(first, again, [str(p) for p in _files(first)],
                                           shallow=False)
    assert (mismatch, errors) == ([], [])
    other = write_sources(Scale(**{**TINY.__dict__, "seed": 7}), tmp_path / "seeded")
    assert (other["venue_dir"] / "A-1F.geojson").read_bytes() != \
        (sources["venue_dir"] / "A-1F.geojson").read_bytes()


def test_the_readers_load_it_and_booth_codes_are_unique(sources: dict, data) -> None:
    venue, show = load_venue(sources["venue_dir"]), load_show(sources["show_dir"])
    assert len(venue.levels) == 6 and {lv.building for lv in venue.levels.values()} == \
        {"Hall A", "Hall B"}
    codes = [b.code for b in venue.booths()]
    assert len(codes) == len(set(codes)) == sources["booths"] > 500
    assert all(canonical_code(c) == c for c in codes)
    assert len(show.exhibitors) == TINY.exhibitors == sources["exhibitors"]
    assert all(ex.demo for ex in show.exhibitors.values())
    assert all(s.demo for s in show.sessions) and len(show.sessions) == sources["sessions"]
    owned = [c for ex in show.exhibitors.values() for c in ex.booths]
    assert len(owned) == len(set(owned)) and 0.9 * len(codes) <= len(owned) < len(codes)
    places = set(codes) | {a.id for p in venue.plans.values() for a in p.amenities}
    assert {s.place for s in show.sessions} <= places
    assert {s.kind for s in show.sessions} == {"forum", "matchmaking", "launch"}
    kinds = {c.kind for c in venue.connectors}
    assert kinds == {"elevator", "stairs", "escalator", "walkway"}
    assert data.venue.levels == venue.levels and len(data.show.exhibitors) == TINY.exhibitors
    doc = json.loads((sources["venue_dir"] / "venue.json").read_text(encoding="utf-8"))
    assert doc["demo"] is True


def test_points_stand_in_the_aisles_and_every_level_is_one_walkable_area(sources: dict
                                                                         ) -> None:
    doc = json.loads((sources["venue_dir"] / "venue.json").read_text(encoding="utf-8"))
    for entry in doc["levels"]:
        feats = json.loads((sources["venue_dir"] / entry["file"]).read_text(encoding="utf-8"))
        by_kind: dict[str, list] = {}
        for f in feats["features"]:
            by_kind.setdefault(f["properties"]["kind"], []).append(shape(f["geometry"]))
        footprint = by_kind["footprint"][0]
        booths, obstacles = by_kind["booth"], by_kind["obstacle"]
        tree = STRtree(booths)
        assert not any(len(tree.query(b, predicate="overlaps")) for b in booths), entry["id"]
        blocked = unary_union(booths + obstacles)
        walk = footprint.buffer(-0.5, join_style="mitre").difference(
            blocked.buffer(0.5, join_style="mitre"))
        assert walk.geom_type == "Polygon", entry["id"]  # one connected floor
        for kind in ("amenity", "kiosk", "connector"):
            for pt in by_kind.get(kind, []):
                clear = min(blocked.distance(pt), footprint.exterior.distance(pt))
                assert clear >= POINT_CLEAR and walk.contains(pt), (entry["id"], kind, pt)
        all_booths = unary_union(booths)
        for line in by_kind["opening"]:
            assert footprint.exterior.distance(line) < 1e-9, (entry["id"], line)
            front = line.buffer(OPENING_CLEAR, cap_style="flat").intersection(footprint)
            assert front.intersection(all_booths).area < 1e-6, (entry["id"], line)


def test_routes_reach_across_floors_and_buildings(data) -> None:
    from exponav.core.navigator import Navigator

    nav = Navigator(data)
    kind = {c.id: c.kind for c in nav.venue.connectors}
    far = next(b.code for b in nav.venue.plans["B-3F"].booths)
    route = nav.route("K-A-1F-E1", far)
    kinds = {kind[leg.via] for leg in route.legs if leg.via is not None}
    assert "walkway" in kinds and kinds & {"stairs", "escalator", "elevator"}
    assert [leg.level for leg in route.legs][::len(route.legs) - 1] == ["A-1F", "B-3F"]
    step_free = nav.route("K-A-1F-E1", far, step_free=True)
    assert {kind[leg.via] for leg in step_free.legs if leg.via is not None} == \
        {"walkway", "elevator"}


def test_the_cache_builds_once(tmp_path: Path) -> None:
    mini = Scale("mini", buildings=1, floors=2, bays=2, blocks=6, exhibitors=20)
    first = ensure_scale_data(mini, cache=tmp_path)
    stamp = first.data_file.stat().st_mtime_ns
    again = ensure_scale_data(mini, cache=tmp_path)
    assert again.folder == first.folder and again.record == first.record
    assert again.data_file.stat().st_mtime_ns == stamp
    assert first.record["booths"] > 100 and "data_file_s" in first.record
    assert first.folder.name.startswith("mini-g") and [p.name for p in first.folder.parent
                                                      .iterdir()] == [first.folder.name]
    assert SCALES["large"].key != SCALES["4x"].key


def test_a_large_scale_is_canton_fair_sized() -> None:
    large = SCALES["large"]
    assert (large.buildings, large.buildings * large.floors, large.exhibitors) == \
        (4, 16, 25_000)


def test_bench_rows_are_held_to_the_budgets_of_their_scale() -> None:
    from exponav.diagnostics.bench import _held_to

    def rows() -> list[dict]:
        return [{"name": "render_level A-1F", "budget_ms": 8.0},
                {"name": "itinerary_pdf", "budget_ms": 300.0},
                {"name": "itinerary_12_stops_order", "budget_ms": None},
                {"name": "route_build_venue", "budget_ms": None}]

    large = _held_to(rows(), "large")
    assert [r["budget_ms"] for r in large] == [16.0, None, None, None]
    assert large[3]["budget_mb"] == 1000.0
    assert [r["budget_ms"] for r in _held_to(rows(), "scse")] == [8.0, 300.0, None, None]


def test_a_bad_scale_or_scale_with_data_is_one_sentence(capsys, tmp_path: Path,
                                                         monkeypatch) -> None:
    from exponav.cli.commands import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as e:
        main(["bench", "--scale", "huge"])
    assert e.value.code == 2
    assert main(["bench", "--scale", "large", "--data", str(tmp_path / "x.db")]) == 2
    err = capsys.readouterr().err
    assert "--data and --scale large do not go together" in err and "Traceback" not in err
    assert not any(tmp_path.rglob("*.geojson"))  # nothing was generated


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux: a capped child")
def test_work_over_the_memory_cap_is_skipped_and_the_rest_runs() -> None:
    import numpy as np

    from exponav.diagnostics.capped import memory_mb, run_capped

    assert run_capped(lambda: sum(range(10))) == (45, None)
    cap = memory_mb()["rss_mb"] + 200.0
    result, why = run_capped(lambda: float(np.ones(2**28).sum()), cap_mb=cap)  # 2 GiB
    assert result is None and f"{cap:.0f} MB" in why
    assert run_capped(lambda: float(np.ones(2**20).sum()), cap_mb=cap) == (2.0**20, None)
