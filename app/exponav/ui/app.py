"""Start the window: the QApplication, fonts, the data, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from exponav.core.navigator import Navigator

__all__ = ["make_app", "run_gui"]


def make_app():
    from PySide6.QtWidgets import QApplication

    from exponav.ui.fonts import apply_font_chain

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ExpoNav")
    app.setOrganizationName("ExpoNav")
    apply_font_chain(app)
    return app


def run_gui(data: str | Path | None = None, kiosk: str | None = None, staff: bool = False) -> int:
    app = make_app()
    nav = Navigator.open(data)
    from exponav.ui.main_window import MainWindow

    window = MainWindow(nav)
    window.show()
    return app.exec()
