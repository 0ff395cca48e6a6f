"""``exponav kiosk``: read and change a kiosk's settings, for set-up scripts across a fleet.

::

    exponav kiosk show [--json]             the settings and the file that holds them
    exponav kiosk set id K-H2-1F-1          one key: id, data, printer, paper, idle,
    exponav kiosk set idle 120                 countdown, language, keyboard, now
    echo 2468 | exponav kiosk set-pin       the staff PIN (from stdin, or asked twice)
    exponav kiosk set-pin --clear           no PIN: the next staff exit asks for a new one

The settings live in one JSON file (see :mod:`exponav.core.io.kiosk_config`); the PIN is
stored only as a salted scrypt hash and ``show`` never prints it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from exponav.core.errors import ExpoNavError

__all__ = ["add_kiosk_command", "cmd_kiosk"]


def add_kiosk_command(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add ``kiosk show|set|set-pin`` to the ``exponav`` subcommands (``common_parent``
    gives ``--data`` and ``--json``; ``--data`` is used to check a kiosk id)."""
    p = subparsers.add_parser("kiosk", parents=[common_parent],
                              help="show or change this machine's kiosk settings")
    actions = p.add_subparsers(dest="kiosk_action", metavar="show|set|set-pin",
                               parser_class=type(p))
    actions.required = True
    a = actions.add_parser("show", parents=[common_parent], help="print the settings")
    a.set_defaults(func=cmd_kiosk)
    a = actions.add_parser("set", parents=[common_parent], help="change one setting")
    a.add_argument("key", help="id, data, printer, paper, idle, countdown, language, "
                               "keyboard or now")
    a.add_argument("value", help='the new value ("" to clear a text setting)')
    a.set_defaults(func=cmd_kiosk)
    a = actions.add_parser("set-pin", parents=[common_parent],
                           help="set the staff PIN (read from stdin, or asked for)")
    a.add_argument("--clear", action="store_true",
                   help="remove the PIN: the next staff exit sets a new one")
    a.set_defaults(func=cmd_kiosk)


def cmd_kiosk(args: argparse.Namespace) -> int:
    from exponav.core.io import kiosk_config as kc

    path = kc.settings_path()
    settings = kc.load_settings(path)
    action = args.kiosk_action
    if action == "set":
        kc.set_value(settings, args.key, args.value)
        if args.key.lower() in ("id", "kiosk_id") and settings.kiosk_id:
            _check_kiosk_id(settings.kiosk_id, args.data or settings.data or None)
        kc.save_settings(settings, path)
    elif action == "set-pin":
        settings.pin = None if args.clear else kc.hash_pin(_read_pin())
        kc.save_settings(settings, path)
    shown = {"file": str(path), **settings.to_dict()}
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=1))
    else:
        print("\n".join(f"{k:12} {'' if v is None else v}" for k, v in shown.items()))
    return 0


def _read_pin() -> str:
    """The PIN from a pipe (first line), or typed twice without echo at a terminal."""
    if not sys.stdin.isatty():
        pin = sys.stdin.readline().strip()
    else:
        import getpass

        pin = getpass.getpass("New staff PIN (4 to 12 digits): ").strip()
        if getpass.getpass("The same PIN again: ").strip() != pin:
            raise ExpoNavError("The two PINs differ; nothing was changed.")
    from exponav.core.io.kiosk_config import valid_pin

    if not valid_pin(pin):
        raise ExpoNavError("A staff PIN is 4 to 12 digits; nothing was changed.")
    return pin


def _check_kiosk_id(kiosk_id: str, data: str | None) -> None:
    """Warn (on stderr) when the data file opens and has no such kiosk: the id is kept,
    since a fleet may be set up before its data file is published."""
    from exponav.core.navigator import Navigator

    try:
        nav = Navigator.open(data)
    except ExpoNavError:
        return
    try:
        known = [k.id for plan in nav.venue.plans.values() for k in plan.kiosks]
    finally:
        nav.close()
    if kiosk_id not in known:
        print(f"exponav: warning: the data file has no kiosk {kiosk_id!r}; its kiosks are "
              f"{', '.join(known) or 'none'}.", file=sys.stderr)
