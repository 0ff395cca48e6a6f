"""MapArea: the map view with cards floating over its corners (levels, language, legend).

The window puts the :class:`~exponav.ui.map.view.MapView` in one and floats its small
cards on top with :meth:`MapArea.float_widget`; they are laid out again whenever one
of them changes size or the area is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QWidget

from exponav.ui.map.view import MapView

__all__ = ["MapArea"]


class MapArea(QWidget):
    """The map with its floating cards: level switcher, language, legend."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        self.floating: list[tuple[QWidget, str]] = []
        self._placing = False

    def float_widget(self, widget: QWidget, corner: str) -> None:
        widget.setParent(self)
        widget.raise_()
        widget.installEventFilter(self)
        self.floating.append((widget, corner))
        self._place()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest and not self._placing:
            QTimer.singleShot(0, self, self._place)  # dropped if the area goes first
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.view.setGeometry(self.rect())
        self._place()

    def place_floating(self) -> None:
        """Lay out the floating cards again (one was shown, hidden or changed size)."""
        self._place()

    def _place(self) -> None:
        self._placing = True
        try:
            self._place_all()
        finally:
            self._placing = False

    def _place_all(self) -> None:
        w, h = self.width(), self.height()
        for widget, corner in self.floating:
            widget.adjustSize()
            size = widget.sizeHint().expandedTo(widget.minimumSizeHint())
            widget.resize(size)
            if corner == "top-left":
                widget.move(16, 16)
            elif corner == "top-right":
                widget.move(w - size.width() - 16, 16)
            elif corner == "bottom-left":
                widget.move(16, h - size.height() - 64)
            elif corner == "bottom-centre":
                widget.move(max(16, (w - size.width()) // 2), h - size.height() - 20)
            elif corner == "top-centre":
                widget.move(max(16, (w - size.width()) // 2), 76)
