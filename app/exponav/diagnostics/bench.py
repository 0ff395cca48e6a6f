"""``exponav bench``: time the budgeted operations in process, median and 95th percentile.

Each row is ``{name, n, p50_ms, p95_ms, budget_ms}``, with the resident memory after it
(``rss_mb``, and ``peak_rss_mb`` of the process that ran it) and the machine's load
average over the minute before (``load_1m``). The machine may be shared:
read the figures as ratios against their budgets within one run, not as absolutes.

``--scale large`` (or ``4x``) runs every row on a generated show
(:mod:`exponav.diagnostics.scale`, built once into the user cache) against the large
budgets, and adds ``data_file_build``. There the routing rows run in a child process
capped at 8 GB (:mod:`exponav.diagnostics.capped`): a row that would need more comes
back as ``{"name", "n": 0, "p50_ms": NaN, "skipped": why}`` rather than take the machine.

One row is not a time: "turns per 100 m" over 200 fixed routes on the show's levels, its
median and 90th percentile in the p50 and p95 columns (and as ``median`` and ``p90``).
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.core.errors import ExpoNavError
from exponav.core.navigator import Navigator
from exponav.core.visit.order import order_stops
from exponav.core.visit.plan import walking_matrix
from exponav.diagnostics.budgets import MEMORY_BUDGETS_MB, budgets_for
from exponav.diagnostics.capped import memory_mb, run_capped
from exponav.diagnostics.layout_bench import layout_bench_rows
from exponav.diagnostics.measure import measure

if TYPE_CHECKING:
    from exponav.core.routing.router import Router

__all__ = ["bench_stages", "run_bench"]

#: The rows that need walking routes (built in a capped child at a generated scale).
_ROUTED = ("route_one_level", "route_across_levels", "route_rebuild_level",
           "route_rebuild_level after an edit",
           "route_build_venue", "itinerary_12_stops", "itinerary_12_stops_matrix",
           "itinerary_12_stops_order")
_PDF = ("itinerary_pdf", "itinerary_pdf_receipt")
_LAYOUT = ("validate_full", "validate_after_edit", "edit_applied", "edit_applied_split")
_EDITOR = ("editor_drag_frame", "editor_violations_after_drop", "editor_undo")


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


def bench_stages(scale: str = "scse") -> tuple[str, ...]:
    """What :func:`run_bench` tells its ``progress`` as it goes, in order."""
    if scale == "scse":
        return ("opening the data", "search", "hit_test", "nearest", "routes", "itinerary",
                "render", "start_to_first_frame", "itinerary_pdf", "kiosk start and taps",
                "editor")
    return ("the generated show", "opening the data", "search", "hit_test", "nearest",
            "routes, itinerary and PDF (capped)", "editor (capped)", "render",
            "start_to_first_frame", "layout rules and edits (capped)")


def run_bench(data: str | Path | None = None, *, scale: str = "scse",
              repeat: int = 0, progress: Callable[[str], None] | None = None
              ) -> list[dict[str, Any]]:
    """Time search, hit test and nearest (and more as features land) on the show data;
    with another ``scale``, on that scale's generated show against the large budgets.
    ``progress`` is called with each of :func:`bench_stages` as it begins."""
    step = progress or (lambda stage: None)
    rng = random.Random(7)
    if scale != "scse":
        step("the generated show")
    scaled = None if scale == "scse" else _scaled(scale, data)
    if scaled is not None:
        data = scaled.data_file
    step("opening the data")
    nav = Navigator.open(data)
    n = repeat or 2000
    rows = [] if scaled is None else _stamped([_data_file_row(scaled)])

    queries = _typing_queries(nav, rng)
    step("search")
    rows.append(measure("search", [lambda q=q: nav.search(q) for q in queries]))
    rows.append(_search_from_place_row(nav, rng))

    levels = list(nav.venue.levels)
    bounds = {lv: nav.venue.plans[lv].footprint.bounds for lv in levels}

    def random_point() -> tuple[str, float, float]:
        lv = rng.choice(levels)
        x0, y0, x1, y1 = bounds[lv]
        return lv, rng.uniform(x0, x1), rng.uniform(y0, y1)

    points = [random_point() for _ in range(n)]
    step("hit_test")
    rows.append(measure("hit_test", [lambda p=p: nav.booth_at(*p) for p in points]))
    step("nearest")
    rows.append(measure("nearest", [
        lambda p=p: nav.nearest(*p, kind="amenity:toilet.accessible", limit=3) for p in points]))
    _stamped(rows)

    def routed(step: Callable[[str], None]) -> list[dict[str, Any]]:
        step("routes")
        routes = _route_rows(nav, rng, min(n, 300))
        step("itinerary")
        return _stamped([*routes, *itinerary_bench_rows(nav)])

    if scaled is None:
        rows.extend(routed(step))
        rows.extend(_stamped(layout_bench_rows(data)))
        rows.extend(_stamped(_window_rows(nav, data, step=step)))
        rows.extend(_stamped(_window_rows(nav, data, "kiosk", step=step)))
        rows.extend(_stamped(_editor_rows(data, repeat, step)))
        return _held_to(rows, scale)
    # a generated scale: routes (and the PDF, which plans a visit) within the memory cap;
    # the child says nothing of its stages (its output would race the parent's)
    # the editor's rows too, in a child of its own before this process starts Qt
    step("routes, itinerary and PDF (capped)")
    done, why = run_capped(lambda: (routed(_quiet),
                                    _stamped(_window_rows(nav, data, "pdf", step=_quiet))))
    rows.extend(done[0] if done else _skipped(_ROUTED, why))
    step("editor (capped)")
    editor, editor_why = run_capped(lambda: _stamped(_editor_rows(data, 8, _quiet)))
    rows.extend(_stamped(_window_rows(nav, data, "render", step=step)))
    try:  # a window that cannot start on this show is a figure too, not the end of the run
        rows.extend(_stamped(_window_rows(nav, data, "start", step=step)))
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        rows.extend(_skipped(("start_to_first_frame",), f"the window did not start: {e}"))
    rows.extend(done[1] if done else _skipped(_PDF, why))
    step("layout rules and edits (capped)")  # a Layout, its checker and a following Navigator
    layout, why = run_capped(lambda: _stamped(layout_bench_rows(data, repeat=8)))
    rows.extend(layout if layout else _skipped(_LAYOUT, why))
    rows.extend(editor if editor is not None else _skipped(_EDITOR, editor_why))
    rows.append(_first_route_row(nav, data))
    return _held_to(rows, scale)


_FIRST_ROUTE = '''
import resource, sys, time
t0 = time.perf_counter()
from exponav.core.navigator import Navigator
nav = Navigator.open(sys.argv[1])
nav.route(sys.argv[2], sys.argv[3])
ms = (time.perf_counter() - t0) * 1000.0
print(ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
'''


def _first_route_row(nav: Navigator, data: str | Path | None, runs: int = 3) -> dict[str, Any]:
    """``start_to_first_route``: a fresh process opens the data file and routes from a
    kiosk to a booth (imports included), ``runs`` times; with its peak resident memory."""
    import numpy as np

    kiosk = nav.kiosks()[0]
    booth = next(b.code for b in nav.venue.plans[kiosk.level].booths)
    times, peaks = [], []
    for _ in range(runs):
        got = subprocess.run([sys.executable, "-c", _FIRST_ROUTE, str(data), kiosk.id, booth],
                             capture_output=True, text=True, timeout=300)
        if got.returncode != 0:
            return {"name": "start_to_first_route", "n": 0, "p50_ms": float("nan"),
                    "p95_ms": float("nan"), "budget_ms": None,
                    "skipped": (got.stderr.strip().splitlines() or ["failed"])[-1]}
        ms, peak = (float(v) for v in got.stdout.split()[-2:])
        times.append(ms)
        peaks.append(peak)
    p50, p95 = (round(float(v), 1) for v in np.percentile(times, [50, 95]))
    return {"name": "start_to_first_route", "n": runs, "p50_ms": p50, "p95_ms": p95,
            "budget_ms": None, "rss_mb": round(max(peaks), 1), "peak_rss_mb": round(max(peaks), 1)}


def _scaled(scale: str, data: str | Path | None):
    """The generated show for ``scale``, made into the cache on first use."""
    from exponav.diagnostics.scale import SCALES, ensure_scale_data

    if scale not in SCALES:
        raise ExpoNavError(f"unknown scale {scale!r}; expected scse or {', '.join(SCALES)}.")
    if data is not None:
        raise ExpoNavError(f"--data and --scale {scale} do not go together: the {scale} bench "
                           "generates its own show.")
    return ensure_scale_data(scale, progress=lambda text: print(text, file=sys.stderr))


def _data_file_row(scaled) -> dict[str, Any]:
    """How long the data file took to build from the generated sources (measured when
    it was built, which may be an earlier run: see ``built_at``)."""
    ms = round(float(scaled.record.get("data_file_s", float("nan"))) * 1000.0, 1)
    return {"name": "data_file_build", "n": 1, "p50_ms": ms, "p95_ms": ms, "budget_ms": None,
            "built_at": scaled.record.get("data_file_built_at"),
            "generate_ms": round(float(scaled.record.get("generate_s", 0.0)) * 1000.0, 1),
            **{k: scaled.record[k] for k in ("levels", "booths", "exhibitors", "sessions")
               if k in scaled.record}}


def _stamped(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Note this process's memory, and the machine's load average over the last minute
    (where the platform says), on the rows that do not carry them yet."""
    mem = memory_mb()
    with contextlib.suppress(OSError, AttributeError):  # no load average on this platform
        mem["load_1m"] = round(os.getloadavg()[0], 2)
    for row in rows:
        if "rss_mb" not in row:
            row.update(mem)
    return rows


def _skipped(names: tuple[str, ...], why: str | None) -> list[dict[str, Any]]:
    return [{"name": name, "n": 0, "p50_ms": float("nan"), "p95_ms": float("nan"),
             "budget_ms": None, "skipped": why} for name in names]


def _held_to(rows: list[dict[str, Any]], scale: str) -> list[dict[str, Any]]:
    """Each row against its budget at ``scale``; resident memory against its budget on
    the row after every level was made routable."""
    table = budgets_for(scale)
    for row in rows:
        base = row["name"].split()[0]
        if scale != "scse" and base in table:
            row["budget_ms"] = table[base]
        if base == "route_build_venue":
            row["budget_mb"] = MEMORY_BUDGETS_MB.get(scale)
    return rows


def _search_from_place_row(nav: Navigator, rng: random.Random) -> dict[str, Any]:
    """``search_from_place``: what a visitor types at a kiosk or from a chosen booth,
    keystroke by keystroke, services ranked by walking from there. Origin by origin, so
    the first query from each pays for the walking order of every service from it."""
    owned = sorted({c for ex in nav.show.exhibitors.values() for c in ex.booths})
    origins = [k.id for k in nav.kiosks()] + rng.sample(owned, 5)
    words = ["toilet", "廁所", "exit", "出口", "lift", "電梯", "escalator", "atm", "wifi",
             "mrt", "taxi", "registration", "food", "information", "zhdx"]
    names = rng.sample([e.name for e in nav.show.exhibitors.values()], 5)
    typed = [w[:i] for w in words + names for i in range(1, len(w) + 1)]
    nav.forget_walking_orders()
    return measure("search_from_place", [lambda o=o, q=q: nav.search(q, origin=o)
                                         for o in origins for q in typed], warmup=0)


def _quiet(stage: str) -> None:
    """A progress that says nothing."""


def _window_rows(nav: Navigator, data: str | Path | None, *parts: str,
                 step: Callable[[str], None] = _quiet) -> list[dict[str, Any]]:
    """Render a whole level, start to first frame and the itinerary PDF (or only the
    ``parts`` named: render, start, pdf, kiosk), when Qt is installed (offscreen when there is
    no display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        # before any part makes the QApplication (in a capped child the PDF comes first)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from exponav.diagnostics.kiosk_bench import kiosk_rows
        from exponav.diagnostics.render_bench import (
            itinerary_pdf_bench_rows,
            render_level_rows,
            start_to_first_frame_row,
        )
        from exponav.ui.common.application import make_app
    except ImportError:  # a core-only install: no window to time
        return []
    parts = parts or ("render", "start", "pdf")
    rows: list[dict[str, Any]] = []
    steps: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "render": lambda: render_level_rows(nav),
        "start": lambda: [start_to_first_frame_row(data)],
        "pdf": lambda: (make_app(), itinerary_pdf_bench_rows(nav))[1],  # the window's fonts
        "kiosk": lambda: kiosk_rows(nav, data)}
    names = {"render": "render", "start": "start_to_first_frame", "pdf": "itinerary_pdf",
             "kiosk": "kiosk start and taps"}
    for part in ("render", "start", "pdf", "kiosk"):
        if part in parts:
            step(names[part])
            rows.extend(steps[part]())
    return rows


def _editor_rows(data: str | Path | None, repeat: int,
                 step: Callable[[str], None]) -> list[dict[str, Any]]:
    """The staff layout editor's rows (diagnostics/editor_bench.py), when Qt is installed."""
    try:
        from exponav.diagnostics.editor_bench import editor_rows
    except ImportError:  # a core-only install: no editor to time
        return []
    step("editor")
    return editor_rows(data, repeat)


def _route_rows(nav: Navigator, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Routes between random places: booths, amenities and kiosks, on one level and across."""
    import time as _time

    from exponav.core.routing.router import Router

    t0 = _time.perf_counter()
    router = Router(nav.venue)  # every level at once, as a kiosk does after start
    build_ms = (_time.perf_counter() - t0) * 1000
    routable = memory_mb()  # resident with every level routable
    places: dict[str, list[str]] = {}
    for lv, plan in nav.venue.plans.items():
        ids = [b.code for b in plan.booths] + [a.id for a in plan.amenities] + \
              [k.id for k in plan.kiosks]
        places[lv] = ids
    # routes on one level: Hall 2's two levels (the show's), elsewhere the first two
    hall2 = [lv for lv in ("H2-1F", "H2-4F") if lv in places] or \
        [lv for lv in places if places[lv]][:2]
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
        _edit_row(nav, router, hall2, rng),
    ]
    rows.append({"name": "route_build_venue", "n": 1, "p50_ms": round(build_ms, 1),
                 "p95_ms": round(build_ms, 1), "budget_ms": None, **routable})
    rows.append(turns_row(nav, router, {lv: places[lv] for lv in hall2}))
    return rows


def _edit_row(nav: Navigator, router: Router, levels: list[str], rng: random.Random
              ) -> dict[str, Any]:
    """``route_rebuild_level after an edit``: one booth moved 1 m along its aisle (and
    back, every other time, so the plan ends as it began), then its level rebuilt."""
    from dataclasses import replace

    import shapely.affinity

    edits = []
    for lv in levels:
        plan = nav.venue.plans[lv]
        if not plan.booths:
            continue
        k = rng.randrange(len(plan.booths))
        booth = plan.booths[k]
        moved = replace(booth, polygon=shapely.affinity.translate(booth.polygon, 1.0, 0.0))
        edits.extend([(lv, plan, k, moved), (lv, plan, k, booth)] * 3)

    def edit(lv, plan, k, to):
        plan.booths[k] = to
        router.rebuild_level(lv)

    return measure("route_rebuild_level after an edit",
                   [lambda e=e: edit(*e) for e in edits], warmup=0,
                   budget_ms=budgets_for("scse")["route_rebuild_level"])


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
