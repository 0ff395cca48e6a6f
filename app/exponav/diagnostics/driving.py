"""Driving a window from a check or a test: wait for a condition, type as a keyboard would."""

from __future__ import annotations

import time

__all__ = ["type_at_window", "wait_until"]


def wait_until(app, done, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True


def type_at_window(widget, text: str, enter: bool = True) -> None:
    """Send ``text`` as key presses to the widget's window, as a keyboard (or a wedge
    scanner) would: the window hands each to whatever has the focus."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    handle = widget.window().windowHandle()
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else {
            "|": Qt.Key.Key_Bar, ",": Qt.Key.Key_Comma, "-": Qt.Key.Key_Minus,
            "@": Qt.Key.Key_At, ":": Qt.Key.Key_Colon, ".": Qt.Key.Key_Period,
            " ": Qt.Key.Key_Space, "%": Qt.Key.Key_Percent}.get(ch, Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(handle, QKeyEvent(kind, int(key),
                                                     Qt.KeyboardModifier.NoModifier, ch))
    if enter:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(handle, QKeyEvent(kind, Qt.Key.Key_Return,
                                                     Qt.KeyboardModifier.NoModifier, "\r"))
