"""``exponav selftest --kiosk ID``: the kiosk checks, offscreen at 1920 x 1080.

The kiosk opens on its home screen with the map heading-up at its place; the quitting
keys and a close do nothing; a scanned visit line loads; the idle countdown clears what
a visitor did; and, with ``--screenshot PNG``, the home screen is saved there (and the
navigator with a route beside it, as ``<name>-route.png``). The user's kiosk settings
are read but never written.
"""

from __future__ import annotations

import math
from pathlib import Path

from exponav.diagnostics.driving import type_at_window, wait_until

__all__ = ["kiosk_checks"]


def kiosk_checks(checks, nav, kiosk_id: str, screenshot: str | None = None) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from exponav.core.io.kiosk_config import KioskConfigError, load_settings
    from exponav.ui.common.convert import to_scene
    from exponav.ui.kiosk.window import KioskTimings, KioskWindow

    app = QApplication.instance()
    state: dict = {}

    def opens() -> str:
        try:
            settings = load_settings()
        except KioskConfigError:
            from exponav.core.io.kiosk_config import KioskSettings

            settings = KioskSettings()
        settings.kiosk_id = kiosk_id
        settings.language = "en"
        timings = KioskTimings(idle_ms=60_000, countdown_s=2, tick_ms=20)
        k = KioskWindow(settings, nav, timings=timings, save=lambda s: None)
        state["kiosk"] = k
        if k.problem:
            raise AssertionError(f"out of service: {k.problem}")
        k.resize(1920, 1080)
        k.show_kiosk(full_screen=False)
        wait_until(app, lambda: k.navigator.view.isVisible(), 2.0)
        if k.page() != "home":
            raise AssertionError(f"the kiosk opened on {k.page()}, not its home screen")
        return f"{k.kiosk_id} on {k.kiosk.level}, home screen, {k.width()}x{k.height()}"

    if not checks.run("kiosk opens", opens):
        if "kiosk" in state:
            state["kiosk"].shutdown()
        return
    k = state["kiosk"]

    def heading() -> str:
        view, kiosk = k.navigator.view, k.kiosk
        if abs(view.heading() - kiosk.heading_deg % 360) > 1e-6:
            raise AssertionError(f"map turned to {view.heading()}°, kiosk faces "
                                 f"{kiosk.heading_deg}°")
        a = math.radians(kiosk.heading_deg)
        here = view.mapFromScene(to_scene(kiosk.point.x, kiosk.point.y))
        ahead = view.mapFromScene(to_scene(kiosk.point.x + 10 * math.sin(a),
                                           kiosk.point.y + 10 * math.cos(a)))
        if not (ahead.y() < here.y() - 5 and abs(ahead.x() - here.x()) <= 2):
            raise AssertionError(f"10 m ahead of the kiosk is drawn at {ahead}, the kiosk "
                                 f"at {here}: not straight above")
        return f"heading-up {kiosk.heading_deg:g}°, 10 m ahead drawn {here.y() - ahead.y()} px above"

    checks.run("kiosk map heading-up", heading)

    def locked() -> str:
        handle = k.windowHandle()
        for key, mods in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
            QApplication.sendEvent(handle, QKeyEvent(QEvent.Type.KeyPress, key, mods))
        k.close()
        app.processEvents()
        if not k.isVisible():
            raise AssertionError("the kiosk window closed")
        return "Ctrl+Q, Ctrl+W, Alt+F4, Esc, F11 and close() left it open"

    checks.run("kiosk stays put", locked)

    def scanned() -> str:
        if not hasattr(k.navigator, "load_visit_payload"):
            return "skipped: this window cannot load visits yet"
        owned = [c for e in nav.show.exhibitors.values() for c in e.booths][:2]
        it = nav.itinerary(k.kiosk_id, owned, "10:00")
        line = it.qr_payload.splitlines()[-1]
        owned = [s.place.id for s in it.stops]  # in the order planned
        loaded: list[bool] = []
        k.visit_scanned.connect(loaded.append)
        k.navigator.view.setFocus()
        type_at_window(k, line)
        if not wait_until(app, lambda: bool(loaded), 3.0) or not loaded[0]:
            raise AssertionError(f"the scanned line {line!r} was not loaded")
        if k.navigator.visit.place_ids() != owned:
            raise AssertionError(f"visit {k.navigator.visit.place_ids()} after scanning {owned}")
        return f"{line} -> {len(owned)} stops"

    checks.run("kiosk scanner", scanned)

    def route_shot() -> str:
        stage = next((a.id for p in nav.venue.plans.values() for a in p.amenities
                      if a.category == "toilet" and p.level.id == k.kiosk.level), None)
        k.show_service("toilet")
        if hasattr(k.navigator, "route_to"):
            wait_until(app, lambda: getattr(getattr(k.navigator, "routes", None), "route", 1) is not None,
                  5.0)
        k.navigator.view.finish_flight()
        app.processEvents()
        if not screenshot:
            return f"way to the nearest toilet shown (e.g. {stage})"
        path = Path(screenshot)
        target = path.with_name(f"{path.stem}-route{path.suffix or '.png'}")
        k.grab().toImage().save(str(target))
        return f"saved {target}"

    checks.run("kiosk way to a service", route_shot)

    def idle() -> str:
        k.navigator.search.field.setText("chunghwa")
        k._dirty = True
        k._idle_timeout()  # as if 90 s had passed untouched
        if not k.countdown.isVisible():
            raise AssertionError("no countdown after the idle time")
        if not wait_until(app, lambda: not k.countdown.isVisible(), 3.0):
            raise AssertionError("the countdown never ended")
        if k.has_visitor_state():
            raise AssertionError("the visitor's state survived the reset")
        return "countdown, then search, route, visit and page cleared; home screen"

    checks.run("kiosk idle reset", idle)

    def shot() -> str:
        if not screenshot:
            return "no --screenshot given"
        app.processEvents()
        image = k.grab().toImage()
        if image.isNull() or not image.save(screenshot):
            raise RuntimeError(f"could not write {screenshot}")
        return f"saved {screenshot} ({image.width()}x{image.height()}, the home screen)"

    checks.run("kiosk screenshot", shot)
    k.unlocked = True
    k.close()
    k.deleteLater()
    app.processEvents()
