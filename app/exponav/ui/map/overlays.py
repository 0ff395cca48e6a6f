"""What floats over the map: zoom buttons, the scale bar and the north arrow.

They are children of the view, not of its viewport, so scrolling the plan never
drags them along; each is a small widget that repaints itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QToolButton, QVBoxLayout, QWidget

from exponav.ui.common.assets import icon
from exponav.ui.common.palette import MAP, UI

__all__ = ["NorthArrow", "ScaleBar", "ZoomButtons", "nice_length"]


def nice_length(metres_per_px: float, target_px: float = 110.0) -> float:
    """A round length (1, 2 or 5 times a power of ten) close to ``target_px`` on screen.

    >>> nice_length(0.1)
    10.0
    >>> nice_length(0.5)
    50.0
    """
    raw = metres_per_px * target_px
    power = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 5, 10):
        if raw <= step * power * 1.5:
            return float(step * power)
    return float(10 * power)


class ZoomButtons(QFrame):
    """+, − and fit, stacked in a card."""

    zoom_in = Signal()
    zoom_out = Signal()
    fit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name, signal, icon_name in (("in", self.zoom_in, "zoom-in"),
                                        ("out", self.zoom_out, "zoom-out"),
                                        ("fit", self.fit, "zoom-fit")):
            button = QToolButton(self)
            button.setObjectName("mapButton")
            button.setIcon(icon(icon_name, UI.ink))
            button.setIconSize(QSize(20, 20))
            button.setFixedSize(44, 44)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
            self.buttons[name] = button
        self.retranslate_ui()
        self.adjustSize()

    def retranslate_ui(self) -> None:
        self.buttons["in"].setToolTip(self.tr("Zoom in"))
        self.buttons["out"].setToolTip(self.tr("Zoom out"))
        self.buttons["fit"].setToolTip(self.tr("Show the whole level"))
        self.buttons["in"].setAccessibleName(self.tr("Zoom in"))
        self.buttons["out"].setAccessibleName(self.tr("Zoom out"))
        self.buttons["fit"].setAccessibleName(self.tr("Show the whole level"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ScaleBar(QWidget):
    """A bar of a round number of metres for the current zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._px_per_m = 1.0
        self.setFixedSize(240, 34)
        self._font = QFont(self.font())
        self._font.setPixelSize(12)
        self._font.setWeight(QFont.Weight.DemiBold)

    def set_scale(self, px_per_m: float) -> None:
        if px_per_m > 0 and px_per_m != self._px_per_m:
            self._px_per_m = px_per_m
            self.update()

    def bar(self) -> tuple[float, float]:
        """(metres, pixels) of the bar being shown."""
        metres = nice_length(1.0 / self._px_per_m)
        return metres, metres * self._px_per_m

    def paintEvent(self, event) -> None:  # noqa: N802
        metres, px = self.bar()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.tr("%1 m").replace("%1", f"{metres:g}")
        painter.setFont(self._font)
        x0, y = 10.0, 24.0
        text_w = painter.fontMetrics().horizontalAdvance(text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(QRectF(2, 2, min(self.width() - 4, px + text_w + 30), 30), 8, 8)
        pen = QPen(QColor(UI.ink), 2)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(x0 + px, y))
        painter.drawLine(QPointF(x0, y - 6), QPointF(x0, y + 1))
        painter.drawLine(QPointF(x0 + px, y - 6), QPointF(x0 + px, y + 1))
        painter.drawText(QRectF(x0 + px + 8, 4, text_w + 8, 26),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.update()
        super().changeEvent(event)


class NorthArrow(QWidget):
    """Where north is. The plans are drawn north-up; on a heading-up kiosk the arrow
    turns with the plan, its "N" riding at the tip, so the visitor sees the turn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFixedSize(44, 56)
        self._heading = 0.0
        self._font = QFont(self.font())
        self._font.setPixelSize(12)
        self._font.setWeight(QFont.Weight.Bold)
        self.retranslate_ui()

    def set_heading(self, heading_deg: float) -> None:
        """The compass direction that is up on screen; north is drawn turned by minus it."""
        self._heading = float(heading_deg) % 360.0
        if self._heading == 0:
            self.setFixedSize(44, 56)
        else:  # room for the letter all around
            self.setFixedSize(58, 58)
        self.retranslate_ui()

    def heading(self) -> float:
        return self._heading

    def retranslate_ui(self) -> None:
        turned = self._heading != 0
        self.setToolTip(self.tr("North") if not turned else
                        self.tr("North: the map is turned so that up is the way you face"))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        turned = self._heading != 0
        c = QPointF(29, 29) if turned else QPointF(22, 34)
        painter.setPen(QPen(QColor(UI.line), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawEllipse(c, 27 if turned else 18, 27 if turned else 18)
        painter.save()
        painter.translate(c)
        painter.rotate(-self._heading)
        arrow = QPainterPath()
        arrow.moveTo(0, -13)
        arrow.lineTo(7, 9)
        arrow.lineTo(0, 5)
        arrow.lineTo(-7, 9)
        arrow.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MAP.highlight) if turned else QColor(UI.ink))
        painter.drawPath(arrow)
        painter.restore()
        painter.setFont(self._font)
        painter.setPen(QColor(UI.ink))
        letter = self.tr("N", "north, one letter")
        if not turned:
            painter.drawText(QRectF(0, 0, 44, 16), Qt.AlignmentFlag.AlignCenter, letter)
            return
        a = math.radians(self._heading)
        tip = QPointF(c.x() - 20 * math.sin(a), c.y() - 20 * math.cos(a))
        painter.drawText(QRectF(tip.x() - 8, tip.y() - 8, 16, 16), Qt.AlignmentFlag.AlignCenter,
                         letter)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
