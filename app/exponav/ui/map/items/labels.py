"""LabelLayer: stand codes, exhibitor names and zone names, drawn only where they fit.

Labels are set in screen pixels (a map's text keeps its size while the plan zooms),
so this item paints in device coordinates. Level of detail is a fit test, not a zoom
table: a stand shows its code once the code fits inside it, and its exhibitor's short
name once at least a word of it does. Stands never overlap, so labels drawn inside
them never collide. Zone names are tags at a corner of their zone, cut to the zone's
width, and placed where they overlap no other zone's tag and no amenity icon (the scene
says where its icons are, :meth:`LabelLayer.set_icon_boxes`): above the top-left corner
in the aisle, else inside it, else below the zone, else at its top-right; a tag with no
free place is left out rather than drawn over something.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStaticText,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from exponav.ui.common.palette import MAP
from exponav.ui.map.stands import Stand

__all__ = ["LabelLayer", "short_name", "wrap_text"]

_SUFFIXES = (
    " co., ltd.", " co.,ltd.", " co. ltd.", " co., ltd", " company limited", " corporation",
    " corp.", " inc.", " inc", " ltd.", " ltd", " limited", " llc", " gmbh", " s.a.", " plc",
    ",",
)
_SUFFIXES_ZH = ("股份有限公司", "有限公司", "公司")


def short_name(name: str) -> str:
    """An exhibitor name without its legal form, for a label on the plan.

    >>> short_name("Taiwan Mobile Co., Ltd.")
    'Taiwan Mobile'
    >>> short_name("台灣大哥大股份有限公司")
    '台灣大哥大'
    >>> short_name("RECIA – Argentina's smart city network")
    'RECIA'
    """
    text = re.split(r"\s[–—-]\s", name.strip(), maxsplit=1)[0]  # drop a subtitle
    changed = True
    while changed:
        changed = False
        low = text.lower()
        for suffix in _SUFFIXES:
            if low.endswith(suffix) and len(text) > len(suffix) + 2:
                text, changed = text[: -len(suffix)].rstrip(), True
                break
        for suffix in _SUFFIXES_ZH:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
                break
    return text


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _tokens(text: str) -> list[str]:
    """Break points: words for Latin text, every character for CJK."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        elif ch == " ":
            if word:
                tokens.append(word)
            tokens.append(" ")
            word = ""
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def wrap_text(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy wrap into at most ``max_lines`` lines, breaking only between words (or
    between CJK characters). What does not fit ends in "…" after a whole word; a word
    wider than ``width`` makes the result empty: better no label than a cut word.

    >>> from PySide6.QtGui import QFont
    """
    tokens = _tokens(text)
    lines: list[list[str]] = [[]]
    for token in tokens:
        line = lines[-1]
        trial = "".join(line + [token]).strip()
        if fm.horizontalAdvance(trial) <= width:
            line.append(token)
            continue
        if token == " ":
            continue
        if fm.horizontalAdvance(token) > width:
            return []
        if len(lines) == max_lines:
            # no room: finish the last line with an ellipsis after a whole word
            while line and fm.horizontalAdvance("".join(line).strip() + "…") > width:
                line.pop()
            if not "".join(line).strip():
                lines.pop()
                return ["".join(x).strip() for x in lines]
            line.append("…")
            return ["".join(x).strip().replace(" …", "…") for x in lines]
        lines.append([token])
    return ["".join(x).strip() for x in lines if "".join(x).strip()]


def _font(px: float, weight: QFont.Weight) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(round(px))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class LabelLayer(QGraphicsItem):
    """Every label of one level; texts are set by language with :meth:`set_texts`."""

    #: smallest stand (in pixels) that gets its exhibitor's name
    NAME_MIN_PX = 40.0

    def __init__(self, stands: Sequence[Stand],
                 zones: Sequence[tuple[float, float, float, float]]) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        boxes = np.array([s.label for s in stands], dtype=float).reshape(-1, 4)
        # scene coordinates: y flips, so the model's top edge y1 becomes the scene's -y1
        self._x0, self._x1 = boxes[:, 0], boxes[:, 2]
        self._y0, self._y1 = -boxes[:, 3], -boxes[:, 1]
        self._w = self._x1 - self._x0
        self._h = self._y1 - self._y0
        self._codes = [s.code for s in stands]
        self._names: list[str] = [""] * len(stands)
        zb = np.array(zones, dtype=float).reshape(-1, 4)
        self._zones = [QRectF(x0, -y1, x1 - x0, y1 - y0) for x0, y0, x1, y1 in zb]
        self._zone_names: list[str] = [""] * len(zones)
        self._highlighted: set[int] = set()
        self._code_font = _font(10.5, QFont.Weight.Medium)
        self._name_font = _font(11.5, QFont.Weight.DemiBold)
        self._zone_font = _font(12.5, QFont.Weight.Bold)
        self._tag_font = _font(12, QFont.Weight.Bold)
        self._code_fm = QFontMetricsF(self._code_font)
        self._name_fm = QFontMetricsF(self._name_font)
        self._large_font = _font(15, QFont.Weight.DemiBold)
        self._large_fm = QFontMetricsF(self._large_font)
        self._code_w = np.array([self._code_fm.horizontalAdvance(c) for c in self._codes])
        self._static: dict[tuple[str, int], QStaticText] = {}
        self._wrapped: dict[tuple[int, int, int, bool], list[str]] = {}
        self._zone_pixmaps: dict[tuple[int, int, bool, float], QPixmap] = {}
        self._icon_boxes = None  # the scene's icons in device pixels, for a transform
        self.placed_tags: list[QRectF] = []  # where the last paint put the zone tags
        bounds = QRectF()
        if len(boxes):
            bounds = QRectF(float(self._x0.min()), float(self._y0.min()),
                            float(self._x1.max() - self._x0.min()),
                            float(self._y1.max() - self._y0.min()))
        for r in self._zones:
            bounds = bounds.united(r)
        self._bounds = bounds.adjusted(-10, -10, 10, 10)

    # -- content ---------------------------------------------------------------------

    def set_texts(self, names: Sequence[str], zone_names: Sequence[str]) -> None:
        """Exhibitor short names per stand and zone names, in the chosen language."""
        self._names = [short_name(n) if n else "" for n in names]
        self._zone_names = list(zone_names)
        self._wrapped.clear()
        self._zone_pixmaps.clear()
        self.update()

    def set_icon_boxes(self, boxes) -> None:
        """``boxes(transform)``: the device-pixel rectangles of the icons drawn over the
        plan, which zone tags keep clear of."""
        self._icon_boxes = boxes
        self.update()

    def set_highlighted(self, indices: set[int]) -> None:
        self._highlighted = set(indices)
        self.update()

    def visible_codes(self, scale: float) -> int:
        """How many stand codes fit at ``scale`` pixels per metre (for tests and bench)."""
        return int(np.count_nonzero((self._w * scale >= self._code_w + 6)
                                    & (self._h * scale >= self._code_fm.height() + 4)))

    # -- painting --------------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def _text(self, text: str, font_key: int) -> QStaticText:
        key = (text, font_key)
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            if len(self._static) > 6000:
                self._static.clear()
            self._static[key] = st
        return st

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = painter.worldTransform()
        s = math.hypot(t.m11(), t.m12())  # the view may be turned (a heading-up kiosk)
        if s <= 0:
            return
        exposed = option.exposedRect
        painter.save()
        painter.resetTransform()
        names_shown = s * 3.0 >= self.NAME_MIN_PX
        self._paint_stands(painter, t, s, exposed)
        self._paint_zones(painter, t, s, names_shown)
        painter.restore()

    def _paint_stands(self, painter: QPainter, t, s: float, exposed: QRectF) -> None:
        code_h = self._code_fm.height()
        wpx = self._w * s
        hpx = self._h * s
        m11, m12, m21, m22, dx, dy = t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()
        if abs(m12) > abs(m11):  # turned by about a quarter: width is height
            wpx, hpx = hpx, wpx
        fits = (wpx >= self._code_w + 6) & (hpx >= code_h + 4)
        if not fits.any():
            return
        visible = fits & (self._x1 >= exposed.left()) & (self._x0 <= exposed.right()) \
            & (self._y1 >= exposed.top()) & (self._y0 <= exposed.bottom())
        for i in np.flatnonzero(visible).tolist():
            mx = (self._x0[i] + self._x1[i]) * 0.5
            my = (self._y0[i] + self._y1[i]) * 0.5
            cx = m11 * mx + m21 * my + dx
            cy = m12 * mx + m22 * my + dy
            w, h = float(wpx[i]), float(hpx[i])
            lit = i in self._highlighted
            lines: list[str] = []
            name = self._names[i]
            # a big stand seen close up gets a larger name, as a stand's own sign would
            large = w >= 200 and h >= 110
            name_font, name_fm = (self._large_font, self._large_fm) if large else (
                self._name_font, self._name_fm)
            line_h = name_fm.height()
            if name and w >= self.NAME_MIN_PX:
                max_lines = min(3, int((h - code_h - 6) // line_h))
                if max_lines >= 1:
                    key = (i, int(w // 8), max_lines, large)
                    lines = self._wrapped.get(key)  # type: ignore[assignment]
                    if lines is None:
                        lines = wrap_text(name, name_fm, min(w - 8, 320), max_lines)
                        self._wrapped[key] = lines
            total = code_h + len(lines) * line_h
            y = cy - total / 2
            painter.setFont(self._code_font)
            painter.setPen(QColor("#ffffff") if lit else MAP.label_soft)
            code = self._codes[i]
            painter.drawStaticText(QPointF(cx - self._code_w[i] / 2, y), self._text(code, 0))
            if lines:
                painter.setFont(name_font)
                painter.setPen(QColor("#ffffff") if lit else MAP.label)
                y += code_h
                for line in lines:
                    lw = name_fm.horizontalAdvance(line)
                    painter.drawStaticText(QPointF(cx - lw / 2, y), self._text(line, 2 if large else 1))
                    y += line_h

    def _zone_tag(self, i: int, width: float, big: bool, dpr: float) -> QPixmap:
        """The zone's name with a white halo, rendered once into a pixmap: stroking
        glyph outlines on every frame would cost more than the rest of the plan."""
        key = (i, int(width // 16), big, dpr)
        pixmap = self._zone_pixmaps.get(key)
        if pixmap is None:
            font = self._zone_font if big else self._tag_font
            fm = QFontMetricsF(font)
            line = fm.elidedText(self._zone_names[i], Qt.TextElideMode.ElideRight, width)
            path = QPainterPath()
            path.addText(QPointF(3, 3 + fm.ascent()), font, line)
            w, h = fm.horizontalAdvance(line) + 6, fm.height() + 6
            pixmap = QPixmap(max(1, math.ceil(w * dpr)), max(1, math.ceil(h * dpr)))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            halo = QPen(MAP.halo, 4.0)
            halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.strokePath(path, halo)
            p.fillPath(path, MAP.zone_label)
            p.end()
            self._zone_pixmaps[key] = pixmap
        return pixmap

    def _paint_zones(self, painter: QPainter, t, s: float, names_shown: bool) -> None:
        """Zone names as tags at a free corner of their zone (see the module docstring);
        larger while the plan is small. Bigger zones choose first."""
        big = not names_shown
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        taken: list[QRectF] = list(self._icon_boxes(t)) if self._icon_boxes else []
        self.placed_tags = []
        order = sorted(range(len(self._zones)),
                       key=lambda i: -self._zones[i].width() * self._zones[i].height())
        for i in order:
            if not self._zone_names[i]:
                continue
            on_screen = t.mapRect(self._zones[i])
            w = on_screen.width()
            if w < 40:
                continue
            pixmap = self._zone_tag(i, max(40.0, w - 2), big, max(1.0, dpr))
            pw = pixmap.width() / pixmap.devicePixelRatio()
            h = pixmap.height() / pixmap.devicePixelRatio()
            left, top = on_screen.left(), on_screen.top()
            for x, y in ((left - 2, top - h + 1), (left + 2, top + 2),
                         (left - 2, on_screen.bottom() - 1), (on_screen.right() - pw + 2, top - h + 1)):
                box = QRectF(x, y, pw, h).adjusted(2, 2, -2, -2)  # the halo may touch
                if not any(box.intersects(other) for other in taken):
                    painter.drawPixmap(QPointF(x, y), pixmap)
                    taken.append(box)
                    self.placed_tags.append(box)
                    break
