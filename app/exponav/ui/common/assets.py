"""Icons and style sheets from ``assets/``: SVG glyphs recoloured and rasterised on demand.

The SVG files draw their glyph in black; :func:`icon_pixmap` swaps the colour and
renders at the device pixel ratio, so an icon is sharp on any screen. Results are
cached: the map asks for the same few pixmaps on every frame.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from exponav.core import paths

__all__ = ["asset_path", "icon", "icon_pixmap", "read_json", "style_sheet"]


def asset_path(*parts: str) -> Path:
    return paths.assets_dir().joinpath(*parts)


@lru_cache(maxsize=64)
def _svg_text(name: str) -> str:
    path = asset_path("icons", f"{name}.svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:  # a missing icon must not stop the window: draw a dot instead
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                '<circle cx="12" cy="12" r="4" fill="#000"/></svg>')


@lru_cache(maxsize=512)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    text = _svg_text(name).replace("#000", colour)
    return QSvgRenderer(QByteArray(text.encode("utf-8")))


@lru_cache(maxsize=512)
def icon_pixmap(name: str, size: int, colour: str = "#1f2933", dpr: float = 1.0) -> QPixmap:
    """The icon ``name`` as a ``size`` x ``size`` (logical pixels) pixmap in ``colour``."""
    px = max(1, round(size * dpr))
    pixmap = QPixmap(px, px)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name, QColor(colour).name()).render(painter, QRectF(0, 0, px, px))
    painter.end()
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


def icon(name: str, colour: str = "#1f2933", size: int = 24) -> QIcon:
    """A QIcon sharp on this machine's screens (rendered for their pixel ratios)."""
    result = QIcon()
    for dpr in _screen_ratios():
        result.addPixmap(icon_pixmap(name, size, colour, dpr))
    return result


def _screen_ratios() -> list[float]:
    from PySide6.QtGui import QGuiApplication

    ratios = sorted({max(1.0, s.devicePixelRatio()) for s in QGuiApplication.screens()})
    return ratios or [1.0]


def icon_size(size: int) -> QSize:
    return QSize(size, size)


@lru_cache(maxsize=8)
def read_json(*parts: str) -> Any:
    return json.loads(asset_path(*parts).read_text(encoding="utf-8"))


def style_sheet() -> str:
    try:
        return asset_path("style", "exponav.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
