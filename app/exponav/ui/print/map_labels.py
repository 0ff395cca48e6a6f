"""What a printed map says besides the walk: captions beside the stops, the start and the
connectors the walk takes; the zones' names; the entrances; the services' icons; a scale.

Everything is placed on the paper (millimetres) after the plan is drawn, most important
first, and a label that would cover a badge or a label placed before it is left out, so
the map stays legible however crowded the floor is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtSvg import QSvgRenderer

from exponav.ui.common.assets import asset_path
from exponav.ui.common.palette import MAP, amenity_style
from exponav.ui.print.canvas import INK, SOFT, WHITE, Sheet

if TYPE_CHECKING:
    from PySide6.QtGui import QTransform

    from exponav.core.model import LevelPlan
    from exponav.ui.print.printout import Printout

__all__ = ["SERVICE_ICONS", "MapIcon", "MapLabels", "MapText", "draw_icon", "level_labels",
           "place_labels", "scale_bar"]

#: The services a printed map shows by an icon (what a visitor looks for on the way).
SERVICE_ICONS = ("toilet", "toilet.accessible", "information", "food", "firstaid", "nursing",
                 "prayer")
_PAD = 0.5  # mm kept clear around a label


@dataclass
class MapText:
    """A label at a point of the plan (metres): beside it (``beside``: a badge's caption,
    tried right, left, above and below) or centred on it (a zone's name)."""

    x: float
    y: float
    text: str
    pt: float = 5.5
    bold: bool = False
    colour: QColor = field(default_factory=lambda: QColor(SOFT))
    beside: float = 0.0  # mm from the point to the label's near edge; 0 centres it


@dataclass
class MapIcon:
    """A service's icon at a point of the plan (metres)."""

    x: float
    y: float
    icon: str
    colour: str
    category: str


@dataclass
class MapLabels:
    """A map's labels, most important first, and its icons."""

    texts: list[MapText] = field(default_factory=list)
    icons: list[MapIcon] = field(default_factory=list)


@lru_cache(maxsize=64)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    text = asset_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    return QSvgRenderer(QByteArray(text.replace("#000", colour).encode("utf-8")))


def draw_icon(sheet: Sheet, cx: float, cy: float, size: float, name: str, colour: str) -> None:
    """A service's icon (vector, from assets/icons) in a white disc centred on (cx, cy) mm."""
    if sheet.p is None:
        return
    k = sheet.k
    sheet.p.setPen(QPen(QColor(colour), 0.2 * k))
    sheet.p.setBrush(WHITE)
    sheet.p.drawEllipse(QPointF(cx * k, cy * k), size / 2 * k, size / 2 * k)
    inner = size * 0.72
    _renderer(name, colour).render(sheet.p, sheet.r(cx - inner / 2, cy - inner / 2, inner, inner))


def level_labels(printout: Printout, plan: LevelPlan) -> MapLabels:
    """The plan's own labels on a printed map: zones by name, entrances, service icons."""
    labels = MapLabels()
    for zone in plan.zones:
        name = printout.names(zone.name, zone.name_zh)[0]
        c = zone.polygon.representative_point()
        labels.texts.append(MapText(c.x, c.y, name, 5.2, False, QColor(MAP.zone_label)))
    for opening in plan.openings:
        if opening.category != "pedestrian" or not opening.name:
            continue
        c = opening.line.interpolate(0.5, normalized=True)
        labels.texts.append(MapText(c.x, c.y, printout.names(opening.name, opening.name_zh)[0],
                                    5.0, True, QColor(MAP.entrance)))
    for amenity in plan.amenities:
        if amenity.category in SERVICE_ICONS:
            icon, colour = amenity_style(amenity.category)
            labels.icons.append(MapIcon(amenity.point.x, amenity.point.y, icon, colour,
                                        amenity.category))
    return labels


def _free(rect: QRectF, taken: list[QRectF], box: QRectF) -> bool:
    return box.contains(rect) and not any(rect.intersects(t) for t in taken)


def place_labels(sheet: Sheet, t: QTransform, box: QRectF, taken: list[QRectF],
                 labels: MapLabels, icon_mm: float = 3.4) -> set[str]:
    """Draw ``labels`` on the map in ``box`` (mm) through ``t`` (model to device units),
    leaving out what would cover ``taken`` (mm rectangles: the badges) or each other.
    Returns the categories of the icons drawn (for the legend)."""
    k = sheet.k

    def at(x: float, y: float) -> QPointF:
        p = t.map(QPointF(x, -y))
        return QPointF(p.x() / k, p.y() / k)

    drawn: set[str] = set()
    pending: list[tuple[QRectF, MapText]] = []
    for label in labels.texts:  # captions and names first: they say most
        font = sheet.font(label.pt, bold=label.bold)
        w = sheet.advance(label.text, font) + 0.8
        h = sheet.line_height(font)
        p = at(label.x, label.y)
        if label.beside:
            d = label.beside
            tries = [QRectF(p.x() + d, p.y() - h / 2, w, h), QRectF(p.x() - d - w, p.y() - h / 2, w, h),
                     QRectF(p.x() - w / 2, p.y() - d - h, w, h), QRectF(p.x() - w / 2, p.y() + d, w, h)]
        else:
            tries = [QRectF(p.x() - w / 2, p.y() - h / 2, w, h)]
        for rect in tries:
            if _free(rect.adjusted(-_PAD, -_PAD, _PAD, _PAD), taken, box):
                taken.append(rect)
                pending.append((rect, label))
                break
    icons = []
    for icon in labels.icons:
        p = at(icon.x, icon.y)
        rect = QRectF(p.x() - icon_mm / 2, p.y() - icon_mm / 2, icon_mm, icon_mm)
        if _free(rect, taken, box):
            taken.append(rect)
            icons.append((p, icon))
    if sheet.p is None:
        return {icon.category for _, icon in icons}
    for p, icon in icons:
        draw_icon(sheet, p.x(), p.y(), icon_mm, icon.icon, icon.colour)
        drawn.add(icon.category)
    for rect, label in pending:
        sheet.fill(rect.x(), rect.y() + 0.15, rect.width(), rect.height() - 0.3,
                   QColor(255, 255, 255, 215), 0.6)
        sheet.text(rect.x() + 0.4, rect.y(), rect.width(), label.text,
                   sheet.font(label.pt, bold=label.bold), label.colour, wrap=False)
    return drawn


def scale_bar(sheet: Sheet, x: float, y: float, mm_per_m: float, longest_mm: float = 22.0,
              unit: str = "%1 m") -> None:
    """A scale bar with its length in metres (``unit``, "%1 m" in the reader's words), its
    lower left corner at (x, y) mm."""
    if sheet.p is None:
        return
    metres = next((m for m in (100, 50, 25, 20, 10, 5, 2, 1) if m * mm_per_m <= longest_mm), 1)
    length = metres * mm_per_m
    font = sheet.font(5.5, bold=True)
    label = unit.replace("%1", str(metres))
    tw = sheet.advance(label, font)
    sheet.fill(x - 0.8, y - 4.6, length + tw + 3.2, 5.2, QColor(255, 255, 255, 215), 0.6)
    k = sheet.k
    pen = QPen(INK, 0.35 * k)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    sheet.p.setPen(pen)
    base = y - 1.2
    sheet.p.drawLine(QPointF(x * k, base * k), QPointF((x + length) * k, base * k))
    for tick in (x, x + length):
        sheet.p.drawLine(QPointF(tick * k, (base - 1.4) * k), QPointF(tick * k, base * k))
    sheet.text(x + length + 1.0, y - 4.4, tw + 1, label, font, INK, wrap=False)
