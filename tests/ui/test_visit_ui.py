"""Visits in the window: adding stops, planning and optimising, the map, QR lines, reset."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt

from exponav.ui.map.items.route import RouteLineItem, StopBadgeItem
from exponav.ui.map.items.you_are_here import YouAreHereItem
from exponav.ui.panels.results import trailing_rect
from tests.ui.conftest import exhibitor_on

KIOSK_1F = "K-H2-1F-1"


def _planned(window, qtbot):
    qtbot.waitUntil(lambda: not window.visits.is_busy()
                    and window.visit.is_current(window.visit.itinerary), timeout=8000)
    return window.visit.itinerary


def _exhibitors(nav, level: str, n: int):
    out = []
    for ex in nav.show.exhibitors.values():
        if ex.booths and all(nav.booth(c).level == level for c in ex.booths):
            out.append(ex)
            if len(out) == n:
                return out
    raise LookupError(level)


def test_add_three_stops_optimise_and_see_times_and_legs(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK_1F)
    chosen = _exhibitors(nav, "H2-1F", 2) + _exhibitors(nav, "H2-4F", 1)
    assert not window.visits.bar.isVisible()
    for ex in chosen:
        window.card.show_exhibitor(ex.id)
        [add] = [b for b in window.card.action_buttons if b.text() == "Add to visit"]
        add.click()
        assert window.card.action_buttons[1].text() == "Remove from visit"
    assert window.visit.place_ids() == [ex.booths[0] for ex in chosen]
    assert window.visits.bar.isVisible() and "3 stops" in window.visits.bar.text()
    first = _planned(window, qtbot)
    assert [s.place.id for s in first.stops] == window.visit.place_ids()
    window.visits.bar.click()
    panel = window.visits.panel
    assert window.stack.currentWidget() is panel
    qtbot.mouseClick(panel.optimise, Qt.MouseButton.LeftButton)
    assert window.visits.is_busy()
    best = _planned(window, qtbot)
    assert best.length_m <= first.length_m + 1e-6
    assert window.visit.place_ids() == [s.place.id for s in best.stops]
    assert len(panel.rows) == 3
    for row, stop in zip(panel.rows, best.stops, strict=True):
        assert row.times.text() == f"{stop.arrive}–{stop.depart}"
        assert row.leg.text().startswith("↓") and " m · " in row.leg.text()
    assert panel.summary.text().startswith("3 stops · ")
    # a stop becomes a 15:00 appointment, and the plan keeps it
    panel.rows[0].clock.click()
    assert panel.rows[0].time.is_open()  # the picker opens with the appointment
    panel.rows[0].time.picker.hour_buttons[15].click()  # applies at once
    panel.rows[0].time.picker.minute_buttons[0].click()
    stop_id = window.visit.place_ids()[0]
    assert window.visit.appointments() == {stop_id: "15:00"}
    planned = _planned(window, qtbot)
    kept = next(s for s in planned.stops if s.place.id == stop_id)
    assert kept.appointment == "15:00" and kept.depart_s >= 15 * 3600
    # remove with the row's ×
    panel.rows[-1].remove.click()
    assert len(window.visit) == 2 and len(panel.rows) == 2


def test_the_visit_is_drawn_with_numbered_stops(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK_1F)
    stops = ["Q0210", "S1024", "Q0953", "S0625"]
    for s in stops:
        window.visit.add(s)
    _planned(window, qtbot)
    for level in ("H2-1F", "H2-4F"):
        scene = window.scene_for(level)
        badges = {i.number: i for i in scene.visit_items if isinstance(i, StopBadgeItem)}
        wanted = {n for n, s in enumerate(stops, 1) if nav.place(s).level == level}
        assert set(badges) == wanted
        assert any(isinstance(i, RouteLineItem) for i in scene.visit_items)
    assert isinstance(window.scenes["H2-1F"].here_item, YouAreHereItem)
    # reorder as a drag does: the list's order becomes the visit's
    panel = window.visits.panel
    window.visits.open_panel()
    panel.list.model().moveRow(QModelIndex(), 3, QModelIndex(), 0)
    panel.list._announce()
    assert window.visit.place_ids() == ["S0625", "Q0210", "S1024", "Q0953"]
    scene = window.scenes["H2-4F"]
    assert {i.number for i in scene.visit_items if isinstance(i, StopBadgeItem)} == {1, 3}


def test_the_plus_beside_a_result_adds_it(window, qtbot):
    ex = exhibitor_on(window.nav, "H2-4F")
    window.search.search_now(ex.name)
    qtbot.waitUntil(lambda: any(r.id == ex.id for r in window.search.rows), timeout=3000)
    row = next(i for i, r in enumerate(window.search.rows) if r.id == ex.id)
    rect = window.search.list.visualItemRect(window.search.list.item(row))
    button = trailing_rect(rect.toRectF() if hasattr(rect, "toRectF") else rect).center()
    qtbot.mouseClick(window.search.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(round(button.x()), round(button.y())))
    assert window.visit.place_ids() == [ex.booths[0]]
    assert window.stack.currentWidget() is window.search  # the row was not opened
    qtbot.mouseClick(window.search.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(round(button.x()), round(button.y())))
    assert window.visit.is_empty()


def test_a_qr_payload_loads_the_visit_and_routes_to_its_first_stop(window, qtbot):
    nav = window.nav
    planned = nav.itinerary("K-H2-4F-1", ["S1024", "Q0210", "Q0953"], "10:00",
                            {"Q0210": "14:00"})
    payload = planned.qr_payload
    order = [s.place.id for s in planned.stops]
    window.set_here(KIOSK_1F)
    assert window.load_visit_payload(payload)
    assert window.visit.place_ids() == order
    assert window.visit.appointments() == {"Q0210": "14:00"}
    qtbot.waitUntil(lambda: window.routes.route is not None, timeout=8000)
    assert window.routes.route.origin.id == KIOSK_1F
    assert window.routes.route.destination.id == order[0]
    resumed = _planned(window, qtbot)
    assert resumed.origin.id == KIOSK_1F and [s.place.id for s in resumed.stops] == order
    # the machine line typed into the search field, then Enter
    window.reset_visitor_state()
    line = payload.splitlines()[-1]
    qtbot.keyClicks(window.search.field, line)
    assert "visit" in window.search.status.text()
    assert not window.search.rows
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.visit.place_ids() == order
    assert window.search.field.text() == ""
    # not a visit, or another show's
    assert not window.load_visit_payload("EXPONAV1|othershow|K1|S1024")
    assert not window.load_visit_payload("hello")


def test_reset_visitor_state_clears_everything(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK_1F)
    window.search.chips[next(iter(window.search.chips))].setChecked(True)
    window.search.search_now("toilet")
    qtbot.waitUntil(lambda: not window.search.is_searching(), timeout=3000)
    ex = exhibitor_on(nav, "H2-4F")
    window.choose_entry(window.search.rows[1]) if len(window.search.rows) > 1 else None
    window.highlight_booths(tuple(ex.booths))
    window.card.show_exhibitor(ex.id)
    window.visit.add("Q0210")
    window.visit.add("S1024")
    window.route_to("S1024")
    qtbot.waitUntil(lambda: window.routes.route is not None, timeout=8000)
    _planned(window, qtbot)
    window.show_level("H1-4F")

    window.reset_visitor_state()
    assert window.search.field.text() == "" and not window.search.rows
    assert window.search.focus is None
    assert all(not b.count for b in window.levels.buttons.values())
    assert window.card.subject is None
    assert window.stack.currentWidget() is window.search
    assert window.routes.route is None and not window.routes.bar.isVisible()
    assert window.visit.is_empty() and not window.visits.bar.isVisible()
    for scene in window.scenes.values():
        assert not scene.highlighted_codes and not scene.pins
        assert not scene.route_items and not scene.visit_items
    assert window.level == "H2-1F"  # the here-level, fitted
    assert window.view.scale_px_per_m() == window.view.fit_scale()
    assert window.scenes["H2-1F"].here_item is not None  # the kiosk stays where it is

    # a start picked on the map is forgotten too (a laptop)
    window.set_here(None)
    window.routes.set_start(nav.place("OP-H2-1F-E2"))
    window.reset_visitor_state()
    assert window.routes.start() is None


def test_print_and_save_the_visit(window, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    window.set_here(KIOSK_1F)
    assert window.print_visit(printer=QPrinter()) is None  # no visit yet
    for s in ("Q0210", "S1024"):
        window.visit.add(s)
    pdf = window.save_visit_pdf(tmp_path / "visit.pdf", "receipt80")
    assert pdf is not None and pdf.stat().st_size > 1000
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = window.print_visit("a4", printer)
    assert [s.place.id for s in printed.stops] == ["Q0210", "S1024"]
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
