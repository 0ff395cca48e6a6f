"""``exponav bench``: time the budgeted operations in process, median and 95th percentile.

Each row is ``{name, n, p50_ms, p95_ms, budget_ms}``. The machine may be shared: read
the figures as ratios against their budgets within one run, not as absolutes.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from exponav.core.navigator import Navigator

__all__ = ["BUDGETS_MS", "measure", "run_bench"]

#: DESIGN.md's budgets for the SCSE data, in milliseconds (p95 unless noted).
BUDGETS_MS = {
    "search": 5.0,
    "hit_test": 0.1,
    "nearest": 1.0,
    "route_one_level": 10.0,
    "route_across_levels": 20.0,
    "route_rebuild_level": 200.0,
    "itinerary_12_stops": 100.0,
    "itinerary_pdf": 300.0,
    "render_level": 8.0,
    "start_to_first_frame": 1500.0,
}


def measure(name: str, calls: Iterable[Callable[[], Any]], budget_ms: float | None = None,
            warmup: int = 3) -> dict[str, Any]:
    """Run each call once and summarise the times."""
    calls = list(calls)
    for call in calls[:warmup]:
        call()
    times = []
    for call in calls:
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000.0)
    arr = np.asarray(times)
    return {"name": name, "n": len(times), "p50_ms": round(float(np.percentile(arr, 50)), 4),
            "p95_ms": round(float(np.percentile(arr, 95)), 4),
            "budget_ms": budget_ms if budget_ms is not None else BUDGETS_MS.get(name)}


def _typing_queries(nav: Navigator, rng: random.Random) -> list[str]:
    """What visitors type, keystroke by keystroke: names, Chinese, codes, typos, amenities."""
    names = [e.name for e in nav.show.exhibitors.values()]
    names_zh = [e.name_zh for e in nav.show.exhibitors.values() if e.name_zh]
    codes = [b.code for b in nav.venue.booths()]
    whole = ["chunghwa telecom", "chungwha", "中華電信", "電信", "s-1024", "q210", "toilet",
             "廁所", "accessible toilet", "cordoba", "cybersecurity", "Japan", "5G", "food"]
    queries: list[str] = []
    for text in whole + rng.sample(names, 20) + rng.sample(names_zh, 10) + rng.sample(codes, 10):
        queries.extend(text[:i] for i in range(1, len(text) + 1))
    return queries


def run_bench(data: str | Path | None = None, *, scale: str = "scse",
              repeat: int = 0) -> list[dict[str, Any]]:
    """Time search, hit test and nearest (and more as features land) on the show data."""
    rng = random.Random(7)
    nav = Navigator.open(data)
    n = repeat or 2000
    rows = []

    queries = _typing_queries(nav, rng)
    rows.append(measure("search", [lambda q=q: nav.search(q) for q in queries]))

    levels = list(nav.venue.levels)
    bounds = {lv: nav.venue.plans[lv].footprint.bounds for lv in levels}

    def random_point() -> tuple[str, float, float]:
        lv = rng.choice(levels)
        x0, y0, x1, y1 = bounds[lv]
        return lv, rng.uniform(x0, x1), rng.uniform(y0, y1)

    points = [random_point() for _ in range(n)]
    rows.append(measure("hit_test", [lambda p=p: nav.booth_at(*p) for p in points]))
    rows.append(measure("nearest", [
        lambda p=p: nav.nearest(*p, kind="amenity:toilet.accessible", limit=3) for p in points]))
    return rows
