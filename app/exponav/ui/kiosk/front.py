"""FrontKeeper: the kiosk window back in front, full screen, whenever something takes it away.

A window manager can act on keys Qt never sees: show the desktop (Super+D), switch to
another desktop (Ctrl+Alt+arrow, Super+F1…F4), send the window to one (Shift+Alt+arrow),
iconify it, or give the focus to a window of its own. Each shows up in Qt one way or
another (the window's visibility or state changes, the window is no longer exposed, the
application is no longer active), so the keeper listens to all of them and, as a
watchdog, also looks every ``interval_ms``. Whatever it finds wrong it puts right at once:

* hidden, minimised or not exposed (another desktop, "show desktop"): the window is
  withdrawn and mapped again, which every window manager puts on the current desktop;
* not full screen, or not the size of its screen: full screen again, with the screen's
  geometry set explicitly (without a window manager nothing else would resize it);
* not active (the focus went elsewhere): raised and activated, and, when the window
  manager does not hand the focus back, withdrawn and mapped again once.

Without a window manager the same geometry makes the window fill its screen.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget

__all__ = ["FrontKeeper"]

WATCH_MS = 250
_REMAP_AFTER = 2  # checks that find the focus still elsewhere before mapping again
_MAP_GRACE_MS = 400  # how long a window manager may take to map the window again


class FrontKeeper(QObject):
    """See the module docstring; :meth:`start` shows ``widget`` full screen and keeps it so."""

    restored = Signal(str)  # what was wrong, once each time it changes

    def __init__(self, widget: QWidget, interval_ms: int = WATCH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.active = False
        self._handle: QWindow | None = None
        self._inactive_checks = 0
        self._remapped = False
        self._away = ""  # what took the window away, while it is away
        self._mapping = QElapsedTimer()  # since the window was last mapped again
        self.watchdog = QTimer(self)
        self.watchdog.setInterval(interval_ms)
        self.watchdog.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.check)
        app = QGuiApplication.instance()
        app.applicationStateChanged.connect(self._changed)
        app.screenAdded.connect(self._changed)
        app.screenRemoved.connect(self._changed)

    # -- on and off --------------------------------------------------------------------

    def start(self) -> None:
        self.active = True
        self._show()
        self._watch_handle()
        self.watchdog.start()

    def stop(self) -> None:
        self.active = False
        self.watchdog.stop()
        self._soon.stop()

    # -- what is wrong -------------------------------------------------------------------

    def screen_geometry(self) -> QRect:
        screen: QScreen | None = self.widget.screen() or QGuiApplication.primaryScreen()
        return screen.geometry() if screen is not None else self.widget.geometry()

    def problem(self) -> str:
        """What keeps the window from being in front and full screen ("" when it is)."""
        w = self.widget
        handle = w.windowHandle()
        if not w.isVisible() or handle is None:
            return "hidden"
        if w.windowState() & Qt.WindowState.WindowMinimized:
            return "minimised"
        if not handle.isExposed():
            return "not on screen"
        if not w.isFullScreen():
            return "not full screen"
        if w.geometry() != self.screen_geometry():
            return "not the size of the screen"
        if QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            return "not active"
        return ""

    # -- putting it right ------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        if self.active:
            self._soon.start()  # after the change has been handled

    def _watch_handle(self) -> None:
        handle = self.widget.windowHandle()
        if handle is None or handle is self._handle:
            return
        self._handle = handle
        handle.visibilityChanged.connect(self._changed)
        handle.windowStateChanged.connect(self._changed)
        handle.activeChanged.connect(self._changed)
        handle.screenChanged.connect(self._changed)

    def check(self) -> None:
        """Look, and put right what is wrong."""
        if not self.active:
            return
        self._watch_handle()
        reason = self.problem()
        if not reason:
            self._inactive_checks = 0
            self._remapped = False
            self._away = ""
            return
        if reason != self._away:  # once for each way the window was taken away
            self._away = reason
            self.restored.emit(reason)
        mapping = self._mapping.isValid() and self._mapping.elapsed() < _MAP_GRACE_MS
        if reason == "not active":
            self._inactive_checks += 1
            remap = self._inactive_checks > _REMAP_AFTER and not self._remapped
        else:
            remap = reason in ("minimised", "not on screen") and not mapping
        if mapping and reason == "not on screen":
            return  # mapped again a moment ago: the window manager is still at it
        if remap:
            self._remapped = True
            self._mapping.start()
            self.widget.hide()  # withdrawn, then mapped again on the current desktop
        self._show()

    def _show(self) -> None:
        w = self.widget
        geometry = self.screen_geometry()
        w.setWindowState((w.windowState() & ~Qt.WindowState.WindowMinimized)
                         | Qt.WindowState.WindowFullScreen)
        w.showFullScreen()
        if w.geometry() != geometry:
            w.setGeometry(geometry)
        w.raise_()
        w.activateWindow()
