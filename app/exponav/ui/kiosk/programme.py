"""The programme: every show day's sessions by time and stage, what is on now and next,
and a session's card with its place, the way there and "add to visit".

A button per show day (today, by the show clock, chosen first); under it the day's public
sessions (not the private matchmaking meetings) in order of time, those running marked
"On now" and the first still to come "Next". A tap opens the session's card: its title,
day and time, its stage and level, the exhibitor taking part, and two buttons: the way
there from this kiosk, and the session as an appointment in the visit (the visitor is
planned to be there when it starts).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.i18n import is_chinese, pick
from exponav.ui.kiosk.access import access_button
from exponav.ui.kiosk.home import SessionRow

__all__ = ["ProgrammePanel", "session_state"]


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def session_state(sessions, now: datetime) -> dict[str, str]:
    """``{session id: "now" | "next"}`` for ``now``: the running sessions, and the first
    to start after ``now`` on its day (all that start then)."""
    state = {s.id: "now" for s in sessions if _local(s.start) <= now < _local(s.end)}
    later = [s for s in sessions if _local(s.start) > now and _local(s.start).date() == now.date()]
    if later:
        first = min(_local(s.start) for s in later)
        state.update({s.id: "next" for s in later if _local(s.start) == first})
    return state


class ProgrammePanel(QWidget):
    """See the module docstring."""

    back_requested = Signal()
    way_requested = Signal(str)  # a place id
    visit_requested = Signal(str, str)  # a place id, the appointment HH:MM

    def __init__(self, nav, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmePage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.nav = nav
        self.clock = clock
        self.lang = "en"
        show = nav.show_info
        first, last = date.fromisoformat(show.start_date), date.fromisoformat(show.end_date)
        self.days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        self.day = clock.now.date() if clock.now.date() in self.days else self.days[0]
        self.session = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 16)
        outer.setSpacing(12)
        head = QHBoxLayout()
        self.back = QToolButton(self)
        self.back.setObjectName("directoryBack")
        self.back.setMinimumSize(QSize(48, 52))
        self.back.clicked.connect(self._back)
        head.addWidget(self.back)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        head.addWidget(self.title, 1)
        self.access = access_button(self)
        head.addWidget(self.access)
        outer.addLayout(head)
        self.outer = outer
        days = QHBoxLayout()
        days.setSpacing(10)
        self.day_buttons: dict[date, QToolButton] = {}
        for d in self.days:
            b = QToolButton(self)
            b.setObjectName("facetButton")
            b.setCheckable(True)
            b.setMinimumHeight(56)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.clicked.connect(lambda _=False, v=d: self.set_day(v))
            days.addWidget(b, 1)
            self.day_buttons[d] = b
        outer.addLayout(days)

        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages, 1)
        scroll = QScrollArea(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(scroll)
        holder.setObjectName("programmeList")
        self.rows_box = QVBoxLayout(holder)
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(10)
        self.empty = QLabel(holder)
        self.empty.setObjectName("homeCardNote")
        self.empty.setWordWrap(True)
        self.rows_box.addWidget(self.empty)
        self.rows_box.addStretch(1)
        scroll.setWidget(holder)
        self.pages.addWidget(scroll)
        self.rows: list[SessionRow] = []
        self.row_sessions: list = []
        self.pages.addWidget(self._build_card())
        self.set_language("en")

    def _build_card(self) -> QWidget:
        card = QFrame(self.pages)
        card.setObjectName("homeCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(14)
        self.card_state = QLabel(card)
        self.card_state.setObjectName("sessionState")
        self.card_title = QLabel(card)
        self.card_title.setObjectName("homeCardTitle")
        self.card_title.setWordWrap(True)
        self.card_when = QLabel(card)
        self.card_when.setObjectName("homeCardDate")
        self.card_where = QLabel(card)
        self.card_where.setObjectName("homeCardNote")
        self.card_where.setWordWrap(True)
        self.card_with = QLabel(card)
        self.card_with.setObjectName("homeCardNote")
        self.card_with.setWordWrap(True)
        for label in (self.card_state, self.card_title, self.card_when, self.card_where,
                      self.card_with):
            column.addWidget(label)
        column.addStretch(1)
        self.way_button = QPushButton(card)
        self.way_button.setObjectName("overlayButton")
        self.way_button.setMinimumHeight(72)
        self.way_button.clicked.connect(self._way)
        self.visit_button = QPushButton(card)
        self.visit_button.setObjectName("kioskPrint")
        self.visit_button.setMinimumHeight(72)
        self.visit_button.clicked.connect(self._add_to_visit)
        column.addWidget(self.way_button)
        column.addWidget(self.visit_button)
        return card

    # -- language --------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _day_name(self, d: date) -> str:
        if is_chinese(self.lang):
            return f"{d.month}月{d.day}日"
        return f"{d.day} {self._month(d.month)}"

    def _month(self, month: int) -> str:
        names = [self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"),
                 self.tr("May"), self.tr("June"), self.tr("July"), self.tr("August"),
                 self.tr("September"), self.tr("October"), self.tr("November"),
                 self.tr("December")]
        return names[month - 1]

    def retranslate_ui(self) -> None:
        self.back.setText(self.tr("‹ Back"))
        self.back.setAccessibleName(self.tr("Back"))
        self.title.setText(self.tr("Programme"))
        today = self.tr("Today")
        for d, b in self.day_buttons.items():
            b.setText(self._day_name(d) + (f" · {today}" if d == self.clock.now.date() else ""))
        self.way_button.setText(self.tr("Show me the way"))
        self.visit_button.setText(self.tr("Add to my visit"))
        self.empty.setText(self.tr("No public sessions on this day."))
        self.refresh()
        if self.session is not None:
            self.open_session(self.session)

    # -- the day's sessions ----------------------------------------------------------

    def set_day(self, d: date) -> None:
        self.day = d
        self.pages.setCurrentIndex(0)
        self.refresh()

    def day_sessions(self) -> list:
        return self.nav.public_sessions(self.day.isoformat())

    def _place_name(self, place_id: str) -> str:
        try:
            place = self.nav.place(place_id)
        except Exception:  # noqa: BLE001 - a session at an unknown place keeps its id
            return place_id
        name = pick(place.name, place.name_zh, self.lang)
        return f"{name} · {self.nav.level_name(place.level, self.lang)}"

    def refresh(self) -> None:
        for d, b in self.day_buttons.items():
            b.setChecked(d == self.day)
        sessions = self.day_sessions()
        state = session_state(sessions, self.clock.now)
        while len(self.rows) < len(sessions):
            row = SessionRow(self)
            row.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            n = len(self.rows)
            row.clicked.connect(lambda n=n: self.open_session(self.row_sessions[n]))
            self.rows_box.insertWidget(self.rows_box.count() - 2, row)
            self.rows.append(row)
        self.row_sessions = sessions
        for i, row in enumerate(self.rows):
            s = sessions[i] if i < len(sessions) else None
            row.setVisible(s is not None)
            if s is None:
                continue
            start, end = _local(s.start), _local(s.end)
            when = {"now": self.tr("Now"), "next": self.tr("Next")}.get(state.get(s.id, ""),
                                                                         f"{start:%H:%M}")
            title = pick(s.title, s.title_zh, self.lang)
            row.set_session(when, f"{start:%H:%M}–{end:%H:%M}", title,
                            self._place_name(s.place), s.place, state.get(s.id) == "now")
            row.setAccessibleName(f"{start:%H:%M}, {title}, {self._place_name(s.place)}")
        SessionRow.line_up(self.rows)
        self.empty.setVisible(not sessions)

    # -- a session's card --------------------------------------------------------------

    def open_session(self, session) -> None:
        self.session = session
        start, end = _local(session.start), _local(session.end)
        state = session_state(self.day_sessions(), self.clock.now).get(session.id, "")
        self.card_state.setText({"now": self.tr("On now"), "next": self.tr("Next")}
                                .get(state, ""))
        self.card_state.setVisible(bool(state))
        self.card_title.setText(pick(session.title, session.title_zh, self.lang))
        self.card_when.setText(f"{self._day_name(start.date())} · {start:%H:%M}–{end:%H:%M}")
        self.card_where.setText(self.tr("Where: %1").replace("%1", self._place_name(session.place)))
        ex = self.nav.show.exhibitors.get(session.exhibitor) if session.exhibitor else None
        self.card_with.setText(self.tr("With %1").replace("%1", pick(ex.name, ex.name_zh,
                                                                    self.lang)) if ex else "")
        self.card_with.setVisible(ex is not None)
        self.pages.setCurrentIndex(1)

    def card_open(self) -> bool:
        return self.pages.currentIndex() == 1

    def _back(self) -> None:
        if self.card_open():
            self.pages.setCurrentIndex(0)
            self.session = None
        else:
            self.back_requested.emit()

    def _way(self) -> None:
        if self.session is not None:
            self.way_requested.emit(self.session.place)

    def _add_to_visit(self) -> None:
        if self.session is not None:
            self.visit_requested.emit(self.session.place, f"{_local(self.session.start):%H:%M}")

    def set_reach(self, low: bool) -> None:
        """The page's buttons at its foot (accessibility mode on a tall screen)."""
        self.outer.setDirection(QBoxLayout.Direction.BottomToTop if low
                                else QBoxLayout.Direction.TopToBottom)

    def reset(self) -> None:
        """Today's list, no card open (the visitor walked away)."""
        self.session = None
        now = self.clock.now.date()
        self.set_day(now if now in self.days else self.days[0])
