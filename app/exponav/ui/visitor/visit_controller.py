"""VisitController: the visit a visitor builds, planned off the UI thread and drawn.

It joins the :class:`~exponav.ui.visitor.visit_model.VisitModel` (what the visitor asked for)
to everything that shows or changes it: "Add to visit" on cards and results, the visit
panel and the bar that opens it, the numbered stops and walks on each level's scene,
the QR machine line typed or scanned into the search field, and printing. Each change
to the stops asks the planner thread for a plan in the visitor's own order
(``Navigator.itinerary(..., optimise=False)``); "Optimise order" asks for the best
order and then adopts it. The window is its :class:`~exponav.ui.visitor.host.WindowHost`.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from exponav.core.errors import ExpoNavError
from exponav.core.model import Place
from exponav.core.visit import qr
from exponav.core.visit.clock import format_hhmm
from exponav.core.visit.itinerary import Itinerary
from exponav.ui.common.convert import to_scene
from exponav.ui.common.walk_text import minutes_text, walk_summary
from exponav.ui.panels.exhibitor_card import CardSubject
from exponav.ui.panels.visit_panel import StopView, VisitBar, VisitPanel
from exponav.ui.visitor.visit_model import VisitModel, VisitStop

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from exponav.core.navigator import Navigator
    from exponav.ui.map.scene import FloorPlanScene
    from exponav.ui.panels.results import ResultEntry
    from exponav.ui.visitor.host import WindowHost
    from exponav.ui.visitor.planner_thread import PlannerThread
    from exponav.ui.visitor.route_controller import RouteController

__all__ = ["VisitController"]


class VisitController(QObject):
    """Visits for one window; see the module docstring."""

    message_shown = Signal(str)  # a sentence for the visitor (a bad QR code, a failure)

    def __init__(self, host: WindowHost, nav: Navigator, planner: PlannerThread,
                 routes: RouteController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.nav = nav
        self.routes = routes
        self.planner = planner
        self.model = VisitModel(self)
        self.panel = VisitPanel()
        self.bar = VisitBar()
        self._pending = 0
        self._pending_optimise = False
        self._adopting = False
        self._resume_payload: str | None = None
        self._return_to: QWidget | None = None
        self.error = ""
        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(0)
        self._replan_timer.timeout.connect(self._replan)

        self.model.stops_changed.connect(self._stops_changed)
        self.model.settings_changed.connect(self._settings_changed)
        self.model.planned.connect(self._planned)
        routes.start_changed.connect(lambda _p: self._origin_changed())
        self.planner.finished_job.connect(self._answered)
        p = self.panel
        p.back_requested.connect(self._back)
        p.removed.connect(self.model.remove)
        p.reordered.connect(self.model.set_order)
        p.appointment_changed.connect(self._set_appointment)
        p.start_time_changed.connect(self.model.set_start_time)
        p.step_free_toggled.connect(self.model.set_step_free)
        p.change_start_requested.connect(lambda: self.routes.ask_for_start())
        p.optimise_requested.connect(self.optimise)
        p.print_requested.connect(lambda: self.print_visit())
        p.pdf_requested.connect(self.save_pdf_dialog)
        p.clear_requested.connect(self.model.clear)
        self.bar.clicked.connect(self.open_panel)
        self._origin_changed()

    # -- what the visit starts from ----------------------------------------------------

    def default_start(self) -> Place:
        """Without a kiosk or a chosen start: the first level's main entrance."""
        plans = self.nav.level_plans()
        for plan in plans:
            doors = [o for o in plan.openings if o.service == "entrance"]
            main = [o for o in doors if "main" in (o.name or "").lower()]
            if main or doors:
                return self.nav.place((main or doors)[0].id)
        first = plans[0]
        c = first.footprint.representative_point()
        return self.nav.place((first.level.id, c.x, c.y))

    def origin(self) -> Place:
        return self.routes.start() or self.default_start()

    def _origin_changed(self) -> None:
        self.panel.set_origin(self.routes.place_name(self.origin()), self.routes.here is None)
        if not self.model.is_empty():
            self.model.itinerary = None
            self._schedule()

    # -- editing -----------------------------------------------------------------------

    def place_of_subject(self, subject: CardSubject) -> str:
        return self.routes.destination_of(subject) if subject.kind != "amenity" else subject.id

    def place_of_entry(self, entry: ResultEntry) -> str | None:
        """The stop a result row stands for (None for a row of several services)."""
        if entry.kind == "exhibitor" and entry.booths:
            return self.nav.place(entry.booths[0]).id
        if entry.kind == "booth":
            return self.nav.place(entry.id).id
        if entry.kind == "amenity" and len(entry.places) == 1:
            return entry.places[0]
        return None

    def _subject_stop(self, subject: CardSubject) -> str | None:
        """The stop of the visit that this card's subject already is, if any."""
        ids = [subject.id, *subject.booths]
        return next((p for p in ids if p in self.model), None)

    def toggle_subject(self, subject: CardSubject) -> None:
        """The card's "Add to visit" (or "Remove from visit" once it is in)."""
        present = self._subject_stop(subject)
        if present is not None:
            self.model.remove(present)
        else:
            self.model.add(self.place_of_subject(subject))

    def subject_label(self, subject: CardSubject | None) -> str | None:
        if subject is not None and self._subject_stop(subject) is not None:
            return self.tr("Remove from visit")
        return None

    def entry_in_visit(self, entry: ResultEntry) -> bool:
        if entry.kind == "exhibitor":
            return any(c in self.model for c in entry.booths)
        pid = self.place_of_entry(entry)
        return pid is not None and pid in self.model

    def toggle_entry(self, entry: ResultEntry) -> None:
        """The + (or ✓) beside a search result."""
        if entry.kind == "exhibitor":
            present = next((c for c in entry.booths if c in self.model), None)
            if present is not None:
                self.model.remove(present)
                return
        pid = self.place_of_entry(entry)
        if pid is None:
            return
        if pid in self.model:
            self.model.remove(pid)
        else:
            self.model.add(pid)

    def _set_appointment(self, place_id: str, hhmm: str | None) -> None:
        if place_id in self.model:
            self.model.set_appointment(place_id, hhmm)

    # -- planning ----------------------------------------------------------------------

    def _stops_changed(self) -> None:
        self.bar.set_count(len(self.model))
        self.host.refresh_visit_marks()
        self._fill_panel()
        self._draw()
        if not self._adopting:
            self._schedule()

    def _settings_changed(self) -> None:
        self.panel.set_settings(self.model.start_time or "", self.model.step_free)
        self._schedule()

    def _schedule(self) -> None:
        self._pending_optimise = False
        self._replan_timer.start()

    def _job(self, optimise: bool):
        nav, origin = self.nav, self.origin()
        ids, appts = self.model.place_ids(), self.model.appointments()
        start, free = self.model.start_time, self.model.step_free
        payload, self._resume_payload = self._resume_payload, None
        if payload is not None and not optimise:
            return lambda: nav.resume_visit(payload, origin, start)
        return lambda: nav.itinerary(origin, ids, start, appts, step_free=free, optimise=optimise)

    def _replan(self, optimise: bool = False) -> None:
        if self.model.is_empty():
            self.planner.cancel("visit")
            self._pending = 0
            self.panel.set_busy(False)
            self.model.set_itinerary(None)
            return
        self.error = ""
        self._pending_optimise = optimise
        self._pending = self.planner.submit("visit", self._job(optimise))
        self.panel.set_busy(True)

    def optimise(self) -> None:
        """Ask for the order that walks least and keeps the appointments."""
        if len(self.model) > 1:
            self._replan_timer.stop()
            self._replan(optimise=True)

    def is_busy(self) -> bool:
        return bool(self._pending) or self._replan_timer.isActive()

    def _answered(self, kind: str, generation: int, result, error) -> None:
        if kind != "visit" or generation != self._pending:
            return
        self._pending = 0
        self.panel.set_busy(False)
        if error is not None:
            self.error = str(error)
            self.panel.set_summary("", self._failure_text(error))
            self.message_shown.emit(self.error)
            return
        if self._pending_optimise:
            self._adopting = True
            try:
                self.model.set_order([s.place.id for s in result.stops])
            finally:
                self._adopting = False
        self.model.set_itinerary(result)

    def _failure_text(self, error: Exception) -> str:
        if isinstance(error, ExpoNavError):
            return self.tr("This visit cannot be planned: %1").replace("%1", str(error))
        return self.tr("Planning failed: %1").replace("%1", str(error))

    def itinerary_now(self) -> Itinerary | None:
        """The plan of the current stops, worked out now if it is not ready (printing)."""
        if self.model.is_empty():
            return None
        it = self.model.itinerary
        if it is not None and self.model.is_current(it):
            return it
        self._replan_timer.stop()
        self.planner.cancel("visit")
        self._pending = 0
        self.panel.set_busy(False)
        try:
            it = self.planner.call(self._job(optimise=False))
        except ExpoNavError as e:
            self.panel.set_summary("", self._failure_text(e))
            return None
        self.model.set_itinerary(it)
        return it

    # -- showing -----------------------------------------------------------------------

    def _planned(self, itinerary: Itinerary | None) -> None:
        self._fill_panel()
        self._draw()

    def _name(self, place: Place) -> str:
        return self.routes.short_name(place)

    def _level_name(self, level_id: str) -> str:
        return self.nav.level_name(level_id, self.host.lang)

    def _fill_panel(self) -> None:
        it = self.model.itinerary if self.model.is_current(self.model.itinerary) else None
        planned = {s.place.id: s for s in it.stops} if it else {}
        views = []
        default = "14:00"
        for stop in self.model.stops:
            try:
                place = self.nav.place(stop.place_id)
            except ExpoNavError:
                continue
            detail = self._level_name(place.level)
            if place.kind == "booth":
                detail = f"{place.id} · {detail}"
            view = StopView(place.id, self._name(place), detail, appointment=stop.appointment)
            p = planned.get(place.id)
            if p is not None:
                view.times = f"{p.appointment or p.arrive}–{p.depart}"
                view.leg = walk_summary(p.leg_length_m, p.leg_duration_s) if p.leg else ""
                view.slot = it.first_slot(place.id) or ""
                if p.late_s > 0:
                    view.late = self.tr("%1 late").replace("%1", minutes_text(p.late_s))
            views.append(view)
        if it and it.stops:
            first_free = it.stops[0].arrive_s
            default = format_hhmm(math.ceil(first_free / 900) * 900)
        self.panel.set_stops(views, default)
        start = self.model.start_time or (it.start if it else "")
        if not start:
            start = f"{self.nav.clock.now():%H:%M}"
        self.panel.set_settings(start, self.model.step_free)
        if it is None:
            self.panel.set_summary("", self.panel.warning.text() if self.error else "")
            return
        n = len(it.stops)
        count = self.tr("%n stop(s)", "", n)
        ends = self.tr("ends about %1").replace("%1", format_hhmm(it.end_s))
        summary = f"{count} · {walk_summary(it.length_m, it.duration_s)} · {ends}"
        warnings = [self.tr("The %1 appointment at %2 cannot be kept: you would arrive at %3, "
                            "%4 late.").replace("%1", s.appointment or "")
                    .replace("%2", self._name(s.place))
                    .replace("%3", s.arrive).replace("%4", minutes_text(s.late_s))
                    for s in it.stops if s.late_s > 0]
        self.panel.set_summary(summary, "\n".join(warnings))

    def decorate(self, scene: FloorPlanScene) -> None:
        """Draw the visit's numbered stops (and, once planned, its walks) on a scene."""
        if self.model.is_empty():
            scene.clear_visit()
            return
        it = self.model.itinerary if self.model.is_current(self.model.itinerary) else None
        paths, transfers = [], []
        level = scene.level_id
        via_kind = self.routes.via_kind
        if it is not None:
            for stop in it.stops:
                legs = stop.leg.legs if stop.leg is not None else []
                for k, leg in enumerate(legs):
                    if leg.level != level or not leg.coords:
                        continue
                    paths.append(leg.coords)
                    if k > 0:
                        text = self.routes.from_text(legs[k - 1].level, level)
                        transfers.append((*leg.coords[0], text, via_kind(legs[k - 1].via)))
                    if leg.via is not None and k + 1 < len(legs):
                        text = self.routes.towards_text(legs[k + 1].level, level)
                        transfers.append((*leg.coords[-1], text, via_kind(leg.via)))
        stops = []
        for n, stop in enumerate(self.model.stops, start=1):
            try:
                place = self.nav.place(stop.place_id)
            except ExpoNavError:
                continue
            if place.level == scene.level_id:
                stops.append((n, place.x, place.y, stop.appointment or "", self._name(place)))
        scene.draw_visit(paths, stops, transfers)

    def _draw(self) -> None:
        for scene in self.host.scenes.values():
            self.decorate(scene)
        for stop in self.model.stops:
            level = self.nav.place(stop.place_id).level
            if level not in self.host.scenes:
                self.decorate(self.host.scene_for(level))

    def stops_rect(self, level_id: str) -> QRectF:
        rect = QRectF()
        for stop in self.model.stops:
            p = self.nav.place(stop.place_id)
            if p.level == level_id:
                c = to_scene(p.x, p.y)
                rect = rect.united(QRectF(c.x() - 4, c.y() - 4, 8, 8))
        return rect

    def open_panel(self) -> None:
        """Show the visit panel, and the visit's stops on this level (or the first's)."""
        current = self.host.side_page()
        if current is not self.panel:
            self._return_to = current
        self.host.show_side_page(self.panel)
        self.bar.setVisible(False)
        if self.model.is_empty():
            return
        level = self.host.level
        if level is None or self.stops_rect(level).isNull():
            level = self.nav.place(self.model.place_ids()[0]).level
            self.host.show_level(level)
        rect = self.host.scene_for(level).visit_rect()
        if not rect.isNull():
            self.host.frame(rect.adjusted(-8, -8, 8, 8))

    def _back(self) -> None:
        target = self._return_to if self._return_to is not self.panel else None
        self.host.show_side_page(target)
        self.bar.set_count(len(self.model))

    def page_changed(self, widget: QWidget | None) -> None:
        """The side panel turned to ``widget``: the bar shows unless the visit does."""
        self.bar.set_count(len(self.model))
        if widget is self.panel:
            self.bar.setVisible(False)

    # -- QR machine line -----------------------------------------------------------------

    def load_payload(self, text: str) -> bool:
        """Load the visit a QR payload (or its machine line) carries and route from here
        to its first stop. False, with a sentence for the visitor, when it is not one."""
        at = text.find(qr.MACHINE_PREFIX + "|")
        if at < 0:
            return False
        plan = None
        for candidate in (text, text[at:].strip()):
            try:
                plan = qr.parse(candidate)
                payload = candidate
                break
            except ExpoNavError:
                continue
        if plan is None:
            return self._refuse(self.tr("This code is not an ExpoNav visit."))
        show_id = self.nav.show_info.id
        if plan.show and plan.show != show_id:
            return self._refuse(self.tr("This visit was planned for another show."))
        try:
            stops = [VisitStop(self.nav.place(s.place).id, s.appointment) for s in plan.stops]
        except ExpoNavError:
            return self._refuse(self.tr("This visit names a place this map does not have."))
        if not stops:
            return self._refuse(self.tr("This visit has no stops."))
        if self.routes.start() is None:
            with contextlib.suppress(ExpoNavError):
                self.routes.picked_start = self.nav.place(plan.origin)
        self._resume_payload = payload
        self.model.load(stops)
        self.routes.route_to(stops[0].place_id, self.model.step_free)
        return True

    def _refuse(self, text: str) -> bool:
        self.message_shown.emit(text)
        return False

    # -- printing ------------------------------------------------------------------------

    def _printed_from(self) -> str | None:
        from exponav.ui.print.printout import printed_from_label

        here = self.routes.here
        return printed_from_label(here.id) if here is not None and here.kind == "kiosk" else None

    def print_visit(self, paper: str | None = None, printer: QPrinter | None = None
                    ) -> Itinerary | None:
        """Print the visit in the visitor's language: on ``printer`` without a dialog, or
        through the print preview. Without ``paper`` the printout suits the paper of the
        printer (the one chosen in the dialog): A4, Letter or a receipt. Returns the
        itinerary printed (None: no visit)."""
        from exponav.ui.print.printer import print_itinerary, print_preview_dialog

        it = self.itinerary_now()
        if it is None:
            return None
        if printer is not None:
            print_itinerary(it, self.nav, printer, paper, self._printed_from(),
                            lang=self.host.lang)
        else:
            dialog = print_preview_dialog(it, self.nav, self.host.window_widget(), paper,
                                          self._printed_from(), lang=self.host.lang)
            dialog.setWindowTitle(self.tr("Print your visit"))
            dialog.exec()
        return it

    def save_pdf(self, path: str | Path, paper: str = "a4") -> Path | None:
        """Write the visit as a PDF; None when there is no visit."""
        from exponav.ui.print.pdf import write_pdf

        it = self.itinerary_now()
        if it is None:
            return None
        return write_pdf(it, self.nav, path, paper, self._printed_from(), lang=self.host.lang)

    def save_pdf_dialog(self) -> None:
        a4, receipt = self.tr("A4 page (*.pdf)"), self.tr("80 mm receipt (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self.host.window_widget(), self.tr("Save your visit as PDF"),
            str(Path.home() / "visit.pdf"),
            f"{a4};;{receipt}")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(path, "receipt80" if chosen == receipt else "a4")

    # -- reset and language ----------------------------------------------------------------

    def reset(self) -> None:
        self._replan_timer.stop()
        self.planner.cancel("visit")
        self._pending = 0
        self._resume_payload = None
        self.error = ""
        self.model.clear()
        if self.host.side_page() is self.panel:
            self.host.show_side_page(None)
        self.bar.set_count(0)

    def retranslate(self) -> None:
        self._origin_changed()
        self._fill_panel()
        self._draw()
