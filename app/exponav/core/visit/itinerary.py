"""A planned visit as a value: its stops with their times and walks, its day's opening
hours, and its QR text."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exponav.core.errors import ItineraryError
from exponav.core.model import Place, Show
from exponav.core.visit import qr
from exponav.core.visit.clock import DAY_S, ON_TIME_S, format_hhmm, next_slot

if TYPE_CHECKING:
    from exponav.core.routing.route import Route

__all__ = ["DEFAULT_DWELL_MIN", "AfterClosing", "Itinerary", "MissedAppointment", "PlannedStop"]

DEFAULT_DWELL_MIN = 10.0


# -- the planned visit -----------------------------------------------------------------------

@dataclass
class PlannedStop:
    """One stop of a planned visit, with the walk that leads to it."""

    place: Place
    arrive_s: float  # seconds since midnight
    depart_s: float
    leg: Route | None  # the walk from the previous stop (or the start)
    appointment_s: float | None = None
    late_s: float = 0.0
    dwell_s: float = DEFAULT_DWELL_MIN * 60
    title: str = ""  # a session's title, when the stop is a session
    title_zh: str = ""

    @property
    def name(self) -> str:
        return self.title or self.place.name or self.place.name_zh or self.place.id

    @property
    def name_zh(self) -> str:
        return self.title_zh or self.place.name_zh

    @property
    def arrive(self) -> str:
        return format_hhmm(self.arrive_s)

    @property
    def depart(self) -> str:
        return format_hhmm(self.depart_s)

    @property
    def appointment(self) -> str | None:
        return None if self.appointment_s is None else format_hhmm(self.appointment_s)

    @property
    def wait_s(self) -> float:
        if self.appointment_s is None:
            return 0.0
        return max(0.0, self.appointment_s - self.arrive_s)

    @property
    def leg_length_m(self) -> float:
        return 0.0 if self.leg is None else self.leg.length_m

    @property
    def leg_duration_s(self) -> float:
        return 0.0 if self.leg is None else float(self.leg.duration_s)


@dataclass(frozen=True)
class MissedAppointment:
    """An appointment the visit cannot keep."""

    place: str
    name: str
    appointment: str  # HH:MM
    arrive: str  # HH:MM, the earliest planned arrival
    late_min: int

    def sentence(self) -> str:
        return (f"The {self.appointment} appointment at {self.name} ({self.place}) cannot be "
                f"kept: the visitor would arrive at {self.arrive}, {self.late_min} min late.")


@dataclass(frozen=True)
class AfterClosing:
    """A stop the visit reaches, or is still at, after the show closes that day."""

    place: str
    name: str
    arrive: str  # HH:MM
    depart: str  # HH:MM
    closes: str  # HH:MM
    reached_after: bool  # the visitor arrives only after closing

    def sentence(self) -> str:
        if self.reached_after:
            return (f"{self.name} ({self.place}) would be reached at {self.arrive}, after the "
                    f"show closes at {self.closes}.")
        return (f"The stay at {self.name} ({self.place}) would last until {self.depart}, after "
                f"the show closes at {self.closes}.")


@dataclass
class Itinerary:
    """An ordered visit with its times and walking legs; ``to_dict()`` is the CLI's JSON.

    ``day`` is the show day it is planned for (ISO date, "" when the show has no days),
    ``opens_s`` and ``closes_s`` that day's opening hours (None when the show gives none),
    and ``notes`` the sentences that say how the plan was fitted to them (a start moved
    to the opening, another day planned than today).
    """

    origin: Place
    stops: list[PlannedStop]
    start_s: float
    step_free: bool = False
    show: Show | None = None
    level_names: dict[str, str] = field(default_factory=dict)
    level_names_zh: dict[str, str] = field(default_factory=dict)
    exact: bool = True
    pdf: str | None = None
    day: str = ""
    opens_s: float | None = None
    closes_s: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def start(self) -> str:
        return format_hhmm(self.start_s)

    @property
    def end_s(self) -> float:
        return self.stops[-1].depart_s if self.stops else self.start_s

    @property
    def length_m(self) -> float:
        """Metres walked, start to last stop."""
        return float(sum(s.leg_length_m for s in self.stops))

    @property
    def duration_s(self) -> float:
        """Seconds spent walking (and riding connectors): neither dwelling nor waiting."""
        return float(sum(s.leg_duration_s for s in self.stops))

    @property
    def legs(self) -> list[Route]:
        return [s.leg for s in self.stops if s.leg is not None]

    @property
    def levels(self) -> list[str]:
        """The levels the visit walks on, in the order it first reaches them."""
        seen: dict[str, None] = {self.origin.level: None}
        for s in self.stops:
            if s.leg is not None:
                for leg in s.leg.legs:
                    seen.setdefault(leg.level, None)
            seen.setdefault(s.place.level, None)
        return list(seen)

    @property
    def missed(self) -> list[MissedAppointment]:
        return [MissedAppointment(s.place.id, s.name, s.appointment or "", s.arrive,
                                  max(1, math.ceil(s.late_s / 60.0 - 1e-9)))
                for s in self.stops if s.late_s > 0]

    @property
    def after_closing(self) -> list[AfterClosing]:
        """The stops reached, or stayed at, after the day's closing time, in order."""
        closes = self.closes_s
        if closes is None:
            return []
        return [AfterClosing(s.place.id, s.name, s.arrive, s.depart, format_hhmm(closes),
                             s.arrive_s > closes + ON_TIME_S)
                for s in self.stops if s.depart_s > closes + ON_TIME_S]

    def first_slot(self, place_id: str) -> str | None:
        """The earliest appointment a visitor on this plan can keep at ``place_id``: the
        arrival there, rounded up to the next quarter hour (``"HH:MM"``). None when the
        stop is not in the plan, or the visitor arrives too late for a slot before
        midnight."""
        stop = next((s for s in self.stops if s.place.id == place_id), None)
        if stop is None:
            return None
        slot = next_slot(stop.arrive_s)
        return format_hhmm(slot) if slot < DAY_S else None

    def level_name(self, level: str) -> str:
        return self.level_names.get(level, level)

    # -- what a QR code carries

    def qr_plan(self, detail: int = 0) -> qr.QrPlan:
        """The plan for :func:`exponav.core.visit.qr.build`, from the most said to the least:
        ``detail`` 0 gives the show's and the stops' names in English and Chinese, 1 the
        English names (Chinese where there is no English) up to 24 characters, 2 up to
        12, 3 no names, 4 no stop lines (the machine line still lists the stops)."""
        width = {1: 24, 2: 12}.get(detail)

        def name(en: str, zh: str) -> str:
            if detail >= 3:
                return ""
            if detail == 0:
                return f"{en} {zh}" if zh and zh != en else en or zh
            text = en or zh
            return text if len(text) <= width else text[:width - 1].rstrip() + "…"

        show = self.show
        title = "" if show is None else (
            f"{show.name} {show.name_zh}" if show.name_zh and detail == 0 else show.name)
        stops = tuple(qr.QrStop(
            s.place.id, name(s.name, s.name_zh), time="" if detail >= 4 else _due(s),
            appointment=s.appointment) for s in self.stops)
        return qr.plan_text_safe(qr.QrPlan(
            show="" if show is None else show.id, origin=self.origin.id, stops=stops,
            title=title, start=self.start, end=format_hhmm(self.end_s),
            length_m=int(round(self.length_m)), walk_min=int(math.ceil(self.duration_s / 60))))

    @property
    def qr_payload(self) -> str:
        """The QR text: the most it can say within a version-10 code
        (:data:`~exponav.core.visit.qr.QR_COMFORT_BYTES`); a visit too long even for its
        summary there gets the summary in a larger code, or the machine line alone."""
        template = "" if self.show is None else self.show.url_template
        text = ""
        for detail in range(5):
            text = qr.build(self.qr_plan(detail), url_template=template)
            if len(text.encode("utf-8")) <= qr.QR_COMFORT_BYTES:
                return text
        if len(text.encode("utf-8")) <= qr.QR_CAPACITY_BYTES:
            return text
        line = qr.machine_line(self.qr_plan(4))
        if len(line.encode("utf-8")) <= qr.QR_CAPACITY_BYTES:
            return line
        raise ItineraryError(f"A visit of {len(self.stops)} stops is too long for one QR code.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin.id,
            "stops": [{"place": s.place.id, "name": s.name, "arrive": s.arrive,
                       "depart": s.depart, "leg_length_m": round(s.leg_length_m, 1)}
                      for s in self.stops],
            "length_m": round(self.length_m, 1),
            "duration_s": round(self.duration_s, 1),
            "qr_payload": self.qr_payload,
            "pdf": self.pdf,
        }


def _due(stop: PlannedStop) -> str:
    """When the visitor is due at a stop: a meeting's own fixed time (early or late), else
    the planned arrival."""
    return stop.appointment if stop.appointment is not None else stop.arrive


