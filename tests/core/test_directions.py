"""Plain steps from routes, in English, Traditional Chinese and Bahasa Indonesia: what they
name, and a fixed set of SCSE routes pinned word for word."""

from __future__ import annotations

import random
import re

import pytest
from shapely.geometry import Point, box

from exponav.core.directions import LANGUAGES, directions, landmarks, turn_of
from exponav.core.model import (
    Amenity,
    Booth,
    Connector,
    ConnectorEnd,
    Level,
    LevelPlan,
    Place,
    Venue,
    Zone,
)
from exponav.core.routing.route import Route, RouteLeg
from exponav.core.routing.router import Router
from exponav.core.routing.turns import stretches


def _venue(esc_name: tuple[str, str] = ("", "")) -> Venue:
    """Two floors of one hall: a row of booths along y 10..13 and an escalator; on 1F an
    information desk east of the row and the Japan Pavilion north-east of it."""
    levels, plans = {}, {}
    for lid, ordinal, area, zh in (("H-1F", 1, "Q", "1樓"), ("H-4F", 4, "S", "4樓")):
        lv = Level(lid, f"Hall {ordinal}F", f"展館 {zh}", "Hall", ordinal, f"{lid}.geojson")
        plan = LevelPlan(lv, box(0, 0, 60, 40))
        for i in range(10):
            plan.booths.append(Booth(f"{area}{i + 1:04d}", lid, area, "standard",
                                     box(5 + 3 * i, 10, 8 + 3 * i, 13)))
        levels[lid], plans[lid] = lv, plan
    one = plans["H-1F"]
    one.amenities.append(Amenity("INFO-1", "H-1F", "information", Point(40.0, 8.0),
                                 "Information desk", "服務台"))
    one.amenities.append(Amenity("WC-1", "H-1F", "toilet", Point(21.5, 15.0), "Toilets", "廁所"))
    one.zones.append(Zone("ZONE-JP", "H-1F", "Japan Pavilion", "日本館", box(42, 15, 57, 35),
                          "pavilion"))
    esc = Connector("ES-1", "escalator", False,
                    (ConnectorEnd("H-1F", 55.0, 5.0), ConnectorEnd("H-4F", 55.0, 5.0)), 45.0,
                    name=esc_name[0], name_zh=esc_name[1])
    return Venue("v", "V", "V", levels, [esc], plans)


def _place(x, y, level="H-1F", name=""):
    return Place(f"{level}@{x},{y}", "point", level, x, y, name=name)


def _booth(venue, code, name=""):
    b = next(b for p in venue.plans.values() for b in p.booths if b.code == code)
    c = b.polygon.centroid
    return Place(code, "booth", b.level, c.x, c.y, polygon=b.polygon, name=name or code)


def _walk(venue, coords, dest=None, level="H-1F") -> Route:
    leg = RouteLeg.along(level, coords, None)
    return Route(_place(*coords[0]), dest or _place(*coords[-1], name="there"), [leg], False,
                 leg.length_m / 1.2)


def test_turn_names():
    assert turn_of(0) is None and turn_of(19.9) is None and turn_of(-19.9) is None
    assert turn_of(30) == "slight_left" and turn_of(-30) == "slight_right"
    assert turn_of(90) == "left" and turn_of(-90) == "right"
    assert turn_of(134) == "left" and turn_of(-136) == "around"


def test_stretches_drop_small_bends_and_jogs():
    coords = [(0, 0), (10, 0.5), (20, 0), (20, 1.0), (20.2, 10)]
    parts = stretches(coords)
    assert len(parts) == 2
    assert parts[0][2] + parts[1][2] == pytest.approx(
        sum(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(coords, coords[1:], strict=False)))


def test_hand_made_route_reads_well():
    venue = _venue()
    dest = _booth(venue, "Q0005")
    # east along y = 8 under the row, then north past its east end, then west along y = 14.5
    route = _walk(venue, [(2.0, 8.0), (36.0, 8.0), (36.0, 14.5), (18.5, 14.5)], dest)
    en = directions(route, venue, "en")
    assert en[0] == "Walk 35 m along the aisle past the information desk, then turn left."
    assert en[1] == "Walk 6 m along the aisle past Q0010, then turn left."  # not the desk again
    assert en[2].startswith("Walk 15 m along the aisle") or en[2].startswith("Walk 20 m along the aisle")
    # walking west with the booth (y 10..13) to the south: on the left
    assert en[-1] == "Q0005 is on your left."
    zh = directions(route, venue, "zh-Hant")
    assert zh[0] == "沿走道直走 35 公尺，經過服務台，然後左轉。"
    assert zh[1] == "沿走道直走 6 公尺，經過 Q0010，然後左轉。"
    assert zh[-1] == "Q0005 在您的左手邊。"
    idn = directions(route, venue, "id")
    assert idn[0] == "Jalan 35 m menyusuri lorong melewati meja informasi, lalu belok kiri."
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
    assert "Take escalator ES-1 up to 4F." in en  # a connector without a name: kind and id
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


def test_connectors_are_named_as_the_venue_names_them():
    venue = _venue(("Escalator B", "電扶梯B"))
    route = Router(venue).route(_place(2.0, 2.0), _booth(venue, "S0003"))
    assert "Take Escalator B up to 4F." in directions(route, venue, "en")
    assert "搭乘電扶梯B上樓到 4樓。" in directions(route, venue, "zh-Hant")
    assert "Naik Escalator B ke 4F." in directions(route, venue, "id")
    assert all("ES-1" not in s for lang in LANGUAGES for s in directions(route, venue, lang))


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


# -- what a step names ---------------------------------------------------------------------

LABELS = {f"Q{i:04d}": (f"Stand {i} Ltd", f"第{i}號公司") for i in range(1, 11)}


def test_an_amenity_in_sight_beats_a_labelled_stand_and_a_code():
    venue = _venue()
    route = _walk(venue, [(2.0, 8.0), (36.0, 8.0)])  # ends 4 m short of the information desk
    assert directions(route, venue, "en", LABELS)[0] == \
        "Walk 35 m along the aisle past the information desk."
    assert directions(route, venue, "zh-Hant", LABELS)[0] == "沿走道直走 35 公尺，經過服務台。"
    assert directions(route, venue, "id", LABELS)[0] == \
        "Jalan 35 m menyusuri lorong melewati meja informasi."


def test_a_labelled_stand_beats_a_code_and_codes_are_marked_for_the_map():
    venue = _venue()
    route = _walk(venue, [(2.0, 8.0), (28.0, 8.0)])  # the desk is 12 m on: out of reach
    assert directions(route, venue, "en", LABELS)[0] == "Walk 25 m along the aisle past Stand 8 Ltd."
    assert directions(route, venue, "zh-Hant", LABELS)[0] == "沿走道直走 25 公尺，經過第8號公司。"
    [lm] = landmarks(route, venue, LABELS)
    assert (lm.kind, lm.id, lm.labelled) == ("booth", "Q0008", True)
    # without labels the stand is named by its code, and the route says so
    assert directions(route, venue, "en")[0] == "Walk 25 m along the aisle past Q0008."
    [lm] = landmarks(route, venue)
    assert (lm.kind, lm.id, lm.labelled) == ("booth", "Q0008", False)
    assert lm.to_dict() == {"kind": "booth", "id": "Q0008", "level": "H-1F", "name": "Q0008",
                            "name_zh": "Q0008", "labelled": False}


def test_an_amenity_behind_a_stand_is_not_in_sight():
    venue = _venue()
    # the toilets at (21.5, 15) are 7 m north of y = 8, behind Q0006 (x 20..23, y 10..13)
    route = _walk(venue, [(14.0, 8.0), (24.0, 8.0)])
    assert "toilets" not in directions(route, venue, "en", LABELS)[0]
    seen = _walk(venue, [(14.0, 15.5), (24.0, 15.5)])  # north of the row: in plain sight
    assert directions(seen, venue, "en", LABELS)[0] == "Walk 10 m along the aisle past the toilets."


def test_zones_walked_through_and_along():
    venue = _venue()
    through = _walk(venue, [(45.0, 17.0), (45.0, 33.0)])
    assert directions(through, venue, "en")[0] == "Walk 15 m through the Japan Pavilion."
    assert directions(through, venue, "zh-Hant")[0] == "直走 15 公尺，穿過日本館。"
    assert directions(through, venue, "id")[0] == "Jalan 15 m melintasi Japan Pavilion."
    along = _walk(venue, [(40.0, 17.0), (40.0, 33.0)])
    assert directions(along, venue, "en")[0] == "Walk 15 m along the Japan Pavilion."
    assert directions(along, venue, "zh-Hant")[0] == "沿日本館直走 15 公尺。"
    assert directions(along, venue, "id")[0] == "Jalan 15 m menyusuri Japan Pavilion."


def test_a_labelled_destination_is_named_with_its_code():
    venue = _venue()
    dest = _booth(venue, "Q0005", "Stand 5 Ltd")
    route = _walk(venue, [(2.0, 8.0), (18.5, 8.0)], dest)
    assert directions(route, venue, "en", LABELS)[-1] == "Stand 5 Ltd (Q0005) is on your left."
    assert directions(route, venue, "id", LABELS)[-1] == "Stand 5 Ltd (Q0005) ada di sebelah kiri Anda."


# -- SCSE routes, word for word ---------------------------------------------------------------

PINNED = {
    ('K-H2-1F-1', 'Q0210', False): {
        'en': [
            'Walk 7 m along the aisle past the information desk, then turn right.',
            'Walk 65 m along the Taipei City Government Vision Pavilion, then turn left.',
            'Walk 15 m along the aisle past National Development Council, then turn right.',
            'Walk 55 m along the Smart Nation 2.0 Area.',
            'Grinevo Aqua (Q0210) is on your left.',
        ],
        'zh-Hant': [
            '沿走道直走 7 公尺，經過服務台，然後右轉。',
            '沿臺北市政府願景館直走 65 公尺，然後左轉。',
            '沿走道直走 15 公尺，經過國家發展委員會，然後右轉。',
            '沿智慧國家2.0專區直走 55 公尺。',
            '格涅沃智慧養殖（Q0210）在您的左手邊。',
        ],
        'id': [
            'Jalan 7 m menyusuri lorong melewati meja informasi, lalu belok kanan.',
            'Jalan 65 m menyusuri Taipei City Government Vision Pavilion, lalu belok kiri.',
            'Jalan 15 m menyusuri lorong melewati National Development Council, lalu belok kanan.',
            'Jalan 55 m menyusuri Smart Nation 2.0 Area.',
            'Grinevo Aqua (Q0210) ada di sebelah kiri Anda.',
        ],
    },
    ('K-H2-1F-1', 'S1024', False): {
        'en': [
            'Walk 40 m along the aisle past the taxi stand (via Entrance E3).',
            'Take Escalator B up to 4F.',
            'Walk 15 m along the aisle past Quimom MedTech, then bear slightly left.',
            'Walk 9 m along the Global Business Matchmaking, then turn right.',
            'Walk 20 m along the aisle past the charging station, then turn right.',
            'Walk 9 m along the Global Business Matchmaking, then turn left.',
            'Walk 50 m along the aisle past Dramoron Health, then bear slightly right.',
            'Walk 6 m along the aisle past Kaloria IoT.',
            'Beliria Transit (S1024) is straight ahead.',
        ],
        'zh-Hant': [
            '沿走道直走 40 公尺，經過計程車招呼站（經E3入口）。',
            '搭乘電扶梯B上樓到 4樓。',
            '沿走道直走 15 公尺，經過奎摩姆醫療科技，然後稍向左轉。',
            '沿國際商機媒合區直走 9 公尺，然後右轉。',
            '沿走道直走 20 公尺，經過充電站，然後右轉。',
            '沿國際商機媒合區直走 9 公尺，然後左轉。',
            '沿走道直走 50 公尺，經過德摩隆健康科技，然後稍向右轉。',
            '沿走道直走 6 公尺，經過卡洛莉亞物聯網。',
            '貝利莉亞運輸科技（S1024）就在您的正前方。',
        ],
        'id': [
            'Jalan 40 m menyusuri lorong melewati Taxi stand (via Entrance E3).',
            'Naik Escalator B ke 4F.',
            'Jalan 15 m menyusuri lorong melewati Quimom MedTech, lalu agak belok kiri.',
            'Jalan 9 m menyusuri Global Business Matchmaking, lalu belok kanan.',
            'Jalan 20 m menyusuri lorong melewati stasiun pengisian daya, lalu belok kanan.',
            'Jalan 9 m menyusuri Global Business Matchmaking, lalu belok kiri.',
            'Jalan 50 m menyusuri lorong melewati Dramoron Health, lalu agak belok kanan.',
            'Jalan 6 m menyusuri lorong melewati Kaloria IoT.',
            'Beliria Transit (S1024) ada tepat di depan Anda.',
        ],
    },
    ('K-H2-1F-1', 'S1024', True): {
        'en': [
            'Walk 15 m along the aisle past the free Wi-Fi help point, then turn right.',
            'Walk 15 m along the Kaohsiung City Pavilion, then turn left.',
            'Walk 20 m along the aisle past Mirinix Grid, then turn right.',
            'Walk 15 m along the aisle past the charging station, then turn left.',
            'Walk 20 m along the aisle past Rivenix IoT, then turn right.',
            'Walk 25 m along the aisle past Tazetra Telecom Systems.',
            'Take Elevator B up to 4F.',
            'Walk 20 m along the aisle past the nursing room, then turn left.',
            'Walk 20 m along the Main Stage area.',
            'Beliria Transit (S1024) is straight ahead.',
        ],
        'zh-Hant': [
            '沿走道直走 15 公尺，經過免費無線網路服務點，然後右轉。',
            '沿高雄市館直走 15 公尺，然後左轉。',
            '沿走道直走 20 公尺，經過米瑞尼克斯電網科技，然後右轉。',
            '沿走道直走 15 公尺，經過充電站，然後左轉。',
            '沿走道直走 20 公尺，經過瑞薇尼克斯物聯網，然後右轉。',
            '沿走道直走 25 公尺，經過塔澤特拉通訊系統。',
            '搭乘電梯B上樓到 4樓。',
            '沿走道直走 20 公尺，經過哺集乳室，然後左轉。',
            '沿主舞台區直走 20 公尺。',
            '貝利莉亞運輸科技（S1024）就在您的正前方。',
        ],
        'id': [
            'Jalan 15 m menyusuri lorong melewati Free Wi-Fi help point, lalu belok kanan.',
            'Jalan 15 m menyusuri Kaohsiung City Pavilion, lalu belok kiri.',
            'Jalan 20 m menyusuri lorong melewati Mirinix Grid, lalu belok kanan.',
            'Jalan 15 m menyusuri lorong melewati stasiun pengisian daya, lalu belok kiri.',
            'Jalan 20 m menyusuri lorong melewati Rivenix IoT, lalu belok kanan.',
            'Jalan 25 m menyusuri lorong melewati Tazetra Telecom Systems.',
            'Naik Elevator B ke 4F.',
            'Jalan 20 m menyusuri lorong melewati ruang menyusui, lalu belok kiri.',
            'Jalan 20 m menyusuri Main Stage area.',
            'Beliria Transit (S1024) ada tepat di depan Anda.',
        ],
    },
    ('K-H2-1F-2', 'Q0725', False): {
        'en': [
            'Walk 20 m through the Taipei City Government Vision Pavilion.',
            'Foxconn (Hon Hai Technology Group) (Q0725) is on your left.',
        ],
        'zh-Hant': [
            '直走 20 公尺，穿過臺北市政府願景館。',
            '鴻海科技集團（Q0725）在您的左手邊。',
        ],
        'id': [
            'Jalan 20 m melintasi Taipei City Government Vision Pavilion.',
            'Foxconn (Hon Hai Technology Group) (Q0725) ada di sebelah kiri Anda.',
        ],
    },
    ('WC-H2-1F-1', 'Q0905', False): {
        'en': [
            'Walk 75 m along the aisle past Stairs A, then turn left.',
            'Walk 7 m along the aisle past Joriria Energy.',
            'Jukanova Fintech (Q0905) is on your right.',
        ],
        'zh-Hant': [
            '沿走道直走 75 公尺，經過樓梯A，然後左轉。',
            '沿走道直走 7 公尺，經過喬瑞莉亞能源。',
            '朱卡諾瓦金融科技（Q0905）在您的右手邊。',
        ],
        'id': [
            'Jalan 75 m menyusuri lorong melewati Stairs A, lalu belok kiri.',
            'Jalan 7 m menyusuri lorong melewati Joriria Energy.',
            'Jukanova Fintech (Q0905) ada di sebelah kanan Anda.',
        ],
    },
    ('Q0101', 'Q0102', False): {
        'en': [
            'Walk 6 m along the aisle past Stairs A.',
            'Caeragen Telecom Systems (Q0102) is on your right.',
        ],
        'zh-Hant': [
            '沿走道直走 6 公尺，經過樓梯A。',
            '凱拉根通訊系統（Q0102）在您的右手邊。',
        ],
        'id': [
            'Jalan 6 m menyusuri lorong melewati Stairs A.',
            'Caeragen Telecom Systems (Q0102) ada di sebelah kanan Anda.',
        ],
    },
    ('K-H2-4F-1', 'STAGE-H2-4F-MAIN', False): {
        'en': [
            'Walk 15 m along the aisle past the free Wi-Fi help point, then turn right.',
            'Walk 15 m along the aisle past Rority AI, then turn left.',
            'Walk 20 m along the USA Pavilion, then turn right.',
            'Walk 15 m along the aisle past the charging station, then turn left.',
            'Walk 20 m along the aisle past Zizegen Power, then turn right.',
            'Walk 20 m along the Main Stage area.',
            'You have arrived at Main Stage.',
        ],
        'zh-Hant': [
            '沿走道直走 15 公尺，經過免費無線網路服務點，然後右轉。',
            '沿走道直走 15 公尺，經過羅瑞蒂人工智慧，然後左轉。',
            '沿美國館直走 20 公尺，然後右轉。',
            '沿走道直走 15 公尺，經過充電站，然後左轉。',
            '沿走道直走 20 公尺，經過齊澤根電力科技，然後右轉。',
            '沿主舞台區直走 20 公尺。',
            '您已抵達主舞台。',
        ],
        'id': [
            'Jalan 15 m menyusuri lorong melewati Free Wi-Fi help point, lalu belok kanan.',
            'Jalan 15 m menyusuri lorong melewati Rority AI, lalu belok kiri.',
            'Jalan 20 m menyusuri USA Pavilion, lalu belok kanan.',
            'Jalan 15 m menyusuri lorong melewati stasiun pengisian daya, lalu belok kiri.',
            'Jalan 20 m menyusuri lorong melewati Zizegen Power, lalu belok kanan.',
            'Jalan 20 m menyusuri Main Stage area.',
            'Anda telah tiba di Main Stage.',
        ],
    },
}


@pytest.mark.parametrize("key", list(PINNED), ids=lambda k: f"{k[0]}-{k[1]}{'-step-free' if k[2] else ''}")
def test_scse_directions_are_pinned(nav, key):
    """Directions for fixed SCSE routes, read once by a person and pinned in every language.
    A change in the plans, the router or the words shows here: read the new steps for sense
    (``exponav route FROM TO`` with the window's language) before pinning them again."""
    origin, destination, step_free = key
    route = nav.route(origin, destination, step_free=step_free)
    for lang in LANGUAGES:
        assert nav.directions(route, lang) == PINNED[key][lang], lang


def test_the_navigator_keeps_what_the_steps_name(nav):
    route = nav.route("K-H2-1F-1", "Q0210", lang="zh-Hant")
    assert route.landmarks
    names = [lm.name_zh for lm in route.landmarks]
    assert all(any(n in s for s in route.steps) for n in names)
    d = route.to_dict()
    assert [m["id"] for m in d["landmarks"]] == [lm.id for lm in route.landmarks]
    assert nav.directions(route, "en") == PINNED[("K-H2-1F-1", "Q0210", False)]["en"]


def test_a_connector_end_reached_is_named_as_the_venue_names_it(nav):
    route = nav.route("K-H1-1F-1", "ES-H2-B@H2-4F")
    assert [nav.directions(route, lang)[-1] for lang in LANGUAGES] == [
        "You have arrived at Escalator B.", "您已抵達電扶梯B。", "Anda telah tiba di Escalator B."]
    lift = nav.route("J0815", "EL-H1-B@H1-4F", step_free=True)
    assert nav.directions(lift, "zh-Hant")[-1] == "您已抵達1館電梯B。"


CONNECTOR_ID = re.compile(r"\b(?:ES|EL|ST|WW)-H\d")


def test_no_step_names_a_connector_by_its_id(nav):
    """A sample of routes across and within levels and halls, step-free or not, to and from
    booths, amenities, doors, kiosks and connector ends: every step in every language
    names a connector as venue.json does."""
    rng = random.Random(7)
    places = [f"{c.id}@{e.level}" for c in nav.venue.connectors for e in c.ends]
    for plan in nav.venue.plans.values():
        places += [b.code for b in rng.sample(plan.booths, 3)]
        places += [plan.amenities[0].id, plan.kiosks[0].id, plan.openings[0].id]
    pairs = [rng.sample(places, 2) for _ in range(30)]
    pairs += [(p, q) for p in places[:2] for q in places[-3:]]
    for origin, destination in pairs:
        for step_free in (False, True):
            route = nav.route(origin, destination, step_free=step_free)
            for lang in LANGUAGES:
                steps = nav.directions(route, lang)
                assert not [s for s in steps if CONNECTOR_ID.search(s)], (origin, destination)
