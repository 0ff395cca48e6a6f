"""LevelBaseItem: the static plan of one level, drawn from a few merged paths.

A level has hundreds of booths; one QGraphicsItem per booth would cost a Python call
and a painter state change each per frame. Instead every stand of a theme is one
subpath of a single path per theme, so a whole level is about twenty ``drawPath``
calls, all rasterised in C++, and stays vector-sharp at any zoom. Pens are cosmetic
(their width is in device pixels), so edges keep one weight however far one zooms.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from exponav.core.model import LevelPlan
from exponav.ui.common.convert import line_path, polygon_path
from exponav.ui.common.palette import MAP, fill_tone
from exponav.ui.map.stands import Stand

__all__ = ["BIG_STAND_M2", "LevelBaseItem", "stand_fill"]

FREE = "__free__"
BIG = "|big"
BIG_STAND_M2 = 90.0  # ten standard booths and more


def stand_fill(colour: QColor, big: bool) -> QColor:
    """The fill of a stand of a theme of ``colour``; lighter for a big stand."""
    return fill_tone(colour, 0.46 if big else 0.62)


def _cosmetic(colour: QColor, width: float = 1.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


class LevelBaseItem(QGraphicsItem):
    """Footprint, zones, stands (filled by theme), obstacles and openings of one level."""

    def __init__(self, plan: LevelPlan, stands: Sequence[Stand],
                 theme_of_stand: Callable[[Stand], tuple[str, QColor] | None],
                 path_of: Callable[[Any], QPainterPath] = polygon_path) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)
        self._footprint = polygon_path(plan.footprint)
        self._zones = [(z.category, polygon_path(z.polygon)) for z in plan.zones]
        groups: dict[str, QPainterPath] = defaultdict(QPainterPath)
        self._theme_colour: dict[str, QColor] = {}
        for stand in stands:
            theme = theme_of_stand(stand)
            key = FREE if theme is None else theme[0]
            if theme is not None:
                self._theme_colour[key] = theme[1]
                if stand.polygon.area >= BIG_STAND_M2:
                    key += BIG  # a large area reads stronger: fill it lighter
            groups[key].addPath(path_of(stand.polygon))
        self._groups = dict(groups)
        obstacles: dict[str, QPainterPath] = defaultdict(QPainterPath)
        for ob in plan.obstacles:
            obstacles[ob.category].addPath(polygon_path(ob.polygon))
        self._obstacles = dict(obstacles)
        self._entrances = QPainterPath()
        self._exits = QPainterPath()
        for o in plan.openings:
            (self._exits if o.service == "exit" else self._entrances).addPath(
                line_path(o.line))
        self._focus: set[str] | None = None
        self._fills: dict[str, QBrush] = {}
        self._edges: dict[str, QPen] = {}
        self._restyle()
        margin = 4.0
        self._bounds = self._footprint.boundingRect().adjusted(-margin, -margin, margin, margin)
        for _, path in self._zones:
            self._bounds = self._bounds.united(path.boundingRect())

    # -- styling ---------------------------------------------------------------------

    def set_focus(self, theme_ids: set[str] | None) -> None:
        """Keep the colours of these themes and grey out the rest (None: all in colour)."""
        if theme_ids == self._focus:
            return
        self._focus = None if theme_ids is None else set(theme_ids)
        self._restyle()
        self.update()

    def _restyle(self) -> None:
        for key in self._groups:
            theme = key.removesuffix(BIG)
            if key == FREE:
                fill, edge = MAP.booth_free, MAP.booth_free_edge
            elif self._focus is None or theme in self._focus:
                fill = stand_fill(self._theme_colour[theme], key.endswith(BIG))
                edge = MAP.booth_edge
            else:
                fill, edge = MAP.dimmed, MAP.booth_free_edge
            self._fills[key] = QBrush(fill)
            self._edges[key] = _cosmetic(edge, 1.0)

    # -- QGraphicsItem ---------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = painter.worldTransform()
        scale = math.hypot(t.m11(), t.m12())  # the view may be turned (heading-up)
        no_pen = QPen(Qt.PenStyle.NoPen)
        # the floor
        painter.setPen(_cosmetic(MAP.floor_edge, 1.5))
        painter.setBrush(MAP.floor)
        painter.drawPath(self._footprint)
        # zones: a faint tint under the stands, dashed outline drawn after them
        painter.setPen(no_pen)
        for category, path in self._zones:
            painter.setBrush(MAP.pavilion_fill if category == "pavilion" else MAP.zone_fill)
            painter.drawPath(path)
        # stands
        for key, path in self._groups.items():
            painter.setPen(self._edges[key])
            painter.setBrush(self._fills[key])
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_cosmetic(MAP.zone_edge, 1.0, Qt.PenStyle.DashLine))
        for _, path in self._zones:
            painter.drawPath(path)
        # the building: cores, stages, tables, escalators, walls, columns
        for category, path in self._obstacles.items():
            if category == "column":
                continue
            fill, edge = {
                "core": (MAP.core, MAP.core_edge),
                "stage": (MAP.stage, MAP.stage_edge),
                "table": (MAP.table, MAP.core_edge),
                "escalator": (MAP.escalator, MAP.core_edge),
                "wall": (MAP.wall, MAP.wall),
            }.get(category, (MAP.core, MAP.core_edge))
            painter.setPen(_cosmetic(edge, 1.0))
            painter.setBrush(fill)
            painter.drawPath(path)
        if "column" in self._obstacles:
            painter.setPen(no_pen)
            painter.setBrush(MAP.column)
            painter.drawPath(self._obstacles["column"])
        # openings on the outline: a bar wider than the wall, in the sign colour
        width = max(3.0, min(7.0, scale * 0.9))
        pen = _cosmetic(MAP.entrance, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawPath(self._entrances)
        pen.setColor(MAP.exit)
        painter.setPen(pen)
        painter.drawPath(self._exits)
