"""Forgetting each visitor: the idle timer, the countdown, and the reset that clears everything.

:class:`VisitorReset` is mixed into :class:`~exponav.ui.kiosk.window.KioskWindow`. Any
touch restarts the idle timer; after ``idle_ms`` untouched (and only when someone has been
here since the last reset) the countdown overlay asks "Are you still there?", and when
it runs out :meth:`~VisitorReset.reset_visitor` clears the search, selection, card,
route, visit, language and keyboard; every text selection, the clipboard and the X11
primary selection (a middle click must not paste the last visitor's words); the receipt
a ``pdf:`` printer wrote; and puts the map back home, heading-up at the kiosk, under the
home screen. With the kiosk's ``now`` setting the next visit starts at that time. An
idle time untouched after the reset brings the attract screen; a touch, home again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit

if TYPE_CHECKING:
    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.core.model import Kiosk
    from exponav.ui.kiosk.home import HomeScreen, ShowClock
    from exponav.ui.kiosk.keyboard import TouchKeyboard
    from exponav.ui.kiosk.overlays import (
        CountdownOverlay,
        NoticeOverlay,
        PrintedOverlay,
    )
    from exponav.ui.kiosk.staff import StaffPanel
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["VisitorReset", "clear_clipboard"]


def clear_clipboard() -> None:
    """Empty the clipboard, and the selection and find buffer where the platform has them."""
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


class VisitorReset:
    """The idle timer and the reset, for the kiosk window (see the module docstring)."""

    settings: KioskSettings
    kiosk: Kiosk | None
    navigator: MainWindow | None
    home: HomeScreen | None
    keyboard: TouchKeyboard | None
    clock: ShowClock | None
    countdown: CountdownOverlay
    printed: PrintedOverlay
    notice: NoticeOverlay
    staff: StaffPanel
    idle: QTimer
    unlocked: bool
    problem: str
    _dirty: bool
    _filters_on: bool

    # -- idle ----------------------------------------------------------------------------

    def _touched(self) -> None:
        if self.countdown.running():
            self.countdown.cancel()
        if self.page() == "attract":  # a passer-by touched it: the home screen
            self.stack.setCurrentWidget(self.home)
        self._dirty = True
        if self._filters_on:
            self.idle.start()

    def _idle_timeout(self) -> None:
        if self.problem or (not self._dirty and self.page() in ("home", "attract")):
            if not self.problem and self.page() == "home":
                self.show_attract()  # nobody has been here since the last reset
            self.idle.start()
            return
        self.countdown.start()

    # -- the visitor's traces ----------------------------------------------------------

    def selected_text(self) -> bool:
        """Whether any text is selected in the kiosk (a field, a label, a text view)."""
        for edit in self.findChildren(QLineEdit):
            if edit.hasSelectedText():
                return True
        for label in self.findChildren(QLabel):
            if label.hasSelectedText():
                return True
        return any(view.textCursor().hasSelection()
                   for kind in (QTextEdit, QPlainTextEdit) for view in self.findChildren(kind))

    def has_visitor_state(self) -> bool:
        """Whether anything a visitor did is still on screen, in a selection, on the
        clipboard or on disk (for tests and the soak)."""
        w = self.navigator
        if w is None:
            return False
        clipboard = QGuiApplication.clipboard()
        return bool(
            self.page() not in ("home", "attract") or w.search.field.text() or w.search.focus
            or any(s.highlighted_codes for s in w.scenes.values())
            or not w.visit.is_empty() or w.routes.route is not None
            or w.lang != self.settings.language or self.accessible
            or (self.keyboard is not None and self.keyboard.isVisible())
            or self.selected_text() or (clipboard is not None and clipboard.text())
            or self.receipt_on_disk())

    def _clear_selections(self) -> None:
        for edit in self.findChildren(QLineEdit):  # the time fields' editors too
            edit.deselect()
        for label in self.findChildren(QLabel):
            if label.hasSelectedText():
                label.setSelection(0, 0)
        for kind in (QTextEdit, QPlainTextEdit):
            for view in self.findChildren(kind):
                cursor = view.textCursor()
                cursor.clearSelection()
                view.setTextCursor(cursor)
        clear_clipboard()

    # -- the reset -----------------------------------------------------------------------

    def reset_visitor(self) -> None:
        """Forget the visitor (see the module docstring)."""
        self.countdown.cancel()
        self.printed.hide()
        self.notice.hide()
        if not self.unlocked:
            self.staff.close_panel()
        updates = getattr(self, "updates", None)
        if updates is not None:  # a new data file: the Navigator reopens on it, now
            updates.at_reset()
        w = self.navigator
        if w is not None:
            if self.keyboard is not None:
                self.keyboard.hide()
                self.keyboard.reset()
            self.set_accessible(False)
            w.reset_visitor_state()
            self.directory.reset()
            self.programme.reset()
            self.set_language(self.settings.language)
            self._start_at_show_time()
            self._place_here()
            self.stack.setCurrentWidget(self.home)
            self.home.setFocus()
        self.forget_receipt()
        self._clear_selections()
        self._dirty = False
        if self._filters_on and self.isVisible():
            self.idle.start()
        self.visitor_reset.emit()

    def _start_at_show_time(self) -> None:
        """With the kiosk's ``now`` setting, a visit starts at the show clock's time
        (on screen and on the receipt), not at the machine's."""
        if self.settings.now and self.clock is not None:
            self.navigator.visit.set_start_time(f"{self.clock.now:%H:%M}")

    def _place_here(self) -> None:
        """The map at home: the kiosk's level, turned heading-up, "you are here" on it."""
        w, kiosk = self.navigator, self.kiosk
        w.show_level(kiosk.level, fit=True)
        w.view.set_heading_up(kiosk.heading_deg)
        w.set_here(kiosk.id, kiosk.heading_deg)
        w.view.fit(animated=False)
