"""The attract screen: what an idle kiosk shows to passers-by until someone touches it.

The map around "you are here", turned heading-up as the visitor will stand, fills the
screen (a second view of the kiosk level's own scene, so it costs no drawing of its
own); over it the show's name, what is on next, and "touch to start" in the three
languages. The kiosk shows it when nobody has touched it for its idle time since the
last visitor was forgotten, and any touch brings back the home screen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.convert import to_scene

__all__ = ["ATTRACT_SCALE", "AttractScreen", "TOUCH_TO_START"]

#: pixels per metre of the map: about 60 m around the kiosk across a 1920 px screen
ATTRACT_SCALE = 9.0
TOUCH_TO_START = ("Touch the screen to start", "輕觸螢幕開始", "Sentuh layar untuk memulai")


class AttractScreen(QWidget):
    """See the module docstring; :meth:`show_for` fills it for a kiosk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.map = QGraphicsView(self)
        self.map.setObjectName("attractMap")
        self.map.setInteractive(False)
        self.map.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.map.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.map.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.map.setFrameShape(QFrame.Shape.NoFrame)
        self.map.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.map.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.map.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        grid.addWidget(self.map, 0, 0)
        card = QFrame(self)
        card.setObjectName("attractCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(10)
        self.show_name = QLabel(card)
        self.show_name.setObjectName("attractShow")
        self.show_name.setWordWrap(True)
        self.next_up = QLabel(card)
        self.next_up.setObjectName("attractNext")
        self.next_up.setWordWrap(True)
        column.addWidget(self.show_name)
        column.addWidget(self.next_up)
        self.touch = [QLabel(text, card) for text in TOUCH_TO_START]
        for label in self.touch:
            label.setObjectName("attractTouch")
            column.addWidget(label)
        grid.addWidget(card, 0, 0, Qt.AlignmentFlag.AlignBottom)
        self._here = QPointF()
        self._heading = 0.0

    def show_for(self, nav, scene, kiosk, now: datetime) -> None:
        """The map of ``kiosk``'s level around it, the show's name and what is next."""
        if self.map.scene() is not scene:
            self.map.setScene(scene)
        self._here = to_scene(kiosk.point.x, kiosk.point.y)
        self._heading = kiosk.heading_deg
        self._frame()
        show = nav.show_info
        self.show_name.setText(f"{show.name}\n{show.name_zh}")
        from exponav.ui.kiosk.home import sessions_now_and_next

        coming = sessions_now_and_next(nav.show.sessions, now, 2)
        lines = []
        for s in coming:
            start = datetime.fromisoformat(s.start).replace(tzinfo=None)
            try:
                place = nav.place(s.place)
                where = f" · {place.name}"
            except Exception:  # noqa: BLE001 - a session at an unknown place: no place named
                where = ""
            zh = f"  {s.title_zh}" if s.title_zh else ""
            lines.append(f"{start:%H:%M}  {s.title}{zh}{where}")
        self.next_up.setText("\n".join(lines))
        self.next_up.setVisible(bool(lines))

    def _frame(self) -> None:
        transform = QTransform()
        transform.rotate(-self._heading)
        transform.scale(ATTRACT_SCALE, ATTRACT_SCALE)
        self.map.setTransform(transform)
        self.map.centerOn(self._here)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.map.scene() is not None:
            self._frame()

    def release(self) -> None:
        """Let go of the scene (the kiosk is closing)."""
        self.map.setScene(None)
