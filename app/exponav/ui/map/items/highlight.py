"""What a search result lights up: booths (HighlightItem) and pins (PinItem)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from exponav.ui.common.palette import MAP

__all__ = ["HighlightItem", "PinItem"]


class HighlightItem(QGraphicsItem):
    """Selected stands: a solid fill, a dark edge and a soft glow, all cosmetic."""

    def __init__(self) -> None:
        super().__init__()
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._glow = 0.0  # 0..1, animated by the scene

    def set_path(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._path = path
        self._bounds = path.boundingRect().adjusted(-3, -3, 3, 3)
        self.setVisible(not path.isEmpty())

    def path(self) -> QPainterPath:
        return self._path

    def set_glow(self, value: float) -> None:
        self._glow = value
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        glow = QColor(MAP.highlight)
        glow.setAlphaF(0.18 + 0.22 * self._glow)
        pen = QPen(glow, 10 + 6 * self._glow)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        edge = QPen(MAP.highlight_dark, 2.0)
        edge.setCosmetic(True)
        edge.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(edge)
        painter.setBrush(MAP.highlight)
        painter.drawPath(self._path)


class PinItem(QGraphicsItem):
    """A map pin whose tip stands on a point; an optional number in its head."""

    def __init__(self, pos: QPointF, number: int | None = None,
                 colour: QColor | None = None, lift: float = 0.0) -> None:
        super().__init__()
        self.lift = lift  # pixels between the point and the tip (to clear a marker)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setPos(pos)
        self.number = number
        self.colour = QColor(colour or MAP.highlight)
        self._font = QFont(QApplication.font())
        self._font.setPixelSize(12)
        self._font.setWeight(QFont.Weight.Bold)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-15, -44 - self.lift, 30, 46 + self.lift)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(0, -self.lift)
        head = QPointF(0, -28)
        r = 12.0
        path = QPainterPath()
        path.moveTo(0, 0)
        path.cubicTo(-3, -8, -r, -16, -r, -28)
        path.arcTo(QRectF(-r, -28 - r, 2 * r, 2 * r), 180, -180)
        path.cubicTo(r, -16, 3, -8, 0, 0)
        shadow = QColor(0, 0, 0, 50)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shadow)
        painter.drawEllipse(QPointF(0, 0), 6, 2.5)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(self.colour)
        painter.drawPath(path)
        if self.number is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(head, 4.5, 4.5)
        else:
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._font)
            painter.drawText(QRectF(-r, -28 - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                             str(self.number))
