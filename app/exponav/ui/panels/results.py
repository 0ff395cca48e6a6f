"""Search results as the panel lists them: grouped, named in the chosen language.

:func:`build_entries` turns the core's hits into rows: exhibitors, booths and
services (amenities; several of one kind on one level become one row, which shows
the nearest ones when chosen). :class:`ResultDelegate` paints a row: a colour dot
or icon, the name, then booth code, level and category in a quieter line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from exponav.core.errors import ExpoNavError
from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.assets import icon_pixmap
from exponav.ui.common.i18n import pick
from exponav.ui.common.palette import UI, ThemeColours, amenity_style, fill_tone

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.search.searcher import SearchHit

__all__ = ["ENTRY_ROLE", "ResultDelegate", "ResultEntry", "booth_summary", "build_entries",
           "level_counts", "service_category", "service_entry", "trailing_rect"]

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class ResultEntry:
    kind: str  # header | exhibitor | booth | amenity
    id: str
    title: str
    subtitle: str = ""
    level: str | None = None
    levels: tuple[str, ...] = ()
    booths: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # amenity ids (several for a grouped service row)
    category: str = ""  # amenity category
    colour: QColor | None = None
    theme: str | None = None
    extra: dict = field(default_factory=dict)


def booth_summary(codes: Sequence[str], most: int = 3) -> str:
    """'Q0125, Q0135 +8' for a long list of booth codes."""
    shown = ", ".join(codes[:most])
    return shown if len(codes) <= most else f"{shown} +{len(codes) - most}"


def _level_name(nav: Navigator, level_id: str | None, lang: str) -> str:
    return nav.level_name(level_id, lang) if level_id and level_id in nav.levels else ""


def _category_name(nav: Navigator, category_id: str, lang: str) -> str:
    cat = nav.show.categories.get(category_id)
    return pick(cat.name, cat.name_zh, lang) if cat else category_id


def service_category(nav: Navigator, place_id: str) -> str:
    """What a place serves, as the service buttons name it: an amenity's category,
    an opening's ``entrance`` or ``exit``, a connector end's kind (``elevator``), else
    ``information``."""
    a = nav.amenity(place_id)
    if a is not None:
        return a.category
    o = nav.opening(place_id)
    if o is not None:
        return o.service
    try:
        place = nav.place(place_id)
    except ExpoNavError:
        return "information"
    return nav.place_category(place) or "information"


def build_entries(hits: Sequence[SearchHit], nav: Navigator, lang: str, themes: ThemeColours,
                  focus: set[str] | None = None) -> list[ResultEntry]:
    """Rows for ``hits`` grouped under headers; ``focus`` keeps only these themes."""
    exhibitors: list[ResultEntry] = []
    booths: list[ResultEntry] = []
    services: dict[tuple[str, str | None], list] = {}
    seen_exhibitor_booths: set[str] = set()
    for hit in hits:
        if hit.kind == "exhibitor":
            ex = nav.show.exhibitors.get(hit.id)
            cats = ex.categories if ex else ()
            theme = themes.theme_of(cats)
            if focus is not None and (theme is None or theme.id not in focus):
                continue
            # the booth the hit stands for (the one whose code was typed) comes first
            booth = getattr(hit, "booth", None)
            codes = tuple(dict.fromkeys([booth, *hit.booths] if booth else hit.booths))
            levels = tuple(nav.levels_of(codes))
            parts = [booth_summary(codes)] if codes else []
            parts += [_level_name(nav, lv, lang) for lv in levels]
            if cats:
                parts.append(_category_name(nav, cats[0], lang))
            exhibitors.append(ResultEntry(
                "exhibitor", hit.id, pick(hit.name, hit.name_zh, lang), " · ".join(p for p in parts if p),
                level=levels[0] if levels else hit.level, levels=levels, booths=codes,
                colour=theme.colour if theme else None, theme=theme.id if theme else None))
            seen_exhibitor_booths.update(codes)
        elif hit.kind == "booth":
            ex = nav.exhibitor_at(hit.id)
            theme = themes.theme_of(ex.categories) if ex else None
            if focus is not None and (theme is None or theme.id not in focus):
                continue
            who = pick(ex.name, ex.name_zh, lang) if ex else QCoreApplication.translate("SearchResults", "Not yet assigned")
            parts = [who, _level_name(nav, hit.level, lang)]
            booths.append(ResultEntry(
                "booth", hit.id, hit.id, " · ".join(p for p in parts if p), level=hit.level,
                levels=(hit.level,) if hit.level else (), booths=(hit.id,),
                colour=theme.colour if theme else None, theme=theme.id if theme else None))
        elif hit.kind in ("amenity", "opening", "connector"):  # services, lifts and stairs
            category = service_category(nav, hit.id)
            services.setdefault((category, hit.level), []).append(hit)
    # a booth already listed under its exhibitor adds only noise
    booths = [b for b in booths if b.booths[0] not in seen_exhibitor_booths]
    rows: list[ResultEntry] = []
    if exhibitors:
        rows.append(ResultEntry("header", "exhibitors", QCoreApplication.translate("SearchResults", "Exhibitors")))
        rows += exhibitors
    if booths:
        rows.append(ResultEntry("header", "booths", QCoreApplication.translate("SearchResults", "Booths")))
        rows += booths
    if services:
        rows.append(ResultEntry("header", "services", QCoreApplication.translate("SearchResults", "Services")))
        for (category, level), members in services.items():
            rows.append(service_entry(nav, category, level, [m.id for m in members], lang,
                                      names=[pick(m.name, m.name_zh, lang) for m in members]))
    return rows


def service_entry(nav: Navigator, category: str, level: str | None, place_ids: Sequence[str], lang: str,
                  names: Sequence[str] | None = None) -> ResultEntry:
    title = names[0] if len(place_ids) == 1 and names else amenity_name(category)
    count = len(place_ids)
    parts = [_level_name(nav, level, lang)]
    if count > 1:
        parts.append(QCoreApplication.translate("SearchResults", "%1 places").replace(
            "%1", str(count)))
    return ResultEntry("amenity", f"{category}@{level}", title,
                       " · ".join(p for p in parts if p), level=level,
                       levels=(level,) if level else (), places=tuple(place_ids),
                       category=category)


def level_counts(rows: Iterable[ResultEntry]) -> dict[str, int]:
    """How many result rows touch each level (for the level switcher's badges)."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.kind == "header":
            continue
        for lv in row.levels:
            counts[lv] = counts.get(lv, 0) + 1
    return counts


def trailing_rect(row: QRectF) -> QRectF:
    """Where a row's trailing button (such as "Add to visit") sits."""
    return QRectF(row.right() - 50, row.center().y() - 17, 34, 34)


class ResultDelegate(QStyledItemDelegate):
    """Paints header rows and result rows.

    ``trailing(entry)``, when set, gives a row's trailing button: ``"add"`` (a +),
    ``"added"`` (a tick) or None (no button); the panel handles the taps on it.
    """

    def __init__(self, parent=None, scale: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.trailing: Callable[[ResultEntry], str | None] | None = None
        self.set_text_scale(1.0)

    def set_text_scale(self, k: float) -> None:
        """Text and rows ``k`` times their size (a kiosk's directory, large text)."""
        self.k = k
        base = QFont()
        self.title_font = QFont(base)
        self.title_font.setPixelSize(round(15 * k))
        self.title_font.setWeight(QFont.Weight.DemiBold)
        self.sub_font = QFont(base)
        self.sub_font.setPixelSize(round(13 * k))
        self.head_font = QFont(base)
        self.head_font.setPixelSize(round(12 * k))
        self.head_font.setWeight(QFont.Weight.Bold)
        self.head_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        entry: ResultEntry = index.data(ENTRY_ROLE)
        if entry is not None and entry.kind == "header":
            return QSize(option.rect.width(), round(34 * self.k))
        return QSize(option.rect.width(), round(60 * self.k))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry: ResultEntry = index.data(ENTRY_ROLE)
        if entry is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(option.rect)
        if entry.kind == "header":
            painter.setFont(self.head_font)
            painter.setPen(QColor(UI.ink_soft))
            painter.drawText(r.adjusted(16, 8, -8, 0), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, entry.title.upper())
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hover:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(UI.accent_soft) if selected else QColor(UI.canvas))
            painter.drawRoundedRect(r.adjusted(6, 2, -6, -2), 10, 10)
        k = self.k
        icon_rect = QRectF(r.left() + 16, r.center().y() - 14 * k, 28 * k, 28 * k)
        if entry.kind == "amenity":
            name, colour = amenity_style(entry.category)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(icon_rect)
            dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
            painter.drawPixmap(QPointF(icon_rect.left() + 5, icon_rect.top() + 5),
                               icon_pixmap(name, 18, "#ffffff", max(1.0, dpr)))
        else:
            colour = entry.colour or QColor("#dfe3e8")
            painter.setPen(colour.darker(120))
            painter.setBrush(fill_tone(colour))
            painter.drawRoundedRect(icon_rect.adjusted(3, 3, -3, -3), 6, 6)
            if entry.kind == "booth":
                painter.setPen(QColor(UI.ink))
                f = QFont(self.sub_font)
                f.setPixelSize(10)
                f.setWeight(QFont.Weight.Bold)
                painter.setFont(f)
                painter.drawText(icon_rect, Qt.AlignmentFlag.AlignCenter, "#")
        text_left = icon_rect.right() + 12
        width = r.right() - text_left - 12
        button = self.trailing(entry) if self.trailing is not None else None
        if button is not None:
            width -= 44
            self._paint_trailing(painter, trailing_rect(r), button == "added")
        fm = QFontMetricsF(self.title_font)
        painter.setFont(self.title_font)
        painter.setPen(QColor(UI.ink))
        title = fm.elidedText(entry.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(text_left, r.top() + 9 * k, width, 22 * k),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        sub_fm = QFontMetricsF(self.sub_font)
        painter.setFont(self.sub_font)
        painter.setPen(QColor(UI.ink_soft))
        sub = sub_fm.elidedText(entry.subtitle, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(text_left, r.top() + 31 * k, width, 20 * k),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)
        painter.restore()

    def _paint_trailing(self, painter: QPainter, rect: QRectF, added: bool) -> None:
        accent = QColor(UI.accent)
        c = rect.center()
        painter.setPen(QPen(accent, 1.6))
        painter.setBrush(accent if added else QColor(UI.surface))
        painter.drawEllipse(c, 14, 14)
        pen = QPen(QColor("#ffffff") if added else accent, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if added:
            painter.drawPolyline([QPointF(c.x() - 6, c.y()), QPointF(c.x() - 1.5, c.y() + 4.5),
                                  QPointF(c.x() + 6.5, c.y() - 4.5)])
        else:
            painter.drawLine(QPointF(c.x() - 6, c.y()), QPointF(c.x() + 6, c.y()))
            painter.drawLine(QPointF(c.x(), c.y() - 6), QPointF(c.x(), c.y() + 6))
