"""TimeField: a time of day chosen by touch, hours and quarter hours as big buttons.

A button shows the time ("14:00"); a tap opens the picker under it: the hours of the
show day as a grid of buttons and the four quarter hours beside them. Every tap applies
at once (:attr:`TimeField.time_chosen`): there is no field to type into, no spin arrows
and nothing that waits for the focus to move on. With a keypad, Up and Down move the
time by a quarter hour, and Enter or Space opens and closes the picker.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.assets import icon
from exponav.ui.common.palette import UI

__all__ = ["FIRST_HOUR", "LAST_HOUR", "TimeField", "TimePicker", "parse_hhmm"]

FIRST_HOUR, LAST_HOUR = 7, 21  # the hours offered: a show day, with time either side
QUARTERS = (0, 15, 30, 45)


def parse_hhmm(text: str) -> tuple[int, int]:
    """``"14:05"`` -> (14, 5); anything unreadable -> (10, 0).

    >>> parse_hhmm("09:45"), parse_hhmm("junk")
    ((9, 45), (10, 0))
    """
    try:
        h, m = (int(p) for p in text.strip().split(":", 1))
    except ValueError:
        return 10, 0
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return 10, 0
    return h, m


def _hhmm(h: int, m: int) -> str:
    return f"{h:02d}:{m:02d}"


class TimePicker(QFrame):
    """The hours and the quarter hours; :attr:`time_chosen` with HH:MM on every tap."""

    time_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, button_px: int = 48) -> None:
        super().__init__(parent)
        self.setObjectName("timePicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hour, self.minute = 10, 0
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(10)
        hours_box = QVBoxLayout()
        hours_box.setSpacing(4)
        self.hours_title = QLabel(self)
        self.hours_title.setObjectName("pickerTitle")
        hours_box.addWidget(self.hours_title)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.hour_buttons: dict[int, QToolButton] = {}
        for i, h in enumerate(range(FIRST_HOUR, LAST_HOUR + 1)):
            b = self._button(f"{h:02d}", button_px)
            b.clicked.connect(lambda _=False, v=h: self.choose(v, self.minute))
            grid.addWidget(b, i // 5, i % 5)
            self.hour_buttons[h] = b
        hours_box.addLayout(grid)
        outer.addLayout(hours_box, 5)
        minutes_box = QVBoxLayout()
        minutes_box.setSpacing(4)
        self.minutes_title = QLabel(self)
        self.minutes_title.setObjectName("pickerTitle")
        minutes_box.addWidget(self.minutes_title)
        self.minute_buttons: dict[int, QToolButton] = {}
        for m in QUARTERS:
            b = self._button(f":{m:02d}", button_px)
            b.clicked.connect(lambda _=False, v=m: self.choose(self.hour, v))
            minutes_box.addWidget(b)
            self.minute_buttons[m] = b
        minutes_box.addStretch(1)
        outer.addLayout(minutes_box, 1)
        self.retranslate_ui()

    def _button(self, text: str, px: int) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName("pickerButton")
        b.setText(text)
        b.setCheckable(True)
        b.setMinimumSize(QSize(px, px))
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return b

    def retranslate_ui(self) -> None:
        self.hours_title.setText(self.tr("Hour"))
        self.minutes_title.setText(self.tr("Minutes"))
        for h, b in self.hour_buttons.items():
            b.setAccessibleName(self.tr("%1 o'clock").replace("%1", str(h)))
        for m, b in self.minute_buttons.items():
            b.setAccessibleName(self.tr("%1 minutes past").replace("%1", str(m)))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_time(self, hhmm: str) -> None:
        """Show ``hhmm`` as chosen, without saying so."""
        self.hour, self.minute = parse_hhmm(hhmm)
        for h, b in self.hour_buttons.items():
            b.setChecked(h == self.hour)
        for m, b in self.minute_buttons.items():
            b.setChecked(m == self.minute)

    def choose(self, hour: int, minute: int) -> None:
        self.set_time(_hhmm(hour, minute))
        self.time_chosen.emit(_hhmm(self.hour, self.minute))


class TimeField(QWidget):
    """A button with the time, and the picker that opens under it (see the module
    docstring). :attr:`time_chosen` with HH:MM whenever the visitor changes it;
    :attr:`opened` when the picker opens or closes (its height changes)."""

    time_chosen = Signal(str)
    opened = Signal(bool)

    def __init__(self, hhmm: str = "10:00", parent: QWidget | None = None, *,
                 button_px: int = 48) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.button = QToolButton(self)
        self.button.setObjectName("timeButton")
        self.button.setCheckable(True)
        self.button.setMinimumSize(QSize(96, button_px))
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setIcon(icon("clock", UI.accent, 18))
        self.button.setIconSize(QSize(18, 18))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.toggled.connect(self.set_open)
        self.button.installEventFilter(self)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.picker = TimePicker(self, button_px=button_px)
        self.picker.time_chosen.connect(self._chosen)
        self.picker.hide()
        column.addWidget(self.picker)
        self._time = ""
        self.set_time(hhmm)

    def time(self) -> str:
        return self._time

    def set_time(self, hhmm: str) -> None:
        """Show ``hhmm`` without saying so."""
        self._time = _hhmm(*parse_hhmm(hhmm))
        self.button.setText(self._time)
        self.button.setAccessibleName(self.accessibleName() or self._time)
        self.button.setAccessibleDescription(self._time)
        self.picker.set_time(self._time)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.button.setAccessibleName(name)

    def is_open(self) -> bool:
        return self.picker.isVisibleTo(self)

    def set_open(self, on: bool) -> None:
        if on == self.is_open():
            return
        self.button.blockSignals(True)
        self.button.setChecked(on)
        self.button.blockSignals(False)
        self.picker.setVisible(on)
        self.updateGeometry()
        self.opened.emit(on)

    def _chosen(self, hhmm: str) -> None:
        if hhmm != self._time:
            self.set_time(hhmm)
            self.time_chosen.emit(hhmm)

    def step(self, minutes: int) -> None:
        """Move the time by ``minutes`` (a keypad's Up and Down), at once."""
        h, m = parse_hhmm(self._time)
        total = min(23 * 60 + 45, max(0, h * 60 + m + minutes))
        self._chosen(_hhmm(total // 60, total % 60))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.button and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Up:
                self.step(15)
                return True
            if event.key() == Qt.Key.Key_Down:
                self.step(-15)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.button.toggle()
                return True
        return super().eventFilter(obj, event)
