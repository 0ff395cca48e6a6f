"""The show's dates as one span of days, in the visitor's language: what the window's title and
the printed sheet both say.

>>> show_dates("2025-03-18", "2025-03-21", "en"), show_dates("2025-03-18", "2025-03-21", "id")
('18–21 March 2025', '18–21 Maret 2025')
>>> show_dates("2025-03-18", "2025-03-21", "zh-Hant")
'2025年3月18–21日'
>>> show_dates("2025-03-31", "2025-04-02", "en"), show_dates("2025-03-31", "2025-04-02", "zh-Hant")
('31 March – 2 April 2025', '2025年3月31日–4月2日')
>>> show_dates("2025-12-30", "2026-01-02", "en")
'30 December 2025 – 2 January 2026'
>>> show_dates("2025-03-18", "2025-03-18", "zh-Hant"), show_dates("soon", "later", "en")
('2025年3月18日', 'soon – later')
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from exponav.core.languages import is_chinese, language, qt_name

__all__ = ["show_dates"]


def show_dates(start: str, end: str, lang: str = "en") -> str:
    """The days from ``start`` to ``end`` (ISO dates), the month and year said once where
    they are shared; dates that are not ISO dates are shown as they are written."""
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return " – ".join(text for text in (start, end) if text)
    if is_chinese(lang):
        return _chinese(a, b)
    locale = QLocale(qt_name(language(lang) or "en"))

    def day(d: date, year: bool = True) -> str:
        month = f"{d.day} {locale.monthName(d.month, QLocale.FormatType.LongFormat)}"
        return f"{month} {d.year}" if year else month

    if a == b:
        return day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{day(b)}"
    return f"{day(a, year=a.year != b.year)} – {day(b)}"


def _chinese(a: date, b: date) -> str:
    first = f"{a.year}年{a.month}月{a.day}日"
    if a == b:
        return first
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year}年{a.month}月{a.day}–{b.day}日"
    if a.year == b.year:
        return f"{first}–{b.month}月{b.day}日"
    return f"{first}–{b.year}年{b.month}月{b.day}日"
