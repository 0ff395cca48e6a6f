"""The window's part of ``exponav selftest``: open it offscreen at 1920 x 1080 (or the
logical size of the ``--screen``), search, choose a result, look at the pixels (device
pixels: a screen at a pixel ratio of 2 has four for each logical one), switch language,
and save a screenshot."""

from __future__ import annotations

import os
import time
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from exponav.diagnostics.driving import wait_until

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["WindowChecks", "ui_checks"]


def ui_checks(checks, nav: Navigator, *, screenshot: str | None = None,
              kiosk: str | None = None, size: tuple[int, int] = (1920, 1080)) -> None:
    """Run the window's checks in order on ``checks``; a check the next ones build on stops
    the run when it fails. With ``kiosk`` the route starts there and the kiosk's own
    screenshot replaces the window's."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exponav.ui.common.application import make_app

    c = WindowChecks(make_app(), nav, screenshot=screenshot, kiosk=kiosk, size=size)
    checks.run("CJK font", c.font)
    for name, check in (("window opens offscreen", c.window),
                        ("search as you type", c.search),
                        ("choosing a result", c.choose)):
        if not checks.run(name, check):
            return
    checks.run("highlight on screen", c.highlight)
    checks.run("language switch", c.language)
    checks.run("route drawn", c.route)
    if not kiosk:
        checks.run("screenshot", c.screenshot)
    c.close()


def _chinese_names(nav: Navigator):
    """Every Chinese text of the show and the venue (names, titles, descriptions)."""
    show, venue = nav.show, nav.venue
    items = [show.show, venue, *show.categories.values(), *show.exhibitors.values(),
             *show.sessions, *venue.levels.values(), *venue.connectors]
    for plan in venue.plans.values():
        items += [*plan.zones, *plan.amenities, *plan.openings]
    for item in items:
        for f in fields(item):
            if f.name.endswith("_zh"):
                yield getattr(item, f.name) or ""


def _near(colour: Any, wanted: Any) -> int:
    """How far apart two colours are: the sum of their channels' differences."""
    return (abs(colour.red() - wanted.red()) + abs(colour.green() - wanted.green())
            + abs(colour.blue() - wanted.blue()))


class WindowChecks:
    """The checks on one visitor window; each returns the line the report shows, or raises.

    They run in order: :meth:`window` opens the window the others drive, :meth:`search`
    finds the result that :meth:`choose` opens and the later checks look at.
    """

    def __init__(self, app: Any, nav: Navigator, *, screenshot: str | None = None,
                 kiosk: str | None = None, size: tuple[int, int] = (1920, 1080)) -> None:
        self.app = app
        self.size = size
        self.nav = nav
        self.shot_path = screenshot
        self.kiosk = kiosk
        self.w: Any = None
        self.row: Any = None

    def font(self) -> str:
        """The shipped Chinese font is loaded and writes every Chinese name of the show."""
        from exponav.core import paths
        from exponav.diagnostics.checks import CheckWarning
        from exponav.ui.common.fonts import (
            SHIPPED_FAMILY,
            cjk_families,
            missing_characters,
            shipped_fonts,
        )

        shipped, families = shipped_fonts(), cjk_families()
        if not shipped:
            where = paths.assets_dir() / "fonts"
            if not families:
                raise RuntimeError(f"{SHIPPED_FAMILY} did not load from {where} and the "
                                   "system has no CJK font: Chinese names show as boxes")
            raise CheckWarning(f"{SHIPPED_FAMILY} did not load from {where}; Chinese names "
                               f"are written in the system's {families[0]}")
        names = "".join(_chinese_names(self.nav))
        chars = {c for c in names if not c.isspace()}
        what = (f"{SHIPPED_FAMILY} {'/'.join(f.style for f in shipped)}, shipped in "
                f"{shipped[0].path.parent}")
        lacking = missing_characters(names)
        if lacking:
            fallback = (f"drawn in the system's {families[1]}" if len(families) > 1
                        else "boxes: the system has no CJK font")
            raise CheckWarning(f"{what}, lacks {len(lacking)} of the {len(chars)} characters "
                               f"of the show's Chinese names ({lacking[:12]}: {fallback}); "
                               "tools/subset_fonts.py adds them")
        return f"{what}: all {len(chars)} characters of the show's Chinese names"

    def window(self) -> str:
        from exponav.ui.visitor.main_window import MainWindow

        t0 = time.perf_counter()
        w = MainWindow(self.nav, lang="en")
        painted: list[float] = []
        w.view.first_painted.connect(lambda: painted.append(time.perf_counter()))
        w.resize(*self.size)
        w.show()
        if not wait_until(self.app, lambda: bool(painted)):
            raise RuntimeError("the map was never painted")
        self.w = w
        return (f"{w.width()}x{w.height()}, {len(self.nav.levels)} levels, first frame in "
                f"{(painted[0] - t0) * 1000:.0f} ms after the window was created")

    def search(self) -> str:
        w, nav = self.w, self.nav
        query = "中華電信"
        if not any(h.kind == "exhibitor" for h in nav.search(query)):
            first = next(iter(nav.show.exhibitors.values()))
            query = first.name
        w.search.field.setFocus()
        w.search.field.setText(query)  # through the debounce and the search thread
        if not wait_until(self.app, lambda: not w.search.is_searching()):
            raise RuntimeError(f"no answer for {query!r} within 5 s")
        rows = [r for r in w.search.rows if r.kind == "exhibitor"]
        if not rows:
            raise AssertionError(f"{query!r} listed no exhibitor: {w.search.rows[:3]}")
        self.row = rows[0]
        return f"{query} -> {len(w.search.rows)} rows, first {rows[0].title} ({rows[0].subtitle})"

    def choose(self) -> str:
        w, nav, row = self.w, self.nav, self.row
        w.choose_entry(row)
        w.view.finish_flight()
        self.app.processEvents()
        if w.level not in {nav.booth(c).level for c in row.booths}:
            raise AssertionError(f"the map shows {w.level}, not the level of {row.booths[0]}")
        scene = w.current_scene()
        if not scene.highlighted_codes:
            raise AssertionError("nothing is highlighted")
        if w.stack.currentWidget() is not w.card or w.card.subject is None \
                or w.card.subject.id != row.id:
            raise AssertionError("the exhibitor card did not open")
        return (f"{row.title}: level {w.level}, {len(scene.highlighted_codes)} booth(s) lit, "
                "card open")

    def highlight(self) -> str:
        from exponav.ui.common.convert import to_scene
        from exponav.ui.common.palette import MAP

        w = self.w
        codes = w.current_scene().highlighted_codes
        image = w.view.viewport().grab().toImage()
        dpr = image.devicePixelRatio()  # the grab is in device pixels
        hits = 0
        for code in codes:
            p = self.nav.booth(code).booth.polygon.representative_point()
            v = w.view.mapFromScene(to_scene(p.x, p.y))
            # sample a small ring around the point: labels may sit right on it
            ring = [(round((v.x() + dx) * dpr), round((v.y() + dy) * dpr))
                    for dx, dy in ((-6, -6), (6, -6), (-6, 6), (6, 6))]
            if any(0 <= x < image.width() and 0 <= y < image.height()
                   and _near(image.pixelColor(x, y), MAP.highlight) < 40 for x, y in ring):
                hits += 1
        if not hits:
            raise AssertionError("the highlight colour is not where the booth is")
        return (f"highlight drawn on {hits} of {len(codes)} booth(s) in view "
                f"(pixel ratio {dpr:g})")

    def language(self) -> str:
        w = self.w
        before = w.search.field.placeholderText()
        w.set_language("zh-Hant")
        self.app.processEvents()
        after = w.search.field.placeholderText()
        title = w.card.labels.get("name")
        name_zh = title.text() if title is not None else ""
        w.set_language("en")
        self.app.processEvents()
        if after == before:
            raise AssertionError("switching to 繁體中文 left the interface in English")
        return f"{before!r} -> {after!r}; card title {name_zh!r}"

    def route(self) -> str:
        kiosks = [k.id for k in self.nav.kiosks()]
        here = self.kiosk if self.kiosk in kiosks else (kiosks[0] if kiosks else None)
        if here is None:
            return "no kiosk in this venue: skipped"
        level = self.nav.place(here).level
        target = self.nav.level_plan(level).booths[0].code
        t0 = time.perf_counter()
        self._route_on_screen(self._route_shown(here, target, level))
        w = self.w
        detail = (f"{here} -> {target}: {w.routes.route.length_m:.0f} m drawn, "
                  f"{len(w.routes.panel.steps())} steps, "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
        w.clear_route()  # back to the chosen exhibitor for the screenshot
        w.set_here(None)
        w.choose_entry(self.row)
        return detail

    def _route_shown(self, here: str, target: str, level: str) -> Any:
        """Ask for the way from ``here`` to ``target``: it is drawn on its level, with steps;
        returns its first line on the map."""
        from exponav.ui.map.items.route import RouteLineItem

        w = self.w
        w.set_here(here)
        w.route_to(target)
        if not wait_until(self.app, lambda: w.routes.route is not None or
                          w.routes.panel.status.isVisible(), timeout=5.0):
            raise RuntimeError(f"no route from {here} to {target} within 5 s")
        if w.routes.route is None:
            raise AssertionError(w.routes.panel.status.text())
        w.view.finish_flight()
        self.app.processEvents()
        lines = [i for i in w.current_scene().route_items if isinstance(i, RouteLineItem)]
        if w.level != level or not lines or not w.routes.panel.steps():
            raise AssertionError("the route is not drawn on its level with its directions")
        return lines[0]

    def _route_on_screen(self, line: Any) -> None:
        """The route's colour is on the screen along the line's longest stretch."""
        from exponav.ui.common.convert import to_scene
        from exponav.ui.map.items.route import ROUTE_COLOUR

        w = self.w
        image = w.view.viewport().grab().toImage()
        dpr = image.devicePixelRatio()
        coords = line.coords
        (x0, y0), (x1, y1) = max(zip(coords[:-1], coords[1:], strict=False),
                                 key=lambda ab: (ab[1][0] - ab[0][0]) ** 2
                                 + (ab[1][1] - ab[0][1]) ** 2)
        seen = []
        for t in (0.35, 0.5, 0.65):  # on the longest stretch, clear of the end markers
            v = w.view.mapFromScene(to_scene(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            c = image.pixelColor(round(v.x() * dpr), round(v.y() * dpr))
            seen.append(_near(c, ROUTE_COLOUR) <= 60)
        if sum(seen) < 2:
            raise AssertionError("the route's colour is not on screen along the route")

    def screenshot(self) -> str:
        if not self.shot_path:
            return "no --screenshot given"
        w = self.w
        w.view.finish_flight()
        self.app.processEvents()
        image = w.grab().toImage()
        if image.isNull() or not image.save(self.shot_path):
            raise RuntimeError(f"could not write {self.shot_path}")
        return f"saved {self.shot_path} ({image.width()}x{image.height()})"

    def close(self) -> None:
        self.w.close()
        self.w.deleteLater()
        self.app.processEvents()
