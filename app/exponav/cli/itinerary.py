"""``exponav itinerary``: plan a visit of several stops, and print it to a PDF or a printer.

::

    exponav itinerary --from K-H2-1F-1 S1024 Q0210 --start 10:30 --day 2025-03-19 \\
        --appointment MM-B12@14:00 --pdf visit.pdf --paper receipt80 --json
    exponav itinerary --from K-H2-1F-1 S1024 Q0210 --print            # the default printer
    exponav itinerary --from K-H2-1F-1 S1024 --lang id --print=Office  # a named printer

With ``--json`` it prints ``{origin, stops: [{place, name, arrive, depart,
leg_length_m}], length_m, duration_s, qr_payload, pdf}`` (and ``printed: {printer,
pages}`` after ``--print``). The visit is planned inside the opening hours of ``--day``
(by default today when the show is on, else its first day). An appointment that cannot
be kept, a stop after closing, and a start moved to the opening are said on stderr (the
plan is still printed, exit status 0); a day outside the show is one sentence and exit
status 2. ``--pdf`` writes only a regular file in a folder that exists, and replaces it
only with a whole PDF. ``--print`` sends the sheet through the printing system (CUPS,
Windows) with no dialog, laid out for the printer's paper unless ``--paper`` says which;
an unknown printer, or a machine with none, is one sentence and exit status 2, before
anything is planned.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from exponav.core.errors import ExpoNavError

__all__ = ["add_itinerary_command", "appointments_of", "cmd_itinerary", "parse_appointment",
           "print_on", "write_pdf_file"]

_AT_TIME = re.compile(r"^(.+)@(\d{1,2}:\d{2})$")


def parse_appointment(text: str) -> tuple[str, str]:
    """``"MM-B12@14:00"`` -> ``("MM-B12", "14:00")`` (a point ``H2-1F@10,20@14:00`` works).

    >>> parse_appointment("MM-B12@14:00")
    ('MM-B12', '14:00')
    """
    m = _AT_TIME.match(text.strip())
    if not m:
        raise ExpoNavError(f"The appointment {text!r} should read PLACE@HH:MM, "
                           "e.g. MM-B12@14:00.")
    return m.group(1), m.group(2)


def add_itinerary_command(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add ``itinerary`` to the ``exponav`` subcommands (``common_parent`` gives
    ``--data`` and ``--json``)."""
    p = subparsers.add_parser(
        "itinerary", parents=[common_parent],
        help="plan a visit of several stops in the best order, with fixed-time meetings")
    p.add_argument("--from", dest="origin", required=True, metavar="PLACE",
                   help="where the visit starts: kiosk, booth, amenity or LEVEL@X,Y")
    p.add_argument("stops", nargs="*", metavar="STOP",
                   help="booth codes, exhibitors, amenities, session ids")
    p.add_argument("--start", metavar="HH:MM", help="start time (default: now, or the "
                   "opening on another day)")
    p.add_argument("--day", metavar="YYYY-MM-DD",
                   help="the show day to plan (default: today, or the first show day)")
    p.add_argument("--appointment", action="append", default=[], metavar="PLACE@HH:MM",
                   help="a stop to reach by a fixed time (repeatable; default: none)")
    p.add_argument("--dwell", type=float, default=10.0, metavar="MIN",
                   help="minutes spent at each stop (default 10, at most 720)")
    p.add_argument("--step-free", action="store_true",
                   help="lifts and ramps only (default: stairs and escalators too)")
    p.add_argument("--keep-order", action="store_true",
                   help="visit the stops in the order given (default: in the best order)")
    p.add_argument("--pdf", metavar="FILE",
                   help="also write the printable itinerary to this PDF file (default: none)")
    p.add_argument("--print", dest="print_to", nargs="?", const="", metavar="PRINTER",
                   help="also print it on PRINTER (default: no printing; with no PRINTER, "
                        "the system's default printer), with no dialog; give it after the "
                        "stops, or as --print=PRINTER")
    p.add_argument("--paper", choices=["a4", "letter", "receipt80"], default=None,
                   help="paper to lay out for (default: a4 for --pdf, the printer's own "
                        "paper for --print)")
    p.add_argument("--lang", choices=["en", "zh-Hant", "id"], default=None,
                   help="language of the printed sheet (default: the system's, if ExpoNav "
                        "speaks it, else English)")
    p.set_defaults(func=cmd_itinerary)


def appointments_of(texts: list[str]) -> dict[str, str]:
    """``--appointment`` values as ``{place: "HH:MM"}``; a place given twice is refused.

    >>> appointments_of(["MM-B12@14:00", "S1024@10:30"])
    {'MM-B12': '14:00', 'S1024': '10:30'}
    """
    appointments: dict[str, str] = {}
    for text in texts:
        place, when = parse_appointment(text)
        key = place.strip()
        same = next((p for p in appointments if p.casefold() == key.casefold()), None)
        if same is not None:
            raise ExpoNavError(f"{same} has two appointments ({appointments[same]} and {when}); "
                               "give each place one time.")
        appointments[key] = when
    return appointments


def _check_pdf(path: Path) -> None:
    """A whole PDF starts with ``%PDF-`` and ends with ``%%EOF``; a writer that ran out of
    disk leaves neither end right (Qt's writer does not say so itself)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(5)
        f.seek(max(0, size - 1024))
        tail = f.read()
    if size == 0 or head != b"%PDF-" or not tail.rstrip().endswith(b"%%EOF"):
        raise ExpoNavError(f"The PDF came out incomplete ({size} bytes), perhaps because the "
                           "disk is full; nothing was written.")


def write_pdf_file(itinerary: Any, nav: Any, target: str | Path, paper: str,
                   lang: str | None = None) -> Path:
    """Print ``itinerary`` to the PDF file ``target``: a regular file or a new name in an
    existing folder (a folder, device, link or missing folder is refused by name). The
    PDF is written beside ``target``, checked to be whole (``%PDF-`` ... ``%%EOF``) and
    only then renamed over it, so ``target`` is never left half-written."""
    try:
        from exponav.ui.print.pdf import write_pdf
        from exponav.ui.print.printout import printed_from_label
    except ImportError as e:  # a core-only installation
        raise ExpoNavError(f"Cannot write a PDF here: Qt is not available ({e}).") from None
    from exponav.core.io.atomic import atomic_path

    target = Path(target)
    with atomic_path(target, "PDF", verify=_check_pdf) as tmp:
        part = tmp.with_name(tmp.name + ".part")  # where write_pdf writes before its rename
        try:
            write_pdf(itinerary, nav, tmp, paper, printed_from_label(), lang=lang)
        finally:
            part.unlink(missing_ok=True)
    itinerary.pdf = str(target)
    return target


def cmd_itinerary(args: argparse.Namespace) -> int:
    from exponav.core.navigator import Navigator

    appointments = appointments_of(args.appointment)
    if not args.stops and not appointments:
        raise ExpoNavError("Name at least one stop (a booth code, exhibitor, amenity or "
                           "session) or an --appointment.")
    if args.pdf is not None:
        from exponav.core.io.atomic import check_target

        check_target(args.pdf, "PDF")  # before planning: a wrong target fails at once
    printer = _printer(args.print_to) if args.print_to is not None else None
    nav = Navigator.open(args.data)
    itinerary = nav.itinerary(args.origin, args.stops, args.start, appointments,
                              dwell_min=args.dwell, step_free=args.step_free,
                              optimise=not args.keep_order, day=args.day)
    if args.pdf is not None:
        write_pdf_file(itinerary, nav, args.pdf, args.paper or "a4", args.lang)
    printed = None
    if printer is not None:
        printed = print_on(printer, itinerary, nav, args.paper, args.lang)
    for sentence in [*itinerary.notes, *(m.sentence() for m in itinerary.missed),
                     *(c.sentence() for c in itinerary.after_closing)]:
        print(f"exponav: {sentence}", file=sys.stderr)
    if args.json:
        out = itinerary.to_dict()
        if printed is not None:
            out["printed"] = printed
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(_text(itinerary))
        if printed is not None:
            print(f"Printed on {printed['printer']}: {printed['pages']} page"
                  f"{'' if printed['pages'] == 1 else 's'}.")
    return 0


def _printer(name: str) -> Any:
    """The system printer ``name`` ("": the default), or a sentence saying why not."""
    try:
        from exponav.ui.print.printer import system_printer
    except ImportError as e:  # a core-only installation
        raise ExpoNavError(f"Cannot print here: Qt is not available ({e}).") from None
    return system_printer(name or None)


def print_on(printer: Any, itinerary: Any, nav: Any, paper: str | None,
             lang: str | None = None) -> dict[str, Any]:
    """Print ``itinerary`` on ``printer`` (a QPrinter), no dialog; ``{printer, pages}``."""
    from PySide6.QtPrintSupport import QPrinter

    from exponav.ui.print.printer import print_itinerary
    from exponav.ui.print.printout import printed_from_label

    show = itinerary.show
    printer.setDocName(f"{show.name if show else 'ExpoNav'} · {itinerary.start}")
    try:
        pages = print_itinerary(itinerary, nav, printer, paper, printed_from_label(), lang=lang)
    except OSError as e:
        raise ExpoNavError(f"The printer {printer.printerName()!r} could not be used ({e}); "
                           "nothing was printed.") from None
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise ExpoNavError(f"The printer {printer.printerName()!r} refused the job; nothing "
                           "was printed.")
    return {"printer": printer.printerName(), "pages": pages}


def _text(itinerary) -> str:
    it = itinerary
    day = f" on {it.day}" if it.day else ""
    lines = [f"Visit from {it.origin.id}{day} at {it.start}: {len(it.stops)} stops, walking "
             f"{round(it.length_m)} m ({round(it.duration_s / 60)} min)"]
    for n, s in enumerate(it.stops, 1):
        meeting = f"  meeting {s.appointment}" if s.appointment else ""
        late = f", {round(s.late_s / 60)} min late" if s.late_s > 0 else ""
        # a meeting kept shows its own time, as the printout does, not the early arrival
        begins = s.appointment if s.appointment and s.late_s <= 0 else s.arrive
        lines.append(f"{n:3}. {begins}-{s.depart}  {s.place.id:14} {s.name[:40]:40} "
                     f"{it.level_name(s.place.level)}, {round(s.leg_length_m)} m{meeting}{late}")
    if it.pdf:
        lines.append(f"PDF: {it.pdf}")
    return "\n".join(lines)
