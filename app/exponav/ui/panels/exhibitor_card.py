"""ExhibitorCard: who is on a booth, where, what they show, and what happens there today.

The card shows an exhibitor (names in English and Chinese, booths and levels,
categories, country, description, the website as a QR code a phone can scan, and
today's sessions), or a booth nobody has taken yet, or a service such as a stage.

Features that arrive later add their buttons with :meth:`ExhibitorCard.add_action`;
until then the card shows none, so there is never a control that does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.core.model import Session
from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.assets import icon
from exponav.ui.common.flow_layout import FlowLayout
from exponav.ui.common.i18n import is_chinese, pick
from exponav.ui.common.palette import ThemeColours, amenity_style, fill_tone
from exponav.ui.panels.controls import back_button
from exponav.ui.panels.qr_code import QrCode

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["CardSubject", "ExhibitorCard", "show_day"]


@dataclass(frozen=True)
class CardSubject:
    """What the card is showing; handed to action callbacks."""

    kind: str  # exhibitor | booth | amenity
    id: str  # exhibitor id, booth code or amenity id
    booths: tuple[str, ...] = ()
    level: str | None = None


def show_day(start: str, end: str, timezone: str, today: QDate | None = None) -> tuple[QDate, bool]:
    """The day whose sessions the card lists, and whether it is really today.

    Today in the show's time zone when the show is on; otherwise the show's first day.

    >>> d, real = show_day("2025-03-18", "2025-03-21", "Asia/Taipei", QDate(2025, 3, 20))
    >>> d.toString("yyyy-MM-dd"), real
    ('2025-03-20', True)
    >>> show_day("2025-03-18", "2025-03-21", "Asia/Taipei", QDate(2026, 1, 1))[0].day()
    18
    """
    first = QDate.fromString(start, "yyyy-MM-dd")
    last = QDate.fromString(end, "yyyy-MM-dd")
    if today is None:
        tz = QTimeZone(timezone.encode()) if timezone else QTimeZone()
        now = QDateTime.currentDateTime()
        today = now.toTimeZone(tz).date() if tz.isValid() else now.date()
    if first.isValid() and last.isValid() and first <= today <= last:
        return today, True
    return (first if first.isValid() else today), False


class ExhibitorCard(QScrollArea):
    back_requested = Signal()
    booth_requested = Signal(str)  # a booth code tapped on the card

    def __init__(self, nav: Navigator, themes: ThemeColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.nav = nav
        self.themes = themes
        self.lang = "en"
        self.subject: CardSubject | None = None
        self.today: QDate | None = None  # fixed "today" for tests; None: the show clock
        self._actions: list[tuple[str, Callable[[CardSubject], None], str | None,
                                  Callable[[CardSubject], str | None] | None]] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.labels: dict[str, QLabel] = {}
        self.qr: QrCode | None = None
        self.action_buttons: list[QPushButton] = []
        self._build(None)

    # -- public API ------------------------------------------------------------------

    def add_action(self, text: str, callback: Callable[[CardSubject], None],
                   icon_name: str | None = None,
                   label: Callable[[CardSubject], str | None] | None = None) -> None:
        """Add a button under every card from now on; ``callback(subject)`` on click.

        ``text`` should already be translated by the caller's ``tr()``; a caller that
        supports language switching re-adds its action in its own retranslation.
        ``label(subject)``, when given, may name the button otherwise for a subject
        (such as "Remove from visit" for a stop already in the visit); None keeps
        ``text``. :meth:`refresh_actions` asks again.
        """
        self._actions = [a for a in self._actions if a[0] != text] + [
            (text, callback, icon_name, label)]
        self._build(self.subject)

    def refresh_actions(self) -> None:
        """Name the action buttons again for the subject (after what they act on changed)."""
        for button, (text, _cb, _icon, label) in zip(self.action_buttons, self._actions,
                                                     strict=False):
            other = label(self.subject) if label is not None and self.subject else None
            button.setText(other or text)

    def clear(self) -> None:
        """Show nothing (the visitor walked away)."""
        self._build(None)

    def remove_action(self, text: str) -> None:
        self._actions = [a for a in self._actions if a[0] != text]
        self._build(self.subject)

    def show_exhibitor(self, exhibitor_id: str) -> None:
        ex = self.nav.show.exhibitors[exhibitor_id]
        levels = self._levels_of(ex.booths)
        self._build(CardSubject("exhibitor", ex.id, tuple(ex.booths), levels[0] if levels else None))

    def show_booth(self, code: str) -> None:
        info = self.nav.booth(code)
        if info.exhibitor is not None:
            self.show_exhibitor(info.exhibitor.id)
            return
        self._build(CardSubject("booth", info.code, (info.code,), info.level))

    def show_amenity(self, place_id: str) -> None:
        place = self.nav.place(place_id)
        self._build(CardSubject("amenity", place_id, (), place.level))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._build(self.subject)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self._build(self.subject)
        super().changeEvent(event)

    # -- building --------------------------------------------------------------------

    def _levels_of(self, codes) -> list[str]:
        return self.nav.levels_of(codes)

    def _level_name(self, level_id: str | None) -> str:
        if not level_id or level_id not in self.nav.levels:
            return ""
        return self.nav.level_name(level_id, self.lang)

    def _label(self, key: str, text: str, name: str = "cardText", wrap: bool = True) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels[key] = label
        return label

    def _build(self, subject: CardSubject | None) -> None:
        self.subject = subject
        self.labels = {}
        self.qr = None
        self.action_buttons = []
        page = QWidget()
        page.setObjectName("cardPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 8, 20, 20)
        layout.setSpacing(10)
        back = back_button(page, self.back_requested.emit)
        back.setText(self.tr("Back to results"))
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        self.back_button = back
        if subject is not None:
            if subject.kind == "exhibitor":
                self._exhibitor(layout, subject)
            elif subject.kind == "booth":
                self._free_booth(layout, subject)
            else:
                self._amenity(layout, subject)
            self._action_row(layout, subject)
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(page)

    def _theme_strip(self, layout: QVBoxLayout, colour: QColor, text: str) -> None:
        strip = QLabel(text)
        strip.setObjectName("themeTag")
        strip.setStyleSheet(
            f"background: {fill_tone(colour, 0.55).name()}; border-left: 4px solid "
            f"{colour.darker(115).name()};")
        self.labels["theme"] = strip
        layout.addWidget(strip, 0, Qt.AlignmentFlag.AlignLeft)

    def _facts(self, layout: QVBoxLayout, rows: list[tuple[str, str, QWidget | None]]) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for r, (key, value, widget) in enumerate(rows):
            name = QLabel(key)
            name.setObjectName("factName")
            grid.addWidget(name, r, 0, Qt.AlignmentFlag.AlignTop)
            if widget is None:
                widget = self._label(f"fact:{key}", value)
            grid.addWidget(widget, r, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

    def _booth_links(self, codes: tuple[str, ...]) -> QWidget:
        box = QWidget()
        flow = FlowLayout(box, spacing=4)
        for code in codes:
            button = QToolButton(box)
            button.setObjectName("boothLink")
            button.setText(code)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, c=code: self.booth_requested.emit(c))
            flow.addWidget(button)
        return box

    def _exhibitor(self, layout: QVBoxLayout, subject: CardSubject) -> None:
        ex = self.nav.show.exhibitors[subject.id]
        theme = self.themes.theme_of(ex.categories)
        if theme is not None:
            self._theme_strip(layout, theme.colour, theme.name(self.lang))
        chinese = is_chinese(self.lang)
        first, second = (ex.name_zh or ex.name, ex.name) if chinese else (ex.name, ex.name_zh)
        layout.addWidget(self._label("name", first, "cardTitle"))
        if second and second != first:
            layout.addWidget(self._label("name_other", second, "cardSubtitle"))
        if ex.demo:
            layout.addWidget(self._label("demo", self.tr("Illustrative exhibitor (demo data)"),
                                         "demoNote"))
        levels = self._levels_of(ex.booths)
        rows: list[tuple[str, str, QWidget | None]] = []
        booth_word = self.tr("Booth") if len(ex.booths) == 1 else self.tr("Booths")
        rows.append((booth_word, "", self._booth_links(tuple(ex.booths))))
        rows.append((self.tr("Level"), " · ".join(self._level_name(lv) for lv in levels), None))
        zones = []
        for code in ex.booths:
            info = self.nav.booth(code)
            if info.zone is not None:
                name = pick(info.zone.name, info.zone.name_zh, self.lang)
                if name not in zones:
                    zones.append(name)
        if zones:
            rows.append((self.tr("Area"), ", ".join(zones), None))
        if ex.country:
            rows.append((self.tr("Country"), ex.country, None))
        cats = [self.nav.show.categories.get(c) for c in ex.categories]
        names = [pick(c.name, c.name_zh, self.lang) for c in cats if c is not None]
        if names:
            rows.append((self.tr("Categories"), " · ".join(names), None))
        self._facts(layout, rows)
        description = pick(ex.description, ex.description_zh, self.lang)
        if description:
            layout.addWidget(self._label("description", description, "cardBody"))
        if ex.website:
            self._website(layout, ex.website)
        sessions = self._sessions_for(set(ex.booths), ex.id)
        self._sessions(layout, sessions)

    def _free_booth(self, layout: QVBoxLayout, subject: CardSubject) -> None:
        info = self.nav.booth(subject.id)
        layout.addWidget(self._label("name", self.tr("Booth %1").replace("%1", info.code),
                                     "cardTitle"))
        layout.addWidget(self._label("name_other", self.tr("Not yet assigned"), "cardSubtitle"))
        rows: list[tuple[str, str, QWidget | None]] = [
            (self.tr("Level"), self._level_name(info.level), None),
            (self.tr("Size"), self.tr("%1 m²").replace("%1", f"{info.booth.area_m2:.0f}"), None),
        ]
        if info.zone is not None:
            rows.append((self.tr("Area"), pick(info.zone.name, info.zone.name_zh, self.lang), None))
        self._facts(layout, rows)
        self._sessions(layout, self._sessions_for({info.code}, None))

    def _amenity(self, layout: QVBoxLayout, subject: CardSubject) -> None:
        place = self.nav.place(subject.id)
        amenity = self.nav.amenity(subject.id)
        category = amenity.category if amenity else place.kind
        if place.kind == "opening":
            category = self.nav.place_category(place) or "entrance"
        _, colour = amenity_style(category)
        self._theme_strip(layout, QColor(colour), amenity_name(category))
        title = pick(place.name, place.name_zh, self.lang) or amenity_name(category)
        layout.addWidget(self._label("name", title, "cardTitle"))
        self._facts(layout, [(self.tr("Level"), self._level_name(place.level), None)])
        self._sessions(layout, self._sessions_for({subject.id}, None), always=category == "stage")

    def _website(self, layout: QVBoxLayout, url: str) -> None:
        box = QFrame()
        box.setObjectName("qrBox")
        row = QHBoxLayout(box)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(14)
        self.qr = QrCode(url, 128, box)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        title = QLabel(self.tr("Website"))
        title.setObjectName("factName")
        text.addWidget(title)
        link = self._label("website", url, "cardLink")
        link.setWordWrap(True)
        text.addWidget(link)
        hint = self._label("qr_hint", self.tr("Scan with your phone to open it there."),
                           "cardHint")
        text.addWidget(hint)
        text.addStretch(1)
        row.addLayout(text, 1)
        layout.addWidget(box)

    def _today(self) -> QDate:
        """Today by the show clock (``nav.clock``), unless a test fixed :attr:`today`."""
        if self.today is not None:
            return self.today
        day = self.nav.clock.today()
        return QDate(day.year, day.month, day.day)

    def _sessions_for(self, places: set[str], exhibitor_id: str | None) -> list[Session]:
        s = self.nav.show_info
        day, _ = show_day(s.start_date, s.end_date, s.timezone, self._today())
        iso = day.toString("yyyy-MM-dd")
        found = {x.id: x for x in self.nav.sessions_at(places, iso)}
        if exhibitor_id:
            for x in self.nav.show.sessions:
                if x.exhibitor == exhibitor_id and x.start.startswith(iso):
                    found.setdefault(x.id, x)
        return sorted(found.values(), key=lambda x: (x.start, x.id))

    def _place_name(self, place_id: str) -> str:
        try:
            place = self.nav.place(place_id)
        except Exception:  # noqa: BLE001 - a zone id or a retired place: show the id
            return place_id
        name = pick(place.name, place.name_zh, self.lang) or place_id
        return f"{name} · {self._level_name(place.level)}"

    def _sessions(self, layout: QVBoxLayout, sessions: list[Session], always: bool = True) -> None:
        s = self.nav.show_info
        day, real = show_day(s.start_date, s.end_date, s.timezone, self._today())
        locale = QLocale(self.lang.replace("_", "-")) if self.lang != "en" else QLocale(
            QLocale.Language.English, QLocale.Country.UnitedKingdom)
        date_text = locale.toString(day, QLocale.FormatType.LongFormat)
        heading = QLabel()
        heading.setObjectName("sectionTitle")
        heading.setText(self.tr("Today, %1").replace("%1", date_text) if real
                        else self.tr("Show day 1, %1").replace("%1", date_text))
        self.labels["sessions_title"] = heading
        if not sessions and not always:
            return
        layout.addSpacing(6)
        layout.addWidget(heading)
        if not real:
            layout.addWidget(self._label(
                "day_note", self.tr("The show is not on today, so this lists its first day."),
                "cardHint"))
        if not sessions:
            layout.addWidget(self._label("no_sessions", self.tr("Nothing scheduled here on this "
                                                                "day."), "cardHint"))
            return
        for n, x in enumerate(sessions[:12]):
            row = QFrame()
            row.setObjectName("sessionRow")
            grid = QGridLayout(row)
            grid.setContentsMargins(10, 8, 10, 8)
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            when = QLabel(f"{x.start[11:16]}–{x.end[11:16]}")
            when.setObjectName("sessionTime")
            grid.addWidget(when, 0, 0, Qt.AlignmentFlag.AlignTop)
            title = self._label(f"session:{n}", pick(x.title, x.title_zh, self.lang), "sessionTitle")
            grid.addWidget(title, 0, 1)
            where = self._label(f"session_place:{n}", self._place_name(x.place), "cardHint")
            grid.addWidget(where, 1, 1)
            grid.setColumnStretch(1, 1)
            layout.addWidget(row)
        if len(sessions) > 12:
            layout.addWidget(self._label("more_sessions", self.tr("and %1 more").replace(
                "%1", str(len(sessions) - 12)),
                                         "cardHint"))

    def _action_row(self, layout: QVBoxLayout, subject: CardSubject) -> None:
        if not self._actions:
            return
        row = QHBoxLayout()
        row.setSpacing(8)
        for text, callback, icon_name, label in self._actions:
            other = label(subject) if label is not None else None
            button = QPushButton(other or text)
            button.setObjectName("cardAction")
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if icon_name:
                button.setIcon(icon(icon_name, "#ffffff", 20))
            button.clicked.connect(lambda _=False, cb=callback: cb(self.subject))
            row.addWidget(button)
            self.action_buttons.append(button)
        layout.addSpacing(6)
        layout.addLayout(row)
