"""Accessibility mode, one tap from every kiosk screen: high contrast, large text, the
controls within a seated visitor's reach, step-free routes, and a keypad that reaches
everything.

An "Accessibility" button sits on the home screen, in the kiosk bar and at the head of
the directory and the programme; any of them turns the mode on or off everywhere. With
it on:

* the style sheet adds ``assets/style/kiosk-access.qss``: black on white, thick edges,
  larger type, and a bright ring around whatever has the keypad's focus; lists draw
  their rows larger;
* the controls come down: the kiosk bar moves under the map, and on a tall screen each
  page puts its buttons at the foot and what is only read at the top;
* routes and visits are step-free (lifts and ramps) unless the visitor turns it off;
* every button takes the focus from Tab and the arrow keys, and Enter or Space presses
  the focused one (:class:`KeypadFilter`); every control has an accessible name for
  screen readers.

The idle reset turns the mode off for the next visitor.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from exponav.ui.common.assets import asset_path
from exponav.ui.kiosk.log import log

if TYPE_CHECKING:
    from exponav.ui.kiosk.directory import DirectoryPanel
    from exponav.ui.kiosk.home import HomeScreen
    from exponav.ui.kiosk.keyboard import TouchKeyboard
    from exponav.ui.kiosk.programme import ProgrammePanel
    from exponav.ui.kiosk.screen import ScreenLayout
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["AccessMode", "KeypadFilter", "access_button", "access_style", "kiosk_style"]

LARGE_TEXT = 1.35  # how much larger list rows are drawn
RESTYLE_LATER_MS = 60  # the pages not on screen take the mode's look this much later


def access_button(parent: QWidget) -> QToolButton:
    """The "Accessibility" toggle (its text is set by :meth:`AccessMode.retranslate_access`)."""
    button = QToolButton(parent)
    button.setObjectName("accessButton")
    button.setCheckable(True)
    button.setMinimumSize(64, 56)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never cut
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class KeypadFilter(QObject):
    """Enter (and the keypad's Enter) presses the button that has the focus."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # the key as it reaches the focused widget (not the window it came through)
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QAbstractButton) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.window.isAncestorOf(obj) and obj.isEnabled():
            obj.animateClick()
            return True
        return False


class AccessMode:
    """The mode of the module docstring, for the kiosk window."""

    navigator: MainWindow | None
    home: HomeScreen | None
    directory: DirectoryPanel | None
    programme: ProgrammePanel | None
    keyboard: TouchKeyboard | None
    screen_layout: ScreenLayout | None
    accessible: bool

    def access_buttons(self) -> list[QToolButton]:
        pages = (self.home, self.bar, self.directory, self.programme)
        return [p.access for p in pages if p is not None and hasattr(p, "access")]

    def _wire_access(self) -> None:
        self.accessible = False
        self.wire_access_buttons()
        self.keypad = KeypadFilter(self, self)
        self._restyle_later: tuple[str, list[QWidget]] = ("", [])
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(RESTYLE_LATER_MS)
        self._restyle_timer.timeout.connect(self._restyle_rest)
        self.retranslate_access()

    def wire_access_buttons(self) -> None:
        """Connect the pages' accessibility buttons (again after the pages were rebuilt)."""
        for button in self.access_buttons():
            button.clicked.connect(lambda on: self.set_accessible(bool(on)))

    def retranslate_access(self) -> None:
        for button in self.access_buttons():
            button.setText("♿ " + self.tr("Accessibility"))
            button.setAccessibleName(self.tr("Accessibility mode"))
            button.setAccessibleDescription(self.tr(
                "High contrast, large text, controls within reach, step-free routes"))

    def set_accessible(self, on: bool) -> None:
        """Turn the mode on or off everywhere."""
        if self.navigator is None:
            return
        changed = on != self.accessible
        self.accessible = on
        for button in self.access_buttons():
            button.setChecked(on)
        self.setProperty("access", "on" if on else "off")
        self._restyle(on)
        w = self.navigator
        k = LARGE_TEXT if on else 1.0
        w.search.list.itemDelegate().set_text_scale(k)
        w.search.list.doItemsLayout()
        self.directory.list.itemDelegate().set_text_scale(1.35 * k)
        self.directory.list.doItemsLayout()
        w.routes.step_free = on
        w.routes.panel.set_step_free(on)
        w.visit.set_step_free(on)
        app = QApplication.instance()
        if app is not None:
            if on:
                app.installEventFilter(self.keypad)
            else:
                app.removeEventFilter(self.keypad)
        self._keypad_focus(on)
        self.fit_reach()
        if changed:
            log(f"accessibility mode {'on' if on else 'off'}")

    def _restyle(self, on: bool) -> None:
        """The mode's style sheet on each page: the one on screen at once, the others
        just after it is drawn (restyling every widget of the kiosk in one go would
        keep the tap waiting past a tenth of a second)."""
        extra = access_style() if on else ""
        current = self.stack.currentWidget()
        pages = [current, self.bar] + [w for w in (
            self.home, self.navigator_page, self.directory, self.programme, self.attract,
            self.countdown, self.printed, self.notice, self.staff) if w is not None
            and w is not current]
        if self.keyboard is not None and not self.keyboard_docked():
            pages.insert(1, self.keyboard)
        visible = 2 if current is self.navigator_page else 3  # the bar is on that page
        for page in pages[:visible]:
            page.setStyleSheet(extra)
        self._restyle_later = (extra, pages[visible:])
        self._restyle_timer.start()  # a timer of the window's own: it dies with it

    def _restyle_rest(self) -> None:
        extra, pages = self._restyle_later
        self._restyle_later = ("", [])
        for page in pages:
            page.setStyleSheet(extra)

    def access_style_on(self) -> bool:
        """Whether the page on screen wears the mode's style sheet."""
        return bool(self.stack.currentWidget().styleSheet())

    def _keypad_focus(self, on: bool) -> None:
        """Every button reachable with Tab while the mode is on (the keyboard's keys and
        the kiosk bar never take the focus otherwise: a touch must not move it)."""
        keys = set(self.keyboard.findChildren(QAbstractButton)) if self.keyboard else set()
        for button in self.findChildren(QAbstractButton):
            if button in keys:
                continue
            if on:
                if button.focusPolicy() == Qt.FocusPolicy.NoFocus:
                    button.setProperty("touchOnly", True)
                    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            elif button.property("touchOnly"):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit_reach(self) -> None:
        """Where the controls sit: low while the mode is on (the bar under the map; on a
        tall screen each page's buttons at its foot)."""
        if self.navigator is None:
            return
        low = self.accessible
        tall = self.screen_layout is not None and self.screen_layout.portrait
        column = self.page_column
        at = column.indexOf(self.bar)
        want = 1 if low else 0
        if at != want:
            column.removeWidget(self.bar)
            column.insertWidget(want, self.bar)
        self.home.set_reach(low, tall)
        for page in (self.directory, self.programme):
            page.set_reach(low and tall)
        if self.keyboard is not None and self.keyboard.isVisible():
            self._place_keyboard()


def _sheet(name: str) -> str:
    with contextlib.suppress(OSError):
        return Path(asset_path("style", name)).read_text(encoding="utf-8")
    return ""


def kiosk_style() -> str:
    """The kiosk's style sheet (``assets/style/kiosk.qss``)."""
    return _sheet("kiosk.qss")


def access_style() -> str:
    """The accessibility mode's sheet, set on each page over the kiosk's."""
    return _sheet("kiosk-access.qss")
