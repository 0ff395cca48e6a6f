"""The one QApplication: made once, with the shipped fonts, the font chain and the style."""

from __future__ import annotations

import sys

__all__ = ["DESKTOP_ID", "app_icon", "make_app"]

#: The application's id: its .desktop file, AppStream metadata and icon in assets/linux.
DESKTOP_ID = "org.exponav.ExpoNav"


def app_icon():
    """ExpoNav's icon (assets/linux, the one the .desktop file names)."""
    from PySide6.QtGui import QIcon

    from exponav.ui.common.assets import asset_path

    return QIcon(str(asset_path("linux", f"{DESKTOP_ID}.svg")))


def make_app():
    """The QApplication (made once), with the font chain and the style sheet."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from exponav.ui.common.assets import style_sheet
    from exponav.ui.common.fonts import apply_font_chain, register_shipped_fonts

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("ExpoNav")
        app.setOrganizationName("ExpoNav")
        # No display name: Qt would append it to every window title ("ExpoNav — SCSE 2025
        # — ExpoNav"); the window says its own whole title.
        app.setDesktopFileName(DESKTOP_ID)  # the taskbar finds the .desktop file and icon
        app.setWindowIcon(app_icon())
        app.setStyle("Fusion")  # the same look on every platform, styled by exponav.qss
        register_shipped_fonts()
        apply_font_chain(app)
        app.setStyleSheet(style_sheet())
    return app
