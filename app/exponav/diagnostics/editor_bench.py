"""The layout editor's bench rows: a frame while dragging one booth, the violations after
a drop, and the undo of one edit with the scene and routes current, on H2-1F offscreen.

``editor_drag_frame``
    the ghost of a one-booth drag moved to the next pointer position (snapped to the
    grid, the module and the neighbours' edges) and the view repainted; budget 16 ms,
    held to the median (``budget_of: p50``), a frame at 60 Hz.
``editor_violations_after_drop``
    ``Layout.apply`` of the dropped move with the Navigator and the window following it
    (the level's plan redrawn, the violations checked, listed and hatched), and the
    violations read back; budget 50 ms. The sales, exhibitor and booth panels and the
    route preview follow once events are handled, untimed here (the undo row times
    them).
``editor_undo``
    one move undone through the undo stack: the layout, the rules, the Navigator, the
    level's scene, the panels and the route preview's walk from a kiosk to the selected
    booth all current; budget 200 ms.

The editor runs on a layout of its own Navigator's venue and show (with the shipped
venue's rules and the show's price table for the shipped data, the default rules and no
prices for another data file), never
saved, and every timed edit is undone. ``python -m exponav.diagnostics.editor_bench`` prints the
rows.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from exponav.diagnostics.budgets import BUDGETS_MS

__all__ = ["LEVEL", "editor_rows"]

LEVEL = "H2-1F"
WARMUP = 3


def _row(name: str, times: list[float], **extra: Any) -> dict[str, Any]:
    arr = np.asarray(times[WARMUP:] if len(times) > 2 * WARMUP else times)
    return {"name": name, "n": len(arr), "p50_ms": round(float(np.percentile(arr, 50)), 4),
            "p95_ms": round(float(np.percentile(arr, 95)), 4),
            "budget_ms": BUDGETS_MS[name], **extra}


def _timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def editor_rows(data: str | Path | None = None, repeat: int = 0) -> list[dict[str, Any]]:
    """Open the editor offscreen on ``data`` (the shipped show by default) and time its
    budgeted steps."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from exponav.core import paths
    from exponav.core.heap import keep_loaded
    from exponav.core.layout import Layout, MoveBooth, read_rules
    from exponav.core.layout.prices import read_prices
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.editor.window import EditorWindow

    n = repeat or 20
    app = make_app()
    nav = Navigator.open(data)
    shipped = data is None  # the shipped venue's rules and the show's prices
    rules = read_rules(paths.venue_dir()) if shipped else None
    prices = read_prices(paths.show_dir()) if shipped else None
    w = EditorWindow(nav, Layout(nav.venue, nav.show, rules, prices=prices))
    level = LEVEL if LEVEL in nav.venue.plans else next(iter(nav.venue.plans))  # generated
    try:
        w.ask = lambda _q: True
        w.ask_unsaved = lambda: "discard"
        w.resize(1500, 950)
        w.show()
        QApplication.processEvents()
        w.set_level(level)
        lay = w.layout
        lay.checker  # noqa: B018 - as the editor that run_editor opens has it
        keep_loaded()  # as run_editor does (core/heap.py)
        booth = next(b for b in lay.venue.plans[level].booths
                     if lay.status(b.code).status == "available")
        w.select([booth.code])
        x0, y0 = booth.polygon.centroid.x, booth.polygon.centroid.y
        view = w.view
        view._start = (x0, y0)
        view._begin_move()
        w.scene().start_ghost(w.selection)
        step = [0]

        def frame() -> None:
            step[0] += 1
            view.drag_to(x0 + (step[0] % 40) * 0.13, y0 + 0.05)
            view.viewport().repaint()

        rows = [_row("editor_drag_frame", _timed(frame, 3 * n + WARMUP), budget_of="p50")]
        w.scene().end_gesture()
        sign = [1.0]

        def drop() -> None:
            sign[0] = -sign[0]
            lay.apply(MoveBooth(booth.code, 0.5 * sign[0], 0))
            _ = lay.violations

        drops = []
        for _ in range(2 * (n + WARMUP)):
            drops.extend(_timed(drop, 1))
            QApplication.processEvents()  # the panels and the route follow, untimed
        rows.append(_row("editor_violations_after_drop", drops))
        samples = []
        for _ in range(n + WARMUP):
            w.move_selection(0.5, 0)
            QApplication.processEvents()
            t = time.perf_counter()
            w.undo_stack.undo()
            QApplication.processEvents()  # the route preview asks again
            samples.append((time.perf_counter() - t) * 1000)
            if w.route_preview.route is None:
                raise RuntimeError(f"no route preview to {booth.code}: "
                                   f"{w.route_preview.problem}")
        rows.append(_row("editor_undo", samples))
        return rows
    finally:
        w.undo_stack.setClean()
        w.close()
        w.deleteLater()
        app.processEvents()
        nav.close()


if __name__ == "__main__":  # pragma: no cover - a manual measurement
    for r in editor_rows():
        print(f"{r['name']:30s} p50 {r['p50_ms']:7.2f} ms  p95 {r['p95_ms']:7.2f} ms  "
              f"(budget {r['budget_ms']:g} ms, n={r['n']})")
