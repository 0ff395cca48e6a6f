"""RoutePanel: the directions beside the map, in the interface language.

The panel shows where the route goes and from where, its length and walking time, a
step-free switch, and the steps grouped by level ("On Hall 2 4F"). The part of the
route shown on the map is marked; tapping another level's heading shows that part.
While the route is worked out the panel says so; when there is none, it says why in a
sentence. It holds no route of its own: the route controller fills it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.panels.controls import back_button

__all__ = ["RoutePanel", "split_steps"]

_STYLE = """
QLabel#routeSummary { font-size: 20px; font-weight: 700; color: #1b5fd1; }
QLabel#routeStatus { font-size: 14px; color: #1f2933; background: #fff6e0;
    border-radius: 8px; padding: 8px 10px; }
QLabel#routeBusy { font-size: 14px; color: #5f6b7a; padding: 6px 0; }
QToolButton#legHeading { font-size: 13px; font-weight: 700; color: #5f6b7a; border: none;
    padding: 6px 2px 2px 2px; text-align: left; }
QToolButton#legHeading:checked { color: #1b5fd1; }
QLabel#stepNumber { font-size: 12px; font-weight: 700; color: #ffffff; background: #9aa5b1;
    border-radius: 11px; min-width: 22px; max-width: 22px; min-height: 22px; max-height: 22px; }
QLabel#stepNumber[current="true"] { background: #1b5fd1; }
QLabel#stepText { font-size: 14px; color: #1f2933; }
QLabel#stepText[current="false"] { color: #5f6b7a; }
QCheckBox#stepFree { font-size: 14px; color: #1f2933; spacing: 8px; padding: 4px 0; }
QCheckBox#stepFree::indicator { width: 20px; height: 20px; }
QPushButton#quietAction { font-size: 14px; font-weight: 600; color: #0b6e79;
    background: #e3f1f2; border: none; border-radius: 10px; padding: 8px 14px; }
QPushButton#quietAction:hover { background: #cfe7e9; }
QToolButton#linkButton { font-size: 13px; font-weight: 600; color: #0b6e79; border: none;
    padding: 2px; }
"""


def split_steps(steps: Sequence[str], vias: Sequence[str | None]) -> list[list[str]]:
    """The directions of each leg: a leg's steps end with the step naming its connector.

    >>> split_steps(["Walk 5 m.", "Take escalator E1 up to 4F.", "Walk 9 m.", "End."],
    ...             ["E1", None])
    [['Walk 5 m.', 'Take escalator E1 up to 4F.'], ['Walk 9 m.', 'End.']]
    """
    groups: list[list[str]] = [[] for _ in vias] or [[]]
    leg = 0
    for text in steps:
        groups[leg].append(text)
        via = vias[leg] if leg < len(vias) else None
        if via and via in text and leg + 1 < len(groups):
            leg += 1
    return groups


class RoutePanel(QScrollArea):
    back_requested = Signal()
    step_free_toggled = Signal(bool)
    change_start_requested = Signal()
    clear_requested = Signal()
    leg_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routePanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(_STYLE)
        page = QWidget()
        page.setObjectName("cardPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 8, 20, 20)
        layout.setSpacing(10)
        self.back_button = back_button(page, self.back_requested.emit)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.title = QLabel(page)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.detail = QLabel(page)
        self.detail.setObjectName("cardSubtitle")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        origin_row = QHBoxLayout()
        origin_row.setSpacing(6)
        self.origin = QLabel(page)
        self.origin.setObjectName("cardHint")
        self.origin.setWordWrap(True)
        origin_row.addWidget(self.origin, 1)
        self.change_start = QToolButton(page)
        self.change_start.setObjectName("linkButton")
        self.change_start.setCursor(Qt.CursorShape.PointingHandCursor)
        self.change_start.clicked.connect(self.change_start_requested.emit)
        origin_row.addWidget(self.change_start, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(origin_row)
        self.summary = QLabel(page)
        self.summary.setObjectName("routeSummary")
        layout.addWidget(self.summary)
        self.step_free = QCheckBox(page)
        self.step_free.setObjectName("stepFree")
        self.step_free.toggled.connect(self.step_free_toggled.emit)
        layout.addWidget(self.step_free)
        self.busy = QLabel(page)
        self.busy.setObjectName("routeBusy")
        layout.addWidget(self.busy)
        self.status = QLabel(page)
        self.status.setObjectName("routeStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(6)
        layout.addLayout(self.steps_box)
        layout.addSpacing(8)
        self.clear_button = QPushButton(page)
        self.clear_button.setObjectName("quietAction")
        self.clear_button.setMinimumHeight(44)
        self.clear_button.clicked.connect(self.clear_requested.emit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setWidget(page)
        self.step_labels: list[QLabel] = []
        self.leg_headings: list[QToolButton] = []
        self._step_leg: list[int] = []
        self._badges: list[QLabel] = []
        self.current_leg = 0
        self._dest = ""
        self._origin = ""
        self.retranslate_ui()
        self.clear()

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.change_start.setText(self.tr("Change start"))
        self.step_free.setText(self.tr("Step-free (lifts and ramps only)"))
        self.clear_button.setText(self.tr("Clear route"))
        self.busy.setText(self.tr("Finding the way…"))
        self._titles()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _titles(self) -> None:
        self.title.setText(self.tr("Route to %1").replace("%1", self._dest) if self._dest else "")
        self.origin.setText(self.tr("From %1").replace("%1", self._origin) if self._origin
                            else "")

    # -- filling ---------------------------------------------------------------------

    def set_places(self, destination: str, detail: str, origin: str) -> None:
        """The destination's name, what locates it ("S1024 · Hall 2 4F"), the start."""
        self._dest, self._origin = destination, origin
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._titles()

    def set_step_free(self, on: bool) -> None:
        """Show the switch's state without asking for a new route."""
        self.step_free.blockSignals(True)
        self.step_free.setChecked(on)
        self.step_free.blockSignals(False)

    def set_can_change_start(self, can: bool) -> None:
        self.change_start.setVisible(can)

    def clear(self) -> None:
        """No route: nothing listed, nothing busy."""
        self._clear_steps()
        self.summary.setText("")
        self.summary.setVisible(False)
        self.status.setVisible(False)
        self.busy.setVisible(False)

    def show_busy(self) -> None:
        self.clear()
        self.busy.setVisible(True)

    def show_message(self, text: str) -> None:
        """A sentence instead of a route (no route reaches the place)."""
        self.clear()
        self.status.setText(text)
        self.status.setVisible(True)

    def show_route(self, summary: str, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        """``summary`` ('145 m · 3 min') and the steps of each leg under its heading
        (the heading is omitted for a route on one level)."""
        self.clear()
        self.summary.setText(summary)
        self.summary.setVisible(True)
        number = 0
        for leg, (heading, steps) in enumerate(groups):
            if len(groups) > 1:
                button = QToolButton()
                button.setObjectName("legHeading")
                button.setCheckable(True)
                button.setText(heading.upper())
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(lambda _=False, i=leg: self.leg_chosen.emit(i))
                self.steps_box.addWidget(button)
                self.leg_headings.append(button)
            for text in steps:
                number += 1
                row = QHBoxLayout()
                row.setSpacing(10)
                badge = QLabel(str(number))
                badge.setObjectName("stepNumber")
                badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
                row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
                label = QLabel(text)
                label.setObjectName("stepText")
                label.setWordWrap(True)
                row.addWidget(label, 1)
                holder = QWidget()
                holder.setLayout(row)
                row.setContentsMargins(0, 0, 0, 0)
                self.steps_box.addWidget(holder)
                self.step_labels.append(label)
                self._step_leg.append(leg)
                self._badges.append(badge)
        self.set_current_leg(0)

    def set_current_leg(self, leg: int) -> None:
        """Mark the steps of the leg shown on the map."""
        self.current_leg = leg
        for i, button in enumerate(self.leg_headings):
            button.setChecked(i == leg)
        for label, badge, owner in zip(self.step_labels, self._badges, self._step_leg,
                                       strict=False):
            current = "true" if owner == leg or not self.leg_headings else "false"
            for widget in (label, badge):
                if widget.property("current") != current:
                    widget.setProperty("current", current)
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)

    def steps(self) -> list[str]:
        return [label.text() for label in self.step_labels]

    def _clear_steps(self) -> None:
        while self.steps_box.count():
            item = self.steps_box.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.step_labels = []
        self.leg_headings = []
        self._step_leg = []
        self._badges: list[QLabel] = []
