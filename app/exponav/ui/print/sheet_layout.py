"""The A4 or Letter sheet of a visit: the show and the QR code, the table of stops, a map of
every level the visit walks on, and a footer on every page.

The table and the maps run on to further pages as they need; the footer says which
page of how many, so the sheet is laid out twice (measured, then drawn).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from exponav.core.visit.clock import format_hhmm
from exponav.ui.common.show_dates import show_dates
from exponav.ui.common.walk_text import rounded_metres
from exponav.ui.print.canvas import ACCENT, INK, LATE, SOFT, Sheet
from exponav.ui.print.map_inset import draw_map, turned_box
from exponav.ui.print.paper import PAPERS
from exponav.ui.print.printout import Printout, metres, minutes
from exponav.ui.print.stops import level_drawing, stop_colour, stop_note, stop_times

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary, PlannedStop

__all__ = ["SheetLayout"]


class SheetLayout(Printout):
    """A visit on A4 or Letter paper, as many pages as it needs."""

    margin = 14.0

    def __init__(self, itinerary: Itinerary, nav: Navigator, paper: str, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0) -> None:
        super().__init__(itinerary, nav, printed_from, printed_at, heading_deg)
        self.paper = paper
        self.width, height = PAPERS[paper]
        self.height = float(height or 297.0)

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
        self._maps(y + 4)
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
        s.text(m, y, self.inner * 0.75, f"{self.printed_line} · ExpoNav offline navigator", f,
               SOFT, wrap=False)
        s.text(m, y, self.inner, f"Page {s.pages} of {self.total}", f, SOFT,
               Qt.AlignmentFlag.AlignRight, wrap=False)

    def _header(self, y: float) -> float:
        s, it, m = self.sheet, self.it, self.margin
        show = it.show
        qr_size = 60.0
        left = self.inner - qr_size - 6
        s.qr(m + self.inner - qr_size, y - 2, qr_size, self.modules)
        cap = s.text(m + self.inner - qr_size, y - 2 + qr_size + 0.5, qr_size,
                     "Scan with a phone camera: the whole plan, no network needed.\n"
                     "手機相機掃描，免網路即可查看行程。", s.font(6.5), SOFT,
                     Qt.AlignmentFlag.AlignHCenter)
        qr_bottom = y - 2 + qr_size + 0.5 + cap
        if show is not None:
            y += s.text(m, y, left, show.name, s.font(17, bold=True))
            if show.name_zh:
                y += s.text(m, y, left, show.name_zh, s.font(12), INK)
            en = show_dates(show.start_date, show.end_date, "en")
            zh = show_dates(show.start_date, show.end_date, "zh-Hant")
            venue = self.nav.venue
            y += 1 + s.text(m, y + 1, left, f"{en} · {venue.name}", s.font(9), SOFT)
            zh_line = f"{zh if zh != en else ''} · {venue.name_zh}".strip(" ·")
            y += s.text(m, y, left, zh_line, s.font(9), SOFT)
        y += 5
        s.fill(m, y, 1.6, 9.5, ACCENT)
        y += s.text(m + 4, y - 0.6, left - 4, "Your visit  ·  您的參觀行程",
                    s.font(15, bold=True), ACCENT)
        y += 1.5
        origin = it.origin
        where = origin.name if origin.name and origin.name != origin.id else origin.kind
        level = self.nav.level_name(origin.level)
        start = (f"Start {it.start} at {where} {origin.id} ({level})"
                 if where != origin.id else f"Start {it.start} at {origin.id}")
        lines = [start,
                 f"{len(it.stops)} stops · walking {metres(it.length_m)} "
                 f"({minutes(it.duration_s)}) · done about {format_hhmm(it.end_s)}"]
        if it.step_free:
            lines.append("Step-free route (lifts and ramps only) · 無障礙路線")
        for text in lines:
            y += s.text(m + 4, y, left - 4, text, s.font(9.5), INK) + 0.6
        return max(y, qr_bottom) + 5

    def _missed(self, y: float) -> float:
        s, m = self.sheet, self.margin
        font = s.font(9, bold=True)
        for miss in self.it.missed:
            text = miss.sentence()
            height = s.measure(self.inner - 13, text, font)
            s.fill(m, y, self.inner, height + 4, QColor("#fdecea"), 1.5, LATE)
            s.badge(m + 5, y + 2 + height / 2, 5, "!", LATE, 9)
            s.text(m + 10, y + 2, self.inner - 13, text, font, LATE)
            y += height + 6
        return y

    # the table of stops
    _cols = (("#", 11), ("Time 時間", 27), ("Where 位置", 31), ("Visit 參觀", 0),
             ("Walk 步行", 27))

    def _widths(self) -> list[float]:
        fixed = sum(w for _, w in self._cols)
        return [w or self.inner - fixed for _, w in self._cols]

    def _table_head(self, y: float) -> float:
        s, m = self.sheet, self.margin
        s.fill(m, y, self.inner, 6.5, QColor("#eef1f4"), 1.0)
        x = m
        for (title, _), w in zip(self._cols, self._widths(), strict=True):
            s.text(x + 1.5, y + 1.3, w - 2, title, s.font(7.5, bold=True), SOFT, wrap=False)
            x += w
        return y + 7.5

    def _cells(self, number: int, stop: PlannedStop) -> list[list[tuple[str, QFont, QColor]]]:
        s = self.sheet
        time_cell = [(stop_times(stop), s.font(9.5, bold=True), INK)]
        note = stop_note(stop)
        if note:
            time_cell.append((note, s.font(7.5, bold=True), stop_colour(stop)))
        where = [(stop.place.id, s.font(9.5, bold=True), INK),
                 (self.nav.level_name(stop.place.level), s.font(7.5), SOFT)]
        visit = [(stop.name, s.font(9.5), INK)]
        if stop.name_zh and stop.name_zh != stop.name:
            visit.append((stop.name_zh, s.font(8.5), SOFT))
        walk = [(metres(stop.leg_length_m), s.font(9.5), INK),
                (minutes(stop.leg_duration_s), s.font(7.5), SOFT)]
        vias = [leg.via for leg in stop.leg.legs if leg.via] if stop.leg else []
        if vias:
            walk.append(("via " + ", ".join(vias), s.font(7), SOFT))
        return [[], time_cell, where, visit, walk]

    def _row_height(self, cells) -> float:
        s = self.sheet
        heights = [sum(s.measure(w - 3, t, f) for t, f, _ in cell)
                   for cell, w in zip(cells, self._widths(), strict=True)]
        return max(max(heights), 7.0) + 3.0

    def _table(self, y: float) -> float:
        s, m = self.sheet, self.margin
        y = self._table_head(y)
        widths = self._widths()
        for number, stop in enumerate(self.it.stops, 1):
            cells = self._cells(number, stop)
            h = self._row_height(cells)
            if y + h > self.bottom:
                y = self._table_head(self._page())
            if number % 2 == 0:
                s.fill(m, y, self.inner, h, QColor("#f7f8fa"))
            s.badge(m + 5, y + 5, 6.2, str(number), stop_colour(stop), 8.5)
            x = m + widths[0]
            for cell, w in zip(cells[1:], widths[1:], strict=True):
                cy = y + 1.5
                for text, font, colour in cell:
                    cy += s.text(x + 1.5, cy, w - 3, text, font, colour)
                x += w
            y += h
            s.rule(m, y, self.inner)
        y += 1.5
        total = (f"Total walk {metres(self.it.length_m)} · {minutes(self.it.duration_s)}"
                 f"   ·   總步行 {rounded_metres(self.it.length_m)} 公尺")
        y += s.text(m, y, self.inner, total, s.font(9, bold=True), INK,
                    Qt.AlignmentFlag.AlignRight)
        return y

    def _maps(self, y: float) -> None:
        s, it, m = self.sheet, self.it, self.margin
        for level in it.levels:
            if level not in self.nav.levels:
                continue
            plan = self.nav.level_plan(level)
            fx0, fy0, fx1, fy1 = turned_box(plan.footprint.bounds, self.heading)
            aspect = (fy1 - fy0) / max(fx1 - fx0, 1e-6)
            h = min(self.inner * aspect, 108.0)
            w = min(self.inner, h / aspect)  # no empty bands beside the hall
            if y + 8 + h + 6 > self.bottom:
                y = self._page()
            name = self.nav.level_name(level)
            zh = self.nav.level_name(level, "zh-Hant")
            y += s.text(m, y, self.inner, f"Map · {name}" + (f" · {zh}" if zh != name else ""),
                        s.font(10.5, bold=True), INK) + 1.5
            lines, marks, highlight = level_drawing(it, level, self.nav)
            draw_map(s, m + (self.inner - w) / 2, y, w, h, plan,
                     (fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2), lines, marks, highlight,
                     route_mm=1.1, badge_mm=4.8, heading_deg=self.heading)
            y += h + 1.5
            y += s.text(m, y, self.inner, "S: where you start · 1, 2, 3 …: your stops in order "
                        "(pink: a meeting) · the line: your walk · ↑↓: escalator or lift to "
                        "another floor", s.font(7), SOFT) + 5

