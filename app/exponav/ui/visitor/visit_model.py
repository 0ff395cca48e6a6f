"""VisitModel: the visit a visitor is putting together, as the window holds it.

The model is the master copy of *what the visitor asked for*: the stops (place ids that
:meth:`Navigator.place` resolves: booth codes, amenity ids, ``LEVEL@X,Y``) in their
order, an appointment time for some of them, the start time and whether the walk must
be step-free. Widgets and the map never keep their own copy; they listen:

- :attr:`stops_changed` after a stop is added, removed or moved, or an appointment set;
- :attr:`settings_changed` after the start time or step-free changed;
- :attr:`planned` with the :class:`~exponav.core.visit.itinerary.Itinerary` worked out for the
  current stops (the visit controller plans off the UI thread), or None when there is
  nothing to plan.

>>> visit = VisitModel()
>>> visit.add("S1024"), visit.add("Q0210"), visit.add("S1024")
(True, True, False)
>>> visit.set_appointment("Q0210", "14:00"); visit.appointments()
{'Q0210': '14:00'}
>>> visit.move(1, 0); visit.place_ids()
['Q0210', 'S1024']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["VisitModel", "VisitStop"]

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class VisitStop:
    place_id: str
    appointment: str | None = None  # HH:MM: the visitor must be there by then


def _check_time(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _HHMM.match(value):
        raise ValueError(f"{value!r} is not a time of day as HH:MM.")
    return value


class VisitModel(QObject):
    """Stops in order, appointments, start time, step-free; and the latest plan."""

    stops_changed = Signal()
    settings_changed = Signal()
    planned = Signal(object)  # Itinerary or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stops: list[VisitStop] = []
        self.start_time: str | None = None  # None: now
        self.step_free = False
        self.itinerary: Itinerary | None = None  # for the current stops, once planned

    # -- reading ---------------------------------------------------------------------

    @property
    def stops(self) -> list[VisitStop]:
        return list(self._stops)

    def place_ids(self) -> list[str]:
        return [s.place_id for s in self._stops]

    def appointments(self) -> dict[str, str]:
        return {s.place_id: s.appointment for s in self._stops if s.appointment}

    def index_of(self, place_id: str) -> int:
        for i, s in enumerate(self._stops):
            if s.place_id == place_id:
                return i
        return -1

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and self.index_of(place_id) >= 0

    def __len__(self) -> int:
        return len(self._stops)

    def is_empty(self) -> bool:
        return not self._stops

    def is_current(self, itinerary: Itinerary | None) -> bool:
        """Whether ``itinerary`` visits exactly the current stops in the current order."""
        if itinerary is None:
            return False
        return [s.place.id for s in itinerary.stops] == self.place_ids()

    # -- editing ---------------------------------------------------------------------

    def add(self, place_id: str, appointment: str | None = None) -> bool:
        """Append a stop; False (and nothing changes) when it is already in the visit."""
        if place_id in self:
            return False
        self._stops.append(VisitStop(place_id, _check_time(appointment)))
        self._changed()
        return True

    def remove(self, place_id: str) -> bool:
        i = self.index_of(place_id)
        if i < 0:
            return False
        del self._stops[i]
        self._changed()
        return True

    def move(self, src: int, dst: int) -> None:
        """Move the stop at ``src`` to position ``dst`` (both clamped to the list)."""
        if not self._stops:
            return
        src = max(0, min(src, len(self._stops) - 1))
        dst = max(0, min(dst, len(self._stops) - 1))
        if src == dst:
            return
        stop = self._stops.pop(src)
        self._stops.insert(dst, stop)
        self._changed()

    def set_order(self, place_ids: Iterable[str]) -> None:
        """Put the stops in this order (ids not in the visit are ignored; stops left out
        keep their relative order at the end)."""
        by_id = {s.place_id: s for s in self._stops}
        order = [by_id[p] for p in dict.fromkeys(place_ids) if p in by_id]
        order += [s for s in self._stops if s not in order]
        if order != self._stops:
            self._stops = order
            self._changed()

    def set_appointment(self, place_id: str, hhmm: str | None) -> None:
        """Make the stop a fixed-time appointment at HH:MM (None: a free stop again)."""
        i = self.index_of(place_id)
        if i < 0:
            raise KeyError(place_id)
        value = _check_time(hhmm)
        if self._stops[i].appointment != value:
            self._stops[i] = replace(self._stops[i], appointment=value)
            self._changed()

    def set_start_time(self, hhmm: str | None) -> None:
        value = _check_time(hhmm)
        if value != self.start_time:
            self.start_time = value
            self.itinerary = None
            self.settings_changed.emit()

    def set_step_free(self, on: bool) -> None:
        if bool(on) != self.step_free:
            self.step_free = bool(on)
            self.itinerary = None
            self.settings_changed.emit()

    def load(self, stops: Iterable[VisitStop], start_time: str | None = None) -> None:
        """Replace the whole visit (a scanned QR code); one :attr:`stops_changed`."""
        self._stops = []
        for s in stops:
            if s.place_id not in self:
                self._stops.append(VisitStop(s.place_id, _check_time(s.appointment)))
        self.start_time = _check_time(start_time) if start_time else self.start_time
        self._changed()

    def clear(self) -> None:
        """No stops, start now, not step-free; listeners hear both signals."""
        self._stops = []
        self.start_time = None
        self.step_free = False
        self._changed()
        self.settings_changed.emit()

    def set_itinerary(self, itinerary: Itinerary | None) -> None:
        """Record a plan (the controller calls this); only a plan of the current stops
        is kept and announced."""
        if itinerary is not None and not self.is_current(itinerary):
            return
        self.itinerary = itinerary
        self.planned.emit(itinerary)

    def _changed(self) -> None:
        self.itinerary = None
        self.stops_changed.emit()
