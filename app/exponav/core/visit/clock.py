"""Clock times of a visit: ``"14:00"`` to seconds since midnight and back.

A visit's times are seconds since midnight on the show day (floats); these two
functions are the only place that reads or writes them as text.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, time

from exponav.core.errors import ItineraryError

__all__ = ["DAY_S", "parse_hhmm", "format_hhmm"]

#: Seconds in the show day: a visit starts and ends between midnight and midnight.
DAY_S = 24 * 3600.0


_HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_hhmm(value: str | time | datetime | float | int) -> float:
    """Seconds since midnight for ``"14:00"`` (also a ``time``, ``datetime`` or seconds).

    >>> parse_hhmm("9:05"), parse_hhmm("14:00")
    (32700.0, 50400.0)
    >>> parse_hhmm("-1:00")
    Traceback (most recent call last):
    ...
    exponav.core.errors.ItineraryError: '-1:00' is not a time of day; write it as HH:MM, e.g. 14:00.
    """
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return float(value.hour * 3600 + value.minute * 60 + value.second)
    if isinstance(value, int | float):
        seconds = float(value)
        if not (math.isfinite(seconds) and 0.0 <= seconds < DAY_S):
            raise ItineraryError(f"{value!r} seconds is not a time of day (0 to 86399).")
        return seconds
    m = _HHMM.match(str(value))
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ItineraryError(f"{value!r} is not a time of day; write it as HH:MM, e.g. 14:00.")
    return float(int(m.group(1)) * 3600 + int(m.group(2)) * 60)


def format_hhmm(seconds: float) -> str:
    """``"HH:MM"``, to the nearest minute (past midnight it wraps).

    >>> format_hhmm(50400), format_hhmm(50429), format_hhmm(50430)
    ('14:00', '14:00', '14:01')
    """
    minutes = int(math.floor(seconds / 60.0 + 0.5)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


