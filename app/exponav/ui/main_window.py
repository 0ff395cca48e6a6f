"""The navigator window: one level at a time, chosen with a level switcher."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QMainWindow, QTabWidget

from exponav.core.navigator import Navigator
from exponav.ui.scene import FloorPlanScene

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, nav: Navigator) -> None:
        super().__init__()
        self.nav = nav
        self.setWindowTitle(f"ExpoNav — {nav.show.show.name}")
        self.tabs = QTabWidget()
        self.scenes: dict[str, FloorPlanScene] = {}
        for level_id, level in nav.venue.levels.items():
            scene = FloorPlanScene(nav.venue.plans[level_id], self)
            self.scenes[level_id] = scene
            view = QGraphicsView(scene)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.tabs.addTab(view, f"{level.name}")
        self.tabs.currentChanged.connect(self._fit)
        self.setCentralWidget(self.tabs)
        self.resize(1280, 800)

    def _fit(self, index: int = -1) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, QGraphicsView):
            view.fitInView(view.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()
