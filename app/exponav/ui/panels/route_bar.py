"""RouteBar: the card at the foot of the map while a route is shown.

It says how far and how long, and for a route over several levels which part the map
shows, with "◂ Back to 1F" and "Continue on 4F ▸" to step between the parts. Its close
button clears the route. Controls that cannot act (no earlier or later part) are
hidden, not greyed out.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from exponav.ui.common.assets import icon
from exponav.ui.common.palette import UI

__all__ = ["RouteBar"]

_STYLE = """
QLabel#routeBarSummary { font-size: 16px; font-weight: 700; color: #1b5fd1; padding: 0 6px; }
QLabel#routeBarPart { font-size: 13px; color: #5f6b7a; padding: 0 4px; }
QPushButton#legButton { font-size: 15px; font-weight: 600; color: #ffffff;
    background: #1b5fd1; border: none; border-radius: 10px; padding: 8px 16px; }
QPushButton#legButton:hover { background: #164fb0; }
QPushButton#legBackButton { font-size: 15px; font-weight: 600; color: #1b5fd1;
    background: #e8effb; border: none; border-radius: 10px; padding: 8px 14px; }
QPushButton#legBackButton:hover { background: #d6e3f8; }
"""


class RouteBar(QFrame):
    previous_requested = Signal()
    next_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCard")
        self.setStyleSheet(_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.setSpacing(8)
        self.summary = QLabel(self)
        self.summary.setObjectName("routeBarSummary")
        row.addWidget(self.summary)
        self.part = QLabel(self)
        self.part.setObjectName("routeBarPart")
        row.addWidget(self.part)
        self.previous = QPushButton(self)
        self.previous.setObjectName("legBackButton")
        self.previous.setMinimumHeight(44)
        self.previous.clicked.connect(self.previous_requested.emit)
        row.addWidget(self.previous)
        self.next = QPushButton(self)
        self.next.setObjectName("legButton")
        self.next.setMinimumHeight(44)
        self.next.clicked.connect(self.next_requested.emit)
        row.addWidget(self.next)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("mapButton")
        self.close_button.setIcon(icon("clear", UI.ink, 20))
        self.close_button.setIconSize(QSize(20, 20))
        self.close_button.setFixedSize(44, 44)
        self.close_button.clicked.connect(self.close_requested.emit)
        row.addWidget(self.close_button)
        self._leg = 0
        self._levels: list[str] = []
        self.retranslate_ui()
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.close_button.setToolTip(self.tr("Clear the route"))
        self.close_button.setAccessibleName(self.tr("Clear the route"))
        self._texts()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_route(self, summary: str, leg: int, level_names: list[str]) -> None:
        """Show ``summary``; the map shows part ``leg`` of parts on ``level_names``."""
        self.summary.setText(summary)
        self._leg, self._levels = leg, list(level_names)
        self._texts()
        self.setVisible(True)
        self.adjustSize()

    def _texts(self) -> None:
        n, leg = len(self._levels), self._leg
        several = n > 1
        self.part.setVisible(several)
        self.part.setText(self.tr("Part %1 of %2").replace("%1", str(leg + 1))
                          .replace("%2", str(n)) if several else "")
        has_prev, has_next = several and leg > 0, several and leg + 1 < n
        self.previous.setVisible(has_prev)
        self.next.setVisible(has_next)
        if has_prev:
            self.previous.setText(self.tr("◂ Back to %1").replace("%1", self._levels[leg - 1]))
        if has_next:
            self.next.setText(self.tr("Continue on %1 ▸").replace("%1", self._levels[leg + 1]))
        self.adjustSize()
