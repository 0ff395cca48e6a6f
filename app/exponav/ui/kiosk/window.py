"""Kiosk mode: the navigator locked full screen on a show floor, for strangers, for days.

``exponav gui --kiosk K-H2-1F-1`` opens :class:`KioskWindow` (see :mod:`.start`), one
frameless full-screen window holding, one at a time:

* the home screen (:mod:`exponav.ui.kiosk.home`): search, services, themes, today's
  programme, languages;
* the navigator: the :class:`~exponav.ui.visitor.main_window.MainWindow` embedded under a bar
  with Home and "Print my visit", its map turned heading-up around "you are here";
* the out-of-service screen, when the settings are damaged or hold no staff PIN, or the
  data file is missing or damaged, or holds no such kiosk: a short apology for visitors
  and the reason for staff.

It locks itself with :class:`~exponav.ui.kiosk.guard.KioskGuard` (no quitting keys, no
shortcuts, menus or foreign dialogs; ``closeEvent`` refused until staff unlock it), keeps
itself in front and full screen (:mod:`exponav.ui.kiosk.front`), listens for a wedge QR
scanner (:mod:`exponav.ui.kiosk.scanner`), types with an on-screen keyboard
(:mod:`exponav.ui.kiosk.keyboard`), prints and reads back visits (:mod:`.visit`), and
forgets each visitor after ``idle_s`` untouched and a countdown (:mod:`.reset`). Nothing a
visitor enters is written anywhere, and the kiosk never writes its settings. Staff leave
by holding the top-left corner for five seconds and giving the PIN (:mod:`.staff`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exponav.core.io.kiosk_config import (
    KioskSettings,
    PinGuard,
    read_pin_record,
    settings_path,
)
from exponav.core.model import Kiosk
from exponav.ui.common.assets import icon
from exponav.ui.common.i18n import pick
from exponav.ui.common.palette import UI
from exponav.ui.kiosk.access import AccessMode, access_button, kiosk_style
from exponav.ui.kiosk.attract import AttractScreen
from exponav.ui.kiosk.directory import DirectoryPanel
from exponav.ui.kiosk.front import WATCH_MS, FrontKeeper
from exponav.ui.kiosk.guard import HOLD_MS, KioskGuard
from exponav.ui.kiosk.home import HomeScreen, ShowClock, show_clock
from exponav.ui.kiosk.keyboard import ChinesePalette, TouchKeyboard
from exponav.ui.kiosk.log import log
from exponav.ui.kiosk.overlays import (
    CountdownOverlay,
    NoticeOverlay,
    OutOfServiceScreen,
    PrintedOverlay,
)
from exponav.ui.kiosk.programme import ProgrammePanel
from exponav.ui.kiosk.reset import VisitorReset
from exponav.ui.kiosk.scanner import MAX_GAP_MS, ScannerFilter
from exponav.ui.kiosk.screen import ScreenFit, ScreenLayout
from exponav.ui.kiosk.staff import StaffPanel
from exponav.ui.kiosk.visit import KioskVisit

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["KioskTimings", "KioskWindow", "find_kiosk"]

QT_KEYBOARD_WAIT_MS = 1500  # how long Qt's keyboard may take to appear before ours is used


@dataclass(frozen=True)
class KioskTimings:
    """How long things take (tests make them short)."""

    idle_ms: int = 90_000
    countdown_s: int = 10
    tick_ms: int = 1000  # one second of the countdown
    hold_ms: int = HOLD_MS  # the staff corner press
    scanner_gap_ms: float = MAX_GAP_MS
    watch_ms: int = WATCH_MS  # how often the kiosk looks that it is still in front

    @classmethod
    def from_settings(cls, settings: KioskSettings) -> KioskTimings:
        return cls(idle_ms=round(settings.idle_s * 1000), countdown_s=round(settings.countdown_s))


def find_kiosk(nav: Navigator, kiosk_id: str) -> Kiosk | None:
    """The kiosk with this id in the floor plans (case-insensitive), or None."""
    wanted = kiosk_id.strip().upper()
    return next((k for k in nav.kiosks() if k.id.upper() == wanted), None)


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
        self.here.setMinimumWidth(0)  # it gives way to the buttons on a narrow screen
        self.here.setWordWrap(True)  # and takes two lines there rather than cut the kiosk id
        self.here.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.print = QPushButton(self)
        self.print.setObjectName("kioskPrint")
        self.print.setMinimumSize(260, 64)
        self.access = access_button(self)
        for button in (self.home, self.print):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.home)
        row.addWidget(self.here, 1)
        row.addWidget(self.access)
        row.addWidget(self.print)


class KioskWindow(AccessMode, ScreenFit, VisitorReset, KioskVisit, QWidget):
    """See the module docstring. Give ``nav`` and ``kiosk_id`` (or ``problem``, the
    reason the kiosk is out of service); ``window`` may be a ready MainWindow.
    ``settings_file`` is where the settings came from: the staff panel looks there
    again for a PIN set meanwhile. ``save`` is accepted and ignored: the kiosk never
    writes its settings."""

    visitor_reset = Signal()
    visit_scanned = Signal(bool)  # whether the scanned line was loaded
    left_kiosk = Signal()

    def __init__(self, settings: KioskSettings, nav: Navigator | None = None, *,
                 kiosk_id: str | None = None, problem: str = "",
                 window: MainWindow | None = None, stands=None,
                 timings: KioskTimings | None = None, keyboard: str = "builtin",
                 clock: ShowClock | None = None, settings_file: Path | None = None,
                 save: Callable[[KioskSettings], Any] | None = None) -> None:
        flags = Qt.WindowType.FramelessWindowHint
        if keyboard != "qt":  # Qt's keyboard is a window of its own that must show above
            flags |= Qt.WindowType.WindowStaysOnTopHint
        super().__init__(None, flags)
        self.setObjectName("kiosk")
        self.setWindowTitle("ExpoNav")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(kiosk_style())
        self.settings = settings
        self.nav = nav
        self.timings = timings or KioskTimings.from_settings(settings)
        self.settings_file = settings_file
        self.unlocked = False
        self._dirty = False
        self._receipt: Path | None = None
        self.kiosk_id = (kiosk_id if kiosk_id is not None else settings.kiosk_id).strip()
        self.kiosk: Kiosk | None = None
        self.navigator: MainWindow | None = None
        self.home: HomeScreen | None = None
        self.directory: DirectoryPanel | None = None
        self.programme: ProgrammePanel | None = None
        self.attract: AttractScreen | None = None
        self.keyboard: TouchKeyboard | None = None
        self.keyboard_kind = keyboard  # "qt" or "builtin": which one visitors get
        self.screen_layout: ScreenLayout | None = None
        self.clock: ShowClock | None = None

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
            log(f"out of service: {problem}")
            self.out_of_service = OutOfServiceScreen(problem, self)
            self.stack.addWidget(self.out_of_service)
        else:
            self._build_navigator(window, stands, clock)
            if keyboard != "qt":
                self._build_keyboard()

        self.countdown = CountdownOverlay(self, self.timings.countdown_s, self.timings.tick_ms)
        self.countdown.finished.connect(self.reset_visitor)
        self.printed = PrintedOverlay(self)
        self.notice = NoticeOverlay(self)
        self.pin_guard = PinGuard(settings.pin)
        self.staff = StaffPanel(self, self.pin_guard, self._staff_info,
                                self._reload_pin if settings_file is not None else None)
        self.staff.exit_requested.connect(self.leave_kiosk)
        self.front = FrontKeeper(self, self.timings.watch_ms, parent=self)
        self.front.restored.connect(lambda why: log(f"back in front ({why})"))
        self._start_filters()
        self.accessible = False
        if not problem:
            self._wire_access()
            self.fit_screen()
            self.reset_visitor()

    # -- building --------------------------------------------------------------------

    def _check_kiosk(self) -> str:
        if not self.kiosk_id:
            return ("no kiosk id is set: give --kiosk ID or run "
                    "`exponav kiosk set id K-…`.")
        self.kiosk = find_kiosk(self.nav, self.kiosk_id)
        if self.kiosk is None:
            known = [k.id for k in self.nav.kiosks()]
            return (f"the data file {self.nav.data.path} has no kiosk {self.kiosk_id!r}; "
                    f"its kiosks are {', '.join(known) or 'none'}.")
        self.kiosk_id = self.kiosk.id
        return ""

    def _build_navigator(self, window: MainWindow | None, stands,
                         clock: ShowClock | None) -> None:
        from exponav.ui.visitor.main_window import MainWindow

        nav, kiosk = self.nav, self.kiosk
        if window is None:
            window = MainWindow(nav, lang=self.settings.language, stands=stands)
        self.navigator = window
        window.setWindowFlags(Qt.WindowType.Widget)
        window.setMinimumSize(0, 0)
        self.sidebar = window.findChild(QFrame, "sidebar")
        self.sidebar.setFixedWidth(540)
        window.search.fold_when_typing(True)  # on a kiosk the results matter most
        for button in window.view.zoom_buttons.buttons.values():
            button.setFixedSize(56, 56)
        window.view.zoom_buttons.adjustSize()

        level = nav.venue.levels[kiosk.level]
        # the kiosk id kept whole where the bar wraps (a word joiner after each hyphen)
        kid = kiosk.id.replace("-", "-\u2060")
        self.here_text = (f"{level.name} · {kid}", f"{level.name_zh} · {kid}")
        show = nav.show.show
        if clock is None:
            clock = show_clock(show.start_date, show.end_date, show.timezone,
                               self.settings.now)
        self.clock = clock
        nav.set_clock(self.settings.now or None)  # the visit, cards and receipt read it too
        self.home = HomeScreen(nav, window.themes, "", clock, self)
        self.home.search_requested.connect(self.open_search)
        self.home.service_requested.connect(self.show_service)
        self.home.theme_requested.connect(self.show_theme)
        self.home.place_requested.connect(self.show_way_to)
        self.home.language_requested.connect(self.set_language)
        self.home.directory_requested.connect(self.open_directory)
        self.home.programme_requested.connect(self.open_programme)
        self.stack.addWidget(self.home)
        self.directory = DirectoryPanel(nav, window.themes, self)
        self.directory.back_requested.connect(self.go_home)
        self.directory.exhibitor_chosen.connect(self.show_exhibitor)
        self.stack.addWidget(self.directory)
        self.programme = ProgrammePanel(nav, clock, self)
        self.programme.back_requested.connect(self.go_home)
        self.programme.way_requested.connect(self.show_way_to)
        self.programme.visit_requested.connect(self.add_session_to_visit)
        self.stack.addWidget(self.programme)
        self.attract = AttractScreen(self)
        self.stack.addWidget(self.attract)

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
        self.page_column = column
        self.stack.addWidget(page)
        window.language_changed.connect(self._language_changed)
        window.visit.stops_changed.connect(self._update_bar)
        self._take_over_printing(window)
        self._update_bar()

    def _start_filters(self) -> None:
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(self.timings.idle_ms)
        self.idle.timeout.connect(self._idle_timeout)
        self.guard = KioskGuard(self, self.timings.hold_ms, parent=self)
        self.guard.touched.connect(self._touched)
        self.guard.corner_held.connect(self.staff.start)
        self.guard.blocked.connect(lambda what: log(f"blocked {what}"))
        self.scanner = ScannerFilter(self.timings.scanner_gap_ms, parent=self)
        self.scanner.scanned.connect(self.load_scanned)
        app = QApplication.instance()
        app.installEventFilter(self.guard)
        app.installEventFilter(self.scanner)
        app.focusChanged.connect(self._focus_changed)
        self._filters_on = True

    # -- showing -----------------------------------------------------------------------

    def show_kiosk(self, full_screen: bool = True) -> None:
        """Show the kiosk: full screen and kept in front, or as it is sized (screenshots,
        tests)."""
        if full_screen:
            self.front.start()
        else:
            self.show()
            self.activateWindow()
            self.raise_()
        self.idle.start()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.navigator is not None:
            self._update_bar()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.unlocked:
            event.ignore()  # Alt+F4, the window manager, a stray close(): the kiosk stays
            log("blocked a close")
            return
        self.shutdown()
        if self.attract is not None:
            self.attract.release()
        if self.navigator is not None:
            self.navigator.close()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Take the kiosk's filters off the application (after a staff exit, in tests)."""
        self.front.stop()
        if not self._filters_on:
            return
        self._filters_on = False
        self.idle.stop()
        self.countdown.cancel()
        self.forget_receipt()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.guard)
            app.removeEventFilter(self.scanner)
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusChanged.disconnect(self._focus_changed)

    def leave_kiosk(self) -> None:
        """The staff exit, once the PIN was right."""
        log("staff left kiosk mode")
        self.unlocked = True
        self.close()
        self.left_kiosk.emit()

    def page(self) -> str:
        """``home``, ``navigator``, ``directory``, ``programme`` or ``out-of-service``."""
        if self.problem:
            return "out-of-service"
        current = self.stack.currentWidget()
        if current is self.home:
            return "home"
        if current is self.directory:
            return "directory"
        if current is self.programme:
            return "programme"
        if current is self.attract:
            return "attract"
        return "navigator"

    # -- the way into the navigator -----------------------------------------------------

    def go_home(self) -> None:
        """The Home button: the visit and route stay until the idle reset; what was
        highlighted on the map does not."""
        self._hide_keyboard()
        if self.navigator is not None:
            self.navigator.clear_selection()
        self.stack.setCurrentWidget(self.home)

    def go_navigator(self) -> None:
        self.stack.setCurrentWidget(self.navigator_page)

    def show_attract(self) -> None:
        """The attract screen, until the next touch (see :mod:`.attract`)."""
        w, kiosk = self.navigator, self.kiosk
        self.attract.show_for(self.nav, w.scene_for(kiosk.level), kiosk, self.home.clock.now)
        self.stack.setCurrentWidget(self.attract)

    def open_directory(self) -> None:
        self._hide_keyboard()
        self.stack.setCurrentWidget(self.directory)

    def open_programme(self) -> None:
        self._hide_keyboard()
        self.programme.clock = self.home.clock
        self.programme.refresh()
        self.stack.setCurrentWidget(self.programme)

    def show_exhibitor(self, exhibitor_id: str) -> None:
        """An exhibitor's card and booths on the map (a tap in the directory)."""
        self.go_navigator()
        w = self.navigator
        ex = self.nav.exhibitor(exhibitor_id)
        w.highlight_booths(ex.booths)
        w.card.show_exhibitor(exhibitor_id)
        w.stack.setCurrentWidget(w.card)

    def add_session_to_visit(self, place_id: str, hhmm: str) -> None:
        """A session as an appointment in the visit, and the visit on screen."""
        w = self.navigator
        w.visit.add(place_id, appointment=hhmm)
        w.visit.set_appointment(place_id, hhmm)  # already a stop: now at the session's time
        self.go_navigator()
        w.visits.open_panel()

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
        try:
            w.route_to(place_id, step_free=self.accessible)
            return
        except Exception as e:  # noqa: BLE001 - unreachable: show the place instead
            log(f"no route to {place_id}: {e}")
        place = self.nav.place(place_id)
        w.show_places(place.level, (place_id,))

    def show_service(self, category: str) -> None:
        """The nearest of a service on foot from this kiosk, and the way there."""
        kind = "exit" if category == "exit" else f"amenity:{category}"
        try:
            found = self.nav.nearest_by_walking(self.kiosk_id, kind, limit=1,
                                                step_free=self.accessible)
        except Exception as e:  # noqa: BLE001 - fall back to the window's straight-line list
            log(f"nearest {category} by walking failed: {e}")
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
        before = self.navigator.lang
        self.navigator.set_language(code)  # a change is said by its language_changed
        if self.navigator.lang == before:
            self._language_changed(self.navigator.lang)

    def _language_changed(self, code: str) -> None:
        if self.home is not None:
            self.home.kiosk_label = self._here_label()  # kept through its retranslations
            self.home.set_language(code)
        for page in (self.directory, self.programme):
            if page is not None:
                page.set_language(code)
        self.retranslate_access()
        self._update_bar()

    def _here_label(self) -> str:
        en, zh = self.here_text
        return self.tr("You are here: %1").replace("%1", pick(en, zh, self.navigator.lang))

    def _update_bar(self) -> None:
        if self.navigator is None:
            return
        self.bar.home.setText(self.tr("Home"))
        self.bar.here.setText(self._here_label())
        n = len(self.navigator.visit)
        self.bar.print.setText(self.tr("Print my visit (%1)").replace("%1", str(n)) if n
                               else self.tr("Print my visit"))
        self.bar.print.setEnabled(n > 0)

    # -- keyboard ----------------------------------------------------------------------

    def _build_keyboard(self) -> None:
        self.keyboard = TouchKeyboard(ChinesePalette.for_show(self.nav), self)
        self.keyboard.hide()
        self.keyboard.hide_requested.connect(self._hide_keyboard)
        if self.screen_layout is not None:
            self._fit_keyboard(self.screen_layout)

    def _focus_changed(self, old, new) -> None:
        typing = isinstance(new, QLineEdit) and self.isAncestorOf(new) \
            and not self.staff.isAncestorOf(new)
        if self.keyboard_kind == "qt" and typing:
            # Qt shows its panel on a tap in a field, not when the kiosk moves the focus
            # there (the home screen's search bar): ask for it, then look that it came
            QGuiApplication.inputMethod().show()
            QTimer.singleShot(QT_KEYBOARD_WAIT_MS, self._check_qt_keyboard)
        if self.keyboard is None:
            return
        if typing:
            self._show_keyboard()
        elif new is not None and not self.keyboard.isAncestorOf(new):
            self._hide_keyboard()

    def keyboard_shown(self) -> bool:
        """Whether a visitor sees a keyboard now (ours, or Qt's with a real size)."""
        if self.keyboard is not None:
            return self.keyboard.isVisible() and not self.keyboard.visibleRegion().isEmpty()
        method = QGuiApplication.inputMethod()
        return method.isVisible() and not method.keyboardRectangle().isEmpty()

    def _check_qt_keyboard(self) -> None:
        """Qt's keyboard was chosen, yet a field has the focus and nothing appeared: it
        cannot draw here (its panel's QML failed at run time). Use ours from now on."""
        if self.keyboard_kind != "qt" or not isinstance(QApplication.focusWidget(), QLineEdit):
            return
        if self.keyboard_shown():
            return
        log("on-screen keyboard: Qt Virtual Keyboard did not appear for a focused field; "
            "using the built-in keyboard")
        self.keyboard_kind = "builtin"
        QGuiApplication.inputMethod().hide()
        self._build_keyboard()
        self._show_keyboard()

    def _show_keyboard(self) -> None:
        if self.keyboard_kind == "qt":
            QGuiApplication.inputMethod().show()
        if self.keyboard is not None:
            self.keyboard.show()
            self._place_keyboard()
            self.keyboard.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.navigator is not None:
            self.fit_screen()
        if self.keyboard is not None and self.keyboard.isVisible():
            self._place_keyboard()

    def _hide_keyboard(self) -> None:
        if self.keyboard_kind == "qt":
            QGuiApplication.inputMethod().hide()
        if self.keyboard is not None:
            self.keyboard.hide()

    # -- staff -------------------------------------------------------------------------

    def _reload_pin(self) -> dict[str, Any] | None:
        record = read_pin_record(self.settings_file)
        if record is not None:
            log("a staff PIN was found in the settings file")
        return record

    def _staff_info(self) -> list[str]:
        s = self.settings
        data = self.nav.data.path if self.nav is not None else (s.data or "(embedded show)")
        where = self.settings_file or settings_path()
        return [f"Kiosk: {self.kiosk_id or '(none)'}", f"Data file: {data}",
                f"Printer: {s.printer or '(system default)'} · paper {s.paper}",
                f"Idle reset: {s.idle_s:g} s + {s.countdown_s:g} s countdown",
                f"Language after reset: {s.language}",
                f"Settings: {where}"]

