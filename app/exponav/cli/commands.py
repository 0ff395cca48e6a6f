"""The ``exponav`` command line: a thin front over :class:`exponav.Navigator`.

Every subcommand takes ``--data FILE`` and ``--json``; with ``--json`` it prints exactly
the ``to_dict()`` of its results. A user's mistake prints one sentence on stderr and
exits with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from exponav.cli.itinerary import add_itinerary_command
from exponav.cli.kiosk import add_kiosk_command
from exponav.core.errors import ExpoNavError, NotFound, os_reason

__all__ = ["count", "main", "metres", "os_error_sentence"]

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse with one-sentence errors, and values such as ``-inf`` or ``-1:00`` read as
    values rather than as unknown options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # argparse reads a token after an option as its value only when the token looks
        # like a negative number; it knows -5 and -.5 but not -inf, -1e3 or -1:00.
        self._negative_number_matcher = re.compile(r"^-(?:\d|\.\d|inf|nan)", re.IGNORECASE)

    def error(self, message: str) -> NoReturn:  # one sentence, status 2, as for other bad input
        print(f"{self.prog}: {message.rstrip('.')}; see `{self.prog} --help`.", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def metres(text: str) -> float:
    """An argparse type: a finite coordinate in metres.

    >>> metres("-12.5")
    -12.5
    >>> metres("nan")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: nan is not a finite number of metres
    """
    from exponav.core.io.floorplan import MAX_COORDINATE_M

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of metres") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text} is not a finite number of metres")
    if abs(value) > MAX_COORDINATE_M:
        raise argparse.ArgumentTypeError(
            f"{text} is more than {MAX_COORDINATE_M / 1000:,.0f} km from the venue's origin")
    return value


MAX_LIMIT = 10_000


def count(text: str) -> int:
    """An argparse type: how many results, 1 to :data:`MAX_LIMIT`.

    >>> count("3")
    3
    >>> count("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0 is too few; ask for 1 to 10000 results
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_LIMIT:
        few = "too few" if value < 1 else "too many"
        raise argparse.ArgumentTypeError(f"{value} is {few}; ask for 1 to {MAX_LIMIT} results")
    return value


def _navigator(args: argparse.Namespace):
    from exponav.core.navigator import Navigator

    return Navigator.open(args.data)


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    if args.json:  # never NaN or Infinity: they are not JSON
        print(json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False))
    else:
        print(text())


def os_error_sentence(error: OSError) -> str:
    """One sentence for an OSError that reached the command line: where, why, what to do.

    >>> os_error_sentence(OSError(28, "No space left on device"))
    'The disk is full; free some space and try again.'
    """
    from exponav.core import paths

    reason = os_reason(error)
    if not error.filename:
        return f"{reason[:1].upper()}{reason[1:]}; free some space and try again." \
            if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) \
            else f"{reason[:1].upper()}{reason[1:]}."
    where = Path(os.fsdecode(error.filename))
    advice = ""
    for folder, variable in ((paths.config_dir(), "XDG_CONFIG_HOME"),
                             (paths.cache_dir(), "XDG_CACHE_HOME")):
        if where == folder or folder in where.parents or where in folder.parents:
            advice = f"; make {folder} writable" + (
                f" or set {variable} to a folder you can write"
                if sys.platform.startswith("linux") else "")
            break
    return f"{where}: {reason}{advice}."


# -- subcommands -------------------------------------------------------------------------

def _check_search_filters(nav, level: str | None, category: str | None) -> None:
    """An unknown --level or --category is named with the values there are (it would
    otherwise only find nothing)."""
    if level is not None and level.strip().casefold() not in {
            lv.casefold() for lv in nav.levels}:
        raise NotFound(f"There is no level {level!r}; the levels are {', '.join(nav.levels)}.")
    if category is None:
        return
    known = {c for cat in nav.show.categories for c in _with_parents(cat)}
    known |= nav.spatial.categories("amenity")
    known |= {o.service for plan in nav.level_plans() for o in plan.openings}
    if category.strip().casefold() not in {c.casefold() for c in known}:
        raise NotFound(f"There is no category {category!r}; the categories are "
                       f"{', '.join(sorted(known))}.")


def _with_parents(category: str) -> list[str]:
    parts = category.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def cmd_search(args: argparse.Namespace) -> int:
    nav = _navigator(args)
    _check_search_filters(nav, args.level, args.category)
    hits = nav.search(args.text, level=args.level, category=args.category, limit=args.limit)

    def text() -> str:
        if not hits:
            return f"Nothing found for {args.text!r}."
        return "\n".join(
            f"{h.kind:9} {h.id:12} {(h.name or h.name_zh)[:48]:48} "
            f"{','.join(h.booths[:4]):20} {h.level or ''}" for h in hits)

    _emit(args, [h.to_dict() for h in hits], text)
    return 0


def cmd_booth(args: argparse.Namespace) -> int:
    info = _navigator(args).booth(args.code)
    d = info.to_dict()

    def text() -> str:
        ex = d["exhibitor"]
        who = f"{ex['name']} ({ex['name_zh']})" if ex else "not assigned"
        zone = f", {d['zone']['name']}" if d["zone"] else ""
        return (f"{d['code']} on {d['level']}{zone}: {d['area_m2']} m², centre "
                f"{d['centroid'][0]}, {d['centroid'][1]}; {who}")

    _emit(args, d, text)
    return 0


def cmd_near(args: argparse.Namespace) -> int:
    hits = _navigator(args).nearest(args.level, args.x, args.y, kind=args.kind, limit=args.limit)
    _emit(args, [h.to_dict() for h in hits], lambda: "\n".join(
        f"{h.kind:9} {h.id:16} {h.distance_m:7.1f} m" for h in hits) or "Nothing near.")
    return 0


def cmd_route(args: argparse.Namespace) -> int:
    route = _navigator(args).route(args.origin, args.destination, step_free=args.step_free,
                                   lang=args.lang)
    d = route.to_dict()

    def text() -> str:
        head = (f"{d['origin']} → {d['destination']}: {d['length_m']:.0f} m, about "
                f"{max(1, round(d['duration_s'] / 60))} min"
                + (" (step-free)" if d["step_free"] else ""))
        return "\n".join([head, *(f"  {i}. {s}" for i, s in enumerate(d["steps"], 1))])

    _emit(args, d, text)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    counts = _navigator(args).stats()
    _emit(args, counts, lambda: "\n".join(f"{k:22} {v}" for k, v in counts.items()))
    return 0


def cmd_build_data(args: argparse.Namespace) -> int:
    from exponav.core import paths
    from exponav.core.io.datafile import build_data_file

    dest = Path(args.data) if args.data else paths.default_data_file()
    build_data_file(dest, Path(args.venue) if args.venue else None,
                    Path(args.show) if args.show else None)
    _emit(args, {"data": str(dest)}, lambda: f"Built {dest}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from exponav.diagnostics.bench import run_bench

    rows = run_bench(args.data, scale=args.scale, repeat=args.repeat)
    if args.soak:  # a kiosk through N interactions: memory growth and errors
        from exponav.diagnostics.soak import run_soak

        rows.append(run_soak(args.soak, args.data))

    def text() -> str:
        lines = [f"{'name':28} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'budget':>8}"]
        for r in rows:
            if r["name"] == "soak":
                grown = r["rss_end_mb"] - r["rss_start_mb"]
                flag = "" if grown <= r["budget_mb"] and not r["errors"] else "  OVER"
                lines.append(f"{'soak':28} {r['n']:>6}  RSS {r['rss_start_mb']:.0f} -> "
                             f"{r['rss_end_mb']:.0f} MB (+{grown:.1f}, budget "
                             f"{r['budget_mb']:g}), {r['errors']} errors{flag}")
                continue
            budget = "" if r.get("budget_ms") is None else f"{r['budget_ms']:g}"
            flag = "" if r.get("budget_ms") is None or r["p95_ms"] <= r["budget_ms"] else "  OVER"
            lines.append(f"{r['name']:28} {r['n']:>6} {r['p50_ms']:>9.3f} {r['p95_ms']:>9.3f} "
                         f"{budget:>8}{flag}")
        return "\n".join(lines)

    _emit(args, rows, text)
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from exponav.diagnostics.selftest import run_selftest

    report = run_selftest(args.data, screenshot=args.screenshot, kiosk=args.kiosk,
                          screen=args.screen)
    _emit(args, report, lambda: "\n".join(
        f"{'ok  ' if c['ok'] else ('warn' if c.get('warning') else 'FAIL')} {c['name']}: "
        f"{c['detail']}" for c in report["checks"]) + f"\n{'PASS' if report['ok'] else 'FAIL'}")
    return 0 if report["ok"] else 1


def cmd_gui(args: argparse.Namespace) -> int:
    from exponav.ui.app import run_gui

    return run_gui(data=args.data, kiosk=args.kiosk)


# -- the parser --------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="FILE",
                        help="data file to open (default: the embedded SCSE 2025 show)")
    common.add_argument("--json", action="store_true", help="print the result as JSON")

    parser = _Parser(prog="exponav", description="Offline navigator for exhibition floors.",
                     parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("search", parents=[common], help="find exhibitors, booths and amenities")
    p.add_argument("text")
    p.add_argument("--level")
    p.add_argument("--category")
    p.add_argument("--limit", type=count, default=20, help="at most this many hits (1 to 10000)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("booth", parents=[common], help="one booth and its exhibitor")
    p.add_argument("code")
    p.set_defaults(func=cmd_booth)

    p = sub.add_parser("near", parents=[common], help="the nearest things to a point")
    p.add_argument("--level", required=True)
    p.add_argument("--x", type=metres, required=True, help="metres east of the origin")
    p.add_argument("--y", type=metres, required=True, help="metres north of the origin")
    p.add_argument("--kind", default="amenity",
                   help="booth, amenity, amenity:CATEGORY, kiosk, opening, connector")
    p.add_argument("--limit", type=count, default=5, help="at most this many (1 to 10000)")
    p.set_defaults(func=cmd_near)

    p = sub.add_parser("route", parents=[common], help="a walking route between two places")
    p.add_argument("origin", help="booth code, amenity, kiosk or opening id, or LEVEL@X,Y")
    p.add_argument("destination")
    p.add_argument("--step-free", action="store_true", help="elevators and ramps only")
    p.add_argument("--lang", choices=["en", "zh-Hant", "id"], default="en")
    p.set_defaults(func=cmd_route)

    add_itinerary_command(sub, common)
    add_kiosk_command(sub, common)

    p = sub.add_parser("stats", parents=[common], help="counts of what the data holds")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("build-data", parents=[common],
                       help="build the data file from floor plans and show data")
    p.add_argument("--venue", metavar="DIR", help="floor-plan folder (venue.json + GeoJSON)")
    p.add_argument("--show", metavar="DIR", help="show folder (show.json + CSV)")
    p.set_defaults(func=cmd_build_data)

    p = sub.add_parser("bench", parents=[common], help="time the budgeted operations")
    p.add_argument("--scale", choices=["scse", "large", "4x"], default="scse",
                   help="scse: the SCSE data; large, 4x: a generated show (built once)")
    p.add_argument("--repeat", type=int, default=0, help="calls per operation (0: default)")
    p.add_argument("--soak", type=int, default=0, metavar="N",
                   help="also drive an offscreen kiosk through N interactions (RSS, errors)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("selftest", parents=[common], help="check that everything works here")
    p.add_argument("--screenshot", metavar="PNG")
    p.add_argument("--kiosk", metavar="ID")
    from exponav.diagnostics.selftest import parse_screen

    p.add_argument("--screen", type=parse_screen, metavar="WxH[@DPR]",
                   help="an offscreen screen of this many pixels (3840x2160 at ratio 2)")
    p.set_defaults(func=cmd_selftest)

    p = sub.add_parser("gui", parents=[common], help="open the navigator window")
    p.add_argument("--kiosk", metavar="ID")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    try:
        return int(args.func(args))
    except ExpoNavError as e:
        print(f"exponav: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:  # the machine refused: a folder, a disk, a permission
        print(f"exponav: {os_error_sentence(e)}", file=sys.stderr)
        return EXIT_BAD_INPUT
