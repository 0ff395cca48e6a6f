"""Small controls that several panels build the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from exponav.ui.common.assets import icon
from exponav.ui.common.palette import UI, amenity_style, fill_tone

__all__ = ["back_button", "colour_dot", "service_grid"]


def back_button(parent: QWidget, on_click: Callable[[], None]) -> QToolButton:
    """The "‹ Back" link at the top of a side panel (its text is set by the panel)."""
    button = QToolButton(parent)
    button.setObjectName("backButton")
    button.setIcon(icon("back", UI.accent, 18))
    button.setIconSize(QSize(18, 18))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.clicked.connect(on_click)
    return button


def service_grid(parent: QWidget, categories: Sequence[str], on_choose: Callable[[str], None],
                 *, object_name: str, icon_size: int, min_height: int,
                 columns: int = 3) -> tuple[QGridLayout, dict[str, QToolButton]]:
    """A grid of one-tap buttons, an icon over a label, one per amenity category."""
    grid = QGridLayout()
    buttons: dict[str, QToolButton] = {}
    for i, category in enumerate(categories):
        name, colour = amenity_style(category)
        button = QToolButton(parent)
        button.setObjectName(object_name)
        button.setIcon(icon(name, colour, icon_size))
        button.setIconSize(QSize(icon_size, icon_size))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(min_height)
        button.clicked.connect(lambda _=False, c=category: on_choose(c))
        grid.addWidget(button, i // columns, i % columns)
        buttons[category] = button
    return grid, buttons


def colour_dot(colour: QColor, size: int, dpr: float = 2.0) -> QIcon:
    """A round swatch of a theme colour, for chips and lists."""
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(130))
    painter.setBrush(fill_tone(colour, 0.85))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
