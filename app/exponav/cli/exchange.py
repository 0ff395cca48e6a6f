"""``exponav import`` and ``exponav export``: the venue and the show in and out in the
formats of the field.

::

    exponav import exhibitors FILE.csv|FILE.xlsx [--venue DIR] [--show DIR]
            [--map COLUMN=FIELD ...] [--keep-missing] [--dry-run] [--force]
        the sheet becomes the show's exhibitor list, all or nothing
    exponav import dxf FILE.dxf --level ID [--map LAYER=KIND ...] [--units m|cm|mm]
            [--preview PNG] [--apply] [--force]
        one level's booths as the drawing has them; written only with --apply
    exponav import imdf ARCHIVE.zip|DIR --venue NEW_DIR [--show NEW_DIR] [--id ID]
            [--origin LON,LAT[,ROT]] [--dry-run]
        a new venue (and show) from an IMDF archive; what is skipped or repaired, and why
    exponav export imdf OUT.zip [--venue DIR] [--show DIR]
    exponav export geojson OUT_DIR [--venue DIR]
    exponav export gpkg OUT.gpkg [--venue DIR]
        the floor plans in WGS84, a layer per kind and level

Every import prints ``{imported: {...counts}, skipped: [{what, why}], written: [files]}``
and every export ``{written: [files], features}``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
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
    a.add_argument("source", metavar="FILE",
                   help="the exhibitor list: a CSV (UTF-8, Big5 or UTF-16) or an XLSX sheet")
    _folders(a)
    a.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="read COLUMN as FIELD (id, name, name_en, name_zh, booths, country, "
                        "categories, website, description, description_en, description_zh)")
    a.add_argument("--keep-missing", action="store_true",
                   help="keep the exhibitors the sheet does not name (default: remove them)")
    a.add_argument("--dry-run", action="store_true", help="check and report, write nothing (default: write)")
    a.add_argument("--force", action="store_true",
                   help="write even when the import adds an error-level violation (default: "
                        "refuse, exit 1)")
    a.set_defaults(func=cmd_import_exhibitors)

    a = kinds.add_parser("dxf", parents=[common],
                         help="one level's booths from a CAD drawing (DXF)")
    a.add_argument("source", metavar="FILE.dxf", help="the CAD drawing of one level")
    a.add_argument("--level", required=True, metavar="ID", help="the level it draws")
    _folders(a)
    a.add_argument("--map", action="append", default=[], metavar="LAYER=KIND",
                   help="read LAYER as KIND (footprint, booth, wall, column, core, stage, "
                        "obstacle, ignore)")
    a.add_argument("--units", choices=["m", "cm", "mm"],
                   help="the drawing's units (default: its $INSUNITS header)")
    a.add_argument("--preview", metavar="PNG", help="draw what would be imported")
    a.add_argument("--apply", action="store_true",
                   help="put the drawing's booths on the level (default: report only)")
    a.add_argument("--force", action="store_true",
                   help="apply even when it adds an error-level violation (default: refuse, "
                        "exit 1)")
    a.set_defaults(func=cmd_import_dxf)

    a = kinds.add_parser("imdf", parents=[common],
                         help="a new venue (and show) from an IMDF archive, zip or folder")
    a.add_argument("source", metavar="ARCHIVE",
                   help="an IMDF archive: a .zip or the folder it unpacks to")
    a.add_argument("--venue", metavar="DIR", required=True,
                   help="the new venue folder to write (must be new or empty)")
    a.add_argument("--show", metavar="DIR",
                   help="also a new show folder with the archive's occupants as exhibitors")
    a.add_argument("--id", help="the venue's id (default: the venue folder's name)")
    a.add_argument("--origin", metavar="LON,LAT[,ROT]",
                   help="the plans' origin in WGS84 and the bearing of their y axis "
                        "(default: the levels' south-west corner, north up)")
    a.add_argument("--dry-run", action="store_true", help="check and report, write nothing (default: write)")
    a.set_defaults(func=cmd_import_imdf)

    p = subparsers.add_parser("export", parents=[common],
                              help="write the floor plans for GIS tools, in WGS84")
    kinds = p.add_subparsers(dest="export_kind", metavar="geojson|gpkg|imdf",
                             parser_class=type(p))
    kinds.required = True
    for kind, out, text in (("geojson", "OUT_DIR", "one GeoJSON file per kind and level"),
                            ("gpkg", "OUT.gpkg", "one GeoPackage, a layer per kind and level"),
                            ("imdf", "OUT.zip", "an IMDF archive (OGC 20-094) of the venue "
                                                "and the show's occupants")):
        a = kinds.add_parser(kind, parents=[common], help=text)
        a.add_argument("out", metavar=out, help=f"where to write it ({out})")
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


def cmd_import_dxf(args: argparse.Namespace) -> int:
    from exponav.core.exchange.dxf import booth_changes, parse_layer_map, read_dxf
    from exponav.core.layout import ChangeError, Layout

    _no_data(args, "import dxf")
    drawing = read_dxf(Path(args.source), parse_layer_map(args.map), args.units)
    layout = Layout.load(args.venue, args.show)
    changes = booth_changes(layout, args.level, drawing)
    if args.preview:
        _preview(Path(args.preview), drawing, layout.venue.plans[args.level])
    before = Counter(v.key for v in layout.violations if v.severity == "error")
    try:
        layout.apply_all(changes)
    except ChangeError as e:
        raise DataError(f"{args.source}: the drawing cannot be put on {args.level}: {e}"
                        ) from None
    seen: Counter = Counter()
    added = []
    for v in layout.violations:
        if v.severity == "error":
            seen[v.key] += 1
            if seen[v.key] > before[v.key]:
                added.append(v)
    refused = bool(added) and args.apply and not args.force
    written = layout.save() if args.apply and not refused else []
    if refused:
        lines = [f"exponav: the drawing adds {len(added)} error-level violation(s) of the "
                 "venue rules; nothing was written (--force writes it anyway):"]
        lines += [f"  {v.message}" for v in added[:SHOWN]]
        print("\n".join(lines), file=sys.stderr)
    ops = Counter(c.op for c in changes)
    payload = {"imported": {**drawing.counts(), "added": ops["add"],
                            "reshaped": ops["reshape"], "removed": ops["remove"]},
               "layers": drawing.layers, "skipped": drawing.skipped,
               "scale_m": drawing.scale, "added_violations": [v.to_dict() for v in added],
               "written": [str(p) for p in written], "preview": args.preview}

    def text() -> str:
        c = payload["imported"]
        lines = [f"{args.source}: {c['booths']} booth(s), {c['obstacles']} obstacle(s), "
                 f"{'a' if c['footprint'] else 'no'} footprint; on {args.level}: "
                 f"{c['added']} added, {c['reshaped']} reshaped, {c['removed']} removed."]
        lines += [f"  layer {name}: {d['kind'] or '?'}, {d['entities']} entities, "
                  f"{d['polygons']} polygon(s)" for name, d in drawing.layers.items()]
        lines += [f"  skipped  {s['what']}: {s['why']}" for s in drawing.skipped]
        lines += [f"  {v.message}" for v in added[:SHOWN]]
        if args.preview:
            lines.append(f"preview {args.preview}")
        if written:
            lines += [f"wrote {p}" for p in written]
        elif not refused:
            lines.append("Nothing written (--apply writes it)." if not args.apply
                         else "Nothing to write.")
        return "\n".join(lines)

    _emit(args, payload, text)
    return 1 if refused else 0


def _preview(path: Path, drawing: Any, plan: Any, width: int = 1600) -> None:
    """A PNG of the drawing over the level as it is: footprint, obstacles, booths."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF

    from exponav.core.io.atomic import atomic_path
    from exponav.ui.common.application import make_app

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
    make_app()
    shapes = [plan.footprint] + ([drawing.footprint] if drawing.footprint else [])
    shapes += [p for _, p in drawing.obstacles] + list(drawing.booths.values())
    minx = min(s.bounds[0] for s in shapes)
    miny = min(s.bounds[1] for s in shapes)
    maxx = max(s.bounds[2] for s in shapes)
    maxy = max(s.bounds[3] for s in shapes)
    k = (width - 40) / max(maxx - minx, 1.0)
    height = int((maxy - miny) * k) + 40
    img = QImage(width, height, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    qp = QPainter(img)
    qp.setRenderHint(QPainter.RenderHint.Antialiasing)

    def poly(p: Any) -> QPolygonF:
        return QPolygonF([QPointF(20 + (x - minx) * k, height - 20 - (y - miny) * k)
                          for x, y in p.exterior.coords])

    def draw(p: Any, pen: str, fill: str | None) -> None:
        qp.setPen(QPen(QColor(pen), 1.5))
        qp.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)
        qp.drawPolygon(poly(p))

    draw(plan.footprint, "#bbbbbb", None)
    if drawing.footprint is not None:
        draw(drawing.footprint, "#000000", "#f4f4f4")
    for _, p in drawing.obstacles:
        draw(p, "#333333", "#777777")
    qp.setFont(qp.font())
    for code, p in drawing.booths.items():
        draw(p, "#1f5fa8", "#cfe0f5")
        if k * min(p.bounds[2] - p.bounds[0], p.bounds[3] - p.bounds[1]) > 28:
            c = p.representative_point()
            qp.setPen(QColor("#10335c"))
            qp.drawText(QPointF(20 + (c.x - minx) * k - 14, height - 20 - (c.y - miny) * k),
                        code)
    qp.end()
    with atomic_path(path, "preview") as tmp:
        if not img.save(str(tmp), "PNG"):
            raise DataError(f"{path}: the preview cannot be written as PNG.")


def _origin(text: str | None) -> Any:
    from exponav.core.exchange.geo import Georeference

    if text is None:
        return None
    parts = text.split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) not in (2, 3):
        raise DataError(f"--origin {text}: expected LON,LAT or LON,LAT,ROTATION in degrees.")
    return Georeference.from_json({"origin_lon": values[0], "origin_lat": values[1],
                                   "rotation_deg": values[2] if len(values) == 3 else 0.0},
                                  "--origin")


def _move_into(staged: Path, target: Path) -> None:
    if target.exists():
        target.rmdir()  # empty (checked before)
    staged.rename(target)


def cmd_import_imdf(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from exponav.core.exchange.imdf_import import (
        import_imdf,
        read_archive,
        write_show,
        write_venue,
    )
    from exponav.core.io.floorplan import load_venue
    from exponav.core.io.showcsv import load_show
    from exponav.core.layout import Layout, read_rules

    _no_data(args, "import imdf")
    vdir = Path(args.venue)
    sdir = Path(args.show) if args.show else None
    for folder in (vdir, sdir):
        if folder is not None and folder.exists() and (not folder.is_dir() or any(
                folder.iterdir())):
            raise DataError(f"{folder}: the folder is not empty; name a new folder.")
        if folder is not None and not folder.parent.is_dir():
            raise DataError(f"{folder.parent}: there is no such folder.")
    result = import_imdf(read_archive(Path(args.source)), args.id or vdir.name,
                         _origin(args.origin))
    stage = Path(tempfile.mkdtemp(prefix=".exponav-imdf-", dir=vdir.parent))
    try:
        write_venue(result, stage / "venue")
        if sdir is not None:
            write_show(result, stage / "show", sdir.name)
        venue = load_venue(stage / "venue")
        show = load_show(stage / "show") if sdir is not None else None
        if show is not None:
            layout = Layout(venue, show, read_rules(stage / "venue"))
            violations = layout.violations
        else:
            from exponav.core.layout.checks import Checker

            violations = Checker(venue, read_rules(stage / "venue")).violations
        written: list[Path] = []
        if not args.dry_run:
            _move_into(stage / "venue", vdir)
            written += [vdir / p.name for p in sorted(vdir.iterdir())]
            if sdir is not None:
                _move_into(stage / "show", sdir)
                written += [sdir / p.name for p in sorted(sdir.iterdir())]
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    errors = sum(v.severity == "error" for v in violations)
    payload = {"imported": result.counts(), "skipped": result.skipped,
               "repaired": result.repaired, "written": [str(p) for p in written],
               "georeference": result.venue["georeference"],
               "violations": {"errors": errors, "warnings": len(violations) - errors}}

    def text() -> str:
        c = result.counts()
        lines = [", ".join(f"{n} {k}" for k, n in c.items()) + "."]
        lines += [f"  skipped  {s['what']}: {s['why']}" for s in result.skipped]
        lines += [f"  repaired {s['what']}: {s['why']}" for s in result.repaired]
        lines.append(f"venue rules: {errors} error(s), {len(violations) - errors} warning(s) "
                     "(exponav validate lists them).")
        lines += [f"wrote {p}" for p in written] or ["Dry run: nothing written."]
        return "\n".join(lines)

    _emit(args, payload, text)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from exponav.core import paths
    from exponav.core.exchange.gis import export_geojson, export_gpkg
    from exponav.core.io.floorplan import load_venue

    _no_data(args, f"export {args.export_kind}")
    venue_dir = Path(args.venue) if args.venue else paths.venue_dir()
    if not venue_dir.is_dir():
        raise DataError(f"{venue_dir}: there is no venue folder here.")
    venue = load_venue(venue_dir)
    if args.export_kind == "imdf":
        from exponav.core.exchange.imdf import export_imdf
        from exponav.core.io.showcsv import load_show

        show_dir = Path(args.show) if args.show else paths.show_dir()
        show = load_show(show_dir) if show_dir.is_dir() else None
        written, features = export_imdf(venue, show, Path(args.out),
                                        str(venue_dir / "venue.json"))
    else:
        write = export_geojson if args.export_kind == "geojson" else export_gpkg
        written, features = write(venue, venue_dir, Path(args.out))
    payload = {"written": [str(p) for p in written], "features": features}
    _emit(args, payload, lambda: "\n".join([*(f"wrote {p}" for p in written),
                                            f"{features} feature(s) in WGS84 (EPSG:4326)."]))
    return 0
