"""The Navigator: the one facade that the command line, the window and scripts use.

>>> nav = Navigator.open()
>>> nav.booth("s-1024").code
'S1024'
>>> nav.search("chunghwa")[0].name
'Chunghwa Telecom'
"""

from __future__ import annotations

import difflib
import logging
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.core.errors import DataError, ExpoNavError, NotFound
from exponav.core.following import FollowsLayout
from exponav.core.io.datafile import DataFile, ensure_data_file, read_data_file
from exponav.core.io.floorplan import MAX_COORDINATE_M
from exponav.core.model import (
    AMENITY_LABELS,
    Amenity,
    Booth,
    Connector,
    Exhibitor,
    Kiosk,
    Level,
    LevelPlan,
    Opening,
    Place,
    Session,
    Show,
    ShowData,
    Venue,
    Zone,
)
from exponav.core.model.codes import canonical_code
from exponav.core.search.searcher import Searcher, SearchHit
from exponav.core.showclock import ShowClock
from exponav.core.spatial import Nearby, SpatialIndex, parse_kind

if TYPE_CHECKING:  # routing pulls in scipy: import it when the first route is asked for
    from exponav.core.routing.route import Route
    from exponav.core.routing.router import Router
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["BoothInfo", "Navigator"]

_log = logging.getLogger(__name__)

#: What a caller may name a place by: an id or code, ``"LEVEL@X,Y"``, (level, x, y), a Place.
PlaceSpec = str | tuple[str, float, float] | Place
#: Kinds a visitor means by a word: the doors they use, and those for an evacuation.
_KIND_ALIASES = {"exit": "opening:pedestrian", "emergencyexit": "opening:emergencyexit"}
#: Origins whose walking order of the services is kept.
_WALK_CACHE = 8


@dataclass(frozen=True)
class BoothInfo:
    """A booth with what stands on it."""

    booth: Booth
    exhibitor: Exhibitor | None
    zone: Zone | None

    @property
    def code(self) -> str:
        return self.booth.code

    @property
    def level(self) -> str:
        return self.booth.level

    def to_dict(self) -> dict[str, Any]:
        c = self.booth.polygon.centroid
        return {
            "code": self.booth.code,
            "level": self.booth.level,
            "area_m2": round(self.booth.area_m2, 2),
            "centroid": [round(c.x, 2), round(c.y, 2)],
            "polygon": [[round(x, 2), round(y, 2)] for x, y in self.booth.polygon.exterior.coords],
            "zone": None if self.zone is None else
            {"id": self.zone.id, "name": self.zone.name, "name_zh": self.zone.name_zh},
            "exhibitor": None if self.exhibitor is None else
            {"id": self.exhibitor.id, "name": self.exhibitor.name,
             "name_zh": self.exhibitor.name_zh},
        }


_SHOWN = 40  # characters of what a user typed that a message repeats


def _metres(value: float, name: str) -> float:
    """A coordinate or distance in metres: a finite number within reach of the venue."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ExpoNavError(f"{name} = {value!r} is not a number of metres.") from None
    if not math.isfinite(number):
        raise ExpoNavError(f"{name} = {number} is not a finite number of metres.")
    if abs(number) > MAX_COORDINATE_M:
        raise ExpoNavError(f"{name} = {number:g} is more than {MAX_COORDINATE_M / 1000:,.0f} km "
                           "from the venue's origin; coordinates are metres.")
    return number


class Navigator(FollowsLayout):
    """Queries over one data file: search, booths, places, spatial questions."""

    def __init__(self, data: DataFile) -> None:
        self.data = data
        self.venue: Venue = data.venue
        self.show: ShowData = data.show
        self.spatial = SpatialIndex(self.venue)
        try:
            self.searcher = Searcher(data.conn)
        except ValueError:
            raise DataError(f"{data.path}: the search index of the data file is missing or "
                            "damaged; rebuild it with `exponav build-data`.") from None
        self._set_owners()
        self._booths = {b.code: b for b in self.venue.booths()}
        self._zones = {z.id: z for p in self.venue.plans.values() for z in p.zones}
        self._amenities = {a.id: a for p in self.venue.plans.values() for a in p.amenities}
        self._openings = {o.id: o for p in self.venue.plans.values() for o in p.openings}
        self._places: dict[str, Place] = {}
        for plan in self.venue.plans.values():
            self._index_places(plan)
        self._sessions = {s.id.upper(): s for s in self.show.sessions}
        self._router: Router | None = None
        self._connector_kinds = {c.id: c.kind for c in self.venue.connectors}
        in_use = {self._booths[c].level for c in self._owner if c in self._booths}
        self._show_levels = [lv for lv in self.venue.levels if lv in in_use]
        self._walk_cache: dict[tuple, dict[str, int]] = {}
        self._walk_lock = threading.Lock()

        self._unfollow: Callable[[], None] | None = None  # set while following a Layout
        self._live_search: Any = None  # the search index of a followed layout, kept current

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Navigator:
        """Open a data file read-only; with no path, the embedded show (built if needed)."""
        target = ensure_data_file() if path is None else Path(path)
        return cls(read_data_file(target))

    def close(self) -> None:
        self.data.conn.close()

    # -- places ----------------------------------------------------------------------

    def _index_places(self, plan: LevelPlan) -> None:
        lv = plan.level.id
        for a in plan.amenities:
            en, zh = AMENITY_LABELS.get(a.category, (a.category, ""))
            self._places[a.id] = Place(a.id, "amenity", lv, a.point.x, a.point.y,
                                       name=a.name or en, name_zh=a.name_zh or zh)
        for k in plan.kiosks:
            self._places[k.id] = Place(k.id, "kiosk", lv, k.point.x, k.point.y, name=k.id)
        for o in plan.openings:
            mid = o.line.interpolate(0.5, normalized=True)
            self._places[o.id] = Place(o.id, "opening", lv, mid.x, mid.y, name=o.name,
                                       name_zh=o.name_zh)
        for cid, p in plan.connector_points.items():
            self._places.setdefault(f"{cid}@{lv}", Place(f"{cid}@{lv}", "connector", lv, p.x, p.y))

    def level_plan(self, level: str) -> LevelPlan:
        try:
            return self.venue.plans[level]
        except KeyError:
            known = ", ".join(self.venue.levels)
            raise NotFound(f"There is no level {level!r}; the levels are {known}.") from None

    def place(self, spec: str | tuple[str, float, float]) -> Place:
        """Resolve what a user named: a booth code, an amenity, kiosk or opening id,
        ``"H2-1F@10,20"`` or ``(level, x, y)``."""
        if isinstance(spec, tuple):
            level, x, y = spec
            self.level_plan(level)
            x, y = _metres(x, "x"), _metres(y, "y")
            return Place(f"{level}@{x:g},{y:g}", "point", level, float(x), float(y))
        text = spec.strip()
        if not text:
            raise NotFound("Name a place: a booth code, an amenity, kiosk or opening id, or "
                           "LEVEL@X,Y.")
        if "@" in text and "," in text:
            level, _, xy = text.partition("@")
            try:
                x, y = (float(v) for v in xy.split(","))
            except ValueError:
                raise NotFound(f"{text[:_SHOWN]!r} is not a place; write a point as LEVEL@X,Y.") \
                    from None
            return self.place((level.strip(), x, y))
        if text in self._places:
            return self._places[text]
        upper = text.upper()
        for pid, p in self._places.items():
            if pid.upper() == upper:
                return p
        code = canonical_code(text)
        if code is not None and code in self._booths:
            b = self._booths[code]
            ex = self._owner.get(code)
            c = b.polygon.representative_point()
            return Place(code, "booth", b.level, c.x, c.y, polygon=b.polygon,
                         name=ex.name if ex else code, name_zh=ex.name_zh if ex else "")
        for ex in self.show.exhibitors.values():
            if text in (ex.id, ex.name, ex.name_zh) and ex.booths:
                return self.place(ex.booths[0])
        raise self._unknown(text, list(self._places) + list(self._booths), "place")

    def _unknown(self, text: str, known: list[str], what: str) -> NotFound:
        if len(text) > _SHOWN:  # a name is short: say what was typed, not all of it
            return NotFound(f"There is no {what} {text[:_SHOWN]!r}… ({len(text)} characters).")
        key = canonical_code(text) or text.upper()
        close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
        if not close and key[:1]:
            close = sorted(k for k in known if k.startswith(key[:3]))[:3]
        hint = f"; did you mean {', '.join(close)}?" if close else "."
        return NotFound(f"There is no {what} {text!r}{hint}", close)

    # -- the facade -----------------------------------------------------------------

    def search(self, text: str, *, level: str | None = None, category: str | None = None,
               limit: int = 20, origin: PlaceSpec | None = None,
               step_free: bool = False) -> list[SearchHit]:
        """Hits for what a visitor types: exhibitors, booths, amenities and connector ends,
        best first.

        Amenities, doors and connector ends that match alike come in the order a visitor
        reaches them: those on the levels in use (the show's, and the origin's) first, and
        from ``origin`` (a kiosk, booth, amenity or any place) the quickest on foot first
        (``step_free``: by elevators and ramps), an accessible toilet among the toilets.
        Unknown origin -> NotFound; one off every aisle -> Unreachable.
        """
        return self.searcher.search(text, level=level, category=category, limit=limit,
                                    service_key=self._service_key(origin, step_free),
                                    merge_related=origin is not None)

    def booth(self, code: str) -> BoothInfo:
        """The booth with this code in any spelling (``s-1024``); unknown -> NotFound."""
        canonical = canonical_code(code)
        booth = self._booths.get(canonical or "")
        if booth is None:
            raise self._unknown(code, list(self._booths), "booth")
        return self._info(booth)

    def levels_of(self, codes: Iterable[str]) -> list[str]:
        """The levels these booths stand on, in the order first met; unknown codes skipped."""
        levels: list[str] = []
        for code in codes:
            booth = self._booths.get(canonical_code(code) or "")
            if booth is not None and booth.level not in levels:
                levels.append(booth.level)
        return levels

    def _info(self, booth: Booth) -> BoothInfo:
        return BoothInfo(booth, self._owner.get(booth.code), self._zones.get(booth.zone or ""))

    def booth_at(self, level: str, x: float, y: float) -> BoothInfo | None:
        """Hit test: the booth under (x, y) on ``level``, or None in an aisle."""
        self.level_plan(level)
        x, y = _metres(x, "x"), _metres(y, "y")
        booth = self.spatial[level].booth_at(x, y)
        return None if booth is None else self._info(booth)

    def nearest(self, level: str | None = None, x: float | None = None,
                y: float | None = None, kind: str = "amenity", limit: int = 5, *,
                origin: PlaceSpec | None = None, by: str = "straight",
                step_free: bool = False) -> list[Nearby]:
        """The nearest things of ``kind`` to (level, x, y) or to ``origin`` (a kiosk, booth,
        amenity or any place).

        ``by="straight"``: by straight-line distance on that level (see spatial.py);
        ``by="walking"``: the quickest reached on foot, on the levels in use (see
        :meth:`nearest_by_walking`). ``kind`` as in spatial.py, or ``exit`` for the doors
        visitors use (emergency exits: ``opening:emergencyexit``).
        """
        if by not in ("straight", "walking"):
            raise NotFound(f"Unknown way to measure {by!r}; use straight or walking.")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ExpoNavError(f"The limit must be a whole number of at least 1, not {limit!r}.")
        if origin is None:
            if level is None or (x is None and y is None):
                raise NotFound("Say where from: a place, or a level with x and y.")
            self.level_plan(level)
            origin = (level, _metres(x, "x"), _metres(y, "y"))
        start = self._as_place(origin)
        kind = self._check_kind(kind)
        if by == "walking":
            return self.nearest_by_walking(start, kind, limit=limit, step_free=step_free)
        return self.spatial[start.level].nearest(start.x, start.y, kind, limit)

    def within(self, level: str, x: float, y: float, radius: float,
               kind: str = "booth") -> list[Nearby]:
        self.level_plan(level)
        x, y, radius = _metres(x, "x"), _metres(y, "y"), _metres(radius, "radius")
        kind = self._check_kind(kind)
        return self.spatial[level].within(x, y, radius, kind)

    def neighbours(self, code: str, distance: float = 0.5) -> list[BoothInfo]:
        info = self.booth(code)
        return [self._info(b) for b in self.spatial[info.level].neighbours(info.code, distance)]

    # -- routes ----------------------------------------------------------------------

    @property
    def router(self) -> Router:
        """The walking-route graphs, built on first use (about half a second). The router
        holds its own lock: one route computation at a time, from any thread."""
        if self._router is None:
            from exponav.core.routing.router import Router

            router = Router(self.venue, lazy=True)
            if self._router is None:  # two threads may race here; one router wins
                self._router = router
        return self._router

    def _as_place(self, spec: str | tuple[str, float, float] | Place) -> Place:
        return spec if isinstance(spec, Place) else self.place(spec)

    def route(self, origin: str | tuple[str, float, float] | Place,
              destination: str | tuple[str, float, float] | Place, *,
              step_free: bool = False, lang: str = "en") -> Route:
        """The shortest walking route, with its steps in ``lang`` (en, zh-Hant, id);
        ``Unreachable`` when there is none."""
        route = self.router.route(self._as_place(origin), self._as_place(destination),
                                  step_free=step_free)
        route.steps = self.directions(route, lang)
        return route

    def directions(self, route: Route, lang: str = "en") -> list[str]:
        """A route's steps in ``lang``, naming what a visitor can see (the stands by their
        exhibitors; what they name is kept on the route, ``route.landmarks``). Words are a
        courtesy: a route whose steps cannot be worded is still a route, so a failure here
        is logged and gives no steps."""
        from exponav.core.directions import directions, landmarks

        try:
            if route.landmarks is None:
                if getattr(self, "_labels_for", None) is not self._owner:  # made once per show
                    self._labels = {code: (ex.name, ex.name_zh) for code, ex in self._owner.items()}
                    self._labels_for = self._owner
                route.landmarks = landmarks(route, self.venue, self._labels)
            return directions(route, self.venue, lang)
        except Exception:
            _log.exception("could not word the route %s -> %s", route.origin.id,
                           route.destination.id)
            return []

    def nearest_by_walking(self, origin: str | tuple[str, float, float] | Place,
                           kind: str = "amenity:toilet", *, limit: int = 3,
                           step_free: bool = False) -> list[Nearby]:
        """The things of ``kind`` reached first on foot from ``origin``, on the levels in
        use (the show's and the origin's); ``kind`` as for :meth:`nearest`."""
        base, category = parse_kind(self._check_kind(kind))
        start = self._as_place(origin)
        levels = self._levels_in_use(start)
        candidates = [p for p in self._places.values() if p.kind == base and (
            p.level in levels) and (
            not category or self._kind_category(p) == category
            or self._kind_category(p).startswith(category + "."))]
        found = self.router.nearest_by_walking(start, candidates, step_free=step_free,
                                               limit=limit)
        return [Nearby(p.kind, p.id, p.level, metres, self._kind_category(p))
                for p, metres in found]

    def by_walking(self, origin: PlaceSpec, place_ids: Sequence[str], *, limit: int = 3,
                   step_free: bool = False) -> list[Nearby]:
        """These places in the order they are reached on foot from ``origin`` (the first
        ``limit`` of them; any level), each with its walking distance."""
        start = self._as_place(origin)
        candidates = [self.place(pid) for pid in dict.fromkeys(place_ids)]
        found = self.router.nearest_by_walking(start, candidates, step_free=step_free,
                                               limit=limit)
        return [Nearby(p.kind, p.id, p.level, metres, self._kind_category(p))
                for p, metres in found]

    def itinerary(self, origin: str | tuple[str, float, float] | Place,
                  stops: list[str | tuple[str, float, float] | Place],
                  start_time: str | None = None, appointments: dict[str, str] | None = None,
                  *, dwell_min: float | Mapping[str, float] = 10.0, step_free: bool = False,
                  optimise: bool = True, now: Callable[[], datetime] | None = None,
                  day: str | date | None = None) -> Itinerary:
        """A visit of several stops in the order that walks least while keeping every
        appointment, inside the opening hours of ``day`` (an ISO show day; by default
        the show clock's day, or the show's first day when it is not on); see
        :func:`exponav.core.visit.plan.plan_visit`. Without ``start_time`` the visit
        starts at :attr:`clock`'s time (``now``, if given, stands in for the clock)."""
        from exponav.core.visit.plan import plan_visit

        return plan_visit(self.router, self, origin, stops, start_time, appointments,
                          dwell_min=dwell_min, step_free=step_free, optimise=optimise,
                          now=now or self.clock.now, day=day)

    def resume_visit(self, payload: str, here: str | tuple[str, float, float] | Place,
                     start_time: str | None = None, *,
                     now: Callable[[], datetime] | None = None,
                     day: str | date | None = None) -> Itinerary:
        """The visit a QR payload (or its machine line) carries, planned again from here
        (by :attr:`clock`, on ``day`` as :meth:`itinerary` chooses it)."""
        from exponav.core.visit.plan import resume_visit

        return resume_visit(self.router, self, payload, here, start_time,
                            now=now or self.clock.now, day=day)

    def _category(self, place: Place) -> str:
        amenity = self.amenity(place.id) if place.kind == "amenity" else None
        return amenity.category if amenity else ""

    # -- show data -------------------------------------------------------------------

    @property
    def show_info(self) -> Show:
        """The show's own record: id, names, dates, time zone."""
        return self.show.show

    def session(self, session_id: str) -> Session | None:
        """The session with this id (any case), or None."""
        return self._sessions.get(session_id.strip().upper())

    @property
    def levels(self) -> dict[str, Level]:
        """Every level, in the venue's order."""
        return self.venue.levels

    def level_plans(self) -> list[LevelPlan]:
        """Every level's plan, in the venue's order."""
        return list(self.venue.plans.values())

    def level_name(self, level: str, lang: str = "en") -> str:
        """A level's name in ``lang`` (a tag of core.languages), its id if unknown."""
        lv = self.venue.levels.get(level)
        if lv is None:
            return level
        return lv.name_zh if lang.startswith("zh") and lv.name_zh else lv.name

    def kiosks(self) -> list[Kiosk]:
        """Every kiosk of the venue, level by level."""
        return [k for p in self.venue.plans.values() for k in p.kiosks]

    def kiosk(self, kiosk_id: str) -> Kiosk:
        """The kiosk with this id; unknown -> NotFound naming the kiosks there are."""
        for k in self.kiosks():
            if k.id == kiosk_id:
                return k
        raise self._unknown(kiosk_id, [k.id for k in self.kiosks()], "kiosk")

    def opening(self, opening_id: str) -> Opening | None:
        return self._openings.get(opening_id)

    def place_category(self, place: Place) -> str:
        """An amenity's category (``toilet.accessible``), an opening's service (``exit`` or
        ``entrance``), a connector end's kind (``escalator``), else ''."""
        if place.kind == "opening":
            o = self._openings.get(place.id)
            return o.service if o else ""
        if place.kind == "connector":
            return self._kind_category(place)
        return self._category(place)

    def exhibitor(self, exhibitor_id: str) -> Exhibitor:
        try:
            return self.show.exhibitors[exhibitor_id]
        except KeyError:
            raise NotFound(f"There is no exhibitor {exhibitor_id!r}.") from None

    def exhibitor_at(self, code: str) -> Exhibitor | None:
        return self._owner.get(code)

    def amenity(self, amenity_id: str) -> Amenity | None:
        return self._amenities.get(amenity_id)

    def sessions_at(self, places: set[str] | str, day: str | None = None) -> list[Session]:
        """Sessions held at these places (booth codes or amenity ids), on ``day`` if given
        (an ISO date such as 2025-03-18)."""
        wanted = {places} if isinstance(places, str) else places
        return [s for s in self.show.sessions
                if s.place in wanted and (day is None or s.start.startswith(day))]

    def stats(self) -> dict[str, int]:
        """Counts for ``exponav stats``."""
        booths = self.venue.booths()
        plans = self.venue.plans.values()
        return {
            "levels": len(self.venue.levels),
            "booths": len(booths),
            "standard_units": sum(b.standard_units for b in booths),
            "booths_assigned": sum(1 for b in booths if b.code in self._owner),
            "exhibitors": len(self.show.exhibitors),
            "exhibitors_demo": sum(1 for e in self.show.exhibitors.values() if e.demo),
            "categories": len(self.show.categories),
            "sessions": len(self.show.sessions),
            "matchmaking_meetings": sum(1 for s in self.show.sessions if s.kind == "matchmaking"),
            "amenities": sum(len(p.amenities) for p in plans),
            "kiosks": sum(len(p.kiosks) for p in plans),
            "connectors": len(self.venue.connectors),
            "openings": sum(len(p.openings) for p in plans),
        }

    # -- for the window ------------------------------------------------------------------

    def connector(self, connector_id: str) -> Connector | None:
        """The connector (escalator, elevator, stairs ...) with this id, or None."""
        return next((c for c in self.venue.connectors if c.id == connector_id), None)

    def prepare_routes(self) -> None:
        """Build the router now, so that the first route does not wait for it (a window
        calls this on its planner thread once it is up)."""
        self.router  # noqa: B018 - the property builds it

    # -- the levels in use, and services in walking order -----------------------------

    @property
    def show_levels(self) -> list[str]:
        """The levels the show uses (those with an exhibitor's booth), in the venue's order."""
        return list(self._show_levels)

    def _levels_in_use(self, start: Place | None) -> set[str]:
        levels = set(self._show_levels) or set(self.venue.levels)
        if start is not None:
            levels.add(start.level)
        return levels

    def _check_kind(self, kind: str) -> str:
        """A kind ``nearest`` and ``within`` know, as spatial.py spells it: ``exit`` stands
        for the doors visitors use; a known base and, after a colon, a category of the
        shared vocabulary or of this venue (or a parent of one)."""
        kind = _KIND_ALIASES.get(kind.strip().lower(), kind)
        base, category = parse_kind(kind)
        if base not in {"booth", "amenity", "kiosk", "opening", "connector"}:
            raise NotFound(f"Unknown kind {kind!r}; use booth, amenity[:category], kiosk, "
                           "opening[:pedestrian|emergencyexit], connector[:kind] or exit.")
        if not category:
            return kind
        if base == "booth":
            raise NotFound(f"Booths take no category ({kind!r}); write booth.")
        known = self.spatial.categories(base)
        if base == "amenity":  # the shared words, less those only doors carry
            known |= {c for name in AMENITY_LABELS if name not in ("pedestrian", "emergencyexit")
                      for c in (".".join(name.split(".")[:i])
                                for i in range(1, name.count(".") + 2))}
        if category not in known:
            listed = ", ".join(sorted(known)) if known else "none"
            raise NotFound(f"There is no {base} category {category!r}; the {base} categories "
                           f"are {listed}.")
        return kind

    def _kind_category(self, place: Place) -> str:
        """What ``kind:category`` is matched against: an amenity's category, a door's
        (pedestrian, emergencyexit), a connector's kind (escalator, elevator ...)."""
        if place.kind == "opening":
            o = self._openings.get(place.id)
            return o.category if o else ""
        if place.kind == "connector":
            return self._connector_kinds.get(place.id.partition("@")[0], "")
        return self._category(place)

    def _service_key(self, origin: PlaceSpec | None,
                     step_free: bool) -> Callable[[str, str | None], tuple[bool, float]]:
        """How search orders amenities, doors and connector ends that match alike: on the
        levels in use first, then (with an origin) by the order they are reached on foot."""
        start = None if origin is None else self._as_place(origin)
        levels = self._levels_in_use(start)
        walk = {} if start is None else self._walking_order(start, step_free)
        far = float(len(self._places))

        def key(place_id: str, level: str | None) -> tuple[bool, float]:
            return level not in levels, walk.get(place_id, far)

        return key

    def forget_walking_orders(self) -> None:
        """Drop the kept walking orders (after a level's plan changed, or to time them)."""
        with self._walk_lock:
            self._walk_cache.clear()

    def _walking_order(self, start: Place, step_free: bool) -> dict[str, int]:
        """Every amenity, door and connector end on the levels in use -> its place in the
        order they are reached on foot from ``start``; kept for the last few origins, as
        a visitor types many queries from one place."""
        key = (start.id, start.level, round(start.x, 2), round(start.y, 2), step_free)
        with self._walk_lock:
            got = self._walk_cache.get(key)
        if got is None:
            levels = self._levels_in_use(start)
            services = [p for p in self._places.values()
                        if p.kind in ("amenity", "opening", "connector") and p.level in levels]
            found = self.router.nearest_by_walking(start, services, step_free=step_free,
                                                   limit=len(services))
            got = {p.id: i for i, (p, _) in enumerate(found)}
            with self._walk_lock:
                while len(self._walk_cache) >= _WALK_CACHE:
                    self._walk_cache.pop(next(iter(self._walk_cache)))
                self._walk_cache[key] = got
        return got

    # -- the show clock --------------------------------------------------------------

    _clock: ShowClock | None = None

    @property
    def clock(self) -> ShowClock:
        """The one show clock (:mod:`exponav.core.showclock`) that visits, cards and
        printouts read: the real time in the show's zone unless :meth:`set_clock` set
        another (a kiosk's ``now``)."""
        if self._clock is None:
            self._clock = ShowClock.real(self.show.show.timezone)
        return self._clock

    def set_clock(self, clock: ShowClock | datetime | str | None) -> ShowClock:
        """Set the show clock: a :class:`ShowClock`; a moment (``datetime`` or
        ``"2025-03-18T10:00"``, read in the show's zone) for a clock stopped there; ``""``
        or None for the real clock. Returns the clock now in use."""
        zone = self.show.show.timezone
        if clock is None or isinstance(clock, str):
            clock = ShowClock.from_setting(clock or "", zone)
        elif isinstance(clock, datetime):
            clock = ShowClock.fixed_at(clock, zone)
        self._clock = clock
        return clock

    # -- for the kiosk: what the show uses, the directory and the programme -------------

    def levels_in_use(self) -> list[str]:
        """The levels where the show has an exhibitor's booth or a session, in the
        venue's order (a venue's other halls are not part of this show)."""
        used = {self._booths[c].level for c in self._owner if c in self._booths}
        for s in self.show.sessions:
            place = self._places.get(s.place)
            if place is not None:
                used.add(place.level)
            elif s.place in self._booths:
                used.add(self._booths[s.place].level)
        return [lv for lv in self.venue.levels if lv in used]

    def directory(self) -> list[tuple[Exhibitor, tuple[str, ...], tuple[Zone, ...]]]:
        """Every exhibitor that has a booth, with the levels of its booths and the
        pavilions (zones of category ``pavilion``) they stand in, in the show's order."""
        out = []
        for ex in self.show.exhibitors.values():
            booths = [self._booths[c] for c in ex.booths if c in self._booths]
            if not booths:
                continue
            levels = tuple(lv for lv in self.venue.levels if any(b.level == lv for b in booths))
            zones = {b.zone: self._zones[b.zone] for b in booths if b.zone in self._zones}
            pavilions = tuple(z for z in zones.values() if z.category == "pavilion")
            out.append((ex, levels, pavilions))
        return out

    def public_sessions(self, day: str | None = None) -> list[Session]:
        """The programme: every session but the private matchmaking meetings, on ``day``
        (an ISO date) if given, by start time, then title."""
        found = [s for s in self.show.sessions if s.kind != "matchmaking"
                 and (day is None or s.start.startswith(day))]
        return sorted(found, key=lambda s: (s.start, s.title))
