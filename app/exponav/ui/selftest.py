"""The window's part of ``exponav selftest``: fonts and an offscreen render."""

from __future__ import annotations

import os

from exponav.core.navigator import Navigator

__all__ = ["ui_checks"]


def ui_checks(checks, nav: Navigator, *, screenshot: str | None = None,
              kiosk: str | None = None) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exponav.ui.app import make_app

    app = make_app()

    def font() -> str:
        from exponav.ui.fonts import cjk_family

        family = cjk_family()
        if family is None:
            raise RuntimeError("no CJK font found; Chinese names will show as boxes "
                               "(on Linux install fonts-noto-cjk)")
        return family

    checks.run("CJK font", font, warning_only=True)

    def window() -> str:
        from exponav.ui.main_window import MainWindow

        w = MainWindow(nav)
        w.resize(1920, 1080)
        w.show()
        app.processEvents()
        image = w.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the window did not render")
        if screenshot and not image.save(screenshot):
            raise RuntimeError(f"could not write {screenshot}")
        w.close()
        return f"rendered {image.width()}x{image.height()}" + (f", saved {screenshot}"
                                                               if screenshot else "")

    checks.run("window renders offscreen", window)
