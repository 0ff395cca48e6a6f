"""A Navigator that follows a Layout answers for the layout as it is after every change:
the same answers as a Navigator opened fresh on the saved result, and the first answers
again once every change is undone.

The random sequences run on a small venue written here (two levels, a lift and stairs
between them, 60 booths a level, eight exhibitors), so that saving, building a data
file and opening it again after every change stays quick; the fixed cases run on the
SCSE plan.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box, mapping

from exponav.core.errors import NotFound
from exponav.core.io.datafile import build_data_file
from exponav.core.layout import (
    AddBooth,
    Assign,
    ChangeError,
    EditZone,
    Layout,
    MergeBooths,
    MoveAmenity,
    MoveBooth,
    MoveConnectorEnd,
    MoveKiosk,
    RemoveBooth,
    ReshapeBooth,
    ResizeBooth,
    RotateBooth,
    SetStatus,
    SplitBooth,
    Unassign,
)
from exponav.core.navigator import Navigator
from exponav.core.routing.route import Unreachable

LEVELS = {"A-1F": "A", "A-2F": "B"}


# -- the small venue ---------------------------------------------------------------------

def _feature(props: dict[str, Any], geom: Any) -> dict[str, Any]:
    m = mapping(geom)

    def lists(v: Any) -> Any:
        return [lists(x) for x in v] if isinstance(v, list | tuple) else float(v)

    return {"type": "Feature", "properties": props,
            "geometry": {"type": m["type"], "coordinates": lists(m["coordinates"])}}


def write_mini_venue(root: Path) -> tuple[Path, Path]:
    """A venue folder and a show folder in ``root``; both pass the venue rules."""
    from shapely.geometry import LineString

    venue, show = root / "mini", root / "minishow"
    venue.mkdir()
    show.mkdir()
    levels = []
    for n, (lv, letter) in enumerate(LEVELS.items(), start=1):
        feats = [_feature({"kind": "footprint"}, box(0, 0, 60, 40))]
        if lv == "A-1F":
            feats.append(_feature({"kind": "opening", "id": f"OP-{lv}-W1",
                                   "category": "pedestrian",
                                   "names": {"en": "West entrance", "zh-Hant": "西入口"}},
                                  LineString([(0, 17), (0, 23)])))
        feats.append(_feature({"kind": "opening", "id": f"OP-{lv}-X1",
                               "category": "emergencyexit",
                               "names": {"en": "Exit", "zh-Hant": "出口"}},
                              LineString([(60, 17), (60, 23)])))
        feats.append(_feature({"kind": "obstacle", "category": "core"}, box(26, 0, 34, 4)))
        feats.append(_feature({"kind": "obstacle", "category": "column"},
                              box(19.7, 19.7, 20.3, 20.3)))
        feats.append(_feature({"kind": "zone", "id": f"ZONE-{lv}", "category": "pavilion",
                               "names": {"en": f"Pavilion {letter}",
                                         "zh-Hant": f"{letter}館"}}, box(6, 24, 51, 30)))
        for block, y0 in ((1, 10.0), (2, 24.0)):
            for line in (0, 1):
                for pos in range(15):
                    code = f"{letter}{block:02d}{2 * pos + 1 + line:02d}"
                    poly = box(6 + 3 * pos, y0 + 3 * line, 9 + 3 * pos, y0 + 3 + 3 * line)
                    feats.append(_feature({"kind": "booth", "code": code, "area": letter,
                                           "type": "corner" if pos in (0, 14) else "standard",
                                           "zone": f"ZONE-{lv}" if block == 2 else None}, poly))
        feats.append(_feature({"kind": "amenity", "id": f"WC-{lv}", "category": "toilet",
                               "names": {"en": "Toilets", "zh-Hant": "廁所"}}, Point(10, 5)))
        if lv == "A-1F":
            feats.append(_feature({"kind": "kiosk", "id": "K-A-1F", "heading_deg": 90.0},
                                  Point(4, 20)))
        for cid, x in (("EL-A", 28.0), ("ST-A", 32.0)):
            feats.append(_feature({"kind": "connector", "connector": cid}, Point(x, 5.5)))
        (venue / f"{lv}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1)
            + "\n", encoding="utf-8")
        levels.append({"id": lv, "names": {"en": f"Hall A {n}F", "zh-Hant": f"A館 {n}樓"},
                       "building": "Hall A", "ordinal": n, "file": f"{lv}.geojson"})
    ends = [{"level": lv, "x": 0.0, "y": 5.5} for lv in LEVELS]
    connectors = [
        {"id": "EL-A", "kind": "elevator", "step_free": True,
         "names": {"en": "Lift A", "zh-Hant": "電梯A"}, "ride_s": 20.0, "wait_s": 30.0,
         "ends": [{**e, "x": 28.0} for e in ends]},
        {"id": "ST-A", "kind": "stairs", "step_free": False,
         "names": {"en": "Stairs A", "zh-Hant": "樓梯A"}, "ride_s": 60.0, "wait_s": 0.0,
         "ends": [{**e, "x": 32.0} for e in ends]}]
    rules = {"areas": {lv: [letter] for lv, letter in LEVELS.items()},
             "main_aisles": {lv: [[[0.0, 20.0], [60.0, 20.0]]] for lv in LEVELS}}
    (venue / "venue.json").write_text(json.dumps(
        {"id": "mini", "names": {"en": "Mini hall", "zh-Hant": "小展館"}, "levels": levels,
         "connectors": connectors, "rules": rules}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    (show / "show.json").write_text(json.dumps(
        {"id": "minishow", "names": {"en": "Mini show", "zh-Hant": "小展"}, "venue": "mini",
         "start_date": "2025-03-18", "end_date": "2025-03-19", "timezone": "Asia/Taipei"}),
        encoding="utf-8")
    (show / "categories.csv").write_text("id,name_en,name_zh\nai,Artificial intelligence,"
                                         "人工智慧\niot,Internet of Things,物聯網\n",
                                         encoding="utf-8")
    rows = [("EX01", "Alpha Robotics", "阿爾法機器人", "ai", "A0101;A0103"),
            ("EX02", "Beta Sensors", "貝塔感測", "iot", "A0102"),
            ("EX03", "Gamma Grid", "伽瑪電網", "iot", "A0201;A0202"),
            ("EX04", "Delta Vision", "德爾塔視覺", "ai", "B0101"),
            ("EX05", "Epsilon Water", "艾普西隆水務", "iot", "B0105;B0107"),
            ("EX06", "Zeta Mobility", "澤塔移動", "ai", "A0129"),
            ("EX07", "Eta Health", "伊塔健康", "ai;iot", "B0230"),
            ("EX08", "Theta Cloud", "西塔雲端", "ai", "")]
    lines = ["id,name_en,name_zh,country,categories,booths,description_en,description_zh,"
             "website,demo"]
    lines += [f"{i},{en},{zh},Taiwan,{cats},{booths},Made up for the tests.,測試用。,,1"
              for i, en, zh, cats, booths in rows]
    (show / "exhibitors.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (show / "sessions.csv").write_text(
        "id,kind,title_en,title_zh,place,start,end,exhibitor,demo\r\n"
        "SE01,forum,Morning talk,早晨講座,WC-A-2F,2025-03-18T10:00:00+08:00,"
        "2025-03-18T11:00:00+08:00,EX01,1\r\n", encoding="utf-8")
    return venue, show


@pytest.fixture(scope="module")
def mini_sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_mini_venue(tmp_path_factory.mktemp("mini"))


def _copy(sources: tuple[Path, Path], into: Path) -> tuple[Path, Path]:
    venue, show = into / "venue", into / "show"
    shutil.copytree(sources[0], venue)
    shutil.copytree(sources[1], show)
    return venue, show


def _fresh(venue: Path, show: Path, into: Path) -> Navigator:
    return Navigator.open(build_data_file(into / "fresh.exponav.db", venue, show))


# -- what is compared --------------------------------------------------------------------

POINTS = [(lv, x, y) for lv in LEVELS for x in (7.5, 9.0, 12.0, 30.0, 50.0, 52.0)
          for y in (11.0, 13.0, 20.0, 26.0, 27.0, 35.0)]
QUERIES = ["alpha", "阿爾法", "A01", "B0105", "toilet", "pavilion", "gamma grid", "A0129a"]


def answers(nav: Navigator) -> dict[str, Any]:
    """A sample of every kind of answer, as plain values."""
    out: dict[str, Any] = {}
    codes = sorted(b.code for b in nav.venue.booths())
    out["booths"] = {c: nav.booth(c).to_dict() for c in codes}
    out["hits"] = [getattr(nav.booth_at(*p), "code", None) for p in POINTS]
    out["places"] = {pid: (p.kind, p.level, p.x, p.y) for pid in ("WC-A-1F", "WC-A-2F",
                                                                   "K-A-1F", "EL-A@A-2F")
                     for p in [nav.place(pid)]}
    out["nearest"] = [[n.to_dict() for n in nav.nearest(lv, x, y, kind, limit=3)]
                      for lv, x, y in POINTS[::5] for kind in ("booth", "amenity", "kiosk",
                                                               "connector")]
    out["search"] = {q: [h.to_dict() for h in nav.search(q)] for q in QUERIES}
    routes = {}
    for target in ("A0101", "A0230", "B0115", "WC-A-2F", codes[len(codes) // 2], codes[-1]):
        try:
            routes[target] = nav.route("K-A-1F", target).to_dict()
        except (Unreachable, NotFound) as e:  # a removed booth is an answer too
            routes[target] = f"{type(e).__name__}: {e}"
    out["routes"] = routes
    try:
        out["itinerary"] = nav.itinerary("K-A-1F", ["A0115", "B0230"], "10:00").to_dict()
    except Exception as e:  # noqa: BLE001 - an unreachable stop is an answer too
        out["itinerary"] = f"{type(e).__name__}: {e}"
    return out


def snapshot(layout: Layout) -> Any:
    """Everything a layout holds, exactly (geometry as WKB)."""
    plans = {lv: ([(b.code, b.area, b.type, b.zone, b.polygon.wkb) for b in p.booths],
                  [(a.id, a.point.wkb) for a in p.amenities],
                  [(k.id, k.point.wkb, k.heading_deg) for k in p.kiosks],
                  [(z.id, z.name, z.name_zh, z.category, z.polygon.wkb) for z in p.zones],
                  sorted((c, pt.wkb) for c, pt in p.connector_points.items()))
             for lv, p in layout.venue.plans.items()}
    return (plans, list(layout.venue.connectors), dict(layout.show.exhibitors),
            dict(layout.statuses))


# -- random sequences --------------------------------------------------------------------

def _draw_change(data: st.DataObject, layout: Layout) -> Any:
    booths = sorted(layout.booths(), key=lambda b: b.code)
    code = data.draw(st.sampled_from([b.code for b in booths]))
    b = layout.booth(code)
    op = data.draw(st.sampled_from(
        ["move", "move", "rotate", "split", "merge", "status", "assign", "unassign", "add",
         "remove", "reshape", "resize", "amenity", "kiosk", "connector", "zone"]))
    step = st.sampled_from([-3.0, -1.5, -0.5, 0.5, 1.5, 3.0, 6.0])
    if op == "move":
        return MoveBooth(code, data.draw(step), data.draw(step))
    if op == "rotate":
        return RotateBooth(code, data.draw(st.sampled_from([90.0, 45.0, 180.0])))
    if op == "split":
        return SplitBooth(code)
    if op == "merge":
        near = [o.code for o in booths if o.level == b.level and o.code != code
                and o.polygon.distance(b.polygon) < 1e-9]
        return MergeBooths((code, data.draw(st.sampled_from(near))), code) if near else None
    if op == "status":
        return SetStatus(code, data.draw(st.sampled_from(["available", "reserved", "sold",
                                                          "blocked"])),
                         data.draw(st.sampled_from([None, 9000.0])))
    if op == "assign":
        return Assign(code, data.draw(st.sampled_from(sorted(layout.show.exhibitors))))
    if op == "unassign":
        return Unassign(code)
    if op == "add":
        x, y = data.draw(st.sampled_from([6.0, 21.0, 45.0])), data.draw(
            st.sampled_from([31.0, 35.0]))
        letter = LEVELS[b.level]
        return AddBooth(f"{letter}09{data.draw(st.integers(1, 9)):02d}",
                        box(x, y, x + 3, y + 3), b.level)
    if op == "remove":
        return RemoveBooth(code)
    if op == "reshape":
        x0, y0, x1, y1 = b.polygon.bounds
        return ReshapeBooth(code, box(x0, y0, x1 - 1.0, y1))
    if op == "resize":
        return ResizeBooth(code, data.draw(st.sampled_from([1.5, 3.0, 4.5])), 3.0,
                           data.draw(st.sampled_from(["sw", "ne", "center"])))
    if op == "amenity":
        return MoveAmenity(data.draw(st.sampled_from(["WC-A-1F", "WC-A-2F"])),
                           dx=data.draw(step), dy=data.draw(step))
    if op == "kiosk":
        return MoveKiosk("K-A-1F", dx=data.draw(step), dy=data.draw(step), heading_deg=0.0)
    if op == "connector":
        return MoveConnectorEnd(data.draw(st.sampled_from(["EL-A", "ST-A"])),
                                data.draw(st.sampled_from(list(LEVELS))),
                                dx=data.draw(step), dy=0.0)
    return EditZone(f"ZONE-{b.level}", name=data.draw(st.sampled_from(["Pavilion", "Hall"])))


@settings(max_examples=12, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_answer_equals_a_fresh_navigator_then_undo_restores_all(data, mini_sources):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        venue, show = _copy(mini_sources, root)
        live = _fresh(venue, show, root / "first")
        first = answers(live)
        layout = Layout.load(venue, show)
        start = snapshot(layout)
        live.follow(layout)
        assert answers(live) == first
        edits = []
        for n in range(data.draw(st.integers(1, 4), label="changes")):
            change = _draw_change(data, layout)
            if change is None:
                continue
            try:
                edits.append(layout.apply(change))
            except ChangeError:
                continue
            layout.save()
            fresh = _fresh(venue, show, root / f"step{n}")
            try:
                assert answers(live) == answers(fresh), change
                checked = {v.key: v.message for v in layout.violations}
                assert checked == {v.key: v.message for v in
                                   Layout.load(venue, show).violations}, change
            finally:
                fresh.close()
        for edit in reversed(edits):
            layout.apply(edit.inverse())
        assert snapshot(layout) == start
        assert answers(live) == first
        live.close()


# -- fixed cases on the SCSE plan ----------------------------------------------------------

@pytest.fixture
def following(data_file: Path):
    nav = Navigator.open(data_file)
    layout = Layout(nav.venue, nav.show)
    nav.follow(layout)
    yield nav, layout
    nav.close()


def test_a_moved_booth_is_hit_found_placed_and_routed_where_it_now_stands(following):
    nav, layout = following
    before = nav.booth("Q0125").booth.polygon
    centre = before.centroid
    old_route = nav.route("K-H2-1F-1", "Q0125")
    layout.apply(MoveBooth("Q0125", 0, -3))
    assert nav.booth_at("H2-1F", centre.x, centre.y - 3).code == "Q0125"
    assert nav.booth_at("H2-1F", centre.x, before.bounds[3] - 1) is None  # aisle now
    moved = nav.booth("Q0125").booth.polygon
    assert moved.bounds[1] == before.bounds[1] - 3
    assert nav.place("Q0125").polygon.equals(moved)
    assert nav.nearest("H2-1F", centre.x, centre.y - 3, kind="booth", limit=1)[0].id == "Q0125"
    route = nav.route("K-H2-1F-1", "Q0125")
    end = Point(route.legs[-1].coords[-1])
    assert moved.exterior.distance(end) <= 0.61
    assert route.to_dict() != old_route.to_dict()


def test_a_split_booth_is_found_by_its_new_codes(following):
    nav, layout = following
    edit = layout.apply(SplitBooth("Q0913"))
    assert {h.id for h in nav.search("Q0913a")} >= {"Q0913a"}
    assert nav.booth("q913b").code == "Q0913b"
    with pytest.raises(Exception, match="Q0913"):
        nav.booth("Q0913")
    layout.apply(edit.inverse())
    assert nav.booth("Q0913").code == "Q0913"
    assert not [h for h in nav.search("Q0913a") if h.id == "Q0913a"]


def test_an_assignment_shows_in_booth_and_search(following):
    nav, layout = following
    layout.apply(Assign("Q0913", "EX0001"))
    assert nav.booth("Q0913").exhibitor.id == "EX0001"
    hit = next(h for h in nav.search("chunghwa") if h.kind == "exhibitor")
    assert "Q0913" in hit.booths
    assert nav.exhibitor_at("Q0913").id == "EX0001"


def test_a_moved_kiosk_routes_from_where_it_stands(following):
    nav, layout = following
    k = nav.kiosk("K-H2-1F-2")
    layout.apply(MoveKiosk("K-H2-1F-2", dx=0, dy=-3))
    assert nav.place("K-H2-1F-2").y == k.point.y - 3
    route = nav.route("K-H2-1F-2", "WC-H2-1F-1")
    assert route.legs[0].coords[0][1] == pytest.approx(k.point.y - 3, abs=0.6)


def test_unfollow_keeps_the_last_answers(following):
    nav, layout = following
    nav.unfollow()
    centre = nav.booth("Q0125").booth.polygon.centroid
    layout.apply(MoveBooth("Q0125", 0, -3))
    assert nav.booth_at("H2-1F", centre.x, centre.y).code == "Q0125"


def test_a_moved_connector_end_rebuilds_only_its_level_and_routes_as_a_fresh_router(following):
    from exponav.core.routing.router import Router

    nav, layout = following
    target = nav.venue.plans["H2-4F"].booths[0].code
    nav.route("K-H2-1F-1", target)  # every level built
    router = nav.router
    built = dict(router._levels)
    layout.apply(MoveConnectorEnd("EL-H2-A", "H2-4F", dx=0.5))
    assert nav.router is router  # kept, not built again from nothing
    assert {lid for lid, lc in built.items() if router._levels[lid] is not lc} == {"H2-4F"}
    moved = next(c for c in nav.venue.connectors if c.id == "EL-H2-A")
    for lc in router._levels.values():  # every level links its ends by the new objects
        assert all(e.connector is moved for e in lc.ends if e.connector.id == "EL-H2-A")
    fresh = Router(nav.venue)
    for a, b in (("K-H2-1F-1", target), (target, "K-H2-1F-1"),
                 ("K-H2-1F-1", nav.venue.plans["H2-4F"].booths[-1].code)):
        got = nav.router.route(nav.place(a), nav.place(b))
        want = fresh.route(nav.place(a), nav.place(b))
        assert got.length_m == pytest.approx(want.length_m, abs=1e-6)
        assert [leg.via for leg in got.legs] == [leg.via for leg in want.legs]
        assert got.duration_s == pytest.approx(want.duration_s, abs=1e-6)
