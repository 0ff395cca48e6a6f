"""A visit's stops on a printed map: their colours, their numbered badges and captions, the
walk's lines and the connectors it takes, level by level.

Both the sheet and the receipt mark a level's map through these, so a stop looks the same
on either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from exponav.ui.print.canvas import ACCENT, INK, LATE, MEETING, SOFT
from exponav.ui.print.map_inset import MapMark

if TYPE_CHECKING:
    from exponav.core.model import Place
    from exponav.core.visit.itinerary import PlannedStop
    from exponav.ui.print.printout import Printout

__all__ = ["level_drawing", "stop_caption", "stop_colour"]


def stop_colour(stop: PlannedStop) -> QColor:
    """Late for its meeting: red; a meeting: pink; any other stop: the accent."""
    if stop.late_s > 0:
        return LATE
    return MEETING if stop.appointment_s is not None else ACCENT


def stop_caption(printout: Printout, place: Place, width: int = 18) -> str:
    """What a stop's badge says beside it: the booth code, else the place's short name."""
    if place.kind == "booth":
        return place.id
    name = printout.place_names(place)[0]
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def _connector_marks(printout: Printout, level: str, only: PlannedStop | None = None
                     ) -> list[MapMark]:
    """Where the route changes level on ``level``: an arrow and the other level, and the
    connector's name beside it."""
    nav = printout.nav
    marks = []
    ordinal = {k: lv.ordinal for k, lv in nav.levels.items()}
    for stop in printout.it.stops:
        if stop.leg is None or (only is not None and stop is not only):
            continue
        legs = stop.leg.legs
        for a, b in zip(legs[:-1], legs[1:], strict=True):
            up = ordinal.get(b.level, 0) > ordinal.get(a.level, 0)
            via = printout.via_name(a.via) if a.via else ""
            short = b.level.split("-")[-1]
            if a.level == level and a.coords:
                x, y = a.coords[-1]
                marks.append(MapMark(x, y, ("↑" if up else "↓") + short, SOFT, True, via))
            if b.level == level and b.coords:
                x, y = b.coords[0]
                back = a.level.split("-")[-1]
                marks.append(MapMark(x, y, ("↓" if up else "↑") + back, SOFT, True, via))
    return marks


def level_drawing(printout: Printout, level: str, only: PlannedStop | None = None):
    """Route lines, badges (with captions) and highlighted booths of one level, of the
    whole visit or of one stop's leg (``only``)."""
    it = printout.it
    lines: list[list[tuple[float, float]]] = []
    marks: list[MapMark] = []
    highlight = []
    start = printout.start_caption()
    prev_place = it.origin
    for number, stop in enumerate(it.stops, 1):
        mine = only is None or stop is only
        if mine and stop.leg is not None:
            lines += [leg.coords for leg in stop.leg.legs if leg.level == level]
        if mine and prev_place.level == level:
            if prev_place is it.origin:
                marks.append(MapMark(prev_place.x, prev_place.y, "S", INK, caption=start))
            elif only is not None:
                marks.append(MapMark(prev_place.x, prev_place.y, str(number - 1),
                                     stop_colour(it.stops[number - 2])))
        if stop.place.level == level and (mine or only is None):
            marks.append(MapMark(stop.place.x, stop.place.y, str(number), stop_colour(stop),
                                 caption=stop_caption(printout, stop.place)))
            if stop.place.polygon is not None:
                highlight.append(stop.place.polygon)
        prev_place = stop.place
    if only is None and it.origin.level == level and not any(m.label == "S" for m in marks):
        marks.append(MapMark(it.origin.x, it.origin.y, "S", INK, caption=start))
    marks = _connector_marks(printout, level, only) + marks
    return lines, marks, highlight
