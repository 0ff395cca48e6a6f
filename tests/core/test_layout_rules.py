"""The venue rules: the shipped plan keeps them, each rule finds what it is about, and the
check after an edit (incremental) equals a full check of the result."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, box

from exponav.core.errors import DataError
from exponav.core.io.floorplan import load_venue
from exponav.core.layout import (
    AddBooth,
    ChangeError,
    Layout,
    MoveAmenity,
    MoveBooth,
    MoveConnectorEnd,
    MoveKiosk,
    RemoveBooth,
    RotateBooth,
    Rules,
    SplitBooth,
    Unassign,
)
from exponav.core.layout.checks import Checker, show_violations
from exponav.core.layout.rules import RULES
from exponav.core.model import ConnectorEnd, Obstacle
from exponav.core.paths import venue_dir


@pytest.fixture(scope="module")
def shipped() -> Layout:
    return Layout.load()


@pytest.fixture
def venue():
    """A fresh copy of the shipped venue to break."""
    return load_venue(venue_dir())


def rules_broken(venue, rules: Rules | None = None) -> dict[str, list]:
    from exponav.core.layout import read_rules

    found: dict[str, list] = {}
    for v in Checker(venue, rules or read_rules(venue_dir())).violations:
        found.setdefault(v.rule, []).append(v)
    return found


def _set_booth(venue, code, **fields):
    for plan in venue.plans.values():
        for i, b in enumerate(plan.booths):
            if b.code == code:
                plan.booths[i] = replace(b, **fields)
                return b
    raise KeyError(code)


def _moved(venue, code, dx, dy):
    from shapely import affinity

    b = next(b for b in venue.booths() if b.code == code)
    return _set_booth(venue, code, polygon=affinity.translate(b.polygon, dx, dy))


def test_the_shipped_plan_has_no_error_and_no_warning(shipped):
    assert shipped.violations == []
    assert show_violations(shipped.venue, shipped.show, shipped.rules) == []


def test_every_violation_has_its_three_sentences_and_a_place(venue):
    _moved(venue, "Q0311", 6, 0)
    for vs in rules_broken(venue).values():
        for v in vs:
            d = v.to_dict()
            assert set(d) == {"rule", "severity", "level", "codes", "at", "message",
                              "message_zh", "message_id"}
            assert d["message"].endswith(".") and d["message_zh"].endswith("。")
            assert d["message_id"].endswith(".")
            assert d["rule"] in RULES and d["severity"] in ("error", "warning")


def test_overlapping_booths(venue):
    _moved(venue, "Q0311", 6, 0)
    (v,) = rules_broken(venue)["booth.overlap"]
    assert v.codes == ("Q0311", "Q0319") and "45.0 m²" in v.message


def test_a_booth_a_kilometre_outside_the_hall(venue):
    _moved(venue, "Q0311", 1000, 0)
    found = rules_broken(venue)
    assert found["booth.outside"][0].codes == ("Q0311",)
    assert found["booth.no_frontage"][0].codes == ("Q0311",)


def test_a_booth_half_over_the_outer_wall(venue):
    plan = venue.plans["H2-1F"]
    west = min(plan.booths, key=lambda b: b.polygon.bounds[0])
    x0, _, x1, _ = west.polygon.bounds
    _moved(venue, west.code, -x0 - (x1 - x0) / 2, 0)
    (v,) = rules_broken(venue)["booth.outside"]
    assert v.codes == (west.code,) and v.at[0] < 0


def test_a_booth_on_a_column_and_a_wall_across_the_hall(venue):
    col = next(o for o in venue.plans["H2-1F"].obstacles if o.category == "column")
    c = col.polygon.centroid
    _set_booth(venue, "Q0125", polygon=box(c.x - 1, c.y - 1, c.x + 2, c.y + 2))
    venue.plans["H2-4F"].obstacles.append(Obstacle("H2-4F", "wall", box(0, 61, 153, 61.4)))
    found = rules_broken(venue)
    on = {(v.level, v.subject) for v in found["booth.obstacle"]}
    assert ("H2-1F", "column") in on and ("H2-4F", "wall") in on
    assert sum(v.level == "H2-4F" for v in found["booth.obstacle"]) > 10


def test_a_wall_that_cuts_booths_off_from_every_entrance(venue):
    # Hall 1's entrances are on its west side; its lifts and stairs on the east join the
    # two floors, so a wall across both floors cuts the east of both off
    for lv in ("H1-1F", "H1-4F"):
        venue.plans[lv].obstacles.append(Obstacle(lv, "wall", box(300.2, -2, 300.6, 126)))
    found = rules_broken(venue)
    where = {b.code: b.polygon.bounds[0] for b in venue.booths()}
    cut = [v.codes[0] for v in found["booth.unreachable"]]
    assert len(cut) > 300 and all(where[c] > 300 for c in cut)
    assert {v.level for v in found["booth.unreachable"]} == {"H1-1F", "H1-4F"}
    assert "WC-H1-4F-1" in {v.codes[0] for v in found["point.unreachable"]}
    assert not any(where[c] < 300 for c in cut)


def test_aisles_narrower_than_three_metres_and_main_aisles_narrower_than_five(venue):
    _moved(venue, "Q0311", 1.5, 0)  # 1.5 m from its neighbour across a cross aisle
    found = rules_broken(venue)
    assert [v.codes for v in found["aisle.narrow"]] == [("Q0311", "Q0319")]
    venue2 = load_venue(venue_dir())
    # the west bay's booths move 2 m east: the 6 m main aisle at x = 22.5 becomes 4 m
    for b in list(venue2.plans["H2-1F"].booths):
        x0, _, x1, _ = b.polygon.bounds
        if x1 <= 19.6 and x0 >= 4.4:
            _moved(venue2, b.code, 2, 0)
    narrow = rules_broken(venue2)["aisle.narrow"]
    assert narrow and all("the minimum is 5 m" in v.message for v in narrow
                          if v.level == "H2-1F")


def test_clearance_in_front_of_exits_and_lifts(venue):
    exit_ = next(o for o in venue.plans["H2-1F"].openings if o.id == "OP-H2-1F-X1")
    (x, y), _ = exit_.line.coords
    venue.plans["H2-1F"].booths.append(
        replace(venue.plans["H2-1F"].booths[0], code="Q1390", polygon=box(1, y, 4, y + 2)))
    lift = next(c for c in venue.connectors if c.id == "EL-H2-A").ends[0]
    venue.plans["H2-1F"].booths.append(
        replace(venue.plans["H2-1F"].booths[0], code="Q1391",
                polygon=box(lift.x - 1, lift.y + 1, lift.x + 1, lift.y + 2)))
    found = {v.codes[0]: v.subject for v in rules_broken(venue)["clearance.blocked"]}
    assert found["Q1390"] == "OP-H2-1F-X1" and found["Q1391"].startswith("EL-H2-A")


def test_a_point_inside_a_booth_more_than_15_m_from_an_aisle(venue):
    plan = venue.plans["H2-1F"]
    big = box(20, 100, 60, 118)  # 40 m x 18 m, its north side against the core row
    plan.booths = [b for b in plan.booths if not b.polygon.intersects(big.buffer(3))]
    plan.booths.append(replace(venue.plans["H2-1F"].booths[0], code="Q1392", polygon=big))
    plan.obstacles = [o for o in plan.obstacles if not o.polygon.intersects(big)]
    plan.obstacles.append(Obstacle("H2-1F", "wall", box(15, 103, 20, 118)))  # west side shut
    found = rules_broken(venue)
    deep = [v for v in found.get("booth.depth", []) if v.codes == ("Q1392",)]
    assert not deep  # every point is within 9 m of its south side
    plan.obstacles.append(Obstacle("H2-1F", "wall", box(20, 97, 60, 100)))  # south side shut
    plan.obstacles.append(Obstacle("H2-1F", "wall", box(60, 100, 63, 118)))  # east side shut
    plan.obstacles.append(Obstacle("H2-1F", "wall", box(20, 118, 30, 119)))
    found = rules_broken(venue)
    deep = [v for v in found.get("booth.depth", []) if v.codes == ("Q1392",)]
    assert deep and "at most 15 m" in deep[0].message


def test_a_booth_with_no_aisle_frontage(venue):
    plan = venue.plans["H2-1F"]
    b = next(b for b in plan.booths if b.code == "Q0125")
    x0, y0, x1, y1 = b.polygon.bounds
    plan.obstacles.append(Obstacle("H2-1F", "wall", box(x0 - 1, y0 - 1, x1 + 1, y1 + 1)
                                   .difference(b.polygon)))
    found = rules_broken(venue)
    assert [v.codes for v in found["booth.no_frontage"]] == [("Q0125",)]


def test_points_inside_booths_or_off_the_walkable_area(venue):
    plan = venue.plans["H2-1F"]
    b = next(b for b in plan.booths if b.code == "Q0311")
    plan.kiosks[0] = replace(plan.kiosks[0], point=b.polygon.centroid)
    plan.amenities[0] = replace(plan.amenities[0], point=Point(-50, -50))
    found = rules_broken(venue)
    (inside,) = found["point.in_booth"]
    assert inside.codes == (plan.kiosks[0].id, "Q0311")
    assert "inside booth Q0311" in inside.message
    assert [v.codes for v in found["point.off_walkable"]] == [(plan.amenities[0].id,)]


def test_an_opening_in_the_middle_of_the_hall(venue):
    plan = venue.plans["H2-1F"]
    plan.openings[0] = replace(plan.openings[0], line=LineString([(76, 60), (76, 64)]))
    (v,) = rules_broken(venue)["opening.off_edge"]
    assert v.codes == (plan.openings[0].id,)


def test_a_connector_end_at_x_10000(venue):
    c = venue.connectors[0]
    venue.connectors[0] = replace(c, ends=(ConnectorEnd(c.ends[0].level, 10000.0, c.ends[0].y),
                                           *c.ends[1:]))
    found = rules_broken(venue)
    assert [v.codes for v in found["connector.off_level"]] == [(c.id,)]
    assert found["connector.mismatch"][0].severity == "warning"


def test_codes_off_the_scheme_or_used_twice(venue):
    plan = venue.plans["H2-1F"]
    plan.booths.append(replace(plan.booths[0], code="S1391", area="S",
                               polygon=box(1, 120, 4, 123)))
    dup = venue.plans["H2-4F"].booths[0]
    plan.booths.append(replace(dup, level="H2-1F", polygon=box(5, 120, 8, 123)))
    found = rules_broken(venue)
    assert ("S1391",) in [v.codes for v in found["code.scheme"]]
    assert [v.codes for v in found["code.duplicate"]] == [(dup.code,)]


def test_booths_given_to_nobody_that_exists_or_twice(shipped):
    show = shipped.show
    ex = next(iter(show.exhibitors.values()))
    other = list(show.exhibitors.values())[1]
    broken = dict(show.exhibitors)
    broken[ex.id] = replace(ex, booths=(*ex.booths, "Q9999"))
    broken[other.id] = replace(other, booths=(*other.booths, ex.booths[0]))
    found = {v.rule for v in show_violations(shipped.venue, replace(show, exhibitors=broken),
                                             shipped.rules)}
    assert found == {"show.unknown_booth", "show.shared_booth"}


def test_rules_read_from_venue_json_with_defaults_and_one_sentence_for_bad_values():
    r = Rules.from_json({"aisle_min_m": 2.5, "severity": {"aisle.narrow": "warning"}})
    assert (r.aisle_min_m, r.clearance_m, r.severity_of("aisle.narrow"),
            r.severity_of("booth.overlap")) == (2.5, 5.0, "warning", "error")
    assert Rules.from_json(r.to_json()) == r
    for bad, says in [({"aisle_min_m": -1}, "positive number"), ({"aisle": 3}, "unknown rule"),
                      ({"severity": {"booth.overlap": "fatal"}}, "error or warning"),
                      ({"main_aisles": {"H2-1F": [[1, 2]]}}, "at least two"),
                      ({"areas": {"H2-1F": ["QQ"]}}, "area letters")]:
        with pytest.raises(DataError, match=says):
            Rules.from_json(bad, "venue.json")


def test_a_milder_severity_from_the_rules(venue):
    _moved(venue, "Q0311", 1.5, 0)
    rules = Rules(severity={"aisle.narrow": "warning"})
    assert rules_broken(venue, rules)["aisle.narrow"][0].severity == "warning"


# -- incremental equals full --------------------------------------------------------------

def _full(layout: Layout) -> list:
    return sorted((v.key, v.message, v.at) for v in Checker(layout.venue, layout.rules).violations)


def _live(layout: Layout) -> list:
    return sorted((v.key, v.message, v.at) for v in layout.violations)


@pytest.fixture(scope="module")
def edited() -> Layout:
    layout = Layout.load()
    layout.checker  # noqa: B018 - built now, then kept up to date edit by edit
    return layout


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_check_after_each_edit_equals_a_full_check(data, edited):
    layout = edited
    edits = []
    for _ in range(data.draw(st.integers(1, 3))):
        level = data.draw(st.sampled_from(["H2-1F", "H2-4F", "H1-4F"]))
        code = data.draw(st.sampled_from(sorted(b.code for b in
                                                layout.venue.plans[level].booths)))
        step = st.sampled_from([-6.0, -3.0, -1.0, -0.25, 0.5, 1.5, 3.0, 40.0])
        change = data.draw(st.sampled_from([
            MoveBooth(code, data.draw(step), data.draw(step)), RotateBooth(code, 45.0),
            SplitBooth(code), RemoveBooth(code), Unassign(code),
            AddBooth(f"{code[0]}1398", box(30, 60, 33, 63), level),
            MoveKiosk(layout.venue.plans[level].kiosks[0].id, dx=data.draw(step)),
            MoveAmenity(layout.venue.plans[level].amenities[0].id, dy=data.draw(step)),
            MoveConnectorEnd(next(c.id for c in layout.venue.connectors
                                  if any(e.level == level for e in c.ends)), level,
                             dx=data.draw(step))]))
        try:
            edits.append(layout.apply(change))
        except ChangeError:
            continue
        assert _live(layout) == _full(layout), change
    for edit in reversed(edits):
        layout.apply(edit.inverse())
    assert _live(layout) == _full(layout) == []
