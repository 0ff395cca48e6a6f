"""The venue rules' sentences in English, Chinese and Indonesian: every rule says the same
things in each, and real violations on a broken copy of the SCSE plan read well in all
three (filled in, naming the same booths and figures)."""

from __future__ import annotations

import re
import string
from collections import defaultdict
from dataclasses import replace

import pytest
from shapely import affinity
from shapely.geometry import LineString, Point, box

from exponav.core.io.floorplan import load_venue
from exponav.core.io.showcsv import load_show
from exponav.core.layout import read_rules
from exponav.core.layout.checks import Checker, show_violations
from exponav.core.layout.rules import (
    PHRASES,
    RULES,
    WORDS,
    Rules,
    Violation,
    Words,
    violation,
    words,
)
from exponav.core.model import ConnectorEnd, Obstacle
from exponav.core.paths import show_dir, venue_dir


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_has_three_sentences_with_the_same_placeholders(rule):
    r = RULES[rule]
    assert r.severity in ("error", "warning")
    assert r.en and r.zh and r.id and len({r.en, r.zh, r.id}) == 3
    assert _fields(r.en) == _fields(r.zh) == _fields(r.id)
    # the same figures, written the same way (precision) in each
    specs = [sorted((n, s) for _, n, s, _ in string.Formatter().parse(t) if n)
             for t in (r.en, r.zh, r.id)]
    assert specs[0] == specs[1] == specs[2]


def test_every_feature_and_phrase_has_words_in_the_three_languages():
    for key, w in {**WORDS, **PHRASES}.items():
        assert isinstance(w, Words) and all(w), key
    for key, w in PHRASES.items():
        assert _fields(w.en) == _fields(w.zh) == _fields(w.id), key
    assert words("column").id == "tiang" and words("kiosk").named("K-01").id == "Kios K-01"
    assert words("pillar") == ("a pillar", "pillar", "pillar")


def test_a_language_dependent_value_is_given_as_words_not_spelled_out():
    with pytest.raises(TypeError, match="what as Words"):
        violation(Rules(), "point.in_booth", "H2-1F", ("K-01", "Q0101"), None, a="Q0101",
                  what="Kiosk K-01", what_zh="導覽機K-01")


def test_the_indonesian_writes_figures_with_a_decimal_comma_and_the_english_a_point():
    v = violation(Rules(), "aisle.narrow", "H2-1F", ("Q0101",), (0, 0), subject="wall",
                  what=words("wall"), width=2.5, min=3.0)
    assert v.message == "The aisle between booth Q0101 and a wall is 2.50 m wide; the minimum is 3 m."
    assert v.message_id == ("Lebar lorong antara stan Q0101 dan dinding adalah 2,50 m; "
                            "batas minimalnya 3 m.")
    assert v.message_zh == "攤位Q0101與牆之間的走道寬2.50公尺，最少需3公尺。"
    assert [v.message_in(t) for t in ("en", "zh-Hant", "id", "id-ID", "fr")] == [
        v.message, v.message_zh, v.message_id, v.message_id, v.message]


# -- real violations ----------------------------------------------------------------------

def _set_booth(venue, code, **fields):
    for plan in venue.plans.values():
        for i, b in enumerate(plan.booths):
            if b.code == code:
                plan.booths[i] = replace(b, **fields)
                return plan.booths[i]
    raise KeyError(code)


def _moved(venue, code, dx, dy):
    b = next(b for b in venue.booths() if b.code == code)
    return _set_booth(venue, code, polygon=affinity.translate(b.polygon, dx, dy))


def _many_broken(venue) -> None:
    """Overlaps, obstacles, narrow and blocked aisles, clearances, codes, points, an
    opening and a connector, all broken on one copy of the plan."""
    plan = venue.plans["H2-1F"]
    _moved(venue, "Q0311", 6, 0)  # onto Q0319
    col = next(o for o in plan.obstacles if o.category == "column")
    c = col.polygon.centroid
    _set_booth(venue, "Q0125", polygon=box(c.x - 1, c.y - 1, c.x + 2, c.y + 2))
    exit_ = next(o for o in plan.openings if o.id == "OP-H2-1F-X1")
    (_, y), _ = exit_.line.coords
    plan.booths.append(replace(plan.booths[0], code="Q1390", polygon=box(1, y, 4, y + 2)))
    plan.booths.append(replace(plan.booths[0], code="S1391", area="S",
                               polygon=box(1, 120, 4, 123)))
    dup = venue.plans["H2-4F"].booths[0]
    plan.booths.append(replace(dup, level="H2-1F", polygon=box(5, 120, 8, 123)))
    for lv in ("H1-1F", "H1-4F"):  # cuts the east of hall 1 off from its entrances
        venue.plans[lv].obstacles.append(Obstacle(lv, "wall", box(300.2, -2, 300.6, 126)))
    q0311 = next(b for b in plan.booths if b.code == "Q0311")
    plan.kiosks[0] = replace(plan.kiosks[0], point=q0311.polygon.centroid)
    plan.amenities[0] = replace(plan.amenities[0], point=Point(-50, -50))
    plan.openings[0] = replace(plan.openings[0], line=LineString([(76, 60), (76, 64)]))
    cn = venue.connectors[0]
    venue.connectors[0] = replace(cn, ends=(ConnectorEnd(cn.ends[0].level, 10000.0,
                                                         cn.ends[0].y), *cn.ends[1:]))
    _moved(venue, "S0152", 1000, 0)  # far outside hall 2's fourth floor
    up = venue.plans["H2-4F"]
    b = next(b for b in up.booths if b.code == "S0110")
    x0, y0, x1, y1 = b.polygon.bounds
    up.amenities[1] = replace(up.amenities[1], point=Point(x1 + 0.3, (y0 + y1) / 2))


def _too_deep(venue) -> None:
    """A 40 m x 18 m booth walled in on three sides and half of the fourth."""
    plan = venue.plans["H2-1F"]
    big = box(20, 100, 60, 118)
    plan.booths = [b for b in plan.booths if not b.polygon.intersects(big.buffer(3))]
    plan.booths.append(replace(venue.plans["H2-1F"].booths[0], code="Q1392", polygon=big))
    plan.obstacles = [o for o in plan.obstacles if not o.polygon.intersects(big)]
    for wall in (box(15, 103, 20, 118), box(20, 97, 60, 100), box(60, 100, 63, 118),
                 box(20, 118, 30, 119)):
        plan.obstacles.append(Obstacle("H2-1F", "wall", wall))


def _no_entrance(venue) -> None:
    for plan in venue.plans.values():
        plan.openings = [o for o in plan.openings if o.category == "emergencyexit"]


@pytest.fixture(scope="module")
def sample() -> dict[str, list[Violation]]:
    """Rule -> the violations of it found on the broken copies and the broken show."""
    rules = read_rules(venue_dir())
    found: dict[str, list[Violation]] = defaultdict(list)
    for breaking in (_many_broken, _too_deep, _no_entrance):
        venue = load_venue(venue_dir())
        breaking(venue)
        for v in Checker(venue, rules).violations:
            found[v.rule].append(v)
    venue, show = load_venue(venue_dir()), load_show(show_dir())
    exhibitors = list(show.exhibitors.values())
    ex, other = exhibitors[0], exhibitors[1]
    broken = dict(show.exhibitors)
    broken[ex.id] = replace(ex, booths=(*ex.booths, "Q9999"))
    broken[other.id] = replace(other, booths=(*other.booths, ex.booths[0]))
    for v in show_violations(venue, replace(show, exhibitors=broken), rules):
        found[v.rule].append(v)
    return dict(found)


def test_the_sample_breaks_every_kind_of_rule(sample):
    assert set(sample) == set(RULES)


def _figures(text: str) -> list[str]:
    return sorted(f.replace(",", ".") for f in re.findall(r"\d+(?:[.,]\d+)?", text))


def _codes(text: str, codes: tuple[str, ...]) -> set[str]:
    return {c for c in codes
            if re.search(rf"(?<![A-Za-z0-9-]){re.escape(c)}(?![A-Za-z0-9-])", text)}


def test_the_indonesian_sentences_of_real_violations_are_filled_in(sample):
    for rule, found in sample.items():
        for v in found[:25]:
            en, id_ = v.message, v.message_id
            assert id_ and "{" not in id_ and "}" not in id_, (rule, id_)
            assert id_ != en and id_.endswith("."), (rule, id_)
            assert _codes(id_, v.codes) == _codes(en, v.codes) == _codes(v.message_zh, v.codes)
            assert _figures(id_) == _figures(en), (rule, en, id_)
            assert not re.search(r"\d\.\d", id_.replace("venue.json", "")), id_
            assert v.to_dict()["message_id"] == id_


def test_some_sentences_as_a_reader_sees_them(sample):
    (overlap,) = sample["booth.overlap"]
    assert overlap.message_id == "Stan Q0311 dan Q0319 tumpang tindih 45,0 m²."
    (kiosk,) = [v for v in sample["point.in_booth"] if v.codes[1] == "Q0311"]
    assert kiosk.message_id == f"Kios {kiosk.codes[0]} berada di dalam stan Q0311."
    blocked = {v.codes[0]: v for v in sample["clearance.blocked"]}
    assert blocked["Q1390"].message_id == (
        "Stan Q1390 berada di area bebas 5 m di depan pintu darurat OP-H2-1F-X1.")
    assert any(v.message_id.startswith("Stan ") and " menimpa tiang (" in v.message_id
               for v in sample["booth.obstacle"])
    (deep,) = [v for v in sample["booth.depth"] if v.codes == ("Q1392",)]
    assert deep.message_id.endswith("dari lorong terdekat; batas maksimalnya 15 m.")
    assert any("(ujungnya di H2-1F)" in v.message_id for v in sample["point.off_walkable"])
