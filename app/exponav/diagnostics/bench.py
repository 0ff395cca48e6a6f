"""``exponav bench``: time the budgeted operations in process, median and 95th percentile.

Each row is ``{name, n, p50_ms, p95_ms, budget_ms}``. The machine may be shared: read
the figures as ratios against their budgets within one run, not as absolutes. One row is
not a time: "turns per 100 m" over 200 fixed routes on the show's levels, its median and
90th percentile in the p50 and p95 columns (and as ``median`` and ``p90``).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.core.navigator import Navigator
from exponav.core.visit.order import order_stops
from exponav.core.visit.plan import walking_matrix
from exponav.diagnostics.measure import measure

if TYPE_CHECKING:
    from exponav.core.routing.router import Router

__all__ = ["run_bench"]

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

    rows.extend(itinerary_bench_rows(nav))
    rows.extend(_window_rows(nav, data))
    return rows


def _window_rows(nav: Navigator, data: str | Path | None) -> list[dict[str, Any]]:
    """Render a whole level and start to first frame, when Qt is installed (offscreen
    when there is no display)."""
    try:
        from exponav.diagnostics.render_bench import (
            itinerary_pdf_bench_rows,
            render_level_rows,
            start_to_first_frame_row,
        )
    except ImportError:  # a core-only install: no window to time
        return []
    return [*render_level_rows(nav), start_to_first_frame_row(data),
            *itinerary_pdf_bench_rows(nav)]


def _route_rows(nav: Navigator, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Routes between random places: booths, amenities and kiosks, on one level and across."""
    import time as _time

    from exponav.core.routing.router import Router

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
    def walk(a, b):  # what a visitor gets: the route and its words
        route = router.route(a, b)
        route.steps = nav.directions(route, "en")
        return route

    one = [nav.place(a) for a, _ in same], [nav.place(b) for _, b in same]
    two = [nav.place(a) for a, _ in across], [nav.place(b) for _, b in across]
    rows = [
        measure("route_one_level", [lambda a=a, b=b: walk(a, b)
                                    for a, b in zip(*one, strict=True)]),
        measure("route_across_levels", [lambda a=a, b=b: walk(a, b)
                                        for a, b in zip(*two, strict=True)]),
        measure("route_rebuild_level", [lambda lv=lv: router.rebuild_level(lv)
                                        for lv in hall2 * 5], warmup=0),
    ]
    rows.append({"name": "route_build_venue", "n": 1, "p50_ms": round(build_ms, 1),
                 "p95_ms": round(build_ms, 1), "budget_ms": None})
    rows.append(turns_row(nav, router, {lv: places[lv] for lv in hall2}))
    return rows


def turns_row(nav: Navigator, router: Router, places: dict[str, list[str]], n: int = 200,
              seed: int = 15) -> dict[str, Any]:
    """Turns the directions name per 100 m walked, over ``n`` fixed routes of 10 m or more
    between booths, amenities and kiosks of the given levels (a quarter of them across
    levels): the median and the 90th percentile."""
    import numpy as np

    from exponav.core.routing.turns import count_turns

    rng = random.Random(seed)
    levels = sorted(places)
    rates: list[float] = []
    while len(rates) < n:
        la = rng.choice(levels)
        lb = la if rng.random() < 0.75 or len(levels) == 1 else rng.choice(
            [lv for lv in levels if lv != la])
        route = router.route(nav.place(rng.choice(places[la])), nav.place(rng.choice(places[lb])))
        if route.length_m >= 10.0:
            turns = sum(count_turns(leg.coords) for leg in route.legs)
            rates.append(100.0 * turns / route.length_m)
    median, p90 = (round(float(v), 2) for v in np.percentile(rates, [50, 90]))
    return {"name": "turns per 100 m (med, p90)", "n": n, "p50_ms": median, "p95_ms": p90,
            "median": median, "p90": p90, "budget_ms": None}


def itinerary_bench_rows(nav: Navigator, repeat: int = 30, seed: int = 11) -> list[dict]:
    """Bench rows: a 12-stop visit planned end to end (budget 100 ms), and its parts.

    ``itinerary_12_stops`` is :meth:`Navigator.itinerary` from a kiosk to 12 random exhibitors'
    booths on the show's levels, one of them a fixed-time appointment;
    ``itinerary_12_stops_matrix`` the walking times between the 13 places alone;
    ``itinerary_12_stops_order`` the ordering alone (no budget for the parts).
    """
    rng = random.Random(seed)
    router = nav.router
    kiosks = [k.id for k in nav.kiosks()]
    owned = sorted({code for ex in nav.show.exhibitors.values() for code in ex.booths
                    if code in {b.code for b in nav.venue.booths()}})
    cases = []
    for _ in range(repeat):
        stops = rng.sample(owned, 12)
        cases.append((rng.choice(kiosks), stops, {stops[0]: "15:00"}))
    rows = [measure("itinerary_12_stops", [
        lambda c=c: nav.itinerary(c[0], c[1], "10:00", c[2]) for c in cases],
        budget_ms=100.0)]
    places = [[nav.place(c[0])] + [nav.place(s) for s in c[1]] for c in cases]
    rows.append(measure("itinerary_12_stops_matrix", [
        lambda p=p: walking_matrix(router, p) for p in places], budget_ms=None))
    mats = [walking_matrix(router, p)[0] for p in places[:5]]
    rows.append(measure("itinerary_12_stops_order", [
        lambda m=m: order_stops(m, [600.0] * 12, [54000.0] + [None] * 11, 36000.0)
        for m in mats * 6], budget_ms=None))
    return rows
