"""The window's routes and visits: the API a kiosk (or a script) calls on the window.

:class:`VisitorApi` is mixed into :class:`~exponav.ui.visitor.main_window.MainWindow`; it
creates the planner thread and the route and visit controllers, puts their panels in
the side panel and their cards on the map, adds "Route here" and "Add to visit" to the
exhibitor card and the search results, and offers the calls below. The controllers do
the work; these methods only name it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from exponav.ui.visitor.planner_thread import PlannerThread
from exponav.ui.visitor.route_controller import RouteController
from exponav.ui.visitor.visit_controller import VisitController

__all__ = ["VisitorApi"]


class VisitorApi:
    """Routes, visits and the visitor's state, for a window with ``search``, ``card``,
    ``stack``, ``map_area``, ``view`` and ``scenes``."""

    def _wire_routes_and_visits(self) -> None:
        self.planner = PlannerThread(self)
        self.planner.start()
        self.routes = RouteController(self)
        self.visits = VisitController(self, self.routes)
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
        """"Route here" and "Add to visit" in the interface language."""
        for text in self._action_texts:
            if text:
                self.card.remove_action(text)
        route = QCoreApplication.translate("VisitorApi", "Route here")
        visit = QCoreApplication.translate("VisitorApi", "Add to visit")
        self.card.add_action(route, self.routes.route_here)
        self.card.add_action(visit, self.visits.toggle_subject, label=self.visits.subject_label)
        self._action_texts = (route, visit)

    # -- routes and visits: the API the kiosk uses ---------------------------------------

    def set_here(self, place_id: str | None, heading_deg: float | None = None) -> None:
        """Where the visitor stands (a kiosk id), drawn as "you are here"; None: unknown."""
        self.routes.set_here(place_id, heading_deg)

    def route_to(self, place_spec, step_free: bool = False) -> bool:
        """Show the walking route from here to a place (worked out off the UI thread)."""
        return self.routes.route_to(place_spec, step_free)

    def clear_route(self) -> None:
        self.routes.clear_route()

    def load_visit_payload(self, text: str) -> bool:
        """Load a visit from a QR payload or its ``EXPONAV1|`` line; route to its first stop."""
        return self.visits.load_payload(text)

    def print_visit(self, paper: str = "a4", printer=None):
        """Print the visit (through the preview, or on ``printer`` with no dialog);
        returns the :class:`~exponav.core.visit.itinerary.Itinerary` printed, None for no visit."""
        return self.visits.print_visit(paper, printer)

    def save_visit_pdf(self, path, paper: str = "a4"):
        """Write the visit as a PDF at ``path``; returns the path (None for no visit)."""
        return self.visits.save_pdf(path, paper)

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
        self.show_level(here.level if here is not None else next(iter(self.nav.venue.levels)),
                        fit=True)
        self.view.finish_flight()

    def _payload_typed(self, text: str) -> None:
        if self.load_visit_payload(text):
            self.search.field.clear()

