"""``exponav import`` and ``exponav export``: the venue and the show in and out in the
formats of the field.

::

    exponav import exhibitors FILE.csv|FILE.xlsx [--venue DIR] [--show DIR]
            [--map COLUMN=FIELD ...] [--keep-missing] [--dry-run] [--force]
        the sheet becomes the show's exhibitor list, all or nothing
    exponav export geojson OUT_DIR [--venue DIR]
    exponav export gpkg OUT.gpkg [--venue DIR]
        the floor plans in WGS84, a layer per kind and level

Every import prints ``{imported: {...counts}, skipped: [{what, why}], written: [files]}``
and every export ``{written: [files], features}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exponav.core.errors import DataError

__all__ = ["register"]

SHOWN = 5


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add ``import`` and ``export`` to the ``exponav`` subcommands."""
    p = subparsers.add_parser("import", parents=[common],
                              help="bring exhibitor lists and plans in from other tools")
    kinds = p.add_subparsers(dest="import_kind", metavar="exhibitors", parser_class=type(p))
    kinds.required = True
    a = kinds.add_parser("exhibitors", parents=[common],
                         help="the show's exhibitor list from a CSV or XLSX sheet")
    a.add_argument("source", metavar="FILE")
    _folders(a)
    a.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="read COLUMN as FIELD (id, name, name_en, name_zh, booths, country, "
                        "categories, website, description, description_en, description_zh)")
    a.add_argument("--keep-missing", action="store_true",
                   help="keep the exhibitors the sheet does not name (default: remove them)")
    a.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    a.add_argument("--force", action="store_true",
                   help="write even when the import adds an error-level violation")
    a.set_defaults(func=cmd_import_exhibitors)

    p = subparsers.add_parser("export", parents=[common],
                              help="write the floor plans for GIS tools, in WGS84")
    kinds = p.add_subparsers(dest="export_kind", metavar="geojson|gpkg", parser_class=type(p))
    kinds.required = True
    for kind, out, text in (("geojson", "OUT_DIR", "one GeoJSON file per kind and level"),
                            ("gpkg", "OUT.gpkg", "one GeoPackage, a layer per kind and level")):
        a = kinds.add_parser(kind, parents=[common], help=text)
        a.add_argument("out", metavar=out)
        _folders(a)
        a.set_defaults(func=cmd_export, export_kind=kind)


def _folders(p: argparse.ArgumentParser) -> None:
    p.add_argument("--venue", metavar="DIR", help="floor-plan folder (venue.json + GeoJSON)")
    p.add_argument("--show", metavar="DIR", help="show folder (show.json + CSV)")


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=1) if args.json else text())


def _no_data(args: argparse.Namespace, what: str) -> None:
    if args.data:
        raise DataError(f"{what} works on the floor-plan and show folders (--venue, --show), "
                        "not a data file.")


def cmd_import_exhibitors(args: argparse.Namespace) -> int:
    from exponav.core.exchange.exhibitors import (
        apply_import,
        parse_map,
        plan_import,
        write_import,
    )
    from exponav.core.exchange.sheets import read_sheet
    from exponav.core.layout import Layout

    _no_data(args, "import exhibitors")
    mapping = parse_map(args.map)
    sheet = read_sheet(Path(args.source))
    layout = Layout.load(args.venue, args.show)
    plan = plan_import(layout, sheet, mapping, keep_missing=args.keep_missing)
    done = apply_import(layout, plan)
    refused = bool(done.added) and not args.force
    written = [] if refused or args.dry_run else write_import(layout, plan)
    if refused:
        lines = [f"exponav: the import adds {len(done.added)} error-level violation(s) of the "
                 "venue rules; nothing was written (--force writes it anyway):"]
        lines += [f"  {v.message}" for v in done.added[:SHOWN]]
        print("\n".join(lines), file=sys.stderr)
    for w in plan.warnings:
        print(f"exponav: warning: {w}", file=sys.stderr)
    payload = {"imported": plan.counts(), "skipped": plan.skipped,
               "written": [str(p) for p in written], "new": plan.new,
               "changed": plan.changed, "removed": plan.removed,
               "warnings": plan.warnings, "encoding": sheet.encoding,
               "added": [v.to_dict() for v in done.added], "dry_run": bool(args.dry_run)}

    def text() -> str:
        c = plan.counts()
        lines = [f"{c['rows']} row(s) read ({sheet.encoding}): {c['new']} new, "
                 f"{c['changed']} changed, {c['removed']} removed, {c['unchanged']} "
                 f"unchanged; {c['booths']} booth(s) assigned."]
        lines += [f"  new      {i} {plan.exhibitors[i].name}" for i in plan.new]
        lines += [f"  changed  {i} {plan.exhibitors[i].name}: {', '.join(f)}"
                  for i, f in plan.changed.items()]
        lines += [f"  removed  {i} {layout.show.exhibitors[i].name}" for i in plan.removed]
        lines += [f"  skipped  {s['what']}: {s['why']}" for s in plan.skipped]
        if written:
            lines += [f"wrote {p}" for p in written]
        elif not refused:
            lines.append("Dry run: nothing written." if args.dry_run else "Nothing to write.")
        return "\n".join(lines)

    _emit(args, payload, text)
    return 1 if refused else 0


def cmd_export(args: argparse.Namespace) -> int:
    from exponav.core import paths
    from exponav.core.exchange.gis import export_geojson, export_gpkg
    from exponav.core.io.floorplan import load_venue

    _no_data(args, f"export {args.export_kind}")
    venue_dir = Path(args.venue) if args.venue else paths.venue_dir()
    if not venue_dir.is_dir():
        raise DataError(f"{venue_dir}: there is no venue folder here.")
    venue = load_venue(venue_dir)
    write = export_geojson if args.export_kind == "geojson" else export_gpkg
    written, features = write(venue, venue_dir, Path(args.out))
    payload = {"written": [str(p) for p in written], "features": features}
    _emit(args, payload, lambda: "\n".join([*(f"wrote {p}" for p in written),
                                            f"{features} feature(s) in WGS84 (EPSG:4326)."]))
    return 0
