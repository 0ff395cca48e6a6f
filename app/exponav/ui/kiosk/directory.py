"""The A–Z exhibitor directory: every exhibitor by name, narrowed by country, pavilion,
theme and level, with counts; a tap opens the exhibitor's card on the map.

In English the names run A to Z under their letters; in Chinese they run in zhuyin order
(the order of Taiwanese dictionaries and directories: ㄅㄆㄇㄈ…, then the tones) under the
first symbol of their first character, and names that begin with Latin letters follow
A to Z. Each filter is a row of buttons that opens its choices in place, each with the
number of exhibitors it would leave given the other filters; "All" clears it. The letter
bar above the list jumps to a letter. Everything is a button of at least 48 px, and works with a keypad.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.flow_layout import FlowLayout
from exponav.ui.common.i18n import is_chinese, pick
from exponav.ui.kiosk.access import access_button
from exponav.ui.kiosk.zhuyin import TONES, readings
from exponav.ui.panels.results import ENTRY_ROLE, ResultDelegate, ResultEntry, booth_summary

__all__ = ["FACETS", "DirectoryPanel", "Listing", "sort_key"]

FACETS = ("country", "pavilion", "theme", "level")
_TONE_ORDER = {"": "1", "ˉ": "1", "ˊ": "2", "ˇ": "3", "ˋ": "4", "˙": "5"}


def _reading_key(ch: str) -> str:
    found = readings(ch)
    if not found:
        return ch
    r = found[0]
    tone = r[-1] if r and r[-1] in TONES else ""
    return r.rstrip(TONES) + _TONE_ORDER[tone]


def sort_key(name: str, chinese: bool) -> tuple:
    """Where a name goes in the directory: A to Z, or zhuyin order for Chinese names.

    >>> sorted(["Zeta", "alpha", "Beta"], key=lambda n: sort_key(n, False))
    ['alpha', 'Beta', 'Zeta']
    >>> sorted(["中華電信", "台灣大哥大", "NTT", "八方"], key=lambda n: sort_key(n, True))
    ['八方', '台灣大哥大', '中華電信', 'NTT']
    """
    text = name.strip()
    if chinese and text and "\u3400" <= text[0] <= "\u9fff":
        return (0, tuple(_reading_key(c) for c in text[:6]), text)
    return (1, text.casefold(), text)


def index_letter(name: str, chinese: bool) -> str:
    """The heading a name stands under: its first Latin letter, or in Chinese the first
    zhuyin symbol of its first character; ``#`` for anything else.

    >>> index_letter("chunghwa", False), index_letter("中華電信", True), index_letter("5G Lab", False)
    ('C', 'ㄓ', '#')
    """
    text = name.strip()
    if not text:
        return "#"
    first = text[0]
    if chinese and "\u3400" <= first <= "\u9fff":
        found = readings(first)
        return found[0][0] if found else "#"
    return first.upper() if first.isascii() and first.isalpha() else "#"


@dataclass(frozen=True)
class Listing:
    """One exhibitor as the directory sees it."""

    id: str
    name: str
    name_zh: str
    booths: tuple[str, ...]
    country: str
    pavilions: tuple[str, ...]  # zone ids
    theme: str  # theme id
    levels: tuple[str, ...]

    def values(self, facet: str) -> tuple[str, ...]:
        if facet == "country":
            return (self.country,) if self.country else ()
        if facet == "pavilion":
            return self.pavilions
        if facet == "theme":
            return (self.theme,) if self.theme else ()
        return self.levels


class DirectoryPanel(QWidget):
    """See the module docstring. :attr:`exhibitor_chosen` with an exhibitor id;
    :attr:`back_requested` for the page's Back."""

    exhibitor_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, nav, themes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.nav = nav
        self.themes = themes
        self.lang = "en"
        self.chosen: dict[str, str | None] = dict.fromkeys(FACETS)
        self.open_facet: str | None = None
        self.zone_names = {z.id: (z.name, z.name_zh) for p in nav.level_plans() for z in p.zones}
        self.listings = [
            Listing(ex.id, ex.name, ex.name_zh, ex.booths, ex.country,
                    tuple(z.id for z in pavilions),
                    (t.id if (t := themes.theme_of(ex.categories)) is not None else ""), levels)
            for ex, levels, pavilions in nav.directory()]

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 16)
        outer.setSpacing(12)
        head = QHBoxLayout()
        self.back = self._button("directoryBack", self.back_requested.emit)
        head.addWidget(self.back)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.count = QLabel(self)
        self.count.setObjectName("pageCount")
        head.addWidget(self.count)
        self.access = access_button(self)
        head.addWidget(self.access)
        outer.addLayout(head)
        self.outer = outer

        facets = QHBoxLayout()
        facets.setSpacing(10)
        self.facet_buttons: dict[str, QToolButton] = {}
        for facet in FACETS:
            b = self._button("facetButton", lambda f=facet: self.toggle_facet(f))
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            facets.addWidget(b)
            self.facet_buttons[facet] = b
        outer.addLayout(facets)
        self.options_box = QFrame(self)
        self.options_box.setObjectName("facetOptions")
        self.options_flow = FlowLayout(self.options_box, spacing=8)
        self.options_box.hide()
        self.option_buttons: dict[str | None, QToolButton] = {}
        self._option_pool: list[QToolButton] = []
        self._option_values: list[tuple[str, str | None]] = []
        outer.addWidget(self.options_box)

        self.letters_box = QWidget(self)
        self.letters = FlowLayout(self.letters_box, spacing=4)
        outer.addWidget(self.letters_box)
        self.list = QListWidget(self)
        self.list.setObjectName("directoryList")
        delegate = ResultDelegate(self.list)
        delegate.set_text_scale(1.35)  # read from a step away
        self.list.setItemDelegate(delegate)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.itemClicked.connect(self._item_chosen)
        self.list.itemActivated.connect(self._item_chosen)
        outer.addWidget(self.list, 1)
        self.letter_buttons: dict[str, QToolButton] = {}
        self._letter_pool: list[QToolButton] = []
        self._letters: list[str] = []
        self._rows: list[ResultEntry] = []
        self._stale = False
        self.set_language("en")

    def _button(self, name: str, slot: Callable[[], None]) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setMinimumSize(QSize(48, 52))
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.clicked.connect(lambda _=False: slot())
        return b

    # -- language --------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def facet_title(self, facet: str) -> str:
        return {"country": self.tr("Country or region"), "pavilion": self.tr("Pavilion"),
                "theme": self.tr("Theme"), "level": self.tr("Level")}[facet]

    def value_name(self, facet: str, value: str) -> str:
        if facet == "pavilion":
            en, zh = self.zone_names.get(value, (value, ""))
            return pick(en, zh, self.lang)
        if facet == "theme":
            theme = self.themes.theme(value)
            return theme.name(self.lang) if theme else value
        if facet == "level":
            return self.nav.level_name(value, self.lang)
        return value

    def retranslate_ui(self) -> None:
        self.back.setText(self.tr("‹ Back"))
        self.back.setAccessibleName(self.tr("Back"))
        self.back.setMinimumWidth(self.back.sizeHint().width())  # the title gives way
        # on a narrow screen the title wraps between words, never inside "A–Z"
        self.title.setText(self.tr("Exhibitors A–Z").replace("–", "\u2060–\u2060"))
        if self.isVisible():
            self.refresh()
        else:  # a language switched elsewhere: the list is made when next shown or read
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self.refresh()
        super().showEvent(event)

    @property
    def rows(self) -> list[ResultEntry]:
        """The list's rows (headers and exhibitors), in the page's language."""
        if self._stale:
            self.refresh()
        return self._rows

    # -- filtering -------------------------------------------------------------------

    def matching(self, skip: str | None = None) -> list[Listing]:
        """The listings the chosen filters keep (all but ``skip``'s)."""
        return [x for x in self.listings
                if all(v is None or f == skip or v in x.values(f) for f, v in self.chosen.items())]

    def counts(self, facet: str) -> Counter[str]:
        """How many exhibitors each value of ``facet`` would leave, the others applied."""
        counts: Counter[str] = Counter()
        for x in self.matching(skip=facet):
            counts.update(set(x.values(facet)))
        return counts

    def choose(self, facet: str, value: str | None) -> None:
        self.chosen[facet] = value
        self.open_facet = None
        self.refresh()

    def clear_filters(self) -> None:
        self.chosen = dict.fromkeys(FACETS)
        self.open_facet = None
        self.refresh()

    def toggle_facet(self, facet: str) -> None:
        self.open_facet = None if self.open_facet == facet else facet
        self._fill_options()
        for f, b in self.facet_buttons.items():
            b.setChecked(f == self.open_facet)

    def _pooled(self, pool: list[QToolButton], n: int, parent: QWidget, flow: FlowLayout,
                name: str, height: int) -> list[QToolButton]:
        """``n`` buttons from ``pool``, made only when it has too few: a kiosk filters all
        day, and every widget made and destroyed leaves a little of Qt's memory behind."""
        while len(pool) < n:
            b = QToolButton(parent)
            b.setObjectName(name)
            b.setMinimumSize(QSize(48, height))
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            i = len(pool)
            b.clicked.connect(lambda _=False, i=i, p=pool: self._pool_clicked(p, i))
            flow.addWidget(b)
            pool.append(b)
        for i, b in enumerate(pool):
            b.setVisible(i < n)
        return pool[:n]

    def _pool_clicked(self, pool: list[QToolButton], i: int) -> None:
        if pool is self._option_pool:
            facet, value = self._option_values[i]
            self.choose(facet, value)
        else:
            self.jump_to(self._letters[i])

    def _fill_options(self) -> None:
        facet = self.open_facet
        self.options_box.setVisible(facet is not None)
        self.option_buttons = {}
        if facet is None:
            return
        counts = self.counts(facet)
        total = len(self.matching(skip=facet))
        options: list[tuple[str | None, str, int]] = [(None, self.tr("All"), total)]
        named = sorted(counts, key=lambda v: sort_key(self.value_name(facet, v),
                                                      is_chinese(self.lang)))
        if facet == "level":
            named = [lv for lv in self.nav.levels if lv in counts]
        options += [(v, self.value_name(facet, v), counts[v]) for v in named]
        buttons = self._pooled(self._option_pool, len(options), self.options_box,
                               self.options_flow, "facetOption", 52)
        self._option_values = [(facet, value) for value, _, _ in options]
        for b, (value, name, n) in zip(buttons, options, strict=True):
            b.setCheckable(True)
            b.setChecked(self.chosen[facet] == value)
            b.setText(f"{name}  ({n})".replace("&", "&&"))
            b.setAccessibleName(f"{name}, {n}")
            self.option_buttons[value] = b

    # -- the list --------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        chinese = is_chinese(self.lang)
        shown = self.matching()
        named = sorted(((pick(x.name, x.name_zh, self.lang), x) for x in shown),
                       key=lambda nx: sort_key(nx[0], chinese))
        self._rows = []
        letters: list[str] = []
        for name, x in named:
            letter = index_letter(name, chinese)
            if not letters or letters[-1] != letter:
                letters.append(letter)
                self._rows.append(ResultEntry("header", letter, letter))
            theme = self.themes.theme(x.theme) if x.theme else None
            where = " · ".join(p for p in (booth_summary(x.booths),
                                           self.nav.level_name(x.levels[0], self.lang)
                                           if x.levels else "", x.country) if p)
            self._rows.append(ResultEntry("exhibitor", x.id, name, where, booths=x.booths,
                                         levels=x.levels,
                                         colour=theme.colour if theme else None,
                                         theme=x.theme or None))
        self.list.clear()
        for row in self._rows:
            item = QListWidgetItem()
            item.setData(ENTRY_ROLE, row)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{row.title}, {row.subtitle}" if row.kind != "header" else row.title)
            if row.kind == "header":
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self._fill_letters(letters)
        n = len(shown)
        self.count.setText(self.tr("1 exhibitor") if n == 1 else
                           self.tr("%1 exhibitors").replace("%1", str(n)))
        for facet, b in self.facet_buttons.items():
            value = self.chosen[facet]
            label = self.facet_title(facet)
            b.setText((f"{label}: {self.value_name(facet, value)}" if value else label)
                      .replace("&", "&&") + "  ▾")
            b.setAccessibleName(f"{label}: {self.value_name(facet, value) if value else self.tr('All')}")
            b.setChecked(facet == self.open_facet)
        self._fill_options()

    def _fill_letters(self, letters: list[str]) -> None:
        self._letters = letters
        buttons = self._pooled(self._letter_pool, len(letters), self.letters_box,
                               self.letters, "letterButton", 48)
        self.letter_buttons = {}
        for b, letter in zip(buttons, letters, strict=True):
            b.setText(letter.replace("&", "&&"))
            b.setAccessibleName(self.tr("Names under %1").replace("%1", letter))
            self.letter_buttons[letter] = b

    def jump_to(self, letter: str) -> None:
        """Scroll the list so that ``letter``'s heading is at the top."""
        for i, row in enumerate(self.rows):
            if row.kind == "header" and row.id == letter:
                self.list.scrollToItem(self.list.item(i),
                                       QAbstractItemView.ScrollHint.PositionAtTop)
                return

    def exhibitor_rows(self) -> list[ResultEntry]:
        return [r for r in self.rows if r.kind == "exhibitor"]

    def _item_chosen(self, item: QListWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if entry is not None and entry.kind == "exhibitor":
            self.exhibitor_chosen.emit(entry.id)

    def set_reach(self, low: bool) -> None:
        """The page's buttons at its foot (accessibility mode on a tall screen)."""
        self.outer.setDirection(QBoxLayout.Direction.BottomToTop if low
                                else QBoxLayout.Direction.TopToBottom)

    def reset(self) -> None:
        """No filters, at the top (the visitor walked away)."""
        self.chosen = dict.fromkeys(FACETS)
        self.open_facet = None
        self.refresh()
        self.list.scrollToTop()
