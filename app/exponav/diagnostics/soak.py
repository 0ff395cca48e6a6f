"""``exponav bench --soak N``: a kiosk driven through N scripted interactions, offscreen.

A kiosk stands for four days and serves thousands of visitors; what a test never sees
there is slow growth. The soak opens a kiosk window (as ``exponav gui --kiosk`` does,
offscreen, with a PDF file for its printer) and repeats what visitors do, one
interaction at a time, in a fixed pseudo-random order: search as they type, choose a
result, ask for a route, add stops to a visit, print the visit, scan a visit's QR
line, tap a service on the home screen, browse the A–Z directory (filters, a tap to a
card), open the programme (a day, a session, the way there or into the visit), type in
zhuyin, turn accessibility mode on and off, switch language, and walk away (the idle
reset).
It returns one bench row::

    {"name": "soak", "n": 10000, "rss_start_mb": …, "rss_end_mb": …, "errors": 0, …}

``rss_start_mb`` is measured after a warm-up of :data:`WARMUP` interactions (the first
routes build the walking graphs, the other levels' drawings are made, the first prints
load fonts, each language is loaded once; ``rss_open_mb`` is before any), ``rss_end_mb``
after the last interaction; the budget is 20 MB of growth over 10,000 interactions and no error.
An error is an exception from an interaction (or from a Qt slot during it) or an
interaction that did not finish within its time limit.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exponav.diagnostics.budgets import SOAK_GROWTH_MB

__all__ = ["WARMUP", "rss_mb", "run_soak"]

WARMUP = 200
KIOSK = "K-H2-1F-1"


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux: now; elsewhere: the peak)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, AttributeError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def _settle(app) -> None:
    """Handle pending events, and the deletions that ``deleteLater`` asked for: with no
    running event loop (the soak drives Qt by hand) processEvents alone never does them,
    and memory would seem to leak where the kiosk's own loop frees it."""
    from PySide6.QtCore import QEvent

    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _wait(app, done: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.001)
    _settle(app)
    return True


class _Script:
    """The interactions, each a method that raises on failure."""

    def __init__(self, kiosk, app, rng: random.Random) -> None:
        self.k = kiosk
        self.w = kiosk.navigator
        self.nav = kiosk.nav
        self.app = app
        self.rng = rng
        names = [e.name for e in self.nav.show.exhibitors.values()]
        names_zh = [e.name_zh for e in self.nav.show.exhibitors.values() if e.name_zh]
        self.queries = (["chunghwa", "中華", "toilet", "s1024", "q0210", "5G", "food", "電信",
                         "cyber", "japan", "廁所", "exit"]
                        + [n[:self.rng.randint(3, 8)] for n in self.rng.sample(names, 40)]
                        + [n[:2] for n in self.rng.sample(names_zh, 20)])
        self.booths = sorted({c for e in self.nav.show.exhibitors.values() for c in e.booths})
        self.steps: list[tuple[str, Callable[[], None]]] = [
            ("search", self.search), ("select", self.select), ("route", self.route),
            ("add stops", self.add_stops), ("print", self.print_visit), ("search", self.search),
            ("select", self.select), ("service", self.service), ("scan", self.scan),
            ("directory", self.directory), ("programme", self.programme),
            ("zhuyin", self.zhuyin), ("accessibility", self.accessibility),
            ("language", self.language), ("idle reset", self.idle_reset),
        ]

    def _ok(self, done: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
        if not _wait(self.app, done, timeout):
            raise TimeoutError(f"{what} did not finish within {timeout:g} s")

    def search(self) -> None:
        self.k.open_search()
        text = self.rng.choice(self.queries)
        for i in range(1, len(text) + 1):  # as typed, key by key, with the debounce
            self.w.search.field.setText(text[:i])
        self.w.search.search_now(text)
        self._ok(lambda: not self.w.search.is_searching(), f"search {text!r}")

    def select(self) -> None:
        rows = [r for r in self.w.search.rows if r.kind != "header"]
        if rows:
            self.w.search.choose(self.rng.randrange(min(3, len(rows))))
        else:
            self.w.map_clicked(self.w.view.mapToScene(self.w.view.viewport().rect().center()))
        self.w.view.finish_flight()

    def route(self) -> None:
        self.k.go_navigator()
        self.w.route_to(self.rng.choice(self.booths), step_free=self.rng.random() < 0.2)
        routes = self.w.routes
        self._ok(lambda: routes.route is not None or routes._pending == 0, "route")

    def add_stops(self) -> None:
        for code in self.rng.sample(self.booths, self.rng.randint(1, 3)):
            self.w.visit.add(code)

    def print_visit(self) -> None:
        if self.w.visit.is_empty():
            self.add_stops()
        if not self.k.print_visit():
            raise RuntimeError("the visit did not print")
        self.k.printed.hide()

    def service(self) -> None:
        self.k.go_home()
        category = self.rng.choice(["toilet", "exit", "information", "food",
                                    "toilet.accessible", "firstaid"])
        self.k.home.service_buttons[category].click()
        routes = self.w.routes
        self._ok(lambda: routes._pending == 0, f"way to {category}")

    def scan(self) -> None:
        from exponav.diagnostics.driving import type_at_window

        stops = self.rng.sample(self.booths, self.rng.randint(1, 4))
        line = self.nav.itinerary(KIOSK, stops, "10:00", optimise=False
                                  ).qr_payload.splitlines()[-1]
        loaded: list[bool] = []
        self.k.visit_scanned.connect(loaded.append)
        try:
            type_at_window(self.k, line)
            self._ok(lambda: bool(loaded), "scan")
        finally:
            self.k.visit_scanned.disconnect(loaded.append)
        if not loaded[0]:
            raise RuntimeError(f"the scanned line {line!r} was not loaded")

    def directory(self) -> None:
        self.k.go_home()
        self.k.home.directory_button.click()
        d = self.k.directory
        facet = self.rng.choice(["country", "pavilion", "theme", "level"])
        counts = d.counts(facet)
        if counts:
            d.toggle_facet(facet)
            d.option_buttons[self.rng.choice(sorted(counts))].click()
        rows = d.exhibitor_rows()
        if not rows:
            raise RuntimeError(f"the directory listed nobody after choosing a {facet}")
        d.jump_to(self.rng.choice([r.id for r in d.rows if r.kind == "header"]))
        chosen = self.rng.choice(rows)
        d.exhibitor_chosen.emit(chosen.id)
        if self.k.page() != "navigator" or self.w.card.subject is None \
                or self.w.card.subject.id != chosen.id:
            raise RuntimeError(f"tapping {chosen.id} in the directory did not open its card")
        self.w.view.finish_flight()
        if self.rng.random() < 0.5:
            d.clear_filters()

    def programme(self) -> None:
        self.k.go_home()
        self.k.home.programme_button.click()
        p = self.k.programme
        p.set_day(self.rng.choice(p.days))
        sessions = p.day_sessions()
        if not sessions:
            return
        p.open_session(self.rng.choice(sessions))
        if self.rng.random() < 0.5:
            p.visit_button.click()
            if self.w.visit.is_empty():
                raise RuntimeError("adding a session to the visit added nothing")
        else:
            p.way_button.click()
            routes = self.w.routes
            self._ok(lambda: routes._pending == 0, "the way to a session")

    def zhuyin(self) -> None:
        self.k.open_search()
        kb = self.k.keyboard
        if kb is None:
            return
        kb.target = self.w.search.field  # as if focused (offscreen windows are never active)
        kb.set_chinese(True)
        for ch in self.rng.choice(["ㄓㄨㄥ", "ㄊㄞˊ", "ㄓㄏ", "ㄉㄧㄢˋ", "ㄍㄨㄛˊ"]):
            kb.keys[f"zy:{ch}"].click()
        if kb.candidates():
            kb.choose_candidate(0)
        self._ok(lambda: not self.w.search.is_searching(), "a zhuyin search")

    def accessibility(self) -> None:
        button = self.rng.choice(self.k.access_buttons())
        button.click()
        if self.rng.random() < 0.5:
            self.k.set_accessible(False)

    def language(self) -> None:
        self.k.set_language(self.rng.choice(["zh-Hant", "id", "en"]))

    def idle_reset(self) -> None:
        self.k._dirty = True
        self.k._idle_timeout()  # as after 90 s untouched
        self.k.countdown.timer.stop()
        self.k.countdown.finished.emit()  # the countdown ran out
        self.k.countdown.hide()
        if self.k.has_visitor_state():
            raise RuntimeError("the idle reset left visitor state behind")


def run_soak(n: int, data: str | Path | None = None, *, seed: int = 2025,
             progress: Callable[[int, float], None] | None = None) -> dict[str, Any]:
    """Drive ``n`` scripted interactions on an offscreen kiosk; one bench row."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.kiosk.window import KioskTimings, KioskWindow

    app = make_app()
    nav = Navigator.open(data)
    folder = tempfile.TemporaryDirectory(prefix="exponav-soak-")
    settings = KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{Path(folder.name) / 'soak.pdf'}")
    kiosk = KioskWindow(settings, nav, timings=KioskTimings(idle_ms=3_600_000),
                        save=lambda s: None)
    kiosk.resize(1920, 1080)
    kiosk.show_kiosk(full_screen=False)
    _wait(app, lambda: kiosk.navigator.view.isVisible(), 5.0)
    script = _Script(kiosk, app, random.Random(seed))

    slot_errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: slot_errors.append(f"{kind.__name__}: {value}")
    errors: list[str] = []
    warmup = min(WARMUP, n)
    rss_open = rss_start = rss_mb()
    t0 = time.perf_counter()
    try:
        for i in range(n):
            if i == warmup:
                gc.collect()
                rss_start = rss_mb()
            name, step = script.steps[i % len(script.steps)]
            before = len(slot_errors)
            try:
                step()
            except Exception as e:  # noqa: BLE001 - counted, and the soak goes on
                errors.append(f"{i} {name}: {type(e).__name__}: {e}")
            _settle(app)
            errors.extend(f"{i} {name}: {m}" for m in slot_errors[before:])
            if progress is not None and (i + 1) % 500 == 0:
                progress(i + 1, rss_mb())
        gc.collect()
        app.processEvents()
        rss_end = rss_mb()
    finally:
        sys.excepthook = hook
        kiosk.unlocked = True
        kiosk.close()
        kiosk.deleteLater()
        app.processEvents()
        folder.cleanup()
    return {"name": "soak", "n": n, "rss_start_mb": round(rss_start, 1),
            "rss_end_mb": round(rss_end, 1), "errors": len(errors),
            "growth_mb": round(rss_end - rss_start, 1), "budget_mb": SOAK_GROWTH_MB,
            "warmup": warmup, "rss_open_mb": round(rss_open, 1), "seconds": round(time.perf_counter() - t0, 1),
            "first_errors": errors[:5]}
