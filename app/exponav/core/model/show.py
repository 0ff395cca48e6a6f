"""The show: its record, categories, exhibitors and timed sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["Category", "Exhibitor", "OpeningHours", "Session", "Show", "ShowData"]


@dataclass(frozen=True)
class Category:
    id: str  # ai, iot, transport, ...
    name: str
    name_zh: str


@dataclass(frozen=True)
class Exhibitor:
    id: str
    name: str
    name_zh: str
    country: str  # English country or region name
    categories: tuple[str, ...]
    booths: tuple[str, ...]  # booth codes
    description: str = ""
    description_zh: str = ""
    website: str = ""
    demo: bool = True  # invented for the demo, not from the public record


@dataclass(frozen=True)
class Session:
    """A timed event at a place: the opening, a forum, a matchmaking meeting."""

    id: str
    kind: str  # opening | forum | matchmaking | ...
    title: str
    title_zh: str
    place: str  # a place id: amenity (stage, matchmaking table), booth code or zone id
    start: str  # ISO 8601 with offset, Asia/Taipei (+08:00)
    end: str
    exhibitor: str = ""  # exhibitor id taking part, when there is one
    demo: bool = True


class OpeningHours(NamedTuple):
    """When the doors are open on one show day, in the show's time zone.

    A tuple, so that the show's record stays plain JSON in the data file.
    """

    day: str  # ISO date, 2025-03-18
    opens: str  # HH:MM
    closes: str  # HH:MM, after opens on the same day
    demo: bool = True  # illustrative, not from the public record


@dataclass(frozen=True)
class Show:
    id: str  # scse2025
    name: str
    name_zh: str
    venue: str  # venue id
    start_date: str  # ISO date
    end_date: str
    timezone: str  # Asia/Taipei
    url_template: str = ""  # optional QR URL template for itineraries
    hours: tuple[OpeningHours, ...] = ()  # one per show day, or none when not known

    def __post_init__(self) -> None:
        # read back from JSON, the hours are lists: make them OpeningHours again
        object.__setattr__(self, "hours", tuple(OpeningHours(*h) for h in self.hours))

    @property
    def days(self) -> list[str]:
        """The show days, first to last, as ISO dates.

        >>> Show("x", "X", "", "v", "2025-03-18", "2025-03-21", "Asia/Taipei").days
        ['2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21']
        """
        try:
            first, last = date.fromisoformat(self.start_date), date.fromisoformat(self.end_date)
        except ValueError:
            return []
        return [(first + timedelta(days=k)).isoformat() for k in range((last - first).days + 1)]

    def hours_on(self, day: str) -> OpeningHours | None:
        """The opening hours of ``day`` (an ISO date), None when the show gives none."""
        return next((h for h in self.hours if h.day == day), None)



@dataclass
class ShowData:
    show: Show
    categories: dict[str, Category] = field(default_factory=dict)
    exhibitors: dict[str, Exhibitor] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
