"""The show clock: the show's date and time in its own time zone, real or set for a rehearsal.

Everything that says "now" or "today" about a show reads one clock: where a visit starts,
which day an exhibitor card lists, the date a printout carries. The Navigator holds it
(``nav.clock``); a kiosk sets it from its ``now`` setting so that staff can rehearse a
show day on any day.

A clock is one of three kinds:

- the real clock (:meth:`ShowClock.real`): the machine's time, told in the show's zone;
- a fixed rehearsal clock (:meth:`ShowClock.fixed_at`): always the moment staff set;
- a running rehearsal clock (:meth:`ShowClock.running_from`): starts at the moment set
  and moves on with the real clock.

A time given without an offset (``"2025-03-18T10:00"``) is read in the show's zone.

>>> c = ShowClock.fixed_at("2025-03-18T10:00", "Asia/Taipei")
>>> c.now().isoformat(), c.today().isoformat(), c.rehearsal
('2025-03-18T10:00:00+08:00', '2025-03-18', True)
>>> ShowClock.fixed_at("2025-03-18T02:00:00+00:00", "Asia/Taipei").now().strftime("%H:%M")
'10:00'
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from exponav.core.errors import ExpoNavError

__all__ = ["ShowClock", "show_zone"]

_log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@functools.lru_cache(maxsize=16)
def show_zone(name: str) -> tzinfo:
    """The time zone ``name`` (IANA, e.g. ``Asia/Taipei``). A machine without the zone
    database (Windows without the tzdata package) uses its own zone instead, and says so
    in the log once.

    >>> show_zone("Asia/Taipei").utcoffset(datetime(2025, 3, 18))
    datetime.timedelta(seconds=28800)
    """
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        local = datetime.now().astimezone().tzinfo or UTC
        _log.warning("time zone %r is unknown on this machine; the show clock uses the "
                     "machine's own zone (%s)", name, local)
        return local


def _moment(value: datetime | str, zone: tzinfo) -> datetime:
    """``value`` as an aware time in ``zone`` (a naive one is read in ``zone``)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ExpoNavError(f"The show clock {value[:40]!r} is not a date and time such as "
                               "2025-03-18T10:00.") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


@dataclass(frozen=True)
class ShowClock:
    """The show's current date and time (see the module docstring)."""

    timezone: str = "UTC"
    fixed: datetime | None = None  # a rehearsal clock stopped at this moment
    offset: timedelta = timedelta(0)  # a rehearsal clock running this far from the real one
    source: Callable[[], datetime] = field(default=_utc_now, repr=False, compare=False)

    @classmethod
    def real(cls, timezone: str = "UTC", *,
             source: Callable[[], datetime] = _utc_now) -> ShowClock:
        """The machine's clock, told in the show's zone."""
        return cls(timezone, source=source)

    @classmethod
    def fixed_at(cls, moment: datetime | str, timezone: str = "UTC") -> ShowClock:
        """A rehearsal clock that always says ``moment``."""
        return cls(timezone, fixed=_moment(moment, show_zone(timezone)))

    @classmethod
    def running_from(cls, moment: datetime | str, timezone: str = "UTC", *,
                     source: Callable[[], datetime] = _utc_now) -> ShowClock:
        """A rehearsal clock that says ``moment`` now and moves on with the real clock.

        >>> ticks = iter([datetime(2026, 1, 5, 1, 0, tzinfo=UTC),
        ...               datetime(2026, 1, 5, 1, 25, tzinfo=UTC)])
        >>> c = ShowClock.running_from("2025-03-19T10:00", "Asia/Taipei",
        ...                            source=lambda: next(ticks))
        >>> c.now().strftime("%Y-%m-%d %H:%M")
        '2025-03-19 10:25'
        """
        start = _moment(moment, show_zone(timezone))
        return cls(timezone, offset=start - source(), source=source)

    @classmethod
    def from_setting(cls, text: str, timezone: str = "UTC") -> ShowClock:
        """The clock a kiosk's ``now`` setting asks for: ``""`` the real clock, else a fixed
        rehearsal clock at that moment (as the kiosk's home screen shows it)."""
        return cls.fixed_at(text, timezone) if text.strip() else cls.real(timezone)

    @property
    def zone(self) -> tzinfo:
        return show_zone(self.timezone)

    @property
    def rehearsal(self) -> bool:
        """True when this is not the real time (set by staff)."""
        return self.fixed is not None or self.offset != timedelta(0)

    def now(self) -> datetime:
        """The show's date and time now, aware, in the show's zone."""
        if self.fixed is not None:
            return self.fixed
        return (self.source() + self.offset).astimezone(self.zone)

    def today(self) -> date:
        """The show's date now."""
        return self.now().date()

    def describe(self) -> str:
        """What the clock is, for staff: ``"real time, Asia/Taipei"`` and the like.

        >>> ShowClock.fixed_at("2025-03-18T10:00", "Asia/Taipei").describe()
        'rehearsal clock stopped at 2025-03-18 10:00 (Asia/Taipei)'
        """
        if self.fixed is not None:
            return f"rehearsal clock stopped at {self.fixed:%Y-%m-%d %H:%M} ({self.timezone})"
        if self.rehearsal:
            return f"rehearsal clock, now {self.now():%Y-%m-%d %H:%M} ({self.timezone})"
        return f"real time ({self.timezone})"
