"""Plan a visit from what a visitor named: resolve the stops, order them, route the legs.

:func:`plan_visit` takes a router (for walking times and the legs) and a resolver (for
turning what a visitor named into places and sessions). The Navigator calls it with its
own router and itself, as :meth:`exponav.core.navigator.Navigator.itinerary`.

>>> # plan_visit(nav.router, nav, "K-H2-1F-1", ["S1024", "Q0210"], "10:30", {"MM-B12": "14:00"})
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Protocol

import numpy as np

from exponav.core.errors import ItineraryError
from exponav.core.model import Place, Session, Show
from exponav.core.routing.route import STEP_FREE_SPEED, WALK_SPEED
from exponav.core.showclock import show_zone
from exponav.core.visit import qr
from exponav.core.visit.clock import DAY_S, ON_TIME_S, format_hhmm, parse_hhmm, step_clock
from exponav.core.visit.itinerary import DEFAULT_DWELL_MIN, Itinerary, PlannedStop
from exponav.core.visit.order import VISITOR_IDLE_WEIGHT, order_stops

if TYPE_CHECKING:
    from exponav.core.routing.router import Router

__all__ = ["Resolver", "long_date", "parse_day", "plan_visit", "resume_visit", "walking_matrix"]


class Resolver(Protocol):
    """What planning needs to know beyond routes: places, sessions and the show."""

    def place(self, spec: str | tuple[str, float, float]) -> Place: ...

    def session(self, session_id: str) -> Session | None: ...

    @property
    def show_info(self) -> Show: ...


# -- walking times between places ------------------------------------------------------------

def walking_matrix(router: Router, places: Sequence[Place], *, step_free: bool = False
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Walking seconds and metres between every ordered pair of ``places``.

    One :meth:`Router.nearest_by_walking` call per place (one-to-many). That call gives
    metres along the quickest way; on one level the time is metres over the walking
    speed, and between levels the ride and wait of the quickest connector joining the
    two levels are added (an estimate used only to order the stops: the legs of the
    chosen order are routed exactly afterwards). A router that offers
    ``walking_matrix(places, step_free=...) -> (seconds, metres)`` is used instead.
    Unreachable pairs are ``inf``.
    """
    direct = getattr(router, "walking_matrix", None)
    if callable(direct):
        seconds, metres = direct(list(places), step_free=step_free)
        return np.asarray(seconds, dtype=float), np.asarray(metres, dtype=float)
    speed = STEP_FREE_SPEED if step_free else WALK_SPEED
    ride = _ride_times(router, step_free)
    n = len(places)
    seconds = np.full((n, n), np.inf)
    metres = np.full((n, n), np.inf)
    np.fill_diagonal(seconds, 0.0)
    np.fill_diagonal(metres, 0.0)
    for i, a in enumerate(places):
        others = [b for j, b in enumerate(places) if j != i and b is not a]
        where: dict[int, list[int]] = {}
        for j, b in enumerate(places):
            if b is a:
                seconds[i, j] = metres[i, j] = 0.0
            else:
                where.setdefault(id(b), []).append(j)
        for b, m in router.nearest_by_walking(a, others, step_free=step_free,
                                              limit=len(others)):
            extra = 0.0 if b.level == a.level else ride.get((a.level, b.level), 0.0)
            for j in where.get(id(b), []):
                metres[i, j] = m
                seconds[i, j] = m / speed + extra
    return seconds, metres


def _ride_times(router: Router, step_free: bool) -> dict[tuple[str, str], float]:
    """Least ride + wait of a usable connector between each pair of levels it joins."""
    best: dict[tuple[str, str], float] = {}
    for c in router.venue.connectors:
        if step_free and not c.step_free:
            continue
        levels = [e.level for e in c.ends]
        for a in levels:
            for b in levels:
                if a != b:
                    t = c.ride_s + c.wait_s
                    best[(a, b)] = min(best.get((a, b), math.inf), t)
    return best


# -- planning from what a visitor named ------------------------------------------------------

@dataclass
class _Wanted:
    place: Place
    appointment_s: float | None = None
    dwell_s: float | None = None
    title: str = ""
    title_zh: str = ""
    until_s: float | None = None  # a session's end: a late visitor still leaves then
    session: str = ""  # the session's id, when the stop is one
    day: str = ""  # the session's day (ISO date)


def _resolve(resolver: Resolver, spec: str | Place | tuple[str, float, float]) -> _Wanted:
    if isinstance(spec, Place):
        return _Wanted(spec)
    if isinstance(spec, str):
        session = resolver.session(spec)
        if session is not None:
            start = datetime.fromisoformat(session.start)
            end = datetime.fromisoformat(session.end)
            length = max(0.0, (end - start).total_seconds())
            return _Wanted(resolver.place(session.place), parse_hhmm(start), length,
                           session.title, session.title_zh, parse_hhmm(start) + length,
                           session.id, start.date().isoformat())
    return _Wanted(resolver.place(spec))


# -- the show day and its opening hours ------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(iso: str) -> str:
    """``"2025-03-19"`` -> ``"19 March 2025"``.

    >>> long_date("2025-03-19")
    '19 March 2025'
    """
    d = date.fromisoformat(iso)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def parse_day(value: str | date | datetime) -> str:
    """A show day as an ISO date, from ``"2025-03-19"`` or a ``date``.

    >>> parse_day("2025-03-19"), parse_day(date(2025, 3, 19))
    ('2025-03-19', '2025-03-19')
    >>> parse_day("19 March")
    Traceback (most recent call last):
    ...
    exponav.core.errors.ItineraryError: '19 March' is not a day; write it as YYYY-MM-DD, e.g. 2025-03-19.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ItineraryError(f"{str(value)[:40]!r} is not a day; write it as YYYY-MM-DD, "
                             "e.g. 2025-03-19.") from None


@dataclass
class _Day:
    """The day a visit is planned for, its opening hours, and what was said about it."""

    day: str  # ISO date
    today: bool  # the show clock's own day
    opens_s: float | None = None
    closes_s: float | None = None
    notes: list[str] = field(default_factory=list)


def _show_day(show: Show, day: str | date | datetime | None, today: str,
              wanted: Sequence[_Wanted]) -> _Day:
    """The show day to plan: ``day`` when given (it must be a show day, and every session
    of the visit on it); else the day of the visit's sessions; else today when the show
    is on, else its first day."""
    days = show.days
    sessions = {}
    for w in wanted:
        if w.session:
            sessions.setdefault(w.day, w)
    name = show.name or show.id
    notes: list[str] = []
    if day is not None:
        chosen = parse_day(day)
        if days and chosen not in days:
            raise ItineraryError(f"{long_date(chosen)} is not a day of {name}, which runs from "
                                 f"{long_date(days[0])} to {long_date(days[-1])}.")
        other = next((w for d, w in sorted(sessions.items()) if d != chosen), None)
        if other is not None:
            raise ItineraryError(f"The session {other.session} ({other.title}) is on "
                                 f"{long_date(other.day)}, not on {long_date(chosen)}, the day "
                                 "this visit is planned for.")
    elif len(sessions) > 1:
        (d1, w1), (d2, w2) = sorted(sessions.items())[:2]
        raise ItineraryError(f"The sessions {w1.session} ({long_date(d1)}) and {w2.session} "
                             f"({long_date(d2)}) are on different days; plan one day at a "
                             "time.")
    elif sessions:
        chosen, w = next(iter(sessions.items()))
        if chosen != today and show.hours:
            notes.append(f"This visit is planned for {long_date(chosen)}, the day of the "
                         f"session {w.session}.")
    elif today in days or not days:
        chosen = today
    else:
        chosen = days[0]
        if show.hours:
            notes.append(f"The show is not on today ({long_date(today)}), so this visit is "
                         f"planned for its first day, {long_date(chosen)}.")
    hours = show.hours_on(chosen)
    return _Day(chosen, chosen == today, None if hours is None else parse_hhmm(hours.opens),
                None if hours is None else parse_hhmm(hours.closes), notes)


#: The longest stay at one stop, in minutes.
MAX_DWELL_MIN = 12 * 60.0


def _dwell_minutes(value: object, place: str = "") -> float:
    """Minutes at a stop: a number from 0 to :data:`MAX_DWELL_MIN`, else ItineraryError."""
    at = f" at {place}" if place else ""
    try:
        minutes = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise ItineraryError(f"The time to spend{at} must be a number of minutes, "
                             f"not {value!r}.") from None
    if not (math.isfinite(minutes) and 0.0 <= minutes <= MAX_DWELL_MIN):
        raise ItineraryError(f"The time to spend{at} must be 0 to {MAX_DWELL_MIN:.0f} minutes, "
                             f"not {minutes:g}.")
    return minutes


def _dwell_for(dwell_min: float | Mapping[str, float], place: Place, spec: object) -> float | None:
    if isinstance(dwell_min, Mapping):
        for key in (spec, place.id):
            if isinstance(key, str) and key in dwell_min:
                return _dwell_minutes(dwell_min[key], place.id) * 60
        return None
    return _dwell_minutes(dwell_min) * 60


def plan_visit(router: Router, resolver: Resolver, origin: str | Place | tuple[str, float, float],
               stops: Sequence[str | Place | tuple[str, float, float]],
               start_time: str | time | datetime | None = None,
               appointments: Mapping[str, str | time] | None = None,
               dwell_min: float | Mapping[str, float] = DEFAULT_DWELL_MIN,
               step_free: bool = False, *, optimise: bool = True,
               idle_weight: float = VISITOR_IDLE_WEIGHT,
               now: Callable[[], datetime] = datetime.now,
               day: str | date | None = None) -> Itinerary:
    """Plan a visit from ``origin`` to ``stops``: the order, the times, the walks.

    Stops and appointment keys are anything ``resolver.place`` resolves (booth
    codes, exhibitors, amenity and kiosk ids, ``LEVEL@X,Y``) or a session id (a timed
    appointment at its place, dwelling for its length). An appointment whose place is
    not among the stops is added to them. ``dwell_min`` is minutes per stop, or a
    mapping from stop to minutes (others take 10). With ``optimise=False`` the stops
    keep the given order (a visitor's own). Without ``start_time`` the visit starts
    ``now()``, or at the opening when it is planned for another day than ``now()``'s.
    ``day`` is the show day to plan (an ISO date); without it, the day of the visit's
    sessions, else ``now()``'s day when the show is on, else the show's first day. The
    day's opening hours (``Show.hours``) bound the visit: a start before the opening
    moves to the opening (``Itinerary.notes`` says so), and a stop after the closing is
    reported (``Itinerary.after_closing``).
    ``idle_weight`` is passed to :func:`order_stops`: by default a second spent waiting
    for a meeting costs a tenth of a second of walking, so a visitor sees the other
    stops before a 14:00 meeting instead of waiting hours at its table (0: the walk is
    strictly shortest, whatever the wait).
    The router's lock is held for the whole plan, so the walking matrix and the legs
    come from one state of the router.
    """
    with router.lock:
        return _plan(router, resolver, origin, stops, start_time, appointments, dwell_min,
                     step_free, optimise, idle_weight, now, day)


def _plan(router, resolver, origin, stops, start_time, appointments, dwell_min, step_free,
          optimise, idle_weight, now, day) -> Itinerary:
    show = resolver.show_info
    moment = now()
    if moment.tzinfo is not None:  # the show's own time, whatever zone the clock gave
        moment = moment.astimezone(show_zone(show.timezone))
    asked_s = parse_hhmm(start_time if start_time is not None else moment)
    if not isinstance(dwell_min, Mapping):
        _dwell_minutes(dwell_min)
    here = _resolve(resolver, origin).place if not isinstance(origin, Place) else origin
    wanted: dict[str, _Wanted] = {}
    for spec in stops:
        w = _resolve(resolver, spec)
        dwell = _dwell_for(dwell_min, w.place, spec)
        if w.dwell_s is None or (isinstance(dwell_min, Mapping) and dwell is not None):
            w.dwell_s = dwell
        wanted.setdefault(w.place.id, w)
    booked: dict[str, str] = {}
    for spec, when in (appointments or {}).items():
        w = _resolve(resolver, spec)
        if w.place.id in booked:
            raise ItineraryError(f"{w.place.id} has two appointments ({booked[w.place.id]} and "
                                 f"{when}); give each place one time.")
        booked[w.place.id] = str(when)
        got = wanted.setdefault(w.place.id, w)
        got.appointment_s = parse_hhmm(when)
        if got.dwell_s is None:
            got.dwell_s = _dwell_for(dwell_min, w.place, spec)
    items = list(wanted.values())
    for w in items:
        if w.dwell_s is None:
            w.dwell_s = DEFAULT_DWELL_MIN * 60
    on = _show_day(show, day, moment.date().isoformat(), items)
    start_s = asked_s
    if start_time is None and not on.today and on.opens_s is not None:
        start_s = on.opens_s  # another day: from its opening
    if on.opens_s is not None and start_s < on.opens_s:
        on.notes.append(f"The show opens at {format_hhmm(on.opens_s)} on {long_date(on.day)}, "
                        f"so the visit starts then, not at {format_hhmm(start_s)}.")
        start_s = on.opens_s
    places = [here] + [w.place for w in items]
    dwell = [float(w.dwell_s or 0.0) for w in items]
    due = [w.appointment_s for w in items]

    exact = True
    if optimise and len(items) > 1:
        seconds, _ = walking_matrix(router, places, step_free=step_free)
        cut_off = [places[j].id for j in range(1, len(places)) if not np.isfinite(seconds[0, j])
                   or not np.all(np.isfinite(seconds[1:, j]))]
        if cut_off:
            raise ItineraryError(f"No walking route reaches {', '.join(cut_off)}"
                                 f"{' step-free' if step_free else ''}.")
        order = order_stops(seconds, dwell, due, start_s, idle_weight=idle_weight)
        sequence, exact = list(order.sequence), order.exact
    else:
        sequence = list(range(len(items)))

    # route the chosen legs exactly and put times on them; a router that offers
    # route_chain(places) routes them all at once (the same routes, sharing the work with
    # the walking matrix just computed), others leg by leg
    chain = getattr(router, "route_chain", None)
    visited = [items[i] for i in sequence]
    path = [here] + [w.place for w in visited]
    if callable(chain) and sequence:
        legs = list(chain(path, step_free=step_free))
    else:
        legs = [router.route(a, b, step_free=step_free) for a, b in itertools.pairwise(path)]
    clock = step_clock(start_s, [float(leg.duration_s) for leg in legs],
                       [dwell[i] for i in sequence], [w.appointment_s for w in visited],
                       [w.until_s for w in visited])
    planned = [PlannedStop(w.place, arrive, depart, leg, w.appointment_s, late, dwell[i],
                           w.title, w.title_zh)
               for i, w, leg, arrive, depart, late in zip(
                   sequence, visited, legs, clock.arrive_s, clock.depart_s, clock.late_s,
                   strict=True)]
    if planned and planned[-1].depart_s > DAY_S + ON_TIME_S:
        raise ItineraryError(f"This visit would end at {format_hhmm(planned[-1].depart_s)} the "
                             "next day; a visit must end by midnight, so start earlier or "
                             "choose fewer stops.")
    levels = router.venue.levels
    return Itinerary(here, planned, start_s, step_free, show,
                     {k: lv.name for k, lv in levels.items()},
                     {k: lv.name_zh for k, lv in levels.items()}, exact,
                     day=on.day, opens_s=on.opens_s, closes_s=on.closes_s, notes=on.notes)


def resume_visit(router: Router, resolver: Resolver, payload: str, here: str | Place,
                 start_time: str | time | datetime | None = None, *,
                 now: Callable[[], datetime] = datetime.now,
                 day: str | date | None = None) -> Itinerary:
    """The visit a QR payload (or its machine line) carries, planned again from ``here``
    (on ``day``, as :func:`plan_visit` chooses it).

    The stops keep their order; appointments stay appointments.
    """
    plan = qr.parse(payload)
    show_id = resolver.show_info.id
    if plan.show and plan.show != show_id:
        raise ItineraryError(f"This visit is for the show {plan.show!r}, not {show_id!r}.")
    appointments = {s.place: s.appointment for s in plan.stops if s.appointment}
    return plan_visit(router, resolver, here, [s.place for s in plan.stops], start_time,
                      appointments, optimise=False, now=now, day=day)


