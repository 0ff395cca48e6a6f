"""The window's part of ``exponav selftest``: open it offscreen at 1920 x 1080, search,
choose a result, look at the pixels, switch language, and save a screenshot."""

from __future__ import annotations

import os
import time

from exponav.diagnostics.driving import wait_until

__all__ = ["ui_checks"]


def ui_checks(checks, nav, *, screenshot: str | None = None,
              kiosk: str | None = None) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from exponav.ui.app import make_app

    app = make_app()
    state: dict = {}

    def font() -> str:
        from exponav.ui.common.fonts import cjk_family

        family = cjk_family()
        if family is None:
            raise RuntimeError("no CJK font found; Chinese names will show as boxes "
                               "(on Linux install fonts-noto-cjk)")
        return family

    checks.run("CJK font", font, warning_only=True)

    def window() -> str:
        from exponav.ui.visitor.main_window import MainWindow

        t0 = time.perf_counter()
        w = MainWindow(nav, lang="en")
        painted: list[float] = []
        w.view.first_painted.connect(lambda: painted.append(time.perf_counter()))
        w.resize(1920, 1080)
        w.show()
        if not wait_until(app, lambda: bool(painted)):
            raise RuntimeError("the map was never painted")
        state["window"] = w
        return (f"{w.width()}x{w.height()}, {len(nav.venue.levels)} levels, first frame in "
                f"{(painted[0] - t0) * 1000:.0f} ms after the window was created")

    if not checks.run("window opens offscreen", window):
        return
    w = state["window"]

    def search() -> str:
        query = "中華電信"
        if not any(h.kind == "exhibitor" for h in nav.search(query)):
            first = next(iter(nav.show.exhibitors.values()))
            query = first.name
        w.search.field.setFocus()
        w.search.field.setText(query)  # through the debounce and the search thread
        if not wait_until(app, lambda: not w.search.is_searching()):
            raise RuntimeError(f"no answer for {query!r} within 5 s")
        rows = [r for r in w.search.rows if r.kind == "exhibitor"]
        if not rows:
            raise AssertionError(f"{query!r} listed no exhibitor: {w.search.rows[:3]}")
        state["row"] = rows[0]
        return f"{query} -> {len(w.search.rows)} rows, first {rows[0].title} ({rows[0].subtitle})"

    if not checks.run("search as you type", search):
        return

    def choose() -> str:
        row = state["row"]
        w.choose_entry(row)
        w.view.finish_flight()
        app.processEvents()
        info = nav.booth(row.booths[0])
        if w.level not in {nav.booth(c).level for c in row.booths}:
            raise AssertionError(f"the map shows {w.level}, not the level of {row.booths[0]}")
        scene = w.current_scene()
        if not scene.highlighted_codes:
            raise AssertionError("nothing is highlighted")
        if w.stack.currentWidget() is not w.card or w.card.subject is None \
                or w.card.subject.id != row.id:
            raise AssertionError("the exhibitor card did not open")
        state["booth"] = info
        return (f"{row.title}: level {w.level}, {len(scene.highlighted_codes)} booth(s) lit, "
                "card open")

    if not checks.run("choosing a result", choose):
        return

    def pixels() -> str:
        from exponav.ui.common.convert import to_scene
        from exponav.ui.common.palette import MAP

        codes = w.current_scene().highlighted_codes
        image = w.view.viewport().grab().toImage()
        hits = 0
        for code in codes:
            p = nav.booth(code).booth.polygon.representative_point()
            v = w.view.mapFromScene(to_scene(p.x, p.y))
            if not (0 <= v.x() < image.width() and 0 <= v.y() < image.height()):
                continue
            # sample a small ring around the point: labels may sit right on it
            for dx, dy in ((-6, -6), (6, -6), (-6, 6), (6, 6)):
                c = image.pixelColor(v.x() + dx, v.y() + dy)
                if abs(c.red() - MAP.highlight.red()) + abs(c.green() - MAP.highlight.green()) \
                        + abs(c.blue() - MAP.highlight.blue()) < 40:
                    hits += 1
                    break
        if not hits:
            raise AssertionError("the highlight colour is not where the booth is")
        return f"highlight drawn on {hits} of {len(codes)} booth(s) in view"

    checks.run("highlight on screen", pixels)

    def language() -> str:
        before = w.search.field.placeholderText()
        w.set_language("zh-Hant")
        app.processEvents()
        after = w.search.field.placeholderText()
        title = w.card.labels.get("name")
        name_zh = title.text() if title is not None else ""
        w.set_language("en")
        app.processEvents()
        if after == before:
            raise AssertionError("switching to 繁體中文 left the interface in English")
        return f"{before!r} -> {after!r}; card title {name_zh!r}"

    checks.run("language switch", language)

    def route() -> str:
        from exponav.ui.common.convert import to_scene
        from exponav.ui.map.items.route import ROUTE_COLOUR, RouteLineItem

        kiosks = [k.id for p in nav.venue.plans.values() for k in p.kiosks]
        here = kiosk if kiosk in kiosks else (kiosks[0] if kiosks else None)
        if here is None:
            return "no kiosk in this venue: skipped"
        level = nav.place(here).level
        target = next(b.code for b in nav.venue.plans[level].booths)
        t0 = time.perf_counter()
        w.set_here(here)
        w.route_to(target)
        if not wait_until(app, lambda: w.routes.route is not None or
                     w.routes.panel.status.isVisible(), timeout=5.0):
            raise RuntimeError(f"no route from {here} to {target} within 5 s")
        if w.routes.route is None:
            raise AssertionError(w.routes.panel.status.text())
        w.view.finish_flight()
        app.processEvents()
        lines = [i for i in w.current_scene().route_items if isinstance(i, RouteLineItem)]
        if w.level != level or not lines or not w.routes.panel.steps():
            raise AssertionError("the route is not drawn on its level with its directions")
        image = w.view.viewport().grab().toImage()
        dpr = image.devicePixelRatio()
        coords = lines[0].coords
        (x0, y0), (x1, y1) = max(zip(coords[:-1], coords[1:], strict=False),
                                 key=lambda ab: (ab[1][0] - ab[0][0]) ** 2
                                 + (ab[1][1] - ab[0][1]) ** 2)
        seen = []
        for t in (0.35, 0.5, 0.65):  # on the longest stretch, clear of the end markers
            v = w.view.mapFromScene(to_scene(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            c = image.pixelColor(round(v.x() * dpr), round(v.y() * dpr))
            seen.append(abs(c.red() - ROUTE_COLOUR.red()) + abs(c.green() - ROUTE_COLOUR.green())
                        + abs(c.blue() - ROUTE_COLOUR.blue()) <= 60)
        if sum(seen) < 2:
            raise AssertionError("the route's colour is not on screen along the route")
        detail = (f"{here} -> {target}: {w.routes.route.length_m:.0f} m drawn, "
                  f"{len(w.routes.panel.steps())} steps, "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
        w.clear_route()  # back to the chosen exhibitor for the screenshot
        w.set_here(None)
        w.choose_entry(state["row"])
        return detail

    checks.run("route drawn", route)

    def shot() -> str:
        if not screenshot:
            return "no --screenshot given"
        w.view.finish_flight()
        app.processEvents()
        image = w.grab().toImage()
        if image.isNull() or not image.save(screenshot):
            raise RuntimeError(f"could not write {screenshot}")
        return f"saved {screenshot} ({image.width()}x{image.height()})"

    if not kiosk:
        checks.run("screenshot", shot)
    w.close()
    w.deleteLater()
    app.processEvents()
