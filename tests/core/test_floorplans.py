"""The TaiNEX floor-plan files obey the venue rules that routing and the UI rely on.

Loads floorplans/tainex/ with json and shapely only (independent of core.floorplan).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from shapely import STRtree
from shapely.geometry import Point, Polygon, shape
from shapely.ops import unary_union

VENUE_DIR = Path(__file__).resolve().parents[2] / "floorplans" / "tainex"
CODE = re.compile(r"^[A-Z]\d{4}[ab]?$")
OPENING_CLEAR = 5.0  # m kept free of booths in front of every door
AISLE_REACH = 15.0  # no point in a booth farther than this from an aisle
POINT_CLEAR = 0.8
WALL_MARGIN = 0.5  # walkable area: footprint shrunk, booths and obstacles grown by this
GEOMETRY = {"footprint": "Polygon", "obstacle": "Polygon", "booth": "Polygon",
            "zone": "Polygon", "amenity": "Point", "opening": "LineString",
            "kiosk": "Point", "connector": "Point"}


@cache
def venue() -> dict:
    return json.loads((VENUE_DIR / "venue.json").read_text(encoding="utf-8"))


LEVEL_IDS = [lv["id"] for lv in venue()["levels"]]


@cache
def features(level: str) -> list[tuple[dict, object]]:
    entry = next(lv for lv in venue()["levels"] if lv["id"] == level)
    doc = json.loads((VENUE_DIR / entry["file"]).read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    return [(f["properties"], shape(f["geometry"])) for f in doc["features"]]


def of_kind(level: str, kind: str) -> list[tuple[dict, object]]:
    return [(p, g) for p, g in features(level) if p["kind"] == kind]


def footprint(level: str) -> Polygon:
    (fp,) = [g for _, g in of_kind(level, "footprint")]
    return fp


def booths(level: str) -> list[tuple[dict, Polygon]]:
    return of_kind(level, "booth")


@cache
def walkable(level: str):
    blocked = [g for _, g in booths(level)] + [g for _, g in of_kind(level, "obstacle")]
    return footprint(level).buffer(-WALL_MARGIN).difference(
        unary_union(blocked).buffer(WALL_MARGIN))


def all_booths() -> list[tuple[str, dict, Polygon]]:
    return [(lv, p, g) for lv in LEVEL_IDS for p, g in booths(lv)]


def test_venue_lists_four_levels_with_files():
    assert LEVEL_IDS == ["H2-1F", "H2-4F", "H1-1F", "H1-4F"]
    for lv in venue()["levels"]:
        assert (VENUE_DIR / lv["file"]).is_file()
        assert lv["names"]["en"] and lv["names"]["zh-Hant"]


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_feature_has_a_known_kind_and_valid_geometry(level):
    kinds = [p["kind"] for p, _ in features(level)]
    assert kinds.count("footprint") == 1
    for props, geom in features(level):
        assert props["kind"] in GEOMETRY
        assert geom.geom_type == GEOMETRY[props["kind"]], props
        assert geom.is_valid and not geom.is_empty, props


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_booths_lie_inside_the_footprint(level):
    fp = footprint(level).buffer(1e-6)
    outside = [p["code"] for p, g in booths(level) if not fp.contains(g)]
    assert not outside


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_booths_do_not_overlap(level):
    geoms = [g for _, g in booths(level)]
    tree = STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    bad = [(booths(level)[i][0]["code"], booths(level)[j][0]["code"])
           for i, j in zip(left, right, strict=True) if i < j
           and geoms[i].intersection(geoms[j]).area >= 1e-6]
    assert not bad


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_no_booth_on_a_column_or_other_obstacle(level):
    geoms = [g for _, g in booths(level)]
    tree = STRtree(geoms)
    bad = []
    for props, obstacle in of_kind(level, "obstacle"):
        for i in tree.query(obstacle, predicate="intersects"):
            if geoms[i].intersection(obstacle).area >= 1e-6:
                bad.append((booths(level)[i][0]["code"], props["category"]))
    assert not bad


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_doors_are_on_the_outline_and_kept_clear(level):
    fp = footprint(level)
    geoms = [g for _, g in booths(level)]
    tree = STRtree(geoms)
    for props, line in of_kind(level, "opening"):
        assert props["category"] in {"pedestrian", "emergencyexit"}
        assert fp.exterior.distance(line.centroid) < 1e-6, props["id"]
        assert fp.exterior.buffer(1e-6).contains(line), props["id"]
        front = line.buffer(OPENING_CLEAR, cap_style="flat").intersection(fp)
        blocking = [booths(level)[i][0]["code"] for i in tree.query(front)
                    if geoms[i].intersection(front).area >= 1e-6]
        assert not blocking, (props["id"], blocking)


def test_booth_codes_are_unique_and_well_formed():
    codes = [p["code"] for _, p, _ in all_booths()]
    assert len(codes) == len(set(codes))
    assert all(CODE.match(c) for c in codes), [c for c in codes if not CODE.match(c)]
    for _, p, _ in all_booths():
        assert p["area"] == p["code"][0]
        assert p["type"] in {"standard", "corner", "peninsula", "island", "pavilion"}


def test_codes_used_in_documents_exist_where_documented():
    where = {p["code"]: lv for lv, p, _ in all_booths()}
    assert where.get("S1024") == "H2-4F"
    assert where.get("Q0210") == "H2-1F"
    assert where.get("Q0909") == "H2-1F"
    assert where.get("J1317") == "H1-1F"
    assert where.get("M0409a") == "H1-4F"
    assert where.get("M0409b") == "H1-4F"


def test_area_letters_per_level():
    letters = {lv: {p["area"] for p, _ in booths(lv)} for lv in LEVEL_IDS}
    assert letters == {"H2-1F": {"Q"}, "H2-4F": {"S"}, "H1-1F": {"I", "J", "K"},
                       "H1-4F": {"L", "M", "N"}}


@pytest.mark.parametrize("level", ["H2-1F", "H2-4F"])
def test_hall2_footprint_is_about_153_by_126(level):
    x0, y0, x1, y1 = footprint(level).bounds
    assert abs((x1 - x0) - 153) <= 3 and abs((y1 - y0) - 126) <= 3
    assert abs(x0) <= 3 and abs(y0) <= 3  # origin at Hall 2's south-west corner


def test_hall2_holds_about_1650_standard_units():
    units = sum(g.area for lv in ("H2-1F", "H2-4F") for _, g in booths(lv)) / 9.0
    assert 1500 <= units <= 1800


def test_booth_zones_exist_on_the_same_level():
    for lv in LEVEL_IDS:
        zones = {p["id"]: g for p, g in of_kind(lv, "zone")}
        for p, g in booths(lv):
            if p.get("zone") is not None:
                assert p["zone"] in zones, p["code"]
                assert zones[p["zone"]].buffer(1e-6).contains(g), p["code"]


def test_connector_ends_have_matching_points():
    levels = set(LEVEL_IDS)
    for conn in venue()["connectors"]:
        assert conn["kind"] in {"escalator", "elevator", "stairs", "ramp", "walkway"}
        assert len(conn["ends"]) >= 2
        for end in conn["ends"]:
            assert end["level"] in levels
            pts = [g for p, g in of_kind(end["level"], "connector")
                   if p["connector"] == conn["id"]]
            assert len(pts) == 1, (conn["id"], end["level"])
            assert pts[0].distance(Point(end["x"], end["y"])) < 0.01
    ids = {c["id"] for c in venue()["connectors"]}
    for lv in LEVEL_IDS:
        assert {p["connector"] for p, _ in of_kind(lv, "connector")} <= ids


def test_walkway_joins_the_two_halls_at_walking_speed():
    (ww,) = [c for c in venue()["connectors"] if c["kind"] == "walkway"]
    a, b = ww["ends"]
    assert {a["level"], b["level"]} == {"H2-1F", "H1-1F"} and ww["step_free"]
    length = Point(a["x"], a["y"]).distance(Point(b["x"], b["y"]))
    assert ww["ride_s"] == pytest.approx(length / 1.2, abs=0.05)


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_walkable_area_is_one_piece_and_reaches_every_point(level):
    walk = walkable(level)
    assert walk.geom_type == "Polygon", [round(g.area, 2) for g in walk.geoms]
    blocked = unary_union([g for _, g in booths(level)] +
                          [g for _, g in of_kind(level, "obstacle")])
    edge = footprint(level).exterior
    for kind in ("amenity", "kiosk", "connector"):
        for props, pt in of_kind(level, kind):
            name = props.get("id") or props.get("connector")
            assert walk.contains(pt), name
            assert blocked.distance(pt) >= POINT_CLEAR - 1e-9, name
            assert edge.distance(pt) >= POINT_CLEAR - 1e-9, name


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_booth_has_an_aisle_beside_it_and_none_is_too_deep(level):
    walk = walkable(level)
    beside = walk.buffer(WALL_MARGIN + 0.1)
    reach = walk.buffer(AISLE_REACH)
    for props, g in booths(level):
        assert beside.intersects(g), props["code"]
        assert g.difference(reach).area < 1e-6, props["code"]


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_each_level_has_kiosks_with_a_heading(level):
    kiosks = of_kind(level, "kiosk")
    assert len(kiosks) >= 2
    for props, _ in kiosks:
        assert re.match(rf"^K-{level}-\d+$", props["id"])
        assert 0 <= float(props["heading_deg"]) < 360


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_each_level_has_the_basic_amenities(level):
    cats = {p["category"] for p, _ in of_kind(level, "amenity")}
    assert {"toilet", "toilet.accessible", "information", "food", "firstaid"} <= cats


def test_matchmaking_tables_and_stages_on_hall2_4f():
    ids = {p["id"]: p for p, _ in of_kind("H2-4F", "amenity")}
    tables = [i for i, p in ids.items() if p["category"] == "meeting"]
    assert len(tables) >= 40 and "MM-B12" in tables and "MM-A01" in tables
    assert {"STAGE-H2-4F-MAIN", "STAGE-H2-4F-B"} <= {
        i for i, p in ids.items() if p["category"] == "stage"}
    zones = {p["id"]: p["category"] for p, _ in of_kind("H2-4F", "zone")}
    assert zones.get("ZONE-MATCHMAKING") == "matchmaking"
    n_tables = sum(1 for p, _ in of_kind("H2-4F", "obstacle") if p["category"] == "table")
    assert n_tables == len(tables)


def test_ids_are_unique_across_the_venue():
    ids = [p["id"] for lv in LEVEL_IDS for p, _ in features(lv) if "id" in p]
    ids += [c["id"] for c in venue()["connectors"]]
    dupes = {i for i in ids if ids.count(i) > 1}
    # a connector id appears once in venue.json and once per end as a point's
    # "connector" property, never as a feature "id"
    assert not dupes


def test_amenity_and_opening_names_are_bilingual():
    for lv in LEVEL_IDS:
        for kind in ("amenity", "opening", "zone"):
            for props, _ in of_kind(lv, kind):
                assert props["names"]["en"] and props["names"]["zh-Hant"], props["id"]


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_doors_are_not_blocked_by_obstacles(level):
    fp = footprint(level)
    obstacles = unary_union([g for _, g in of_kind(level, "obstacle")])
    for props, line in of_kind(level, "opening"):
        front = line.buffer(OPENING_CLEAR, cap_style="flat").intersection(fp)
        assert front.intersection(obstacles).area < 1e-6, props["id"]


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_zones_and_obstacles_use_known_categories(level):
    for props, geom in of_kind(level, "zone"):
        assert props["category"] in {"zone", "pavilion", "matchmaking", "forum"}
        assert footprint(level).buffer(1e-6).contains(geom), props["id"]
    for props, _ in of_kind(level, "obstacle"):
        assert props["category"] in {"column", "core", "wall", "stage", "table", "escalator"}
