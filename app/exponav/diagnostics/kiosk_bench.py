"""The kiosk's bench rows: from start to an interactive kiosk, and a tap answered.

``kiosk_start`` starts ``exponav gui --kiosk ID`` afresh a few times and takes the moment
its home screen first paints (the kiosk reports it and quits, as the window's first frame
does). ``kiosk_tap`` taps, in the kiosk drawn offscreen at 1920 x 1080, what visitors tap
most (a service tile, the A-Z directory and the programme and back from each, the
accessibility button, another language and the home button) and times each from the
tap to its screen drawn again.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from exponav.diagnostics.budgets import BUDGETS_MS

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["kiosk_rows", "kiosk_start_row", "kiosk_tap_row"]

#: the kiosk these rows stand at (Hall 2, 1F, by the main entrance)
KIOSK = "K-H2-1F-1"


def kiosk_rows(nav: Navigator, data: str | Path | None) -> list[dict[str, Any]]:
    return [kiosk_start_row(data), kiosk_tap_row(nav)]


def kiosk_start_row(data: str | Path | None, runs: int = 5,
                    kiosk: str = KIOSK) -> dict[str, Any]:
    """Median and p95 over ``runs`` fresh starts of the kiosk (milliseconds), each with
    settings of its own (this kiosk id, a staff PIN), so that it starts in service."""
    import tempfile

    from exponav.core.io.kiosk_config import ENV_PATH, KioskSettings, hash_pin, save_settings

    folder = tempfile.TemporaryDirectory(prefix="exponav-bench-kiosk-")
    settings = save_settings(KioskSettings(kiosk_id=kiosk, keyboard="builtin",
                                           pin=hash_pin("24680", n=2**10)),
                             Path(folder.name) / "kiosk.json")
    env = dict(os.environ, EXPONAV_FIRST_FRAME_EXIT="1", EXPONAV_KIOSK_WINDOWED="1")
    env[ENV_PATH] = str(settings)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd = [sys.executable, "gui"] if getattr(sys, "frozen", False) else \
        [sys.executable, "-m", "exponav", "gui"]
    cmd += ["--kiosk", kiosk]
    if data is not None:
        cmd += ["--data", str(data)]
    from exponav.diagnostics.render_bench import first_frame_ms

    times = []
    with folder:
        for _ in range(runs):
            ms, page = first_frame_ms(cmd, env, "the kiosk")
            if page != ["home"]:
                raise RuntimeError(f"the kiosk started on {' '.join(page)}, not its home "
                                   "screen (see `exponav gui --kiosk` for why)")
            times.append(ms)
    arr = np.asarray(times)
    return {"name": "kiosk_start", "n": len(times),
            "p50_ms": round(float(np.percentile(arr, 50)), 1),
            "p95_ms": round(float(np.percentile(arr, 95)), 1),
            "budget_ms": BUDGETS_MS["kiosk_start"]}


def kiosk_tap_row(nav: Navigator, rounds: int = 12) -> dict[str, Any]:
    """Each tap from the click to the kiosk's screen drawn again, ``rounds`` times over
    the taps a visitor makes most."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtWidgets import QApplication

    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.ui.common.application import make_app
    from exponav.ui.kiosk.window import KioskTimings, KioskWindow

    app = make_app()
    folder = tempfile.TemporaryDirectory(prefix="exponav-bench-kiosk-")
    settings = KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{Path(folder.name) / 'k.pdf'}")
    kiosk = KioskWindow(settings, nav, timings=KioskTimings(idle_ms=3_600_000),
                        save=lambda s: None)
    try:
        kiosk.resize(1920, 1080)
        kiosk.show_kiosk(full_screen=False)
        deadline = time.monotonic() + 10
        while not kiosk.home.isVisible() and time.monotonic() < deadline:
            app.processEvents()
        home = kiosk.home

        def taps():
            yield "service", lambda: home.service_buttons["toilet"].click(), "navigator"
            yield "home", kiosk.bar.home.click, "home"
            yield "directory", home.directory_button.click, "directory"
            yield "back", kiosk.directory.back.click, "home"
            yield "programme", home.programme_button.click, "programme"
            yield "back", kiosk.programme.back.click, "home"
            yield "accessibility on", home.access.click, "home"
            yield "accessibility off", home.access.click, "home"
            yield "language", lambda: kiosk.set_language("zh-Hant"), "home"
            yield "language", lambda: kiosk.set_language("en"), "home"

        times: list[float] = []
        for n in range(rounds + 1):
            for what, tap, page in taps():
                t0 = time.perf_counter()
                tap()
                kiosk.repaint()  # the screen as the visitor sees it next
                app.processEvents()
                ms = (time.perf_counter() - t0) * 1000.0
                if kiosk.page() != page:
                    raise RuntimeError(f"tapping {what} showed {kiosk.page()}, not {page}")
                if n:  # the first round warms the caches up
                    times.append(ms)
    finally:
        kiosk.unlocked = True
        kiosk.close()
        kiosk.shutdown()
        kiosk.deleteLater()
        QApplication.processEvents()
        folder.cleanup()
    arr = np.asarray(times)
    return {"name": "kiosk_tap", "n": len(times),
            "p50_ms": round(float(np.percentile(arr, 50)), 2),
            "p95_ms": round(float(np.percentile(arr, 95)), 2),
            "budget_ms": BUDGETS_MS["kiosk_tap"]}
