"""The QR payload of a visit: a short text a phone shows with no network, and a machine line.

A phone camera shows the text as it is, so the visitor reads the plan with no app and no
network. The text is kept short so that the code stays small (version 10 at most, with
modules large enough to read from a photo): the show, the visit's times and walk, one
line per stop (its time, its code and its name), and the machine line, which a kiosk with
a keyboard-wedge scanner, or the search field, reads back to resume the visit::

    Smart City Summit & Expo 2025
    10:30–11:05 · 280 m · 6 min
    1. 10:32 S1024 Chunghwa Telecom 中華電信
    2. 14:00 MM-B12 Matchmaking table B12
    EXPONAV1|scse2025|K-H2-1F-1|S1024,MM-B12@14:00

The text is in no language of its own: times, metres, minutes, codes and the names the
show gives. A long visit leaves names out, then the stop lines (the machine line still
lists every stop in order).

The machine line is ``EXPONAV1|<show>|<origin>|<stop>,<stop>,…``; a stop with an
appointment is written ``<stop>@HH:MM``. In ids, ``%``, ``|``, ``,``, ``@`` and line
breaks are written ``%XX`` (so a point ``H2-1F@10,20`` reads ``H2-1F%4010%2C20``).

A show may set a URL template (``Show.url_template``) instead of the text: the payload
is then the URL and the machine line. The template may use ``{show}``, ``{origin}``,
``{stops}`` and ``{line}`` (the whole machine line), each URL-encoded.

Codes printed before this text was shortened carry a longer one ("Start …", one line per
stop with its level, "Walk … m · … min"); :func:`parse` reads both.

>>> plan = QrPlan(show="scse2025", origin="K-H2-1F-1", start="10:30", end="10:52",
...               stops=(QrStop("S1024", "中華電信", time="10:42"),))
>>> parse(build(plan)) == plan
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import quote

from exponav.core.errors import ExpoNavError

__all__ = [
    "MACHINE_PREFIX",
    "QR_CAPACITY_BYTES",
    "QR_COMFORT_BYTES",
    "QrPlan",
    "QrStop",
    "build",
    "escape_id",
    "machine_line",
    "parse",
    "parse_machine_line",
    "plan_text_safe",
    "unescape_id",
]

MACHINE_PREFIX = "EXPONAV1"
#: Bytes a version-40 QR code holds at error correction M (byte mode).
QR_CAPACITY_BYTES = 2331
#: Bytes of a version-10 code at M (57 modules): read from a photo of the A4 sheet or the
#: receipt at 72 dpi, blurred and skewed. A visit's text is cut to fit it where it can.
QR_COMFORT_BYTES = 213

_SPECIAL = set("%|,@\r\n")
_ESCAPED = re.compile(r"%([0-9A-Fa-f]{2})")
_TIME = r"\d{2}:\d{2}"


class PayloadError(ExpoNavError):
    """Text that is not an ExpoNav visit."""


@dataclass(frozen=True)
class QrStop:
    """One stop as the QR code carries it."""

    place: str  # the place id: booth code, amenity, kiosk or LEVEL@X,Y
    name: str = ""  # what the visitor reads (exhibitor, amenity name)
    level: str = ""  # the level's name, e.g. "Hall 2 4F" (only codes printed before 2025-03)
    time: str = ""  # HH:MM: when the visitor is due there (a meeting's own time)
    appointment: str | None = None  # HH:MM when the stop is a fixed-time meeting


@dataclass(frozen=True)
class QrPlan:
    """What a QR code carries: enough to read the visit and to plan it again."""

    show: str  # show id
    origin: str  # place id of the start
    stops: tuple[QrStop, ...] = ()
    title: str = ""  # the show's name
    origin_name: str = ""  # only in codes printed before the text was shortened
    origin_level: str = ""  # likewise
    start: str = ""  # HH:MM
    length_m: int = 0  # total walk
    walk_min: int = 0
    end: str = ""  # HH:MM, when the last stop is done


# -- ids -------------------------------------------------------------------------------------

def escape_id(text: str) -> str:
    """Write ``%``, ``|``, ``,``, ``@``, line breaks and control characters as ``%XX``.

    >>> escape_id("H2-1F@10,20")
    'H2-1F%4010%2C20'
    """
    return "".join(f"%{ord(c):02X}" if c in _SPECIAL or ord(c) < 32 else c for c in text)


def unescape_id(text: str) -> str:
    """The inverse of :func:`escape_id`.

    >>> unescape_id("H2-1F%4010%2C20")
    'H2-1F@10,20'
    """
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# -- the machine line -----------------------------------------------------------------------

def machine_line(plan: QrPlan) -> str:
    """``EXPONAV1|<show>|<origin>|<stop>,<stop>@HH:MM,…``

    >>> machine_line(QrPlan("scse2025", "K1", (QrStop("S1024"), QrStop("MM-B12", appointment="14:00"))))
    'EXPONAV1|scse2025|K1|S1024,MM-B12@14:00'
    """
    stops = ",".join(escape_id(s.place) + (f"@{s.appointment}" if s.appointment else "")
                     for s in plan.stops)
    return f"{MACHINE_PREFIX}|{escape_id(plan.show)}|{escape_id(plan.origin)}|{stops}"


def parse_machine_line(line: str) -> QrPlan:
    """The show, origin and stops (with appointments) of a machine line.

    >>> parse_machine_line("EXPONAV1|scse2025|K1|S1024,MM-B12@14:00").stops[1]
    QrStop(place='MM-B12', name='', level='', time='', appointment='14:00')
    """
    parts = line.strip().split("|")
    if len(parts) != 4 or parts[0] != MACHINE_PREFIX:
        raise PayloadError(f"{line.strip()[:40]!r} is not an ExpoNav visit line; it should "
                           f"read {MACHINE_PREFIX}|show|start|stop,stop,….")
    stops = []
    for item in parts[3].split(",") if parts[3] else []:
        place, _, appointment = item.partition("@")
        if appointment and not re.fullmatch(_TIME, appointment):
            raise PayloadError(f"The appointment time {appointment!r} of {unescape_id(place)!r}"
                               " is not HH:MM.")
        stops.append(QrStop(unescape_id(place), appointment=appointment or None))
    return QrPlan(show=unescape_id(parts[1]), origin=unescape_id(parts[2]), stops=tuple(stops))


# -- the text --------------------------------------------------------------------------------

_NO_TIME = "--:--"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")).replace("\r", " ")


def _span_line(plan: QrPlan) -> str:
    return f"{plan.start}–{plan.end} · {plan.length_m} m · {plan.walk_min} min"


def _stop_line(number: int, stop: QrStop) -> str:
    line = f"{number}. {stop.time or _NO_TIME} {stop.place}"
    return f"{line} {stop.name}" if stop.name else line


def build(plan: QrPlan, url_template: str = "") -> str:
    """The QR payload: the short text (or the show's URL) and the machine line.

    A stop line is written for every stop when any stop has a time or a name, none
    otherwise. Names and the title must each be one line (:func:`plan_text_safe` makes
    them so); ``parse(build(plan)) == plan`` then holds for what the text carries (the
    title, the times, the walk, the stops' names; not the levels or the origin's name).

    >>> print(build(QrPlan("scse2025", "K1", (QrStop("S1024", "中華電信", time="10:42"),),
    ...                    title="SCSE 2025", start="10:30", end="10:52", length_m=120,
    ...                    walk_min=2)))
    SCSE 2025
    10:30–10:52 · 120 m · 2 min
    1. 10:42 S1024 中華電信
    EXPONAV1|scse2025|K1|S1024
    """
    line = machine_line(plan)
    if url_template:
        url = url_template.format(
            show=quote(plan.show, safe=""), origin=quote(plan.origin, safe=""),
            stops=quote(line.rsplit("|", 1)[1], safe=""), line=quote(line, safe=""))
        return f"{url}\n{line}"
    lines = [_one_line(plan.title), _span_line(plan)]
    if any(s.time or s.name for s in plan.stops):
        lines += [_stop_line(i, s) for i, s in enumerate(plan.stops, 1)]
    lines.append(line)
    return "\n".join(lines)


def plan_text_safe(plan: QrPlan) -> QrPlan:
    """The plan with every readable field on one line (what :func:`build` needs)."""
    return replace(
        plan, title=_one_line(plan.title), origin_name=_one_line(plan.origin_name),
        origin_level=_one_line(plan.origin_level),
        stops=tuple(replace(s, name=_one_line(s.name), level=_one_line(s.level))
                    for s in plan.stops))


def _split_name_level(rest: str) -> tuple[str, str] | None:
    """``"<name> (<level>)"`` -> (name, level); the level is the last parenthesis."""
    if not rest.endswith(")"):
        return None
    cut = rest.rfind(" (")
    if cut < 0:
        return None
    return rest[:cut], rest[cut + 2:-1]


def parse(text: str) -> QrPlan:
    """The plan a payload carries: the machine line, and what the text adds to it.

    Scanned text, text typed into the search field, or a URL payload all work: only
    the machine line is required (names and times come from the readable lines when
    they are there). The longer text of codes printed before it was shortened is read
    too (with the stops' levels and the origin's name).

    >>> parse("EXPONAV1|scse2025|K1|S1024").stops[0].place
    'S1024'
    >>> old = ("SCSE\\nStart 10:30 · K1 Kiosk (1F)\\n1. 10:42 S1024 中華電信 (4F)\\n"
    ...        "Walk 120 m · 2 min\\nEXPONAV1|scse2025|K1|S1024")
    >>> parse(old).stops[0]
    QrStop(place='S1024', name='中華電信', level='4F', time='10:42', appointment=None)
    """
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    at = next((k for k in range(len(lines) - 1, -1, -1)
               if lines[k].strip().startswith(MACHINE_PREFIX + "|")), None)
    if at is None:
        raise PayloadError("This text carries no ExpoNav visit (no line starting "
                           f"{MACHINE_PREFIX}|).")
    plan = parse_machine_line(lines[at])
    body = lines[:at]
    n = len(plan.stops)
    if len(body) in (2, n + 2):
        return _parse_short(plan, body)
    if len(body) == n + 3:
        return _parse_long(plan, body)
    return plan  # a URL payload, or text this module did not write


def _parse_short(plan: QrPlan, body: list[str]) -> QrPlan:
    """The title, the span line and (when there) one line per stop."""
    title, span, *stop_lines = body
    m = re.fullmatch(rf"({_TIME}|)–({_TIME}|) · (\d+) m · (\d+) min", span)
    if not m:
        return plan
    stops = list(plan.stops)
    for number, (line, stop) in enumerate(zip(stop_lines, plan.stops, strict=False), 1):
        s = re.match(rf"{number}\. ({_TIME}|{re.escape(_NO_TIME)}) ", line)
        rest = line[s.end():] if s else ""
        if not s or not (rest == stop.place or rest.startswith(stop.place + " ")):
            return plan
        time = "" if s.group(1) == _NO_TIME else s.group(1)
        stops[number - 1] = replace(stop, time=time, name=rest[len(stop.place) + 1:])
    return replace(plan, stops=tuple(stops), title=title, start=m.group(1), end=m.group(2),
                   length_m=int(m.group(3)), walk_min=int(m.group(4)))


def _parse_long(plan: QrPlan, body: list[str]) -> QrPlan:
    """The text of codes printed before it was shortened: "Start …", a stop per line with
    its level in brackets, "Walk … m · … min"."""
    title, start, *stop_lines, walk = body
    m = re.fullmatch(rf"Start ({_TIME}|) · (.*)", start)
    w = re.fullmatch(r"Walk (\d+) m · (\d+) min", walk)
    if not m or not w or not m.group(2).startswith(plan.origin + " "):
        return plan
    origin = _split_name_level(m.group(2)[len(plan.origin) + 1:])
    if origin is None:
        return plan
    stops = []
    for number, (line, stop) in enumerate(zip(stop_lines, plan.stops, strict=True), 1):
        s = re.match(rf"{number}\. ({_TIME}|) ", line)
        rest = line[s.end():] if s else ""
        if not s or not rest.startswith(stop.place + " "):
            return plan
        name_level = _split_name_level(rest[len(stop.place) + 1:])
        if name_level is None:
            return plan
        stops.append(replace(stop, time=s.group(1), name=name_level[0], level=name_level[1]))
    return replace(plan, stops=tuple(stops), title=title, origin_name=origin[0],
                   origin_level=origin[1], start=m.group(1), length_m=int(w.group(1)),
                   walk_min=int(w.group(2)))
