"""The ``exponav`` command line: a thin front over :class:`exponav.Navigator`.

Every subcommand takes ``--data FILE`` and ``--json``, before or after its name
(``exponav --json booth S1024`` is ``exponav booth S1024 --json``); with ``--json`` it
prints exactly the ``to_dict()`` of its results. A user's mistake prints one sentence on
stderr and exits with status 2; never a traceback.
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

from exponav.cli.exchange import register as add_exchange_commands
from exponav.cli.itinerary import add_itinerary_command
from exponav.cli.kiosk import add_kiosk_command
from exponav.cli.layout import register as add_layout_commands
from exponav.cli.publish import register as add_publish_command
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


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinity (a figure not measured, such as a skipped
    bench row's) as None, which JSON spells null.

    >>> _finite({"p50_ms": float("nan"), "rows": [1.5, float("inf")], "n": 0})
    {'p50_ms': None, 'rows': [1.5, None], 'n': 0}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    if args.json:  # never NaN or Infinity: they are not JSON
        print(json.dumps(_finite(payload), ensure_ascii=False, indent=1, allow_nan=False))
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
    hits = nav.search(args.text, level=args.level, category=args.category, limit=args.limit,
                      origin=args.origin)

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
    at = (args.level, args.x, args.y)
    given = [v is not None for v in at]
    if not (all(given) if args.origin is None else not any(given)):
        print("exponav: near: give --from PLACE, or all of --level, --x and --y.",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    hits = _navigator(args).nearest(*at, kind=args.kind, limit=args.limit,
                                    origin=args.origin, by=args.by)
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
    from exponav.cli.progress import stages
    from exponav.core import paths
    from exponav.core.io.datafile import BUILD_STAGES, build_data_file

    dest = Path(args.data) if args.data else paths.default_data_file()
    with stages(f"Building {dest.name}", len(BUILD_STAGES)) as step:
        build_data_file(dest, Path(args.venue) if args.venue else None,
                        Path(args.show) if args.show else None, progress=step)
    _emit(args, {"data": str(dest)}, lambda: f"Built {dest}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from exponav.cli.progress import count, stages
    from exponav.diagnostics.bench import bench_stages, run_bench

    with stages("bench", len(bench_stages(args.scale))) as step:
        rows = run_bench(args.data, scale=args.scale, repeat=args.repeat, progress=step)
    if args.soak:  # a kiosk through N interactions: memory growth and errors
        from exponav.diagnostics.soak import run_soak

        with count("soak", args.soak, "interactions") as done:
            rows.append(run_soak(args.soak, args.data,
                                 progress=lambda n, rss: done(n, rss=f"{rss:.0f} MB")))

    def text() -> str:
        lines = [f"{'name':28} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'budget':>8}"]
        loads = [r["load_1m"] for r in rows if "load_1m" in r]
        if loads:  # read the figures against how busy the machine was
            lines.insert(0, f"load average (1 min) {min(loads):.2f} to {max(loads):.2f}")
        for r in rows:
            if r["name"] == "soak":
                grown = r["rss_end_mb"] - r["rss_start_mb"]
                flag = "" if grown <= r["budget_mb"] and not r["errors"] else "  OVER"
                lines.append(f"{'soak':28} {r['n']:>6}  RSS {r['rss_start_mb']:.0f} -> "
                             f"{r['rss_end_mb']:.0f} MB (+{grown:.1f}, budget "
                             f"{r['budget_mb']:g}), {r['errors']} errors{flag}")
                continue
            budget = "" if r.get("budget_ms") is None else f"{r['budget_ms']:g}"
            held = r["p50_ms"] if r.get("budget_of") == "p50" else r["p95_ms"]
            flag = "" if r.get("budget_ms") is None or held <= r["budget_ms"] else "  OVER"
            lines.append(f"{r['name']:28} {r['n']:>6} {r['p50_ms']:>9.3f} {r['p95_ms']:>9.3f} "
                         f"{budget:>8}{flag}")
        return "\n".join(lines)

    _emit(args, rows, text)
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from exponav.diagnostics.selftest import run_selftest

    report = run_selftest(args.data, screenshot=args.screenshot, kiosk=args.kiosk,
                          screen=args.screen, staff=args.staff)
    _emit(args, report, lambda: "\n".join(
        f"{'ok  ' if c['ok'] else ('warn' if c.get('warning') else 'FAIL')} {c['name']}: "
        f"{c['detail']}" for c in report["checks"]) + f"\n{'PASS' if report['ok'] else 'FAIL'}")
    return 0 if report["ok"] else 1


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why Qt would find no display for a window here (it would abort the process), or
    None. Only X11 and Wayland sessions are judged; a platform plugin named in
    ``QT_QPA_PLATFORM`` other than xcb or wayland (offscreen, vnc, eglfs ...) is trusted.

    >>> display_problem({})
    'there is no display for the window (DISPLAY and WAYLAND_DISPLAY are not set); run it in a desktop session, or check this machine without one with `exponav selftest`'
    >>> display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    True
    """
    if sys.platform in ("win32", "darwin"):
        return None
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    x11, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "") or \
        env.get("WAYLAND_SOCKET", "")
    advice = ("run it in a desktop session, or check this machine without one with "
              "`exponav selftest`")
    if platform not in ("", "xcb", "wayland", "wayland-egl"):
        return None
    if platform == "xcb" and not x11:
        return f"QT_QPA_PLATFORM is xcb but DISPLAY is not set; {advice}"
    if platform.startswith("wayland") and not wayland:
        return f"QT_QPA_PLATFORM is {platform} but WAYLAND_DISPLAY is not set; {advice}"
    if not x11 and not wayland:
        return ("there is no display for the window (DISPLAY and WAYLAND_DISPLAY are not "
                f"set); {advice}")
    if x11 and (platform == "xcb" or not wayland) and _x11_refuses(x11):
        return f"cannot connect to the X display {x11}; {advice}"
    return None


def _x11_refuses(display: str) -> bool:
    """True when libxcb (what Qt's xcb plugin connects with) cannot reach ``display``;
    False when it can, or when libxcb cannot be loaded here (Qt then says why itself)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(os.fsencode(display), None)
    try:  # a failed connection is still an object to ask and to free
        return bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def cmd_gui(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem is not None:
        print(f"exponav: {problem[:1].upper()}{problem[1:]}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    from exponav.ui.app import run_gui

    if args.staff:
        return run_gui(staff=True, venue=args.venue, show=args.show)
    if args.venue or args.show:
        raise ExpoNavError("--venue and --show open the layout editor: add --staff.")
    return run_gui(data=args.data, kiosk=args.kiosk)


#: The shells ``exponav completion`` writes a script for (shtab's, since shtab 1.9).
SHELLS = ("bash", "zsh", "tcsh", "fish")


def cmd_completion(args: argparse.Namespace) -> int:
    """Print the shell's completion script for every subcommand and option, made by shtab
    from this very parser; an option whose value is a FILE, PNG or DIR completes paths."""
    import shtab

    parser = build_parser()
    _mark_paths(parser, {"FILE": shtab.FILE, "PNG": shtab.FILE, "DIR": shtab.DIRECTORY})
    sys.stdout.write(shtab.complete(parser, shell=args.shell))
    return 0


def _mark_paths(parser: argparse.ArgumentParser, completers: dict[str, Any]) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                _mark_paths(subparser, completers)
        elif action.metavar in completers:
            action.complete = completers[action.metavar]  # type: ignore[attr-defined]


# -- the parser --------------------------------------------------------------------------

class _Given(argparse.Action):
    """``--data`` or ``--json`` wherever it is given: kept under the name of the parser
    that read it, so that a value given before the subcommand is not overwritten by the
    subcommand's default, and two different values can be told apart (:func:`_settle`)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        setattr(namespace, f"{self.dest} given to {parser.prog}",
                True if self.nargs == 0 else values)


def common_options(data_help: str = "data file to open (default: the embedded SCSE 2025 "
                                    "show)") -> argparse.ArgumentParser:
    """The parent parser of ``--data FILE`` and ``--json``, which every subcommand takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="FILE", action=_Given, default=argparse.SUPPRESS,
                        help=data_help)
    common.add_argument("--json", nargs=0, action=_Given, default=argparse.SUPPRESS,
                        help="print the result as JSON (default: as text)")
    return common


def _settle(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """``args.data`` and ``args.json`` from wherever they were given; two different data
    files (one before the subcommand, one after) are refused with a sentence."""
    given: dict[str, list[tuple[str, Any]]] = {"data": [], "json": []}
    for key, value in list(vars(args).items()):
        option, _, prog = key.partition(" given to ")
        if prog and option in given:
            given[option].append((prog, value))
            delattr(args, key)
    files = given["data"]
    if len({os.path.abspath(value) for _, value in files}) > 1:
        (outer, first), (inner, second) = files[0], files[-1]
        where = inner.removeprefix(outer).strip()
        parser.error(f"--data names two files, {first} before `{where}` and {second} after "
                     "it; give one")
    args.data = files[-1][1] if files else None
    args.json = bool(given["json"])
    return args


def _version() -> str:
    """The installed package's version (the source tree's when it is not installed)."""
    from importlib import metadata

    try:
        return metadata.version("exponav")
    except metadata.PackageNotFoundError:
        from exponav import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    common = common_options()

    parser = _Parser(prog="exponav", description="Offline navigator for exhibition floors. "
                     "With no subcommand it opens the window, as `exponav gui` does.",
                     parents=[common])
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}",
                        help="print the version of ExpoNav and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("search", parents=[common], help="find exhibitors, booths and amenities")
    p.add_argument("text", help="a name in English or Chinese, a booth code or an amenity, "
                                "as a visitor would type it")
    p.add_argument("--level", help="only what is on this level, e.g. H2-1F (default: every "
                                   "level)")
    p.add_argument("--category", help="only exhibitors of this category or amenities of this "
                                      "kind, e.g. 5g or toilet (default: any)")
    p.add_argument("--limit", type=count, default=20,
                   help="at most this many hits (1 to 10000; default 20)")
    p.add_argument("--from", dest="origin", metavar="PLACE",
                   help="where the visitor is (booth, kiosk, amenity or LEVEL@X,Y): "
                        "services nearest on foot first (default: no place)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("booth", parents=[common], help="one booth and its exhibitor")
    p.add_argument("code", help="a booth code in any spelling: S1024, s-1024, S 1024")
    p.set_defaults(func=cmd_booth)

    p = sub.add_parser("near", parents=[common], help="the nearest things to a place or point")
    p.add_argument("--from", dest="origin", metavar="PLACE",
                   help="booth, kiosk, amenity or opening id, or LEVEL@X,Y (instead of "
                        "--level, --x and --y)")
    p.add_argument("--level", help="the level of the point, e.g. H2-1F (with --x and --y)")
    p.add_argument("--x", type=metres, help="metres east of the level's origin")
    p.add_argument("--y", type=metres, help="metres north of the level's origin")
    p.add_argument("--by", choices=["straight", "walking"], default="straight",
                   help="a straight line on the level, or on foot over the levels in use "
                        "(default: straight)")
    p.add_argument("--kind", default="amenity",
                   help="booth, amenity, amenity:CATEGORY, kiosk, opening, connector or exit "
                        "(default: amenity)")
    p.add_argument("--limit", type=count, default=5,
                   help="at most this many (1 to 10000; default 5)")
    p.set_defaults(func=cmd_near)

    p = sub.add_parser("route", parents=[common], help="a walking route between two places")
    p.add_argument("origin", help="booth code, amenity, kiosk or opening id, or LEVEL@X,Y")
    p.add_argument("destination", help="where to go, in the same forms as the origin")
    p.add_argument("--step-free", action="store_true",
                   help="elevators and ramps only (default: stairs and escalators too)")
    p.add_argument("--lang", choices=["en", "zh-Hant", "id"], default="en",
                   help="language of the directions (default: en)")
    p.set_defaults(func=cmd_route)

    add_itinerary_command(sub, common)
    add_kiosk_command(sub, common)

    p = sub.add_parser("stats", parents=[common], help="counts of what the data holds")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("build-data", parents=[common_options(
        "data file to write (default: the one in the user's cache folder that ExpoNav opens "
        "by default)")], help="build the data file from floor plans and show data")
    p.add_argument("--venue", metavar="DIR", help="floor-plan folder (venue.json + GeoJSON; "
                                                  "default: the bundled TaiNEX plans)")
    p.add_argument("--show", metavar="DIR", help="show folder (show.json + CSV; default: the "
                                                 "bundled SCSE 2025 show)")
    p.set_defaults(func=cmd_build_data)
    add_layout_commands(sub, common)  # validate, layout apply; build-data checks the rules
    add_exchange_commands(sub, common)  # import, export
    add_publish_command(sub, common)

    p = sub.add_parser("bench", parents=[common], help="time the budgeted operations")
    p.add_argument("--scale", choices=["scse", "large", "4x"], default="scse",
                   help="scse: the SCSE data; large, 4x: a generated show (built once) "
                        "(default: scse)")
    p.add_argument("--repeat", type=int, default=0,
                   help="calls per operation (default 0: each operation's own number)")
    p.add_argument("--soak", type=int, default=0, metavar="N",
                   help="also drive an offscreen kiosk through N interactions (RSS, errors; "
                        "default 0: no soak)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("selftest", parents=[common], help="check that everything works here")
    p.add_argument("--screenshot", metavar="PNG",
                   help="also save a picture of the window (the kiosk's with --kiosk), drawn "
                        "offscreen, to this file (default: none)")
    p.add_argument("--kiosk", metavar="ID", help="also check the kiosk with this id, as "
                                                 "`gui --kiosk ID` opens it (default: the "
                                                 "visitor's window only)")
    from exponav.diagnostics.selftest import parse_screen

    p.add_argument("--screen", type=parse_screen, metavar="WxH[@DPR]",
                   help="run the checks on an offscreen screen of this many device pixels, "
                        "such as 1080x1920 (3840x2160 and larger at a pixel ratio of 2; "
                        "default: 1920x1080)")
    p.add_argument("--staff", action="store_true",
                   help="also check the staff layout editor, offscreen; its screenshot "
                        "replaces the window's (default: the visitor's window only)")
    p.set_defaults(func=cmd_selftest)

    p = sub.add_parser("completion", help="print a shell's completion script for exponav "
                                          "(the README says where to put it)")
    p.add_argument("shell", choices=SHELLS, help="the shell: " + ", ".join(SHELLS))
    p.set_defaults(func=cmd_completion)

    p = sub.add_parser("gui", parents=[common], help="open the navigator window")
    p.add_argument("--kiosk", metavar="ID", help="run as the locked kiosk with this id "
                                                 "(\"\": the id in the kiosk settings; "
                                                 "default: the visitor's window)")
    p.add_argument("--staff", action="store_true", help="open the staff layout editor (default: the visitor's window)")
    p.add_argument("--venue", metavar="DIR", help="with --staff: the venue folder to edit (default: the embedded venue)")
    p.add_argument("--show", metavar="DIR", help="with --staff: the show folder to edit (default: the embedded show)")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    args = _settle(parser, args)
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
