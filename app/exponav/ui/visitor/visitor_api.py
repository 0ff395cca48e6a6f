"""The window's routes and visits: the calls a kiosk (or a script) makes on the window.

:class:`VisitorApi` is mixed into :class:`~exponav.ui.visitor.main_window.MainWindow`,
which builds the two controllers it names; the controllers do the work, and these
methods only name it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from exponav.core.model import Place
    from exponav.core.visit.itinerary import Itinerary
    from exponav.ui.visitor.route_controller import RouteController
    from exponav.ui.visitor.visit_controller import VisitController

__all__ = ["VisitorApi"]


class VisitorApi:
    """Routes and visits, for a window that has these two controllers."""

    routes: RouteController
    visits: VisitController

    def set_here(self, place_id: str | None, heading_deg: float | None = None) -> None:
        """Where the visitor stands (a kiosk id), drawn as "you are here"; None: unknown."""
        self.routes.set_here(place_id, heading_deg)

    def route_to(self, place_spec: str | tuple[str, float, float] | Place,
                 step_free: bool = False) -> bool:
        """Show the walking route from here to a place (worked out off the UI thread)."""
        return self.routes.route_to(place_spec, step_free)

    def clear_route(self) -> None:
        self.routes.clear_route()

    def load_visit_payload(self, text: str) -> bool:
        """Load a visit from a QR payload or its ``EXPONAV1|`` line; route to its first stop."""
        return self.visits.load_payload(text)

    def print_visit(self, paper: str | None = None, printer: QPrinter | None = None
                    ) -> Itinerary | None:
        """Print the visit (through the preview, or on ``printer`` with no dialog) on the
        printer's own paper unless ``paper`` says which; returns the :class:`~exponav.core.visit.itinerary.Itinerary` printed, None for no visit."""
        return self.visits.print_visit(paper, printer)

    def save_visit_pdf(self, path: str | Path, paper: str = "a4") -> Path | None:
        """Write the visit as a PDF at ``path``; returns the path (None for no visit)."""
        return self.visits.save_pdf(path, paper)
