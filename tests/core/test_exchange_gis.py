"""GIS exports: the georeference's arithmetic, GeoJSON and GeoPackage layers in WGS84, and
GDAL reading them at the true place and scale."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from dataclasses import replace

import pytest
from pyproj import Geod
from shapely.geometry import shape

from exponav.core.errors import DataError
from exponav.core.exchange.geo import Georeference
from exponav.core.exchange.gis import (
    GPKG_APPLICATION_ID,
    export_geojson,
    export_gpkg,
    layers,
    read_gpkg_geometry,
)
from exponav.core.io.floorplan import load_venue
from exponav.core.paths import venue_dir

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def venue():
    return load_venue(venue_dir())


def _standard(venue):
    return next(b for b in venue.booths() if abs(b.area_m2 - 9.0) < 1e-9)


@pytest.mark.parametrize("rotation", [0.0, 90.0, -33.5])
def test_the_georeference_goes_there_and_back_within_a_millimetre(rotation):
    geo = Georeference(121.6175, 25.0565, rotation)
    for x, y in ((0.0, 0.0), (153.0, 126.0), (380.0, -20.0)):
        bx, by = geo.to_local(*geo.to_lonlat(x, y))
        assert abs(bx - x) < 1e-3 and abs(by - y) < 1e-3


def test_rotation_is_the_bearing_of_the_plans_y_axis():
    geo = Georeference(121.6175, 25.0565, 90.0)
    lon0, lat0 = geo.to_lonlat(0.0, 0.0)
    lon, lat = geo.to_lonlat(0.0, 100.0)  # plan north points east
    azimuth, _, dist = GEOD.inv(lon0, lat0, lon, lat)
    assert abs(azimuth - 90.0) < 0.01 and abs(dist - 100.0) < 0.01


def test_a_standard_booth_keeps_its_9_square_metres(venue):
    booth = _standard(venue)
    layer = next(la for la in layers(venue) if la.kind == "booth" and la.level == booth.level)
    geom = next(g for g, p in layer.features if p["code"] == booth.code)
    area, _ = GEOD.geometry_area_perimeter(geom)
    assert abs(abs(area) - 9.0) < 0.01
    assert 121.6 < geom.centroid.x < 121.63 and 25.05 < geom.centroid.y < 25.07


def test_no_georeference_says_what_to_add(venue, tmp_path):
    with pytest.raises(DataError, match="has no georeference; add"):
        export_geojson(replace(venue, georeference=None), venue_dir(), tmp_path / "out")
    with pytest.raises(DataError, match="origin_lon, origin_lat"):
        Georeference.from_json({"origin_lon": "east"})


def test_geojson_layers_per_kind_and_level(venue, tmp_path):
    written, count = export_geojson(venue, venue_dir(), tmp_path / "out")
    names = {p.stem for p in written}
    assert {"h2_1f_booth", "h2_4f_footprint", "h1_1f_amenity", "h2_1f_opening"} <= names
    total = 0
    for p in written:
        doc = json.loads(p.read_text(encoding="utf-8"))
        total += len(doc["features"])
        lon, lat = shape(doc["features"][0]["geometry"]).representative_point().coords[0]
        assert 121.6 < float(lon) < 121.63 and 25.05 < float(lat) < 25.07
    assert total == count == sum(len(p.booths) for p in venue.plans.values()) + sum(
        1 + len(p.obstacles) + len(p.zones) + len(p.amenities) + len(p.openings)
        + len(p.kiosks) + len(p.connector_points) for p in venue.plans.values())


def test_the_geopackage_follows_the_spec_and_holds_the_geometry(venue, tmp_path):
    out = tmp_path / "tainex.gpkg"
    (written,), count = export_gpkg(venue, venue_dir(), out)
    assert written == out and out.stat().st_mode & 0o777 == 0o644
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        srs = {r[0] for r in conn.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")}
        assert srs == {-1, 0, 4326}
        tables = [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")]
        cols = dict(conn.execute("SELECT table_name, geometry_type_name FROM "
                                 "gpkg_geometry_columns"))
        assert set(tables) == set(cols) and cols["h2_1f_booth"] == "POLYGON"
        assert sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in tables) == count
        booth = _standard(venue)
        table = f"{booth.level.lower().replace('-', '_')}_booth"
        blob, = conn.execute(f'SELECT geom FROM "{table}" WHERE code = ?',
                             (booth.code,)).fetchone()
    finally:
        conn.close()
    back = Georeference.from_json(venue.georeference).geometry_to_local(
        read_gpkg_geometry(blob))
    assert back.symmetric_difference(booth.polygon).area < 1e-4
    with pytest.raises(DataError, match="ends in .gpkg"):
        export_gpkg(venue, venue_dir(), tmp_path / "tainex.sqlite")


@pytest.mark.skipif(shutil.which("ogrinfo") is None or shutil.which("ogr2ogr") is None,
                    reason="GDAL's ogrinfo is not installed")
def test_gdal_opens_the_geopackage_at_the_true_place_and_scale(venue, tmp_path):
    out = tmp_path / "tainex.gpkg"
    export_gpkg(venue, venue_dir(), out)
    booth = _standard(venue)
    table = f"{booth.level.lower().replace('-', '_')}_booth"
    info = subprocess.run(["ogrinfo", "-so", str(out), table], capture_output=True,
                          text=True, check=True).stdout
    assert "Geometry: Polygon" in info and "WGS 84" in info
    count = sum(1 for b in venue.plans[booth.level].booths)
    assert f"Feature Count: {count}" in info
    extent = info.split("Extent: ", 1)[1].split("\n", 1)[0]
    lon = float(extent.strip("(").split(",")[0])
    assert 121.6 < lon < 121.63
    # back to metres in Taiwan's own grid (TWD97 / TM2): the booth is 3 m x 3 m again
    back = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:3826", "/vsistdout/",
                           str(out), table, "-where", f"code = '{booth.code}'"],
                          capture_output=True, text=True, check=True).stdout
    (feature,) = json.loads(back)["features"]
    assert abs(shape(feature["geometry"]).area - 9.0) < 0.01
