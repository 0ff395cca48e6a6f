"""Walking distances and times as the visitor reads them, on the screen and on paper.

On the screen they are in the interface language; a printed sheet, English beside
Chinese whatever the window's language, asks for the English words (``translated=False``).

>>> metres_text(143.5), minutes_text(164.6), minutes_text(20)
('145 m', '3 min', 'under 1 min')
>>> metres_text(143.5, translated=False), rounded_metres(7.4), rounded_metres(1234)
('145 m', 7, 1235)
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

__all__ = ["metres_text", "minutes_text", "rounded_metres", "walk_summary"]


def rounded_metres(metres: float) -> int:
    """Rounded as a sign would: to the metre under 10 m (at least 1), then to 5 m."""
    m = max(0.0, float(metres))
    return max(1, round(m)) if m < 10 else int(5 * round(m / 5.0))


def metres_text(metres: float, *, translated: bool = True) -> str:
    """``'145 m'``: the distance as :func:`rounded_metres` gives it."""
    unit = QCoreApplication.translate("WalkText", "%1 m") if translated else "%1 m"
    return unit.replace("%1", str(rounded_metres(metres)))


def minutes_text(seconds: float, *, translated: bool = True) -> str:
    """Whole minutes, rounded up; under a minute says so."""
    s = max(0.0, float(seconds))
    if s < 60:
        return QCoreApplication.translate("WalkText", "under 1 min") if translated \
            else "under 1 min"
    minutes = str(math.ceil(s / 60 - 1e-9))
    unit = QCoreApplication.translate("WalkText", "%1 min") if translated else "%1 min"
    return unit.replace("%1", minutes)


def walk_summary(metres: float, seconds: float) -> str:
    """'145 m · 3 min'"""
    return f"{metres_text(metres)} · {minutes_text(seconds)}"
