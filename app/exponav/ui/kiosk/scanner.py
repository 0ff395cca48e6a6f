"""ScannerFilter: a keyboard-wedge QR scanner typing an ``EXPONAV1|…`` line anywhere.

A wedge scanner is a keyboard to the computer: it types what it reads, a few
milliseconds per character, and ends with Enter. People type far slower. The filter
watches key presses as they reach the window (once per key, wherever the focus is) and
treats a burst of keys no more than ``max_gap_ms`` apart that starts with the machine
line's prefix as a scan (once the prefix is in, keys may be up to :data:`STALL_S` apart:
the kiosk itself may stall for a moment while the scanner types on):

* the first characters of the prefix still reach the focused field (they might be a
  person typing "EXPO"); once the whole prefix has come at scanner speed the rest of the
  line is held back, and when Enter completes it, the field gets back the text it had
  before the burst;
* the line (prefix spelled ``EXPONAV1`` whatever the scanner's caps lock did) is emitted
  from :attr:`scanned` after the key event has been handled; a line longer than any QR
  code holds is cut at :data:`MAX_LINE_CHARS` (and so refused: too many stops, or a
  place cut short).

Anything else passes untouched, so typing in the search field works as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit

from exponav.core.visit.qr import MACHINE_PREFIX, QR_CAPACITY_BYTES

__all__ = ["MAX_GAP_MS", "MAX_LINE_CHARS", "ScannerFilter"]

MAX_GAP_MS = 60.0  # wedge scanners type a character every 2-20 ms; people rarely under 80
MAX_LINE_CHARS = QR_CAPACITY_BYTES  # no QR code holds more characters
STALL_S = 0.5  # inside a scan, a gap this long means the scanner stopped
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerFilter(QObject):
    """See the module docstring; install with ``app.installEventFilter(filter)``."""

    scanned = Signal(str)

    def __init__(self, max_gap_ms: float = MAX_GAP_MS, prefix: str = MACHINE_PREFIX + "|",
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_gap_s = max_gap_ms / 1000.0
        self.prefix = prefix
        self._clock = clock
        self._buffer = ""
        self._last = -1e9
        self._snapshot: tuple[QLineEdit, str, int] | None = None

    def _start_burst(self) -> None:
        self._buffer = ""
        field = QApplication.focusWidget()
        self._snapshot = (field, field.text(), field.cursorPosition()) \
            if isinstance(field, QLineEdit) else None

    def _restore_field(self) -> None:
        if self._snapshot is None:
            return
        field, text, cursor = self._snapshot
        self._snapshot = None
        try:
            if field.text() != text:
                field.setText(text)
                field.setCursorPosition(cursor)
        except RuntimeError:  # the field was deleted meanwhile
            pass

    def capturing(self) -> bool:
        """Whether the keys now arriving are held back as part of a scan."""
        n = len(self.prefix)
        return len(self._buffer) >= n and self._buffer[:n].upper() == self.prefix.upper()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWindow) \
                or not isinstance(event, QKeyEvent):
            return False
        now = self._clock()
        gap = now - self._last
        self._last = now
        # once the prefix came at scanner speed, a stall of the kiosk itself (a garbage
        # collection, a busy frame) does not cut the line short; only a real pause does
        if gap > (STALL_S if self.capturing() else self.max_gap_s):
            self._start_burst()
        if event.key() in _ENTER:
            if self.capturing() and len(self._buffer) > len(self.prefix):
                line = self.prefix + self._buffer[len(self.prefix):]
                self._buffer = ""
                self._restore_field()
                QTimer.singleShot(0, lambda: self.scanned.emit(line))
                return True
            self._buffer = ""
            return False
        text = event.text()
        if not text or not text.isprintable():
            return self.capturing()  # a shift or the like inside a scan: hold it back too
        if len(self._buffer) < MAX_LINE_CHARS:
            self._buffer += text
        if self.capturing():
            return True
        if not self.prefix.upper().startswith(self._buffer.upper()):
            self._buffer = ""
        return False
