"""A walking route on the plan: the line with direction arrows, and its end markers.

:class:`RouteLineItem` draws one leg (the part of a route on one level) as a wide line
over a white casing, with chevrons every few centimetres of screen pointing the way.
The line lives in scene units (metres) but its width and the arrows' spacing are in
screen pixels, so it reads the same at every zoom. :class:`RouteEndItem` marks where a
leg starts, ends, or changes level (an escalator badge saying where it goes), and
:class:`StopBadgeItem` numbers the stops of a planned visit. The markers keep their
size on screen (``ItemIgnoresTransformations``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from exponav.ui.common.assets import icon_pixmap
from exponav.ui.common.convert import line_path, to_scene
from exponav.ui.common.palette import UI, amenity_style

__all__ = ["ROUTE_COLOUR", "VISIT_COLOUR", "RouteEndItem", "RouteLineItem", "StopBadgeItem"]

#: the route being walked: a deep blue that no booth theme or highlight uses
ROUTE_COLOUR = QColor("#1b5fd1")
ROUTE_DARK = QColor("#0f3f94")
#: a planned visit's legs and numbered stops
VISIT_COLOUR = QColor(UI.accent)
CASING = QColor("#ffffff")
ARROW_SPACING_PX = 64.0


def _device_scale(t: QTransform) -> float:
    return math.hypot(t.m11(), t.m12()) or 1.0


class RouteLineItem(QGraphicsItem):
    """One leg's polyline (model coordinates) drawn ``width_px`` wide, arrows on top."""

    def __init__(self, coords: Sequence[tuple[float, float]], colour: QColor = ROUTE_COLOUR,
                 width_px: float = 7.0, arrows: bool = True, opacity: float = 1.0) -> None:
        super().__init__()
        self.coords = [(float(x), float(y)) for x, y in coords]
        self.colour = QColor(colour)
        self.width_px = width_px
        self.arrows = arrows
        self._path = line_path(self.coords)
        self._margin = 2.0  # scene units around the path: a few pixels at any zoom
        self._bounds = self._path.boundingRect()
        self.setOpacity(opacity)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def path(self) -> QPainterPath:
        return self._path

    def length_m(self) -> float:
        return sum(math.dist(a, b) for a, b in zip(self.coords[:-1], self.coords[1:],
                                                    strict=False))

    def set_zoom(self, scale: float) -> None:
        """Pixels per metre: the bounds must hold the line's pixel width at this zoom."""
        margin = (self.width_px + 8.0) / max(scale, 1e-6)
        if abs(margin - self._margin) > 1e-9:
            self.prepareGeometryChange()
            self._margin = margin

    def boundingRect(self) -> QRectF:  # noqa: N802
        m = self._margin
        return self._bounds.adjusted(-m, -m, m, m)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(self._margin)
        return stroker.createStroke(self._path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if len(self.coords) < 2:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((CASING, self.width_px + 4.0), (self.colour, self.width_px)):
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(self._path)
        if self.arrows:
            self._paint_arrows(painter)

    def _paint_arrows(self, painter: QPainter) -> None:
        world = painter.worldTransform()
        scale = _device_scale(world)
        step = ARROW_SPACING_PX / scale
        total = self.length_m()
        if total * scale < ARROW_SPACING_PX * 0.6:
            return
        # device points and directions, so the chevrons are pixels whatever the zoom
        marks: list[tuple[QPointF, float]] = []
        d = min(step / 2, total / 2)
        walked = 0.0
        for (x0, y0), (x1, y1) in zip(self.coords[:-1], self.coords[1:], strict=False):
            seg = math.dist((x0, y0), (x1, y1))
            while seg > 1e-9 and d <= walked + seg:
                t = (d - walked) / seg
                p = world.map(to_scene(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
                ahead = world.map(to_scene(x1, y1))
                back = world.map(to_scene(x0, y0))
                angle = math.atan2(ahead.y() - back.y(), ahead.x() - back.x())
                marks.append((p, angle))
                d += step
            walked += seg
        painter.save()
        painter.setWorldTransform(QTransform())
        pen = QPen(CASING, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        size = max(2.5, self.width_px * 0.42)
        for p, angle in marks:
            c, s = math.cos(angle), math.sin(angle)
            tip = QPointF(p.x() + c * size * 0.7, p.y() + s * size * 0.7)
            left = QPointF(tip.x() - c * size * 1.4 - s * size, tip.y() - s * size * 1.4 + c * size)
            right = QPointF(tip.x() - c * size * 1.4 + s * size, tip.y() - s * size * 1.4 - c * size)
            painter.drawPolyline([left, tip, right])
        painter.restore()


def _font(px: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    f = QFont(QApplication.font())
    f.setPixelSize(px)
    f.setWeight(weight)
    return f


class RouteEndItem(QGraphicsItem):
    """A marker at a point of a route, in screen pixels.

    ``kind``: ``start`` (a ring), ``end`` (a flag pin) or ``transfer`` (a badge with the
    connector's icon and where it leads, such as "4F").
    """

    def __init__(self, kind: str, pos: QPointF, text: str = "",
                 connector_kind: str = "", colour: QColor = ROUTE_COLOUR) -> None:
        super().__init__()
        self.kind = kind
        self.text = text
        self.connector_kind = connector_kind
        self.colour = QColor(colour)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(pos)
        self._font = _font(13)
        self._fm = QFontMetricsF(self._font)
        self.setToolTip(text)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        self.setToolTip(text)

    def _pill(self) -> QRectF:
        width = 34 + self._fm.horizontalAdvance(self.text) + 10
        return QRectF(-15, -52, width, 30)

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self.kind == "start":
            return QRectF(-11, -11, 22, 22)
        if self.kind == "end":
            return QRectF(-16, -48, 32, 52)
        return self._pill().united(QRectF(-8, -8, 16, 16)).adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.kind == "start":
            painter.setPen(QPen(self.colour, 4))
            painter.setBrush(CASING)
            painter.drawEllipse(QPointF(0, 0), 7.5, 7.5)
            return
        if self.kind == "end":
            self._paint_flag(painter)
            return
        # transfer: a dot on the connector and a badge above it
        painter.setPen(QPen(CASING, 2))
        painter.setBrush(self.colour)
        painter.drawEllipse(QPointF(0, 0), 6, 6)
        pill = self._pill()
        stem = QPainterPath()
        stem.moveTo(-4, pill.bottom() - 1)
        stem.lineTo(0, -6)
        stem.lineTo(4, pill.bottom() - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._dark())
        painter.drawPath(stem)
        painter.setPen(QPen(CASING, 1.5))
        painter.drawRoundedRect(pill, 15, 15)
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        name, _ = amenity_style(self.connector_kind or "stairs")
        painter.drawPixmap(QPointF(pill.left() + 7, pill.top() + 5),
                           icon_pixmap(name, 20, "#ffffff", max(1.0, dpr)))
        painter.setPen(CASING)
        painter.setFont(self._font)
        painter.drawText(pill.adjusted(32, 0, -8, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)

    def _dark(self) -> QColor:
        return ROUTE_DARK if self.colour == ROUTE_COLOUR else self.colour.darker(130)

    def _paint_flag(self, painter: QPainter) -> None:
        r = 13.0
        path = QPainterPath()
        path.moveTo(0, 0)
        path.cubicTo(-3, -9, -r, -18, -r, -30)
        path.arcTo(QRectF(-r, -30 - r, 2 * r, 2 * r), 180, -180)
        path.cubicTo(r, -18, 3, -9, 0, 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 55))
        painter.drawEllipse(QPointF(0, 0), 6.5, 2.6)
        painter.setPen(QPen(CASING, 2))
        painter.setBrush(self._dark())
        painter.drawPath(path)
        # a small chequered flag in the head: the end of the walk
        flag = QRectF(-5.5, -36, 11, 8)
        painter.setPen(QPen(CASING, 1.6))
        painter.drawLine(QPointF(-5.5, -36), QPointF(-5.5, -22))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CASING)
        cell = flag.width() / 4
        for i in range(4):
            for j in range(2):
                if (i + j) % 2 == 0:
                    painter.drawRect(QRectF(flag.left() + i * cell, flag.top() + j * 4, cell, 4))


class StopBadgeItem(QGraphicsItem):
    """A numbered stop of a visit; an appointment's time in a tag beside the number."""

    def __init__(self, number: int, pos: QPointF, time_text: str = "",
                 colour: QColor = VISIT_COLOUR, tooltip: str = "") -> None:
        super().__init__()
        self.number = number
        self.time_text = time_text
        self.colour = QColor(colour)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(pos)
        self._font = _font(13)
        self._small = _font(11)
        self.setToolTip(tooltip)

    def _tag(self) -> QRectF:
        w = QFontMetricsF(self._small).horizontalAdvance(self.time_text) + 12
        return QRectF(10, -9, w + 6, 18)

    def boundingRect(self) -> QRectF:  # noqa: N802
        rect = QRectF(-15, -15, 30, 30)
        if self.time_text:
            rect = rect.united(self._tag().adjusted(-2, -2, 2, 2))
        return rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.time_text:
            tag = self._tag()
            painter.setPen(QPen(self.colour, 1.5))
            painter.setBrush(CASING)
            painter.drawRoundedRect(tag, 9, 9)
            painter.setPen(self.colour.darker(120))
            painter.setFont(self._small)
            painter.drawText(tag.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, self.time_text)
        painter.setPen(QPen(CASING, 2.5))
        painter.setBrush(self.colour)
        painter.drawEllipse(QPointF(0, 0), 13, 13)
        painter.setPen(CASING)
        painter.setFont(self._font)
        painter.drawText(QRectF(-13, -13, 26, 26), Qt.AlignmentFlag.AlignCenter, str(self.number))
