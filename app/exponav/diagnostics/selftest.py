"""``exponav selftest``: check, without a display, that this installation works.

Each check is ``{name, status, ok, detail, ms}``: ``status`` is ``ok``, ``warn`` or
``fail``; ``ok`` is true only for ``ok``, and a warning also carries ``warning: true``.
A check warns by raising :class:`CheckWarning` (or, when run with ``warning_only``, by
failing). The whole passes when no check fails; warnings are reported, not hidden.

``--screen WxH[@DPR]`` runs the window's and the kiosk's checks on an offscreen screen
of that many device pixels (1920x1080, 1080x1920, 1366x768, 3840x2160); a screen of
2880 x 1620 device pixels and more is taken at a device pixel ratio of 2, as a 4K kiosk
panel is set up, unless ``@DPR`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exponav.diagnostics.checks import Checks, CheckWarning

__all__ = ["CheckWarning", "Screen", "parse_screen", "run_selftest"]


@dataclass(frozen=True)
class Screen:
    """A screen of ``width`` x ``height`` device pixels at ``dpr`` device pixels per
    logical pixel."""

    width: int
    height: int
    dpr: float

    @property
    def logical(self) -> tuple[int, int]:
        return round(self.width / self.dpr), round(self.height / self.dpr)

    def __str__(self) -> str:
        return f"{self.width}x{self.height}" + (f"@{self.dpr:g}" if self.dpr != 1 else "")

    def use(self) -> None:
        """Make the offscreen window system this screen (before any window exists)."""
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            raise RuntimeError("the screen can only be chosen before the window system starts")
        # the ratio as a desktop sets it (X11's Xft.dpi): a logical DPI over the base one,
        # which Qt's high-DPI scaling turns into the windows' device pixel ratio
        config = {"screens": [{"name": "selftest", "x": 0, "y": 0, "width": self.width,
                               "height": self.height, "logicalDpi": 96 * self.dpr,
                               "logicalBaseDpi": 96, "dpr": 1}]}
        fd, name = tempfile.mkstemp(prefix="exponav-screen-", suffix=".json")
        with os.fdopen(fd, "w") as f:
            json.dump(config, f)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={name}"


def parse_screen(text: str) -> Screen:
    """``WxH`` or ``WxH@DPR`` in device pixels.

    >>> parse_screen("3840x2160"), parse_screen("1080x1920")
    (Screen(width=3840, height=2160, dpr=2.0), Screen(width=1080, height=1920, dpr=1.0))
    >>> parse_screen("800x600@1.5").logical
    (533, 400)
    >>> parse_screen("big")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: 'big' is not a screen: give its size as WxH, such as 1920x1080 or 3840x2160@2
    """
    m = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*(?:@\s*(\d+(?:\.\d+)?))?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen: give its size as WxH, "
                                         "such as 1920x1080 or 3840x2160@2")
    w, h = int(m[1]), int(m[2])
    dpr = float(m[3]) if m[3] else (2.0 if min(w, h) >= 1620 and max(w, h) >= 2880 else 1.0)
    if not (320 <= w <= 16384 and 320 <= h <= 16384 and 1.0 <= dpr <= 4.0):
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen: sides of 320 to 16384 "
                                         "pixels and a pixel ratio of 1 to 4 are")
    return Screen(w, h, dpr)



def run_selftest(data: str | Path | None = None, *, screenshot: str | None = None,
                 kiosk: str | None = None, screen: Screen | None = None,
                 staff: bool = False) -> dict[str, Any]:
    from exponav.core.navigator import Navigator

    checks = Checks()
    if screen is not None and not checks.run("screen", lambda: _use_screen(screen)):
        return {"ok": False, "checks": checks.items}
    keyboard = _kiosk_keyboard() if kiosk else "builtin"
    nav_box: list[Navigator] = []

    def load() -> str:
        nav = Navigator.open(data)
        nav_box.append(nav)
        s = nav.stats()
        expected = {"levels": 4, "exhibitors": 400, "booths": 1000, "sessions": 900}
        short = [k for k, v in expected.items() if s[k] < v]
        if data is None and short:
            raise AssertionError(f"too few {', '.join(short)}: {s}")
        return (f"{s['levels']} levels, {s['booths']} booths, {s['exhibitors']} exhibitors, "
                f"{s['sessions']} sessions, {s['amenities']} amenities")

    if not checks.run("data loads", load):
        return {"ok": False, "checks": checks.items}
    nav = nav_box[0]

    def search() -> str:
        hits = nav.search("中華電信")
        top = next((h for h in hits if h.kind == "exhibitor"), None)
        if top is None or "Chunghwa" not in top.name or not top.booths:
            raise AssertionError(f"中華電信 did not find Chunghwa Telecom with a booth: {hits[:3]}")
        return f"中華電信 -> {top.name} at {', '.join(top.booths)}"

    checks.run("search finds an exhibitor", search)

    def spatial() -> str:
        info = nav.booth("S1024")
        c = info.booth.polygon.representative_point()
        hit = nav.booth_at(info.level, c.x, c.y)
        if hit is None or hit.code != "S1024":
            raise AssertionError("hit test inside S1024 did not return S1024")
        return f"S1024 on {info.level}, hit test ok"

    checks.run("booth and hit test", spatial)

    from exponav.diagnostics.window_checks import ui_checks

    size = screen.logical if screen is not None else (1920, 1080)
    ui_checks(checks, nav, screenshot=screenshot, kiosk=kiosk, size=size)
    if kiosk:  # the kiosk's own checks; its screenshot replaces the window's
        from exponav.diagnostics.kiosk_checks import kiosk_checks

        kiosk_checks(checks, nav, kiosk, screenshot=screenshot, keyboard=keyboard, size=size)
    if staff:  # the layout editor's checks; its screenshot replaces the window's
        from exponav.diagnostics.staff_checks import staff_checks

        staff_checks(checks, screenshot=screenshot)
    return {"ok": all(c["status"] != "fail" for c in checks.items), "checks": checks.items}


def _use_screen(screen: Screen) -> str:
    screen.use()
    w, h = screen.logical
    return f"{screen}: offscreen, {w}x{h} logical pixels at a pixel ratio of {screen.dpr:g}"


def _kiosk_keyboard() -> str:
    """The keyboard the kiosk's settings choose, decided as ``exponav gui --kiosk`` does
    (before the window system starts: Qt's needs QT_IM_MODULE set by then)."""
    from exponav.core.io.kiosk_config import KioskConfigError, load_settings
    from exponav.ui.kiosk.keyboard import choose_keyboard

    try:
        setting = load_settings().keyboard
    except KioskConfigError:
        setting = "auto"
    return choose_keyboard(setting)
