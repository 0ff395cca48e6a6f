"""``exponav selftest --kiosk ID``: the kiosk checks, offscreen at 1920 x 1080 (or the
logical size of the ``--screen``).

The kiosk opens on its home screen with the map heading-up at its place, laid out for
the screen's shape; focusing the search field shows a keyboard (ours, or Qt's with a real
size on screen), whole on the screen; the quitting keys and a close do nothing; a
scanned visit line loads; the idle countdown clears what a visitor did; and, with
``--screenshot PNG``, the home screen is saved there (and beside it the navigator with a
route, ``<name>-route.png``; with the keyboard up, ``<name>-keyboard.png``; the
directory and the programme, ``<name>-directory.png`` and ``<name>-programme.png``; the
home screen in Chinese and Indonesian, ``<name>-zh-Hant.png`` and ``<name>-id.png``; and
in accessibility mode, ``<name>-access.png``). The directory lists everyone and a tap
opens a card; the programme has its days and a session's card; each language changes
the home screen's words; accessibility mode brings the controls down and makes routes
step-free. The user's kiosk settings are read but never written.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.diagnostics.driving import type_at_window, wait_until

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["KioskChecks", "kiosk_checks"]


def kiosk_checks(checks, nav: Navigator, kiosk_id: str, screenshot: str | None = None,
                 keyboard: str = "builtin", size: tuple[int, int] = (1920, 1080)) -> None:
    """Run the kiosk's checks in order on ``checks``; if the kiosk does not open, none
    of the others runs. ``keyboard`` is the one chosen for it (``qt`` or ``builtin``)."""
    from PySide6.QtWidgets import QApplication

    c = KioskChecks(QApplication.instance(), nav, kiosk_id, screenshot, keyboard, size)
    if not checks.run("kiosk opens", c.opens):
        c.shutdown()
        return
    checks.run("kiosk map heading-up", c.heading)
    checks.run("kiosk keyboard", c.keyboard)
    checks.run("kiosk stays put", c.locked)
    checks.run("kiosk scanner", c.scanned)
    checks.run("kiosk way to a service", c.way_to_service)
    checks.run("kiosk directory", c.directory)
    checks.run("kiosk programme", c.programme)
    checks.run("kiosk languages", c.languages)
    checks.run("kiosk accessibility", c.accessibility)
    checks.run("kiosk idle reset", c.idle)
    checks.run("kiosk screenshot", c.screenshot)
    c.close()


class KioskChecks:
    """The checks on one kiosk window; each returns the line the report shows, or raises.

    :meth:`opens` makes the window the others drive.
    """

    def __init__(self, app: Any, nav: Navigator, kiosk_id: str,
                 screenshot: str | None = None, keyboard: str = "builtin",
                 size: tuple[int, int] = (1920, 1080)) -> None:
        self.app = app
        self.size = size
        self.nav = nav
        self.kiosk_id = kiosk_id
        self.shot_path = screenshot
        self.keyboard_kind = keyboard
        self.k: Any = None

    def opens(self) -> str:
        from exponav.core.io.kiosk_config import KioskConfigError, KioskSettings, load_settings
        from exponav.ui.kiosk.window import KioskTimings, KioskWindow

        try:
            settings = load_settings()
        except KioskConfigError:
            settings = KioskSettings()
        settings.kiosk_id = self.kiosk_id
        settings.language = "en"
        timings = KioskTimings(idle_ms=60_000, countdown_s=2, tick_ms=20)
        k = KioskWindow(settings, self.nav, timings=timings, save=lambda s: None,
                        keyboard=self.keyboard_kind)
        self.k = k
        if k.problem:
            raise AssertionError(f"out of service: {k.problem}")
        k.resize(*self.size)
        k.show_kiosk(full_screen=False)
        wait_until(self.app, lambda: k.navigator.view.isVisible(), 2.0)
        if k.page() != "home":
            raise AssertionError(f"the kiosk opened on {k.page()}, not its home screen")
        dpr = k.devicePixelRatioF()
        return (f"{k.kiosk_id} on {k.kiosk.level}, home screen, {k.width()}x{k.height()} "
                f"({round(k.width() * dpr)}x{round(k.height() * dpr)} pixels), "
                f"{k.screen_layout.name} layout")

    def keyboard(self) -> str:
        """Focusing the search field shows a keyboard a visitor can use, whole on screen."""
        from PySide6.QtCore import QRect

        k = self.k
        k.open_search()
        # Qt's keyboard gets a moment to appear before the kiosk falls back to ours
        if not wait_until(self.app, k.keyboard_shown, 2.5):
            raise AssertionError(f"focusing the search field showed no keyboard "
                                 f"({k.keyboard_kind} keyboard)")
        detail = f"{k.keyboard_kind} keyboard shown"
        if k.keyboard is not None:
            kb = k.keyboard
            box = QRect(kb.mapTo(k, kb.rect().topLeft()), kb.size())
            if not k.rect().contains(box):
                raise AssertionError(f"the keyboard at {box} is cut by the screen")
            small = [n for n, key in kb.keys.items() if key.isVisibleTo(kb)
                     and (key.height() < 44 or key.width() < 36)]
            if small:
                raise AssertionError(f"keys too small to touch: {', '.join(small[:5])}")
            detail += f", {box.width()}x{box.height()} at the foot of the screen"
        else:  # Qt's keyboard: a window of its own, where Qt says it is
            from PySide6.QtGui import QGuiApplication

            box = QGuiApplication.inputMethod().keyboardRectangle()
            detail += f", {box.width():.0f}x{box.height():.0f} at y {box.top():.0f}"
        if self.shot_path:
            path = Path(self.shot_path)
            target = path.with_name(f"{path.stem}-keyboard{path.suffix or '.png'}")
            # the whole screen when the keyboard is a window of its own (a real display)
            screen = self.app.primaryScreen()
            if k.keyboard is None and screen is not None:
                wait_until(self.app, lambda: False, 0.5)  # both windows drawn on the display
                image = screen.grabWindow(0)
            else:
                image = k.grab()
            image.toImage().save(str(target))
            detail += f"; saved {target}"
        k._hide_keyboard()
        k.go_home()
        return detail

    def heading(self) -> str:
        from exponav.ui.common.convert import to_scene

        view, kiosk = self.k.navigator.view, self.k.kiosk
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
        return (f"heading-up {kiosk.heading_deg:g}°, 10 m ahead drawn "
                f"{here.y() - ahead.y()} px above")

    def locked(self) -> str:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        k = self.k
        handle = k.windowHandle()
        for key, mods in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
            QApplication.sendEvent(handle, QKeyEvent(QEvent.Type.KeyPress, key, mods))
        k.close()
        self.app.processEvents()
        if not k.isVisible():
            raise AssertionError("the kiosk window closed")
        return "Ctrl+Q, Ctrl+W, Alt+F4, Esc, F11 and close() left it open"

    def scanned(self) -> str:
        k, nav = self.k, self.nav
        owned = [c for e in nav.show.exhibitors.values() for c in e.booths][:2]
        it = nav.itinerary(k.kiosk_id, owned, "10:00")
        line = it.qr_payload.splitlines()[-1]
        owned = [s.place.id for s in it.stops]  # in the order planned
        loaded: list[bool] = []
        k.visit_scanned.connect(loaded.append)
        k.navigator.view.setFocus()
        type_at_window(k, line)
        if not wait_until(self.app, lambda: bool(loaded), 3.0) or not loaded[0]:
            raise AssertionError(f"the scanned line {line!r} was not loaded")
        if k.navigator.visit.place_ids() != owned:
            raise AssertionError(f"visit {k.navigator.visit.place_ids()} after scanning {owned}")
        return f"{line} -> {len(owned)} stops"

    def way_to_service(self) -> str:
        k = self.k
        toilet = next((a.id for a in self.nav.level_plan(k.kiosk.level).amenities
                       if a.category == "toilet"), None)
        k.show_service("toilet")
        wait_until(self.app, lambda: k.navigator.routes.route is not None, 5.0)
        k.navigator.view.finish_flight()
        self.app.processEvents()
        if not self.shot_path:
            return f"way to the nearest toilet shown (e.g. {toilet})"
        path = Path(self.shot_path)
        target = path.with_name(f"{path.stem}-route{path.suffix or '.png'}")
        k.grab().toImage().save(str(target))
        return f"saved {target}"

    def idle(self) -> str:
        k = self.k
        k.navigator.search.field.setText("chunghwa")
        k._dirty = True
        k._idle_timeout()  # as if 90 s had passed untouched
        if not k.countdown.isVisible():
            raise AssertionError("no countdown after the idle time")
        if not wait_until(self.app, lambda: not k.countdown.isVisible(), 3.0):
            raise AssertionError("the countdown never ended")
        if k.has_visitor_state():
            raise AssertionError("the visitor's state survived the reset")
        return "countdown, then search, route, visit and page cleared; home screen"

    def _shot(self, suffix: str) -> str:
        """Save the kiosk as ``<name>-<suffix>.png`` beside the screenshot ("" without one)."""
        if not self.shot_path:
            return ""
        wait_until(self.app, lambda: False, 0.2)  # laid out and drawn as a visitor sees it
        path = Path(self.shot_path)
        target = path.with_name(f"{path.stem}-{suffix}{path.suffix or '.png'}")
        if not self.k.grab().toImage().save(str(target)):
            raise RuntimeError(f"could not write {target}")
        return f"; saved {target}"

    def directory(self) -> str:
        k = self.k
        k.home.directory_button.click()
        d = k.directory
        everyone = len(d.exhibitor_rows())
        if k.page() != "directory" or everyone < len(self.nav.show.exhibitors) * 0.9:
            raise AssertionError(f"the directory lists {everyone} exhibitors")
        counts = d.counts("country")
        country = max(counts, key=counts.get)
        d.toggle_facet("country")
        shot = self._shot("directory")
        d.option_buttons[country].click()
        if len(d.exhibitor_rows()) != counts[country]:
            raise AssertionError(f"{country} shows {len(d.exhibitor_rows())} of {counts[country]}")
        first = d.exhibitor_rows()[0]
        d.exhibitor_chosen.emit(first.id)
        if k.page() != "navigator" or k.navigator.card.subject.id != first.id:
            raise AssertionError(f"tapping {first.title} did not open its card")
        d.clear_filters()
        k.go_home()
        return (f"{everyone} exhibitors A–Z, {counts[country]} from {country}; "
                f"{first.title}'s card opens{shot}")

    def programme(self) -> str:
        k = self.k
        k.home.programme_button.click()
        p = k.programme
        sessions = p.day_sessions()
        if k.page() != "programme" or not sessions:
            raise AssertionError("the programme shows no session")
        shot = self._shot("programme")
        p.open_session(sessions[0])
        if not p.card_open() or not p.card_where.text():
            raise AssertionError("a session's card did not open with its place")
        p.reset()
        k.go_home()
        return f"{len(p.days)} days, {len(sessions)} sessions on {p.day}{shot}"

    def languages(self) -> str:
        k = self.k
        english = k.home.greeting.text()
        said = []
        for lang in ("zh-Hant", "id"):
            k.set_language(lang)
            words = k.home.greeting.text()
            if words == english:
                raise AssertionError(f"the home screen stayed in English for {lang}")
            said.append(f"{lang}: {words!r}{self._shot(lang)}")
        k.set_language("en")
        return "; ".join(said)

    def accessibility(self) -> str:
        k = self.k
        k.home.access.click()
        if not (k.accessible and k.navigator.routes.step_free):
            raise AssertionError("accessibility mode did not turn on with step-free routes")
        self.app.processEvents()
        shot = self._shot("access")
        k.set_accessible(False)
        return f"on: high contrast, large text, step-free, {k.screen_layout.name} layout{shot}"

    def screenshot(self) -> str:
        if not self.shot_path:
            return "no --screenshot given"
        self.app.processEvents()
        image = self.k.grab().toImage()
        if image.isNull() or not image.save(self.shot_path):
            raise RuntimeError(f"could not write {self.shot_path}")
        return f"saved {self.shot_path} ({image.width()}x{image.height()}, the home screen)"

    def shutdown(self) -> None:
        """Stop a kiosk that did not open properly (if it was made at all)."""
        if self.k is not None:
            self.k.shutdown()

    def close(self) -> None:
        self.k.unlocked = True
        self.k.close()
        self.k.deleteLater()
        self.app.processEvents()
