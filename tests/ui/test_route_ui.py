"""Routes in the window: "Route here", the drawn line, levels one at a time, directions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from exponav.core.directions import directions
from exponav.ui.common.convert import to_scene
from exponav.ui.map.items.route import ROUTE_COLOUR, RouteEndItem, RouteLineItem
from tests.ui.conftest import exhibitor_on

KIOSK_1F = "K-H2-1F-1"


def _route_ready(window, qtbot, destination: str | None = None):
    def done() -> bool:
        r = window.routes.route
        return not window.routes.is_busy() and r is not None and (
            destination is None or r.destination.id == destination)

    qtbot.waitUntil(done, timeout=8000)
    window.view.finish_flight()
    return window.routes.route


def _lines(scene) -> list[RouteLineItem]:
    return [i for i in scene.route_items if isinstance(i, RouteLineItem)]


def test_route_here_from_a_kiosk_draws_the_route_and_lists_directions(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK_1F, heading_deg=90.0)
    here = window.scenes["H2-1F"].here_item
    assert here is not None and here.screen_heading_deg() == pytest.approx(90.0)
    ex = exhibitor_on(nav, "H2-1F")
    window.card.show_exhibitor(ex.id)
    texts = [b.text() for b in window.card.action_buttons]
    assert texts == ["Route here", "Add to visit"]
    window.card.action_buttons[0].click()
    route = _route_ready(window, qtbot)
    assert route.origin.id == KIOSK_1F and route.destination.id in ex.booths
    assert window.level == "H2-1F"
    scene = window.current_scene()
    [line] = _lines(scene)
    assert line.coords == [tuple(map(float, c)) for c in route.legs[0].coords]
    assert any(isinstance(i, RouteEndItem) and i.kind == "end" for i in scene.route_items)
    assert window.stack.currentWidget() is window.routes.panel
    assert window.routes.panel.steps() == directions(route, nav.venue, "en")
    assert "m ·" in window.routes.panel.summary.text()
    assert window.routes.bar.isVisible() and not window.routes.bar.next.isVisible()
    # the directions follow the interface language
    window.set_language("zh-Hant")
    assert window.routes.panel.steps() == directions(route, nav.venue, "zh-Hant")
    window.set_language("en")


def test_a_two_level_route_shows_one_level_at_a_time(window, qtbot):
    window.set_here(KIOSK_1F)
    window.route_to("S1024")
    route = _route_ready(window, qtbot, "S1024")
    assert [leg.level for leg in route.legs] == ["H2-1F", "H2-4F"]
    bar = window.routes.bar
    assert window.level == "H2-1F"
    assert bar.next.isVisible() and bar.next.text() == "Continue on 4F ▸"
    assert not bar.previous.isVisible()
    transfers = [i for i in window.scenes["H2-1F"].route_items
                 if isinstance(i, RouteEndItem) and i.kind == "transfer"]
    assert [t.text for t in transfers] == ["To 4F"]
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    window.view.finish_flight()
    assert window.level == "H2-4F"
    [line] = _lines(window.current_scene())
    assert line.coords[0] == pytest.approx(route.legs[1].coords[0])
    assert line.coords[-1] == pytest.approx(route.legs[1].coords[-1])
    assert bar.previous.isVisible() and bar.previous.text() == "◂ Back to 1F"
    assert not bar.next.isVisible()
    assert window.routes.panel.leg_headings[1].isChecked()
    # a leg heading in the directions shows that part too
    window.routes.panel.leg_headings[0].click()
    assert window.level == "H2-1F"
    window.clear_route()
    assert all(not s.route_items for s in window.scenes.values())
    assert not window.routes.bar.isVisible()
    assert window.stack.currentWidget() is not window.routes.panel


def test_step_free_routes_use_lifts(window, qtbot):
    window.set_here(KIOSK_1F)
    window.route_to("S1024", step_free=True)
    route = _route_ready(window, qtbot, "S1024")
    conns = {c.id: c for c in window.nav.venue.connectors}
    assert route.step_free and conns[route.legs[0].via].step_free
    assert window.routes.panel.step_free.isChecked()
    window.routes.panel.step_free.click()  # off: the route is asked for again
    qtbot.waitUntil(lambda: window.routes.route is not None and not window.routes.route.step_free,
                    timeout=8000)


def test_an_unreachable_place_gets_a_friendly_sentence(window, qtbot):
    nav = window.nav
    plan = nav.venue.plans["H2-1F"]
    core = max((o.polygon for o in plan.obstacles), key=lambda p: p.area)
    inside = core.buffer(-3.0)
    assert not inside.is_empty, "no obstacle is large enough to stand deep inside"
    p = inside.representative_point()
    window.set_here(KIOSK_1F)
    window.route_to(("H2-1F", p.x, p.y))
    qtbot.waitUntil(lambda: window.routes.panel.status.isVisible(), timeout=8000)
    assert "no walking route" in window.routes.panel.status.text()
    assert window.routes.route is None
    assert not window.routes.bar.isVisible()
    assert window.route_to("NOT-A-PLACE") is False


def test_without_here_the_start_is_asked_for_and_can_be_picked_on_the_map(window, qtbot):
    nav = window.nav
    window.route_to("Q0210")
    menu = window.routes.menu
    assert menu is not None and KIOSK_1F in menu.actions_by_place
    assert "OP-H2-1F-E2" in menu.actions_by_place
    assert window.routes.route is None
    menu.pick_action.trigger()
    assert window.routes.pick_mode.active and window.routes.pick_hint.isVisible()
    # Esc cancels; pick again and tap an aisle
    window.routes._escape.activated.emit()
    assert not window.routes.pick_mode.active and not window.routes.pick_hint.isVisible()
    menu.pick_action.trigger()
    window.show_level("H2-1F")
    kiosk = nav.place(KIOSK_1F)
    window.view.fly_to(to_scene(kiosk.x, kiosk.y), 10.0, animated=False)
    v = window.view.mapFromScene(to_scene(kiosk.x, kiosk.y))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=v)
    route = _route_ready(window, qtbot, "Q0210")
    assert route.origin.kind == "point" and abs(route.origin.x - kiosk.x) < 1.0
    assert window.routes.start() is not None and window.routes.here is None
    # a menu choice sets the start too
    window.routes.ask_for_start().actions_by_place["OP-H2-1F-E2"].trigger()
    qtbot.waitUntil(lambda: window.routes.route is not None
                    and window.routes.route.origin.id == "OP-H2-1F-E2", timeout=8000)


def test_the_route_line_colour_is_on_screen_along_the_route(window, qtbot):
    window.set_here(KIOSK_1F)
    window.route_to("Q0210")
    route = _route_ready(window, qtbot, "Q0210")
    window.view.fly_to(window.current_scene().route_rect().adjusted(-5, -5, 5, 5),
                       animated=False)
    qtbot.wait(20)
    image = window.view.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    coords = route.legs[0].coords
    samples = hits = 0
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:], strict=False):
        for t in (0.3, 0.45, 0.6, 0.75):
            v = window.view.mapFromScene(to_scene(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            if not (0 <= v.x() < image.width() / dpr and 0 <= v.y() < image.height() / dpr):
                continue
            samples += 1
            # a chevron may sit on the point: look two pixels to either side as well
            for dx, dy in ((0, 0), (2, 0), (-2, 0), (0, 2), (0, -2)):
                c = image.pixelColor(round((v.x() + dx) * dpr), round((v.y() + dy) * dpr))
                if _close(c, ROUTE_COLOUR):
                    hits += 1
                    break
    assert samples >= 8
    assert hits >= 0.8 * samples, f"{hits} of {samples} samples show the route colour"


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return (abs(a.red() - b.red()) + abs(a.green() - b.green())
            + abs(a.blue() - b.blue())) <= tolerance
