"""The staff exit: a PIN pad over the kiosk, reached by the hidden corner gesture.

A right PIN unlocks the staff page (what this kiosk is set to, and the way out of kiosk
mode); wrong PINs make the next try wait longer and longer
(:class:`exponav.core.io.kiosk_config.PinGuard`). The panel never sets a PIN: on a show
floor anyone could. With no valid PIN it looks once more in the settings file (staff may
have run ``exponav kiosk set-pin`` meanwhile) and otherwise says how to set one; the
kiosk stays locked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton

from exponav.core.io.kiosk_config import PinGuard
from exponav.ui.kiosk.overlays import Overlay

__all__ = ["StaffPanel"]


class StaffPanel(Overlay):
    """See the module docstring. ``info`` gives the lines of the staff page;
    ``reload_pin`` reads the PIN record from the settings file again (None: none there)."""

    unlocked = Signal()
    exit_requested = Signal()

    def __init__(self, parent, guard: PinGuard, info: Callable[[], list[str]],
                 reload_pin: Callable[[], dict[str, Any] | None] | None = None) -> None:
        super().__init__(parent, 640)
        self.guard = guard
        self.info = info
        self.reload_pin = reload_pin
        self.mode = "enter"
        self.entered = ""
        self.title = self._label("staffTitle")
        self.dots = self._label("staffDots", wrap=False)
        self.message = self._label("staffMessage")
        pad = QGridLayout()
        pad.setSpacing(12)
        self.pad_keys: dict[str, QPushButton] = {}
        for i, label in enumerate("123456789C0✓"):
            key = QPushButton(label, self.card)
            key.setObjectName("padKey")
            key.setMinimumSize(120, 80)
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.clicked.connect(lambda _=False, k=label: self.press(k))
            pad.addWidget(key, i // 3, i % 3)
            self.pad_keys[label] = key
        self.body.addLayout(pad)
        self.details = self._label("staffDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        row = QHBoxLayout()
        self.leave = QPushButton(self.tr("Leave kiosk mode"), self.card)
        self.leave.setObjectName("overlayButton")
        self.leave.setMinimumHeight(72)
        self.leave.clicked.connect(self.exit_requested.emit)
        self.cancel = QPushButton(self.tr("Back to the kiosk"), self.card)
        self.cancel.setObjectName("overlayButton")
        self.cancel.setMinimumHeight(72)
        self.cancel.clicked.connect(self.close_panel)
        row.addWidget(self.leave)
        row.addWidget(self.cancel)
        self.body.addLayout(row)
        self._wait = QTimer(self)
        self._wait.setInterval(250)
        self._wait.timeout.connect(self._show_wait)

    # -- opening and closing -----------------------------------------------------------

    def start(self) -> None:
        """Open on the PIN pad (or, with no valid PIN, on how to set one)."""
        self.entered = ""
        if self.guard.record is None and self.reload_pin is not None:
            self.guard.record = PinGuard(self.reload_pin()).record
        self._set_mode("enter" if self.guard.record else "no-pin")
        self.open()
        self.setFocus()

    def close_panel(self) -> None:
        self._wait.stop()
        self.entered = ""
        self.hide()

    def _set_mode(self, mode: str, message: str = "") -> None:
        self.mode = mode
        self.entered = ""
        pad = mode == "enter"
        for key in self.pad_keys.values():
            key.setVisible(pad)
        self.dots.setVisible(pad)
        self.details.setVisible(mode == "unlocked")
        self.leave.setVisible(mode == "unlocked")
        self.title.setText({
            "enter": self.tr("Staff PIN"),
            "no-pin": self.tr("No staff PIN is set"),
            "unlocked": self.tr("Staff"),
        }[mode])
        if mode == "unlocked":
            self.details.setText("\n".join(self.info()))
        if mode == "no-pin":
            message = self.tr("Set one on this machine with `exponav kiosk set-pin`. Until "
                              "then this kiosk stays locked.")
        self.message.setText(message)
        self._dots()
        self._show_wait()

    def _dots(self) -> None:
        self.dots.setText("●" * len(self.entered) if self.entered else "–")

    # -- keys ------------------------------------------------------------------------

    def press(self, key: str) -> None:
        if self.mode != "enter":
            return
        if key == "C":
            self.entered = ""
        elif key == "✓":
            self._submit()
            return
        elif key.isdigit() and len(self.entered) < 12:
            self.entered += key
        self._dots()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - a staff keyboard works too
        text = event.text()
        if text.isdigit():
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("✓")
        elif event.key() == Qt.Key.Key_Backspace:
            self.entered = self.entered[:-1]
            self._dots()
        else:
            super().keyPressEvent(event)

    def _submit(self) -> None:
        pin, self.entered = self.entered, ""
        if self.mode != "enter":
            return
        if self.guard.wait_s() > 0:
            self._set_mode("enter")
            return
        if self.guard.try_pin(pin):
            self._unlock()
        else:
            self._set_mode("enter", self.tr("Wrong PIN."))

    def _unlock(self) -> None:
        self._set_mode("unlocked")
        self.unlocked.emit()

    def _show_wait(self) -> None:
        """Keys off, and the seconds left, while wrong PINs make the pad wait."""
        wait = self.guard.wait_s() if self.mode == "enter" else 0.0
        for key in self.pad_keys.values():
            key.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(self.tr("Wrong PIN. Try again in %1 s.").replace(
                "%1", str(int(wait + 0.999))))
            if not self._wait.isActive():
                self._wait.start()
        elif self._wait.isActive():
            self._wait.stop()
            self.message.setText(self.tr("Try again."))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.leave.setText(self.tr("Leave kiosk mode"))
            self.cancel.setText(self.tr("Back to the kiosk"))
        super().changeEvent(event)
