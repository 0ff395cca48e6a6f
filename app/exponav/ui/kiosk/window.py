"""Kiosk mode: the navigator locked full screen on a show floor, for strangers, for days.

``exponav gui --kiosk K-H2-1F-1`` opens :class:`KioskWindow`, one frameless full-screen
window holding, one at a time:

* the home screen (:mod:`exponav.ui.kiosk.home`): search, services, themes, today's
  programme, languages;
* the navigator: the :class:`~exponav.ui.visitor.main_window.MainWindow` embedded under a bar
  with Home and "Print my visit", its map turned heading-up around "you are here";
* the out-of-service screen, when the data file is missing or damaged, or holds no such
  kiosk: a short apology for visitors and the reason for staff.

It locks itself with :class:`~exponav.ui.kiosk.guard.KioskGuard` (no quitting keys, no
shortcuts, menus or foreign dialogs; ``closeEvent`` refused until staff unlock it),
listens for a wedge QR scanner (:mod:`exponav.ui.kiosk.scanner`), types with an
on-screen keyboard (:mod:`exponav.ui.kiosk.keyboard`), and forgets each visitor: after
``idle_s`` untouched, a countdown of ``countdown_s``, then everything is cleared and the
home screen is back. Nothing a visitor enters is written anywhere. Staff leave by
holding the top-left corner for five seconds and giving the PIN (:mod:`.kiosk_staff`).

Printing goes to the kiosk's printer with no dialog; when the printer fails, the
visitor gets a friendly message and the visit's QR code on screen instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exponav.core.io.kiosk_config import KioskSettings, PinGuard, save_settings, settings_path
from exponav.core.model import Kiosk
from exponav.ui.common.assets import asset_path, icon
from exponav.ui.common.i18n import pick
from exponav.ui.common.palette import UI
from exponav.ui.kiosk.guard import HOLD_MS, KioskGuard
from exponav.ui.kiosk.home import HomeScreen, ShowClock, show_clock
from exponav.ui.kiosk.keyboard import ChinesePalette, TouchKeyboard
from exponav.ui.kiosk.overlays import CountdownOverlay, OutOfServiceScreen, PrintedOverlay
from exponav.ui.kiosk.scanner import MAX_GAP_MS, ScannerFilter
from exponav.ui.kiosk.staff import StaffPanel

__all__ = ["KioskTimings", "KioskWindow", "find_kiosk", "make_printer", "open_data", "run_kiosk"]


@dataclass(frozen=True)
class KioskTimings:
    """How long things take (tests make them short)."""

    idle_ms: int = 90_000
    countdown_s: int = 10
    tick_ms: int = 1000  # one second of the countdown
    hold_ms: int = HOLD_MS  # the staff corner press
    scanner_gap_ms: float = MAX_GAP_MS

    @classmethod
    def from_settings(cls, settings: KioskSettings) -> KioskTimings:
        return cls(idle_ms=round(settings.idle_s * 1000), countdown_s=round(settings.countdown_s))


def find_kiosk(nav, kiosk_id: str) -> Kiosk | None:
    """The kiosk with this id in the floor plans (case-insensitive), or None."""
    for plan in nav.venue.plans.values():
        for k in plan.kiosks:
            if k.id.upper() == kiosk_id.strip().upper():
                return k
    return None


def _log(message: str) -> None:
    """Staff-facing log: stderr, which a kiosk's service manager keeps."""
    print(f"exponav kiosk: {message}", file=sys.stderr, flush=True)


def make_printer(name: str):
    """The kiosk's QPrinter: ``""`` the system default, a printer name, or ``pdf:FILE``.
    Raises OSError with a sentence for staff when there is no such printer."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name.startswith("pdf:"):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(name[4:])
        return printer
    if name:
        printer.setPrinterName(name)
        if printer.printerName() != name:
            raise OSError(f"There is no printer named {name!r} on this machine.")
    elif printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        raise OSError("This machine has no printer (set one with `exponav kiosk set printer`).")
    if not printer.isValid():
        raise OSError(f"The printer {name or '(default)'} is not usable.")
    return printer


class KioskBar(QFrame):
    """Above the navigator: Home, where the kiosk stands, and printing the visit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(16)
        self.home = QPushButton(self)
        self.home.setObjectName("kioskBarButton")
        self.home.setIcon(icon("back", UI.ink, 28))
        self.home.setMinimumSize(180, 64)
        self.here = QLabel(self)
        self.here.setObjectName("kioskHere")
        self.print = QPushButton(self)
        self.print.setObjectName("kioskPrint")
        self.print.setMinimumSize(260, 64)
        for button in (self.home, self.print):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.home)
        row.addWidget(self.here, 1)
        row.addWidget(self.print)


class KioskWindow(QWidget):
    """See the module docstring. Give ``nav`` and ``kiosk_id`` (or ``problem``, the
    reason the kiosk is out of service); ``window`` may be a ready MainWindow."""

    visitor_reset = Signal()
    visit_scanned = Signal(bool)  # whether the scanned line was loaded
    left_kiosk = Signal()

    def __init__(self, settings: KioskSettings, nav=None, *, kiosk_id: str | None = None,
                 problem: str = "", window=None, stands=None,
                 timings: KioskTimings | None = None, keyboard: str = "builtin",
                 clock: ShowClock | None = None,
                 save: Callable[[KioskSettings], Any] | None = None) -> None:
        flags = Qt.WindowType.FramelessWindowHint
        if keyboard != "qt":  # Qt's keyboard is a window of its own that must show above
            flags |= Qt.WindowType.WindowStaysOnTopHint
        super().__init__(None, flags)
        self.setObjectName("kiosk")
        self.setWindowTitle("ExpoNav")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_kiosk_style())
        self.settings = settings
        self.nav = nav
        self.timings = timings or KioskTimings.from_settings(settings)
        self._save = save or (lambda s: save_settings(s))
        self.unlocked = False
        self._keep_full_screen = False
        self._dirty = False
        self.kiosk_id = (kiosk_id if kiosk_id is not None else settings.kiosk_id).strip()
        self.kiosk: Kiosk | None = None
        self.navigator = None
        self.home: HomeScreen | None = None
        self.keyboard: TouchKeyboard | None = None
        self.sidebar: QFrame | None = None

        if not problem:
            problem = self._check_kiosk() if nav is not None else "no data file was opened."
        self.problem = problem

        # the screen's size, whatever the pages would like: never grow past the screen
        self.setMinimumSize(640, 480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        if problem:
            _log(f"out of service: {problem}")
            self.out_of_service = OutOfServiceScreen(problem, self)
            self.stack.addWidget(self.out_of_service)
        else:
            self._build_navigator(window, stands, clock)
            if keyboard == "builtin":
                # over the bottom of the map, beside the side panel: results stay in view
                self.keyboard = TouchKeyboard(ChinesePalette.for_show(nav), self)
                self.keyboard.hide()
                self.keyboard.hide_requested.connect(self._hide_keyboard)

        self.countdown = CountdownOverlay(self, self.timings.countdown_s, self.timings.tick_ms)
        self.countdown.finished.connect(self.reset_visitor)
        self.printed = PrintedOverlay(self)
        self.pin_guard = PinGuard(settings.pin)
        self.staff = StaffPanel(self, self.pin_guard, self._save_pin, self._staff_info)
        self.staff.exit_requested.connect(self.leave_kiosk)

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(self.timings.idle_ms)
        self.idle.timeout.connect(self._idle_timeout)
        self.guard = KioskGuard(self, self.timings.hold_ms, parent=self)
        self.guard.touched.connect(self._touched)
        self.guard.corner_held.connect(self.staff.start)
        self.guard.blocked.connect(lambda what: _log(f"blocked {what}"))
        self.scanner = ScannerFilter(self.timings.scanner_gap_ms, parent=self)
        self.scanner.scanned.connect(self.load_scanned)
        app = QApplication.instance()
        app.installEventFilter(self.guard)
        app.installEventFilter(self.scanner)
        app.focusChanged.connect(self._focus_changed)
        self._filters_on = True
        if not problem:
            self.reset_visitor()

    # -- building --------------------------------------------------------------------

    def _check_kiosk(self) -> str:
        if not self.kiosk_id:
            return ("no kiosk id is set: give --kiosk ID or run "
                    "`exponav kiosk set id K-…`.")
        self.kiosk = find_kiosk(self.nav, self.kiosk_id)
        if self.kiosk is None:
            known = [k.id for p in self.nav.venue.plans.values() for k in p.kiosks]
            return (f"the data file {self.nav.data.path} has no kiosk {self.kiosk_id!r}; "
                    f"its kiosks are {', '.join(known) or 'none'}.")
        self.kiosk_id = self.kiosk.id
        return ""

    def _build_navigator(self, window, stands, clock: ShowClock | None) -> None:
        from exponav.ui.visitor.main_window import MainWindow

        nav, kiosk = self.nav, self.kiosk
        assert kiosk is not None
        if window is None:
            window = MainWindow(nav, lang=self.settings.language, stands=stands)
        self.navigator = window
        window.setWindowFlags(Qt.WindowType.Widget)
        window.setMinimumSize(0, 0)
        self.sidebar = window.findChild(QFrame, "sidebar")
        if self.sidebar is not None:
            self.sidebar.setFixedWidth(540)
        for button in window.view.zoom_buttons.buttons.values():
            button.setFixedSize(56, 56)
        window.view.zoom_buttons.adjustSize()

        level = nav.venue.levels[kiosk.level]
        self.here_text = (f"{level.name} · {kiosk.id}", f"{level.name_zh} · {kiosk.id}")
        show = nav.show.show
        if clock is None:
            clock = show_clock(show.start_date, show.end_date, show.timezone,
                               self.settings.now)
        self.home = HomeScreen(nav, window.themes, "", clock, self)
        self.home.search_requested.connect(self.open_search)
        self.home.service_requested.connect(self.show_service)
        self.home.theme_requested.connect(self.show_theme)
        self.home.place_requested.connect(self.show_way_to)
        self.home.language_requested.connect(self.set_language)
        self.stack.addWidget(self.home)

        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.bar = KioskBar(page)
        self.bar.home.clicked.connect(self.go_home)
        self.bar.print.clicked.connect(self.print_visit)
        column.addWidget(self.bar)
        column.addWidget(window, 1)
        self.navigator_page = page
        self.stack.addWidget(page)
        window.language_changed.connect(self._language_changed)
        visit = getattr(window, "visit", None)
        if visit is not None and hasattr(visit, "stops_changed"):
            visit.stops_changed.connect(self._update_bar)
        self._take_over_printing(window)
        self._update_bar()

    def _take_over_printing(self, window) -> None:
        """The visit panel's Print goes straight to the kiosk's printer (its desktop
        preview is a dialog); its "Save PDF" has no place on a kiosk."""
        panel = getattr(getattr(window, "visits", None), "panel", None)
        if panel is None:
            return
        for name in ("print_requested", "pdf_requested"):
            signal = getattr(panel, name, None)
            if signal is None:
                continue
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
        if hasattr(panel, "print_requested"):
            panel.print_requested.connect(self.print_visit)
        if hasattr(panel, "allow_pdf"):
            panel.allow_pdf(False)
        def kiosk_buttons() -> None:  # after each refill of the panel, which shows them
            pdf = getattr(panel, "pdf_button", None)
            if pdf is not None:
                pdf.hide()
            button = getattr(panel, "print_button", None)
            if button is not None:
                button.setText(self.tr("Print my visit"))

        visit = getattr(window, "visit", None)
        for name in ("stops_changed", "planned"):
            signal = getattr(visit, name, None)
            if signal is not None:
                signal.connect(kiosk_buttons)
        kiosk_buttons()

    # -- showing -----------------------------------------------------------------------

    def show_kiosk(self, full_screen: bool = True) -> None:
        """Show the kiosk: full screen (kept so), or as it is sized (screenshots, tests)."""
        self._keep_full_screen = full_screen
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        self.raise_()
        self.idle.start()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange and self._keep_full_screen \
                and not self.unlocked and not self.isFullScreen():
            QTimer.singleShot(0, self.showFullScreen)  # minimised or un-maximised: back
        if event.type() == QEvent.Type.LanguageChange and self.navigator is not None:
            self._update_bar()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.unlocked:
            event.ignore()  # Alt+F4, the window manager, a stray close(): the kiosk stays
            _log("blocked a close")
            return
        self.shutdown()
        if self.navigator is not None:
            self.navigator.close()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Take the kiosk's filters off the application (after a staff exit, in tests)."""
        if not self._filters_on:
            return
        self._filters_on = False
        self.idle.stop()
        self.countdown.cancel()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.guard)
            app.removeEventFilter(self.scanner)
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusChanged.disconnect(self._focus_changed)

    def leave_kiosk(self) -> None:
        """The staff exit, once the PIN was right."""
        _log("staff left kiosk mode")
        self.unlocked = True
        self.close()
        self.left_kiosk.emit()

    def page(self) -> str:
        """``home``, ``navigator`` or ``out-of-service``."""
        if self.problem:
            return "out-of-service"
        return "home" if self.stack.currentWidget() is self.home else "navigator"

    # -- idle and reset ----------------------------------------------------------------

    def _touched(self) -> None:
        if self.countdown.running():
            self.countdown.cancel()
        self._dirty = True
        if self._filters_on:
            self.idle.start()

    def _idle_timeout(self) -> None:
        if self.problem or (not self._dirty and self.page() == "home"):
            self.idle.start()  # nobody has been here since the last reset
            return
        self.countdown.start()

    def has_visitor_state(self) -> bool:
        """Whether anything a visitor did is still on screen (for tests and the soak)."""
        w = self.navigator
        if w is None:
            return False
        visit = getattr(w, "visit", None)
        route = getattr(getattr(w, "routes", None), "route", None)
        return bool(
            self.page() != "home" or w.search.field.text() or w.search.focus
            or any(s.highlighted_codes for s in w.scenes.values())
            or (visit is not None and not visit.is_empty()) or route is not None
            or w.lang != self.settings.language
            or (self.keyboard is not None and self.keyboard.isVisible()))

    def reset_visitor(self) -> None:
        """Forget the visitor: search, selection, card, route, visit, language, keyboard,
        clipboard; the map back home (heading-up at the kiosk); the home screen."""
        self.countdown.cancel()
        self.printed.hide()
        if not self.unlocked:
            self.staff.close_panel()
        w = self.navigator
        if w is not None:
            if self.keyboard is not None:
                self.keyboard.hide()
                self.keyboard.reset()
            reset = getattr(w, "reset_visitor_state", None)
            if reset is not None:
                reset()
            else:
                self._basic_reset()
            self.set_language(self.settings.language)
            self._place_here()
            self.stack.setCurrentWidget(self.home)
            self.home.setFocus()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self._dirty = False
        if self._filters_on and self.isVisible():
            self.idle.start()
        self.visitor_reset.emit()

    def _basic_reset(self) -> None:
        """What ``MainWindow.reset_visitor_state`` does, for a window that lacks it."""
        w = self.navigator
        w.search.field.clear()
        w.search.clear_focus()
        w.show_results()
        for scene in w.scenes.values():
            scene.clear_highlight()
        for name in ("clear_route",):
            if hasattr(w, name):
                getattr(w, name)()
        visit = getattr(w, "visit", None)
        if visit is not None:
            visit.clear()

    def _place_here(self) -> None:
        """The map at home: the kiosk's level, turned heading-up, "you are here" on it."""
        w, kiosk = self.navigator, self.kiosk
        w.show_level(kiosk.level, fit=True)
        w.view.set_heading_up(kiosk.heading_deg)
        if hasattr(w, "set_here"):
            w.set_here(kiosk.id, kiosk.heading_deg)
        w.view.fit(animated=False)

    # -- the way into the navigator -----------------------------------------------------

    def go_home(self) -> None:
        """The Home button: the visitor's choices stay until the idle reset."""
        self._hide_keyboard()
        self.stack.setCurrentWidget(self.home)

    def go_navigator(self) -> None:
        self.stack.setCurrentWidget(self.navigator_page)

    def open_search(self) -> None:
        self.go_navigator()
        self.navigator.show_results()
        self.navigator.search.field.setFocus(Qt.FocusReason.MouseFocusReason)
        self._show_keyboard()

    def show_theme(self, theme_id: str) -> None:
        self.go_navigator()
        search = self.navigator.search
        search.field.clear()
        for tid, chip in search.chips.items():
            chip.setChecked(tid == theme_id)
        self.navigator.show_results()

    def show_way_to(self, place_id: str) -> None:
        """A route from this kiosk to ``place_id`` (or, without routes, the place)."""
        self.go_navigator()
        w = self.navigator
        if hasattr(w, "route_to"):
            try:
                w.route_to(place_id)
                return
            except Exception as e:  # noqa: BLE001 - unreachable: show the place instead
                _log(f"no route to {place_id}: {e}")
        place = self.nav.place(place_id)
        w.show_places(place.level, (place_id,))

    def show_service(self, category: str) -> None:
        """The nearest of a service on foot from this kiosk, and the way there."""
        kind = "opening" if category == "exit" else f"amenity:{category}"
        try:
            found = self.nav.nearest_by_walking(self.kiosk_id, kind, limit=1)
        except Exception as e:  # noqa: BLE001 - fall back to the window's straight-line list
            _log(f"nearest {category} by walking failed: {e}")
            found = []
        if found:
            self.show_way_to(found[0].id)
        else:
            self.go_navigator()
            self.navigator.show_nearest_service(category)

    # -- language ----------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        if self.navigator is None:
            return
        self.navigator.set_language(code)
        self._language_changed(self.navigator.lang)

    def _language_changed(self, code: str) -> None:
        if self.home is not None:
            self.home.kiosk_label = self._here_label()  # kept through its retranslations
            self.home.set_language(code)
        self._update_bar()

    def _here_label(self) -> str:
        en, zh = self.here_text
        return self.tr("You are here: %1").replace("%1", pick(en, zh, self.navigator.lang))

    def _update_bar(self) -> None:
        if self.navigator is None:
            return
        self.bar.home.setText(self.tr("Home"))
        self.bar.here.setText(self._here_label())
        visit = getattr(self.navigator, "visit", None)
        n = 0 if visit is None else len(visit)
        self.bar.print.setText(self.tr("Print my visit (%1)").replace("%1", str(n)) if n
                               else self.tr("Print my visit"))
        self.bar.print.setEnabled(n > 0)

    # -- keyboard ----------------------------------------------------------------------

    def _focus_changed(self, old, new) -> None:
        if self.keyboard is None:
            return
        if isinstance(new, QLineEdit) and self.isAncestorOf(new) \
                and not self.staff.isAncestorOf(new):
            self._show_keyboard()
        elif new is not None and not self.keyboard.isAncestorOf(new):
            self._hide_keyboard()

    def _show_keyboard(self) -> None:
        if self.keyboard is not None:
            self._place_keyboard()
            self.keyboard.show()
            self.keyboard.raise_()

    def _place_keyboard(self) -> None:
        kb = self.keyboard
        if kb is None:
            return
        left = 0
        if self.sidebar is not None and self.sidebar.isVisible():
            left = self.sidebar.mapTo(self, self.sidebar.rect().topRight()).x() + 1
        height = kb.sizeHint().height()
        kb.setGeometry(left, self.height() - height, self.width() - left, height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.keyboard is not None and self.keyboard.isVisible():
            self._place_keyboard()

    def _hide_keyboard(self) -> None:
        if self.keyboard is not None:
            self.keyboard.hide()

    # -- printing and scanning ---------------------------------------------------------

    def visit_itinerary(self):
        """The visit as planned from this kiosk (the window's plan when it is current)."""
        visit = getattr(self.navigator, "visit", None)
        if visit is None or visit.is_empty():
            return None
        visits = getattr(self.navigator, "visits", None)
        if visits is not None and hasattr(visits, "itinerary_now"):
            return visits.itinerary_now()  # the window's planner, from "you are here"
        planned = getattr(visit, "itinerary", None)
        if planned is not None and visit.is_current(planned) and planned.origin.id == \
                self.kiosk_id:
            return planned
        return self.nav.itinerary(self.kiosk_id, visit.place_ids(),
                                  getattr(visit, "start_time", None), visit.appointments(),
                                  step_free=bool(getattr(visit, "step_free", False)),
                                  optimise=False)

    def print_visit(self) -> bool:
        """Print the visit on the kiosk's printer, no dialog; on any printer trouble,
        say so and show the QR code. True when it printed."""
        from exponav.ui.print.printer import print_itinerary
        from exponav.ui.print.printout import printed_from_label

        itinerary = None
        try:
            itinerary = self.visit_itinerary()
            if itinerary is None:
                return False
            printer = make_printer(self.settings.printer)
            print_itinerary(itinerary, self.nav, printer, self.settings.paper,
                            printed_from_label(self.kiosk_id),
                            **_heading_kw(self.kiosk.heading_deg))
        except Exception as e:  # noqa: BLE001 - the visitor gets the QR code instead
            _log(f"printing failed: {e}")
            if itinerary is None:
                return False
            self.printed.show_problem(itinerary.qr_payload)
            return False
        self.printed.show_printed()
        return True

    def load_scanned(self, line: str) -> bool:
        """A scanned ``EXPONAV1|`` line: that visit, planned again from this kiosk."""
        if self.navigator is None:
            return False
        load = getattr(self.navigator, "load_visit_payload", None)
        ok = False
        try:
            ok = bool(load(line)) if load is not None else False
        except Exception as e:  # noqa: BLE001 - a damaged code must not stop the kiosk
            _log(f"scanned line not loaded: {e}")
        if ok:
            self._dirty = True
            self._hide_keyboard()
            self.go_navigator()
            self.idle.start()
        self.visit_scanned.emit(ok)
        return ok

    # -- staff -------------------------------------------------------------------------

    def _save_pin(self, record: dict[str, Any]) -> None:
        self.settings.pin = record
        self._save(self.settings)

    def _staff_info(self) -> list[str]:
        s = self.settings
        data = self.nav.data.path if self.nav is not None else (s.data or "(embedded show)")
        return [f"Kiosk: {self.kiosk_id or '(none)'}", f"Data file: {data}",
                f"Printer: {s.printer or '(system default)'} · paper {s.paper}",
                f"Idle reset: {s.idle_s:g} s + {s.countdown_s:g} s countdown",
                f"Language after reset: {s.language}",
                f"Settings: {settings_path()}"]


def _heading_kw(heading: float) -> dict[str, float]:
    """``heading_deg=…`` for printing when the printing code can turn its maps."""
    import inspect

    from exponav.ui.print.printer import print_itinerary

    return {"heading_deg": heading} if "heading_deg" in \
        inspect.signature(print_itinerary).parameters else {}


def _kiosk_style() -> str:
    path = asset_path("style", "kiosk.qss")
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _install_excepthook(kiosk: KioskWindow) -> None:
    """An unexpected error is logged for staff and the kiosk starts afresh: a visitor
    never sees a traceback, and the kiosk never dies to the desktop."""
    def hook(kind, value, tb) -> None:
        _log("unexpected error:\n" + "".join(traceback.format_exception(kind, value, tb)))
        QTimer.singleShot(0, kiosk.reset_visitor)

    sys.excepthook = hook


def open_data(source: str | Path | None):
    """``(navigator, "")``, or ``(None, reason)`` when the data file cannot be used."""
    try:
        from exponav.core.navigator import Navigator

        return Navigator.open(source), ""
    except Exception as e:  # noqa: BLE001 - any reason at all: out of service, not a crash
        return None, f"the data file {source or '(embedded show)'} cannot be opened: {e}"


def run_kiosk(data: str | Path | None = None, kiosk_id: str | None = None) -> int:
    """``exponav gui --kiosk ID``: the kiosk full screen until staff leave it."""
    from exponav.core.io.kiosk_config import KioskConfigError, load_settings
    from exponav.ui.kiosk.keyboard import choose_keyboard

    problem = ""
    try:
        settings = load_settings()
    except KioskConfigError as e:
        settings, problem = KioskSettings(), str(e)
    keyboard = choose_keyboard(settings.keyboard)
    from exponav.ui.app import make_app

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = make_app()
    app.setQuitOnLastWindowClosed(False)  # only a staff exit ends the kiosk
    nav = None
    if not problem:
        nav, problem = open_data(data or settings.data or None)
    kiosk = KioskWindow(settings, nav, kiosk_id=kiosk_id or None, problem=problem,
                        keyboard=keyboard)
    kiosk.left_kiosk.connect(app.quit)
    _install_excepthook(kiosk)
    kiosk.show_kiosk(full_screen=not os.environ.get("EXPONAV_KIOSK_WINDOWED"))
    return app.exec()
