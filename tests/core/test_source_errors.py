"""Broken floor plans and show files: one sentence naming the file, the feature (or line)
and what was expected; never a traceback, never a runaway build."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.io.datafile import build_data_file
from exponav.core.io.floorplan import (
    MAX_FEATURES_PER_LEVEL,
    MAX_FILE_BYTES,
    MAX_VERTICES,
    load_venue,
)
from exponav.core.io.showcsv import load_show

LEVEL = "H2-1F.geojson"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("venue") / "tainex"
    shutil.copytree(paths.venue_dir(), folder)
    return folder


@pytest.fixture
def venue(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "tainex"
    shutil.copytree(pristine, folder)
    return folder


def _index(doc: dict, kind: str, n: int = 0) -> int:
    return [i for i, f in enumerate(doc["features"]) if f["properties"]["kind"] == kind][n]


def _drop(kind: str, key: str) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        del doc["features"][_index(doc, kind)]["properties"][key]
    return mutate


def _set(kind: str, key: str, value: object) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        doc["features"][_index(doc, kind)]["properties"][key] = value
    return mutate


def _geometry(kind: str, geometry: object) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        doc["features"][_index(doc, kind)]["geometry"] = geometry
    return mutate


def _feature(i: int, value: object) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        doc["features"][i] = value
    return mutate


def _features(value: object) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        doc["features"] = value
    return mutate


def _dup_code(doc: dict) -> None:
    first, second = _index(doc, "booth", 0), _index(doc, "booth", 1)
    doc["features"][second]["properties"]["code"] = doc["features"][first]["properties"]["code"]


LEVEL_CASES = {
    "kiosk without id": (_drop("kiosk", "id"), r"feature \d+ .*an? kiosk needs .*\"id\""),
    "amenity without id": (_drop("amenity", "id"), r"feature \d+ .*an amenity needs"),
    "zone without id": (_drop("zone", "id"), r"feature \d+ .*a zone needs"),
    "opening without id": (_drop("opening", "id"), r"feature \d+ .*an opening needs"),
    "connector point without connector": (_drop("connector", "connector"),
                                          r"feature \d+ .*\"connector\" property"),
    "booth without code": (_drop("booth", "code"), r"feature \d+ .*a booth needs a \"code\""),
    "id that is an object": (_set("amenity", "id", {"a": 1}), r"feature \d+ .*needs"),
    "feature that is a string": (_feature(5, "hello"), r"feature 5: .*not a string"),
    "feature that is null": (_feature(5, None), r"feature 5: .*not null"),
    "feature that is a number": (_feature(5, 7), r"feature 5: .*not a number"),
    "features an object": (_features({"a": 1}), r"\"features\" must be a list .*an object"),
    "features a string": (_features("x"), r"\"features\" must be a list"),
    "properties a string": (lambda d: d["features"][3].update(properties="x"),
                            r"feature 3: \"properties\" must be an object"),
    "kind a list": (lambda d: d["features"][3]["properties"].update(kind=["booth"]),
                    r"feature 3 .*properties.kind must be one of"),
    "kind unknown": (lambda d: d["features"][3]["properties"].update(kind="stall"),
                     r"feature 3 .*properties.kind must be one of"),
    "geometry missing": (_geometry("booth", None), r"geometry is missing or malformed"),
    "geometry a string": (_geometry("booth", "POLYGON"), r"geometry is missing or malformed"),
    "geometry of the wrong type": (_geometry("booth", {"type": "Point", "coordinates": [1, 2]}),
                                   r"expected a Polygon, found a Point"),
    "coordinates not numbers": (_geometry("amenity", {"type": "Point", "coordinates": ["a", 1]}),
                                r"geometry is missing or malformed"),
    "coordinate NaN": (_geometry("amenity", {"type": "Point", "coordinates": [float("nan"), 1]}),
                       r"not valid \(Invalid Coordinate"),
    "coordinate far away": (_geometry("amenity", {"type": "Point", "coordinates": [1e308, 1]}),
                            r"more than 1,000 km from the venue's origin"),
    "self-intersecting booth": (_geometry("booth", {"type": "Polygon", "coordinates": [
        [[0, 0], [3, 3], [3, 0], [0, 3], [0, 0]]]}), r"not valid \(Self-intersection"),
    "kiosk heading NaN": (_set("kiosk", "heading_deg", float("nan")),
                          r"feature \d+: kiosk .* numeric heading_deg"),
    "kiosk heading text": (_set("kiosk", "heading_deg", "north"),
                           r"feature \d+: kiosk .* numeric heading_deg"),
    "booth code malformed": (_set("booth", "code", "ZZ"), r"booth code 'ZZ' is not an area"),
    "booth code twice on a level": (_dup_code, r"booth code \w+ is used more than once \(also "
                                               rf"{LEVEL}, feature \d+\)"),
    "second footprint": (lambda d: d["features"].append(d["features"][_index(d, "footprint")]),
                         r"more than one footprint"),
    "no footprint": (lambda d: d["features"].pop(_index(d, "footprint")), r"no footprint"),
    "not a FeatureCollection": (lambda d: d.update(type="Feature"), r"FeatureCollection"),
    "nested properties 100 deep": (_set("booth", "x", json.loads("[" * 100 + "]" * 100)),
                                   r"feature \d+ .*nested more than 32 levels"),
    "too many vertices": (_geometry("obstacle", {"type": "Polygon", "coordinates": [
        [[i % 97, (i * 7) % 89] for i in range(MAX_VERTICES + 1)]]}), r"vertices; a shape may "
                                                                       r"have at most 100,000"),
}


@pytest.mark.parametrize("case", list(LEVEL_CASES))
def test_a_broken_level_file_is_one_sentence_naming_the_feature(venue: Path, case: str):
    mutate, expected = LEVEL_CASES[case]
    path = venue / LEVEL
    doc = json.loads(path.read_text(encoding="utf-8"))
    mutate(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_venue(venue)
    message = str(e.value)
    assert LEVEL in message and "\n" not in message and message.endswith(".")
    assert __import__("re").search(expected, message), message


def _rewrite(path: Path, change: Callable[[str], str | bytes]) -> None:
    new = change(path.read_text(encoding="utf-8"))
    if isinstance(new, bytes):
        path.write_bytes(new)
    else:
        path.write_text(new, encoding="utf-8")


DEEP = "[" * 100_000 + "]" * 100_000

FILE_CASES = {
    "byte-order mark": (lambda t: b"\xef\xbb\xbf" + t.encode(), "byte-order mark; save it as "
                                                                 "UTF-8"),
    "UTF-16": (lambda t: t.encode("utf-16"), "UTF-16, not UTF-8; save it as UTF-8"),
    "UTF-16 without a mark": (lambda t: t.encode("utf-16-le"), "save it as UTF-8"),
    "Big5": (lambda t: t.encode("big5", errors="replace"), "not UTF-8 (perhaps Big5"),
    "truncated JSON": (lambda t: t[: len(t) // 2], "not valid JSON"),
    "empty": (lambda t: "", "line 1: not valid JSON"),
    "a property nested 100,000 deep": (
        lambda t: t.replace('"kind": "booth"', f'"x": {DEEP}, "kind": "booth"', 1),
        "nested more than 32 levels deep"),
}


@pytest.mark.parametrize("case", list(FILE_CASES))
def test_a_level_file_in_the_wrong_form_says_what_to_do(venue: Path, case: str):
    change, expected = FILE_CASES[case]
    _rewrite(venue / LEVEL, change)
    with pytest.raises(DataError) as e:
        load_venue(venue)
    assert LEVEL in str(e.value) and expected in str(e.value), str(e.value)
    assert "\n" not in str(e.value) and "codec" not in str(e.value)


def test_the_deep_property_is_found_by_feature(venue: Path):
    _rewrite(venue / LEVEL, FILE_CASES["a property nested 100,000 deep"][0])
    doc_text = (venue / LEVEL).read_text(encoding="utf-8")
    with pytest.raises(DataError, match=r"H2-1F.geojson, feature \d+ \(line \d+\)") as e:
        load_venue(venue)
    index = int(str(e.value).split("feature ")[1].split(" ")[0])
    before = doc_text[: doc_text.index(DEEP[:50])]
    assert before.count('"kind"') == index  # the feature holding the deep value


def _venue_json(venue: Path, change: Callable[[dict], None]) -> None:
    path = venue / "venue.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


VENUE_CASES = {
    "two levels with one id": (lambda d: d["levels"][1].update(id=d["levels"][0]["id"]),
                               "levels 0 and 1 both have the id H2-1F"),
    "two levels with one file": (lambda d: d["levels"][1].update(file=d["levels"][0]["file"]),
                                 "levels 0 and 1 both use the file H2-1F.geojson"),
    "levels an object": (lambda d: d.update(levels={"a": 1}), "\"levels\" must be a list"),
    "no levels": (lambda d: d.update(levels=[]), "lists no level"),
    "a level that is a string": (lambda d: d["levels"].__setitem__(0, "H2-1F"),
                                 "level 0 must be an object"),
    "a level without ordinal": (lambda d: d["levels"][0].pop("ordinal"),
                                "level 0 needs id, ordinal and file"),
    "connectors a string": (lambda d: d.update(connectors="x"), "\"connectors\" must be a list"),
    "a connector that is a number": (lambda d: d["connectors"].__setitem__(0, 5),
                                     "needs kind and ends"),
    "a connector end at infinity": (lambda d: d["connectors"][0]["ends"][0].update(x=1e999),
                                    "needs kind and ends with level, x and y (numbers)"),
    "a connector with a negative ride": (lambda d: d["connectors"][0].update(ride_s=-5),
                        "cannot be negative"),
    "a connector id used twice": (lambda d: d["connectors"][1].update(id=d["connectors"][0]["id"]),
                                  "is used more than once"),
    "a connector to a missing level": (lambda d: d["connectors"][0]["ends"][0].update(level="X"),
                                       "names level X, which is not listed"),
}


@pytest.mark.parametrize("case", list(VENUE_CASES))
def test_a_broken_venue_json_names_the_real_cause(venue: Path, case: str):
    change, expected = VENUE_CASES[case]
    _venue_json(venue, change)
    with pytest.raises(DataError) as e:
        load_venue(venue)
    assert "venue.json" in str(e.value) and expected in str(e.value), str(e.value)
    assert "connector" not in str(e.value) or "connector" in case


def test_a_booth_code_on_two_levels_names_both_features_not_the_exhibitors(venue: Path,
                                                                          tmp_path: Path):
    upper = json.loads((venue / "H2-4F.geojson").read_text(encoding="utf-8"))
    code = upper["features"][_index(upper, "booth")]["properties"]["code"]
    path = venue / LEVEL
    doc = json.loads(path.read_text(encoding="utf-8"))
    moved = doc["features"][_index(doc, "booth")]["properties"]
    moved["code"] = code
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as e:
        build_data_file(tmp_path / "x.db", venue, paths.show_dir())
    message = str(e.value)
    assert f"booth code {code} is used more than once" in message
    assert "H2-1F.geojson, feature" in message and "H2-4F.geojson, feature" in message
    assert "exhibitors.csv" not in message
    assert not (tmp_path / "x.db").exists() and not list(tmp_path.glob(".x.db.*"))


def test_limits_refuse_a_runaway_file_at_once(venue: Path):
    path = venue / LEVEL
    with path.open("r+b") as f:  # a sparse file just over the limit: refused before reading
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(DataError, match="a source file may be at most 50 MB"):
        load_venue(venue)


def test_a_level_of_too_many_features_is_refused(venue: Path, monkeypatch: pytest.MonkeyPatch):
    from exponav.core.io import floorplan

    assert MAX_FEATURES_PER_LEVEL == 200_000  # far above a real level (~4,000)
    monkeypatch.setattr(floorplan, "MAX_FEATURES_PER_LEVEL", 100)  # the same check, smaller
    with pytest.raises(DataError, match=r"H2-1F.geojson: 6\d\d features; a level may hold at "
                                        "most 100"):
        load_venue(venue)


def test_a_level_file_that_is_a_folder(venue: Path):
    (venue / LEVEL).unlink()
    (venue / LEVEL).mkdir()
    with pytest.raises(DataError, match="H2-1F.geojson is a folder"):
        load_venue(venue)


# -- show files ----------------------------------------------------------------------------

@pytest.fixture
def show(tmp_path: Path) -> Path:
    folder = tmp_path / "show"
    shutil.copytree(paths.show_dir(), folder)
    return folder


SHOW_CASES = {
    ("exhibitors.csv", "Big5"): (lambda t: t.encode("big5", errors="replace"),
                                 "not UTF-8 (perhaps Big5"),
    ("exhibitors.csv", "UTF-16"): (lambda t: t.encode("utf-16"), "UTF-16, not UTF-8"),
    ("sessions.csv", "Big5"): (lambda t: t.encode("big5", errors="replace"), "save it as UTF-8"),
    ("categories.csv", "no id column"): (lambda t: t.replace("id,", "key,", 1),
                                         "line 1: missing column(s) id"),
    ("show.json", "byte-order mark"): (lambda t: b"\xef\xbb\xbf" + t.encode(),
                                       "byte-order mark; save it as UTF-8"),
    ("show.json", "Big5"): (lambda t: t.replace("Smart", "智慧").encode("big5"),
                            "not UTF-8 (perhaps Big5"),
    ("show.json", "a list"): (lambda t: "[]", "expected id, names, venue"),
    ("show.json", "deep"): (lambda t: DEEP, "nested more than 32 levels deep"),
}


@pytest.mark.parametrize("case", list(SHOW_CASES))
def test_a_broken_show_file_says_what_to_do(show: Path, case: tuple[str, str]):
    change, expected = SHOW_CASES[case]
    _rewrite(show / case[0], change)
    with pytest.raises(DataError) as e:
        load_show(show)
    assert case[0] in str(e.value) and expected in str(e.value), str(e.value)
    assert "\n" not in str(e.value) and "codec" not in str(e.value)


def test_a_csv_with_a_byte_order_mark_still_reads(show: Path):
    path = show / "categories.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "ai" in load_show(show).categories


def test_a_booth_given_twice_names_exhibitors_csv(show: Path, tmp_path: Path):
    path = show / "exhibitors.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[1]["booths"] = rows[0]["booths"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError, match=r"exhibitors.csv: booth \w+ is given to both"):
        build_data_file(tmp_path / "x.db", paths.venue_dir(), show)
