"""Fitting the kiosk to its screen: landscape and portrait kiosks, and small laptop screens.

The layout is chosen by the window's shape in logical pixels (a 3840 x 2160 panel at a
device pixel ratio of 2 lays out as 1920 x 1080, only sharper), whenever it changes:

* ``landscape`` (1920 x 1080 and up): the side panel on the left, the map beside it, the
  keyboard over the bottom of the map so that the results stay in view;
* ``portrait`` (taller than wide, 1080 x 1920: the usual free-standing kiosk): the map
  across the top, the panel under it across the whole width, the keyboard at the foot
  taking its own room (the results above it stay whole), the home screen in one column;
* ``compact`` (under 1600 x 900, such as 1366 x 768): a narrower panel without the show's
  heading, smaller bars and keys, so the map and eight results still fit.

:class:`ScreenFit` is mixed into :class:`~exponav.ui.kiosk.window.KioskWindow`; the
window's style sheet can tell them apart by its ``screen`` property
(``QWidget#kiosk[screen="portrait"] ...``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFrame, QVBoxLayout

    from exponav.ui.kiosk.home import HomeScreen
    from exponav.ui.kiosk.keyboard import TouchKeyboard
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["ScreenFit", "ScreenLayout", "layout_for"]

_MAX = 16_777_215  # QWIDGETSIZE_MAX


@dataclass(frozen=True)
class ScreenLayout:
    """How the kiosk sits on one shape of screen."""

    name: str  # landscape | portrait | compact
    sidebar_px: int  # the side panel's width, or in portrait its height
    key_px: int  # the height of a keyboard key
    bar_px: int  # the height of the buttons in the kiosk bar
    docked_keyboard: bool  # the keyboard takes its own room at the foot of the page
    one_column: bool  # the home screen in one column

    @property
    def portrait(self) -> bool:
        return self.name == "portrait"


def layout_for(width: int, height: int) -> ScreenLayout:
    """The layout for a window of ``width`` x ``height`` logical pixels.

    >>> [layout_for(*s).name for s in ((1920, 1080), (1080, 1920), (1366, 768))]
    ['landscape', 'portrait', 'compact']
    >>> layout_for(1080, 1920).sidebar_px
    960
    """
    if height > width * 1.2:
        return ScreenLayout("portrait", round(height * 0.5), 72, 72, True, True)
    if width < 1600 or height < 900:
        return ScreenLayout("compact", 440, 50, 52, False, False)
    return ScreenLayout("landscape", 540, 64, 64, False, False)


class ScreenFit:
    """The layouts of the module docstring, for the kiosk window."""

    navigator: MainWindow | None
    home: HomeScreen | None
    keyboard: TouchKeyboard | None
    sidebar: QFrame
    navigator_page: QWidget
    page_column: QVBoxLayout
    screen_layout: ScreenLayout | None

    def fit_screen(self) -> ScreenLayout:
        """Lay the kiosk out for its present size (a no-op while the shape's layout
        is already the one in use)."""
        layout = layout_for(self.width(), self.height())
        if layout == self.screen_layout or self.navigator is None:
            return layout
        self.screen_layout = layout
        self._fit_navigator(layout)
        if self.home is not None:
            self.home.set_one_column(layout.one_column)
            self.home.set_compact(layout.name == "compact")
        if self.keyboard is not None:
            self._fit_keyboard(layout)
        self.setProperty("screen", layout.name)
        self.setStyleSheet(self.styleSheet())  # the [screen=...] rules apply now
        self.fit_reach()
        return layout

    def _fit_navigator(self, layout: ScreenLayout) -> None:
        window, sidebar = self.navigator, self.sidebar
        row = window.centralWidget().layout()
        if isinstance(row, QBoxLayout):
            row.setDirection(QBoxLayout.Direction.BottomToTop if layout.portrait
                             else QBoxLayout.Direction.LeftToRight)
        if layout.portrait:
            sidebar.setMinimumWidth(0)
            sidebar.setMaximumWidth(_MAX)
            sidebar.setFixedHeight(layout.sidebar_px)
        else:
            sidebar.setMinimumHeight(0)
            sidebar.setMaximumHeight(_MAX)
            sidebar.setFixedWidth(layout.sidebar_px)
        for button in (self.bar.home, self.bar.print):
            button.setMinimumHeight(layout.bar_px)
        brand = window.findChild(QWidget, "brandBar")
        if brand is not None:  # the show's name is on the home screen; the rows need the room
            brand.setVisible(layout.name != "compact")
        window.place_floating()

    def _fit_keyboard(self, layout: ScreenLayout) -> None:
        kb = self.keyboard
        shown = kb.isVisible()
        kb.set_key_height(layout.key_px)
        docked = self.page_column.indexOf(kb) >= 0
        if layout.docked_keyboard and not docked:
            kb.setParent(self.navigator_page)
            self.page_column.addWidget(kb)
        elif not layout.docked_keyboard and docked:
            self.page_column.removeWidget(kb)
            kb.setParent(self)
        kb.setVisible(shown)
        if shown:
            self._place_keyboard()

    def keyboard_docked(self) -> bool:
        return self.keyboard is not None and self.page_column.indexOf(self.keyboard) >= 0

    def _place_keyboard(self) -> None:
        """Over the bottom of the map, beside the side panel (docked: the page's layout
        places it)."""
        kb = self.keyboard
        if kb is None or self.keyboard_docked():
            return
        left = 0
        if self.sidebar.isVisible():
            left = self.sidebar.mapTo(self, self.sidebar.rect().topRight()).x() + 1
        height = kb.sizeHint().height()
        bottom = self.height()
        if self.page_column.indexOf(self.bar) > self.page_column.indexOf(self.navigator):
            bottom -= self.bar.height()  # the bar under the map (accessibility mode)
        kb.setGeometry(left, bottom - height, self.width() - left, height)
        kb.raise_()
