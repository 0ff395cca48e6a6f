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

#: The budgets for the SCSE data (README, "Speed"), in milliseconds (p95 unless noted).
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
    rows.extend(_route_rows(nav, rng, min(n, 300)))

    from exponav.core.itinerary import itinerary_bench_rows

    rows.extend(itinerary_bench_rows(nav))
    rows.extend(_window_rows(nav, data))
    return rows


def _window_rows(nav: Navigator, data: str | Path | None) -> list[dict[str, Any]]:
    """Render a whole level and start to first frame, when Qt is installed (offscreen
    when there is no display)."""
    try:
        from exponav.ui.bench import render_level_rows, start_to_first_frame_row
        from exponav.ui.printing import itinerary_pdf_bench_rows
    except ImportError:  # a core-only install: no window to time
        return []
    return [*render_level_rows(nav, measure), start_to_first_frame_row(data),
            *itinerary_pdf_bench_rows(nav)]


def _route_rows(nav: Navigator, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Routes between random places: booths, amenities and kiosks, on one level and across."""
    import time as _time

    from exponav.core.routing import Router

    t0 = _time.perf_counter()
    router = Router(nav.venue)  # every level at once, as a kiosk does after start
    build_ms = (_time.perf_counter() - t0) * 1000
    places: dict[str, list[str]] = {}
    for lv, plan in nav.venue.plans.items():
        ids = [b.code for b in plan.booths] + [a.id for a in plan.amenities] + \
              [k.id for k in plan.kiosks]
        places[lv] = ids
    hall2 = ["H2-1F", "H2-4F"]
    same = [(a, b) for lv in hall2 for a, b in
            ((rng.choice(places[lv]), rng.choice(places[lv])) for _ in range(n // 2))]
    across = [(rng.choice(places[a]), rng.choice(places[b]))
              for a, b in ((rng.choice(list(places)), rng.choice(list(places)))
                           for _ in range(n * 2)) if a != b][:n]
    one = [nav.place(a) for a, _ in same], [nav.place(b) for _, b in same]
    two = [nav.place(a) for a, _ in across], [nav.place(b) for _, b in across]
    rows = [
        measure("route_one_level", [lambda a=a, b=b: router.route(a, b)
                                    for a, b in zip(*one, strict=True)]),
        measure("route_across_levels", [lambda a=a, b=b: router.route(a, b)
                                        for a, b in zip(*two, strict=True)]),
        measure("route_rebuild_level", [lambda lv=lv: router.rebuild_level(lv)
                                        for lv in hall2 * 5], warmup=0),
    ]
    rows.append({"name": "route_build_venue", "n": 1, "p50_ms": round(build_ms, 1),
                 "p95_ms": round(build_ms, 1), "budget_ms": None})
    return rows
