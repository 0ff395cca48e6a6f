"""EditScene: one level drawn for editing: booths by sales status, the selection with
its dimensions, a moving ghost with its snap lines, a rubber band and the violations.

The plan is the visitor map's (:class:`~exponav.ui.map.scene.FloorPlanScene`) with one
stand per booth, filled by its sales status instead of its theme. Everything that
changes while the pointer moves is a single path item moved or reshaped, so a frame
while dragging redraws a few paths and never rebuilds the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from exponav.core.layout.tools import handles
from exponav.ui.common.convert import PathMemo, polygon_path, to_scene
from exponav.ui.map.scene import FloorPlanScene
from exponav.ui.map.stands import Stand, label_box

if TYPE_CHECKING:
    from exponav.core.layout import Layout, Violation
    from exponav.core.navigator import Navigator
    from exponav.ui.common.palette import ThemeColours

__all__ = ["STATUS_COLOURS", "EditScene", "booth_stands"]

#: sales status -> colour (Paul Tol's bright scheme, colour-blind safe)
STATUS_COLOURS: dict[str, QColor] = {
    "available": QColor("#228833"),
    "reserved": QColor("#ccbb44"),
    "sold": QColor("#4477aa"),
    "blocked": QColor("#bbbbbb"),
}
VIOLATION_COLOUR = QColor("#cc3311")
SELECT_COLOUR = QColor("#ee7733")
GUIDE_COLOUR = QColor("#aa3377")  # a snap to a booth's edge
AISLE_GUIDE_COLOUR = QColor("#009988")  # a snap to an aisle line

Z_STATUS_EDGE, Z_VIOLATIONS, Z_SELECTION, Z_GHOST, Z_BAND = 6, 7, 40, 42, 44


def _pen(colour: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def booth_stands(layout: Layout, level: str) -> list[Stand]:
    """One stand per booth of ``level``, with its owner (the editor shows booths, not
    the visitor's merged stands)."""
    booths = layout.venue.plans[level].booths
    polys = np.array([b.polygon for b in booths], dtype=object)
    bounds = shapely.bounds(polys) if len(polys) else np.zeros((0, 4))
    boxy = shapely.area(polys) >= 0.97 * (bounds[:, 2] - bounds[:, 0]) * (
        bounds[:, 3] - bounds[:, 1]) if len(polys) else np.zeros(0, bool)
    out = []
    for b, box, is_box in zip(booths, bounds, boxy, strict=True):
        owner = layout.owner(b.code)
        label = tuple(float(v) for v in box) if is_box else label_box(b.polygon)
        out.append(Stand((b.code,), owner.id if owner else None, b.polygon, label))
    return out


class EditScene(FloorPlanScene):
    """One level of a layout, for editing."""

    def __init__(self, nav: Navigator, layout: Layout, level_id: str, themes: ThemeColours,
                 lang: str = "en", parent=None, paths: PathMemo | None = None) -> None:
        self.layout = layout
        super().__init__(nav, level_id, themes, lang, parent, booth_stands(layout, level_id),
                         paths.path if paths is not None else polygon_path)
        self.selection_item = QGraphicsPathItem()
        self.selection_item.setPen(_pen(SELECT_COLOUR, 2.5))
        self.selection_item.setBrush(QColor(238, 119, 51, 40))
        self.selection_item.setZValue(Z_SELECTION)
        self.addItem(self.selection_item)
        self.handle_items: list[QGraphicsRectItem] = []
        self.dimension_items: list[QGraphicsSimpleTextItem] = []
        self.ghost = QGraphicsPathItem()
        self.ghost.setPen(_pen(SELECT_COLOUR, 1.5, Qt.PenStyle.DashLine))
        self.ghost.setBrush(QColor(238, 119, 51, 70))
        self.ghost.setZValue(Z_GHOST)
        self.ghost.setVisible(False)
        self.addItem(self.ghost)
        self.guides = [QGraphicsLineItem(), QGraphicsLineItem()]
        for g in self.guides:
            g.setPen(_pen(GUIDE_COLOUR, 1.0, Qt.PenStyle.DashDotLine))
            g.setZValue(Z_GHOST)
            g.setVisible(False)
            self.addItem(g)
        self.band = QGraphicsRectItem()
        self.band.setPen(_pen(SELECT_COLOUR, 1.0, Qt.PenStyle.DashLine))
        self.band.setBrush(QColor(238, 119, 51, 30))
        self.band.setZValue(Z_BAND)
        self.band.setVisible(False)
        self.addItem(self.band)
        self.violation_area = QGraphicsPathItem()
        hatch = QBrush(VIOLATION_COLOUR, Qt.BrushStyle.BDiagPattern)
        hatch.setTransform(hatch.transform().scale(0.05, 0.05))
        self.violation_area.setBrush(hatch)
        self.violation_area.setPen(_pen(VIOLATION_COLOUR, 2.0))
        self.violation_area.setZValue(Z_VIOLATIONS)
        self.addItem(self.violation_area)
        self.violation_marks: list[QGraphicsItem] = []
        self.selected: tuple[str, ...] = ()
        self._ghost_path = QPainterPath()

    def _theme_of_stand(self, stand: Stand) -> tuple[str, QColor] | None:
        status = self.layout.status(stand.codes[0]).status
        return status, STATUS_COLOURS.get(status, STATUS_COLOURS["available"])

    def polygon(self, code: str):
        return self._booth_polygons.get(code)

    # -- selection ---------------------------------------------------------------------

    def set_selection(self, codes: Iterable[str]) -> None:
        """Outline these booths (those on this level), with handles and dimensions when
        one booth is selected."""
        self.selected = tuple(c for c in codes if c in self._booth_polygons)
        for item in self.handle_items + self.dimension_items:
            self.removeItem(item)
        self.handle_items, self.dimension_items = [], []
        if not self.selected:
            self.selection_item.setPath(QPainterPath())
            return
        path = QPainterPath()
        for c in self.selected:
            path.addPath(polygon_path(self._booth_polygons[c]))
        self.selection_item.setPath(path)
        geom = shapely.union_all([self._booth_polygons[c] for c in self.selected])
        x0, y0, x1, y1 = geom.bounds
        if len(self.selected) == 1:
            for hx, hy in handles((x0, y0, x1, y1)).values():
                item = QGraphicsRectItem(-4, -4, 8, 8)
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                item.setPos(to_scene(hx, hy))
                item.setPen(_pen(SELECT_COLOUR, 1.0))
                item.setBrush(QColor("white"))
                item.setZValue(Z_SELECTION + 1)
                self.addItem(item)
                self.handle_items.append(item)
        self._dimension(f"{x1 - x0:.1f} m", to_scene((x0 + x1) / 2, y1), above=True)
        self._dimension(f"{y1 - y0:.1f} m", to_scene(x1, (y0 + y1) / 2), above=False)

    def _dimension(self, text: str, at: QPointF, above: bool) -> None:
        item = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(12)
        font.setBold(True)
        item.setFont(font)
        item.setBrush(SELECT_COLOUR)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        w, h = item.boundingRect().width(), item.boundingRect().height()
        item.setPos(at)
        item.setZValue(Z_SELECTION + 2)
        # an offset in pixels: the item ignores the view's scale
        shift = QPointF(-w / 2, -h - 6) if above else QPointF(8, -h / 2)
        item.setTransform(item.transform().translate(shift.x(), shift.y()))
        self.addItem(item)
        self.dimension_items.append(item)

    # -- gestures ----------------------------------------------------------------------

    def _hold_base(self, held: bool) -> None:
        """While a gesture runs only its ghost and guides move: the level's plan is drawn
        once into a pixmap in device pixels and blitted each frame (a level of 5,000
        booths costs some 20 ms to draw, its pixmap well under one). Qt draws it afresh
        when the view zooms or pans, and stops keeping it when the gesture ends."""
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if held
                else QGraphicsItem.CacheMode.NoCache)
        if self.base.cacheMode() != mode:
            self.base.setCacheMode(mode)

    def start_ghost(self, codes: Sequence[str]) -> None:
        self._hold_base(True)
        path = QPainterPath()
        for c in codes:
            if c in self._booth_polygons:
                path.addPath(polygon_path(self._booth_polygons[c]))
        self._ghost_path = path
        self.ghost.setPath(path)
        self.ghost.setPos(0, 0)
        self.ghost.setVisible(True)

    def ghost_polygon(self, geom) -> None:
        """Show a free outline as the ghost (a resize or rotation in progress)."""
        self._hold_base(True)
        self.ghost.setPath(polygon_path(geom))
        self.ghost.setPos(0, 0)
        self.ghost.setVisible(True)

    def move_ghost(self, dx: float, dy: float, line_x: float | None = None,
                   line_y: float | None = None, kinds: tuple[str, str] = ("edge", "edge")
                   ) -> None:
        self.ghost.setPos(dx, -dy)
        self.show_guides(line_x, line_y, kinds)

    def show_guides(self, line_x: float | None, line_y: float | None,
                    kinds: tuple[str, str] = ("edge", "edge")) -> None:
        """The snap lines across the level: a booth edge magenta, an aisle line teal."""
        r = self.level_rect
        for item, line, kind in zip(self.guides, (line_x, line_y), kinds, strict=True):
            item.setVisible(line is not None)
            colour = AISLE_GUIDE_COLOUR if kind == "aisle" else GUIDE_COLOUR
            if item.pen().color() != colour:
                item.setPen(_pen(colour, 1.0, Qt.PenStyle.DashDotLine))
        if line_x is not None:
            self.guides[0].setLine(QLineF(line_x, r.top(), line_x, r.bottom()))
        if line_y is not None:
            self.guides[1].setLine(QLineF(r.left(), -line_y, r.right(), -line_y))

    def ghost_outline(self, points: Sequence[tuple[float, float]],
                      pointer: tuple[float, float] | None = None) -> None:
        """A polygon being drawn: its vertices so far, joined, and the edge to the
        pointer, closed back to the first vertex."""
        path = QPainterPath()
        pts = [to_scene(x, y) for x, y in points]
        if pointer is not None:
            pts.append(to_scene(*pointer))
        if pts:
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            if len(pts) >= 3:
                path.closeSubpath()
            for p in pts[:len(points)]:
                path.addEllipse(p, 0.25, 0.25)
        self.ghost.setPath(path)
        self.ghost.setPos(0, 0)
        self.ghost.setVisible(True)

    def show_band(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        self.band.setRect(QRectF(to_scene(*a), to_scene(*b)).normalized())
        self.band.setVisible(True)

    def end_gesture(self) -> None:
        self._hold_base(False)
        self.ghost.setVisible(False)
        self.band.setVisible(False)
        for g in self.guides:
            g.setVisible(False)

    # -- violations --------------------------------------------------------------------

    def set_violations(self, violations: Sequence[Violation]) -> None:
        """Hatch the booths of the violations on this level, mark their points, and
        write the width of an aisle that is too narrow beside its mark."""
        for m in self.violation_marks:
            self.removeItem(m)
        self.violation_marks = []
        path = QPainterPath()
        for v in violations:
            if v.level != self.level_id:
                continue
            for c in v.codes:
                poly = self._booth_polygons.get(c)
                if poly is not None and v.severity == "error":
                    path.addPath(polygon_path(poly))
            if v.at is not None:
                mark = QGraphicsEllipseItem(-6, -6, 12, 12)
                mark.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                mark.setPos(to_scene(*v.at))
                colour = VIOLATION_COLOUR if v.severity == "error" else QColor("#ee7733")
                mark.setPen(_pen(QColor("white"), 1.5))
                mark.setBrush(colour)
                mark.setToolTip(v.message_in(self.lang))
                mark.setZValue(Z_VIOLATIONS + 1)
                self.addItem(mark)
                self.violation_marks.append(mark)
                width = self._aisle_width(v)
                if width is not None:
                    self._width_label(f"{width:.2f} m", v.at)
        self.violation_area.setPath(path)

    def _aisle_width(self, v: Violation) -> float | None:
        """How wide a too-narrow aisle between two booths of this level is."""
        if v.rule != "aisle.narrow" or len(v.codes) != 2:
            return None
        a, b = (self._booth_polygons.get(c) for c in v.codes)
        return None if a is None or b is None else float(a.distance(b))

    def _width_label(self, text: str, at: tuple[float, float]) -> None:
        """The width of a narrow aisle beside its mark, in pixels that keep their size."""
        item = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        item.setFont(font)
        item.setBrush(VIOLATION_COLOUR)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(to_scene(*at))
        item.setTransform(item.transform().translate(8, -6))
        item.setZValue(Z_SELECTION + 3)  # readable over a selected booth too
        self.addItem(item)
        self.violation_marks.append(item)
