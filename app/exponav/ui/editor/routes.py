"""RoutePreview: the route a visitor would walk from a chosen kiosk or entrance to the
selected booth, through the Navigator that follows the layout, asked again after every
edit, undo and redo.

The panel holds the choice of origin (every kiosk, then every pedestrian entrance, by
level) and one line: the walk's length and time, or why there is none. The window draws
the route's leg on the level on screen (:meth:`RoutePreview.draw_on`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from exponav.core.errors import ExpoNavError
from exponav.ui.common.walk_text import walk_summary

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.ui.map.scene import FloorPlanScene

__all__ = ["RoutePreview", "route_origins"]


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


def route_origins(nav: Navigator) -> list[tuple[str, str, str]]:
    """(kind, id, level) of every place a preview can start from: the kiosks, then the
    pedestrian entrances, level by level."""
    out = [("kiosk", k.id, k.level) for k in nav.kiosks()]
    for plan in nav.level_plans():
        out.extend(("entrance", o.id, o.level) for o in plan.openings
                   if o.service == "entrance")
    return out


class RoutePreview(QWidget):
    """The route from the chosen origin to a booth; ``origin_changed`` when the user
    picks another origin."""

    origin_changed = Signal()

    def __init__(self, nav: Navigator, parent=None) -> None:
        super().__init__(parent)
        self.nav = nav
        self.origins = QComboBox(self)
        self.origins.setObjectName("route_origins")
        for kind, pid, level in route_origins(nav):
            self.origins.addItem(pid, (kind, pid, level))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.caption = QLabel(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.caption)
        box.addWidget(self.origins)
        box.addWidget(self.summary)
        box.addStretch(1)
        self.route: Any = None  # the Navigator's Route
        self.target: str | None = None
        self.problem = ""
        self.lang = "en"
        self.origins.currentIndexChanged.connect(lambda _i: self.origin_changed.emit())

    @property
    def origin(self) -> str | None:
        data = self.origins.currentData()
        return data[1] if data else None

    def choose_origin(self, place_id: str) -> bool:
        i = next((i for i in range(self.origins.count())
                  if self.origins.itemData(i)[1] == place_id), -1)
        if i >= 0:
            self.origins.setCurrentIndex(i)
        return i >= 0

    def prefer_level(self, level: str) -> None:
        """Start from the first kiosk on ``level`` when the user has not chosen one."""
        data = self.origins.currentData()
        if data and data[2] == level:
            return
        for i in range(self.origins.count()):
            kind, _pid, lv = self.origins.itemData(i)
            if kind == "kiosk" and lv == level:
                self.origins.blockSignals(True)
                self.origins.setCurrentIndex(i)
                self.origins.blockSignals(False)
                return

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.caption.setText(translate("Editor", "From a kiosk or entrance to the selected booth:"))
        for i in range(self.origins.count()):
            kind, pid, level = self.origins.itemData(i)
            what = translate("Editor", "Kiosk") if kind == "kiosk" else translate("Editor", "Entrance")
            self.origins.setItemText(i, f"{what} {pid} · {self.nav.level_name(level, lang)}")
        self._show()

    def refresh(self, target: str | None) -> Any:
        """Route from the chosen origin to booth ``target`` (None: no booth selected)."""
        self.target, self.route, self.problem = target, None, ""
        if target is not None and self.origin is not None:
            try:
                self.route = self.nav.route(self.origin, target, lang=self.lang)
            except ExpoNavError as e:
                self.problem = str(e)
        self._show()
        return self.route

    def _show(self) -> None:
        if self.target is None:
            self.summary.setText(translate("Editor", "Select a booth to see the way to it."))
            self.summary.setStyleSheet("")
        elif self.route is None:
            self.summary.setText(translate("Editor", "No walking route to %1: %2").replace("%1", self.target)
                                 .replace("%2", self.problem))
            self.summary.setStyleSheet("color: #cc3311;")
        else:
            self.summary.setText(f"{self.origin} → {self.target}: "
                                 f"{walk_summary(self.route.length_m, self.route.duration_s)}")
            self.summary.setStyleSheet("")

    def draw_on(self, scene: FloorPlanScene) -> None:
        """Draw the route's leg on the scene's level (or clear it)."""
        route = self.route
        legs = [] if route is None else [i for i, leg in enumerate(route.legs)
                                         if leg.level == scene.level_id]
        if not legs:
            scene.clear_route()
            return
        i = legs[-1]
        leg = route.legs[i]
        markers = []
        if leg.coords:
            (x0, y0), (x1, y1) = leg.coords[0], leg.coords[-1]
            markers.append(("start" if i == 0 else "transfer", x0, y0, "", ""))
            markers.append(("end" if i == len(route.legs) - 1 else "transfer", x1, y1, "", ""))
        scene.draw_route(leg.coords, markers)
