"""Bench rows for the editable venue: the venue rules checked in full and after one edit,
and one edit applied with every index and the routes of its level brought up to date.

``validate_full``
    every rule over the whole SCSE venue (4 levels, about 2,700 booths); budget 100 ms.
``validate_after_edit``
    the check after one booth moved (only what the move can affect); budget 5 ms.
``edit_applied``
    ``Layout.apply`` of one booth move on a Hall 2 level with a Navigator following it:
    the rules, the Navigator's lookups, the level's spatial index and the router's level
    (built before, rebuilt incrementally) all up to date when it returns; budget 200 ms.
``edit_applied_split``
    the same for a split, which also changes what search finds, so the documents of the
    booths it touched are taken out of the search index and put in again; budget 200 ms.

Each timed edit is undone, untimed, before the next, so every one starts from the
shipped plan. The rows run on a Navigator of their own: the one the other rows use is
never edited.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from exponav.core.heap import keep_loaded
from exponav.core.layout import Edit, Layout, MoveBooth, SplitBooth
from exponav.core.layout.checks import BoothChange, Checker
from exponav.core.navigator import Navigator
from exponav.diagnostics.measure import measure

__all__ = ["layout_bench_rows"]

HALL2 = ("H2-1F", "H2-4F")
WARMUP = 3


def _row(name: str, times: list[float], budget_ms: float) -> dict[str, Any]:
    arr = np.asarray(times[WARMUP:] if len(times) > 2 * WARMUP else times)
    return {"name": name, "n": len(arr), "p50_ms": round(float(np.percentile(arr, 50)), 4),
            "p95_ms": round(float(np.percentile(arr, 95)), 4), "budget_ms": budget_ms}


def _booths_of(edit: Edit) -> list[BoothChange]:
    return [BoothChange(s.before, s.after) for s in edit.slots if s.kind == "booth"]


def _each(layout: Layout, changes: list[Any], timed: Callable[[Any], Any],
          untimed: Callable[[Edit], Any] = lambda edit: None) -> list[float]:
    """Time ``timed(change)`` (which applies it and returns the edit) for each change, then
    undo it untimed, calling ``untimed`` with the undo."""
    times = []
    for change in changes:
        t0 = time.perf_counter()
        edit = timed(change)
        times.append((time.perf_counter() - t0) * 1000.0)
        untimed(layout.apply(edit.inverse()))
    return times


def layout_bench_rows(data: str | Path | None = None, *, repeat: int = 0,
                      seed: int = 12) -> list[dict[str, Any]]:
    """The rows above on ``data``: edits on Hall 2's levels, or on a generated show's
    first two levels (which have no Hall 2)."""
    rng = random.Random(seed)
    nav = Navigator.open(data)
    edited = [lv for lv in HALL2 if lv in nav.venue.plans] or list(nav.venue.levels)[:2]
    try:
        layout = Layout(nav.venue, nav.show)
        rules = layout.rules
        rows = [measure("validate_full", [lambda: Checker(nav.venue, rules)
                                          for _ in range(repeat or 20)], budget_ms=100.0)]

        codes = [b.code for lv in edited for b in nav.venue.plans[lv].booths]
        moves = [MoveBooth(rng.choice(codes), rng.choice((-1.0, 1.0)), rng.choice((0.0, 0.5)))
                 for _ in range(repeat or 100)]
        checker = Checker(nav.venue, rules)  # the layout has none yet: the check alone
        times = []
        for move in moves:
            edit = layout.apply(move)
            t0 = time.perf_counter()
            checker.update(_booths_of(edit))
            times.append((time.perf_counter() - t0) * 1000.0)
            checker.update(_booths_of(layout.apply(edit.inverse())))
        rows.append(_row("validate_after_edit", times, 5.0))

        nav.follow(layout)
        layout.checker  # noqa: B018 - the rules checked live while editing
        for lv in edited:  # the router's levels built, as after the first routes
            nav.router.rebuild_level(lv)
        keep_loaded()  # as the staff editor does once its layout is open
        rows.append(_row("edit_applied", _each(layout, moves[:repeat or 40], layout.apply),
                         200.0))
        free = sorted(b.code for lv in edited for b in nav.venue.plans[lv].booths
                      if layout.status(b.code).status == "available" and b.code[-1] not in "ab")
        splits = [SplitBooth(c) for c in rng.sample(free, min(len(free), repeat or 10))]
        rows.append(_row("edit_applied_split", _each(layout, splits, layout.apply), 200.0))
        return rows
    finally:
        nav.close()
