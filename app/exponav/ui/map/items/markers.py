"""MarkerItem: an amenity, connector or doorway drawn as a round icon badge.

Markers keep their size on screen (``ItemIgnoresTransformations``); the scene sets a
size for the zoom with :meth:`MarkerItem.set_size`. An entrance also shows its name
in a pill once there is room.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from exponav.ui.common.assets import icon_pixmap
from exponav.ui.common.palette import amenity_style

__all__ = ["MarkerItem"]


class MarkerItem(QGraphicsItem):
    """A badge at a point; ``offset`` (unit vector, scene axes) pushes it off a wall."""

    def __init__(self, place_id: str, category: str, pos: QPointF,
                 offset: tuple[float, float] = (0.0, 0.0), text: str = "") -> None:
        super().__init__()
        self.place_id = place_id
        self.category = category
        self.icon_name, colour = amenity_style(category)
        self.colour = QColor(colour)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setPos(pos)
        self._offset = offset
        self._size = 22.0
        self._text = text
        self._show_text = False
        self._font = QFont(QApplication.font())
        self._font.setPixelSize(12)
        self._font.setWeight(QFont.Weight.DemiBold)
        self._fm = QFontMetricsF(self._font)
        self.setToolTip(text)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self._text = text
        self.setToolTip(text)

    def set_size(self, size: float, show_text: bool = False) -> None:
        show_text = show_text and bool(self._text)
        if size == self._size and show_text == self._show_text:
            return
        self.prepareGeometryChange()
        self._size = size
        self._show_text = show_text

    def _centre(self) -> QPointF:
        d = self._size * 0.5 + 6.0
        return QPointF(self._offset[0] * d, self._offset[1] * d)

    def _pill_rect(self) -> QRectF:
        c = self._centre()
        width = self._size + 10 + self._fm.horizontalAdvance(self._text)
        height = self._size + 4
        # the pill grows away from the building, or to the right for a free point
        ox = self._offset[0]
        if ox < -0.5:
            return QRectF(c.x() + self._size / 2 + 2 - width, c.y() - height / 2, width, height)
        return QRectF(c.x() - self._size / 2 - 2, c.y() - height / 2, width, height)

    def device_box(self, transform) -> QRectF:
        """The badge (and pill) on screen, for a view's ``transform`` of the scene."""
        at = transform.map(self.pos())
        return self.boundingRect().translated(at)

    def boundingRect(self) -> QRectF:  # noqa: N802
        c = self._centre()
        r = self._size / 2 + 2
        rect = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        if self._show_text:
            rect = rect.united(self._pill_rect().adjusted(-2, -2, 2, 2))
        return rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        c = self._centre()
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        if self._show_text:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pill = self._pill_rect()
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(self.colour)
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._font)
            text_x = pill.left() + self._size + 6 if self._offset[0] >= -0.5 else pill.left() + 8
            painter.drawText(QRectF(text_x, pill.top(), pill.width(), pill.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self._text)
            if self._offset[0] < -0.5:
                c = QPointF(pill.right() - self._size / 2 - 2, c.y())
        badge = badge_pixmap(self.icon_name, self.colour.name(), self._size, max(1.0, dpr))
        half = self._size / 2 + 1
        painter.drawPixmap(QPointF(c.x() - half, c.y() - half), badge)


@lru_cache(maxsize=256)
def badge_pixmap(icon_name: str, colour: str, size: float, dpr: float) -> QPixmap:
    """A round badge with a white glyph and a white rim, drawn once per size and ratio."""
    side = size + 2
    pixmap = QPixmap(math.ceil(side * dpr), math.ceil(side * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QPointF(side / 2, side / 2), size / 2, size / 2)
    glyph = round(size * 0.62)
    painter.drawPixmap(QPointF((side - glyph) / 2, (side - glyph) / 2),
                       icon_pixmap(icon_name, glyph, "#ffffff", dpr))
    painter.end()
    return pixmap
