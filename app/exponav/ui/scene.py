"""FloorPlanScene: draws one level of the model; keeps ``{booth_code: item}``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from exponav.core.model import LevelPlan
from exponav.ui.convert import polygon_path

__all__ = ["FloorPlanScene"]


class FloorPlanScene(QGraphicsScene):
    def __init__(self, plan: LevelPlan, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.booth_items: dict[str, QGraphicsPathItem] = {}
        self.setBackgroundBrush(QColor("#eef0f3"))
        cosmetic = QPen(QColor("#5b6470"), 0)
        floor = self.addPath(polygon_path(plan.footprint), QPen(QColor("#39424e"), 0.6),
                             QBrush(QColor("#ffffff")))
        floor.setZValue(0)
        for zone in plan.zones:
            item = self.addPath(polygon_path(zone.polygon), QPen(QColor("#9aa5b1"), 0,
                                Qt.PenStyle.DashLine), QBrush(QColor(230, 236, 245, 120)))
            item.setZValue(1)
        for booth in plan.booths:
            item = self.addPath(polygon_path(booth.polygon), cosmetic, QBrush(QColor("#cfe3f5")))
            item.setZValue(2)
            item.setData(0, booth.code)
            self.booth_items[booth.code] = item
            label = QGraphicsSimpleTextItem(booth.code)
            label.setFont(QFont("Sans", 1))
            c = booth.polygon.centroid
            r = label.boundingRect()
            label.setPos(c.x - r.width() / 2, -c.y - r.height() / 2)
            label.setZValue(3)
            self.addItem(label)
        for ob in plan.obstacles:
            item = self.addPath(polygon_path(ob.polygon), QPen(Qt.PenStyle.NoPen),
                                QBrush(QColor("#4a4f57")))
            item.setZValue(4)
