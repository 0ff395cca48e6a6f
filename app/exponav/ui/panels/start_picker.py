"""Where a route starts when the window does not know where the visitor stands.

At a kiosk the start is the kiosk. On a laptop, "Route here" first asks: a small menu
lists the kiosks and the entrances, and "Pick on the map", after which the next click
or tap on the plan sets the start. Picking is a mouse mode of its own
(:class:`MapPickMode`: started, finished, canceled), so Esc always cancels it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from exponav.ui.common.i18n import pick

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["MapPickMode", "PickHint", "StartMenu", "start_candidates"]


def start_candidates(nav: Navigator, lang: str) -> list[tuple[str, str, str]]:
    """``(section, place id, label)`` for every kiosk and pedestrian entrance, by level."""
    out: list[tuple[str, str, str]] = []
    for plan in nav.level_plans():
        level_name = nav.level_name(plan.level.id, lang)
        for k in plan.kiosks:
            kiosk = QCoreApplication.translate("StartMenu", "Kiosk %1").replace("%1", k.id)
            out.append(("kiosk", k.id, f"{kiosk} · {level_name}"))
        for o in plan.openings:
            if o.service != "entrance":
                continue
            name = pick(o.name, o.name_zh, lang) or o.id
            out.append(("entrance", o.id, f"{name} · {level_name}"))
    return out


class StartMenu(QMenu):
    """"Where are you?": kiosks, entrances, or pick on the map."""

    chosen = Signal(str)  # a place id
    pick_requested = Signal()

    def __init__(self, nav: Navigator, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startMenu")
        self.setTitle(self.tr("Where are you?"))
        self.setToolTipsVisible(True)
        self.actions_by_place: dict[str, QAction] = {}
        heading = self.addAction(self.tr("Where are you?"))
        heading.setEnabled(False)
        self.pick_action = self.addAction(self.tr("Pick on the map"))
        self.pick_action.triggered.connect(self.pick_requested.emit)
        groups = {"kiosk": self.addMenu(self.tr("Kiosks")),
                  "entrance": self.addMenu(self.tr("Entrances"))}
        for section, place_id, label in start_candidates(nav, lang):
            action = groups[section].addAction(label)
            action.triggered.connect(lambda _=False, p=place_id: self.chosen.emit(p))
            self.actions_by_place[place_id] = action


class MapPickMode(QObject):
    """The next click on the map sets the start; Esc or Cancel gives up."""

    started = Signal()
    finished = Signal(str, float, float)  # level, x, y (model metres)
    canceled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False

    def start(self) -> None:
        if not self.active:
            self.active = True
            self.started.emit()

    def finish(self, level: str, x: float, y: float) -> None:
        if self.active:
            self.active = False
            self.finished.emit(level, x, y)

    def cancel(self) -> None:
        if self.active:
            self.active = False
            self.canceled.emit()


class PickHint(QFrame):
    """The card over the map while picking: what to do, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCard")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 6, 6)
        row.setSpacing(10)
        self.text = QLabel(self)
        self.text.setObjectName("cardText")
        self.text.setStyleSheet("font-size: 15px; font-weight: 600;")
        row.addWidget(self.text)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("quietAction")
        self.cancel.setStyleSheet("QPushButton { font-size: 14px; font-weight: 600; "
                                  "color: #0b6e79; background: #e3f1f2; border: none; "
                                  "border-radius: 10px; padding: 8px 14px; }")
        self.cancel.setMinimumHeight(40)
        self.cancel.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cancel.clicked.connect(self.cancel_requested.emit)
        row.addWidget(self.cancel)
        self.retranslate_ui()
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.text.setText(self.tr("Tap the map where you are"))
        self.cancel.setText(self.tr("Cancel"))
        self.adjustSize()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
