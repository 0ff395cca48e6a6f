"""A level's plan drawn small on the paper: the floor, booths, the walk, numbered badges with
their captions, the plan's labels (:mod:`.map_labels`), a compass and a scale.

A map inset shows a window of the plan (metres) in a box (millimetres). A kiosk prints
heading-up, as its screen shows the map: the plan is turned so that the kiosk's heading
points up the paper; the compass says where north is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from shapely.geometry import box as shapely_box

from exponav.ui.common.convert import line_path, polygon_path, to_scene
from exponav.ui.common.palette import MAP
from exponav.ui.print.canvas import ACCENT, ACCENT_SOFT, INK, RULE, WHITE, Sheet
from exponav.ui.print.map_labels import MapLabels, MapText, place_labels, scale_bar

if TYPE_CHECKING:
    from exponav.core.model import LevelPlan

__all__ = ["MapMark", "draw_map", "turn", "turned_box"]


@dataclass
class MapMark:
    """A badge on the map: where (metres), its label and colour; square for a connector;
    a caption beside it (a booth code, "Start", "Escalator A")."""

    x: float
    y: float
    label: str
    colour: QColor
    square: bool = False
    caption: str = ""


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


def turn(points: Sequence[tuple[float, float]], heading_deg: float
         ) -> list[tuple[float, float]]:
    """Model points (metres, y north) in the frame of a reader facing ``heading_deg``:
    u to their right, v ahead. Heading 0 leaves them as they are."""
    if not heading_deg:
        return [(float(px), float(py)) for px, py in points]
    a = math.radians(heading_deg)
    c, s = math.cos(a), math.sin(a)
    return [(px * c - py * s, px * s + py * c) for px, py in points]


def turned_box(bounds: tuple[float, float, float, float], heading_deg: float
               ) -> tuple[float, float, float, float]:
    """The turned frame's box around a model box."""
    x0, y0, x1, y1 = bounds
    us, vs = zip(*turn([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], heading_deg), strict=True)
    return min(us), min(vs), max(us), max(vs)


def draw_map(sheet: Sheet, x: float, y: float, w: float, h: float, plan: LevelPlan,
             window: tuple[float, float, float, float], lines: list[list[tuple[float, float]]],
             marks: list[MapMark], highlight: list[Any], route_mm: float, badge_mm: float,
             heading_deg: float = 0.0, labels: MapLabels | None = None,
             furniture: bool = True, keep_clear: Sequence[QRectF] = (),
             metres_unit: str = "%1 m") -> None:
    """A level's plan in the box (x, y, w, h) mm showing ``window`` (metres). With a
    heading the plan is turned so that the heading is up, and ``window`` is in the turned
    frame (:func:`turn`); with none it is the model's box, y north. The marks' captions
    and then ``labels`` go where they cover no badge and no label placed before them, nor
    ``keep_clear`` (mm). ``furniture`` adds a compass and a scale bar (a turned plan always
    has its compass); ``metres_unit`` words the scale's length ("%1 公尺")."""
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
    corners = turn([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], -heading_deg)
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    _plan(p, plan, shapely_box(min(xs), min(ys), max(xs), max(ys)), per_mm, highlight)
    _walk(p, lines, route_mm, per_mm)
    p.restore()

    # badges on top, untransformed so their labels stay upright and sharp
    p.save()
    p.setClipRect(sheet.r(x, y, w, h))
    taken = list(keep_clear)
    captions = MapLabels()
    for m in marks:
        pt = t.map(to_scene(m.x, m.y))
        cx, cy = pt.x() / k, pt.y() / k
        sheet.badge(cx, cy, badge_mm, m.label, m.colour,
                    badge_mm * 1.55 if len(m.label) < 3 else badge_mm * 1.15, m.square)
        taken.append(QRectF(cx - badge_mm / 2, cy - badge_mm / 2, badge_mm, badge_mm))
    for m in sorted(marks, key=lambda m: m.square):  # the stops' captions before the others
        if m.caption:
            captions.texts.append(MapText(m.x, m.y, m.caption, badge_mm * 1.3, True,
                                          QColor(m.colour), badge_mm / 2 + 0.5))
    r = min(5.0 if not heading_deg else 6.8, h * 0.13)
    north = (x + w - r - 0.9, y + r + 0.9)
    compass = furniture or bool(heading_deg)
    if compass:
        taken.append(QRectF(north[0] - r, north[1] - r, 2 * r, 2 * r))
    if furniture:
        taken.append(QRectF(x, y + h - 6.5, 32, 6.5))  # the scale bar's corner
    if labels is not None:
        captions.texts += labels.texts
        captions.icons += labels.icons
    place_labels(sheet, t, QRectF(x + 0.5, y + 0.5, w - 1, h - 1), taken, captions)
    p.restore()
    if compass:
        _north_arrow(sheet, north[0], north[1], heading_deg, r)
    if furniture:
        scale_bar(sheet, x + 2.0, y + h - 1.2, s, unit=metres_unit)
    p.setPen(QPen(RULE, 0.3 * k))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(sheet.r(x, y, w, h))


def _plan(p: QPainter, plan: LevelPlan, view: Any, per_mm: float, highlight: list[Any]) -> None:
    """The floor, the booths and obstacles in ``view`` (a model box), the stops' booths lit;
    ``p`` draws in model units, ``per_mm`` of them to a printed millimetre."""
    x0, y0, x1, y1 = view.bounds  # for culling the booths
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


def _walk(p: QPainter, lines: list[list[tuple[float, float]]], route_mm: float,
          per_mm: float) -> None:
    """The walk's lines, ``route_mm`` wide on a white casing 0.9 mm wider."""
    path = QPainterPath()
    for coords in lines:
        if len(coords) >= 2:
            path.addPath(line_path(coords))
    if path.isEmpty():
        return
    p.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width_mm in ((WHITE, route_mm + 0.9), (ACCENT, route_mm)):
        pen = QPen(colour, width_mm * per_mm)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.drawPath(path)


def _north_arrow(sheet: Sheet, cx: float, cy: float, heading_deg: float,
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
