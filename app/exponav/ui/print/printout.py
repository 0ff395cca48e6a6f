"""What a printed layout starts from: the visit, the Navigator, the visitor's language, where
and when it was printed, the heading its maps face; and the words both layouts share.

A printout speaks the visitor's language (en, zh-Hant, id) whatever the window's language
is at the time: it loads that language's translations itself (:mod:`.words`). A name is
printed in that language with the Chinese name beside it (the English one beside it for
a Chinese reader), never as a raw id where the data has a name.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate

from exponav.core.languages import is_chinese
from exponav.ui.common.show_dates import show_dates
from exponav.ui.common.walk_text import rounded_metres
from exponav.ui.print.qr_image import qr_modules
from exponav.ui.print.words import Words

if TYPE_CHECKING:
    from exponav.core.model import Place
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary, PlannedStop

__all__ = ["Printout", "printed_from_label", "visit_day"]

#: English names of the kinds of place a map's legend and a stop may name (AmenityNames).
KIND_NAMES = {
    "toilet": "Toilets", "toilet.accessible": "Accessible toilet", "information": "Information",
    "food": "Food and drink", "firstaid": "First aid", "nursing": "Nursing room",
    "prayer": "Prayer room", "charging": "Charging", "meeting": "Meeting table",
    "stage": "Stage", "entrance": "Entrance", "pedestrian": "Entrance",
    "exit": "Emergency exit", "emergencyexit": "Emergency exit", "escalator": "Escalator",
    "elevator": "Elevator", "stairs": "Stairs",
}


def printed_from_label(kiosk: str | None = None) -> str:
    """What the footer names as the printing place: ``"kiosk K-H2-1F-1"``, or nothing
    (a laptop's host name is nobody's business on a visitor's sheet)."""
    return f"kiosk {kiosk}" if kiosk else ""


def visit_day(start: str, end: str, when: datetime | date) -> date | None:
    """The show day a visit printed ``when`` is for: that day while the show runs, else
    None (a visit planned ahead of the show is for a day the sheet cannot know).

    >>> visit_day("2025-03-18", "2025-03-21", date(2025, 3, 19))
    datetime.date(2025, 3, 19)
    >>> visit_day("2025-03-18", "2025-03-21", date(2025, 3, 1)) is None
    True
    """
    day = when.date() if isinstance(when, datetime) else when
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return None
    return day if first <= day <= last else None


class Printout:
    """The visit to print, its QR code and its words; a layout (sheet or receipt) draws it."""

    def __init__(self, itinerary: Itinerary, nav: Navigator, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0, lang: str = "en") -> None:
        self.it = itinerary
        self.nav = nav
        self.heading = heading_deg
        self.printed_from = printed_from
        self.printed_at = printed_at
        self.words = Words(lang)
        self.lang = self.words.lang
        self.payload = itinerary.qr_payload
        self.modules = qr_modules(self.payload)

    # -- words ---------------------------------------------------------------------------

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        """``text`` in the printout's language, looked up in the context of the class that
        says it (the layout's own class, then its bases), as pyside6-lupdate files it."""
        for cls in type(self).__mro__[:-1]:
            found = self.words.find(cls.__name__, text, disambiguation, n)
            if found is not None:
                return found
        return self.words.plain(text, n)

    def translate(self, context: str, text: str, n: int = -1) -> str:
        """``text`` of another context (the window's words for the same thing)."""
        return self.words.translate(context, text, n)

    def metres(self, distance: float) -> str:
        """``'145 m'``, rounded as the screen rounds it."""
        return self.translate("WalkText", "%1 m").replace("%1", str(rounded_metres(distance)))

    def minutes(self, seconds: float) -> str:
        """``'3 min'``, ``'under 1 min'``: whole minutes rounded up, as on the screen."""
        s = max(0.0, float(seconds))
        if s < 60:
            return self.translate("WalkText", "under 1 min")
        return self.translate("WalkText", "%1 min").replace("%1", str(math.ceil(s / 60 - 1e-9)))

    def stops_text(self, n: int) -> str:
        return self.tr("%n stop(s)", "", n)

    def names(self, en: str, zh: str) -> tuple[str, str]:
        """A name in the printout's language and the one to print beside it (Chinese for
        an English or Indonesian reader, English for a Chinese one), or ''."""
        if is_chinese(self.lang):
            first = zh or en
            return first, en if en and en != first else ""
        first = en or zh
        return first, zh if zh and zh != first else ""

    def kind_name(self, category: str) -> str:
        """The name of a kind of place (``toilet`` -> "Toilets") in the printout's language."""
        source = KIND_NAMES.get(category) or KIND_NAMES.get(category.split(".", 1)[0], "")
        return self.translate("AmenityNames", source) if source else category

    def place_names(self, place: Place) -> tuple[str, str]:
        """What a visitor calls a place, and the name beside it: an exhibitor's or a
        service's name; a kiosk, a point or a connector by what it is."""
        if place.kind == "kiosk":
            return self.tr("Information kiosk"), ""
        if place.kind == "point":
            return self.tr("A point on the map"), ""
        if place.kind == "connector":
            connector = self.nav.connector(place.id.split("@", 1)[0])
            if connector is not None:
                return self.names(connector.name, connector.name_zh)
        if place.name and place.name != place.id:
            return self.names(place.name, place.name_zh)
        return self.kind_name(self.nav.place_category(place)), ""

    def level_name(self, level: str) -> str:
        return self.nav.level_name(level, self.lang)

    def via_name(self, connector_id: str) -> str:
        """A connector by its name ("Escalator A"), not its id."""
        connector = self.nav.connector(connector_id)
        if connector is None:
            return connector_id
        return self.names(connector.name, connector.name_zh)[0] or self.kind_name(connector.kind)

    def directions(self, stop: PlannedStop) -> str:
        """The walk to a stop, in words, as one paragraph."""
        if stop.leg is None:
            return ""
        return " ".join(self.nav.directions(stop.leg, self.lang))

    # -- the show and the day ------------------------------------------------------------

    def show_names(self) -> tuple[str, str]:
        show = self.it.show
        return ("", "") if show is None else self.names(show.name, show.name_zh)

    def venue_names(self) -> tuple[str, str]:
        venue = self.nav.venue
        return self.names(venue.name, venue.name_zh)

    def day_line(self) -> str:
        """"Tuesday 18 March 2025 · day 1 of 4" while the show runs; else the show's dates."""
        show = self.it.show
        if show is None:
            return ""
        day = visit_day(show.start_date, show.end_date, self.printed_at)
        if day is None:
            return show_dates(show.start_date, show.end_date, self.lang)
        first = date.fromisoformat(show.start_date)
        days = (date.fromisoformat(show.end_date) - first).days + 1
        formats = {"zh-Hant": "yyyy年M月d日 dddd", "id": "dddd, d MMMM yyyy"}
        text = self.words.locale.toString(QDate(day.year, day.month, day.day),
                                          formats.get(self.lang, "dddd d MMMM yyyy"))
        if days == 1:
            return text
        return self.tr("%1 · day %2 of %3").replace("%1", text).replace(
            "%2", str((day - first).days + 1)).replace("%3", str(days))

    # -- a stop ----------------------------------------------------------------------------

    @staticmethod
    def stop_times(stop: PlannedStop) -> str:
        """``10:32–10:42``; a meeting shows its own time, not the early arrival."""
        if stop.appointment is not None and stop.late_s <= 0:
            return f"{stop.appointment}–{stop.depart}"
        return f"{stop.arrive}–{stop.depart}"

    def _duration(self, seconds: float) -> str:
        minutes = round(seconds / 60)
        if minutes >= 60:
            return self.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace(
                "%2", f"{minutes % 60:02d}")
        return self.translate("WalkText", "%1 min").replace("%1", str(minutes))

    def stop_note(self, stop: PlannedStop) -> str:
        """A meeting's line: when to be there, or how late the visitor will be."""
        if stop.appointment is None:
            return ""
        if stop.late_s > 0:
            late = str(math.ceil(stop.late_s / 60 - 1e-9))
            return self.tr("Meeting at %1: %2 min late").replace("%1", stop.appointment) \
                .replace("%2", late)
        if stop.wait_s >= 60:
            return self.tr("Meeting · arrive %1, %2 early").replace("%1", stop.arrive) \
                .replace("%2", self._duration(stop.wait_s))
        return self.tr("Meeting")

    def missed_sentence(self, stop: PlannedStop) -> str:
        name = self.names(stop.name, stop.name_zh)[0]
        return self.translate(
            "VisitController", "The %1 appointment at %2 cannot be kept: you would arrive at "
            "%3, %4 late.").replace("%1", stop.appointment or "").replace("%2", name) \
            .replace("%3", stop.arrive).replace("%4", self.minutes(stop.late_s))

    # -- the start, the code, the footer ----------------------------------------------------

    def start_line(self) -> str:
        """"Start 10:30 at the information kiosk, Hall 2 1F"."""
        origin = self.it.origin
        name = self.place_names(origin)[0]
        if origin.kind == "booth":
            name = f"{name} ({origin.id})" if name != origin.id else origin.id
        return self.tr("Start %1 at %2, %3").replace("%1", self.it.start).replace(
            "%2", name).replace("%3", self.level_name(origin.level))

    def summary_line(self) -> str:
        """"3 stops · walk 280 m (6 min) · done about 11:05"."""
        from exponav.core.visit.clock import format_hhmm

        it = self.it
        return self.tr("%1 · walk %2 (%3) · done about %4").replace(
            "%1", self.stops_text(len(it.stops))).replace("%2", self.metres(it.length_m)) \
            .replace("%3", self.minutes(it.duration_s)).replace("%4", format_hhmm(it.end_s))

    def total_line(self) -> str:
        """"Total walk 280 m · 6 min"."""
        return self.tr("Total walk %1 · %2").replace("%1", self.metres(self.it.length_m)) \
            .replace("%2", self.minutes(self.it.duration_s))

    def via_text(self, stop: PlannedStop) -> str:
        """"via Escalator A", or '' for a walk on one level."""
        vias = [self.via_name(leg.via) for leg in stop.leg.legs if leg.via] if stop.leg else []
        return self.tr("via %1").replace("%1", ", ".join(vias)) if vias else ""

    def title(self) -> str:
        return self.tr("Your visit")

    def step_free_line(self) -> str:
        return self.tr("Step-free route: lifts and ramps only")

    def start_caption(self) -> str:
        """What the start's badge says beside it on a map."""
        return self.tr("Start")

    def scan_caption(self) -> str:
        return self.tr("Scan with a phone camera: your stops and times, no network needed.")

    @property
    def printed_line(self) -> str:
        """``"Printed at kiosk K-H2-1F-1 · 2025-03-18 10:31"`` (``"Printed 2025-03-18 10:31"``
        with no kiosk)."""
        when = f"{self.printed_at:%Y-%m-%d %H:%M}"
        where = self.printed_from
        if where.startswith("kiosk "):
            return self.tr("Printed at kiosk %1 · %2").replace("%1", where[6:]).replace("%2", when)
        if where:
            return self.tr("Printed from %1 · %2").replace("%1", where).replace("%2", when)
        return self.tr("Printed %1").replace("%1", when)
