"""A sheet of paper drawn on in millimetres: its inks and fonts, text, rules, badges, the QR code.

Layout is in millimetres from the paper's corner (the printer's own margins are ignored),
converted with the device's resolution, so a sheet is the same on paper, in a PDF and
in the preview. With no painter a sheet only measures: a layout runs once to learn its
length or its page count, then again to draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from exponav.ui.common.fonts import cjk_families
from exponav.ui.common.palette import MAP, UI

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

__all__ = ["ACCENT", "ACCENT_SOFT", "INK", "LATE", "MEETING", "RULE", "SOFT", "WHITE", "Sheet"]

INK = QColor(MAP.label)
SOFT = QColor(MAP.label_soft)
RULE = QColor(UI.line)
ACCENT = QColor(UI.accent)
ACCENT_SOFT = QColor(UI.accent_soft)
MEETING = QColor(MAP.highlight)
LATE = QColor("#b3261e")
WHITE = QColor("#ffffff")
_LATIN = ["Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]


class Sheet:
    """Draws in millimetres from the paper's corner; with no painter it only measures."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter | None,
                 on_new_page: Callable[[], None] | None = None) -> None:
        self.device = device
        self.p = painter
        self.k = device.logicalDpiY() / 25.4  # device units per mm
        self.pages = 1
        self._on_new_page = on_new_page
        self.families = _LATIN + cjk_families()  # the shipped Chinese font first

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

    def measure(self, w: float, text: str, font: QFont, wrap: bool = True,
                align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
        """The height in mm of ``text`` set in a box ``w`` mm wide."""
        if not text:
            return 0.0
        fm = QFontMetricsF(font, self.device)
        rect = fm.boundingRect(QRectF(0, 0, w * self.k, 1e7), self._flags(align, wrap), text)
        return max(rect.height(), fm.height()) / self.k

    @staticmethod
    def _flags(align: Qt.AlignmentFlag, wrap: bool) -> int:
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        if wrap:
            flags |= int(Qt.TextFlag.TextWordWrap)
        return flags

    def text(self, x: float, y: float, w: float, text: str, font: QFont, colour: QColor = INK,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, wrap: bool = True) -> float:
        """Draw ``text`` in a box ``w`` mm wide from (x, y); returns its height in mm."""
        h = self.measure(w, text, font, wrap, align)
        if h and self.p is not None:
            self.p.setFont(font)
            self.p.setPen(colour)
            self.p.drawText(self.r(x, y, w, h + 1), self._flags(align, wrap), text)
        return h

    def line_height(self, font: QFont) -> float:
        return QFontMetricsF(font, self.device).height() / self.k

    def advance(self, text: str, font: QFont) -> float:
        """How far ``text`` runs on one line, in mm."""
        return QFontMetricsF(font, self.device).horizontalAdvance(text) / self.k

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
