"""``exponav publish``: the data file for a fleet of kiosks, immutable and versioned.

::

    exponav publish --out /srv/exponav [--venue DIR] [--show DIR] [--json]

writes ``<show>-<version>.exponav.db`` (mode 0644) and its manifest into the folder (see
:mod:`exponav.core.exchange.publish`); sources already published write nothing and name
that version. Kiosks set to watch the folder (``exponav kiosk set updates DIR``) take it
at their next idle reset.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["cmd_publish", "register"]


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``publish`` to the ``exponav`` subcommands (``common`` gives --json)."""
    p = subparsers.add_parser("publish", parents=[common],
                              help="write a versioned data file and manifest for kiosks")
    p.add_argument("--out", metavar="DIR", required=True,
                   help="the folder kiosks take updates from (a share, a USB drive)")
    p.add_argument("--venue", metavar="DIR", help="floor-plan folder (venue.json + GeoJSON)")
    p.add_argument("--show", metavar="DIR", help="show folder (show.json + CSV)")
    p.set_defaults(func=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> int:
    from exponav.core.exchange.publish import publish

    result = publish(Path(args.out), Path(args.venue) if args.venue else None,
                     Path(args.show) if args.show else None)
    m = result.manifest
    if args.json:
        print(json.dumps({"new": result.new, "data": str(result.data),
                          "manifest": str(result.manifest_path), "version": m.version,
                          "sha256": m.sha256, "size": m.size,
                          "schema_version": m.schema_version}, indent=1))
    elif result.new:
        print(f"Published version {m.version}: {result.data} ({m.size:,} bytes, "
              f"sha256 {m.sha256[:16]}…) and {result.manifest_path.name}")
    else:
        print(f"These sources are already published as version {m.version} "
              f"({result.data}); nothing was written.")
    return 0
