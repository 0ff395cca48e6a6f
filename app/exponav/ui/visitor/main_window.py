"""The navigator window: a side panel (search, results, card) beside the map.

The window is the controller: it turns a chosen result, a tapped booth or a service
button into a level switch, a flight on the map, a highlight and a card. Levels are
drawn lazily: the first at start, the others just after the first frame. Routes and
visits have controllers of their own (``route_controller.py``, ``visit_controller.py``)
that share one planner thread and see the window only as their
:class:`~exponav.ui.visitor.host.WindowHost`. What the kiosk calls (``set_here``,
``route_to``, ``visit``, ``load_visit_payload``, ``print_visit``, ``reset_visitor_state``
...) is the window's public API, partly in ``visitor_api.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.assets import icon
from exponav.ui.common.convert import to_model
from exponav.ui.common.i18n import LANGUAGES, Languages, pick
from exponav.ui.common.palette import UI, ThemeColours
from exponav.ui.common.show_dates import show_dates
from exponav.ui.common.walk_text import metres_text
from exponav.ui.map.legend import Legend
from exponav.ui.map.level_switcher import LevelSwitcher
from exponav.ui.map.map_area import MapArea
from exponav.ui.map.scene import FloorPlanScene
from exponav.ui.map.stands import Stand, level_stands
from exponav.ui.map.view import MapView
from exponav.ui.panels.exhibitor_card import ExhibitorCard
from exponav.ui.panels.results import ResultEntry, service_category, service_entry
from exponav.ui.panels.search_panel import SearchPanel
from exponav.ui.visitor.planner_thread import PlannerThread
from exponav.ui.visitor.route_controller import RouteController
from exponav.ui.visitor.visit_controller import VisitController
from exponav.ui.visitor.visitor_api import VisitorApi

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["MainWindow", "theme_colours"]

NEAREST_SERVICES = 3


def theme_colours(nav: Navigator) -> ThemeColours:
    """The show's themes (each exhibitor's first category), coloured by how many booths
    each fills."""
    counts: Counter[str] = Counter()
    for ex in nav.show.exhibitors.values():
        for c in ex.categories[:1]:
            counts[c] += max(1, len(ex.booths))
    for c in nav.show.categories:
        counts.setdefault(c, 0)
    names = {c.id: (c.name, c.name_zh) for c in nav.show.categories.values()}
    return ThemeColours(counts, names)


class MainWindow(VisitorApi, QMainWindow):
    """The visitor's window; see the module docstring."""

    level_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, nav: Navigator, lang: str = "en",
                 stands: dict[str, list[Stand]] | None = None) -> None:
        """``stands`` may hold levels' stands worked out in advance (see ``app.py``)."""
        super().__init__()
        self.nav = nav
        self.setObjectName("mainWindow")
        self.languages = Languages(self)
        self.themes = theme_colours(nav)
        self.scenes: dict[str, FloorPlanScene] = {}
        self._geometry = ThreadPoolExecutor(max_workers=1, thread_name_prefix="exponav-stands")
        self._stands: dict[str, Future] = {}
        self._ready_stands = dict(stands or {})
        self.level: str | None = None
        self.lang = "en"
        sidebar = self._build_sidebar()
        self._build_map()
        self._lay_out(sidebar)
        self._wire_panels_and_map()
        self._build_routes_and_visits()
        self._open(lang)

    # -- building --------------------------------------------------------------------

    def _build_sidebar(self) -> QFrame:
        """The side panel: the show's name over the search, card, route and visit pages,
        and a place for the visit bar at the foot."""
        sidebar = QFrame(self)
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(420)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        header = QWidget(sidebar)
        header.setObjectName("brandBar")
        head = QVBoxLayout(header)
        head.setContentsMargins(20, 18, 20, 10)
        head.setSpacing(2)
        self.brand = QLabel("ExpoNav", header)
        self.brand.setObjectName("brand")
        self.show_title = QLabel(header)
        self.show_title.setObjectName("showTitle")
        self.show_title.setWordWrap(True)
        head.addWidget(self.brand)
        head.addWidget(self.show_title)
        side.addWidget(header)
        self.stack = QStackedWidget(sidebar)
        self.search = SearchPanel(self.nav, self.themes, self.stack)
        self.card = ExhibitorCard(self.nav, self.themes, self.stack)
        self.stack.addWidget(self.search)
        self.stack.addWidget(self.card)
        side.addWidget(self.stack, 1)
        self.visit_bar_holder = QVBoxLayout()
        self.visit_bar_holder.setContentsMargins(16, 8, 16, 16)
        side.addLayout(self.visit_bar_holder)
        return sidebar

    def _build_map(self) -> None:
        """The map, with the level switcher, the language button and the legend on it."""
        self.view = MapView()
        self.map_area = MapArea(self.view)
        self.levels = LevelSwitcher(self.nav)
        self.language_button = self._build_language_button()
        self.legend = Legend(self.themes)
        self.map_area.float_widget(self.levels, "top-left")
        self.map_area.float_widget(self.language_button, "top-right")
        self.map_area.float_widget(self.legend, "bottom-left")

    def _build_language_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName("languageButton")
        button.setIcon(icon("language", UI.ink, 20))
        button.setIconSize(QSize(20, 20))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMinimumHeight(44)
        menu = QMenu(button)
        group = QActionGroup(menu)
        self.language_actions: dict[str, QAction] = {}
        for code, native in LANGUAGES:
            action = QAction(native, menu, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action
        button.setMenu(menu)
        return button

    def _lay_out(self, sidebar: QFrame) -> None:
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.map_area, 1)
        self.setCentralWidget(central)

    def _wire_panels_and_map(self) -> None:
        self.levels.level_chosen.connect(self.show_level)
        self.search.entry_chosen.connect(self.choose_entry)
        self.search.service_chosen.connect(self.show_nearest_service)
        self.search.focus_changed.connect(self._focus_changed)
        self.search.results_changed.connect(self.levels.set_counts)
        # a new search (typed, or the field cleared) takes the old pins and highlight away
        self.search.field.textEdited.connect(self.clear_selection)
        self.search.field.textChanged.connect(
            lambda text: None if text.strip() else self.clear_selection())
        self.card.back_requested.connect(self.show_results)
        self.card.booth_requested.connect(self._card_booth)
        self.view.clicked.connect(self.map_clicked)
        self.view.hovered.connect(self._map_hovered)

    def _build_routes_and_visits(self) -> None:
        """The planner thread and the route and visit controllers (this window is their
        :class:`WindowHost`), their panels in the side panel, their bars on the map,
        and the search results' "+" for the visit."""
        self.planner = PlannerThread(self)
        self.planner.start()
        self.routes = RouteController(self, self.nav, self.planner, self)
        self.level_changed.connect(self.routes.follow_level)
        self.view.first_painted.connect(self.routes.warm_up_soon)
        self.visits = VisitController(self, self.nav, self.planner, self.routes, self)
        self.visit = self.visits.model
        self.stack.addWidget(self.routes.panel)
        self.stack.addWidget(self.visits.panel)
        self.stack.currentChanged.connect(
            lambda i: self.visits.page_changed(self.stack.widget(i)))
        self.visit_bar_holder.addWidget(self.visits.bar)
        self.map_area.float_widget(self.routes.bar, "bottom-centre")
        self.map_area.float_widget(self.routes.pick_hint, "top-centre")
        self.search.set_trailing(
            lambda e: None if self.visits.place_of_entry(e) is None
            else ("added" if self.visits.entry_in_visit(e) else "add"))
        self.search.trailing_clicked.connect(self.visits.toggle_entry)
        self.search.payload_entered.connect(self._payload_typed)
        self.visits.message_shown.connect(self.search.show_status)
        self._action_texts: tuple[str, str] = ("", "")

    def _add_card_actions(self) -> None:
        """"Route here" and "Add to visit" on the card, in the interface language."""
        for text in self._action_texts:
            if text:
                self.card.remove_action(text)
        route = QCoreApplication.translate("VisitorApi", "Route here")
        visit = QCoreApplication.translate("VisitorApi", "Add to visit")
        self.card.add_action(route, self.routes.route_here)
        self.card.add_action(visit, self.visits.toggle_subject, label=self.visits.subject_label)
        self._action_texts = (route, visit)

    def _open(self, lang: str) -> None:
        """The first level and the language; the other levels are drawn after the first
        frame, their geometry worked out on a thread."""
        self.show_level(next(iter(self.nav.levels)), fit=True)
        self.set_language(lang, force=True)
        self.setMinimumSize(1024, 680)
        self.resize(1440, 900)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_levels)
        self._prepare_timer.start(300)

    # -- levels ----------------------------------------------------------------------

    def scene_for(self, level_id: str) -> FloorPlanScene:
        scene = self.scenes.get(level_id)
        if scene is None:
            future = self._stands.get(level_id)
            stands = self._ready_stands.pop(level_id, None)
            if stands is None and future is not None:
                stands = future.result()
            scene = FloorPlanScene(self.nav, level_id, self.themes, self.lang, self, stands)
            scene.set_focus(self.search.focus)
            self.scenes[level_id] = scene
            self.routes.decorate(scene)
            self.visits.decorate(scene)
        return scene

    def _prepare_levels(self) -> None:
        """Build one more level's scene once its geometry is ready (worked out on a
        thread); again shortly until every level is built."""
        if not self._stands:
            self._stands = {lv: self._geometry.submit(level_stands, self.nav, lv)
                            for lv in self.nav.levels if lv not in self.scenes}
        for level_id in self.nav.levels:
            if level_id not in self.scenes:
                future = self._stands.get(level_id)
                if future is not None and not future.done():
                    self._prepare_timer.start(30)
                    return
                self.scene_for(level_id)
                self._prepare_timer.start(0)
                return
        self._geometry.shutdown(wait=False)

    def show_level(self, level_id: str, fit: bool = False) -> None:
        if level_id == self.level and not fit:
            return
        scene = self.scene_for(level_id)
        if self.level in self.scenes:
            self.scenes[self.level].set_hover(None)
        first_time = self.view.scene() is None
        self.view.set_level_scene(scene, fit=fit or first_time)
        self.level = level_id
        self.levels.set_current(level_id)
        self.level_changed.emit(level_id)

    def current_scene(self) -> FloorPlanScene:
        return self.scenes[self.level]

    # -- language --------------------------------------------------------------------

    def set_language(self, code: str, force: bool = False) -> None:
        if code == self.lang and not force:
            return
        self.languages.set_language(code)
        self.lang = self.languages.code
        for scene in self.scenes.values():
            scene.set_language(self.lang)
        self.levels.set_language(self.lang)
        self.legend.set_language(self.lang)
        self.search.set_language(self.lang)
        self.card.set_language(self.lang)
        self.language_actions[self.lang].setChecked(True)
        self._add_card_actions()
        self.routes.retranslate()
        self.visits.retranslate()
        self.retranslate_ui()
        self.map_area.place_floating()
        self.language_changed.emit(self.lang)

    def retranslate_ui(self) -> None:
        show = self.nav.show_info
        name = pick(show.name, show.name_zh, self.lang)
        self.setWindowTitle(self.tr("ExpoNav — %1").replace("%1", name))
        self.show_title.setText(f"{name}\n{self._show_dates()}")
        self.language_button.setText(dict(LANGUAGES)[self.lang])
        self.language_button.setToolTip(self.tr("Language"))
        self.language_button.setAccessibleName(self.tr("Language"))

    def _show_dates(self) -> str:
        """'18–21 March 2025', '2025年3月18–21日', '18–21 Maret 2025'."""
        show = self.nav.show_info
        return show_dates(show.start_date, show.end_date, self.lang)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- choosing and showing --------------------------------------------------------

    def show_results(self) -> None:
        self.stack.setCurrentWidget(self.search)
        self.search.field.setFocus()

    def _focus_changed(self, focus) -> None:
        for scene in self.scenes.values():
            scene.set_focus(focus)

    def highlight_booths(self, codes: tuple[str, ...], animated: bool = True) -> QRectF:
        """Switch to the level of these booths, light them up and fly there."""
        levels = self.nav.levels_of(codes)
        if not levels:
            return QRectF()
        level = self.level if self.level in levels else levels[0]
        self.show_level(level)
        for lv, scene in self.scenes.items():
            if lv != level:
                scene.clear_highlight()
        rect = self.current_scene().highlight_booths(codes)
        if not rect.isEmpty():
            self.view.fly_to(rect.adjusted(-6, -6, 6, 6), animated=animated)
        return rect

    def choose_entry(self, entry: ResultEntry) -> None:
        if entry.kind == "exhibitor":
            self.highlight_booths(entry.booths)
            self.card.show_exhibitor(entry.id)
            self.stack.setCurrentWidget(self.card)
        elif entry.kind == "booth":
            info = self.nav.booth(entry.id)
            self.highlight_booths((entry.id,))
            if info.exhibitor is not None:
                self.card.show_exhibitor(info.exhibitor.id)
            else:
                self.card.show_booth(info.code)
            self.stack.setCurrentWidget(self.card)
        elif entry.kind == "amenity":
            self.show_places(entry.level, entry.places)

    def _reference_point(self, level_id: str) -> tuple[float, float]:
        """Where "nearest" is measured from: the map's centre on this level."""
        if level_id == self.level and self.view.scene() is not None:
            return to_model(self.view.centre())
        c = self.nav.level_plan(level_id).footprint.centroid
        return c.x, c.y

    def _walking_start(self):
        """Where "nearest" is walked from: here (a kiosk) or the start the visitor chose;
        None when neither is set, and it is measured from the map's centre instead."""
        return self.routes.start()

    def show_places(self, level_id: str | None, place_ids: tuple[str, ...],
                    category: str | None = None) -> None:
        """Pins on the nearest of these places; one place opens its card, several are
        listed nearest first with their distance, numbered like their pins. From a start
        (here, or the one chosen) they rank by walking; else by a straight line from the
        map's centre, on one level."""
        if not place_ids:
            return
        start = self._walking_start()
        if start is not None:
            found = self.nav.by_walking(start, place_ids, limit=NEAREST_SERVICES,
                                        step_free=self.routes.step_free)
            ranked = [(self.nav.place(f.id), f.distance_m, True) for f in found]
        else:
            level_id = level_id or self.nav.place(place_ids[0]).level
            ref = self._reference_point(level_id)
            places = [self.nav.place(pid) for pid in place_ids]
            places = [p for p in places if p.level == level_id] or places
            places.sort(key=lambda p: math.hypot(p.x - ref[0], p.y - ref[1]))
            ranked = [(p, math.hypot(p.x - ref[0], p.y - ref[1]), False)
                      for p in places[:NEAREST_SERVICES]]
        if not ranked:
            return
        self._show_ranked(ranked, category)

    def _show_ranked(self, ranked: list, category: str | None) -> None:
        nearest = [p for p, _, _ in ranked]
        self.show_level(nearest[0].level)
        for lv, scene in self.scenes.items():
            if lv != self.level:
                scene.clear_highlight()
        on_level = [p for p in nearest if p.level == self.level]
        rect = self.current_scene().highlight_points([(p.id, p.x, p.y) for p in on_level])
        self.view.fly_to(rect.adjusted(-15, -15, 15, 15),
                         scale=None if len(on_level) > 1 else 14.0, animated=True)
        if len(nearest) == 1:
            self.card.show_amenity(nearest[0].id)
            self.stack.setCurrentWidget(self.card)
            return
        category = category or service_category(self.nav, nearest[0].id)
        entries = []
        for n, (p, metres, walked) in enumerate(ranked, start=1):
            e = service_entry(self.nav, service_category(self.nav, p.id), p.level, (p.id,),
                              self.lang, names=[f"{n}  {pick(p.name, p.name_zh, self.lang)}"])
            away = (self.tr("%1 on foot") if walked else self.tr("%1 away")).replace(
                "%1", metres_text(metres))
            e.subtitle = f"{e.subtitle} · {away}"
            entries.append(e)
        self.search.show_entries(self.tr("Nearest: %1").replace("%1", amenity_name(category)),
                                 entries)
        self.stack.setCurrentWidget(self.search)

    def show_nearest_service(self, category: str) -> None:
        """A one-tap service: the nearest few on foot from the start (here, or the one
        chosen), on the levels the show uses; with no start, the nearest in a straight
        line from the map's centre on this level (or the next level that has one). Exits
        are the doors visitors use (emergency exits are for evacuation)."""
        kind = "exit" if category == "exit" else f"amenity:{category}"
        start = self._walking_start()
        if start is not None:
            found = self.nav.nearest(origin=start, kind=kind, by="walking",
                                     limit=NEAREST_SERVICES, step_free=self.routes.step_free)
            if found:
                self._show_ranked([(self.nav.place(f.id), f.distance_m, True) for f in found],
                                  category)
                return
        else:
            used = self.nav.show_levels
            order = [self.level, *[lv for lv in used if lv != self.level],
                     *[lv for lv in self.nav.levels if lv != self.level and lv not in used]]
            for level_id in order:
                x, y = self._reference_point(level_id)
                found = self.nav.nearest(level_id, x, y, kind=kind, limit=NEAREST_SERVICES)
                if found:
                    self.show_places(level_id, tuple(f.id for f in found), category)
                    return
        self.search.show_entries(self.tr("No %1 on any level.").replace(
            "%1", amenity_name(category)), [])

    def _place_label(self, place_id: str) -> str:
        p = self.nav.place(place_id)
        return pick(p.name, p.name_zh, self.lang)

    def _card_booth(self, code: str) -> None:
        self.highlight_booths(tuple(self.card.subject.booths) if self.card.subject else (code,))
        scene = self.current_scene()
        rect = scene.stand_rect(code)
        if self.nav.booth(code).level != self.level:
            self.show_level(self.nav.booth(code).level)
            self.current_scene().highlight_booths(self.card.subject.booths)
            rect = self.current_scene().stand_rect(code)
        if not rect.isEmpty():
            self.view.fly_to(rect.center(), max(self.view.scale_px_per_m(), 18.0))

    def _map_hovered(self, scene_pos) -> None:
        """Outline the stand under the mouse and show a hand: booths are clickable."""
        if self.level is None:
            return
        info = None
        if scene_pos is not None:
            info = self.nav.booth_at(self.level, *to_model(scene_pos))
        self.current_scene().set_hover(info.code if info is not None else None)
        self.set_map_cursor(None if info is None else Qt.CursorShape.PointingHandCursor)

    def map_clicked(self, scene_pos: QPointF) -> None:
        """A click or tap on the plan: a booth's card, a service's card, or nothing."""
        if self.level is None or self.routes.map_clicked(scene_pos):
            return
        x, y = to_model(scene_pos)
        marker = self.current_scene().marker_at(scene_pos, self.view.scale_px_per_m())
        if marker is not None and not marker.place_id.count("@"):
            self.current_scene().highlight_points([(marker.place_id, *to_model(marker.pos()))])
            self.card.show_amenity(marker.place_id)
            self.stack.setCurrentWidget(self.card)
            return
        info = self.nav.booth_at(self.level, x, y)
        if info is None:
            self.current_scene().clear_highlight()
            return
        codes = info.exhibitor.booths if info.exhibitor is not None else (info.code,)
        self.current_scene().highlight_booths(codes)
        if info.exhibitor is not None:
            self.card.show_exhibitor(info.exhibitor.id)
        else:
            self.card.show_booth(info.code)
        self.stack.setCurrentWidget(self.card)

    def clear_selection(self) -> None:
        """Take the highlighted booths and the pins of a service off every level (the
        route, the visit and "you are here" stay)."""
        for scene in self.scenes.values():
            scene.clear_highlight()
            scene.set_hover(None)

    def reset_visitor_state(self) -> None:
        """Forget the visitor: search, results, highlights, card, route, visit, a start
        picked on the map; the map goes home (the here-level, else the first level)."""
        self.search.reset()
        self.card.clear()
        self.routes.reset()
        self.visits.reset()
        for scene in self.scenes.values():
            scene.clear_highlight()
            scene.set_hover(None)
        self.stack.setCurrentWidget(self.search)
        here = self.routes.here
        self.show_level(here.level if here is not None else next(iter(self.nav.levels)),
                        fit=True)
        self.view.finish_flight()

    def _payload_typed(self, text: str) -> None:
        if self.load_visit_payload(text):
            self.search.field.clear()

    # -- what the route and visit controllers ask of the window (WindowHost) ---------

    def frame(self, rect: QRectF) -> None:
        self.view.fly_to(rect, animated=True)

    def set_map_cursor(self, shape: Qt.CursorShape | None) -> None:
        if shape is None:
            self.view.viewport().unsetCursor()
        else:
            self.view.viewport().setCursor(shape)

    def place_floating(self) -> None:
        self.map_area.place_floating()

    def side_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_side_page(self, page: QWidget | None) -> None:
        self.stack.setCurrentWidget(page if page is not None else self.search)

    def refresh_visit_marks(self) -> None:
        self.card.refresh_actions()
        self.search.refresh_rows()

    def window_widget(self) -> QWidget:
        return self

    def closeEvent(self, event) -> None:  # noqa: N802
        self._prepare_timer.stop()
        self._geometry.shutdown(wait=False, cancel_futures=True)
        self.search.shutdown()
        self.planner.stop()
        self.languages.release()
        super().closeEvent(event)
