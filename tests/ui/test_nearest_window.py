"""The window's "nearest" answers: by walking from the start once there is one, exits that
visitors use, lifts and stairs among the services, and every service named and drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from exponav.ui.common.assets import asset_path

KIOSK = "K-H2-1F-1"


def _rows(window, kind: str):
    return [r for r in window.search.rows if r.kind == kind]


def test_with_a_start_the_service_buttons_rank_by_walking(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK)
    window.show_level("H2-4F")  # the view's centre is elsewhere: it must not matter
    qtbot.mouseClick(window.search.service_buttons["toilet"], Qt.MouseButton.LeftButton)
    walked = nav.nearest(origin=KIOSK, kind="amenity:toilet", by="walking", limit=3)
    rows = _rows(window, "amenity")
    assert [r.places[0] for r in rows] == [f.id for f in walked]
    assert all("on foot" in r.subtitle for r in rows)
    assert window.level == nav.place(walked[0].id).level


def test_exits_are_the_doors_visitors_use(window, qtbot):
    nav = window.nav
    for start in (None, KIOSK):
        window.set_here(start)
        qtbot.mouseClick(window.search.service_buttons["exit"], Qt.MouseButton.LeftButton)
        shown = window.current_scene().highlighted_places or [r.places[0] for r in
                                                              _rows(window, "amenity")]
        assert shown
        for place_id in shown:
            opening = nav.opening(place_id)
            assert opening is not None and opening.category != "emergencyexit", place_id


def test_a_grouped_service_row_ranks_by_walking_from_the_start(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK)
    toilets = tuple(a.id for p in nav.venue.plans.values() for a in p.amenities
                    if a.category == "toilet")
    window.show_places(None, toilets, "toilet")
    expected = nav.by_walking(KIOSK, toilets, limit=3)
    assert [r.places[0] for r in _rows(window, "amenity")] == [f.id for f in expected]


def test_lifts_and_stairs_are_services_in_the_results(window, qtbot):
    for text, category in (("lift", "elevator"), ("stairs", "stairs"),
                           ("escalator", "escalator"), ("ATM", "atm")):
        window.search.search_now(text)
        qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=3000)
        rows = _rows(window, "amenity")
        assert rows and rows[0].category == category, (text, [r.category for r in rows])
        assert rows[0].title != category  # a name in words, not the raw kind


def test_every_service_the_venue_has_is_named_and_has_its_icon(window):
    from exponav.ui.common.amenity_names import amenity_name
    from exponav.ui.common.palette import AMENITY_STYLE

    nav = window.nav
    kinds = {a.category for p in nav.venue.plans.values() for a in p.amenities}
    kinds |= {c.kind for c in nav.venue.connectors}
    for kind in kinds:
        assert kind in AMENITY_STYLE or kind.split(".")[0] in AMENITY_STYLE, kind
        name = amenity_name(kind)
        assert name and name != kind or kind.upper() == name, kind
        icon, _ = AMENITY_STYLE.get(kind) or AMENITY_STYLE[kind.split(".")[0]]
        assert asset_path("icons", f"{icon}.svg").is_file(), icon


def test_adding_a_booth_code_from_search_adds_that_booth(window, qtbot):
    window.search.search_now("S1024")
    qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=3000)
    row = next(r for r in window.search.rows if r.kind in ("exhibitor", "booth"))
    assert window.visits.place_of_entry(row) == "S1024"


def test_a_new_search_or_a_cleared_field_takes_the_old_pins_and_highlight_away(window, qtbot):
    qtbot.mouseClick(window.search.service_buttons["toilet"], Qt.MouseButton.LeftButton)
    assert any(s.pins for s in window.scenes.values())
    qtbot.keyClicks(window.search.field, "chung")
    assert not any(s.pins or s.highlighted_places for s in window.scenes.values())
    window.highlight_booths(("S1024",))
    assert any(s.highlighted_codes for s in window.scenes.values())
    window.search.field.clear()
    assert not any(s.highlighted_codes for s in window.scenes.values())
