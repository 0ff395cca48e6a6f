"""``exponav validate`` and ``exponav layout apply``: the venue rules and the layout's
changes on the command line; and the rules check that ``build-data`` makes first.

::

    exponav validate [--venue DIR] [--show DIR] [--data FILE] [--json]
        every violation; exit 0 with no error, 1 with any, 2 for bad input
    exponav layout apply CHANGES.json [--venue DIR] [--show DIR] [--dry-run] [--force]
        the changes in order, all or nothing; refused (exit 1, nothing written) when they
        add an error-level violation, unless --force
    exponav build-data ... [--force]
        refuses a plan with errors (the first few, and how many more), unless --force

Without ``--venue``/``--show`` the embedded venue and show folders are used.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from exponav.core.errors import DataError

__all__ = ["register"]

SHOWN = 5  # a refusal lists this many errors, then how many more


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``validate`` and ``layout apply`` to the ``exponav`` subcommands (``common``
    gives --data and --json), and the rules check with ``--force`` to ``build-data``."""
    p = subparsers.add_parser("validate", parents=[common],
                              help="check the floor plans against the venue rules")
    _folders(p)
    p.set_defaults(func=cmd_validate)

    p = subparsers.add_parser("layout", parents=[common], help="change the booth layout")
    actions = p.add_subparsers(dest="layout_action", metavar="apply", parser_class=type(p))
    actions.required = True
    a = actions.add_parser("apply", parents=[common],
                           help="apply a JSON list of changes to the floor plans and show")
    a.add_argument("changes", metavar="CHANGES.json",
                   help='a JSON list of changes, e.g. [{"op": "move", "code": "Q0311", '
                        '"dx": 3, "dy": 0}]')
    _folders(a)
    a.add_argument("--dry-run", action="store_true", help="check, but write nothing (default: write the files)")
    a.add_argument("--force", action="store_true",
                   help="write even when the changes add an error-level violation (default: refuse, exit 1)")
    a.set_defaults(func=cmd_layout_apply)

    build = subparsers.choices.get("build-data")
    if build is not None:
        build.add_argument("--force", action="store_true",
                           help="build even when the plan breaks a venue rule (default: refuse, "
                                "exit 1)")
        build.set_defaults(func=_checked_build(build.get_default("func")))


def _folders(p: argparse.ArgumentParser) -> None:
    p.add_argument("--venue", metavar="DIR",
                   help="floor-plan folder, venue.json + GeoJSON (default: the embedded venue)")
    p.add_argument("--show", metavar="DIR",
                   help="show folder, show.json + CSV (default: the embedded show)")


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=1) if args.json else text())


def _line(v: Any) -> str:
    at = f" at {v.at[0]:.1f}, {v.at[1]:.1f}" if v.at else ""
    where = f" ({v.level}{at})" if v.level else ""
    return f"{v.severity:7} {v.rule:20} {v.message}{where}"


# -- validate ----------------------------------------------------------------------------

def _sources(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """(venue, show, rules) from --data, or from the folders (embedded by default)."""
    from exponav.core import paths
    from exponav.core.io.floorplan import load_venue
    from exponav.core.io.showcsv import load_show
    from exponav.core.layout import read_rules
    from exponav.core.layout.rules import Rules
    from exponav.core.layout.saving import recover

    if args.data and (getattr(args, "venue", None) or getattr(args, "show", None)):
        raise DataError("give --data FILE or --venue/--show folders, not both.")
    if args.data:
        from exponav.core.io.datafile import read_data_file

        data = read_data_file(Path(args.data))
        try:
            row = data.conn.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
        finally:
            data.conn.close()
        rules = Rules.from_json(json.loads(row[0]) if row else None, f"{args.data} (rules)")
        return data.venue, data.show, rules
    venue_dir = Path(args.venue) if args.venue else paths.venue_dir()
    show_dir = Path(args.show) if args.show else paths.show_dir()
    for folder, what in ((venue_dir, "venue"), (show_dir, "show")):
        if not folder.is_dir():
            raise DataError(f"{folder}: there is no {what} folder here.")
    recover(venue_dir, show_dir)
    return load_venue(venue_dir), load_show(show_dir), read_rules(venue_dir)


def _check(venue: Any, show: Any, rules: Any) -> tuple[list[Any], float]:
    from exponav.core.layout.checks import Checker, show_violations

    t0 = time.perf_counter()
    found = Checker(venue, rules).violations + show_violations(venue, show, rules)
    found.sort(key=lambda v: (v.severity != "error", v.rule, v.level or "", v.codes))
    return found, (time.perf_counter() - t0) * 1000.0


def cmd_validate(args: argparse.Namespace) -> int:
    venue, show, rules = _sources(args)
    found, ms = _check(venue, show, rules)
    errors = sum(v.severity == "error" for v in found)
    payload = {"ok": errors == 0, "errors": errors, "warnings": len(found) - errors,
               "checked_ms": round(ms, 1), "violations": [v.to_dict() for v in found]}

    def text() -> str:
        lines = [_line(v) for v in found]
        lines.append(f"{'OK' if not errors else 'FAIL'}: {errors} error(s), "
                     f"{len(found) - errors} warning(s), checked in {ms:.0f} ms.")
        return "\n".join(lines)

    _emit(args, payload, text)
    return 0 if errors == 0 else 1


def _refusal(what: str, errors: Sequence[Any], hint: str) -> str:
    lines = [f"exponav: {what} {len(errors)} error-level violation(s) of the venue rules; "
             f"{hint}"]
    lines += [f"  {v.message}" for v in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines.append(f"  ... and {len(errors) - SHOWN} more (exponav validate lists them).")
    return "\n".join(lines)


# -- build-data ---------------------------------------------------------------------------

def _checked_build(build: Callable[[argparse.Namespace], int]
                   ) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from exponav.core import paths

        venue_args = argparse.Namespace(data=None, venue=args.venue, show=args.show)
        venue, show, rules = _sources(venue_args)
        if not args.force:
            errors = [v for v in _check(venue, show, rules)[0] if v.severity == "error"]
            if errors:
                print(_refusal("the plan has", errors,
                               "nothing was built (--force builds it anyway):"),
                      file=sys.stderr)
                return 1
        code = build(args)
        if code == 0:
            dest = Path(args.data) if args.data else paths.default_data_file()
            _record_rules(dest, rules)
        return code

    return run


def _record_rules(dest: Path, rules: Any) -> None:
    """Keep the venue rules in the data file, so that ``validate --data`` checks by them."""
    conn = sqlite3.connect(dest)
    try:
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('rules', ?)",
                         (json.dumps(rules.to_json(), ensure_ascii=False),))
    finally:
        conn.close()


# -- layout apply -------------------------------------------------------------------------

def _read_changes(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"{path}, line {e.lineno}: not valid JSON ({e.msg}).") from None


def cmd_layout_apply(args: argparse.Namespace) -> int:
    from exponav.core.layout import Layout
    from exponav.core.layout.parse import changes_from_json

    if args.data:
        raise DataError("layout apply changes the floor-plan and show folders (--venue, "
                        "--show), not a data file.")
    changes = changes_from_json(_read_changes(Path(args.changes)))
    layout = Layout.load(args.venue, args.show)
    before = Counter(v.key for v in layout.violations if v.severity == "error")
    layout.apply_all(changes)
    after = layout.violations
    seen: Counter = Counter()
    added = []
    for v in after:
        if v.severity == "error":
            seen[v.key] += 1
            if seen[v.key] > before[v.key]:
                added.append(v)
    refused = bool(added) and not args.force
    written = [] if refused or args.dry_run else layout.save()
    if refused:
        print(_refusal("the changes add", added, "nothing was written (--force writes them "
                       "anyway):"), file=sys.stderr)
    payload = {"applied": len(changes), "violations": [v.to_dict() for v in after],
               "added": [v.to_dict() for v in added], "written": [str(p) for p in written]}

    def text() -> str:
        lines = [_line(v) for v in after]
        errors = sum(v.severity == "error" for v in after)
        lines.append(f"{len(changes)} change(s) checked: {errors} error(s), "
                     f"{len(after) - errors} warning(s), {len(added)} new error(s).")
        if written:
            lines += [f"wrote {p}" for p in written]
        elif not refused:
            lines.append("Dry run: nothing written." if args.dry_run else "Nothing to write.")
        return "\n".join(lines)

    _emit(args, payload, text)
    return 1 if refused else 0
