"""The kiosk's home screen: what a passer-by sees, and the doors into the navigator.

A large search bar, the services visitors ask for most (toilets, exits, information,
food, first aid), the show's themes, what is on today and next, and the languages.
Every target is at least 56 px high at 96 dpi.

The show clock (:func:`show_clock`): on a show day the kiosk uses the venue's local
time. On any other day (a demonstration, a rehearsal, tests) it uses the show's first
day at 10:00, so that "today" lists a real programme; the screen then says so in a small
line meant for staff, and a kiosk's ``now`` setting can fix any other moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.assets import icon
from exponav.ui.common.flow_layout import FlowLayout
from exponav.ui.common.i18n import LANGUAGES, is_chinese, pick
from exponav.ui.common.palette import UI
from exponav.ui.common.show_dates import show_dates
from exponav.ui.kiosk.access import access_button
from exponav.ui.panels.controls import colour_dot, service_grid

__all__ = ["HOME_SERVICES", "HomeScreen", "ShowClock", "show_clock", "sessions_now_and_next"]

#: the service tiles: amenity category (``exit``: the nearest exits)
HOME_SERVICES = ("toilet", "toilet.accessible", "exit", "information", "food", "firstaid")
_PUBLIC_KINDS = ("opening", "forum", "ceremony", "stage", "talk", "award")
DEMO_HOUR = 10


@dataclass(frozen=True)
class ShowClock:
    now: datetime  # naive, venue local time
    demo: bool  # True when this is not the real time (not a show day, or set by staff)
    reason: str = ""


def show_clock(start_date: str, end_date: str, timezone: str = "Asia/Taipei",
               override: str = "", real_now: datetime | None = None) -> ShowClock:
    """The time the kiosk shows programmes for.

    >>> show_clock("2025-03-18", "2025-03-21", real_now=datetime(2025, 3, 20, 15, 5)).now
    datetime.datetime(2025, 3, 20, 15, 5)
    >>> c = show_clock("2025-03-18", "2025-03-21", real_now=datetime(2026, 1, 5, 9, 0))
    >>> c.now, c.demo
    (datetime.datetime(2025, 3, 18, 10, 0), True)
    """
    if override:
        return ShowClock(datetime.fromisoformat(override).replace(tzinfo=None), True,
                         "set by the kiosk's now setting")
    if real_now is None:
        try:
            from zoneinfo import ZoneInfo

            real_now = datetime.now(ZoneInfo(timezone)).replace(tzinfo=None)
        except Exception:  # noqa: BLE001 - no time-zone database: the machine's clock
            real_now = datetime.now()
    first, last = date.fromisoformat(start_date), date.fromisoformat(end_date)
    if first <= real_now.date() <= last:
        return ShowClock(real_now, False)
    return ShowClock(datetime.combine(first, datetime.min.time()) + timedelta(hours=DEMO_HOUR),
                     True, "today is not a show day")


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def sessions_now_and_next(sessions, now: datetime, limit: int = 6):
    """Public sessions of ``now``'s day (not private matchmaking meetings) that are on
    or still to come: those running first, then by start; at most ``limit``."""
    today = [s for s in sessions if s.kind in _PUBLIC_KINDS
             and _local(s.start).date() == now.date() and _local(s.end) > now]
    today.sort(key=lambda s: (_local(s.start) > now, _local(s.start), s.title))
    return today[:limit]


def _dot(colour: QColor) -> QIcon:
    return colour_dot(colour, 18)


class SessionRow(QFrame):
    """One programme line: the time, the title and the stage; a tap asks for the way."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionRow")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(76)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.place = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(18)
        self.when = QLabel(self)
        self.when.setObjectName("sessionWhen")
        self.when.setFixedWidth(92)
        self.when.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.when)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setObjectName("sessionWhere")
        text.addWidget(self.title)
        text.addWidget(self.where)
        row.addLayout(text, 1)

    def set_session(self, when: str, times: str, title: str, where: str, place: str,
                    running: bool) -> None:
        self.when.setText(when)
        # "Sekarang" is wider than "10:30": the column fits the word, never cuts it
        self.when.setFixedWidth(self.when_width())
        self.title.setText(title)
        self.where.setText(f"{times}  ·  {where}")
        self.place = place
        self.setProperty("running", running)
        self.style().unpolish(self)
        self.style().polish(self)
        self._fit_height()

    def when_width(self) -> int:
        """How wide the time column must be for what it says now."""
        self.when.ensurePolished()
        return max(92, self.when.fontMetrics().horizontalAdvance(self.when.text()) + 8)

    @staticmethod
    def line_up(rows: list[SessionRow]) -> None:
        """One time column for the rows shown, as wide as the widest needs ("Berikutnya"
        beside "11:30"), so that the titles start on one line."""
        shown = [r for r in rows if not r.isHidden()]
        width = max((r.when_width() for r in shown), default=92)
        for r in shown:
            if r.when.width() != width:
                r.when.setFixedWidth(width)
                r._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for a title wrapped on two lines, in the type it has now (a row of
        Fixed height gets no more otherwise)."""
        for label in (self.when, self.title, self.where):
            label.ensurePolished()
        need = max(76, self.layout().heightForWidth(max(1, self.width())))
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - a keypad's Enter or Space
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class HomeScreen(QWidget):
    """See the module docstring. The kiosk connects the signals to the navigator."""

    search_requested = Signal()
    directory_requested = Signal()
    programme_requested = Signal()
    service_requested = Signal(str)  # amenity category, or "exit"
    theme_requested = Signal(str)  # theme id
    place_requested = Signal(str)  # a session's place
    language_requested = Signal(str)

    def __init__(self, nav, themes, kiosk_label: str = "", clock: ShowClock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.nav = nav
        self.themes = themes
        self.lang = "en"
        show = nav.show.show
        self.clock = clock or show_clock(show.start_date, show.end_date, show.timezone)
        self.kiosk_label = kiosk_label

        self.outer = outer = QHBoxLayout(self)
        outer.setContentsMargins(64, 48, 64, 40)
        outer.setSpacing(48)
        self.left = left = QVBoxLayout()
        left.setSpacing(18)
        outer.addLayout(left, 3)
        self._build_heading(left)
        left.addStretch(0)  # grows in accessibility mode: the controls come down
        self._low_stretch = left.count() - 1
        self._build_search(left)
        self._build_services(left)
        self._build_themes(left)
        left.addStretch(1)
        self._high_stretch = left.count() - 1
        self._build_languages(left)
        outer.addWidget(self._build_today(), 2)
        self._one_column = False

        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.refresh_clock)
        self._tick.start()
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------

    def _section_title(self, column: QVBoxLayout) -> QLabel:
        title = QLabel(self)
        title.setObjectName("homeSection")
        column.addSpacing(6)
        column.addWidget(title)
        return title

    def _build_heading(self, column: QVBoxLayout) -> None:
        """ExpoNav, the show's name and the greeting."""
        self.brand = QLabel("ExpoNav", self)
        self.brand.setObjectName("homeBrand")
        self.show_name = QLabel(self)
        self.show_name.setObjectName("homeShow")
        self.show_name.setWordWrap(True)
        self.greeting = QLabel(self)
        self.greeting.setObjectName("homeGreeting")
        self.greeting.setWordWrap(True)
        column.addWidget(self.brand)
        column.addWidget(self.show_name)
        column.addSpacing(8)
        column.addWidget(self.greeting)

    def _build_search(self, column: QVBoxLayout) -> None:
        """The large search bar: a button that opens the navigator's search."""
        self.search = QToolButton(self)
        self.search.setObjectName("homeSearch")
        self.search.setIcon(icon("search", UI.ink_soft, 32))
        self.search.setIconSize(QSize(32, 32))
        self.search.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.setMinimumHeight(88)
        self.search.clicked.connect(self.search_requested.emit)
        column.addWidget(self.search)
        doors = QHBoxLayout()
        doors.setSpacing(14)
        self.directory_button = QToolButton(self)
        self.directory_button.clicked.connect(self.directory_requested.emit)
        self.programme_button = QToolButton(self)
        self.programme_button.clicked.connect(self.programme_requested.emit)
        for button in (self.directory_button, self.programme_button):
            button.setObjectName("homeDoor")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(72)
            doors.addWidget(button)
        column.addLayout(doors)

    def _build_services(self, column: QVBoxLayout) -> None:
        """The service tiles (:data:`HOME_SERVICES`), nearest to this kiosk on foot."""
        self.services_title = self._section_title(column)
        grid, self.service_buttons = service_grid(
            self, HOME_SERVICES, self.service_requested.emit, object_name="homeService",
            icon_size=40, min_height=112)
        grid.setSpacing(12)
        column.addLayout(grid)

    def _build_themes(self, column: QVBoxLayout) -> None:
        """A chip per theme of the show, in its map colour."""
        self.themes_title = self._section_title(column)
        chips = QWidget(self)
        flow = FlowLayout(chips, spacing=12)
        self.theme_buttons: dict[str, QToolButton] = {}
        for theme in self.themes.themes:
            if theme.id == "other":
                continue
            chip = QToolButton(chips)
            chip.setObjectName("homeTheme")
            chip.setIcon(_dot(theme.colour))
            chip.setIconSize(QSize(18, 18))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setMinimumHeight(60)
            chip.clicked.connect(lambda _=False, t=theme.id: self.theme_requested.emit(t))
            flow.addWidget(chip)
            self.theme_buttons[theme.id] = chip
        column.addWidget(chips)
        self.theme_chips = chips

    def _build_languages(self, column: QVBoxLayout) -> None:
        """A button per language, each named in its own language."""
        languages = QHBoxLayout()
        languages.setSpacing(12)
        self.language_buttons: dict[str, QToolButton] = {}
        for code, native in LANGUAGES:
            button = QToolButton(self)
            button.setObjectName("homeLanguage")
            button.setText(native)
            button.setCheckable(True)
            button.setMinimumHeight(60)
            button.clicked.connect(lambda _=False, c=code: self.language_requested.emit(c))
            languages.addWidget(button)
            self.language_buttons[code] = button
        languages.addStretch(1)
        self.access = access_button(self)
        self.access.setMinimumHeight(60)
        languages.addWidget(self.access)
        column.addLayout(languages)

    def _build_today(self) -> QFrame:
        """The right column: today's programme and where this kiosk stands."""
        card = QFrame(self)
        card.setObjectName("homeCard")
        right = QVBoxLayout(card)
        right.setContentsMargins(32, 28, 32, 24)
        right.setSpacing(10)
        self.today_title = QToolButton(card)
        self.today_title.setObjectName("homeCardTitle")
        self.today_title.clicked.connect(self.programme_requested.emit)
        self.today_date = QLabel(card)
        self.today_date.setObjectName("homeCardDate")
        right.addWidget(self.today_title)
        right.addWidget(self.today_date)
        self.session_rows: list[SessionRow] = []
        for _ in range(7):
            row = SessionRow(card)
            row.clicked.connect(lambda r=row: r.place and self.place_requested.emit(r.place))
            right.addWidget(row)
            self.session_rows.append(row)
        self.no_sessions = QLabel(card)
        self.no_sessions.setObjectName("homeCardNote")
        self.no_sessions.setWordWrap(True)
        right.addWidget(self.no_sessions)
        right.addStretch(1)
        self.here = QLabel(card)
        self.here.setObjectName("homeHere")
        self.here.setWordWrap(True)
        right.addWidget(self.here)
        self.staff_note = QLabel(card)
        self.staff_note.setObjectName("homeStaffNote")
        self.staff_note.setWordWrap(True)
        right.addWidget(self.staff_note)
        return card

    def set_one_column(self, on: bool) -> None:
        """Everything in one column (a portrait screen) or the programme beside (landscape)."""
        self._one_column = on
        self._lay_out(getattr(self, "_low", False))
        self.outer.setSpacing(28 if on else 48)

    def set_compact(self, on: bool) -> None:
        """A small screen (1366 x 768): tighter margins, smaller tiles, no theme chips
        (the search has them) and the next four sessions (the programme has them all)."""
        self._compact = on
        self.outer.setContentsMargins(*((32, 20, 32, 16) if on else (64, 48, 64, 40)))
        self.left.setSpacing(10 if on else 18)
        for button in self.service_buttons.values():
            button.setMinimumHeight(84 if on else 112)
        self.search.setMinimumHeight(64 if on else 88)
        for button in (self.directory_button, self.programme_button):
            button.setMinimumHeight(56 if on else 72)
        self._fit_themes()
        self._fill_sessions()

    def _fit_themes(self) -> None:
        roomy = not getattr(self, "_compact", False) and not getattr(self, "_low", False)
        self.themes_title.setVisible(roomy)
        self.theme_chips.setVisible(roomy)

    def set_reach(self, low: bool, tall: bool = False) -> None:
        """The controls at the foot of the screen (accessibility mode): the buttons under
        the heading come down, and in one column the programme goes above them."""
        self._low = low
        self.left.setStretch(self._low_stretch, 1 if low else 0)
        self.left.setStretch(self._high_stretch, 0 if low else 1)
        # large text: the themes (also in the search) and all but the next few sessions
        # (all in the programme) make room for the controls
        self._fit_themes()
        self._lay_out(low)
        self._fill_sessions()

    def _lay_out(self, low: bool) -> None:
        if self._one_column:
            self.outer.setDirection(QBoxLayout.Direction.BottomToTop if low
                                    else QBoxLayout.Direction.TopToBottom)
        else:
            self.outer.setDirection(QBoxLayout.Direction.LeftToRight)

    # -- language and content --------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for code, button in self.language_buttons.items():
            button.setChecked(code == lang)
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        show = self.nav.show.show
        self.show_name.setText(pick(show.name, show.name_zh, self.lang))
        self.greeting.setText(self.tr("Where would you like to go? Touch to start."))
        self.search.setText(self.tr("Search exhibitors, booths or services"))
        self.search.setAccessibleName(self.tr("Search"))
        self.directory_button.setText(self.tr("Exhibitors A–Z"))
        self.programme_button.setText(self.tr("Programme"))
        self.services_title.setText(self.tr("Nearest to this kiosk"))
        self.themes_title.setText(self.tr("Browse by theme"))
        names = {"exit": self.tr("Exits")}
        for category, button in self.service_buttons.items():
            button.setText(names.get(category) or amenity_name(category))
        for theme_id, chip in self.theme_buttons.items():
            theme = self.themes.theme(theme_id)
            chip.setText(theme.name(self.lang) if theme else theme_id)
        self.today_title.setText(self.tr("Today at the show  ›"))
        self.today_title.setAccessibleName(self.tr("Programme"))
        self.here.setText(self.kiosk_label)
        self._fill_sessions()

    def refresh_clock(self) -> None:
        """Read the clock again (on a show day the programme moves on every minute)."""
        if not self.clock.demo:
            show = self.nav.show.show
            self.clock = show_clock(show.start_date, show.end_date, show.timezone)
        self._fill_sessions()

    def _fill_sessions(self) -> None:
        now = self.clock.now
        if is_chinese(self.lang):
            self.today_date.setText(f"{now.month}月{now.day}日 {now:%H:%M}")
        else:  # the month in the visitor's language: 18 Maret 2025
            day = now.date().isoformat()
            self.today_date.setText(f"{show_dates(day, day, self.lang)} · {now:%H:%M}")
        shown = len(self.session_rows)
        if getattr(self, "_compact", False) or getattr(self, "_low", False):
            shown = 4  # a small screen, or large text: the next four (the programme has all)
        if getattr(self, "_low", False) and (self._one_column or getattr(self, "_compact", False)):
            shown = 3
        sessions = sessions_now_and_next(self.nav.show.sessions, now, shown)
        for i, row in enumerate(self.session_rows):
            s = sessions[i] if i < len(sessions) else None
            row.setVisible(s is not None)
            if s is None:
                row.place = ""
                continue
            start, end = _local(s.start), _local(s.end)
            running = start <= now
            try:
                place = self.nav.place(s.place)
                where = pick(place.name, place.name_zh, self.lang)
            except Exception:  # noqa: BLE001 - a session at an unknown place: no way there
                where = s.place
            row.set_session(self.tr("Now") if running else f"{start:%H:%M}",
                            f"{start:%H:%M}–{end:%H:%M}", pick(s.title, s.title_zh, self.lang),
                            where, s.place, running)
        SessionRow.line_up(self.session_rows)
        self.no_sessions.setVisible(not sessions)
        self.no_sessions.setText(self.tr("Nothing else on the programme today."))
        self.staff_note.setVisible(self.clock.demo)
        if self.clock.demo:
            self.staff_note.setText(
                f"Staff: demo clock {now:%Y-%m-%d %H:%M} ({self.clock.reason}).")
