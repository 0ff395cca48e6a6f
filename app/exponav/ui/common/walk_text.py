"""Walking distances and times as the visitor reads them, in the interface language.

>>> metres_text(143.5), minutes_text(164.6)
('145 m', '3 min')
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

__all__ = ["metres_text", "minutes_text", "walk_summary"]


def metres_text(metres: float) -> str:
    """Rounded as a sign would: to the metre under 10 m, then to 5 m."""
    m = max(0.0, float(metres))
    value = max(1, round(m)) if m < 10 else int(5 * round(m / 5.0))
    return QCoreApplication.translate("WalkText", "%1 m").replace("%1", str(value))


def minutes_text(seconds: float) -> str:
    """Whole minutes, rounded up; under a minute says so."""
    s = max(0.0, float(seconds))
    if s < 60:
        return QCoreApplication.translate("WalkText", "under 1 min")
    minutes = str(math.ceil(s / 60 - 1e-9))
    return QCoreApplication.translate("WalkText", "%1 min").replace("%1", minutes)


def walk_summary(metres: float, seconds: float) -> str:
    """'145 m · 3 min'"""
    return f"{metres_text(metres)} · {minutes_text(seconds)}"
