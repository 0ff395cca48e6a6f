"""Small controls that several panels build the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from exponav.ui.assets import icon
from exponav.ui.palette import UI, amenity_style

__all__ = ["back_button", "service_grid"]


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
