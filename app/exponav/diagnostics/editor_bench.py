"""The layout editor's budgets: a frame while dragging one booth, the violations after a
drop, and the undo of one edit with the scene and routes current, on H2-1F offscreen.

``python -m exponav.diagnostics.editor_bench`` prints one row per operation (p50 and p95
in milliseconds, and the budget).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

__all__ = ["BUDGETS_MS", "editor_rows"]

LEVEL = "H2-1F"
BUDGETS_MS = {"editor drag frame": 16.0, "editor violations after drop": 50.0,
              "editor undo (scene and routes)": 200.0}


def _timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _row(name: str, samples: list[float]) -> dict[str, object]:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]
    return {"name": name, "p50_ms": round(statistics.median(s), 2), "p95_ms": round(p95, 2),
            "budget_ms": BUDGETS_MS[name], "n": len(s)}


def editor_rows(repeat: int = 20) -> list[dict[str, object]]:
    """Open the editor offscreen on the embedded show and time its budgeted steps."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from exponav.core.layout import MoveBooth
    from exponav.ui.common.application import make_app
    from exponav.ui.editor.start import open_editor

    app = make_app()
    w = open_editor()
    w.ask = lambda _q: True
    w.resize(1500, 950)
    w.show()
    QApplication.processEvents()
    w.set_level(LEVEL)
    lay = w.layout
    booth = next(b for b in lay.venue.plans[LEVEL].booths
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

    rows = [_row("editor drag frame", _timed(frame, repeat * 3))]
    w.scene().end_gesture()
    sign = [1.0]

    def drop() -> None:
        sign[0] = -sign[0]
        lay.apply(MoveBooth(booth.code, 0.5 * sign[0], 0))
        _ = lay.violations

    rows.append(_row("editor violations after drop", _timed(drop, repeat)))
    w.nav.route(booth.code, next(iter(lay.venue.plans[LEVEL].booths)).code)
    samples = []
    for _ in range(repeat):
        w.move_selection(0.5, 0)
        t = time.perf_counter()
        w.undo_stack.undo()
        w.nav.route(booth.code, lay.venue.plans[LEVEL].booths[0].code)
        QApplication.processEvents()
        samples.append((time.perf_counter() - t) * 1000)
    rows.append(_row("editor undo (scene and routes)", samples))
    w.undo_stack.setClean()
    w.close()
    app.processEvents()
    return rows


if __name__ == "__main__":  # pragma: no cover - a manual measurement
    for r in editor_rows():
        print(f"{r['name']:34s} p50 {r['p50_ms']:7.2f} ms  p95 {r['p95_ms']:7.2f} ms  "
              f"(budget {r['budget_ms']:g} ms, n={r['n']})")
