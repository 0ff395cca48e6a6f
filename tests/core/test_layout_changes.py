"""Every change to a Layout: what it does, that its inverse undoes it exactly, that a
change which cannot be made changes nothing and says why, and the events it emits."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

from exponav.core.events import LayoutChanged
from exponav.core.layout import (
    AddBooth,
    Assign,
    BoothStatus,
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
from exponav.core.layout.parse import changes_from_json
from tests.core.test_layout_navigator import snapshot


@pytest.fixture(scope="module")
def loaded() -> Layout:
    return Layout.load()


@pytest.fixture
def layout(loaded: Layout):
    """The embedded layout, back as it was after each test."""
    start = snapshot(loaded)
    done = len(loaded.history)
    yield loaded
    for edit in reversed(loaded.history[done:]):
        loaded._commit(edit.inverse())
    del loaded.history[done:]
    assert snapshot(loaded) == start


def _free_pair(layout: Layout, level: str = "H2-4F") -> tuple[str, str]:
    """Two touching booths that no exhibitor holds."""
    free = [b for b in layout.venue.plans[level].booths if layout.owner(b.code) is None
            and b.code[-1] not in "ab"]
    for a in free:
        for b in free:
            if a.code < b.code and a.polygon.touches(b.polygon) and \
                    a.polygon.intersection(b.polygon).length > 1:
                return a.code, b.code
    raise AssertionError("no two free booths touch")


def _free(layout: Layout, level: str = "H2-1F") -> str:
    return next(b.code for b in layout.venue.plans[level].booths
                if layout.owner(b.code) is None and b.code[-1] not in "ab")


def _undo_is_exact(layout: Layout, change) -> None:
    start = snapshot(layout)
    edit = layout.apply(change)
    assert snapshot(layout) != start
    layout.apply(edit.inverse())
    assert snapshot(layout) == start


def test_every_kind_of_change_is_undone_exactly(layout):
    free = _free(layout)
    a, b = _free_pair(layout)
    for change in [
        MoveBooth("Q0125", 0, -3), MoveBooth("q125", 0.01, 0.333),
        RotateBooth("Q0125", 30), RotateBooth("Q0125", 90, about=(0.0, 0.0)),
        ReshapeBooth(free, box(*layout.booth(free).polygon.bounds).buffer(-0.5), "corner"),
        ResizeBooth(free, 6, 3, "ne"),
        SplitBooth(free), MergeBooths((a, b), a), MergeBooths((a, b), "S1399"),
        AddBooth("Q1399", box(1, 120, 4, 123)), RemoveBooth(free),
        SetStatus(free, "reserved", 12000), Assign(free, "EX0001"), Unassign("Q0311"),
        MoveAmenity("WC-H2-1F-1", dx=1, dy=0), MoveAmenity("WC-H2-1F-1", x=20, y=9),
        MoveKiosk("K-H2-1F-2", dx=0, dy=-1, heading_deg=45),
        MoveConnectorEnd("EL-H2-A", "H2-4F", dx=0.5),
        EditZone("ZONE-TAIPEI", name="Taipei Pavilion", polygon=box(50, 50, 70, 70)),
    ]:
        _undo_is_exact(layout, change)


def test_a_move_is_exact_to_the_centimetre_and_keeps_the_booth_in_place_in_its_list(layout):
    plan = layout.venue.plans["H2-1F"]
    index = [b.code for b in plan.booths].index("Q0125")
    before = layout.booth("Q0125").polygon
    layout.apply(MoveBooth("Q0125", 0.123, -3))
    after = layout.booth("Q0125").polygon
    assert after.bounds == (round(before.bounds[0] + 0.123, 2), before.bounds[1] - 3,
                            round(before.bounds[2] + 0.123, 2), before.bounds[3] - 3)
    assert [b.code for b in layout.venue.plans["H2-1F"].booths].index("Q0125") == index
    assert layout.venue.plans["H2-1F"] is not plan  # a new plan: the old one is untouched
    assert plan.booths[index].polygon.equals(before)


def test_split_gives_halves_a_and_b_in_place_and_merge_joins_them(layout):
    code = _free(layout)
    whole = layout.booth(code).polygon
    index = [b.code for b in layout.venue.plans["H2-1F"].booths].index(code)
    layout.apply(SetStatus(code, "reserved"))
    layout.apply(Assign(code, "EX0002"))
    layout.apply(SplitBooth(code))
    codes = [b.code for b in layout.venue.plans["H2-1F"].booths]
    assert codes[index:index + 2] == [code + "a", code + "b"]
    a, b = layout.booth(code + "a").polygon, layout.booth(code + "b").polygon
    assert a.area == pytest.approx(b.area) and a.union(b).equals(whole)
    assert a.centroid.x < b.centroid.x or a.centroid.y < b.centroid.y
    assert layout.owner(code + "a").id == layout.owner(code + "b").id == "EX0002"
    assert code not in layout.show.exhibitors["EX0002"].booths
    assert layout.status(code + "b") == BoothStatus("reserved")
    layout.apply(MergeBooths((code + "a", code + "b"), code))
    assert layout.booth(code).polygon.equals(whole)
    assert layout.show.exhibitors["EX0002"].booths[-1] == code


def test_status_is_sold_when_assigned_and_available_when_not(layout):
    code = _free(layout)
    assert layout.status(code).status == "available"
    layout.apply(Assign(code, "EX0003"))
    assert layout.status(code).status == "sold"
    layout.apply(SetStatus(code, "reserved", 500))
    layout.apply(SetStatus(code, "sold"))
    assert layout.status(code) == BoothStatus("sold", 500.0)  # the price stays
    assert not layout.apply(SetStatus(code, "sold")).slots  # nothing to do


@pytest.mark.parametrize("change, says", [
    (MoveBooth("Q9999", 1, 0), "there is no booth Q9999"),
    (MoveBooth("chunghwa", 1, 0), "is not a booth code"),
    (ReshapeBooth("Q0125", Polygon([(0, 0), (3, 3), (3, 0), (0, 3)])), "not valid"),
    (ReshapeBooth("Q0125", box(0, 0, 0.1, 0.1)), "almost no area"),
    (SplitBooth("Q0311"), "is sold"),
    (MergeBooths(("Q0125", "S1024"), "Q0125"), "on 2 levels"),
    (MergeBooths(("Q0311", "Q0125"), "Q0311"), "belong to 2 exhibitors"),
    (RemoveBooth("Q0311"), "is sold"),
    (AddBooth("Q0125", box(0, 0, 3, 3)), "already exists"),
    (AddBooth("Z0101", box(0, 0, 3, 3)), "say which level"),
    (Assign("Q0311", "EX0002"), "assigned to EX0001"),
    (Assign("Q0125", "EX9999"), "no exhibitor"),
    (SetStatus("Q0125", "gone"), "not a status"),
    (SetStatus("Q0125", "sold", -5), "price"),
    (ResizeBooth("Q0125", 0, 3), "positive"),
    (MoveConnectorEnd("EL-H2-A", "H1-1F", dx=1), "no end on"),
    (MoveConnectorEnd("EL-XX", "H2-1F", dx=1), "no connector"),
    (MoveAmenity("WC-NOWHERE", dx=1), "no amenity"),
    (EditZone("ZONE-NOWHERE", name="x"), "no zone"),
])
def test_a_change_that_cannot_be_made_says_why_and_changes_nothing(layout, change, says):
    start = snapshot(layout)
    with pytest.raises(ChangeError, match=says):
        layout.apply(change)
    assert snapshot(layout) == start


def test_a_split_of_a_booth_that_hosts_a_session_is_refused(layout):
    from dataclasses import replace

    code = _free(layout)
    session = layout.show.sessions[0]
    layout.show.sessions[0] = replace(session, place=code)
    try:
        with pytest.raises(ChangeError, match=f"hosts session {session.id}"):
            layout.apply(SplitBooth(code))
    finally:
        layout.show.sessions[0] = session


def test_changes_apply_all_or_nothing_and_name_the_one_that_failed(layout):
    start = snapshot(layout)
    with pytest.raises(ChangeError, match=r"change 2 \(split Q0311\): booth Q0311 is sold"):
        layout.apply_all([MoveBooth("Q0125", 0, -3), MoveKiosk("K-H2-1F-1", dx=1),
                          SplitBooth("Q0311")])
    assert snapshot(layout) == start
    edit = layout.apply_all([MoveBooth("Q0125", 0, -3), MoveBooth("Q0125", 0, 1)])
    assert len(edit.slots) == 2
    layout.apply(edit.inverse())
    assert snapshot(layout) == start


def test_an_edit_that_no_longer_fits_is_refused(layout):
    edit = layout.apply(MoveBooth("Q0125", 0, -3))
    start = snapshot(layout)
    with pytest.raises(ChangeError, match="no longer fits"):
        layout.apply(edit)  # its "before" is gone
    assert snapshot(layout) == start


def test_one_event_per_change_names_levels_and_codes(layout):
    heard: list[LayoutChanged] = []
    disconnect = layout.changed.connect(heard.append)
    try:
        code = _free(layout)
        layout.apply(SplitBooth(code))
        layout.apply(MoveConnectorEnd("EL-H2-A", "H2-4F", dx=0.5))
        layout.apply_all([MoveBooth("Q0125", 0, -3), MoveBooth("S1024", 1, 0)])
        layout.apply(Assign("Q0125", "EX0009"))  # already its own: no change, no event
        layout.apply(EditZone("ZONE-TAIPEI", polygon=box(50, 50, 70, 70)))
    finally:
        disconnect()
    assert [sorted(e.codes) for e in heard[:1]] == [[code, code + "a", code + "b"]]
    assert heard[0].levels == {"H2-1F"} and heard[0].text
    assert heard[1].levels == {"H2-1F", "H2-4F"} and heard[1].connectors == {"EL-H2-A"}
    assert not heard[1].text
    assert heard[2].levels == {"H2-1F", "H2-4F"} and heard[2].codes == {"Q0125", "S1024"}
    assert len(heard) == 4 and not heard[3].text and heard[3].levels == {"H2-1F"}


def test_a_subscriber_that_fails_does_not_stop_the_others(layout):
    heard = []

    def broken(event):
        raise RuntimeError("broken subscriber")

    d1 = layout.changed.connect(broken)
    d2 = layout.changed.connect(heard.append)
    try:
        with pytest.raises(RuntimeError):
            layout.apply(MoveBooth("Q0125", 0, -3))
    finally:
        d1()
        d2()
    assert len(heard) == 1 and layout.booth("Q0125").polygon.bounds[1] == \
        heard[0].change.slots[0].after.polygon.bounds[1]


def test_json_changes_read_into_changes():
    changes = changes_from_json([
        {"op": "move", "code": "Q0311", "dx": 3, "dy": 0},
        {"op": "rotate", "code": "Q0311", "deg": 90},
        {"op": "reshape", "code": "Q0311", "polygon": [[0, 0], [3, 0], [3, 3], [0, 3]]},
        {"op": "add", "code": "Q1399", "polygon": [[0, 0], [3, 0], [3, 3]], "type": "standard"},
        {"op": "remove", "code": "Q0311"}, {"op": "split", "code": "Q0311", "parts": 2},
        {"op": "merge", "codes": ["Q0311", "Q0313"], "code": "Q0311"},
        {"op": "status", "code": "Q0311", "status": "sold"},
        {"op": "status", "code": "Q0311", "status": "sold", "price": None},
        {"op": "assign", "code": "Q0311", "exhibitor": "EX0001"},
        {"op": "unassign", "code": "Q0311"},
        {"op": "resize", "code": "Q0311", "width": 6, "depth": 3, "anchor": "center"},
        {"op": "move_amenity", "id": "WC-H2-1F-1", "x": 1, "y": 2},
        {"op": "move_kiosk", "id": "K-H2-1F-1", "dx": 1, "heading_deg": 90},
        {"op": "move_connector", "id": "EL-H2-A", "level": "H2-1F", "dx": 1},
        {"op": "zone", "id": "ZONE-TAIPEI", "names": {"en": "T", "zh-Hant": "台"}},
    ])
    assert [c.op for c in changes] == [
        "move", "rotate", "reshape", "add", "remove", "split", "merge", "status", "status",
        "assign", "unassign", "resize", "move_amenity", "move_kiosk", "move_connector", "zone"]
    assert changes[8].price is None and changes[7].price is not None  # kept / cleared


@pytest.mark.parametrize("doc, says", [
    ({"op": "move"}, "must be a JSON list"),
    ([{"op": "mvoe", "code": "Q0311"}], r"change 0: unknown op 'mvoe'; did you mean move\?"),
    ([{"code": "Q0311"}], "unknown op None"),
    (["move"], "change 0: expected an object"),
    ([{"op": "move", "code": "Q0311", "dx": "3"}], r"change 0 \(move\): 'dx' must be a number"),
    ([{"op": "move", "code": "Q0311", "dz": 3}], "unknown field 'dz'"),
    ([{"op": "move", "code": "Q0311"}, {"op": "rotate", "code": "Q0311"}],
     r"change 1 \(rotate\): 'deg' is missing"),
    ([{"op": "add", "code": "Q1", "polygon": [[0, 0], [1, 1]]}], "at least three"),
    ([{"op": "merge", "codes": ["Q0311"], "code": "Q0311"}], "at least two booth codes"),
    ([{"op": "move_amenity", "id": "WC", "x": 1}], "give both x and y"),
    ([{"op": "move", "code": "Q0311", "dx": float("nan")}], "must be a number"),
])
def test_bad_json_changes_say_which_and_why(doc, says):
    with pytest.raises(ChangeError, match=says):
        changes_from_json(doc)
