"""LevelSwitcher: one button per level, named by building and floor, grouped by building.

A level holding search results shows how many in a badge, so a visitor sees at a
glance that the exhibitor they typed is upstairs. The buildings the show uses come
first; a building the show does not use (another hall of the venue) comes last, its
floors greyed and its name saying plainly that it is not part of this show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QFrame, QHBoxLayout, QLabel, QWidget

from exponav.core.model import Level
from exponav.ui.common.palette import MAP, UI

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["LevelButton", "LevelSwitcher", "level_parts"]


def level_parts(level: Level, name: str) -> tuple[str, str]:
    """(building, floor) of a level's ``name`` in some language (``Navigator.level_name``):
    ("Hall 2", "1F"), ("南港2館", "1樓").

    >>> hall = Level("H2-1F", "Hall 2 1F", "南港2館 1樓", "Hall 2", 1, "f")
    >>> level_parts(hall, "Hall 2 1F"), level_parts(hall, "南港2館 1樓")
    (('Hall 2', '1F'), ('南港2館', '1樓'))
    """
    if level.building and name.startswith(level.building):
        return level.building, name[len(level.building):].strip() or name
    building, _, floor = name.rpartition(" ")
    if building:
        return building, floor
    return (level.building, name)


class LevelButton(QAbstractButton):
    """A floor button: the floor in large type, a badge with the result count."""

    def __init__(self, level: Level, parent: QWidget | None = None, *,
                 in_show: bool = True) -> None:
        super().__init__(parent)
        self.level = level
        self.in_show = in_show
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = 0
        self.floor = level.name
        self._font = QFont(self.font())
        self._font.setPixelSize(15)
        self._font.setWeight(QFont.Weight.DemiBold)
        self._badge_font = QFont(self.font())
        self._badge_font.setPixelSize(11)
        self._badge_font.setWeight(QFont.Weight.Bold)

    def set_floor(self, floor: str, full_name: str) -> None:
        self.floor = floor
        self.setText(full_name)
        self.setAccessibleName(full_name)
        self.setToolTip(full_name)
        self.updateGeometry()
        self.update()

    def set_count(self, count: int) -> None:
        self.count = count
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        w = QFontMetricsF(self._font).horizontalAdvance(self.floor)
        return QSize(max(56, int(w) + 34), 44)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(2, 3, -2, -3)
        if self.isChecked():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(UI.ink))
            painter.drawRoundedRect(r, 9, 9)
            painter.setPen(QColor("#ffffff"))
        else:
            if self.underMouse():
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(UI.canvas))
                painter.drawRoundedRect(r, 9, 9)
            painter.setPen(QColor(UI.ink if self.in_show else UI.ink_soft))
        painter.setFont(self._font)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.floor)
        if self.count:
            text = str(self.count) if self.count < 100 else "99+"
            fm = QFontMetricsF(self._badge_font)
            bw = max(18.0, fm.horizontalAdvance(text) + 10)
            badge = QRectF(r.right() - bw + 6, r.top() - 3, bw, 18)
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(MAP.highlight)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(self._badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


class LevelSwitcher(QFrame):
    """Buttons for every level; :attr:`level_chosen` when the visitor picks one."""

    level_chosen = Signal(str)

    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCard")
        self.nav = nav
        self.levels = levels = nav.levels
        self.lang = "en"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, LevelButton] = {}
        self.building_labels: dict[str, QLabel] = {}
        self.in_show = set(nav.levels_in_use()) or set(levels)
        buildings: dict[str, list[Level]] = {}
        for level in levels.values():
            buildings.setdefault(level.building or level.id, []).append(level)
        # the show's own buildings first, the others after them
        order = sorted(buildings, key=lambda b: not any(lv.id in self.in_show
                                                          for lv in buildings[b]))
        buildings = {b: buildings[b] for b in order}
        self.outside: set[str] = {b for b, members in buildings.items()
                                  if not any(lv.id in self.in_show for lv in members)}
        first = True
        for building, members in buildings.items():
            if not first:
                sep = QFrame(self)
                sep.setObjectName("mapSeparator")
                sep.setFixedSize(1, 28)
                layout.addSpacing(6)
                layout.addWidget(sep)
                layout.addSpacing(6)
            first = False
            label = QLabel(building, self)
            label.setObjectName("buildingLabel")
            layout.addWidget(label)
            layout.addSpacing(4)
            self.building_labels[building] = label
            for level in sorted(members, key=lambda lv: lv.ordinal):
                button = LevelButton(level, self, in_show=level.id in self.in_show)
                self.group.addButton(button)
                button.clicked.connect(lambda _=False, lv=level.id: self.level_chosen.emit(lv))
                layout.addWidget(button)
                self.buttons[level.id] = button
        self.set_language("en")

    def set_language(self, lang: str) -> None:
        self.lang = lang
        outside = self.tr("not part of this show")
        for button in self.buttons.values():
            building, floor = level_parts(button.level,
                                          self.nav.level_name(button.level.id, lang))
            full = f"{building} {floor}"
            button.set_floor(floor, full if button.in_show else f"{full}: {outside}")
            for key, label in self.building_labels.items():
                if key == (button.level.building or button.level.id):
                    label.setText(building if key not in self.outside
                                  else f"{building} · {outside}")
        self.adjustSize()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.set_language(self.lang)
        super().changeEvent(event)

    def set_current(self, level_id: str) -> None:
        if level_id in self.buttons:
            self.buttons[level_id].setChecked(True)

    def current(self) -> str | None:
        checked = self.group.checkedButton()
        return checked.level.id if isinstance(checked, LevelButton) else None

    def set_counts(self, counts: dict[str, int]) -> None:
        for level_id, button in self.buttons.items():
            button.set_count(counts.get(level_id, 0))
