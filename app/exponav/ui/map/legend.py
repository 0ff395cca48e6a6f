"""Legend: what the booth colours and the map symbols mean; folds away to one button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from exponav.ui.common.amenity_names import amenity_name
from exponav.ui.common.assets import icon_pixmap
from exponav.ui.common.palette import MAP, ThemeColours, amenity_style, fill_tone

__all__ = ["Legend"]


def _swatch(colour: QColor, size: int = 14, dpr: float = 2.0) -> QPixmap:
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(125))
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return pixmap


def _badge(category: str, size: int = 18, dpr: float = 2.0) -> QPixmap:
    name, colour = amenity_style(category)
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(0, 0, size, size)
    glyph = round(size * 0.64)
    painter.drawPixmap((size - glyph) / 2, (size - glyph) / 2, icon_pixmap(name, glyph, "#ffffff", dpr))
    painter.end()
    return pixmap


class Legend(QFrame):
    """Booth colours by theme, then the symbols; a toggle shows or hides the body."""

    SYMBOLS = ("toilet", "toilet.accessible", "information", "food", "firstaid", "nursing",
               "charging", "escalator", "elevator", "stairs", "entrance", "exit")

    def __init__(self, themes: ThemeColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCard")
        self.themes = themes
        self.lang = "en"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 8)
        outer.setSpacing(4)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("legendToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(False)  # folded: the plan comes first
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.toggled.connect(self._fold)
        outer.addWidget(self.toggle)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(2, 0, 2, 0)
        body.setSpacing(8)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        self.theme_labels: list[tuple[QLabel, object]] = []
        row = 0
        for theme in themes.themes:
            sw = QLabel(self.body)
            sw.setPixmap(_swatch(fill_tone(theme.colour)))
            text = QLabel(self.body)
            text.setObjectName("legendText")
            grid.addWidget(sw, row, 0)
            grid.addWidget(text, row, 1)
            self.theme_labels.append((text, theme))
            row += 1
        self.fixed_labels: dict[str, QLabel] = {}
        for key, colour in (("free", MAP.booth_free), ("selected", MAP.highlight)):
            sw = QLabel(self.body)
            sw.setPixmap(_swatch(colour))
            text = QLabel(self.body)
            text.setObjectName("legendText")
            grid.addWidget(sw, row, 0)
            grid.addWidget(text, row, 1)
            self.fixed_labels[key] = text
            row += 1
        self.symbol_labels: dict[str, QLabel] = {}
        symbols = QGridLayout()
        symbols.setHorizontalSpacing(6)
        symbols.setVerticalSpacing(3)
        for i, category in enumerate(self.SYMBOLS):
            icon_label = QLabel(self.body)
            icon_label.setPixmap(_badge(category))
            text = QLabel(self.body)
            text.setObjectName("legendText")
            symbols.addWidget(icon_label, i // 2, (i % 2) * 2)
            symbols.addWidget(text, i // 2, (i % 2) * 2 + 1)
            self.symbol_labels[category] = text
        body.addLayout(grid)
        body.addLayout(symbols)
        outer.addWidget(self.body)
        self.body.setVisible(False)
        self.retranslate_ui()

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.retranslate_ui()
        self.adjustSize()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        arrow = "▾" if self.toggle.isChecked() else "▸"
        title = self.tr("Legend")
        self.toggle.setText(f"{title}  {arrow}")
        for label, theme in self.theme_labels:
            label.setText(theme.name(self.lang))
        self.fixed_labels["free"].setText(self.tr("Not yet assigned"))
        self.fixed_labels["selected"].setText(self.tr("Your selection"))
        for key, label in self.symbol_labels.items():
            label.setText(amenity_name(key))
        self.adjustSize()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return super().sizeHint()
