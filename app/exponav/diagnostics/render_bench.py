"""The window's rows of ``exponav bench``: render a whole level, start to first frame.

``render_level`` draws one whole level, fitted, into a 1920 x 1080 image through the
map view, exactly as a frame on screen is drawn, with nothing cached between frames
(so it is the cost of a zoom step, the worst case; a pan only redraws the new strip).
``start_to_first_frame`` starts ``exponav gui`` in a fresh process, offscreen, and
times from just before the process starts to its first painted map frame.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from exponav.core.navigator import Navigator
from exponav.diagnostics.budgets import BUDGETS_MS
from exponav.diagnostics.measure import measure

__all__ = ["itinerary_pdf_bench_rows", "render_level_rows", "start_to_first_frame_row"]


def _ensure_platform() -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render_level_rows(nav: Navigator, levels: list[str] | None = None,
                      frames: int = 60) -> list[dict[str, Any]]:
    """One row per level: ``render_level`` timings of a fitted 1920 x 1080 frame."""
    _ensure_platform()
    from collections import Counter

    from PySide6.QtGui import QImage, QPainter

    from exponav.ui.common.application import make_app
    from exponav.ui.common.palette import ThemeColours
    from exponav.ui.map.scene import FloorPlanScene
    from exponav.ui.map.view import MapView

    app = make_app()
    counts: Counter[str] = Counter(c for e in nav.show.exhibitors.values() for c in e.categories[:1])
    themes = ThemeColours(counts, {c.id: (c.name, c.name_zh) for c in nav.show.categories.values()})
    view = MapView()
    view.resize(1920, 1080)
    view.show()  # a hidden view has no viewport size to fit into
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    rows = []
    wanted = levels or [lv for lv in nav.venue.levels if nav.venue.plans[lv].booths][:2]
    for level in wanted:
        scene = FloorPlanScene(nav, level, themes, "en")
        view.set_level_scene(scene)
        view.fit(animated=False)
        app.processEvents()

        cpu: list[float] = []

        def frame(cpu: list[float] = cpu) -> None:
            t0 = time.thread_time()
            painter = QPainter(image)
            view.render(painter)
            painter.end()
            cpu.append((time.thread_time() - t0) * 1000.0)

        row = measure("render_level", [frame] * frames)
        row["name"] = f"render_level {level}"
        # CPU time of the painting thread: what a frame costs on an idle machine
        row.update(_cpu_percentiles(cpu[-frames:]))
        rows.append(row)
        view.setScene(None)
        scene.deleteLater()
    view.deleteLater()
    app.processEvents()
    return rows


def _cpu_percentiles(values: list[float]) -> dict[str, float]:
    import numpy as np

    arr = np.asarray(values)
    return {"cpu_p50_ms": round(float(np.percentile(arr, 50)), 3),
            "cpu_p95_ms": round(float(np.percentile(arr, 95)), 3)}


def first_frame_ms(cmd: list[str], env: dict[str, str], what: str) -> tuple[float, list[str]]:
    """Run ``cmd`` (a start that prints ``first-frame <time> [more]`` once it has painted,
    then quits): the milliseconds from launch to that frame, and the words after it."""
    t0 = time.time()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    line = next((line.split() for line in done.stdout.splitlines()
                 if line.startswith("first-frame ")), None)
    if line is None:
        raise RuntimeError(f"{what} did not paint: {done.stderr.strip()[-300:]}")
    return (float(line[1]) - t0) * 1000.0, line[2:]


def start_to_first_frame_row(data: str | Path | None, runs: int = 5) -> dict[str, Any]:
    """Median and p95 over ``runs`` fresh starts of the window (milliseconds)."""
    import numpy as np


    env = dict(os.environ, EXPONAV_FIRST_FRAME_EXIT="1")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A frozen bundle's executable is exponav itself, not a Python to pass -m to.
    cmd = [sys.executable, "gui"] if getattr(sys, "frozen", False) else \
        [sys.executable, "-m", "exponav", "gui"]
    if data is not None:
        cmd += ["--data", str(data)]
    try:
        import resource
    except ImportError:  # Windows: wall-clock times only
        resource = None

    def children_cpu_ms() -> float:
        if resource is None:
            return 0.0
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (used.ru_utime + used.ru_stime) * 1000.0

    times = []
    cpu = []
    for _ in range(runs):
        before = children_cpu_ms()
        ms, _ = first_frame_ms(cmd, env, "the window")
        # CPU milliseconds of the whole run: a bound on the start on an idle machine
        cpu.append(children_cpu_ms() - before)
        times.append(ms)
    arr = np.asarray(times)
    return {"name": "start_to_first_frame", "n": len(times),
            "p50_ms": round(float(np.percentile(arr, 50)), 1),
            "p95_ms": round(float(np.percentile(arr, 95)), 1),
            "budget_ms": BUDGETS_MS["start_to_first_frame"], **_cpu_percentiles(cpu)}


def itinerary_pdf_bench_rows(nav: Navigator, repeat: int = 20, folder: str | Path | None = None
                             ) -> list[dict]:
    """Bench rows: a 12-stop A4 PDF written (``itinerary_pdf``, budget 300 ms), and the
    80 mm receipt (``itinerary_pdf_receipt``, same budget)."""
    import random
    import tempfile
    from datetime import datetime

    from exponav.ui.print.pdf import write_pdf
    from exponav.ui.print.qr_image import qr_modules

    rng = random.Random(5)
    owned = sorted({c for ex in nav.show.exhibitors.values() for c in ex.booths})
    kiosks = [k.id for k in nav.kiosks()]
    plans = [nav.itinerary(rng.choice(kiosks), rng.sample(owned, 12), "10:00")
             for _ in range(3)]
    out = Path(folder or tempfile.mkdtemp(prefix="exponav-bench-"))
    when = datetime(2025, 3, 18, 10, 0)
    rows = []
    for name, paper in (("itinerary_pdf", "a4"), ("itinerary_pdf_receipt", "receipt80")):
        def call(i: int, paper: str = paper) -> None:
            qr_modules.cache_clear()  # a first print: the QR code is encoded too
            write_pdf(plans[i % len(plans)], nav, out / f"{paper}-{i}.pdf", paper, "bench",
                      when)

        calls = [lambda i=i: call(i) for i in range(repeat)]
        rows.append(measure(name, calls, budget_ms=BUDGETS_MS[name]))
    return rows
