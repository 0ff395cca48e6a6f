"""The 80 mm receipt of a kiosk printer: a large QR code, the numbered stops with their times
and their walks in words, and a small map of each leg, on paper as long as it needs (72 mm
printable), in the visitor's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from exponav.ui.print.canvas import ACCENT, INK, LATE, SOFT, Sheet
from exponav.ui.print.map_inset import draw_map, turn
from exponav.ui.print.paper import PAPERS, RECEIPT_PRINTABLE_MM
from exponav.ui.print.printout import Printout
from exponav.ui.print.stops import level_drawing, stop_colour

if TYPE_CHECKING:
    from exponav.core.visit.itinerary import PlannedStop

__all__ = ["ReceiptLayout"]


class ReceiptLayout(Printout):
    """A visit on the receipt; :meth:`render` measures its length with no painter."""

    width = PAPERS["receipt80"][0]
    margin = (PAPERS["receipt80"][0] - RECEIPT_PRINTABLE_MM) / 2

    def render(self, s: Sheet) -> float:
        """Draw (or measure) the receipt; returns its length in mm."""
        it, m, w = self.it, self.margin, RECEIPT_PRINTABLE_MM
        centre = Qt.AlignmentFlag.AlignHCenter
        y = 5.0
        name, beside = self.show_names()
        if name:
            y += s.text(m, y, w, name, s.font(11, bold=True), INK, centre)
        if beside:
            y += s.text(m, y, w, beside, s.font(9), INK, centre)
        day = self.day_line()
        if day:
            y += s.text(m, y, w, day, s.font(8, bold=True), ACCENT, centre)
        y += 2
        s.rule(m, y, w, INK, 0.4)
        y += 2.5
        y += s.text(m, y, w, self.title(), s.font(11.5, bold=True), INK, centre)
        y += 1.5
        s.qr(m, y, w, self.modules)
        y += w
        y += s.text(m, y, w, self.scan_caption(), s.font(7), SOFT, centre) + 2.5
        y += s.text(m, y, w, self.start_line(), s.font(8.5, bold=True), INK) + 1
        y += s.text(m, y, w, self.summary_line(), s.font(8), INK)
        if it.step_free:
            y += s.text(m, y, w, self.step_free_line(), s.font(8),
                        INK)
        for stop in it.stops:
            if stop.late_s > 0:
                y += 1.5
                y += s.text(m, y, w, "! " + self.missed_sentence(stop), s.font(8, bold=True),
                            LATE)
        y += 2
        for number, stop in enumerate(it.stops, 1):
            y = self._stop(s, y, number, stop)
        s.rule(m, y, w, INK, 0.4)
        y += 2
        y += s.text(m, y, w, self.total_line(), s.font(9, bold=True), INK, centre)
        y += 1.5
        y += s.text(m, y, w, f"{self.printed_line} · ExpoNav", s.font(6.5), SOFT, centre)
        return y + 8.0

    def _stop(self, s: Sheet, y: float, number: int, stop: PlannedStop) -> float:
        m, w = self.margin, RECEIPT_PRINTABLE_MM
        s.rule(m, y, w, SOFT, 0.2, dashed=True)
        y += 2
        top = y
        s.badge(m + 3.2, y + 3.2, 6.4, str(number), stop_colour(stop), 9)
        x = m + 8
        head = self.stop_times(stop)
        if stop.place.kind == "booth":
            head = f"{head}   {stop.place.id}"
        y += s.text(x, y, w - 8, head, s.font(10, bold=True), INK)
        note = self.stop_note(stop)
        if note:
            y += s.text(x, y, w - 8, note, s.font(8, bold=True), stop_colour(stop))
        name, beside = self.names(stop.name, stop.name_zh)
        y += s.text(x, y, w - 8, name, s.font(9, bold=True), INK)
        if beside:
            y += s.text(x, y, w - 8, beside, s.font(8.5), INK)
        walk = f"{self.level_name(stop.place.level)} · {self.metres(stop.leg_length_m)}, " \
               f"{self.minutes(stop.leg_duration_s)}"
        if self.via_text(stop):
            walk += f" · {self.via_text(stop)}"
        y += s.text(x, y, w - 8, walk, s.font(7.5), SOFT)
        y = max(y, top + 7) + 1.5
        if stop.leg is not None:
            for leg in stop.leg.legs:
                y = self._leg_map(s, y, stop, leg) + 1.5
        directions = self.directions(stop)
        if directions:
            y += s.text(m, y, w, directions, s.font(7), INK) + 1.0
        return y + 0.5

    def _leg_map(self, s: Sheet, y: float, stop: PlannedStop, leg: Any) -> float:
        if leg.level not in self.nav.levels or not leg.coords:
            return y
        plan = self.nav.level_plan(leg.level)
        m, w = self.margin, RECEIPT_PRINTABLE_MM
        points = [(c[0], c[1]) for c in leg.coords]
        if stop.place.level == leg.level:
            points.append((stop.place.x, stop.place.y))
        turned = turn(points, self.heading)  # the leg's box as the reader faces
        xs = [c[0] for c in turned]
        ys = [c[1] for c in turned]
        pad = 7.0
        x0, x1 = min(xs) - pad, max(xs) + pad
        y0, y1 = min(ys) - pad, max(ys) + pad
        for lo, hi, axis in ((x0, x1, 0), (y0, y1, 1)):
            if hi - lo < 26:
                grow = (26 - (hi - lo)) / 2
                if axis == 0:
                    x0, x1 = lo - grow, hi + grow
                else:
                    y0, y1 = lo - grow, hi + grow
        h = min(max(w * (y1 - y0) / (x1 - x0), 22.0), 34.0)
        lines, marks, highlight = level_drawing(self, leg.level, only=stop)
        label = self.level_name(leg.level)
        f = s.font(6.5, bold=True)
        tw = s.advance(label, f) + 2.4
        draw_map(s, m, y, w, h, plan, (x0, y0, x1, y1), lines, marks, highlight,
                 route_mm=0.9, badge_mm=4.4, heading_deg=self.heading, furniture=False,
                 keep_clear=[QRectF(m + 0.5, y + 0.5, tw + 1, 4.6)])
        if s.drawing:
            s.fill(m + 1, y + 1, tw, 3.6, QColor(255, 255, 255, 225), 0.8)
            s.text(m + 2.2, y + 1.4, tw, label, f, INK, wrap=False)
        return y + h
