"""YouAreHereItem: where the visitor stands (a kiosk), and which way they face.

A blue dot in a white ring with a soft halo, a "You are here" tag under it, and, when
the kiosk's heading is known, a cone opening the way the visitor looks while reading
the screen. The item keeps its size on screen; the cone's compass heading is turned by
the view's own rotation, so it still points the right way on a map turned to the
visitor's view.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

__all__ = ["HERE_COLOUR", "YouAreHereItem"]

HERE_COLOUR = QColor("#1a73e8")
CONE_RADIUS = 46.0
CONE_SPREAD_DEG = 70.0


class YouAreHereItem(QGraphicsItem):
    """The visitor's position; ``heading_deg`` is a compass bearing (0 north, 90 east)."""

    def __init__(self, pos: QPointF, heading_deg: float | None = None, text: str = "") -> None:
        super().__init__()
        self.heading_deg = heading_deg
        self.text = text
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(pos)
        self._font = QFont(QApplication.font())
        self._font.setPixelSize(12)
        self._font.setWeight(QFont.Weight.Bold)
        self._fm = QFontMetricsF(self._font)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text

    def set_heading(self, heading_deg: float | None) -> None:
        self.heading_deg = heading_deg
        self.update()

    def _tag(self) -> QRectF:
        w = self._fm.horizontalAdvance(self.text) + 16
        return QRectF(-w / 2, 16, w, 20)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = CONE_RADIUS + 2
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        if self.text:
            rect = rect.united(self._tag().adjusted(-2, -2, 2, 2))
        return rect

    def _view_rotation_deg(self) -> float:
        """How far the view turns the plan (clockwise degrees), 0 when it does not."""
        scene = self.scene()
        views = scene.views() if scene is not None else []
        if not views:
            return 0.0
        t = views[0].transform()
        return math.degrees(math.atan2(t.m12(), t.m11()))

    def screen_heading_deg(self) -> float | None:
        """The cone's direction on screen, clockwise from up (None without a heading)."""
        if self.heading_deg is None:
            return None
        return (self.heading_deg + self._view_rotation_deg()) % 360.0

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        heading = self.screen_heading_deg()
        if heading is not None:
            painter.save()
            painter.rotate(heading)  # Qt turns clockwise on screen, as a compass does
            cone = QPainterPath()
            cone.moveTo(0, 0)
            r = CONE_RADIUS
            cone.arcTo(QRectF(-r, -r, 2 * r, 2 * r), 90 - CONE_SPREAD_DEG / 2, CONE_SPREAD_DEG)
            cone.closeSubpath()
            grad = QRadialGradient(QPointF(0, 0), r)
            strong, clear = QColor(HERE_COLOUR), QColor(HERE_COLOUR)
            strong.setAlphaF(0.55)
            clear.setAlphaF(0.0)
            grad.setColorAt(0.0, strong)
            grad.setColorAt(1.0, clear)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(grad)
            painter.drawPath(cone)
            painter.restore()
        halo = QColor(HERE_COLOUR)
        halo.setAlphaF(0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        painter.drawEllipse(QPointF(0, 0), 20, 20)
        painter.setBrush(QColor(0, 0, 0, 45))
        painter.drawEllipse(QPointF(0, 1.5), 10.5, 10.5)
        painter.setPen(QPen(QColor("#ffffff"), 3.5))
        painter.setBrush(HERE_COLOUR)
        painter.drawEllipse(QPointF(0, 0), 9, 9)
        if self.text:
            tag = self._tag()
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor("#1f2933"))
            painter.drawRoundedRect(tag, 10, 10)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._font)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, self.text)
