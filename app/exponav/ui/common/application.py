"""The one QApplication: made once, with the shipped fonts, the font chain and the style."""

from __future__ import annotations

import sys

__all__ = ["make_app"]


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
        app.setApplicationDisplayName("ExpoNav")
        app.setStyle("Fusion")  # the same look on every platform, styled by exponav.qss
        register_shipped_fonts()
        apply_font_chain(app)
        app.setStyleSheet(style_sheet())
    return app
