"""The show: its record, categories, exhibitors and timed sessions."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Category", "Exhibitor", "Session", "Show", "ShowData"]


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



@dataclass
class ShowData:
    show: Show
    categories: dict[str, Category] = field(default_factory=dict)
    exhibitors: dict[str, Exhibitor] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
