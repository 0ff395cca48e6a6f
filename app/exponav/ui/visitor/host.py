"""WindowHost: what the route and visit controllers may ask of the window they serve.

A controller owns its panel, its bar and its planner jobs, and is given the Navigator
and the planner thread; everything else it needs of the window is this interface: the
interface language, the level on show and the scenes built so far, switching level,
framing part of the map, the cursor over the map, the floating cards, the side panel's
pages, the card's and results' visit marks, and a parent for menus and dialogs.
:class:`~exponav.ui.visitor.main_window.MainWindow` implements it; a test can hand a
controller anything else that does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtWidgets import QWidget

    from exponav.ui.map.scene import FloorPlanScene

__all__ = ["WindowHost"]


class WindowHost(Protocol):
    """The window as a route or visit controller sees it."""

    @property
    def lang(self) -> str:
        """The interface language (a tag of :mod:`exponav.core.model.languages`)."""
        ...

    @property
    def level(self) -> str | None:
        """The level on show, None before the first."""
        ...

    @property
    def scenes(self) -> Mapping[str, FloorPlanScene]:
        """The levels' scenes built so far, by level id."""
        ...

    def scene_for(self, level_id: str) -> FloorPlanScene:
        """A level's scene, built (and decorated by the controllers) if it was not yet."""
        ...

    def show_level(self, level_id: str, fit: bool = False) -> None:
        """Put this level on the map."""
        ...

    def frame(self, rect: QRectF) -> None:
        """Fly the map to show this scene rectangle."""
        ...

    def set_map_cursor(self, shape: Qt.CursorShape | None) -> None:
        """The cursor over the map; None gives back the usual one."""
        ...

    def place_floating(self) -> None:
        """Lay out the map's floating cards again (one was shown, hidden or resized)."""
        ...

    def side_page(self) -> QWidget:
        """The side panel's page on show."""
        ...

    def show_side_page(self, page: QWidget | None) -> None:
        """Turn the side panel to ``page``; None turns it to the search results."""
        ...

    def refresh_visit_marks(self) -> None:
        """The stops changed: the card's and the results' "Add to visit" marks follow."""
        ...

    def window_widget(self) -> QWidget:
        """The window as a widget: the parent of menus, dialogs and shortcuts."""
        ...
