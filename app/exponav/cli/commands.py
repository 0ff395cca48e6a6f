"""The ``exponav`` command line: a thin front over :class:`exponav.Navigator`.

Every subcommand takes ``--data FILE`` and ``--json``; with ``--json`` it prints exactly
the ``to_dict()`` of its results. A user's mistake prints one sentence on stderr and
exits with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from exponav.cli.itinerary import add_itinerary_command
from exponav.cli.kiosk import add_kiosk_command
from exponav.cli.layout import register as add_layout_commands
from exponav.core.errors import ExpoNavError

__all__ = ["main"]

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence, status 2, as for other bad input
        self.print_usage(sys.stderr)
        print(f"exponav: {message}.", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _navigator(args: argparse.Namespace):
    from exponav.core.navigator import Navigator

    return Navigator.open(args.data)


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        print(text())


# -- subcommands -------------------------------------------------------------------------

def cmd_search(args: argparse.Namespace) -> int:
    nav = _navigator(args)
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

    report = run_selftest(args.data, screenshot=args.screenshot, kiosk=args.kiosk)
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
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("booth", parents=[common], help="one booth and its exhibitor")
    p.add_argument("code")
    p.set_defaults(func=cmd_booth)

    p = sub.add_parser("near", parents=[common], help="the nearest things to a point")
    p.add_argument("--level", required=True)
    p.add_argument("--x", type=float, required=True)
    p.add_argument("--y", type=float, required=True)
    p.add_argument("--kind", default="amenity",
                   help="booth, amenity, amenity:CATEGORY, kiosk, opening, connector")
    p.add_argument("--limit", type=int, default=5)
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
    add_layout_commands(sub, common)  # validate, layout apply; build-data checks the rules

    p = sub.add_parser("bench", parents=[common], help="time the budgeted operations")
    p.add_argument("--scale", choices=["scse"], default="scse")
    p.add_argument("--repeat", type=int, default=0, help="calls per operation (0: default)")
    p.add_argument("--soak", type=int, default=0, metavar="N",
                   help="also drive an offscreen kiosk through N interactions (RSS, errors)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("selftest", parents=[common], help="check that everything works here")
    p.add_argument("--screenshot", metavar="PNG")
    p.add_argument("--kiosk", metavar="ID")
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
