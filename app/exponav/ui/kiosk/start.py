"""Starting a kiosk: its settings, its data file, and the reason it may not serve.

``exponav gui --kiosk ID`` comes here (:func:`run_kiosk`). A kiosk serves visitors only
when its settings file reads cleanly, holds a valid staff PIN, and the data file opens
with that kiosk in it; otherwise it opens on the out-of-service screen with the reason
for staff, and stays locked. It never offers to set a PIN on the show floor: staff set it
with ``exponav kiosk set-pin``, and a damaged file is never rewritten by the kiosk (only
its PIN record, when that much is valid, lets staff leave).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from exponav.core.io.kiosk_config import (
    KioskConfigError,
    KioskSettings,
    load_settings,
    read_pin_record,
    settings_path,
)
from exponav.ui.kiosk.log import log
from exponav.ui.kiosk.updates import KioskUpdates, starting_file
from exponav.ui.kiosk.window import KioskWindow

__all__ = ["open_data", "open_kiosk", "read_settings", "run_kiosk"]


def read_settings(path: Path | None = None) -> tuple[KioskSettings, str]:
    """The kiosk's settings, and why it cannot serve with them ("" when it can).

    A damaged file gives the defaults (and the file's PIN record when that is valid)
    with the file's sentence as the reason; a file without a PIN gives the way to set one.
    """
    target = path if path is not None else settings_path()
    try:
        settings = load_settings(target)
    except KioskConfigError as e:
        return KioskSettings(pin=read_pin_record(target)), str(e)
    if settings.pin is None:
        return settings, (f"no staff PIN is set in {target}; set one with "
                          "`exponav kiosk set-pin`.")
    return settings, ""


def open_data(source: str | Path | None):
    """``(navigator, "")``, or ``(None, reason)`` when the data file cannot be used."""
    try:
        from exponav.core.navigator import Navigator

        return Navigator.open(source), ""
    except Exception as e:  # noqa: BLE001 - any reason at all: out of service, not a crash
        return None, f"the data file {source or '(embedded show)'} cannot be opened: {e}"


def open_kiosk(settings: KioskSettings, problem: str = "", data: str | Path | None = None,
               kiosk_id: str | None = None, *, keyboard: str = "builtin",
               settings_file: Path | None = None) -> KioskWindow:
    """The kiosk window for these settings (out of service when ``problem`` says why, or
    when the data file cannot be opened); not shown yet. With an update folder set, it
    starts on the last update it took and looks for the next (:mod:`.updates`)."""
    nav = None
    if not problem:
        updated = starting_file() if settings.updates and not data else None
        nav, problem = open_data(data or updated or settings.data or None)
    kiosk = KioskWindow(settings, nav, kiosk_id=kiosk_id or None, problem=problem,
                        keyboard=keyboard, settings_file=settings_file)
    if settings.updates and not kiosk.problem:
        KioskUpdates(kiosk, settings.updates).start()
    return kiosk


def _install_excepthook(kiosk: KioskWindow) -> None:
    """An unexpected error is logged for staff and the kiosk starts afresh: a visitor
    never sees a traceback, and the kiosk never dies to the desktop."""
    def hook(kind, value, tb) -> None:
        log("unexpected error:\n" + "".join(traceback.format_exception(kind, value, tb)))
        QTimer.singleShot(0, kiosk.reset_visitor)

    sys.excepthook = hook


def run_kiosk(data: str | Path | None = None, kiosk_id: str | None = None) -> int:
    """``exponav gui --kiosk ID``: the kiosk full screen until staff leave it."""
    from exponav.ui.common.application import make_app
    from exponav.ui.kiosk.keyboard import choose_keyboard

    path = settings_path()
    settings, problem = read_settings(path)
    keyboard = choose_keyboard(settings.keyboard)
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = make_app()
    app.setQuitOnLastWindowClosed(False)  # only a staff exit ends the kiosk
    kiosk = open_kiosk(settings, problem, data, kiosk_id, keyboard=keyboard,
                       settings_file=path)
    kiosk.left_kiosk.connect(app.quit)
    _install_excepthook(kiosk)
    if os.environ.get("EXPONAV_FIRST_FRAME_EXIT"):
        _report_first_frame(kiosk, app)
    kiosk.show_kiosk(full_screen=not os.environ.get("EXPONAV_KIOSK_WINDOWED"))
    return app.exec()


class _FirstPaint(QObject):
    """Used by `exponav bench`: print when the kiosk's first screen has painted (and
    which page it is), then quit."""

    def __init__(self, app: QApplication, kiosk: KioskWindow) -> None:
        super().__init__(app)
        self.app, self.kiosk = app, kiosk

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            # after this paint, as the window's first frame is timed
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        import time

        print(f"first-frame {time.time():.6f} {self.kiosk.page()}", flush=True)
        self.app.exit(0)  # not quit(): the locked kiosk refuses to close


def _report_first_frame(kiosk: KioskWindow, app: QApplication) -> None:
    page = kiosk.home if kiosk.home is not None else kiosk.stack
    page.installEventFilter(_FirstPaint(app, kiosk))
