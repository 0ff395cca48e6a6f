"""A visit's stops as the printout shows them: times, meeting notes, colours, map badges.

Both the sheet and the receipt word a stop and mark a level's map through these, so a
stop reads and looks the same on either.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from exponav.ui.print.canvas import ACCENT, INK, LATE, MEETING, SOFT
from exponav.ui.print.map_inset import MapMark

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary, PlannedStop

__all__ = ["level_drawing", "stop_colour", "stop_note", "stop_times"]


def stop_times(stop: PlannedStop) -> str:
    """``10:32–10:42``; a meeting shows its own time, not the early arrival."""
    if stop.appointment is not None and stop.late_s <= 0:
        return f"{stop.appointment}–{stop.depart}"
    return f"{stop.arrive}–{stop.depart}"


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def stop_note(stop: PlannedStop) -> str:
    """A meeting's line: when to be there, or how late the visitor will be."""
    if stop.appointment is None:
        return ""
    if stop.late_s > 0:
        return f"meeting {stop.appointment}: {math.ceil(stop.late_s / 60 - 1e-9)} min late"
    if stop.wait_s >= 60:
        return f"meeting · arrive {stop.arrive}, {_duration(stop.wait_s)} early"
    return "meeting · 會議"


def stop_colour(stop: PlannedStop) -> QColor:
    """Late for its meeting: red; a meeting: pink; any other stop: the accent."""
    if stop.late_s > 0:
        return LATE
    return MEETING if stop.appointment_s is not None else ACCENT


def _connector_marks(itinerary: Itinerary, level: str, nav: Navigator,
                     only: PlannedStop | None = None) -> list[MapMark]:
    """Where the route changes level on ``level``: an arrow and the other level."""
    marks = []
    ordinal = {k: lv.ordinal for k, lv in nav.levels.items()}
    for stop in itinerary.stops:
        if stop.leg is None or (only is not None and stop is not only):
            continue
        legs = stop.leg.legs
        for a, b in zip(legs[:-1], legs[1:], strict=True):
            up = ordinal.get(b.level, 0) > ordinal.get(a.level, 0)
            short = b.level.split("-")[-1]
            if a.level == level and a.coords:
                x, y = a.coords[-1]
                marks.append(MapMark(x, y, ("↑" if up else "↓") + short, SOFT, True))
            if b.level == level and b.coords:
                x, y = b.coords[0]
                back = a.level.split("-")[-1]
                marks.append(MapMark(x, y, ("↓" if up else "↑") + back, SOFT, True))
    return marks


def level_drawing(it: Itinerary, level: str, nav: Navigator, only: PlannedStop | None = None):
    """Route lines, badges and highlighted booths of one level (of one stop's leg)."""
    lines: list[list[tuple[float, float]]] = []
    marks: list[MapMark] = []
    highlight = []
    prev_place = it.origin
    for number, stop in enumerate(it.stops, 1):
        mine = only is None or stop is only
        if mine and stop.leg is not None:
            lines += [leg.coords for leg in stop.leg.legs if leg.level == level]
        if mine and prev_place.level == level:
            if prev_place is it.origin:
                marks.append(MapMark(prev_place.x, prev_place.y, "S", INK))
            elif only is not None:
                marks.append(MapMark(prev_place.x, prev_place.y, str(number - 1),
                                     stop_colour(it.stops[number - 2])))
        if stop.place.level == level and (mine or only is None):
            marks.append(MapMark(stop.place.x, stop.place.y, str(number), stop_colour(stop)))
            if stop.place.polygon is not None:
                highlight.append(stop.place.polygon)
        prev_place = stop.place
    if only is None and it.origin.level == level and not any(m.label == "S" for m in marks):
        marks.append(MapMark(it.origin.x, it.origin.y, "S", INK))
    marks = _connector_marks(it, level, nav, only) + marks
    return lines, marks, highlight
