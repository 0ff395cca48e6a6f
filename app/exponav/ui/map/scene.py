"""FloorPlanScene: one level of the model, drawn; knows which stand holds which booth.

The scene mirrors the model and never holds a master copy of it: booths, zones and
amenities come from the level's :class:`~exponav.core.model.venue.LevelPlan`, colours from
the exhibitor on each booth. For speed the booths are not one item each (see
``items/level_base.py``); the scene keeps ``{booth_code: stand index}`` instead and
draws highlights as a separate item over the plan. Scene units are metres, y down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from exponav.core.model import LevelPlan
from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.convert import polygon_path, to_scene
from exponav.ui.common.i18n import pick
from exponav.ui.common.palette import MAP, ThemeColours
from exponav.ui.map.items.highlight import HighlightItem, PinItem
from exponav.ui.map.items.labels import LabelLayer
from exponav.ui.map.items.level_base import LevelBaseItem
from exponav.ui.map.items.markers import MarkerItem
from exponav.ui.map.items.route import (
    ROUTE_COLOUR,
    VISIT_COLOUR,
    RouteEndItem,
    RouteLineItem,
    StopBadgeItem,
)
from exponav.ui.map.items.you_are_here import YouAreHereItem
from exponav.ui.map.stands import Stand, level_stands

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["FloorPlanScene"]

Z_BASE, Z_HIGHLIGHT, Z_LABELS, Z_MARKERS, Z_PINS = 0, 5, 10, 20, 30
Z_VISIT, Z_ROUTE, Z_ROUTE_ENDS, Z_STOPS, Z_HERE = 12, 14, 24, 26, 28

#: markers that only appear when zoomed in far enough (pixels per metre)
_MARKER_MIN_SCALE = {"meeting": 45.0, "exit": 5.0}


class FloorPlanScene(QGraphicsScene):
    """Draws one level of the Navigator's venue."""

    def __init__(self, nav: Navigator, level_id: str, themes: ThemeColours, lang: str = "en",
                 parent=None, stands: Sequence[Stand] | None = None,
                 path_of: Callable[[Any], QPainterPath] = polygon_path) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # few items
        self.nav = nav
        self.level_id = level_id
        self.plan: LevelPlan = nav.level_plan(level_id)
        self.themes = themes
        self.setBackgroundBrush(MAP.outside)
        if stands is None:
            stands = level_stands(nav, level_id)
        self.stands: list[Stand] = list(stands)
        self.stand_of: dict[str, int] = {c: i for i, s in enumerate(self.stands) for c in s.codes}
        self._booth_polygons = {b.code: b.polygon for b in self.plan.booths}

        self.base = LevelBaseItem(self.plan, self.stands, self._theme_of_stand, path_of)
        self.base.setZValue(Z_BASE)
        self.addItem(self.base)
        self.labels = LabelLayer(self.stands, [z.polygon.bounds for z in self.plan.zones])
        self.labels.setZValue(Z_LABELS)
        self.addItem(self.labels)
        self.highlight = HighlightItem()
        self.highlight.setZValue(Z_HIGHLIGHT)
        self.highlight.setVisible(False)
        self.addItem(self.highlight)
        self.hover = QGraphicsPathItem()
        pen = QPen(MAP.label, 2.0)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.hover.setPen(pen)
        self.hover.setZValue(Z_HIGHLIGHT + 1)
        self.hover.setVisible(False)
        self.addItem(self.hover)
        self._hover_stand: int | None = None
        self.markers: list[MarkerItem] = []
        self._add_markers()
        self.labels.set_icon_boxes(self.icon_boxes)
        self.pins: list[PinItem] = []
        self.highlighted_codes: tuple[str, ...] = ()
        self.highlighted_places: tuple[str, ...] = ()
        self.route_items: list[RouteLineItem | RouteEndItem] = []
        self.visit_items: list[RouteLineItem | StopBadgeItem] = []
        self.here_item: YouAreHereItem | None = None
        x0, y0, x1, y1 = self.plan.footprint.bounds
        self.level_rect = QRectF(x0, -y1, x1 - x0, y1 - y0)
        self._scale = 0.0
        self._glow = QVariantAnimation(self)
        self._glow.setStartValue(0.0)
        self._glow.setKeyValueAt(0.5, 1.0)
        self._glow.setEndValue(0.0)
        self._glow.setDuration(1400)
        self._glow.setLoopCount(2)
        self._glow.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._glow.valueChanged.connect(lambda v: self.highlight.set_glow(float(v)))
        self.set_language(lang)

    # -- building --------------------------------------------------------------------

    def _theme_of_stand(self, stand: Stand) -> tuple[str, QColor] | None:
        if stand.exhibitor is None:
            return None
        ex = self.nav.show.exhibitors.get(stand.exhibitor)
        theme = self.themes.theme_of(ex.categories if ex else ())
        return None if theme is None else (theme.id, theme.colour)

    def _add_markers(self) -> None:
        plan = self.plan
        footprint = plan.footprint
        for a in plan.amenities:
            item = MarkerItem(a.id, a.category, to_scene(a.point.x, a.point.y))
            self._add_marker(item)
        for o in plan.openings:
            mid = o.line.interpolate(0.5, normalized=True)
            (ax, ay), (bx, by) = o.line.coords[0], o.line.coords[-1]
            length = max(1e-9, ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5)
            nx, ny = -(by - ay) / length, (bx - ax) / length
            if footprint.contains(shapely.points(mid.x + nx, mid.y + ny)):
                nx, ny = -nx, -ny
            item = MarkerItem(o.id, o.service, to_scene(mid.x, mid.y), offset=(nx, -ny))
            self._add_marker(item)
        for cid, p in plan.connector_points.items():
            connector = self.nav.connector(cid)
            item = MarkerItem(f"{cid}@{plan.level.id}",
                              connector.kind if connector is not None else "stairs",
                              to_scene(p.x, p.y))
            self._add_marker(item)

    def icon_boxes(self, transform) -> list[QRectF]:
        """Where the visible markers are drawn, in device pixels, under ``transform``."""
        return [m.device_box(transform) for m in self.markers if m.isVisible()]

    def _add_marker(self, item: MarkerItem) -> None:
        item.setZValue(Z_MARKERS)
        self.addItem(item)
        self.markers.append(item)

    # -- language and zoom -----------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        names = []
        for stand in self.stands:
            ex = self.nav.show.exhibitors.get(stand.exhibitor) if stand.exhibitor else None
            names.append(pick(ex.name, ex.name_zh, lang) if ex else "")
        self.labels.set_texts(names, [pick(z.name, z.name_zh, lang) for z in self.plan.zones])
        places = {a.id: (a.name, a.name_zh, a.category) for a in self.plan.amenities}
        places.update({o.id: (o.name, o.name_zh, o.service) for o in self.plan.openings})
        for m in self.markers:
            en, zh, category = places.get(m.place_id, ("", "", m.category))
            m.set_text(pick(en, zh, lang) if en else amenity_name(category))

    def set_zoom(self, scale: float) -> None:
        """Tell markers the zoom (pixels per metre): their size and which show."""
        if abs(scale - self._scale) < 1e-6:
            return
        self._scale = scale
        for item in self.route_items + self.visit_items:
            if isinstance(item, RouteLineItem):
                item.set_zoom(scale)
        size = 18.0 if scale < 9 else 22.0 if scale < 20 else 26.0
        for m in self.markers:
            m.setVisible(scale >= _MARKER_MIN_SCALE.get(m.category, 0.0))
            if m.category == "exit":
                m.set_size(size - 4, show_text=False)
            elif m.category == "entrance" and m._offset != (0.0, 0.0):
                m.set_size(size, show_text=scale >= 11.0)
            else:
                m.set_size(size, show_text=False)

    def set_focus(self, theme_ids: set[str] | None) -> None:
        self.base.set_focus(theme_ids)

    # -- highlights ------------------------------------------------------------------

    def clear_highlight(self) -> None:
        self.highlight.set_path(polygon_path(shapely.Polygon()))
        self.labels.set_highlighted(set())
        for pin in self.pins:
            self.removeItem(pin)
        self.pins = []
        self.highlighted_codes = ()
        self.highlighted_places = ()
        self._glow.stop()

    def highlight_booths(self, codes: Iterable[str]) -> QRectF:
        """Light up these booths (those on this level); returns their scene rectangle."""
        self.clear_highlight()
        codes = tuple(c for c in codes if c in self._booth_polygons)
        if not codes:
            return QRectF()
        geom = shapely.union_all([self._booth_polygons[c] for c in codes])
        self.highlight.set_path(polygon_path(geom))
        chosen = set(codes)
        lit = {i for i, s in enumerate(self.stands) if chosen.issuperset(s.codes)}
        self.labels.set_highlighted(lit)
        for i in sorted({self.stand_of[c] for c in codes}):
            x0, y0, x1, y1 = self.stands[i].label
            if not chosen.issuperset(self.stands[i].codes):
                x0, y0, x1, y1 = shapely.union_all(
                    [self._booth_polygons[c] for c in self.stands[i].codes if c in chosen]).bounds
            self._add_pin(PinItem(to_scene((x0 + x1) / 2, y1)))
        self.highlighted_codes = codes
        self._glow.start()
        return self.highlight.path().boundingRect()

    def highlight_points(self, points: Sequence[tuple[str, float, float]],
                         numbered: bool = True) -> QRectF:
        """Pins on places (id, x, y), numbered nearest first; returns their rectangle."""
        self.clear_highlight()
        rect = QRectF()
        for n, (_pid, x, y) in enumerate(points, start=1):
            pin = PinItem(to_scene(x, y), n if numbered and len(points) > 1 else None,
                          lift=12.0)
            self._add_pin(pin)
            p = to_scene(x, y)
            rect = rect.united(QRectF(p.x() - 0.5, p.y() - 0.5, 1, 1))
        self.highlighted_places = tuple(p[0] for p in points)
        return rect

    def _add_pin(self, pin: PinItem) -> None:
        pin.setZValue(Z_PINS)
        self.addItem(pin)
        self.pins.append(pin)

    # -- route, visit and "you are here" ----------------------------------------------

    def _add_overlay(self, item, z: float, into: list) -> None:
        item.setZValue(z)
        if isinstance(item, RouteLineItem) and self._scale:
            item.set_zoom(self._scale)
        self.addItem(item)
        into.append(item)

    def draw_route(self, coords: Sequence[tuple[float, float]],
                   markers: Sequence[tuple[str, float, float, str, str]] = ()) -> None:
        """The route's leg on this level (model coordinates) with its markers:
        ``(kind, x, y, text, connector_kind)``, kind ``start``, ``end`` or ``transfer``."""
        self.clear_route()
        if len(coords) >= 2:
            self._add_overlay(RouteLineItem(coords, ROUTE_COLOUR), Z_ROUTE, self.route_items)
        for kind, x, y, text, connector in markers:
            self._add_overlay(RouteEndItem(kind, to_scene(x, y), text, connector),
                              Z_ROUTE_ENDS, self.route_items)

    def clear_route(self) -> None:
        for item in self.route_items:
            self.removeItem(item)
        self.route_items = []

    def route_rect(self) -> QRectF:
        """The scene rectangle of the route drawn here (null when none)."""
        return self._items_rect(self.route_items)

    def visit_rect(self) -> QRectF:
        """The scene rectangle of the visit drawn here, with "you are here" (null: none)."""
        rect = self._items_rect(self.visit_items)
        if not rect.isNull() and self.here_item is not None:
            rect = rect.united(self._items_rect([self.here_item]))
        return rect

    @staticmethod
    def _items_rect(items) -> QRectF:
        rect = QRectF()
        for item in items:
            if isinstance(item, RouteLineItem):
                rect = rect.united(item.path().boundingRect())
            else:
                rect = rect.united(QRectF(item.pos() - QPointF(0.5, 0.5), item.pos()
                                          + QPointF(0.5, 0.5)))
        return rect

    def draw_visit(self, paths: Sequence[Sequence[tuple[float, float]]],
                   stops: Sequence[tuple[int, float, float, str, str]],
                   transfers: Sequence[tuple[float, float, str, str]] = ()) -> None:
        """A planned visit's walks on this level, its numbered stops
        ``(number, x, y, appointment time or "", tooltip)`` and where its walks change
        level ``(x, y, text, connector kind)``."""
        self.clear_visit()
        for x, y, text, connector in transfers:
            self._add_overlay(RouteEndItem("transfer", to_scene(x, y), text, connector,
                                           VISIT_COLOUR), Z_STOPS - 1, self.visit_items)
        for coords in paths:
            if len(coords) >= 2:
                self._add_overlay(RouteLineItem(coords, VISIT_COLOUR, width_px=4.5,
                                                opacity=0.8),
                                  Z_VISIT, self.visit_items)
        for number, x, y, when, tip in stops:
            self._add_overlay(StopBadgeItem(number, to_scene(x, y), when, tooltip=tip),
                              Z_STOPS, self.visit_items)

    def clear_visit(self) -> None:
        for item in self.visit_items:
            self.removeItem(item)
        self.visit_items = []

    def set_here(self, x: float, y: float, heading_deg: float | None = None,
                 text: str = "") -> YouAreHereItem:
        """Show the you-are-here marker at (x, y) on this level."""
        self.clear_here()
        self.here_item = YouAreHereItem(to_scene(x, y), heading_deg, text)
        self.here_item.setZValue(Z_HERE)
        self.addItem(self.here_item)
        return self.here_item

    def clear_here(self) -> None:
        if self.here_item is not None:
            self.removeItem(self.here_item)
            self.here_item = None

    def set_hover(self, code: str | None) -> None:
        """Outline the stand holding booth ``code`` (None: no outline)."""
        index = self.stand_of.get(code) if code else None
        if index == self._hover_stand:
            return
        self._hover_stand = index
        if index is None:
            self.hover.setVisible(False)
            return
        self.hover.setPath(polygon_path(self.stands[index].polygon))
        self.hover.setVisible(True)

    def stand_rect(self, code: str) -> QRectF:
        geom = self._booth_polygons.get(code)
        if geom is None:
            return QRectF()
        x0, y0, x1, y1 = geom.bounds
        return QRectF(to_scene(x0, y1), to_scene(x1, y0))

    def marker_at(self, scene_pos: QPointF, view_scale: float, radius_px: float = 14.0):
        """The visible marker within ``radius_px`` of a scene point, if any."""
        best, best_d = None, radius_px / max(view_scale, 1e-9)
        for m in self.markers:
            if not m.isVisible():
                continue
            centre = m.pos() + m._centre() / max(view_scale, 1e-9)
            d = ((centre.x() - scene_pos.x()) ** 2 + (centre.y() - scene_pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = m, d
        return best
