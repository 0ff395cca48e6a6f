"""KioskGuard: the application-wide event filter that keeps a kiosk a kiosk.

Installed on the QApplication, it sees every event before its receiver does, and:

* swallows the keys that quit or leave (Alt+F4, Ctrl+Q, Ctrl+W, Esc, F11, Alt+Tab
  where Qt sees it, the Meta key) and every shortcut (``QEvent.Shortcut``), so no
  action of the window can fire from a keyboard;
* swallows context menus, and rejects any dialog that is not the kiosk's own (a file
  dialog, a print dialog, a message box) as soon as it is shown;
* says when the screen was touched (:attr:`touched`), for the idle reset;
* starts the hidden staff gesture: a press held for ``hold_ms`` in the top-left corner
  of the kiosk window emits :attr:`corner_held`.

The window manager may still act on keys Qt never sees (Alt+Tab on most desktops):
the kiosk window's own ``closeEvent`` and state handling cover what gets through.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

__all__ = ["CORNER_PX", "HOLD_MS", "KioskGuard", "is_leaving_key"]

CORNER_PX = 96  # the staff corner: a square this size at the window's top-left
HOLD_MS = 5000

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.NativeGesture,
}
_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_MOVE = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate}
_RELEASE = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}

_K = Qt.Key
_M = Qt.KeyboardModifier
_ALWAYS = {_K.Key_Escape, _K.Key_F11, _K.Key_Meta, _K.Key_Super_L, _K.Key_Super_R,
           _K.Key_Close, _K.Key_Exit, _K.Key_PowerOff, _K.Key_Suspend, _K.Key_Sleep,
           _K.Key_Hibernate, _K.Key_LogOff, _K.Key_Menu, _K.Key_Print}
_WITH_CONTROL = {_K.Key_Q, _K.Key_W, _K.Key_F4, _K.Key_N, _K.Key_O, _K.Key_S, _K.Key_P,
                 _K.Key_Tab, _K.Key_Backtab}
_WITH_ALT = {_K.Key_F4, _K.Key_Tab, _K.Key_Backtab, _K.Key_Escape, _K.Key_Space,
             _K.Key_F2, _K.Key_F3}


def is_leaving_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key press could quit, close, switch away or open a dialog."""
    k = int(key)
    if k in _ALWAYS:
        return True
    if modifiers & (_M.ControlModifier | _M.MetaModifier) and k in _WITH_CONTROL:
        return True
    if modifiers & _M.AltModifier and k in _WITH_ALT:
        return True
    return _K.Key_F1 <= k <= _K.Key_F35  # no function key does anything a visitor needs


class KioskGuard(QObject):
    """See the module docstring. ``window`` is the kiosk's top-level window;
    ``allowed_dialog`` tells the kiosk's own dialogs from any other."""

    touched = Signal()
    corner_held = Signal()
    blocked = Signal(str)  # what was stopped, for the log and tests

    def __init__(self, window: QWidget, hold_ms: int = HOLD_MS,
                 corner_px: int = CORNER_PX, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.corner_px = corner_px
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(hold_ms)
        self.hold.timeout.connect(self.corner_held.emit)

    # -- the corner ----------------------------------------------------------------

    def _corner(self) -> QRect:
        top_left = self.window.mapToGlobal(QPoint(0, 0))
        return QRect(top_left.x(), top_left.y(), self.corner_px, self.corner_px)

    @staticmethod
    def _global_pos(event) -> QPoint | None:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            points = event.points()
            return points[0].globalPosition().toPoint() if points else None
        if hasattr(event, "globalPosition"):
            return event.globalPosition().toPoint()
        return None

    def _corner_event(self, event) -> None:
        kind = event.type()
        if kind in _RELEASE:
            self.hold.stop()
            return
        pos = self._global_pos(event)
        if pos is None:
            return
        inside = self._corner().contains(pos)
        if kind in _PRESS:
            if inside and not self.hold.isActive():
                self.hold.start()
            elif not inside:
                self.hold.stop()
        elif kind in _MOVE and not inside:
            self.hold.stop()

    # -- the filter ----------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in _ACTIVITY:
            self.touched.emit()
            if kind != QEvent.Type.KeyPress and kind != QEvent.Type.Wheel:
                self._corner_event(event)
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                    QEvent.Type.KeyRelease) and isinstance(event, QKeyEvent):
            if is_leaving_key(event.key(), event.modifiers()):
                if kind == QEvent.Type.KeyPress:
                    self.blocked.emit(QKeySequence(event.keyCombination()).toString())
                return True
            return False
        if kind == QEvent.Type.Shortcut:
            self.blocked.emit("shortcut")
            return True
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.Show and isinstance(obj, QDialog) \
                and not obj.property("kioskAllowed"):
            self.blocked.emit(type(obj).__name__)
            QTimer.singleShot(0, obj.reject)
            return False
        return False
