"""The route and visit controllers need only their WindowHost, not the whole window."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from exponav.ui.visitor.host import WindowHost

KIOSK_1F = "K-H2-1F-1"


class SmallHost:
    """A WindowHost with scenes and a side panel of its own, and a log of what it did."""

    def __init__(self, nav) -> None:
        from exponav.ui.visitor.main_window import theme_colours

        self.nav = nav
        self.lang = "en"
        self.level: str | None = None
        self.scenes: dict = {}
        self.themes = theme_colours(nav)
        self.widget = QWidget()
        self.stack = QStackedWidget(self.widget)
        self.results = QLabel("results")
        self.stack.addWidget(self.results)
        self.controllers: list = []
        self.framed: list[QRectF] = []
        self.cursor: Qt.CursorShape | None = None
        self.marks_refreshed = 0

    def scene_for(self, level_id: str):
        from exponav.ui.map.scene import FloorPlanScene

        if level_id not in self.scenes:
            self.scenes[level_id] = scene = FloorPlanScene(self.nav, level_id, self.themes)
            for controller in self.controllers:
                controller.decorate(scene)
        return self.scenes[level_id]

    def show_level(self, level_id: str, fit: bool = False) -> None:
        self.scene_for(level_id)
        self.level = level_id

    def frame(self, rect: QRectF) -> None:
        self.framed.append(QRectF(rect))

    def set_map_cursor(self, shape: Qt.CursorShape | None) -> None:
        self.cursor = shape

    def place_floating(self) -> None:
        pass

    def side_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_side_page(self, page: QWidget | None) -> None:
        if page is not None and self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page if page is not None else self.results)

    def refresh_visit_marks(self) -> None:
        self.marks_refreshed += 1

    def window_widget(self) -> QWidget:
        return self.widget


def _members(cls) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls) if not name.startswith("_")}


def test_the_window_and_the_small_host_offer_all_of_window_host(qapp, nav):
    from exponav.ui.visitor.main_window import MainWindow

    wanted = _members(WindowHost)
    assert {"lang", "level", "scenes", "scene_for", "frame", "show_side_page"} <= wanted
    # lang, level and scenes are attributes of a window: look at an instance for them
    attributes = {"lang", "level", "scenes"}
    assert wanted - attributes <= _members(MainWindow)
    assert wanted <= _members(SmallHost) | attributes
    host = SmallHost(nav)
    assert all(hasattr(host, name) for name in wanted)


@pytest.fixture
def controllers(qapp, qtbot, nav):
    from exponav.ui.visitor.planner_thread import PlannerThread
    from exponav.ui.visitor.route_controller import RouteController
    from exponav.ui.visitor.visit_controller import VisitController

    host = SmallHost(nav)
    planner = PlannerThread()
    planner.start()
    routes = RouteController(host, nav, planner)
    visits = VisitController(host, nav, planner, routes)
    host.controllers = [routes, visits]
    yield host, routes, visits
    planner.stop()


def test_a_route_through_a_small_host(controllers, qtbot, nav):
    host, routes, _ = controllers
    routes.set_here(KIOSK_1F)
    assert host.scenes["H2-1F"].here_item is not None
    assert routes.route_to("S1024")
    assert host.side_page() is routes.panel
    qtbot.waitUntil(lambda: routes.route is not None and not routes.is_busy(), timeout=8000)
    route = routes.route
    assert route.destination.id == "S1024" and len(route.legs) == 2
    assert host.level == route.legs[0].level and host.framed  # the first part, framed
    assert host.scenes[host.level].route_rect().isValid()
    routes.show_leg(1)
    assert host.level == route.legs[1].level == nav.booth("S1024").level
    assert len(host.framed) == 2
    routes.clear_route()
    assert routes.route is None and host.side_page() is host.results
    assert all(not s.route_items for s in host.scenes.values())


def test_picking_a_start_sets_the_cursor_of_the_small_host(controllers):
    host, routes, _ = controllers
    host.show_level("H2-1F")
    routes.pick_mode.start()
    assert host.cursor == Qt.CursorShape.CrossCursor
    routes.pick_mode.cancel()
    assert host.cursor is None


def test_a_visit_through_a_small_host(controllers, qtbot, nav):
    host, _, visits = controllers
    visits.model.add("S1024")
    visits.model.add("Q0311")
    assert host.marks_refreshed == 2
    qtbot.waitUntil(lambda: not visits.is_busy()
                    and visits.model.is_current(visits.model.itinerary), timeout=8000)
    assert [s.place.id for s in visits.model.itinerary.stops] == ["S1024", "Q0311"]
    visits.open_panel()
    assert host.side_page() is visits.panel and host.framed
    assert any(s.visit_items for s in host.scenes.values())
    visits.reset()
    assert host.side_page() is host.results and visits.model.is_empty()


def test_a_late_appointment_says_its_minutes_as_walks_do(controllers, qtbot, nav):
    from exponav.ui.common.walk_text import minutes_text

    host, routes, visits = controllers
    routes.set_here(KIOSK_1F)
    visits.model.add("Q0101")
    visits.model.add("S1024")
    visits.model.set_start_time("10:00")
    visits.model.set_appointment("S1024", "10:00")  # 4F, far from the kiosk: late
    qtbot.waitUntil(lambda: not visits.is_busy()
                    and visits.model.is_current(visits.model.itinerary), timeout=8000)
    late = next(s for s in visits.model.itinerary.stops if s.place.id == "S1024")
    assert late.late_s > 0
    words = minutes_text(late.late_s)
    row = visits.panel.rows[visits.model.place_ids().index("S1024")]
    assert row.detail.text().endswith(f" · {words} late")
    assert visits.panel.warning.text().endswith(f"you would arrive at {late.arrive}, "
                                                f"{words} late.")
