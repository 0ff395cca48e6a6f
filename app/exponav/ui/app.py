"""Start the window: the QApplication, fonts, style, the data, and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["make_app", "run_gui"]


def make_app():
    """The QApplication (made once), with the font chain and the style sheet."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from exponav.ui.assets import style_sheet
    from exponav.ui.fonts import apply_font_chain

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("ExpoNav")
        app.setOrganizationName("ExpoNav")
        app.setApplicationDisplayName("ExpoNav")
        app.setStyle("Fusion")  # the same look on every platform, styled by exponav.qss
        apply_font_chain(app)
        app.setStyleSheet(style_sheet())
    return app


def initial_language() -> str:
    """EXPONAV_LANG if set, else the system language when it is one we have."""
    from PySide6.QtCore import QLocale

    from exponav.ui.i18n import LANGUAGES

    wanted = os.environ.get("EXPONAV_LANG", "")
    codes = [c for c, _ in LANGUAGES]
    if wanted in codes:
        return wanted
    name = QLocale.system().name()  # zh_TW, id_ID, en_GB ...
    if name.startswith("zh"):
        return "zh_TW"
    if name.startswith("id"):
        return "id"
    return "en"


def run_gui(data: str | Path | None = None, kiosk: str | None = None, staff: bool = False) -> int:
    app = make_app()
    from exponav.core.navigator import Navigator

    nav = Navigator.open(data)
    from exponav.ui.main_window import MainWindow

    window = MainWindow(nav, lang=initial_language())
    if os.environ.get("EXPONAV_FIRST_FRAME_EXIT"):
        # used by `exponav bench`: report the first painted frame, then quit
        import time

        def painted() -> None:
            print(f"first-frame {time.perf_counter():.6f}", flush=True)
            app.quit()

        window.view.first_painted.connect(painted)
    window.show()
    return app.exec()
