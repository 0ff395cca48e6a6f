"""RouteController: "you are here", "Route here", and the route on the map and beside it.

The window owns one and is its :class:`~exponav.ui.visitor.host.WindowHost`. It keeps
where the visitor stands (:meth:`set_here`, a kiosk) or the start they chose (a kiosk,
an entrance or a point picked on the map, when the window is on a laptop), asks the
planner thread for the route (``Navigator.route``), and shows the answer: the line on
each level's scene, one level at a time with the route bar's "Continue on 4F ▸", the
directions in the route panel. Nothing here blocks the UI thread on the router, which
is built on the planner thread once the window has painted
(:meth:`RouteController.warm_up_soon`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QShortcut

from exponav.core.errors import ExpoNavError, NotFound
from exponav.core.model import Place
from exponav.ui.common.convert import to_model
from exponav.ui.common.i18n import pick
from exponav.ui.common.walk_text import walk_summary
from exponav.ui.map.level_switcher import level_parts
from exponav.ui.panels.exhibitor_card import CardSubject
from exponav.ui.panels.route_bar import RouteBar
from exponav.ui.panels.route_panel import RoutePanel, split_steps
from exponav.ui.panels.start_picker import MapPickMode, PickHint, StartMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from exponav.core.navigator import Navigator
    from exponav.core.routing.route import Route
    from exponav.ui.map.scene import FloorPlanScene
    from exponav.ui.visitor.host import WindowHost
    from exponav.ui.visitor.planner_thread import PlannerThread

__all__ = ["RouteController", "RouteRequest"]

WARM_UP_MS = 600  # after the first frame: build the router before anyone asks


@dataclass
class RouteRequest:
    destination: Place
    step_free: bool


class RouteController(QObject):
    """Routes for one window; see the module docstring."""

    route_shown = Signal(object)  # Route, once drawn
    route_failed = Signal(str)  # the sentence shown instead
    route_cleared = Signal()
    here_changed = Signal(object)  # Place or None
    start_changed = Signal(object)  # the start routes use: Place or None

    def __init__(self, host: WindowHost, nav: Navigator, planner: PlannerThread,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.nav = nav
        self.planner = planner
        self.here: Place | None = None
        self.heading_deg: float | None = None
        self.picked_start: Place | None = None
        self.route: Route | None = None
        self.request: RouteRequest | None = None
        self.leg = 0
        self.step_free = False  # the visitor's choice, kept for the next "Route here"
        self._pending = 0
        self._after_start: RouteRequest | None = None
        self._route_lang = ""
        self._return_to: QWidget | None = None
        self.menu: StartMenu | None = None

        self.panel = RoutePanel()
        self.bar = RouteBar()
        self.pick_mode = MapPickMode(self)
        self.pick_hint = PickHint()
        self.panel.back_requested.connect(self._back)
        self.panel.step_free_toggled.connect(self._step_free_toggled)
        self.panel.change_start_requested.connect(lambda: self.ask_for_start())
        self.panel.clear_requested.connect(self.clear_route)
        self.panel.leg_chosen.connect(self.show_leg)
        self.bar.previous_requested.connect(lambda: self.show_leg(self.leg - 1))
        self.bar.next_requested.connect(lambda: self.show_leg(self.leg + 1))
        self.bar.close_requested.connect(self.clear_route)
        self.pick_mode.started.connect(self._pick_started)
        self.pick_mode.finished.connect(self._picked)
        self.pick_mode.canceled.connect(self._pick_ended)
        self.pick_hint.cancel_requested.connect(self.pick_mode.cancel)
        self._escape = QShortcut(QKeySequence("Esc"), host.window_widget())
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.pick_mode.cancel)
        self.planner.finished_job.connect(self._answered)
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.timeout.connect(lambda: self.planner.submit("warm-up", nav.prepare_routes))

    def warm_up_soon(self) -> None:
        """The window has painted: build the router shortly, before anyone asks."""
        self._warm.start(WARM_UP_MS)

    # -- where the visitor is --------------------------------------------------------

    def set_here(self, place_id: str | None, heading_deg: float | None = None) -> None:
        """The visitor's position (a kiosk id or any place), or None on a laptop."""
        old = self.here
        self.here = None if place_id is None else self.nav.place(place_id)
        self.heading_deg = None if heading_deg is None else float(heading_deg)
        if old is not None and old.level in self.host.scenes:
            self.host.scenes[old.level].clear_here()
        if self.here is not None:
            self._draw_here(self.host.scene_for(self.here.level))
        self.panel.set_can_change_start(self.here is None)
        self.here_changed.emit(self.here)
        self.start_changed.emit(self.start())

    def start(self) -> Place | None:
        """Where a route or a visit starts: here, else the start the visitor chose."""
        return self.here or self.picked_start

    def set_start(self, place: Place | None) -> None:
        """The start chosen on a laptop (from the menu or picked on the map)."""
        self.picked_start = place
        self.start_changed.emit(self.start())
        pending, self._after_start = self._after_start, None
        if place is not None and pending is not None:
            self._compute(pending)
        elif place is not None and self.request is not None:
            self._compute(self.request)

    def _draw_here(self, scene: FloorPlanScene) -> None:
        if self.here is None or scene.level_id != self.here.level:
            return
        item = scene.set_here(self.here.x, self.here.y, self.heading_deg, self._here_text())
        item.setToolTip(self.place_name(self.here))

    def _here_text(self) -> str:
        return self.tr("You are here")

    # -- asking for a start ----------------------------------------------------------

    def ask_for_start(self, at: QPoint | None = None) -> StartMenu:
        """The small chooser: kiosks, entrances, or pick on the map (not blocking)."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        self.menu = StartMenu(self.nav, self.host.lang, self.host.window_widget())
        self.menu.chosen.connect(lambda pid: self.set_start(self.nav.place(pid)))
        self.menu.pick_requested.connect(self.pick_mode.start)
        self.menu.popup(at or QCursor.pos())
        return self.menu

    def _pick_started(self) -> None:
        self._escape.setEnabled(True)
        self.pick_hint.setVisible(True)
        self.pick_hint.raise_()
        self.host.place_floating()
        self.host.set_map_cursor(Qt.CursorShape.CrossCursor)

    def _pick_ended(self) -> None:
        self._escape.setEnabled(False)
        self.pick_hint.setVisible(False)
        self.host.set_map_cursor(None)

    def _picked(self, level: str, x: float, y: float) -> None:
        self._pick_ended()
        self.set_start(self.nav.place((level, round(x, 2), round(y, 2))))

    def map_clicked(self, scene_pos) -> bool:
        """A click on the map while picking sets the start; True when it was used."""
        level = self.host.level
        if not self.pick_mode.active or level is None:
            return False
        x, y = to_model(scene_pos)
        self.pick_mode.finish(level, x, y)
        return True

    # -- routing ---------------------------------------------------------------------

    def destination_of(self, subject: CardSubject) -> str:
        """The place a card stands for: of an exhibitor's booths, the one on the start's
        level if there is one."""
        if subject.kind == "amenity" or not subject.booths:
            return subject.id
        start = self.start()
        if start is not None:
            for code in subject.booths:
                with contextlib.suppress(ExpoNavError):
                    if self.nav.booth(code).level == start.level:
                        return code
        return subject.booths[0]

    def route_here(self, subject: CardSubject) -> None:
        """The card's "Route here"."""
        self.route_to(self.destination_of(subject), self.step_free)

    def route_to(self, place_spec: str | tuple[str, float, float] | Place,
                 step_free: bool = False) -> bool:
        """Work out and show the route from the start to ``place_spec`` (off the UI
        thread). Without a start, asks for one first. False when the place is unknown."""
        self.step_free = bool(step_free)
        self.panel.set_step_free(self.step_free)
        try:
            dest = place_spec if isinstance(place_spec, Place) else self.nav.place(place_spec)
        except NotFound as e:
            self._open_panel()
            self.panel.set_places(str(place_spec), "", "")
            self._fail(str(e))
            return False
        request = RouteRequest(dest, self.step_free)
        if self.start() is None:
            self._after_start = request
            self.request = request
            self._open_panel()
            self.panel.set_places(*self._dest_names(dest), "")
            self.panel.show_message(self.tr("Where are you? Choose a kiosk or an entrance, "
                                            "or pick your position on the map."))
            self.ask_for_start()
            return True
        self._compute(request)
        return True

    def _compute(self, request: RouteRequest) -> None:
        self.request = request
        start = self.start()
        assert start is not None
        self._erase()
        self._open_panel()
        self.panel.set_places(*self._dest_names(request.destination), self.place_name(start))
        self.panel.set_step_free(request.step_free)
        self.panel.show_busy()
        lang = self.host.lang
        self._route_lang = lang
        nav, dest, free = self.nav, request.destination, request.step_free
        self._pending = self.planner.submit(
            "route", lambda: nav.route(start, dest, step_free=free, lang=lang))

    def _answered(self, kind: str, generation: int, result, error) -> None:
        if kind != "route" or generation != self._pending:
            return
        self._pending = 0
        if error is not None:
            self._fail(self._failure_text(error))
            return
        self.route = result
        self._draw()
        self.show_leg(0)
        self._fill_panel()
        self.route_shown.emit(result)

    def _failure_text(self, error: Exception) -> str:
        from exponav.core.routing.route import Unreachable

        dest = self.place_name(self.request.destination) if self.request else ""
        if isinstance(error, Unreachable):
            if self.request is not None and self.request.step_free:
                return self.tr("No step-free route reaches %1 from here. Turn off step-free "
                               "to include stairs and escalators.").replace("%1", dest)
            return self.tr("Sorry, no walking route reaches %1 from here. Please ask at an "
                           "information desk.").replace("%1", dest)
        return self.tr("The route could not be worked out: %1").replace("%1", str(error))

    def _fail(self, text: str) -> None:
        self.route = None
        self._erase()
        self.panel.show_message(text)
        self.route_failed.emit(text)

    def is_busy(self) -> bool:
        return bool(self._pending)

    # -- drawing ---------------------------------------------------------------------

    def _legs_on(self, level_id: str) -> list[int]:
        if self.route is None:
            return []
        return [i for i, leg in enumerate(self.route.legs) if leg.level == level_id]

    def _markers(self, i: int) -> list[tuple[str, float, float, str, str]]:
        route = self.route
        assert route is not None
        leg = route.legs[i]
        out = []
        if leg.coords:
            x0, y0 = leg.coords[0]
            if i == 0:
                at_here = self.here is not None and self.here.id == route.origin.id
                if not at_here:
                    out.append(("start", x0, y0, "", ""))
            else:
                prev = route.legs[i - 1]
                out.append(("transfer", x0, y0, self.from_text(prev.level, leg.level),
                            self.via_kind(prev.via)))
            x1, y1 = leg.coords[-1]
            if leg.via is not None and i + 1 < len(route.legs):
                nxt = route.legs[i + 1].level
                out.append(("transfer", x1, y1, self.towards_text(nxt, leg.level),
                            self.via_kind(leg.via)))
            elif i == len(route.legs) - 1:
                out.append(("end", x1, y1, "", ""))
        return out

    def decorate(self, scene: FloorPlanScene) -> None:
        """Draw what this controller shows on a level's scene (new scenes too)."""
        self._draw_here(scene)
        legs = self._legs_on(scene.level_id)
        if self.route is None or not legs:
            scene.clear_route()
            return
        i = self.leg if self.leg in legs else legs[0]
        scene.draw_route(self.route.legs[i].coords, self._markers(i))

    def _draw(self) -> None:
        for scene in self.host.scenes.values():
            scene.clear_route()
        if self.route is None:
            return
        for leg in self.route.legs:
            self.decorate(self.host.scene_for(leg.level))

    def _erase(self) -> None:
        for scene in self.host.scenes.values():
            scene.clear_route()
        self.bar.setVisible(False)

    def show_leg(self, index: int) -> None:
        """Show part ``index`` of the route: its level, framed, and its steps marked."""
        if self.route is None or not self.route.legs:
            return
        index = max(0, min(index, len(self.route.legs) - 1))
        self.leg = index
        leg = self.route.legs[index]
        self.host.show_level(leg.level)
        scene = self.host.scene_for(leg.level)
        self.decorate(scene)
        rect = scene.route_rect()
        if not rect.isEmpty() or rect.width() or rect.height():
            pad = 6.0
            self.host.frame(QRectF(rect).adjusted(-pad, -pad, pad, pad))
        self.panel.set_current_leg(index)
        self._show_bar()

    def _show_bar(self) -> None:
        if self.route is None:
            self.bar.setVisible(False)
            return
        names = [self._level_short(leg.level, self.route.legs[0].level)
                 for leg in self.route.legs]
        self.bar.show_route(walk_summary(self.route.length_m, self.route.duration_s), self.leg,
                            names)
        self.host.place_floating()

    def follow_level(self, level_id: str) -> None:
        """The map turned to another level (the visitor's hand, or a leg): show the part
        of the route on it."""
        legs = self._legs_on(level_id)
        if legs and self.leg not in legs:
            self.leg = legs[0]
            self.decorate(self.host.scene_for(level_id))
            self.panel.set_current_leg(self.leg)
            self._show_bar()

    def _fill_panel(self) -> None:
        route = self.route
        if route is None:
            return
        lang = self.host.lang
        # the worker wrote the steps in the language asked for; only a language switch
        # since then needs them again
        steps = list(route.steps) if route.steps and lang == self._route_lang else \
            self.nav.directions(route, lang)
        groups = split_steps(steps, [leg.via for leg in route.legs])
        headings = [self.tr("On %1").replace("%1", self._level_name(leg.level))
                    for leg in route.legs]
        self.panel.show_route(walk_summary(route.length_m, route.duration_s),
                              list(zip(headings, groups, strict=False)))
        self.panel.set_current_leg(self.leg)

    def clear_route(self) -> None:
        """No route on the map, in the panel or on its way."""
        self.planner.cancel("route")
        self._pending = 0
        self.route = None
        self.request = None
        self._after_start = None
        self.leg = 0
        self._erase()
        self.panel.clear()
        self.panel.set_places("", "", "")
        if self.host.side_page() is self.panel:
            self._back()
        self.route_cleared.emit()

    def reset(self) -> None:
        """The visitor walked away: no route, no picked start, no picking."""
        self.pick_mode.cancel()
        if self.menu is not None:
            self.menu.close()
        self.clear_route()
        self.picked_start = None
        self.step_free = False
        self.panel.set_step_free(False)
        self.start_changed.emit(self.start())

    # -- panel -----------------------------------------------------------------------

    def _open_panel(self) -> None:
        current = self.host.side_page()
        if current is not self.panel:
            self._return_to = current
        self.panel.set_can_change_start(self.here is None)
        self.host.show_side_page(self.panel)

    def _back(self) -> None:
        target = self._return_to if self._return_to is not self.panel else None
        self.host.show_side_page(target)

    def _step_free_toggled(self, on: bool) -> None:
        self.step_free = on
        if self.request is not None:
            self.route_to(self.request.destination, on)

    # -- names -----------------------------------------------------------------------

    def _level_name(self, level_id: str) -> str:
        return self.nav.level_name(level_id, self.host.lang)

    def via_kind(self, connector_id: str | None) -> str:
        """The kind of connector a walk changes level by (``escalator`` ...), or ''."""
        connector = self.nav.connector(connector_id) if connector_id else None
        return connector.kind if connector is not None else ""

    def from_text(self, level_id: str, relative_to: str) -> str:
        """What a connector's badge says where a walk arrives: "From 1F"."""
        return self.tr("From %1").replace("%1", self._level_short(level_id, relative_to))

    def towards_text(self, level_id: str, relative_to: str) -> str:
        """What a connector's badge says: "To 4F"."""
        return self.tr("To %1").replace("%1", self._level_short(level_id, relative_to))

    def _level_short(self, level_id: str, relative_to: str) -> str:
        """"4F" within one building, "Hall 1 4F" across buildings."""
        level = self.nav.levels.get(level_id)
        other = self.nav.levels.get(relative_to)
        if level is None:
            return level_id
        building, floor = level_parts(level, self._level_name(level_id))
        if other is not None and other.building == level.building:
            return floor
        return f"{building} {floor}"

    def short_name(self, place: Place) -> str:
        """What the visitor calls a place: an exhibitor's or amenity's name, "Kiosk
        K-H2-1F-1", "a point on the map"."""
        if place.kind == "kiosk":
            return self.tr("Kiosk %1").replace("%1", place.id)
        if place.kind == "point":
            return self.tr("a point on the map")
        return pick(place.name, place.name_zh, self.host.lang) or place.id

    def _dest_names(self, place: Place) -> tuple[str, str]:
        """("Beliria Transit", "S1024 · Hall 2 4F") for the panel's title."""
        name = self.short_name(place)
        level = self._level_name(place.level)
        return name, (f"{place.id} · {level}" if place.kind == "booth" and name != place.id
                      else level)

    def place_name(self, place: Place) -> str:
        """A place with its level, for the panels: "Beliria Transit (S1024) · Hall 2 4F"."""
        name = self.short_name(place)
        if place.kind == "booth" and name != place.id:
            name = f"{name} ({place.id})"
        return f"{name} · {self._level_name(place.level)}"

    def retranslate(self) -> None:
        """The interface language changed: names, steps and marker texts follow."""
        for scene in self.host.scenes.values():
            if scene.here_item is not None:
                scene.here_item.set_text(self._here_text())
        if self.request is not None:
            start = self.start()
            self.panel.set_places(*self._dest_names(self.request.destination),
                                  self.place_name(start) if start else "")
        if self.route is not None:
            self._draw()
            self._fill_panel()
            self._show_bar()
