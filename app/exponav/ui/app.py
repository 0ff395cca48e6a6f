"""Start the window: the data opened beside Qt's start, then the kiosk, or the main window
dressed for a laptop (menus, Ctrl+Q, what it remembers between runs)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exponav.ui.common.application import DESKTOP_ID, app_icon, make_app

__all__ = ["DESKTOP_ID", "app_icon", "initial_language", "make_app", "run_gui"]


def initial_language(remembered: str | None = None) -> str:
    """EXPONAV_LANG if set, else the language of the last run, else the system language
    when it is one we have."""
    from PySide6.QtCore import QLocale

    from exponav.core.languages import language

    wanted = language(os.environ.get("EXPONAV_LANG", ""))
    if wanted:
        return wanted
    if remembered:
        return remembered
    system = language(QLocale.system().name())  # zh_TW, id_ID, en_GB ...
    if system in ("zh-Hant", "id"):
        return system
    return "en"


def _open_in_background(data: str | Path | None) -> tuple[Callable[[], None], Callable[[], Any]]:
    """Start opening the data file (and importing the core) on a thread; Qt starts
    meanwhile. Returns two waits: for the core's imports (shapely and numpy import
    themselves in circles, so a second thread must not import them at the same time),
    and for the Navigator (re-raising what went wrong)."""
    box: dict[str, Any] = {}
    imported = threading.Event()

    def load() -> None:
        try:
            from exponav.core.navigator import Navigator
            from exponav.ui.map.stands import level_stands

            imported.set()
            nav = Navigator.open(data)
            first = next(iter(nav.levels))
            box["stands"] = {first: level_stands(nav, first)}  # the first frame's geometry
            box["nav"] = nav
        except BaseException as e:  # noqa: BLE001 - handed to the caller by result()
            box["error"] = e
        finally:
            imported.set()

    thread = threading.Thread(target=load, name="exponav-open", daemon=True)
    thread.start()

    def result():
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["nav"], box["stands"]

    return imported.wait, result


def run_gui(data: str | Path | None = None, kiosk: str | None = None, *, staff: bool = False,
            venue: str | Path | None = None, show: str | Path | None = None) -> int:
    if staff:
        from exponav.ui.editor.start import run_editor

        return run_editor(venue, show)
    if kiosk is not None:  # "" means the id in the kiosk settings
        from exponav.ui.kiosk.start import run_kiosk

        return run_kiosk(data, kiosk)
    core_imported, navigator = _open_in_background(data)
    app = make_app()
    core_imported()
    from exponav.ui.visitor.laptop import LaptopWindow, remembered_language, window_settings
    from exponav.ui.visitor.main_window import MainWindow

    nav, stands = navigator()

    settings = window_settings()
    window = MainWindow(nav, lang=initial_language(remembered_language(settings)),
                        stands=stands)
    window._laptop = LaptopWindow(window, settings)  # kept with the window
    if os.environ.get("EXPONAV_FIRST_FRAME_EXIT"):
        # used by `exponav bench`: report the first painted frame, then quit
        import time

        def painted() -> None:
            print(f"first-frame {time.time():.6f}", flush=True)
            app.quit()

        window.view.first_painted.connect(painted)
    window.show()
    return app.exec()
