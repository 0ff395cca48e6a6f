"""The clock of a visit: ``"14:00"`` to seconds since midnight and back, and the clock
stepped along the stops.

A visit's times are seconds since midnight on the show day (floats). :func:`parse_hhmm`
and :func:`format_hhmm` are the only place that reads or writes them as text, and
:func:`step_clock` the only place that works out when a visitor reaches and leaves each
stop (walking, waiting for an appointment, staying).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from itertools import repeat

from exponav.core.errors import ItineraryError

__all__ = ["DAY_S", "ON_TIME_S", "SLOT_S", "VisitClock", "format_hhmm", "next_slot", "parse_hhmm",
           "step_clock"]

#: Seconds in the show day: a visit starts and ends between midnight and midnight.
DAY_S = 24 * 3600.0

#: An arrival this little after an appointment still keeps it (rounding of walk times).
ON_TIME_S = 1e-6

#: Appointments are offered on the quarter hour.
SLOT_S = 15 * 60.0


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


def next_slot(seconds: float) -> float:
    """The first quarter hour at or after ``seconds``: the earliest appointment a visitor
    arriving then can keep (may be :data:`DAY_S`, midnight, for a late arrival).

    >>> [format_hhmm(next_slot(parse_hhmm(t))) for t in ("10:56", "11:00", "11:01")]
    ['11:00', '11:00', '11:15']
    >>> format_hhmm(next_slot(parse_hhmm("10:56") + 0.4)), next_slot(39600.5) / 60
    ('11:00', 675.0)
    """
    return math.ceil((seconds - ON_TIME_S) / SLOT_S) * SLOT_S


@dataclass(frozen=True, slots=True)
class VisitClock:
    """When a visitor reaches and leaves each stop of a visit, in order (seconds since
    midnight), and how late or early each appointment finds them."""

    arrive_s: list[float]
    depart_s: list[float]
    late_s: list[float]  # how much after its appointment the visitor arrives (0: in time)
    wait_s: list[float]  # how long the visitor waits for its appointment (0: none, or late)


def step_clock(start_s: float, walks_s: Sequence[float], dwells_s: Sequence[float],
               appointments_s: Sequence[float | None],
               ends_s: Sequence[float | None] | None = None) -> VisitClock:
    """The clock along a visit's stops, in order: from ``start_s`` walk ``walks_s[k]``
    seconds to stop ``k``; early for its appointment (if any), wait for it; then stay
    ``dwells_s[k]``. A visitor late by more than :data:`ON_TIME_S` stays from arrival,
    except at a stop with an end (``ends_s[k]``, a session's end): they leave at the end,
    or at once if it has passed.

    >>> clock = step_clock(36000, [100, 60], [600, 600], [37800.0, None])
    >>> clock.arrive_s, clock.depart_s, clock.wait_s
    ([36100.0, 38460.0], [38400.0, 39060.0], [1700.0, 0.0])
    >>> step_clock(36000, [700], [900], [36600.0], [37500.0]).depart_s
    [37500.0]
    """
    n = len(walks_s)
    if len(dwells_s) != n or len(appointments_s) != n or (ends_s is not None
                                                          and len(ends_s) != n):
        raise ValueError("step_clock needs one walk, dwell, appointment (and end) per stop")
    arrive: list[float] = []
    depart: list[float] = []
    lateness: list[float] = []
    waits: list[float] = []
    t = float(start_s)
    for walk, dwell, due, end in zip(walks_s, dwells_s, appointments_s,
                                     repeat(None) if ends_s is None else ends_s,
                                     strict=False):  # the lengths are checked above
        t += walk
        arrive.append(t)
        late = wait = 0.0
        if due is not None:
            if t > due + ON_TIME_S:
                late = t - due
            else:
                if due > t:
                    wait = due - t
                t = float(due)
        if late and end is not None:
            t = max(t, end)
        else:
            t += dwell
        depart.append(t)
        lateness.append(late)
        waits.append(wait)
    return VisitClock(arrive, depart, lateness, waits)
