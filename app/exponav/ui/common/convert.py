"""The one place where model geometry (metres, y north) becomes Qt geometry (y down).

Scene units are metres; only the y axis flips.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

__all__ = ["line_path", "point", "polygon_path", "to_model", "to_scene"]


def to_scene(x: float, y: float) -> QPointF:
    return QPointF(x, -y)


def to_model(p: QPointF) -> tuple[float, float]:
    return p.x(), -p.y()


def point(p: Point) -> QPointF:
    return QPointF(p.x, -p.y)


def _ring(coords) -> QPolygonF:
    return QPolygonF([QPointF(x, -y) for x, y, *_ in coords])


def polygon_path(geom: Polygon | MultiPolygon) -> QPainterPath:
    """A filled path with holes (odd-even fill) for a polygon or multipolygon."""
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    for part in parts:
        if part.is_empty:
            continue
        path.addPolygon(_ring(part.exterior.coords))
        path.closeSubpath()
        for hole in part.interiors:
            path.addPolygon(_ring(hole.coords))
            path.closeSubpath()
    return path


def line_path(line: LineString | list[tuple[float, float]]) -> QPainterPath:
    coords = list(line.coords) if isinstance(line, LineString) else list(line)
    path = QPainterPath()
    if coords:
        path.moveTo(QPointF(coords[0][0], -coords[0][1]))
        for x, y in coords[1:]:
            path.lineTo(QPointF(x, -y))
    return path
