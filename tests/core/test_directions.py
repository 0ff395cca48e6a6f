"""Plain steps from routes, in English, Traditional Chinese and Bahasa Indonesia."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from exponav.core.directions import LANGUAGES, _stretches, directions, turn_of
from exponav.core.model import (
    Booth,
    Connector,
    ConnectorEnd,
    Level,
    LevelPlan,
    Place,
    Venue,
)
from exponav.core.routing.route import Route, RouteLeg
from exponav.core.routing.router import Router


def _venue() -> Venue:
    """Two floors of one hall: a row of booths along y 10..13 and an escalator."""
    levels, plans = {}, {}
    for lid, ordinal, area, zh in (("H-1F", 1, "Q", "1樓"), ("H-4F", 4, "S", "4樓")):
        lv = Level(lid, f"Hall {ordinal}F", f"展館 {zh}", "Hall", ordinal, f"{lid}.geojson")
        plan = LevelPlan(lv, box(0, 0, 60, 40))
        for i in range(10):
            plan.booths.append(Booth(f"{area}{i + 1:04d}", lid, area, "standard",
                                     box(5 + 3 * i, 10, 8 + 3 * i, 13)))
        levels[lid], plans[lid] = lv, plan
    esc = Connector("ES-1", "escalator", False,
                    (ConnectorEnd("H-1F", 55.0, 5.0), ConnectorEnd("H-4F", 55.0, 5.0)), 45.0)
    return Venue("v", "V", "V", levels, [esc], plans)


def _place(x, y, level="H-1F", name=""):
    return Place(f"{level}@{x},{y}", "point", level, x, y, name=name)


def _booth(venue, code):
    b = next(b for p in venue.plans.values() for b in p.booths if b.code == code)
    c = b.polygon.centroid
    return Place(code, "booth", b.level, c.x, c.y, polygon=b.polygon)


def test_turn_names():
    assert turn_of(0) is None and turn_of(19.9) is None and turn_of(-19.9) is None
    assert turn_of(30) == "slight_left" and turn_of(-30) == "slight_right"
    assert turn_of(90) == "left" and turn_of(-90) == "right"
    assert turn_of(134) == "left" and turn_of(-136) == "around"


def test_stretches_drop_small_bends_and_jogs():
    coords = [(0, 0), (10, 0.5), (20, 0), (20, 1.0), (20.2, 10)]
    parts = _stretches(coords)
    assert len(parts) == 2
    assert parts[0][2] + parts[1][2] == pytest.approx(
        sum(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(coords, coords[1:], strict=False)))


def test_hand_made_route_reads_well():
    venue = _venue()
    dest = _booth(venue, "Q0005")
    # east along y = 8 under the row, then north past its east end, then west along y = 14.5
    leg = RouteLeg("H-1F", [(2.0, 8.0), (36.0, 8.0), (36.0, 14.5), (18.5, 14.5)], None, 0.0)
    leg.length_m = 34.0 + 6.5 + 17.5
    route = Route(_place(2.0, 8.0), dest, [leg], False, leg.length_m / 1.2)
    en = directions(route, venue, "en")
    assert en[0].startswith("Walk 35 m along the aisle past Q")
    assert en[0].endswith(", then turn left.")
    assert en[1] == "Walk 6 m along the aisle past Q0010, then turn left."
    assert en[2].startswith("Walk 15 m along the aisle") or en[2].startswith("Walk 20 m along the aisle")
    # walking west with the booth (y 10..13) to the south: on the left
    assert en[-1] == "Q0005 is on your left."
    zh = directions(route, venue, "zh-Hant")
    assert zh[0].startswith("沿走道直走 35 公尺") and zh[0].endswith("，然後左轉。")
    assert zh[-1] == "Q0005 在您的左手邊。"
    idn = directions(route, venue, "id")
    assert idn[0].startswith("Jalan 35 m menyusuri lorong melewati Q") and idn[0].endswith(", lalu belok kiri.")
    assert idn[-1] == "Q0005 ada di sebelah kiri Anda."


def test_router_steps_across_levels_in_every_language():
    venue = _venue()
    router = Router(venue)
    origin = _place(2.0, 2.0, name="Entrance")
    dest = _booth(venue, "S0003")
    route = router.route(origin, dest)
    assert [leg.via for leg in route.legs] == ["ES-1", None]
    assert route.steps == []  # the router finds the way; directions() words it
    en = directions(route, venue, "en")
    assert "Take escalator ES-1 up to 4F." in en
    assert en[-1] in {"S0003 is on your left.", "S0003 is on your right.", "S0003 is straight ahead."}
    zh = directions(route, venue, "zh-Hant")
    assert "搭乘電扶梯 ES-1 上樓到 4樓。" in zh
    idn = directions(route, venue, "id")
    assert "Naik eskalator ES-1 ke 4F." in idn
    for steps in (en, zh, idn):
        assert len(steps) >= 3
        assert all(s and s.strip() == s for s in steps)
    back = router.route(dest, origin)
    back_zh = directions(back, venue, "zh-Hant")
    assert "搭乘電扶梯 ES-1 下樓到 1樓。" in back_zh
    assert back_zh[-1] == "您已抵達 Entrance。"
    assert "Turun dengan eskalator ES-1 ke 1F." in directions(back, venue, "id")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_arrival_side_matches_geometry(lang):
    venue = _venue()
    router = Router(venue)
    dest = _booth(venue, "Q0001")  # box(5, 10, 8, 13)
    # walking north to its south side (y = 9.5) at its west end: the booth is ahead right
    r = router.route(_place(4.5, 2.0), dest)
    end = r.legs[-1].coords[-1]
    assert end[1] == pytest.approx(9.5, abs=1e-3) and end[0] == pytest.approx(5.0, abs=1e-3)
    right = {"en": "right", "zh-Hant": "右手邊", "id": "kanan"}[lang]
    assert right in directions(r, venue, lang)[-1]


def test_unknown_language_falls_back_to_english():
    venue = _venue()
    r = Router(venue).route(_place(2.0, 2.0), _place(2.0, 30.0, name="Info desk"))
    assert directions(r, venue, "fr") == directions(r, venue, "en")
    assert directions(r, venue, "en") == ["Walk 30 m along the aisle past Q0001.",
                                             "You have arrived at Info desk."]
