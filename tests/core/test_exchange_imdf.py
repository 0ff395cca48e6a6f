"""IMDF: the export passes the archive checks with ids stable between exports; importing
the export gives back every booth, code and outline within 1 cm; an imperfect archive
from another tool imports what is sound, reports the rest by id, and builds, validates
and routes."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, box, mapping

from exponav.core.errors import DataError
from exponav.core.exchange.geo import Georeference
from exponav.core.exchange.imdf import check_archive, export_imdf, imdf_features
from exponav.core.exchange.imdf_import import import_imdf, read_archive, write_show, write_venue
from exponav.core.io.floorplan import load_venue
from exponav.core.io.showcsv import load_show
from exponav.core.paths import show_dir, venue_dir


@pytest.fixture(scope="module")
def source():
    return load_venue(venue_dir()), load_show(show_dir())


def test_the_export_passes_the_checks_with_stable_ids(source, tmp_path):
    venue, show = source
    geo = Georeference.from_json(venue.georeference)
    a, b = imdf_features(venue, show, geo), imdf_features(venue, show, geo)
    assert check_archive(a) == []
    assert [f["id"] for fs in a.values() for f in fs] == [f["id"] for fs in b.values() for f in fs]
    out = tmp_path / "tainex.zip"
    (written,), count = export_imdf(venue, show, out)
    names = set(zipfile.ZipFile(out).namelist())
    assert {"manifest.json", "venue.geojson", "building.geojson", "footprint.geojson",
            "level.geojson", "unit.geojson", "opening.geojson", "amenity.geojson",
            "anchor.geojson", "occupant.geojson", "kiosk.geojson"} <= names
    assert count == sum(len(v) for v in a.values())
    broken = {k: [dict(f) for f in v] for k, v in a.items()}
    broken["unit"][0] = {**broken["unit"][0], "id": "unit-1",
                         "properties": {**broken["unit"][0]["properties"], "level_id": "nope"}}
    found = check_archive(broken)
    assert any("FEATURE_ID_NOT_UUID" in p for p in found)
    assert any("REFERENCE_NOT_FOUND: level_id nope" in p for p in found)


def test_import_of_the_export_gives_back_booths_codes_and_geometry(source, tmp_path):
    venue, show = source
    out = tmp_path / "tainex.zip"
    export_imdf(venue, show, out)
    result = import_imdf(read_archive(out), "tainex", Georeference.from_json(venue.georeference))
    assert result.skipped == [] and result.repaired == []
    write_venue(result, tmp_path / "venue")
    back = load_venue(tmp_path / "venue")
    old = {b.code: b for b in venue.booths()}
    new = {b.code: b for b in back.booths()}
    assert old.keys() == new.keys()
    assert max(old[c].polygon.hausdorff_distance(new[c].polygon) for c in old) < 0.01
    assert all(old[c].level == new[c].level and old[c].type == new[c].type for c in old)
    assert {o.id for p in back.plans.values() for o in p.openings} == {
        o.id for p in venue.plans.values() for o in p.openings}
    write_show(result, tmp_path / "show", "again")
    shown = load_show(tmp_path / "show")
    assert {e.id: set(e.booths) for e in shown.exhibitors.values()} == {
        e.id: set(e.booths) for e in show.exhibitors.values() if e.booths}


def _feature(kind: str, ident: str, geometry, **props):
    return {"id": ident, "type": "Feature", "feature_type": kind,
            "geometry": mapping(geometry) if geometry is not None else None,
            "properties": props}


def make_foreign_archive(path: Path) -> Path:
    """An archive as other tools write them: 60 m x 40 m near Taipei, two booths, a
    column, a door, a toilet and an occupant, plus the usual faults."""
    geo = Georeference(121.5, 25.0, 0.0)
    w = geo.geometry_to_wgs84
    ids = {k: str(uuid.uuid4()) for k in ("venue", "building", "level", "walk", "b1", "b2",
                                          "col", "door", "wc", "anchor", "occ", "addr")}
    level = box(0, 0, 60, 40)
    feats = {
        "address": [_feature("address", ids["addr"], None, address="1 Road", locality="Taipei",
                             country="TW")],
        "venue": [_feature("venue", ids["venue"], w(level),
                           name={"en": "Hall A", "zh-Hant": "A館"}, category="conventioncenter",
                           address_id=ids["addr"])],
        "building": [_feature("building", ids["building"], w(level),  # should be null
                              name={"en": "Hall A"}, category="unspecified")],
        "level": [_feature("level", ids["level"], w(level), ordinal=0, outdoor=False,
                           category="unspecified", name={"en": "Ground", "zh-Hant": "一樓"},
                           short_name={"en": "A-1F"}, building_ids=[ids["building"]])],
        "unit": [
            _feature("unit", ids["walk"], w(level), category="walkway", level_id=ids["level"]),
            _feature("unit", ids["b1"], w(box(10, 10, 13, 13)), category="room",
                     name={"en": "A-101"}, level_id=ids["level"]),
            _feature("unit", ids["b2"], w(box(40, 10, 46, 13)), category="room",
                     name={"en": "A 105"}, level_id=ids["level"]),
            _feature("unit", ids["col"], w(box(30, 20, 31, 21)), category="column",
                     level_id=ids["level"]),
            _feature("unit", "column-7", w(box(20, 30, 21, 31)), category="column",
                     level_id=ids["level"]),                       # id not a UUID
            _feature("unit", str(uuid.uuid4()), w(box(100, 10, 103, 13)), category="room",
                     name={"en": "A-109"}, level_id=ids["level"]),  # outside its level
            _feature("unit", str(uuid.uuid4()), w(box(5, 5, 8, 8)), category="room",
                     name={"en": "A-111"}, level_id=str(uuid.uuid4())),  # no such level
        ],
        "opening": [_feature("opening", ids["door"], w(LineString([(60, 18), (60, 22)])),
                             category="pedestrian", name={"en": "East door"},
                             level_id=ids["level"])],
        "amenity": [
            _feature("amenity", ids["wc"], w(Point(5, 35)), category="restroom",
                     name={"en": "Toilets"}, unit_ids=[ids["walk"]]),
            _feature("amenity", str(uuid.uuid4()), w(Point(5, 30)), category="information",
                     unit_ids=[]),                                  # no unit: no level
        ],
        "anchor": [_feature("anchor", ids["anchor"], w(Point(11.5, 11.5)), unit_id=ids["b1"]),
                   _feature("anchor", str(uuid.uuid4()), w(Point(5, 20)),
                            unit_id=ids["walk"])],
    }
    feats["occupant"] = [
        _feature("occupant", ids["occ"], None, name={"en": "Acme Robotics"},
                 category="unspecified", anchor_id=ids["anchor"]),
        _feature("occupant", "occ-2", None, name={"en": "Walkway Co"}, category="walkway",
                 anchor_id=feats["anchor"][1]["id"]),            # anchored in no booth
    ]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps({"version": "1.0.0", "language": "en"}))
        for kind, fs in feats.items():
            z.writestr(f"{kind}.geojson", json.dumps({"type": "FeatureCollection",
                                                      "features": fs}))
    return path


def test_an_imperfect_archive_imports_what_is_sound_and_routes(tmp_path):
    from exponav.core.io.datafile import build_data_file
    from exponav.core.layout import Layout, read_rules
    from exponav.core.navigator import Navigator

    archive = make_foreign_archive(tmp_path / "foreign.zip")
    result = import_imdf(read_archive(archive), "halla")
    c = result.counts()
    assert (c["levels"], c["booths"], c["obstacles"], c["openings"], c["amenities"],
            c["occupants"]) == (1, 2, 2, 1, 1, 1)
    why = {s["what"].split()[0] + " " + s["why"] for s in result.skipped}
    assert "unit it lies outside its level A-1F" in why
    assert "unit its level_id names no level of the archive" in why
    assert "amenity its unit_ids name no unit on one level of the archive" in why
    assert "occupant its anchor is not in a booth of the archive" in why
    assert {"what": "unit column-7", "why": "its id is not a UUID; kept as it is"} in \
        result.repaired
    assert any(r["what"].startswith("building ") for r in result.repaired)
    write_venue(result, tmp_path / "venue")
    write_show(result, tmp_path / "show", "demo")
    venue, show = load_venue(tmp_path / "venue"), load_show(tmp_path / "show")
    assert sorted(b.code for b in venue.booths()) == ["A0101", "A0105"]
    assert venue.booths()[0].polygon.bounds == pytest.approx((10, 10, 13, 13), abs=0.01)
    layout = Layout(venue, show, read_rules(tmp_path / "venue"))
    assert not [v for v in layout.violations if v.severity == "error"], layout.violations
    (ex,) = show.exhibitors.values()
    assert ex.name == "Acme Robotics" and ex.booths == ("A0101",)
    data = build_data_file(tmp_path / "halla.exponav.db", venue_dir=tmp_path / "venue",
                           show_dir=tmp_path / "show")
    nav = Navigator.open(data)
    try:
        route = nav.route("A0101", "A0105")
        assert 20.0 < route.length_m < 60.0
    finally:
        nav.close()


def test_not_an_archive(tmp_path):
    (tmp_path / "x.zip").write_text("no")
    with pytest.raises(DataError, match="not a zip archive"):
        read_archive(tmp_path / "x.zip")
    (tmp_path / "d").mkdir()
    with pytest.raises(DataError, match="no manifest.json"):
        read_archive(tmp_path / "d")
