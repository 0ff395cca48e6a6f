"""The map window: typing, choosing, tapping, levels, languages and pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from exponav.ui.common.convert import to_scene
from exponav.ui.common.palette import MAP
from exponav.ui.map.items.level_base import BIG_STAND_M2, stand_fill
from tests.ui.conftest import exhibitor_on


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return (abs(a.red() - b.red()) <= tolerance and abs(a.green() - b.green()) <= tolerance
            and abs(a.blue() - b.blue()) <= tolerance)


def _rows(window, kind: str):
    return [r for r in window.search.rows if r.kind == kind]


def _view_point(window, x: float, y: float) -> QPoint:
    return window.view.mapFromScene(to_scene(x, y))


def test_typing_updates_results(window, qtbot):
    qtbot.keyClicks(window.search.field, "chungh")
    qtbot.waitUntil(lambda: any("Chunghwa" in r.title for r in _rows(window, "exhibitor")),
                    timeout=3000)
    first = _rows(window, "exhibitor")[0]
    assert first.booths and first.level in window.nav.venue.levels
    assert window.levels.buttons[first.level].count >= 1
    window.search.field.clear()
    qtbot.waitUntil(lambda: not window.search.rows, timeout=3000)
    assert all(b.count == 0 for b in window.levels.buttons.values())


def test_only_the_newest_query_is_shown(window, qtbot):
    for text in ("toi", "toilet", "s10", "chunghwa"):  # faster than the debounce
        window.search.field.setText(text)
    qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=3000)
    assert any("Chunghwa" in r.title for r in _rows(window, "exhibitor"))
    assert not _rows(window, "amenity")


def test_results_group_exhibitors_booths_and_services(window, qtbot):
    window.search.search_now("toilet")
    qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=3000)
    services = _rows(window, "amenity")
    assert services and all(r.category.startswith("toilet") for r in services)
    assert window.search.rows[0].kind == "header"


def test_choosing_a_result_switches_level_centres_and_highlights(window, qtbot):
    nav = window.nav
    ex = exhibitor_on(nav, "H2-4F")
    assert window.level == "H2-1F"
    window.search.search_now(ex.name)
    qtbot.waitUntil(lambda: any(r.id == ex.id for r in _rows(window, "exhibitor")),
                    timeout=3000)
    row = next(r for r in _rows(window, "exhibitor") if r.id == ex.id)
    window.choose_entry(row)
    window.view.finish_flight()
    assert window.level == "H2-4F"
    assert window.levels.current() == "H2-4F"
    scene = window.current_scene()
    assert set(scene.highlighted_codes) == set(ex.booths)
    assert len(scene.pins) >= 1
    centre = window.view.centre()
    lit = scene.highlight.path().boundingRect()
    assert abs(centre.x() - lit.center().x()) < 1.0 and abs(centre.y() - lit.center().y()) < 1.0
    assert window.stack.currentWidget() is window.card
    assert window.card.labels["name"].text() == ex.name


def test_an_exhibitor_with_several_booths_lights_them_all(window):
    nav = window.nav
    ex = exhibitor_on(nav, "H2-1F", min_booths=3)
    from exponav.ui.panels.results import ResultEntry

    window.choose_entry(ResultEntry("exhibitor", ex.id, ex.name, booths=tuple(ex.booths)))
    assert set(window.current_scene().highlighted_codes) == set(ex.booths)


def test_tapping_a_booth_opens_its_card(window, qtbot):
    nav = window.nav
    ex = exhibitor_on(nav, "H2-1F")
    booth = nav.booth(ex.booths[0]).booth
    window.view.fly_to(to_scene(*booth.polygon.centroid.coords[0]), 20.0, animated=False)
    p = booth.polygon.representative_point()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_point(window, p.x, p.y))
    assert window.stack.currentWidget() is window.card
    assert window.card.subject.kind == "exhibitor" and window.card.subject.id == ex.id
    assert ex.booths[0] in window.current_scene().highlighted_codes
    # a tap in an aisle clears the highlight
    x0, y0, x1, y1 = booth.polygon.bounds
    aisle = next((x, y) for x, y in ((x0 - 1.5, (y0 + y1) / 2), (x1 + 1.5, (y0 + y1) / 2),
                                     ((x0 + x1) / 2, y0 - 1.5), ((x0 + x1) / 2, y1 + 1.5))
                 if nav.booth_at("H2-1F", x, y) is None)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_point(window, *aisle))
    assert not window.current_scene().highlighted_codes


def test_a_free_booth_says_so(window, qtbot):
    nav = window.nav
    free = next(b for b in nav.venue.plans["H2-1F"].booths if nav.exhibitor_at(b.code) is None)
    window.view.fly_to(to_scene(*free.polygon.centroid.coords[0]), 20.0, animated=False)
    p = free.polygon.representative_point()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_point(window, p.x, p.y))
    assert window.card.subject.kind == "booth" and window.card.subject.id == free.code
    assert "Not yet assigned" in window.card.labels["name_other"].text()


def test_level_switcher(window, qtbot):
    with qtbot.waitSignal(window.level_changed, timeout=1000) as signal:
        qtbot.mouseClick(window.levels.buttons["H2-4F"], Qt.MouseButton.LeftButton)
    assert signal.args == ["H2-4F"]
    assert window.view.scene() is window.scenes["H2-4F"]
    assert window.levels.buttons["H2-4F"].isChecked()
    assert window.levels.buttons["H2-4F"].floor == "4F"


def test_language_switch_changes_visible_strings(window, qtbot):
    nav = window.nav
    ex = next(e for e in nav.show.exhibitors.values() if e.name_zh and e.name_zh != e.name)
    window.card.show_exhibitor(ex.id)
    english = window.search.field.placeholderText()
    window.set_language("zh-Hant")
    assert window.search.field.placeholderText() != english
    assert "搜尋" in window.search.field.placeholderText()
    assert window.levels.buttons["H2-1F"].floor == "1樓"
    assert window.card.labels["name"].text() == ex.name_zh
    assert window.card.labels["name_other"].text() == ex.name
    assert window.search.service_buttons["toilet"].text() == "廁所"
    window.set_language("id")
    assert window.search.field.placeholderText().startswith("Cari")
    assert window.card.labels["name"].text() == ex.name
    window.set_language("en")
    assert window.search.field.placeholderText() == english


def test_pixels_show_booth_colours_and_the_highlight(window, qtbot):
    nav = window.nav
    ex = exhibitor_on(nav, "H2-1F")
    booth = nav.booth(ex.booths[0]).booth
    x0, y0, x1, y1 = booth.polygon.bounds
    window.view.fly_to(to_scene((x0 + x1) / 2, (y0 + y1) / 2), 8.0, animated=False)
    spot = (x0 + 0.4, y0 + 0.4)  # inside the booth, clear of its centred label

    def colour_at() -> QColor:
        image = window.view.viewport().grab().toImage()
        v = _view_point(window, *spot)
        dpr = image.devicePixelRatio()
        return image.pixelColor(round(v.x() * dpr), round(v.y() * dpr))

    theme = window.themes.theme_of(ex.categories)
    scene = window.current_scene()
    stand = scene.stands[scene.stand_of[booth_code := ex.booths[0]]]
    expected = stand_fill(theme.colour, stand.polygon.area >= BIG_STAND_M2)
    assert booth_code in stand.codes
    assert _close(colour_at(), expected), colour_at().name()
    window.current_scene().highlight_booths(ex.booths)
    qtbot.wait(10)
    assert _close(colour_at(), MAP.highlight, 20), colour_at().name()


def test_theme_chip_greys_out_other_booths(window, qtbot):
    nav = window.nav
    ex = exhibitor_on(nav, "H2-1F")
    theme = window.themes.theme_of(ex.categories)
    other = next(t for t in window.themes.themes if t.id != theme.id)
    window.search.chips[other.id].setChecked(True)
    assert window.search.focus == {other.id}
    assert window.search.rows and all(r.theme == other.id for r in _rows(window, "exhibitor"))
    booth = nav.booth(ex.booths[0]).booth
    x0, y0, _, _ = booth.polygon.bounds
    window.view.fly_to(to_scene(x0 + 1, y0 + 1), 8.0, animated=False)
    image = window.view.viewport().grab().toImage()
    v = _view_point(window, x0 + 0.4, y0 + 0.4)
    dpr = image.devicePixelRatio()
    assert _close(image.pixelColor(round(v.x() * dpr), round(v.y() * dpr)), MAP.dimmed)


def test_service_button_shows_the_nearest(window, qtbot):
    qtbot.mouseClick(window.search.service_buttons["toilet"], Qt.MouseButton.LeftButton)
    scene = window.current_scene()
    assert 1 <= len(scene.pins) <= 3
    rows = _rows(window, "amenity")
    assert rows and all("m away" in r.subtitle for r in rows)
    qtbot.mouseClick(window.search.service_buttons["exit"], Qt.MouseButton.LeftButton)
    assert window.current_scene().highlighted_places


def test_wheel_zoom_keeps_the_point_under_the_cursor(window, qtbot):
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = window.view
    pos = QPointF(view.viewport().width() * 0.3, view.viewport().height() * 0.4)
    before = view.mapToScene(pos.toPoint())
    s0 = view.scale_px_per_m()
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), P(), P(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.scale_px_per_m() > s0
    after = view.mapToScene(pos.toPoint())
    assert abs(after.x() - before.x()) < 0.5 and abs(after.y() - before.y()) < 0.5


def test_zoom_limits_and_buttons(window, qtbot):
    view = window.view
    lo, hi = view.scale_limits()
    view.zoom_by(1000)
    assert view.scale_px_per_m() == pytest.approx(hi)
    view.zoom_by(1e-6)
    assert view.scale_px_per_m() == pytest.approx(lo)
    qtbot.mouseClick(view.zoom_buttons.buttons["fit"], Qt.MouseButton.LeftButton)
    view.finish_flight()
    assert view.scale_px_per_m() == pytest.approx(view.fit_scale())


def test_pinch_with_two_fingers_zooms(window, qtbot):
    from PySide6.QtTest import QTest

    view = window.view
    device = QTest.createTouchDevice()
    c = view.viewport().rect().center()
    s0 = view.scale_px_per_m()
    QTest.touchEvent(view.viewport(), device).press(0, c - QPoint(40, 0)).press(
        1, c + QPoint(40, 0)).commit()
    QTest.touchEvent(view.viewport(), device).move(0, c - QPoint(80, 0)).move(
        1, c + QPoint(80, 0)).commit()
    QTest.touchEvent(view.viewport(), device).release(0, c - QPoint(80, 0)).release(
        1, c + QPoint(80, 0)).commit()
    assert view.scale_px_per_m() == pytest.approx(s0 * 2, rel=0.05)


def test_card_actions_appear_only_when_added(window):
    nav = window.nav
    ex = next(iter(nav.show.exhibitors.values()))
    window.card.show_exhibitor(ex.id)
    # the window's own: routes and visits (see test_route_ui.py and test_visit_ui.py)
    assert [b.text() for b in window.card.action_buttons] == ["Route here", "Add to visit"]
    got = []
    window.card.add_action("Call staff", got.append)
    assert [b.text() for b in window.card.action_buttons][-1] == "Call staff"
    window.card.action_buttons[-1].click()
    assert got and got[0].id == ex.id
    window.card.remove_action("Call staff")
    assert [b.text() for b in window.card.action_buttons] == ["Route here", "Add to visit"]


def test_card_lists_the_days_sessions(window):
    from PySide6.QtCore import QDate

    nav = window.nav
    session = next(s for s in nav.show.sessions if s.exhibitor in nav.show.exhibitors)
    day = QDate.fromString(session.start[:10], "yyyy-MM-dd")
    window.card.today = day
    window.card.show_exhibitor(session.exhibitor)
    titles = [lbl.text() for key, lbl in window.card.labels.items() if key.startswith("session:")]
    assert session.title in titles
    assert window.card.labels["sessions_title"].text().startswith("Today")
    assert window.card.qr is None or window.card.qr.modules() >= 21


def test_double_click_zooms_in_and_drag_pans(window, qtbot):
    view = window.view
    c = view.viewport().rect().center()
    s0 = view.scale_px_per_m()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=c)
    view.finish_flight()
    assert view.scale_px_per_m() == pytest.approx(s0 * 2, rel=0.02)
    before = view.centre()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=c)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), c + QPoint(20 * step, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=c + QPoint(100, 0))
    moved = before.x() - view.centre().x()
    assert moved == pytest.approx(100 / view.scale_px_per_m(), rel=0.1)
    assert window.stack.currentWidget() is window.search  # a drag is not a tap


def test_a_stage_card_lists_its_sessions(window):
    from PySide6.QtCore import QDate

    nav = window.nav
    stage = next(a for p in nav.venue.plans.values() for a in p.amenities
                 if a.category == "stage" and nav.sessions_at(a.id))
    first = nav.sessions_at(stage.id)[0]
    window.card.today = QDate.fromString(first.start[:10], "yyyy-MM-dd")
    window.card.show_amenity(stage.id)
    titles = [lbl.text() for key, lbl in window.card.labels.items() if key.startswith("session:")]
    assert first.title in titles
