"""The 80 mm receipt of a kiosk printer: a large QR code, the numbered stops with their times,
and a small map of each leg, on paper as long as it needs (72 mm printable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from exponav.core.visit.clock import format_hhmm
from exponav.ui.common.show_dates import show_dates
from exponav.ui.print.canvas import INK, LATE, SOFT, Sheet
from exponav.ui.print.map_inset import draw_map, turn
from exponav.ui.print.paper import PAPERS, RECEIPT_PRINTABLE_MM
from exponav.ui.print.printout import Printout, metres, minutes
from exponav.ui.print.stops import level_drawing, stop_colour, stop_note, stop_times

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
        show = it.show
        if show is not None:
            y += s.text(m, y, w, show.name, s.font(11, bold=True), INK, centre)
            if show.name_zh:
                y += s.text(m, y, w, show.name_zh, s.font(9), INK, centre)
            y += s.text(m, y, w, show_dates(show.start_date, show.end_date, "en"), s.font(7.5),
                        SOFT, centre)
        y += 2
        s.rule(m, y, w, INK, 0.4)
        y += 2.5
        y += s.text(m, y, w, "Your visit · 您的參觀行程", s.font(11.5, bold=True), INK, centre)
        y += 1.5
        s.qr(m, y, w, self.modules)
        y += w
        y += s.text(m, y, w, "Scan with your phone camera: the whole plan, no network "
                    "needed. 手機掃描，免網路即可查看。", s.font(7), SOFT, centre) + 2.5
        origin = it.origin
        level = self.nav.level_name(origin.level)
        y += s.text(m, y, w, f"Start {it.start} · {origin.id} · {level}",
                    s.font(8.5, bold=True), INK) + 1
        y += s.text(m, y, w, f"{len(it.stops)} stops · walk {metres(it.length_m)}, "
                    f"{minutes(it.duration_s)} · done about {format_hhmm(it.end_s)}",
                    s.font(8), INK)
        for miss in it.missed:
            y += 1.5
            y += s.text(m, y, w, "! " + miss.sentence(), s.font(8, bold=True), LATE)
        y += 2
        for number, stop in enumerate(it.stops, 1):
            y = self._stop(s, y, number, stop)
        s.rule(m, y, w, INK, 0.4)
        y += 2
        y += s.text(m, y, w, f"Total walk {metres(it.length_m)} · {minutes(it.duration_s)}",
                    s.font(9, bold=True), INK, centre)
        y += 1.5
        y += s.text(m, y, w, self.printed_line, s.font(6.5), SOFT, centre)
        y += s.text(m, y, w, "ExpoNav offline navigator", s.font(6.5), SOFT, centre)
        return y + 8.0

    def _stop(self, s: Sheet, y: float, number: int, stop: PlannedStop) -> float:
        m, w = self.margin, RECEIPT_PRINTABLE_MM
        s.rule(m, y, w, SOFT, 0.2, dashed=True)
        y += 2
        top = y
        s.badge(m + 3.2, y + 3.2, 6.4, str(number), stop_colour(stop), 9)
        x = m + 8
        y += s.text(x, y, w - 8, f"{stop_times(stop)}   {stop.place.id}",
                    s.font(10, bold=True), INK)
        note = stop_note(stop)
        if note:
            y += s.text(x, y, w - 8, note[0].upper() + note[1:], s.font(8, bold=True),
                        stop_colour(stop))
        y += s.text(x, y, w - 8, stop.name, s.font(9, bold=True), INK)
        if stop.name_zh and stop.name_zh != stop.name:
            y += s.text(x, y, w - 8, stop.name_zh, s.font(8.5), INK)
        vias = [leg.via for leg in stop.leg.legs if leg.via] if stop.leg else []
        walk = f"{self.nav.level_name(stop.place.level)} · walk " \
               f"{metres(stop.leg_length_m)}, {minutes(stop.leg_duration_s)}" + \
               (f" via {', '.join(vias)}" if vias else "")
        y += s.text(x, y, w - 8, walk, s.font(7.5), SOFT)
        y = max(y, top + 7) + 1.5
        if stop.leg is not None:
            for leg in stop.leg.legs:
                y = self._leg_map(s, y, stop, leg) + 1.5
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
        lines, marks, highlight = level_drawing(self.it, leg.level, self.nav, only=stop)
        draw_map(s, m, y, w, h, plan, (x0, y0, x1, y1), lines, marks, highlight,
                 route_mm=0.9, badge_mm=4.4, heading_deg=self.heading)
        label = self.nav.level_name(leg.level)
        if s.drawing:
            f = s.font(6.5, bold=True)
            tw = s.advance(label, f) + 2.4
            s.fill(m + 1, y + 1, tw, 3.6, QColor(255, 255, 255, 225), 0.8)
            s.text(m + 2.2, y + 1.4, tw, label, f, INK, wrap=False)
        return y + h
