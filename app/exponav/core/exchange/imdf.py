"""IMDF (OGC 20-094, the Indoor Mapping Data Format) out: the venue and its show as an
archive of feature files in WGS84, with ids that stay the same from one export to the
next, and the archive checks named after the spec's rules.

What goes where: each building's levels (``level``, ordinal 0 for the lowest floor of a
building), the ``footprint`` of each building; booths are ``unit`` s of category
``room`` named by their code (and ``alt_name`` ``booth``), obstacles ``column`` or
``structure`` units, the walkable rest of each level one ``walkway`` unit; doors are
``opening`` s; amenities, kiosks and each exhibitor's booths (``occupant`` at an
``anchor`` in its unit) follow. Every id is a UUID 5 of the venue id and the feature's
own id, so an export of the same venue gives the same ids.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import shapely
from shapely.ops import unary_union

from exponav.core.errors import DataError
from exponav.core.exchange.geo import Georeference
from exponav.core.io.atomic import atomic_path
from exponav.core.model import ShowData, Venue

__all__ = ["AMENITY_TO_IMDF", "FEATURE_TYPES", "NAMESPACE", "check_archive", "export_imdf",
           "feature_id", "imdf_features"]

NAMESPACE = uuid.UUID("6f1c1f43-3a0e-5d2b-9a47-2c1e8e0b7d55")
FEATURE_TYPES = ("address", "venue", "building", "footprint", "level", "unit", "opening",
                 "amenity", "anchor", "occupant", "kiosk")
AMENITY_TO_IMDF = {
    "toilet": "restroom", "toilet.accessible": "restroom.wheelchair",
    "information": "information", "food": "foodservice", "firstaid": "firstaid",
    "nursing": "mothersroom", "prayer": "prayerroom", "charging": "powerchargingstation",
    "meeting": "meetingpoint", "stage": "stage", "entrance": "entrance", "exit": "exit",
    "atm": "atm", "wifi": "wifi", "taxi": "taxi", "mrt": "subway",
    "registration": "checkin", "cloakroom": "coatcheck",
}
_UNIT_OF_OBSTACLE = {"column": "column"}
_LEVEL_SHAPES = ("Polygon", "MultiPolygon")


def feature_id(venue_id: str, kind: str, key: str) -> str:
    """The stable UUID of a feature: the same venue, kind and key give the same id."""
    return str(uuid.uuid5(NAMESPACE, f"{venue_id}/{kind}/{key}"))


def _names(en: str, zh: str = "") -> dict[str, str] | None:
    out = {k: v for k, v in (("en", en), ("zh-Hant", zh)) if v}
    return out or None


def _point(geom: Any) -> dict[str, Any]:
    p = geom.representative_point() if geom.geom_type != "Point" else geom
    return {"type": "Point", "coordinates": [round(p.x, 9), round(p.y, 9)]}


def _geo(geom: Any) -> dict[str, Any]:
    return json.loads(shapely.to_geojson(shapely.set_precision(geom, 1e-9)))


def imdf_features(venue: Venue, show: ShowData | None,
                  geo: Georeference) -> dict[str, list[dict[str, Any]]]:
    """The archive's features by feature type, in WGS84."""
    vid = venue.id
    fid = lambda kind, key: feature_id(vid, kind, key)  # noqa: E731
    w = geo.geometry_to_wgs84
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in FEATURE_TYPES}

    def add(kind: str, key: str, geometry: Any, props: dict[str, Any]) -> str:
        ident = fid(kind, key)
        out[kind].append({"id": ident, "type": "Feature", "feature_type": kind,
                          "geometry": geometry, "properties": props})
        return ident

    address = add("address", "main", None, {"address": venue.name, "unit": None,
                                            "locality": "", "province": None,
                                            "country": "", "postal_code": None,
                                            "postal_code_ext": None, "postal_code_vanity": None})
    all_fp = unary_union([p.footprint for p in venue.plans.values()])
    add("venue", vid, _geo(w(all_fp.convex_hull)), {
        "category": "conventioncenter", "restriction": None,
        "name": _names(venue.name, venue.name_zh), "alt_name": None, "hours": None,
        "phone": None, "website": None, "display_point": _point(w(all_fp)),
        "address_id": address})
    buildings: dict[str, list[str]] = {}
    for lv in venue.levels.values():
        buildings.setdefault(lv.building, []).append(lv.id)
    owners: dict[str, list[Any]] = {}
    if show is not None:
        for ex in show.exhibitors.values():
            for code in ex.booths:
                owners.setdefault(code, []).append(ex)
    for building, level_ids in buildings.items():
        bid = add("building", building, None, {
            "name": _names(building), "alt_name": None, "category": "unspecified",
            "restriction": None, "display_point": None, "address_id": address})
        shape = unary_union([venue.plans[i].footprint for i in level_ids])
        out["building"][-1]["properties"]["display_point"] = _point(w(shape))
        add("footprint", building, _geo(w(shape)), {"category": "ground", "name": None,
                                                     "building_ids": [bid]})
        lowest = min(venue.levels[i].ordinal for i in level_ids)
        for level_id in level_ids:
            lv, plan = venue.levels[level_id], venue.plans[level_id]
            lid = add("level", level_id, _geo(w(plan.footprint)), {
                "category": "unspecified", "restriction": None, "outdoor": False,
                "ordinal": lv.ordinal - lowest, "name": _names(lv.name, lv.name_zh),
                "short_name": _names(level_id), "display_point": _point(w(plan.footprint)),
                "address_id": None, "building_ids": [bid]})
            blocked = unary_union([b.polygon for b in plan.booths]
                                  + [o.polygon for o in plan.obstacles])
            walk = plan.footprint.difference(blocked)
            walkway = add("unit", f"{level_id}/walkway", _geo(w(walk)), {
                "category": "walkway", "restriction": None, "accessibility": None,
                "name": None, "alt_name": None, "display_point": None, "level_id": lid})
            for i, o in enumerate(plan.obstacles):
                add("unit", f"{level_id}/obstacle/{i}", _geo(w(o.polygon)), {
                    "category": _UNIT_OF_OBSTACLE.get(o.category, "structure"),
                    "restriction": None, "accessibility": None, "name": None,
                    "alt_name": _names(o.category), "display_point": None, "level_id": lid})
            for b in plan.booths:
                uid = add("unit", b.code, _geo(w(b.polygon)), {
                    "category": "room", "restriction": None, "accessibility": None,
                    "name": _names(b.code), "alt_name": _names(f"booth {b.type}"),
                    "display_point": _point(w(b.polygon)), "level_id": lid})
                for ex in owners.get(b.code, []):
                    aid = add("anchor", f"{b.code}/{ex.id}", _point(w(b.polygon)),
                              {"address_id": None, "unit_id": uid})
                    add("occupant", f"{ex.id}/{b.code}", None, {
                        "name": _names(ex.name, ex.name_zh), "category": "unspecified",
                        "anchor_id": aid, "hours": None, "phone": None,
                        "website": ex.website or None, "validity": None,
                        "correlation_id": ex.id})
            for o in plan.openings:
                add("opening", o.id, _geo(w(o.line)), {
                    "category": "emergencyexit" if o.category == "emergencyexit"
                    else "pedestrian", "accessibility": None, "access_control": None,
                    "door": None, "name": _names(o.name, o.name_zh),
                    "alt_name": _names(o.id),
                    "display_point": _point(w(o.line)), "level_id": lid})
            for a in plan.amenities:
                add("amenity", a.id, _geo(w(a.point)), {
                    "category": AMENITY_TO_IMDF.get(a.category, "unspecified"),
                    "accessibility": None, "name": _names(a.name, a.name_zh),
                    "alt_name": _names(a.id), "hours": None, "phone": None,
                    "website": None, "unit_ids": [walkway], "address_id": None,
                    "correlation_id": a.id})
            for k in plan.kiosks:
                add("kiosk", k.id, _geo(w(k.point.buffer(0.5, cap_style="square"))), {
                    "name": _names(k.id), "alt_name": None, "anchor_id": None,
                    "display_point": _point(w(k.point)), "level_id": lid})
    return out


def check_archive(features: dict[str, list[dict[str, Any]]]) -> list[str]:
    """What breaks the spec's rules (none for a sound archive), each as one sentence."""
    problems: list[str] = []
    ids: dict[str, str] = {}
    for kind, feats in features.items():
        for f in feats:
            ident = str(f.get("id"))
            try:
                uuid.UUID(ident)
            except ValueError:
                problems.append(f"{kind} {ident}: FEATURE_ID_NOT_UUID: the id is not a UUID.")
            if ident in ids:
                problems.append(f"{kind} {ident}: FEATURE_ID_DUPLICATE: also a {ids[ident]}.")
            ids[ident] = kind
            if f.get("feature_type") != kind:
                problems.append(f"{kind} {ident}: FEATURE_TYPE_MISMATCH: the feature says "
                                f"{f.get('feature_type')!r}.")
    for kind in ("venue", "building", "footprint", "level"):
        if not features.get(kind):
            problems.append(f"{kind}: ARCHIVE_MISSING_FEATURE_TYPE: the archive has none.")
    refs = {"level_id": "level", "unit_id": "unit", "anchor_id": "anchor",
            "address_id": "address"}
    for kind, feats in features.items():
        for f in feats:
            props = f.get("properties") or {}
            for key, target in refs.items():
                ref = props.get(key)
                if ref is not None and ids.get(ref) != target:
                    problems.append(f"{kind} {f['id']}: REFERENCE_NOT_FOUND: {key} {ref} is "
                                    f"not a {target}.")
            for key, target in (("building_ids", "building"), ("unit_ids", "unit")):
                for ref in props.get(key) or []:
                    if ids.get(ref) != target:
                        problems.append(f"{kind} {f['id']}: REFERENCE_NOT_FOUND: {key} has "
                                        f"{ref}, not a {target}.")
            geom = f.get("geometry")
            if kind in ("unit", "level", "footprint", "venue", "kiosk"):
                if not geom or geom.get("type") not in _LEVEL_SHAPES:
                    problems.append(f"{kind} {f['id']}: GEOMETRY_TYPE_INVALID: expected a "
                                    "Polygon or MultiPolygon.")
                elif not shapely.from_geojson(json.dumps(geom)).is_valid:
                    problems.append(f"{kind} {f['id']}: GEOMETRY_INVALID: the polygon is not "
                                    "valid.")
            if kind in ("building", "occupant", "address") and geom is not None:
                problems.append(f"{kind} {f['id']}: GEOMETRY_NOT_NULL: a {kind} has no "
                                "geometry.")
            if kind in ("amenity", "anchor") and (not geom or geom.get("type") != "Point"):
                problems.append(f"{kind} {f['id']}: GEOMETRY_TYPE_INVALID: expected a Point.")
            if kind == "level" and not isinstance(props.get("ordinal"), int):
                problems.append(f"level {f['id']}: LEVEL_ORDINAL_INVALID: the ordinal is not "
                                "an integer.")
    return problems


def export_imdf(venue: Venue, show: ShowData | None, out: Path,
                where: str = "venue.json") -> tuple[list[Path], int]:
    """The archive at ``out`` (a zip, replaced whole); the file written and the number of
    features. Refuses to write an archive that fails :func:`check_archive`."""
    if out.suffix.lower() != ".zip":
        raise DataError(f"{out}: an IMDF archive's name ends in .zip.")
    geo = Georeference.from_json(venue.georeference, where)
    features = imdf_features(venue, show, geo)
    problems = check_archive(features)
    if problems:
        raise DataError(f"the IMDF archive would break the spec ({len(problems)} problem(s)); "
                        f"nothing was written: {problems[0]}")
    manifest = {"version": "1.0.0", "created": datetime.now(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"), "generated_by": {"name": "ExpoNav"}, "language": "en",
        "extensions": None}
    with (atomic_path(out, "IMDF archive", mode=0o644) as tmp,
          zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z):
        z.writestr("manifest.json", json.dumps(manifest, indent=1))
        for kind in FEATURE_TYPES:
            doc = {"type": "FeatureCollection", "name": kind, "features": features[kind]}
            z.writestr(f"{kind}.geojson", json.dumps(doc, ensure_ascii=False))
    return [out], sum(len(v) for v in features.values())
