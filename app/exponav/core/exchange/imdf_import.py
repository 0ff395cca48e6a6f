"""IMDF (OGC 20-094) in: an archive (a zip or a folder of feature files) becomes a new
venue folder, its WGS84 brought to local metres through a georeference written into
venue.json; what is sound is imported, and every feature skipped or repaired is reported
with its id and why.

Levels come by building and ordinal; ``room`` units named by a booth code become booths,
``column`` and ``structure`` (and other non-walkable) units obstacles, walkable units
(walkway, ...) are covered by the level's outline; openings, amenities (their level by
their units) and kiosks follow. Names keep every language the archive has that ExpoNav
knows (en, zh-Hant).
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, Point, Polygon, shape
from shapely.geometry.polygon import orient

from exponav.core.errors import DataError
from exponav.core.exchange.geo import Georeference
from exponav.core.exchange.imdf import AMENITY_TO_IMDF
from exponav.core.io.atomic import write_text
from exponav.core.io.floorplan import write_level
from exponav.core.model.codes import canonical_code

__all__ = ["ImdfImport", "exhibitors_of", "import_imdf", "read_archive", "write_show",
           "write_venue"]

WALKABLE = {"walkway", "unspecified", "lobby", "opentobelow", "footbridge", "ramp"}
COLUMN = {"column"}
_FROM_IMDF = {v: k for k, v in AMENITY_TO_IMDF.items()}
MAX_MEMBER_BYTES = 256 * 1024 * 1024


def read_archive(source: Path) -> dict[str, list[dict[str, Any]]]:
    """The feature files of an archive (zip or folder), by feature type."""
    files: dict[str, bytes] = {}
    if source.is_dir():
        for p in sorted(source.glob("*.geojson")) + sorted(source.glob("*.json")):
            files[p.name] = p.read_bytes()
    elif source.is_file():
        try:
            with zipfile.ZipFile(source) as z:
                for info in z.infolist():
                    name = info.filename.rsplit("/", 1)[-1]
                    if name.endswith((".geojson", ".json")):
                        if info.file_size > MAX_MEMBER_BYTES:
                            raise DataError(f"{source}: {info.filename} is too large to read.")
                        files[name] = z.read(info)
        except zipfile.BadZipFile:
            raise DataError(f"{source}: not a zip archive (nor a folder of IMDF files).") from None
    else:
        raise DataError(f"{source}: there is no such archive or folder.")
    if "manifest.json" not in files:
        raise DataError(f"{source}: no manifest.json; an IMDF archive starts with one.")
    out: dict[str, list[dict[str, Any]]] = {}
    for name, data in files.items():
        if not name.endswith(".geojson"):
            continue
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise DataError(f"{source}: {name} is not GeoJSON ({e}).") from None
        feats = doc.get("features") if isinstance(doc, dict) else None
        if not isinstance(feats, list):
            raise DataError(f"{source}: {name} is not a FeatureCollection.")
        out[name[:-len(".geojson")]] = [f for f in feats if isinstance(f, dict)]
    return out


@dataclass
class ImdfImport:
    venue: dict[str, Any]  # venue.json
    levels: dict[str, list[tuple[dict[str, Any], Any]]]  # level id -> (props, geometry)
    occupants: list[dict[str, Any]] = field(default_factory=list)  # name, booth
    skipped: list[dict[str, str]] = field(default_factory=list)
    repaired: list[dict[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        plural = {"footprint": "footprints", "booth": "booths", "obstacle": "obstacles",
                  "opening": "openings", "amenity": "amenities", "kiosk": "kiosks"}
        kinds: dict[str, int] = {"levels": len(self.levels), **dict.fromkeys(plural.values(), 0)}
        for feats in self.levels.values():
            for props, _ in feats:
                kinds[plural[props["kind"]]] += 1
        kinds["occupants"] = len(self.occupants)
        kinds["exhibitors"] = len(exhibitors_of(self.occupants))
        return kinds


def _name(props: dict[str, Any], key: str = "name") -> tuple[str, str]:
    n = props.get(key)
    if not isinstance(n, dict):
        return "", ""
    en = str(n.get("en") or next((v for k, v in n.items() if k.startswith("en")), "") or "")
    zh = str(n.get("zh-Hant") or n.get("zh-TW") or n.get("zh") or "")
    return en or zh, zh


def _geom(f: dict[str, Any]) -> Any:
    g = f.get("geometry")
    if not isinstance(g, dict):
        return None
    try:
        return shape(g)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None


def import_imdf(features: dict[str, list[dict[str, Any]]], venue_id: str,
                geo: Georeference | None = None) -> ImdfImport:
    """The archive's features as a venue (see the module)."""
    skipped: list[dict[str, str]] = []
    repaired: list[dict[str, str]] = []

    def skip(kind: str, f: dict[str, Any], why: str) -> None:
        skipped.append({"what": f"{kind} {f.get('id')}", "why": why})

    for kind, feats in features.items():
        for f in feats:
            try:
                uuid.UUID(str(f.get("id")))
            except ValueError:
                repaired.append({"what": f"{kind} {f.get('id')}",
                                 "why": "its id is not a UUID; kept as it is"})
    venues = features.get("venue") or []
    if not venues:
        raise DataError("the archive has no venue feature.")
    vprops = venues[0].get("properties") or {}
    vname, vname_zh = _name(vprops)
    levels_in = features.get("level") or []
    if not levels_in:
        raise DataError("the archive has no level feature.")
    if geo is None:  # the south-west corner of the levels, north up
        bounds = shapely.total_bounds([g for f in levels_in if (g := _geom(f)) is not None])
        if any(map(lambda v: v != v, bounds)):
            raise DataError("the archive's levels have no geometry to place the venue by.")
        geo = Georeference(round(float(bounds[0]), 7), round(float(bounds[1]), 7), 0.0)
    local = geo.geometry_to_local

    def clean(g: Any) -> Any:
        return shapely.set_precision(local(g), 0.01)

    buildings = {f.get("id"): _name(f.get("properties") or {})[0] or f"Building {i + 1}"
                 for i, f in enumerate(features.get("building") or [])}
    for f in features.get("building") or []:
        if f.get("geometry") is not None:
            repaired.append({"what": f"building {f.get('id')}",
                             "why": "a building has no geometry in IMDF; its geometry is "
                                    "left out"})
    levels: dict[str, list[tuple[dict[str, Any], Any]]] = {}
    level_of: dict[str, str] = {}
    entries: list[dict[str, Any]] = []
    footprints: dict[str, Polygon] = {}
    for f in sorted(levels_in, key=lambda f: (f.get("properties") or {}).get("ordinal", 0)):
        props = f.get("properties") or {}
        g = _geom(f)
        ordinal = props.get("ordinal")
        if g is None or g.geom_type not in ("Polygon", "MultiPolygon"):
            skip("level", f, "its geometry is not a polygon")
            continue
        if not isinstance(ordinal, int):
            skip("level", f, "its ordinal is not an integer")
            continue
        g = clean(g)
        if g.geom_type == "MultiPolygon":
            g = max(g.geoms, key=lambda p: p.area)
            repaired.append({"what": f"level {f.get('id')}",
                             "why": "several polygons; the largest is its outline"})
        if not g.is_valid:
            g = shapely.make_valid(g)
            g = max(getattr(g, "geoms", [g]), key=lambda p: getattr(p, "area", 0.0))
            repaired.append({"what": f"level {f.get('id')}", "why": "its outline was not "
                             "valid; repaired"})
        short = _name(props, "short_name")[0]
        bids = props.get("building_ids") or []
        building = buildings.get(bids[0] if bids else None, "Building 1")
        lid = short if short and re.fullmatch(r"[\w.\-]+", short) else f"L{ordinal}"
        n = 2
        while lid in levels:
            lid, n = f"{lid}-{n}", n + 1
        en, zh = _name(props)
        levels[lid] = [({"kind": "footprint"}, orient(g, 1.0))]
        footprints[lid] = g
        level_of[str(f.get("id"))] = lid
        entries.append({"id": lid, "names": {"en": en or lid, "zh-Hant": zh or en or lid},
                        "building": building, "ordinal": ordinal, "file": f"{lid}.geojson"})
    unit_level: dict[str, str] = {}
    codes: dict[str, str] = {}
    for f in features.get("unit") or []:
        props = f.get("properties") or {}
        lid = level_of.get(str(props.get("level_id")))
        g = _geom(f)
        if lid is None:
            skip("unit", f, "its level_id names no level of the archive")
            continue
        unit_level[str(f.get("id"))] = lid
        if g is None or g.geom_type not in ("Polygon", "MultiPolygon"):
            skip("unit", f, "its geometry is not a polygon")
            continue
        category = str(props.get("category") or "unspecified")
        if category in WALKABLE:
            continue
        g = clean(g)
        if not g.is_valid or g.is_empty:
            skip("unit", f, "its polygon is not valid")
            continue
        if not footprints[lid].buffer(0.05).contains(g):
            skip("unit", f, f"it lies outside its level {lid}")
            continue
        parts = list(getattr(g, "geoms", [g]))
        en, _ = _name(props)
        code = canonical_code(en) if category == "room" and en else None
        if code is not None:
            if code in codes:
                skip("unit", f, f"booth code {code} is already on unit {codes[code]}")
                continue
            if len(parts) > 1:
                skip("unit", f, f"booth {code} is several polygons")
                continue
            alt = _name(props, "alt_name")[0].split()
            btype = alt[1] if len(alt) == 2 and alt[0] == "booth" else "standard"
            codes[code] = str(f.get("id"))
            levels[lid].append(({"kind": "booth", "code": code, "area": code[0],
                                 "type": btype, "zone": None}, orient(g, 1.0)))
        else:
            alt = _name(props, "alt_name")[0]
            cat = "column" if category in COLUMN else (alt if alt and category == "structure"
                                                       else "wall" if category == "structure"
                                                       else category)
            for p in parts:
                levels[lid].append(({"kind": "obstacle", "category": cat}, orient(p, 1.0)))
    used: set[str] = set()

    def ident(f: dict[str, Any], prefix: str) -> str:
        props = f.get("properties") or {}
        for cand in (props.get("correlation_id"), _name(props, "alt_name")[0],
                     _name(props)[0] if prefix == "K" else None):
            if isinstance(cand, str) and re.fullmatch(r"[\w.\-]+", cand) and cand not in used:
                used.add(cand)
                return cand
        out = f"{prefix}-{str(f.get('id'))[:8]}"
        used.add(out)
        return out

    for f in features.get("opening") or []:
        props = f.get("properties") or {}
        lid = level_of.get(str(props.get("level_id")))
        g = _geom(f)
        if lid is None:
            skip("opening", f, "its level_id names no level of the archive")
        elif g is None or not isinstance(g, LineString):
            skip("opening", f, "its geometry is not a line")
        else:
            en, zh = _name(props)
            cat = "emergencyexit" if props.get("category") == "emergencyexit" else "pedestrian"
            levels[lid].append(({"kind": "opening", "id": ident(f, "OP"), "category": cat,
                                 "name": en, "name_zh": zh}, clean(g)))
    for f in features.get("amenity") or []:
        props = f.get("properties") or {}
        lids = {unit_level.get(str(u)) for u in props.get("unit_ids") or []} - {None}
        g = _geom(f)
        if len(lids) != 1:
            skip("amenity", f, "its unit_ids name no unit on one level of the archive")
        elif g is None or not isinstance(g, Point):
            skip("amenity", f, "its geometry is not a point")
        else:
            (lid,) = lids
            en, zh = _name(props)
            cat = _FROM_IMDF.get(str(props.get("category")), str(props.get("category")))
            levels[lid].append(({"kind": "amenity", "id": ident(f, "AM"), "category": cat,
                                 "name": en, "name_zh": zh}, clean(g)))
    for f in features.get("kiosk") or []:
        props = f.get("properties") or {}
        lid = level_of.get(str(props.get("level_id")))
        g = _geom(f)
        if lid is None:
            skip("kiosk", f, "its level_id names no level of the archive")
        elif g is None or g.is_empty:
            skip("kiosk", f, "it has no geometry")
        else:
            p = clean(g).centroid
            levels[lid].append(({"kind": "kiosk", "id": ident(f, "K"), "heading_deg": 0.0},
                                Point(round(p.x, 2), round(p.y, 2))))
    anchors = {str(f.get("id")): str((f.get("properties") or {}).get("unit_id"))
               for f in features.get("anchor") or []}
    booth_of = {u: c for c, u in codes.items()}
    occupants = []
    for f in features.get("occupant") or []:
        props = f.get("properties") or {}
        unit = anchors.get(str(props.get("anchor_id")))
        en, zh = _name(props)
        if unit is None or unit not in booth_of:
            skip("occupant", f, "its anchor is not in a booth of the archive")
        elif not en:
            skip("occupant", f, "it has no name")
        else:
            occupants.append({"id": props.get("correlation_id"), "name": en, "name_zh": zh,
                              "website": props.get("website") or "",
                              "booth": booth_of[unit]})
    venue = {"id": venue_id, "names": {"en": vname or venue_id, "zh-Hant": vname_zh or vname},
             "levels": entries, "connectors": [], "georeference": {
                 **geo.to_json(), "note": "from the IMDF archive's WGS84"}}
    return ImdfImport(venue, levels, occupants, skipped, repaired)


def exhibitors_of(occupants: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The archive's occupants as exhibitors: one per correlation id (else per name),
    holding every booth it occupies."""
    out: dict[str, dict[str, Any]] = {}
    key_of: dict[str, str] = {}
    for o in occupants:
        key = o["id"] if isinstance(o["id"], str) and re.fullmatch(r"[\w.\-]+", o["id"]) \
            else f"name:{o['name'].casefold()}"
        if key not in key_of:
            ident = key if not key.startswith("name:") else f"EX{len(key_of) + 1:04d}"
            key_of[key] = ident
            out[ident] = {**o, "id": ident, "booths": []}
        ex = out[key_of[key]]
        if o["booth"] not in ex["booths"]:
            ex["booths"].append(o["booth"])
    return out


def write_show(result: ImdfImport, folder: Path, show_id: str) -> list[Path]:
    """A new show folder for the venue: show.json and the exhibitors from the occupants
    (no categories or sessions: IMDF has none)."""
    import csv
    import io
    from datetime import date

    if folder.exists() and any(folder.iterdir()):
        raise DataError(f"{folder}: the folder is not empty; name a new folder for the show.")
    if not folder.parent.is_dir():
        raise DataError(f"{folder.parent}: there is no such folder.")
    folder.mkdir(exist_ok=True)
    today = date.today().isoformat()
    show = {"id": show_id, "names": {"en": result.venue["names"]["en"],
                                     "zh-Hant": result.venue["names"]["zh-Hant"]},
            "venue": result.venue["id"], "start_date": today, "end_date": today,
            "timezone": "UTC"}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name_en", "name_zh", "country", "categories", "booths",
                "description_en", "description_zh", "website", "demo"])
    for ex in exhibitors_of(result.occupants).values():
        w.writerow([ex["id"], ex["name"] if ex["name"] != ex["name_zh"] else "",
                    ex["name_zh"], "", "", ";".join(ex["booths"]), "", "", ex["website"], "0"])
    files = {"show.json": json.dumps(show, ensure_ascii=False, indent=1) + "\n",
             "categories.csv": "id,name_en,name_zh\n", "exhibitors.csv": buf.getvalue(),
             "sessions.csv": "id,kind,title_en,title_zh,place,start,end,exhibitor,demo\n"}
    written = []
    for name, text in files.items():
        write_text(folder / name, text, "show file")
        written.append(folder / name)
    return written


def write_venue(result: ImdfImport, folder: Path) -> list[Path]:
    """A new venue folder: venue.json and one GeoJSON per level."""
    if folder.exists() and any(folder.iterdir()):
        raise DataError(f"{folder}: the folder is not empty; name a new folder for the "
                        "venue.")
    if not folder.parent.is_dir():
        raise DataError(f"{folder.parent}: there is no such folder.")
    folder.mkdir(exist_ok=True)
    written = []
    for entry in result.venue["levels"]:
        path = folder / entry["file"]
        write_level(result.levels[entry["id"]], path)
        written.append(path)
    path = folder / "venue.json"
    write_text(path, json.dumps(result.venue, ensure_ascii=False, indent=1) + "\n", "venue")
    written.append(path)
    return written
