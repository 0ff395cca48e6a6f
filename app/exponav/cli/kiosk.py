"""``exponav kiosk``: read and change a kiosk's settings, for set-up scripts across a fleet.

::

    exponav kiosk show [--json]             the settings and the file that holds them
    exponav kiosk set id K-H2-1F-1          one key: id, data, printer, paper, idle,
    exponav kiosk set idle 120                 countdown, language, keyboard, now
    exponav kiosk set-pin                   the staff PIN, asked for twice (not echoed)
    echo 2468 | exponav kiosk set-pin --stdin    the PIN from standard input
    exponav kiosk set-pin --clear           no PIN: the kiosk stays out of service
    exponav kiosk set updates /media/usb    take new published data files from a folder
    exponav kiosk rollback                  back to the data file before the last update

The settings live in one JSON file (see :mod:`exponav.core.io.kiosk_config`); the PIN is
stored only as a salted scrypt hash and ``show`` never prints it. A kiosk never sets its
own PIN: without a valid one it stays out of service until staff run ``set-pin``.
``set`` and ``set-pin`` may put right the one value they set in a damaged file; any other
damage is named and the file is left as it is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from exponav.core.errors import DataError, ExpoNavError

__all__ = ["add_kiosk_command", "cmd_kiosk"]


def add_kiosk_command(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add ``kiosk show|set|set-pin`` to the ``exponav`` subcommands (``common_parent``
    gives ``--data`` and ``--json``; ``--data`` is used to check a kiosk id)."""
    p = subparsers.add_parser("kiosk", parents=[common_parent],
                              help="show or change this machine's kiosk settings")
    actions = p.add_subparsers(dest="kiosk_action", metavar="show|set|set-pin|rollback",
                               parser_class=type(p))
    actions.required = True
    a = actions.add_parser("show", parents=[common_parent], help="print the settings")
    a.set_defaults(func=cmd_kiosk)
    a = actions.add_parser("set", parents=[common_parent], help="change one setting")
    a.add_argument("key", help="id, data, printer, paper, idle, countdown, language, "
                               "keyboard, now or updates")
    a.add_argument("value", help='the new value ("" to clear a text setting)')
    a.set_defaults(func=cmd_kiosk)
    a = actions.add_parser("set-pin", parents=[common_parent],
                           help="set the staff PIN (asked for twice, or read from stdin)")
    how = a.add_mutually_exclusive_group()
    how.add_argument("--stdin", action="store_true",
                     help="read the PIN from the first line of standard input "
                          "(default: asked for twice at a terminal; a pipe is read so too)")
    how.add_argument("--clear", action="store_true",
                     help="remove the PIN: the kiosk stays out of service until one is set")
    a.set_defaults(func=cmd_kiosk)
    a = actions.add_parser("rollback", parents=[common_parent],
                           help="go back to the data file before the last update "
                                "(at the next idle reset)")
    a.set_defaults(func=cmd_rollback)


def cmd_rollback(args: argparse.Namespace) -> int:
    from exponav.core.fleet import rollback, store_dir

    left, back = rollback(store_dir())
    if args.json:
        print(json.dumps({"from": left.version, "to": back.version}, indent=1))
    else:
        print(f"Rolled back from version {left.version} to {back.version}; the kiosk "
              "opens it at its next idle reset, and never takes the version left again.")
    return 0


def cmd_kiosk(args: argparse.Namespace) -> int:
    from exponav.core.io import kiosk_config as kc

    path = kc.settings_path()
    action = args.kiosk_action
    if action == "set":
        settings = kc.load_settings(path, replacing=kc.field_of(args.key))
        kc.set_value(settings, args.key, args.value)
        if kc.field_of(args.key) == "kiosk_id" and settings.kiosk_id:
            _check_kiosk_id(settings.kiosk_id, args.data or settings.data or None)
        if kc.field_of(args.key) == "printer" and settings.printer and \
                not settings.printer.startswith("pdf:"):
            _check_printer(settings.printer)
        if kc.field_of(args.key) == "updates" and settings.updates \
                and not Path(settings.updates).is_dir():
            print(f"exponav: warning: {settings.updates} is not a folder now; the kiosk "
                  "looks for it every minute.", file=sys.stderr)
        _save(kc, settings, path)
    elif action == "set-pin":
        settings = kc.load_settings(path, replacing="pin")
        settings.pin = None if args.clear else kc.hash_pin(_read_pin(args.stdin))
        _save(kc, settings, path)
    else:
        settings = kc.load_settings(path)
    shown = {"file": str(path), **settings.to_dict()}
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=1))
    else:
        print("\n".join(f"{k:12} {'' if v is None else v}" for k, v in shown.items()))
    return 0


def _save(kc, settings, path) -> None:
    try:
        kc.save_settings(settings, path)
    except DataError as e:
        raise ExpoNavError(f"{e} Nothing was changed.") from None


def _read_pin(from_stdin: bool) -> str:
    """The PIN from standard input (``--stdin``, or a pipe: its first line), or typed
    twice without echo at a terminal."""
    if from_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line.strip():
            raise ExpoNavError("No PIN was given on standard input; nothing was changed.")
        pin = line.strip()
    else:
        import getpass

        try:
            pin = getpass.getpass("New staff PIN (4 to 12 digits): ").strip()
            again = getpass.getpass("The same PIN again: ").strip()
        except EOFError:
            raise ExpoNavError("No PIN was given; nothing was changed.") from None
        if again != pin:
            raise ExpoNavError("The two PINs differ; nothing was changed.")
    from exponav.core.io.kiosk_config import valid_pin

    if not valid_pin(pin):
        raise ExpoNavError("A staff PIN is 4 to 12 digits; nothing was changed.")
    return pin


def _check_printer(name: str) -> None:
    """Warn (on stderr) when the printing system has no printer ``name``: the name is
    kept, since the printer may be set up after the kiosk."""
    try:
        from exponav.ui.print.printer import printer_names
    except ImportError:  # a core-only installation cannot ask
        return
    names = printer_names()
    if name in names:
        return
    known = f"its printers are {', '.join(names)}" if names else \
        "no printer is set up here (is CUPS running?)"
    print(f"exponav: warning: this machine has no printer {name!r}; {known}. The kiosk shows "
          "its QR code instead of printing until there is one.", file=sys.stderr)


def _check_kiosk_id(kiosk_id: str, data: str | None) -> None:
    """Warn (on stderr) when the data file opens and has no such kiosk: the id is kept,
    since a fleet may be set up before its data file is published."""
    from exponav.core.navigator import Navigator

    try:
        nav = Navigator.open(data)
    except ExpoNavError:
        return
    try:
        known = [k.id for k in nav.kiosks()]
    finally:
        nav.close()
    if kiosk_id not in known:
        print(f"exponav: warning: the data file has no kiosk {kiosk_id!r}; its kiosks are "
              f"{', '.join(known) or 'none'}.", file=sys.stderr)
