"""Printed itineraries: A4 and Letter sheets, and the 80 mm receipt of a kiosk printer.

One drawing code serves every output: :func:`write_pdf` paints on a ``QPdfWriter``,
:func:`print_itinerary` on a ``QPrinter``, and :func:`print_preview_dialog` hands the
same painting to ``QPrintPreviewDialog``. Layout is in millimetres from the paper's
corner (the printer's own margins are ignored: ``setFullPage``), converted with the
device's resolution, so a sheet is the same on paper, in a PDF and in the preview.

A4 / Letter
    The show's name and dates, the QR code, a summary, a table of the stops (planned
    times, place, exhibitor, walking leg), a map of every level the visit walks on
    (route and numbered stops), and a footer saying where it was printed from.

Receipt (80 mm paper, 72 mm printable, as long as it needs)
    A large QR code, the numbered stops with their times, and a small map of each leg.

The QR code is drawn as vector rectangles from ``qrcode``'s module matrix (error
correction M, a quiet zone of 4 modules), crisp on a 203 dpi thermal head. Chinese names
print through the CJK font chain of :mod:`exponav.ui.common.fonts`.
"""

from __future__ import annotations

import math
import os
import socket
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import qrcode
import shapely
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)
from shapely.geometry import box as shapely_box

from exponav.ui.common.convert import line_path, polygon_path
from exponav.ui.common.fonts import cjk_family
from exponav.ui.common.palette import MAP, UI

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from exponav.core.model import LevelPlan
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary, PlannedStop

__all__ = [
    "PAPERS",
    "paint_itinerary",
    "print_itinerary",
    "print_preview_dialog",
    "printed_from_label",
    "qr_modules",
    "write_pdf",
]

#: paper -> (width, height) in mm; the receipt's height follows its content
PAPERS: dict[str, tuple[float, float | None]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "receipt80": (80.0, None),
}
RECEIPT_PRINTABLE_MM = 72.0
QUIET_ZONE = 4  # modules

INK = QColor(MAP.label)
SOFT = QColor(MAP.label_soft)
RULE = QColor(UI.line)
ACCENT = QColor(UI.accent)
ACCENT_SOFT = QColor(UI.accent_soft)
MEETING = QColor(MAP.highlight)
LATE = QColor("#b3261e")
WHITE = QColor("#ffffff")
_LATIN = ["Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


# -- small helpers ---------------------------------------------------------------------------

def printed_from_label(kiosk: str | None = None) -> str:
    """What the footer says: ``"kiosk K-H2-1F-1"`` or ``"ExpoNav on <hostname>"``."""
    return f"kiosk {kiosk}" if kiosk else f"ExpoNav on {socket.gethostname()}"


_FINDER_LIKE = np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=np.int8)


def _mask_penalty(modules: Sequence[Sequence[bool | None]]) -> int:
    """The ISO 18004 mask penalty, as ``qrcode.util.lost_point`` scores it, in numpy."""
    m = np.array(modules, dtype=bool).astype(np.int8)
    n = len(m)
    score = 0
    for a in (m, m.T):
        flat = np.hstack([a, np.full((n, 1), 2, np.int8)]).ravel()  # 2 ends each line
        cuts = np.flatnonzero(np.diff(flat)) + 1
        starts = np.r_[0, cuts]
        lengths = np.diff(np.r_[starts, len(flat)])
        runs = lengths[(flat[starts] != 2) & (lengths >= 5)]
        score += int((runs - 2).sum())  # rule 1: runs of five or more
        win = np.lib.stride_tricks.sliding_window_view(a, 11, axis=1)
        score += 40 * int(((win == _FINDER_LIKE).all(-1)
                           | (win == _FINDER_LIKE[::-1]).all(-1)).sum())  # rule 3
    b = m[:-1, :-1]
    score += 3 * int(((b == m[1:, :-1]) & (b == m[:-1, 1:]) & (b == m[1:, 1:])).sum())
    return score + 10 * int(abs(m.sum() / n ** 2 * 100 - 50) / 5)  # rules 2 and 4


class _QRCode(qrcode.QRCode):
    """``qrcode.QRCode`` choosing its mask with the numpy penalty (same choice, faster)."""

    def best_mask_pattern(self) -> int:
        scores = []
        for i in range(8):
            self.makeImpl(True, i)
            scores.append(_mask_penalty(self.modules))
        return int(np.argmin(scores))


@lru_cache(maxsize=16)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` (UTF-8, error correction M), quiet zone included.

    Cached: a preview, a print and a PDF of one visit encode it once.
    """
    code = _QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload.encode("utf-8"), optimize=0)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def _guard_none_refcount() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void call;
    a printed page makes thousands of them. :mod:`exponav.ui.common.qt_compat` (applied when
    ``exponav.ui`` is imported) guards against it; make sure it has run."""
    try:
        from exponav.ui.common.qt_compat import guard_none_refcount
    except ImportError:  # pragma: no cover - a binding without the defect needs nothing
        return
    guard_none_refcount()


def _ensure_app() -> None:
    """Fonts and PDF writing need a QGuiApplication; make one (offscreen if headless)."""
    _guard_none_refcount()
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # widgets too: a preview may follow

    global _APP
    _APP = QApplication([sys.argv[0] if sys.argv else "exponav"])


_APP: QGuiApplication | None = None


def _show_dates(start: str, end: str) -> tuple[str, str]:
    """``("18–21 March 2025", "2025年3月18日至21日")``."""
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return f"{start} – {end}", ""
    if (a.year, a.month) == (b.year, b.month):
        en = f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}" if a != b else \
            f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
        zh = f"{a.year}年{a.month}月{a.day}日至{b.day}日" if a != b else \
            f"{a.year}年{a.month}月{a.day}日"
    else:
        en = f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {b.year}"
        zh = f"{a.year}年{a.month}月{a.day}日至{b.month}月{b.day}日"
    return en, zh


def _metres(m: float) -> str:
    return f"{m / 1000:.1f} km" if m >= 1000 else f"{round(m):d} m"


def _minutes(seconds: float) -> str:
    return f"{max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0} min"


# -- a sheet: millimetres on a paged device ---------------------------------------------------

class _Sheet:
    """Draws in millimetres from the paper's corner; with no painter it only measures."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter | None,
                 on_new_page: Callable[[], None] | None = None) -> None:
        self.device = device
        self.p = painter
        self.k = device.logicalDpiY() / 25.4  # device units per mm
        self.pages = 1
        self._on_new_page = on_new_page
        cjk = cjk_family()
        self.families = _LATIN + ([cjk] if cjk else [])

    @property
    def drawing(self) -> bool:
        return self.p is not None

    def new_page(self) -> None:
        self.pages += 1
        if self.p is not None:
            self.device.newPage()
        if self._on_new_page:
            self._on_new_page()

    def font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(self.families)
        f.setPointSizeF(pt)
        f.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return f

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.k
        return QRectF(x * k, y * k, w * k, h * k)

    def text(self, x: float, y: float, w: float, text: str, font: QFont, colour: QColor = INK,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, wrap: bool = True) -> float:
        """Draw ``text`` in a box ``w`` mm wide from (x, y); returns its height in mm."""
        if not text:
            return 0.0
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        if wrap:
            flags |= int(Qt.TextFlag.TextWordWrap)
        fm = QFontMetricsF(font, self.device)
        rect = fm.boundingRect(QRectF(0, 0, w * self.k, 1e7), flags, text)
        h = max(rect.height(), fm.height()) / self.k
        if self.p is not None:
            self.p.setFont(font)
            self.p.setPen(colour)
            self.p.drawText(self.r(x, y, w, h + 1), flags, text)
        return h

    def line_height(self, font: QFont) -> float:
        return QFontMetricsF(font, self.device).height() / self.k

    def rule(self, x: float, y: float, w: float, colour: QColor = RULE, width: float = 0.25,
             dashed: bool = False) -> None:
        if self.p is None:
            return
        pen = QPen(colour, width * self.k)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(x * self.k, y * self.k), QPointF((x + w) * self.k, y * self.k))

    def fill(self, x: float, y: float, w: float, h: float, colour: QColor,
             radius: float = 0.0, edge: QColor | None = None) -> None:
        if self.p is None:
            return
        self.p.setPen(Qt.PenStyle.NoPen if edge is None else QPen(edge, 0.3 * self.k))
        self.p.setBrush(colour)
        if radius:
            self.p.drawRoundedRect(self.r(x, y, w, h), radius * self.k, radius * self.k)
        else:
            self.p.drawRect(self.r(x, y, w, h))

    def badge(self, cx: float, cy: float, d: float, label: str, colour: QColor,
              pt: float, square: bool = False) -> None:
        """A filled circle (or rounded square) with a white label, centred on (cx, cy) mm."""
        if self.p is None:
            return
        k = self.k
        rect = QRectF((cx - d / 2) * k, (cy - d / 2) * k, d * k, d * k)
        self.p.setPen(QPen(WHITE, 0.35 * k))
        self.p.setBrush(colour)
        if square:
            self.p.drawRoundedRect(rect, 0.8 * k, 0.8 * k)
        else:
            self.p.drawEllipse(rect)
        self.p.setFont(self.font(pt, bold=True))
        self.p.setPen(WHITE)
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def qr(self, x: float, y: float, size: float,
           modules: Sequence[Sequence[bool]]) -> None:
        """The QR code as vector squares (one rectangle per run of dark modules)."""
        if self.p is None:
            return
        n = len(modules)
        unit = size * self.k / n
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(WHITE)
        self.p.drawRect(self.r(x, y, size, size))
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        ox, oy = x * self.k, y * self.k
        for row_i, row in enumerate(modules):
            col = 0
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    path.addRect(QRectF(ox + start * unit, oy + row_i * unit,
                                        (col - start) * unit, unit))
                else:
                    col += 1
        self.p.setBrush(QColor("#000000"))
        self.p.drawPath(path)


# -- maps ------------------------------------------------------------------------------------

@dataclass
class _MapMark:
    x: float
    y: float
    label: str
    colour: QColor
    square: bool = False


_BOOTH_PATHS: dict[int, tuple[Any, int, list[tuple[tuple[float, ...], QPainterPath]]]] = {}


def _booth_paths(plan: LevelPlan) -> list[tuple[tuple[float, ...], QPainterPath]]:
    """Each booth's bounds and path, made once per level plan (and again if it changes)."""
    key = id(plan)
    got = _BOOTH_PATHS.get(key)
    if got is None or got[0] is not plan.booths or got[1] != len(plan.booths):
        got = (plan.booths, len(plan.booths),
               [(b.polygon.bounds, polygon_path(b.polygon)) for b in plan.booths])
        _BOOTH_PATHS[key] = got
    return got[2]


def _fit_window(bounds: tuple[float, float, float, float], w: float, h: float
                ) -> tuple[float, float, float, float]:
    """Grow ``bounds`` (metres) to the box's aspect ratio, around its centre."""
    x0, y0, x1, y1 = bounds
    bw, bh = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    if bw / bh < w / h:
        grow = (bh * w / h - bw) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (bw * h / w - bh) / 2
        y0, y1 = y0 - grow, y1 + grow
    return x0, y0, x1, y1


def _turn(points: Sequence[tuple[float, float]], heading_deg: float
          ) -> list[tuple[float, float]]:
    """Model points (metres, y north) in the frame of a reader facing ``heading_deg``:
    u to their right, v ahead. Heading 0 leaves them as they are."""
    if not heading_deg:
        return [(float(px), float(py)) for px, py in points]
    a = math.radians(heading_deg)
    c, s = math.cos(a), math.sin(a)
    return [(px * c - py * s, px * s + py * c) for px, py in points]


def _turned_box(bounds: tuple[float, float, float, float], heading_deg: float
                ) -> tuple[float, float, float, float]:
    """The turned frame's box around a model box."""
    x0, y0, x1, y1 = bounds
    us, vs = zip(*_turn([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], heading_deg), strict=True)
    return min(us), min(vs), max(us), max(vs)


def _draw_map(sheet: _Sheet, x: float, y: float, w: float, h: float, plan: LevelPlan,
              window: tuple[float, float, float, float], lines: list[list[tuple[float, float]]],
              marks: list[_MapMark], highlight: list[Any], route_mm: float, badge_mm: float,
              faint_lines: list[list[tuple[float, float]]] | None = None,
              heading_deg: float = 0.0) -> None:
    """A level's plan in the box (x, y, w, h) mm showing ``window`` (metres). With a
    heading the plan is turned so that the heading is up, and ``window`` is in the turned
    frame (:func:`_turn`); with none it is the model's box, y north."""
    p = sheet.p
    if p is None:
        return
    k = sheet.k
    x0, y0, x1, y1 = _fit_window(window, w, h)
    s = w / (x1 - x0)  # mm per metre
    ox, oy = x * k, y * k
    a = math.radians(heading_deg)
    ch, sh = math.cos(a), math.sin(a)
    big = s * k
    # scene (x, -y) -> paper: turn by the heading, then scale and place
    t = QTransform(big * ch, -big * sh, big * sh, big * ch, ox - x0 * big, oy + y1 * big)
    per_mm = 1.0 / s  # metres per printed millimetre

    p.save()
    p.setClipRect(sheet.r(x, y, w, h))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(MAP.outside)
    p.drawRect(sheet.r(x, y, w, h))
    p.setTransform(t)
    corners = _turn([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], -heading_deg)
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    view = shapely_box(min(xs), min(ys), max(xs), max(ys))
    x0, y0, x1, y1 = view.bounds  # the model's box in view, for culling below
    shapely.prepare(view)
    p.setPen(QPen(MAP.floor_edge, 0.3 * per_mm))
    p.setBrush(MAP.floor)
    p.drawPath(polygon_path(plan.footprint))

    booths = QPainterPath()
    for (bx0, by0, bx1, by1), path in _booth_paths(plan):
        if bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1:
            booths.addPath(path)
    p.setPen(QPen(WHITE, 0.25 * per_mm))
    p.setBrush(MAP.booth_free)
    p.drawPath(booths)
    solid, light = QPainterPath(), QPainterPath()
    for o in plan.obstacles:
        if o.polygon.intersects(view):
            (solid if o.category in ("column", "wall") else light).addPath(
                polygon_path(o.polygon))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(MAP.core)
    p.drawPath(light)
    p.setBrush(MAP.column)
    p.drawPath(solid)
    if highlight:
        marked = QPainterPath()
        for poly in highlight:
            marked.addPath(polygon_path(poly))
        p.setPen(QPen(ACCENT, 0.35 * per_mm))
        p.setBrush(ACCENT_SOFT)
        p.drawPath(marked)

    def stroke(coords_list, colour: QColor, width_mm: float, casing: bool) -> None:
        path = QPainterPath()
        for coords in coords_list:
            if len(coords) >= 2:
                path.addPath(line_path(coords))
        if path.isEmpty():
            return
        p.setBrush(Qt.BrushStyle.NoBrush)
        if casing:
            pen = QPen(WHITE, (width_mm + 0.9) * per_mm)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.drawPath(path)
        pen = QPen(colour, width_mm * per_mm)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(path)

    if faint_lines:
        stroke(faint_lines, QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 90),
               route_mm * 0.6, False)
    stroke(lines, ACCENT, route_mm, True)
    p.restore()

    # badges on top, untransformed so their labels stay upright and sharp
    p.save()
    p.setClipRect(sheet.r(x, y, w, h))
    for m in marks:
        pt = t.map(QPointF(m.x, -m.y))
        sheet.badge(pt.x() / k, pt.y() / k, badge_mm, m.label, m.colour,
                    badge_mm * 1.55 if len(m.label) < 3 else badge_mm * 1.15, m.square)
    p.restore()
    if heading_deg:
        r = min(6.8, h * 0.15)
        _north_arrow(sheet, x + w - r - 0.7, y + r + 0.7, heading_deg, r)
    p.setPen(QPen(RULE, 0.3 * k))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(sheet.r(x, y, w, h))


def _north_arrow(sheet: _Sheet, cx: float, cy: float, heading_deg: float,
                 r: float = 6.8) -> None:
    """A small compass (radius ``r`` mm) in a turned map's corner: where north is."""
    p, k = sheet.p, sheet.k
    u = r / 6.8 * k  # the drawing below is for a 6.8 mm compass
    p.save()
    p.setPen(QPen(RULE, 0.2 * k))
    p.setBrush(WHITE)
    p.drawEllipse(QPointF(cx * k, cy * k), r * k, r * k)
    p.translate(cx * k, cy * k)
    p.rotate(-heading_deg)
    arrow = QPainterPath()
    arrow.moveTo(0, -2.6 * u)
    arrow.lineTo(1.5 * u, 2.4 * u)
    arrow.lineTo(0, 1.5 * u)
    arrow.lineTo(-1.5 * u, 2.4 * u)
    arrow.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPath(arrow)
    p.restore()
    a = math.radians(heading_deg)  # the letter just beyond the arrow's tip, upright
    d = 4.6 * r / 6.8
    tx, ty = cx - d * math.sin(a), cy - d * math.cos(a)
    pt = 5.5 * max(0.75, r / 6.8)
    sheet.text(tx - 2, ty - pt * 0.24, 4, "N", sheet.font(pt, bold=True), INK,
               Qt.AlignmentFlag.AlignHCenter, wrap=False)


def _stop_times(stop: PlannedStop) -> str:
    """``10:32–10:42``; a meeting shows its own time, not the early arrival."""
    if stop.appointment is not None and stop.late_s <= 0:
        return f"{stop.appointment}–{stop.depart}"
    return f"{stop.arrive}–{stop.depart}"


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _stop_note(stop: PlannedStop) -> str:
    """A meeting's line: when to be there, or how late the visitor will be."""
    if stop.appointment is None:
        return ""
    if stop.late_s > 0:
        return f"meeting {stop.appointment}: {math.ceil(stop.late_s / 60 - 1e-9)} min late"
    if stop.wait_s >= 60:
        return f"meeting · arrive {stop.arrive}, {_duration(stop.wait_s)} early"
    return "meeting · 會議"


def _stop_colour(stop: PlannedStop) -> QColor:
    if stop.late_s > 0:
        return LATE
    return MEETING if stop.appointment_s is not None else ACCENT


def _connector_marks(itinerary: Itinerary, level: str, nav: Navigator,
                     only: PlannedStop | None = None) -> list[_MapMark]:
    """Where the route changes level on ``level``: an arrow and the other level."""
    marks = []
    ordinal = {k: lv.ordinal for k, lv in nav.venue.levels.items()}
    for stop in itinerary.stops:
        if stop.leg is None or (only is not None and stop is not only):
            continue
        legs = stop.leg.legs
        for a, b in zip(legs[:-1], legs[1:], strict=True):
            up = ordinal.get(b.level, 0) > ordinal.get(a.level, 0)
            short = b.level.split("-")[-1]
            if a.level == level and a.coords:
                x, y = a.coords[-1]
                marks.append(_MapMark(x, y, ("↑" if up else "↓") + short, SOFT, True))
            if b.level == level and b.coords:
                x, y = b.coords[0]
                back = a.level.split("-")[-1]
                marks.append(_MapMark(x, y, ("↓" if up else "↑") + back, SOFT, True))
    return marks


# -- A4 and Letter ---------------------------------------------------------------------------

class _SheetLayout:
    margin = 14.0

    def __init__(self, itinerary: Itinerary, nav: Navigator, paper: str, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0) -> None:
        self.it = itinerary
        self.nav = nav
        self.heading = heading_deg
        self.paper = paper
        self.width, height = PAPERS[paper]
        self.height = float(height or 297.0)
        self.printed_from = printed_from
        self.printed_at = printed_at
        self.payload = itinerary.qr_payload
        self.modules = qr_modules(self.payload)

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin

    @property
    def bottom(self) -> float:
        return self.height - self.margin - 7.0  # the footer's band

    def render(self, sheet: _Sheet, total_pages: int) -> None:
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
        when = self.printed_at.strftime("%Y-%m-%d %H:%M")
        s.text(m, y, self.inner * 0.75, f"Printed from {self.printed_from} · {when} · "
               "ExpoNav offline navigator", f, SOFT, wrap=False)
        s.text(m, y, self.inner, f"Page {s.pages} of {self.total}", f, SOFT,
               Qt.AlignmentFlag.AlignRight, wrap=False)

    def _header(self, y: float) -> float:
        s, it, m = self.sheet, self.it, self.margin
        show = it.show
        qr_size = 52.0
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
            en, zh = _show_dates(show.start_date, show.end_date)
            venue = self.nav.venue
            y += 1 + s.text(m, y + 1, left, f"{en} · {venue.name}", s.font(9), SOFT)
            y += s.text(m, y, left, f"{zh} · {venue.name_zh}".strip(" ·"), s.font(9), SOFT)
        y += 5
        s.fill(m, y, 1.6, 9.5, ACCENT)
        y += s.text(m + 4, y - 0.6, left - 4, "Your visit  ·  您的參觀行程",
                    s.font(15, bold=True), ACCENT)
        y += 1.5
        origin = it.origin
        where = origin.name if origin.name and origin.name != origin.id else origin.kind
        start = (f"Start {it.start} at {where} {origin.id} ({it.level_name(origin.level)})"
                 if where != origin.id else f"Start {it.start} at {origin.id}")
        lines = [start,
                 f"{len(it.stops)} stops · walking {_metres(it.length_m)} "
                 f"({_minutes(it.duration_s)}) · done about {_hhmm(it.end_s)}"]
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
            height = _measure_height(s, self.inner - 13, text, font)
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
        s, it = self.sheet, self.it
        time_cell = [(_stop_times(stop), s.font(9.5, bold=True), INK)]
        note = _stop_note(stop)
        if note:
            time_cell.append((note, s.font(7.5, bold=True), _stop_colour(stop)))
        where = [(stop.place.id, s.font(9.5, bold=True), INK),
                 (it.level_name(stop.place.level), s.font(7.5), SOFT)]
        visit = [(stop.name, s.font(9.5), INK)]
        if stop.name_zh and stop.name_zh != stop.name:
            visit.append((stop.name_zh, s.font(8.5), SOFT))
        walk = [(_metres(stop.leg_length_m), s.font(9.5), INK),
                (_minutes(stop.leg_duration_s), s.font(7.5), SOFT)]
        vias = [leg.via for leg in stop.leg.legs if leg.via] if stop.leg else []
        if vias:
            walk.append(("via " + ", ".join(vias), s.font(7), SOFT))
        return [[], time_cell, where, visit, walk]

    def _row_height(self, cells) -> float:
        s = self.sheet
        heights = [sum(_measure_height(s, w - 3, t, f) for t, f, _ in cell)
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
            s.badge(m + 5, y + 5, 6.2, str(number), _stop_colour(stop), 8.5)
            x = m + widths[0]
            for cell, w in zip(cells[1:], widths[1:], strict=True):
                cy = y + 1.5
                for text, font, colour in cell:
                    cy += s.text(x + 1.5, cy, w - 3, text, font, colour)
                x += w
            y += h
            s.rule(m, y, self.inner)
        y += 1.5
        total = (f"Total walk {_metres(self.it.length_m)} · {_minutes(self.it.duration_s)}"
                 f"   ·   總步行 {round(self.it.length_m)} 公尺")
        y += s.text(m, y, self.inner, total, s.font(9, bold=True), INK,
                    Qt.AlignmentFlag.AlignRight)
        return y

    def _maps(self, y: float) -> None:
        s, it, m = self.sheet, self.it, self.margin
        for level in it.levels:
            plan = self.nav.venue.plans.get(level)
            if plan is None:
                continue
            fx0, fy0, fx1, fy1 = _turned_box(plan.footprint.bounds, self.heading)
            aspect = (fy1 - fy0) / max(fx1 - fx0, 1e-6)
            h = min(self.inner * aspect, 108.0)
            w = min(self.inner, h / aspect)  # no empty bands beside the hall
            if y + 8 + h + 6 > self.bottom:
                y = self._page()
            name = it.level_name(level)
            zh = it.level_names_zh.get(level, "")
            y += s.text(m, y, self.inner, f"Map · {name}" + (f" · {zh}" if zh else ""),
                        s.font(10.5, bold=True), INK) + 1.5
            lines, marks, highlight = _level_drawing(it, level, self.nav)
            _draw_map(s, m + (self.inner - w) / 2, y, w, h, plan,
                      (fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2), lines, marks, highlight,
                      route_mm=1.1, badge_mm=4.8, heading_deg=self.heading)
            y += h + 1.5
            y += s.text(m, y, self.inner, "S: where you start · 1, 2, 3 …: your stops in order "
                        "(pink: a meeting) · the line: your walk · ↑↓: escalator or lift to "
                        "another floor", s.font(7), SOFT) + 5


def _level_drawing(it: Itinerary, level: str, nav: Navigator, only: PlannedStop | None = None):
    """Route lines, badges and highlighted booths of one level (of one stop's leg)."""
    lines: list[list[tuple[float, float]]] = []
    marks: list[_MapMark] = []
    highlight = []
    prev_place = it.origin
    for number, stop in enumerate(it.stops, 1):
        mine = only is None or stop is only
        if mine and stop.leg is not None:
            lines += [leg.coords for leg in stop.leg.legs if leg.level == level]
        if mine and prev_place.level == level:
            if prev_place is it.origin:
                marks.append(_MapMark(prev_place.x, prev_place.y, "S", INK))
            elif only is not None:
                marks.append(_MapMark(prev_place.x, prev_place.y, str(number - 1),
                                      _stop_colour(it.stops[number - 2])))
        if stop.place.level == level and (mine or only is None):
            marks.append(_MapMark(stop.place.x, stop.place.y, str(number), _stop_colour(stop)))
            if stop.place.polygon is not None:
                highlight.append(stop.place.polygon)
        prev_place = stop.place
    if only is None and it.origin.level == level and not any(m.label == "S" for m in marks):
        marks.append(_MapMark(it.origin.x, it.origin.y, "S", INK))
    marks = _connector_marks(it, level, nav, only) + marks
    return lines, marks, highlight


def _measure_height(sheet: _Sheet, w: float, text: str, font: QFont) -> float:
    if not text:
        return 0.0
    fm = QFontMetricsF(font, sheet.device)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    rect = fm.boundingRect(QRectF(0, 0, w * sheet.k, 1e7), flags, text)
    return max(rect.height(), fm.height()) / sheet.k


def _hhmm(seconds: float) -> str:
    from exponav.core.visit.clock import format_hhmm

    return format_hhmm(seconds)


# -- the 80 mm receipt ------------------------------------------------------------------------

class _ReceiptLayout:
    width = PAPERS["receipt80"][0]
    margin = (PAPERS["receipt80"][0] - RECEIPT_PRINTABLE_MM) / 2

    def __init__(self, itinerary: Itinerary, nav: Navigator, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0) -> None:
        self.it = itinerary
        self.nav = nav
        self.heading = heading_deg
        self.printed_from = printed_from
        self.printed_at = printed_at
        self.payload = itinerary.qr_payload
        self.modules = qr_modules(self.payload)

    def render(self, s: _Sheet) -> float:
        """Draw (or measure) the receipt; returns its length in mm."""
        it, m, w = self.it, self.margin, RECEIPT_PRINTABLE_MM
        centre = Qt.AlignmentFlag.AlignHCenter
        y = 5.0
        show = it.show
        if show is not None:
            y += s.text(m, y, w, show.name, s.font(11, bold=True), INK, centre)
            if show.name_zh:
                y += s.text(m, y, w, show.name_zh, s.font(9), INK, centre)
            en, zh = _show_dates(show.start_date, show.end_date)
            y += s.text(m, y, w, en, s.font(7.5), SOFT, centre)
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
        y += s.text(m, y, w, f"Start {it.start} · {origin.id} · {it.level_name(origin.level)}",
                    s.font(8.5, bold=True), INK) + 1
        y += s.text(m, y, w, f"{len(it.stops)} stops · walk {_metres(it.length_m)}, "
                    f"{_minutes(it.duration_s)} · done about {_hhmm(it.end_s)}",
                    s.font(8), INK)
        for miss in it.missed:
            y += 1.5
            y += s.text(m, y, w, "! " + miss.sentence(), s.font(8, bold=True), LATE)
        y += 2
        for number, stop in enumerate(it.stops, 1):
            y = self._stop(s, y, number, stop)
        s.rule(m, y, w, INK, 0.4)
        y += 2
        y += s.text(m, y, w, f"Total walk {_metres(it.length_m)} · {_minutes(it.duration_s)}",
                    s.font(9, bold=True), INK, centre)
        y += 1.5
        when = self.printed_at.strftime("%Y-%m-%d %H:%M")
        y += s.text(m, y, w, f"Printed from {self.printed_from} · {when}", s.font(6.5), SOFT,
                    centre)
        y += s.text(m, y, w, "ExpoNav offline navigator", s.font(6.5), SOFT, centre)
        return y + 8.0

    def _stop(self, s: _Sheet, y: float, number: int, stop: PlannedStop) -> float:
        it, m, w = self.it, self.margin, RECEIPT_PRINTABLE_MM
        s.rule(m, y, w, SOFT, 0.2, dashed=True)
        y += 2
        top = y
        s.badge(m + 3.2, y + 3.2, 6.4, str(number), _stop_colour(stop), 9)
        x = m + 8
        y += s.text(x, y, w - 8, f"{_stop_times(stop)}   {stop.place.id}",
                    s.font(10, bold=True), INK)
        note = _stop_note(stop)
        if note:
            y += s.text(x, y, w - 8, note[0].upper() + note[1:], s.font(8, bold=True),
                        _stop_colour(stop))
        y += s.text(x, y, w - 8, stop.name, s.font(9, bold=True), INK)
        if stop.name_zh and stop.name_zh != stop.name:
            y += s.text(x, y, w - 8, stop.name_zh, s.font(8.5), INK)
        vias = [leg.via for leg in stop.leg.legs if leg.via] if stop.leg else []
        walk = f"{it.level_name(stop.place.level)} · walk {_metres(stop.leg_length_m)}, " \
               f"{_minutes(stop.leg_duration_s)}" + (f" via {', '.join(vias)}" if vias else "")
        y += s.text(x, y, w - 8, walk, s.font(7.5), SOFT)
        y = max(y, top + 7) + 1.5
        if stop.leg is not None:
            for leg in stop.leg.legs:
                y = self._leg_map(s, y, stop, leg) + 1.5
        return y + 0.5

    def _leg_map(self, s: _Sheet, y: float, stop: PlannedStop, leg: Any) -> float:
        plan = self.nav.venue.plans.get(leg.level)
        if plan is None or not leg.coords:
            return y
        m, w = self.margin, RECEIPT_PRINTABLE_MM
        points = [(c[0], c[1]) for c in leg.coords]
        if stop.place.level == leg.level:
            points.append((stop.place.x, stop.place.y))
        turned = _turn(points, self.heading)  # the leg's box as the reader faces
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
        lines, marks, highlight = _level_drawing(self.it, leg.level, self.nav, only=stop)
        _draw_map(s, m, y, w, h, plan, (x0, y0, x1, y1), lines, marks, highlight,
                  route_mm=0.9, badge_mm=4.4, heading_deg=self.heading)
        label = self.it.level_name(leg.level)
        if s.drawing:
            f = s.font(6.5, bold=True)
            tw = QFontMetricsF(f, s.device).horizontalAdvance(label) / s.k + 2.4
            s.fill(m + 1, y + 1, tw, 3.6, QColor(255, 255, 255, 225), 0.8)
            s.text(m + 2.2, y + 1.4, tw, label, f, INK, wrap=False)
        return y + h


# -- output -----------------------------------------------------------------------------------

def _paper_of(paper: str) -> str:
    key = paper.lower().replace(" ", "").replace("-", "")
    if key in ("receipt", "receipt80", "80mm"):
        return "receipt80"
    if key not in PAPERS:
        from exponav.core.errors import ExpoNavError

        raise ExpoNavError(f"Unknown paper {paper!r}; use a4, letter or receipt80.")
    return key


def _page_size(paper: str, length_mm: float | None = None) -> QPageSize:
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper == "letter":
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QSizeF(PAPERS["receipt80"][0], round(length_mm or 200.0, 1)),
                     QPageSize.Unit.Millimeter, "Receipt 80 mm",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def paint_itinerary(device: QPagedPaintDevice, itinerary: Itinerary, nav: Navigator,
                    paper: str = "a4", printed_from: str | None = None,
                    printed_at: datetime | None = None,
                    set_page: Callable[[QPageSize], None] | None = None,
                    heading_deg: float = 0.0) -> int:
    """Paint the itinerary on a paged device (QPdfWriter or QPrinter); returns the pages.

    The device's page size is set here (for the receipt, to the length its content needs).
    ``heading_deg`` turns the maps so that this compass direction is up (a kiosk prints
    its maps heading-up, as its screen shows them); a small compass shows north.
    """
    _ensure_app()
    paper = _paper_of(paper)
    origin_from = printed_from or printed_from_label()
    when = printed_at or datetime.now()

    def apply(size: QPageSize) -> None:
        if set_page is not None:
            set_page(size)
        else:
            device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                             QMarginsF(0, 0, 0, 0)))

    if paper == "receipt80":
        layout = _ReceiptLayout(itinerary, nav, origin_from, when, heading_deg)
        length = layout.render(_Sheet(device, None))
        apply(_page_size(paper, length))
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("Cannot start printing on this device.")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            layout.render(_Sheet(device, painter))
        finally:
            painter.end()
        return 1
    sheet_layout = _SheetLayout(itinerary, nav, paper, origin_from, when, heading_deg)
    apply(_page_size(paper))
    probe = _Sheet(device, None)
    sheet_layout.render(probe, 0)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("Cannot start printing on this device.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sheet_layout.render(_Sheet(device, painter), probe.pages)
    finally:
        painter.end()
    return probe.pages


def write_pdf(itinerary: Itinerary, nav: Navigator, path: str | Path, paper: str = "a4",
              printed_from: str | None = None, printed_at: datetime | None = None,
              heading_deg: float = 0.0) -> Path:
    """Write the itinerary as a PDF (A4, Letter or an 80 mm receipt); sets ``itinerary.pdf``.

    ``printed_from`` is what the footer names: ``printed_from_label(kiosk_id)`` gives
    ``"kiosk K-H2-1F-1"``; the default is ``"ExpoNav on <hostname>"``.
    """
    _ensure_app()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(600)
    writer.setCreator("ExpoNav")
    show = itinerary.show
    writer.setTitle(f"{show.name if show else 'ExpoNav'} · visit from {itinerary.origin.id}")
    paint_itinerary(writer, itinerary, nav, paper, printed_from, printed_at,
                    heading_deg=heading_deg)
    del writer  # flushes the file
    os.replace(tmp, target)
    itinerary.pdf = str(target)
    return target


def print_itinerary(itinerary: Itinerary, nav: Navigator, printer: QPrinter,
                    paper: str | None = None, printed_from: str | None = None,
                    heading_deg: float = 0.0) -> int:
    """Print on ``printer`` with the same drawing as the PDF; returns the page count.

    Without ``paper``, a printer whose paper is at most 90 mm wide gets the receipt.
    """
    if paper is None:
        width = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).width()
        paper = "receipt80" if width <= 90 else (
            "letter" if abs(width - PAPERS["letter"][0]) < 1 else "a4")
    printer.setFullPage(True)

    def set_page(size: QPageSize) -> None:
        printer.setPageSize(size)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)

    return paint_itinerary(printer, itinerary, nav, paper, printed_from, set_page=set_page,
                           heading_deg=heading_deg)


def print_preview_dialog(itinerary: Itinerary, nav: Navigator, parent: QWidget | None = None,
                         paper: str = "a4", printed_from: str | None = None
                         ) -> QPrintPreviewDialog:
    """A print preview of the itinerary (call ``exec()`` on it); printing from it uses
    :func:`print_itinerary`."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(_page_size(_paper_of(paper)))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print your visit")
    dialog.paintRequested.connect(
        lambda p: print_itinerary(itinerary, nav, p, paper, printed_from))
    dialog._exponav_printer = printer  # keep the printer alive with the dialog
    return dialog
