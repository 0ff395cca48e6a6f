"""Colours: the map's calm base tones, the amenity badges, and booth colours by theme.

Booth colours are eight from Paul Tol's and Okabe and Ito's colour-blind-safe schemes,
chosen so that every two booth fills (the colour mixed with white by :func:`fill_tone`)
differ by at least 12 CIELAB units with normal vision and under simulated protanopia,
deuteranopia and tritanopia (Machado et al. 2009; ``tests/ui/test_palette.py``). A show usually has more categories than a palette has
distinguishable colours, so ``assets/category_themes.json`` groups categories into
themes; categories it does not know take the remaining colours by booth count, and
anything beyond that is "Other". This works for any show: with no theme file entry at
all, the most common categories get the colours.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from exponav.ui.common.assets import read_json

__all__ = ["AMENITY_STYLE", "MAP", "UI", "Theme", "ThemeColours"]


class MAP:
    """Base tones of the drawn plan."""

    outside = QColor("#e9ecf1")
    floor = QColor("#fbfbfa")
    floor_edge = QColor("#aab2bd")
    aisle_text = QColor("#5f6b7a")
    booth_edge = QColor("#ffffff")
    booth_free = QColor("#e4e7ec")
    booth_free_edge = QColor("#cfd4db")
    column = QColor("#8a939f")
    core = QColor("#d3d8df")
    core_edge = QColor("#a3abb6")
    wall = QColor("#6b7480")
    stage = QColor("#dcd3ea")
    stage_edge = QColor("#a592c4")
    table = QColor("#c9d1db")
    escalator = QColor("#c3cad4")
    zone_edge = QColor("#7d8a99")
    zone_fill = QColor(120, 135, 155, 18)
    pavilion_fill = QColor(120, 135, 155, 22)
    label = QColor("#1f2933")
    label_soft = QColor("#4b5563")
    zone_label = QColor("#3e4c5e")
    halo = QColor(255, 255, 255, 230)
    entrance = QColor("#1f4e8c")
    exit = QColor("#138a52")
    highlight = QColor("#d81b60")
    highlight_dark = QColor("#880e4f")
    dimmed = QColor("#eceef1")


class UI:
    """Window chrome."""

    ink = "#1f2933"
    ink_soft = "#5f6b7a"
    line = "#e3e6eb"
    accent = "#0b6e79"
    accent_soft = "#e3f1f2"
    surface = "#ffffff"
    canvas = "#f4f6f8"


#: amenity or connector category -> (icon, badge colour)
AMENITY_STYLE: dict[str, tuple[str, str]] = {
    "toilet": ("toilet", "#2f6db5"),
    "toilet.accessible": ("toilet-accessible", "#2f6db5"),
    "information": ("information", "#0b6e79"),
    "food": ("food", "#b65a24"),
    "firstaid": ("firstaid", "#c8363d"),
    "nursing": ("nursing", "#a54f8a"),
    "prayer": ("prayer", "#6a5aa5"),
    "charging": ("charging", "#a66d12"),
    "meeting": ("meeting", "#5b6b80"),
    "stage": ("stage", "#7a4fa0"),
    "entrance": ("entrance", "#1f4e8c"),
    "pedestrian": ("entrance", "#1f4e8c"),
    "exit": ("exit", "#138a52"),
    "emergencyexit": ("exit", "#138a52"),
    "escalator": ("escalator", "#4b5563"),
    "elevator": ("elevator", "#4b5563"),
    "stairs": ("stairs", "#4b5563"),
    "ramp": ("stairs", "#4b5563"),
    "walkway": ("entrance", "#4b5563"),
    "atm": ("atm", "#2f6b3a"),
    "wifi": ("wifi", "#0b6e79"),
    "cloakroom": ("cloakroom", "#6b5b45"),
    "registration": ("registration", "#1f4e8c"),
    "mrt": ("mrt", "#1f4e8c"),
    "taxi": ("taxi", "#a66d12"),
}


def amenity_style(category: str) -> tuple[str, str]:
    if category in AMENITY_STYLE:
        return AMENITY_STYLE[category]
    base = category.split(".", 1)[0]
    return AMENITY_STYLE.get(base, ("information", "#5b6b80"))


@dataclass
class Theme:
    id: str
    colour: QColor
    names: dict[str, str]
    categories: list[str] = field(default_factory=list)

    def name(self, lang: str) -> str:
        key = "zh-Hant" if lang.startswith("zh") else lang
        return self.names.get(key) or self.names.get("en") or self.id


class ThemeColours:
    """Which theme, and so which colour, each category and exhibitor gets.

    ``categories_by_count`` is every category of the show with its booth count; an
    exhibitor's colour is the theme of its first category.
    """

    def __init__(self, categories_by_count: Counter[str],
                 category_names: dict[str, tuple[str, str]] | None = None) -> None:
        doc = read_json("category_themes.json")
        self.themes: list[Theme] = []
        self.by_category: dict[str, Theme] = {}
        used = set()
        for t in doc.get("themes", []):
            cats = [c for c in t.get("categories", []) if c in categories_by_count]
            if not cats:
                continue
            theme = Theme(t["id"], QColor(t["colour"]), dict(t.get("names", {})), cats)
            self.themes.append(theme)
            used.add(theme.colour.name())
            for c in cats:
                self.by_category[c] = theme
        free = [QColor(c) for c in doc.get("palette", []) if QColor(c).name() not in used]
        names = category_names or {}
        for category, _count in categories_by_count.most_common():
            if category in self.by_category or not free:
                continue
            en, zh = names.get(category, (category, ""))
            theme = Theme(category, free.pop(0), {"en": en, "zh-Hant": zh or en}, [category])
            self.themes.append(theme)
            self.by_category[category] = theme
        other = doc.get("other", {})
        self.other = Theme("other", QColor(other.get("colour", "#dddddd")),
                           dict(other.get("names", {"en": "Other"})), [])
        rest = [c for c in categories_by_count if c not in self.by_category]
        if rest:
            self.other.categories = rest
            self.themes.append(self.other)
            for c in rest:
                self.by_category[c] = self.other

    def theme_of(self, categories: tuple[str, ...] | list[str]) -> Theme | None:
        for c in categories:
            if c in self.by_category:
                return self.by_category[c]
        return self.other if categories else None

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


def fill_tone(colour: QColor, strength: float = 0.62) -> QColor:
    """``colour`` mixed with white: booth fills stay calm and labels stay readable."""
    r = colour.redF() * strength + (1 - strength)
    g = colour.greenF() * strength + (1 - strength)
    b = colour.blueF() * strength + (1 - strength)
    return QColor.fromRgbF(r, g, b)


def edge_tone(colour: QColor, factor: int = 125) -> QColor:
    return colour.darker(factor)
