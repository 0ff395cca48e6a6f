"""The A4 or Letter sheet of a visit: the show, the day and the QR code; the stops in order,
each with its walk in words; a labelled map of every level the visit walks on; a footer.

The sheet speaks the visitor's language (:class:`~.printout.Printout`). The table runs on
to further pages as it needs; the maps fill the room left on a page before starting
another, and a page of maps shares its height among them, so no page is left half
empty. The footer says which page of how many, so the sheet is laid out twice
(measured, then drawn).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from exponav.ui.print.canvas import ACCENT, INK, LATE, MEETING, SOFT, Sheet
from exponav.ui.print.map_inset import draw_map, turned_box
from exponav.ui.print.map_labels import draw_icon, level_labels
from exponav.ui.print.paper import PAPERS
from exponav.ui.print.printout import Printout
from exponav.ui.print.stops import level_drawing, stop_colour

if TYPE_CHECKING:
    from datetime import datetime

    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary, PlannedStop

__all__ = ["SheetLayout"]

MAP_MIN_MM = 70.0  # a map is not squeezed below this; it goes to the next page instead
MAP_MAX_MM = 150.0
_MAP_TITLE_MM = 7.5
_MAP_GAP_MM = 5.0


class SheetLayout(Printout):
    """A visit on A4 or Letter paper (or the page a printer holds), as many pages as it
    needs."""

    margin = 14.0

    def __init__(self, itinerary: Itinerary, nav: Navigator, paper: str, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0, lang: str | None = "en",
                 page_mm: tuple[float, float] | None = None) -> None:
        super().__init__(itinerary, nav, printed_from, printed_at, heading_deg, lang)
        self.paper = paper
        width, height = PAPERS[paper]
        self.width, self.height = page_mm or (width, float(height or 297.0))

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin

    @property
    def bottom(self) -> float:
        return self.height - self.margin - 7.0  # the footer's band

    def render(self, sheet: Sheet, total_pages: int) -> None:
        self.sheet, self.total = sheet, total_pages
        y = self._header(self.margin)
        y = self._missed(y)
        y = self._table(y + 2)
        self._maps(y + 5)
        self._footer()

    def _page(self) -> float:
        self._footer()
        self.sheet.new_page()
        return self.margin

    def _footer(self) -> None:
        s, m = self.sheet, self.margin
        y = self.height - m - 4.5
        s.rule(m, y - 1.2, self.inner)
        f = s.font(7)
        s.text(m, y, self.inner * 0.75, f"{self.printed_line} · ExpoNav", f, SOFT, wrap=False)
        page = self.tr("Page %1 of %2").replace("%1", str(s.pages)).replace("%2", str(self.total))
        s.text(m, y, self.inner, page, f, SOFT, Qt.AlignmentFlag.AlignRight, wrap=False)

    # -- the head of the first page ------------------------------------------------------

    def _header(self, y: float) -> float:
        s, it, m = self.sheet, self.it, self.margin
        qr_size = 60.0
        left = self.inner - qr_size - 6
        s.qr(m + self.inner - qr_size, y - 2, qr_size, self.modules)
        cap = s.text(m + self.inner - qr_size, y - 2 + qr_size + 0.5, qr_size,
                     self.scan_caption(), s.font(6.5), SOFT, Qt.AlignmentFlag.AlignHCenter)
        qr_bottom = y - 2 + qr_size + 0.5 + cap
        name, beside = self.show_names()
        if name:
            y += s.text(m, y, left, name, s.font(17, bold=True))
        if beside:
            y += s.text(m, y, left, beside, s.font(12), INK)
        day = self.day_line()
        if day:
            y += 1.2 + s.text(m, y + 1.2, left, day, s.font(10.5, bold=True), ACCENT)
        venue, venue_beside = self.venue_names()
        y += s.text(m, y + 0.4, left, " · ".join(t for t in (venue, venue_beside) if t),
                    s.font(9), SOFT) + 0.4
        y += 5
        s.fill(m, y, 1.6, 9.5, ACCENT)
        y += s.text(m + 4, y - 0.6, left - 4, self.title(), s.font(15, bold=True),
                    ACCENT)
        y += 1.5
        lines = [self.start_line(), self.summary_line()]
        if it.step_free:
            lines.append(self.step_free_line())
        for text in lines:
            y += s.text(m + 4, y, left - 4, text, s.font(9.5), INK) + 0.6
        return max(y, qr_bottom) + 5

    def _missed(self, y: float) -> float:
        s, m = self.sheet, self.margin
        font = s.font(9, bold=True)
        for stop in self.it.stops:
            if stop.late_s <= 0:
                continue
            text = self.missed_sentence(stop)
            height = s.measure(self.inner - 13, text, font)
            s.fill(m, y, self.inner, height + 4, QColor("#fdecea"), 1.5, LATE)
            s.badge(m + 5, y + 2 + height / 2, 5, "!", LATE, 9)
            s.text(m + 10, y + 2, self.inner - 13, text, font, LATE)
            y += height + 6
        return y

    # -- the table of stops, each with its walk in words -------------------------------------

    def _widths(self) -> list[float]:
        fixed = [10.0, 28.0, 0.0, 30.0, 26.0]
        return [w or self.inner - sum(fixed) for w in fixed]

    def _table_head(self, y: float) -> float:
        s, m = self.sheet, self.margin
        s.fill(m, y, self.inner, 6.5, QColor("#eef1f4"), 1.0)
        x = m
        titles = ["#", self.tr("Time"), self.tr("Visit"), self.tr("Where"), self.tr("Walk")]
        for title, w in zip(titles, self._widths(), strict=True):
            s.text(x + 1.5, y + 1.3, w - 2, title, s.font(7.5, bold=True), SOFT, wrap=False)
            x += w
        return y + 7.5

    def _where(self, stop: PlannedStop) -> str:
        """A stop's place when the name does not say it: the booth code, the table of a
        meeting."""
        place = stop.place
        if place.kind == "booth":
            return place.id
        name = self.place_names(place)[0]
        return "" if name == self.names(stop.name, stop.name_zh)[0] else name

    def _cells(self, stop: PlannedStop) -> list[list[tuple[str, QFont, QColor]]]:
        s = self.sheet
        time_cell = [(self.stop_times(stop), s.font(9.5, bold=True), INK)]
        name, beside = self.names(stop.name, stop.name_zh)
        visit = [(name, s.font(9.5, bold=True), INK)]
        if beside:
            visit.append((beside, s.font(8.5), SOFT))
        note = self.stop_note(stop)
        if note:
            visit.append((note, s.font(7.5, bold=True), stop_colour(stop)))
        where = [(self._where(stop), s.font(9.5, bold=True), INK),
                 (self.level_name(stop.place.level), s.font(7.5), SOFT)]
        walk = [(self.metres(stop.leg_length_m), s.font(9.5), INK),
                (self.minutes(stop.leg_duration_s), s.font(7.5), SOFT)]
        if self.via_text(stop):
            walk.append((self.via_text(stop), s.font(7), SOFT))
        return [time_cell, visit, [c for c in where if c[0]], walk]

    def _row_height(self, cells, directions: str) -> tuple[float, float]:
        s, widths = self.sheet, self._widths()
        heights = [sum(s.measure(w - 3, t, f) for t, f, _ in cell)
                   for cell, w in zip(cells, widths[1:], strict=True)]
        words = s.measure(self.inner - widths[0] - 3, directions, s.font(7.3)) if directions else 0
        top = max(max(heights), 7.0) + 2.0
        return top, top + (words + 1.5 if words else 1.0)

    def _table(self, y: float) -> float:
        s, m = self.sheet, self.margin
        y = self._table_head(y)
        widths = self._widths()
        for number, stop in enumerate(self.it.stops, 1):
            cells = self._cells(stop)
            directions = self.directions(stop)
            top, h = self._row_height(cells, directions)
            if y + h > self.bottom:
                y = self._table_head(self._page())
            if number % 2 == 0:
                s.fill(m, y, self.inner, h, QColor("#f7f8fa"))
            s.badge(m + 5, y + 5, 6.2, str(number), stop_colour(stop), 8.5)
            x = m + widths[0]
            for cell, w in zip(cells, widths[1:], strict=True):
                cy = y + 1.5
                for text, font, colour in cell:
                    cy += s.text(x + 1.5, cy, w - 3, text, font, colour)
                x += w
            if directions:
                s.text(m + widths[0] + 1.5, y + top, self.inner - widths[0] - 3, directions,
                       s.font(7.3), SOFT)
            y += h
            s.rule(m, y, self.inner)
        y += 1.5
        return y + s.text(m, y, self.inner, self.total_line(), s.font(9, bold=True), INK,
                          Qt.AlignmentFlag.AlignRight)

    # -- the maps ------------------------------------------------------------------------

    def _map_levels(self) -> list[tuple[str, float]]:
        """The levels to map, each with the height (mm) its map takes at the full width."""
        out = []
        for level in self.it.levels:
            if level in self.nav.levels:
                fx0, fy0, fx1, fy1 = turned_box(self.nav.level_plan(level).footprint.bounds,
                                                self.heading)
                aspect = (fy1 - fy0 + 4) / max(fx1 - fx0 + 4, 1e-6)
                out.append((level, min(self.inner * aspect, MAP_MAX_MM)))
        return out

    def _legend_height(self, levels: list[str]) -> float:
        """The height of the legend under the maps of ``levels``."""
        categories = {i.category for lv in levels
                      for i in level_labels(self, self.nav.level_plan(lv)).icons}
        probe = Sheet(self.sheet.device, None)
        return self._legend(probe, 0.0, categories, self._meetings()) + 1.5

    def _meetings(self) -> bool:
        return any(s.appointment_s is not None for s in self.it.stops)

    def _fit(self, levels: list[tuple[str, float]], room: float) -> list[float]:
        """The heights of as many of the next maps as fit in ``room`` mm (at least
        :data:`MAP_MIN_MM` each, no more than their natural height), or []."""
        natural = [h for _, h in levels]
        for k in range(len(natural), 0, -1):
            legend = self._legend_height([lv for lv, _ in levels[:k]])
            share = (room - legend - k * _MAP_TITLE_MM - (k - 1) * _MAP_GAP_MM) / k
            heights = [min(h, share) for h in natural[:k]]
            if min(heights) >= min(MAP_MIN_MM, min(natural[:k])):
                return heights
        return []

    def _maps(self, y: float) -> None:
        levels = self._map_levels()
        while levels:
            heights = self._fit(levels, self.bottom - y)
            if not heights:
                y = self._page()
                heights = self._fit(levels, self.bottom - y) or [
                    self.bottom - y - self._legend_height(levels[:1]) - _MAP_TITLE_MM]
            shown: set[str] = set()
            for (level, _), h in zip(levels, heights, strict=False):
                y, categories = self._map(level, y, h)
                shown |= categories
                y += _MAP_GAP_MM
            levels = levels[len(heights):]
            y = self._legend(self.sheet, y - _MAP_GAP_MM + 1.5, shown, self._meetings()) \
                + _MAP_GAP_MM

    def _map(self, level: str, y: float, h: float) -> tuple[float, set[str]]:
        s, m = self.sheet, self.margin
        plan = self.nav.level_plan(level)
        fx0, fy0, fx1, fy1 = turned_box(plan.footprint.bounds, self.heading)
        window = (fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2)
        aspect = (window[3] - window[1]) / (window[2] - window[0])
        w = min(self.inner, h / aspect)  # no empty bands beside the hall
        name, beside = self.names(self.nav.level_name(level), self.nav.level_name(level, "zh-Hant"))
        title = self.tr("Map · %1").replace("%1", f"{name} · {beside}" if beside else name)
        s.text(m, y, self.inner, title, s.font(10.5, bold=True), INK, wrap=False)
        y += _MAP_TITLE_MM
        lines, marks, highlight = level_drawing(self, level)
        labels = level_labels(self, plan)
        draw_map(s, m + (self.inner - w) / 2, y, w, h, plan, window, lines, marks, highlight,
                 route_mm=1.1, badge_mm=4.8, heading_deg=self.heading, labels=labels,
                 metres_unit=self.translate("WalkText", "%1 m"))
        return y + h, {icon.category for icon in labels.icons}

    def _legend(self, s: Sheet, y: float, categories: set[str], meetings: bool) -> float:
        """Lines under a page's maps: what the badges, the line and the icons mean; returns
        where they end."""
        from exponav.ui.common.palette import amenity_style
        from exponav.ui.print.map_labels import SERVICE_ICONS

        m = self.margin
        font = s.font(6.8)
        items: list[tuple[str, str, QColor | str, str]] = [
            ("badge", "S", INK, self.start_caption()),
            ("badge", "1", ACCENT, self.tr("Your stops in order"))]
        if meetings:
            items.append(("badge", "2", MEETING, self.tr("A meeting")))
        items += [("line", "", ACCENT, self.tr("Your walk")),
                  ("square", "↑", SOFT, self.tr("To another floor"))]
        for category in SERVICE_ICONS:
            if category in categories:
                icon, colour = amenity_style(category)
                items.append(("icon", icon, colour, self.kind_name(category)))
        x, cy = m, y + 2.2
        for kind, label, colour, text in items:
            glyph = 7.4 if kind == "line" else 4.4
            w = glyph + s.advance(text, font)
            if x > m and x + w > m + self.inner:
                x, cy = m, cy + 4.2
            if kind in ("badge", "square"):
                s.badge(x + 1.6, cy, 3.2, label, colour, 5.0, kind == "square")
            elif kind == "icon":
                draw_icon(s, x + 1.6, cy, 3.2, label, str(colour))
            elif s.p is not None:
                pen = QPen(colour, 1.1 * s.k)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                s.p.setPen(pen)
                s.p.drawLine(QPointF(x * s.k, cy * s.k), QPointF((x + 5.5) * s.k, cy * s.k))
            s.text(x + glyph, cy - 1.6, w - glyph + 1, text, font, SOFT, wrap=False)
            x += w + 3.0
        return cy + 2.6
