"""The printout's wording of distances, walking times and the show's dates."""

from __future__ import annotations

import math
from datetime import date

__all__ = ["metres", "minutes", "show_dates"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def show_dates(start: str, end: str) -> tuple[str, str]:
    """``("18–21 March 2025", "2025年3月18日至21日")``."""
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return f"{start} – {end}", ""
    if (a.year, a.month) == (b.year, b.month):
        en = f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}" if a != b else \
            f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
        zh = f"{a.year}年{a.month}月{a.day}日至{b.day}日" if a != b else \
            f"{a.year}年{a.month}月{a.day}日"
    else:
        en = f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {b.year}"
        zh = f"{a.year}年{a.month}月{a.day}日至{b.month}月{b.day}日"
    return en, zh


def metres(m: float) -> str:
    return f"{m / 1000:.1f} km" if m >= 1000 else f"{round(m):d} m"


def minutes(seconds: float) -> str:
    return f"{max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0} min"
