"""The one place where model geometry (metres, y north) becomes Qt geometry (y down).

Scene units are metres; only the y axis flips.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

__all__ = ["PathMemo", "line_path", "point", "polygon_path", "to_model", "to_scene"]


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


class PathMemo:
    """Painter paths of polygons, kept by the polygon object: a plan rebuilt after an edit
    keeps the polygons of the booths it did not touch, so their paths are not made again.
    Each :meth:`path` keeps its polygon alive (an id is never reused meanwhile);
    :meth:`keep` lets go of every polygon not among those given."""

    def __init__(self) -> None:
        self._paths: dict[int, tuple[Polygon | MultiPolygon, QPainterPath]] = {}

    def path(self, geom: Polygon | MultiPolygon) -> QPainterPath:
        got = self._paths.get(id(geom))
        if got is None or got[0] is not geom:
            got = self._paths[id(geom)] = (geom, polygon_path(geom))
        return got[1]

    def keep(self, geoms: Iterable[Polygon | MultiPolygon]) -> None:
        wanted = {id(g) for g in geoms}
        for k in [k for k in self._paths if k not in wanted]:
            del self._paths[k]

    def __len__(self) -> int:
        return len(self._paths)
