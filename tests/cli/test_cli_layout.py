"""``exponav validate``, ``exponav layout apply`` and the rules check of ``build-data``:
what they print, their exit status, and that bad input writes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from shapely.geometry import Point

from exponav.cli.commands import main
from exponav.core.navigator import Navigator
from exponav.core.paths import show_dir, venue_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    v, s = tmp_path / "tainex", tmp_path / "scse2025"
    shutil.copytree(venue_dir(), v)
    shutil.copytree(show_dir(), s)
    return v, s


def _files(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for f in folders for p in sorted(f.iterdir())}


def _changes(tmp_path: Path, changes: object, name: str = "changes.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(changes), encoding="utf-8")
    return str(path)


# -- validate ----------------------------------------------------------------------------

def test_validate_the_shipped_plan(capsys):
    code, out, _ = run(capsys, "validate", "--json")
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"ok", "errors", "warnings", "checked_ms", "violations"}
    assert d["ok"] and d["errors"] == 0 and d["violations"] == []
    code, out, _ = run(capsys, "validate")
    assert code == 0 and out.startswith("OK: 0 error(s)")


def _level(v: Path, level: str, change: Callable[[list[dict]], None]) -> None:
    path = v / f"{level}.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc["features"])
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _booth(features: list[dict], code: str) -> dict:
    return next(f for f in features if f["properties"].get("code") == code)


def _shift(feature: dict, dx: float, dy: float) -> None:
    feature["geometry"]["coordinates"] = [[[x + dx, y + dy] for x, y in ring]
                                          for ring in feature["geometry"]["coordinates"]]


def _westmost_half_out(features: list[dict]) -> None:
    booths = [f for f in features if f["properties"]["kind"] == "booth"]
    f = min(booths, key=lambda f: min(x for x, _ in f["geometry"]["coordinates"][0]))
    xs = [x for x, _ in f["geometry"]["coordinates"][0]]
    _shift(f, -min(xs) - (max(xs) - min(xs)) / 2, 0)


def _kiosk_in_booth(features: list[dict]) -> None:
    kiosk = next(f for f in features if f["properties"]["kind"] == "kiosk")
    ring = _booth(features, "Q0311")["geometry"]["coordinates"][0][:4]
    kiosk["geometry"]["coordinates"] = [sum(x for x, _ in ring) / 4, sum(y for _, y in ring) / 4]


def _opening_mid_hall(features: list[dict]) -> None:
    next(f for f in features if f["properties"]["kind"] == "opening")["geometry"][
        "coordinates"] = [[76.0, 60.0], [76.0, 64.0]]


def _wall_across(features: list[dict]) -> None:
    features.append({"type": "Feature", "properties": {"kind": "obstacle", "category": "wall"},
                     "geometry": {"type": "Polygon", "coordinates": [
                         [[0, 61], [153, 61], [153, 61.4], [0, 61.4], [0, 61]]]}})


def _connector_far(v: Path) -> None:
    path = v / "venue.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["connectors"][0]["ends"][0]["x"] = 10000.0
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


BREAKAGES = {
    "booths on top of each other": (
        lambda v: _level(v, "H2-1F", lambda fs: _shift(_booth(fs, "Q0311"), 6, 0)),
        "booth.overlap", ["Q0311", "Q0319"]),
    "a booth 1 km outside the hall": (
        lambda v: _level(v, "H2-1F", lambda fs: _shift(_booth(fs, "Q0311"), 1000, 0)),
        "booth.outside", ["Q0311"]),
    "a booth half over the outer wall": (
        lambda v: _level(v, "H2-1F", _westmost_half_out), "booth.outside", None),
    "a kiosk inside a booth": (
        lambda v: _level(v, "H2-1F", _kiosk_in_booth), "point.in_booth", None),
    "an opening in the middle of the hall": (
        lambda v: _level(v, "H2-1F", _opening_mid_hall), "opening.off_edge", ["OP-H2-1F-E1"]),
    "a connector end at x = 10,000": (_connector_far, "connector.off_level", ["ES-H2-A"]),
    "a wall across the hall": (
        lambda v: _level(v, "H2-1F", _wall_across), "booth.obstacle", None),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_validate_finds_each_silent_breakage(capsys, copy, name):
    v, s = copy
    breaking, rule, codes = BREAKAGES[name]
    breaking(v)
    code, out, _ = run(capsys, "validate", "--venue", str(v), "--show", str(s), "--json")
    assert code == 1
    d = json.loads(out)
    assert not d["ok"] and d["errors"] >= 1
    found = [x for x in d["violations"] if x["rule"] == rule and x["severity"] == "error"]
    assert found, f"{name}: {[x['rule'] for x in d['violations']]}"
    if codes is not None:
        assert found[0]["codes"] == codes
    assert all(x["message"] and x["message_zh"] and x["message_id"] and len(x["at"]) == 2
               for x in found)


def test_validate_a_data_file_with_the_rules_build_data_kept(capsys, copy, tmp_path):
    v, s = copy
    out_file = tmp_path / "built.exponav.db"
    code, out, _ = run(capsys, "build-data", "--venue", str(v), "--show", str(s),
                       "--data", str(out_file))
    assert code == 0 and out_file.is_file()
    code, out, _ = run(capsys, "validate", "--data", str(out_file), "--json")
    assert code == 0 and json.loads(out)["ok"]
    from exponav.cli.layout import _sources  # the main aisles came along with the file

    class Args:
        data, venue, show = str(out_file), None, None

    assert _sources(Args())[2].main_aisles


@pytest.mark.parametrize("argv, says", [
    (["--venue", "/nowhere/at/all"], "no venue folder"),
    (["--data", "/nowhere.db"], "does not exist"),
    (["--data", "x.db", "--venue", "."], "not both"),
])
def test_validate_bad_input_is_one_sentence_and_status_2(capsys, argv, says):
    code, out, err = run(capsys, "validate", *argv)
    assert code == 2 and says in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_validate_a_venue_json_with_bad_rules(capsys, copy):
    v, s = copy
    doc = json.loads((v / "venue.json").read_text(encoding="utf-8"))
    doc["rules"]["aisle_min_m"] = "wide"
    (v / "venue.json").write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "validate", "--venue", str(v), "--show", str(s))
    assert code == 2 and "rules.aisle_min_m must be a positive number" in err


# -- layout apply ------------------------------------------------------------------------

def test_a_3_m_move_changes_only_that_booths_lines_and_a_navigator_finds_it_there(
        capsys, copy, tmp_path):
    v, s = copy
    before = (v / "H2-1F.geojson").read_text(encoding="utf-8").splitlines()
    untouched = {k: b for k, b in _files(v, s).items() if not k.endswith("H2-1F.geojson")}
    changes = _changes(tmp_path, [{"op": "move", "code": "Q0125", "dx": 0, "dy": -3}])
    code, out, err = run(capsys, "layout", "apply", changes, "--venue", str(v), "--show",
                         str(s), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert set(d) >= {"applied", "violations", "written"}
    assert d["applied"] == 1 and d["written"] == [str(v / "H2-1F.geojson")]
    after = (v / "H2-1F.geojson").read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    start = next(i for i, line in enumerate(before) if '"code": "Q0125"' in line)
    end = next(i for i in range(start, len(before)) if before[i] == "  }")
    assert len(after) == len(before) and changed and all(start < i < end for i in changed)
    assert {k: b for k, b in _files(v, s).items() if k in untouched} == untouched

    data = tmp_path / "moved.exponav.db"
    assert run(capsys, "build-data", "--venue", str(v), "--show", str(s), "--data",
               str(data))[0] == 0
    nav = Navigator.open(data)
    try:
        booth = nav.booth("Q0125").booth
        c = booth.polygon.centroid
        assert nav.booth_at("H2-1F", c.x, c.y).code == "Q0125"
        assert next(h for h in nav.search("Q0125") if h.id == "Q0125").level == "H2-1F"
        route = nav.route("K-H2-1F-1", "Q0125")
        assert booth.polygon.exterior.distance(Point(route.legs[-1].coords[-1])) <= 0.61
    finally:
        nav.close()


def test_changes_that_add_an_error_are_refused_unless_forced(capsys, copy, tmp_path):
    v, s = copy
    files = _files(v, s)
    changes = _changes(tmp_path, [{"op": "move", "code": "Q0311", "dx": 6, "dy": 0}])
    code, out, err = run(capsys, "layout", "apply", changes, "--venue", str(v), "--show",
                         str(s), "--json")
    assert code == 1 and "nothing was written" in err and "Q0311 and Q0319 overlap" in err
    d = json.loads(out)
    assert d["written"] == [] and [x["rule"] for x in d["added"]] == ["booth.overlap"]
    assert _files(v, s) == files
    code, out, _ = run(capsys, "layout", "apply", changes, "--venue", str(v), "--show",
                       str(s), "--dry-run", "--force")
    assert code == 0 and "Dry run: nothing written." in out and _files(v, s) == files
    code, out, _ = run(capsys, "layout", "apply", changes, "--venue", str(v), "--show",
                       str(s), "--force")
    assert code == 0 and "wrote" in out and _files(v, s) != files
    code, _, _ = run(capsys, "validate", "--venue", str(v), "--show", str(s))
    assert code == 1


def test_assignments_and_status_go_to_the_show_files(capsys, copy, tmp_path):
    v, s = copy
    changes = _changes(tmp_path, [
        {"op": "status", "code": "Q0913", "status": "reserved", "price": 9000},
        {"op": "assign", "code": "Q0913", "exhibitor": "EX0001"},
        {"op": "split", "code": "Q0913", "parts": 2}])
    code, out, err = run(capsys, "layout", "apply", changes, "--venue", str(v), "--show",
                         str(s), "--json")
    assert code == 0, err
    written = {Path(p).name for p in json.loads(out)["written"]}
    assert written == {"H2-1F.geojson", "exhibitors.csv", "booth_status.csv"}
    assert "Q0913a,reserved,9000" in (s / "booth_status.csv").read_text(encoding="utf-8")
    row = next(r for r in (s / "exhibitors.csv").read_text(encoding="utf-8").splitlines()
               if r.startswith("EX0001,"))
    assert "Q0311;Q0319;Q0913a;Q0913b," in row


@pytest.mark.parametrize("changes, says", [
    ([{"op": "teleport", "code": "Q0311"}], "change 0: unknown op 'teleport'"),
    ([{"op": "move", "code": "Q0125", "dy": -3}, {"op": "move", "code": "Q9999", "dx": 1}],
     "change 1 (move Q9999): there is no booth Q9999"),
    ([{"op": "reshape", "code": "Q0125", "polygon": [[0, 0], [3, 3], [3, 0], [0, 3]]}],
     "change 0 (reshape Q0125): reshape Q0125: the polygon is not valid"),
    ([{"op": "split", "code": "Q0311", "parts": 2}], "change 0 (split Q0311): booth Q0311 is sold"),
    ([{"op": "merge", "codes": ["Q0125", "S1024"], "code": "Q0125"}],
     "are on 2 levels (H2-1F, H2-4F)"),
    ({"op": "move"}, "must be a JSON list"),
])
def test_bad_changes_name_the_change_exit_2_and_write_nothing(capsys, copy, tmp_path,
                                                               changes, says):
    v, s = copy
    files = _files(v, s)
    code, out, err = run(capsys, "layout", "apply", _changes(tmp_path, changes), "--venue",
                         str(v), "--show", str(s))
    assert code == 2 and says in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and out == ""
    assert _files(v, s) == files


def test_a_changes_file_that_is_not_json(capsys, copy, tmp_path):
    v, s = copy
    path = tmp_path / "changes.json"
    path.write_text('[{"op": "move",\n', encoding="utf-8")
    files = _files(v, s)
    code, _, err = run(capsys, "layout", "apply", str(path), "--venue", str(v), "--show",
                       str(s))
    assert code == 2 and "changes.json, line 2: not valid JSON" in err
    code, _, err = run(capsys, "layout", "apply", str(tmp_path / "none.json"))
    assert code == 2 and "does not exist" in err
    assert _files(v, s) == files


# -- build-data --------------------------------------------------------------------------

def test_build_data_refuses_a_plan_with_errors_unless_forced(capsys, copy, tmp_path):
    v, s = copy

    def crowd(features):  # six booths onto their neighbours
        for code in ("Q0311", "Q0319", "Q0112", "Q0114", "Q0701", "Q0703"):
            _shift(_booth(features, code), 1.5, 0.5)

    _level(v, "H2-1F", crowd)
    out_file = tmp_path / "crowded.exponav.db"
    code, out, err = run(capsys, "build-data", "--venue", str(v), "--show", str(s), "--data",
                         str(out_file))
    assert code == 1 and not out_file.exists()
    lines = err.strip().splitlines()
    assert "nothing was built" in lines[0] and "--force" in lines[0]
    assert len(lines) == 1 + 5 + 1 and "more (exponav validate lists them)" in lines[-1]
    code, out, _ = run(capsys, "build-data", "--venue", str(v), "--show", str(s), "--data",
                       str(out_file), "--force")
    assert code == 0 and out_file.is_file()


# -- bench -------------------------------------------------------------------------------

def test_the_layout_bench_rows(data_file):
    from exponav.diagnostics.layout_bench import layout_bench_rows

    rows = layout_bench_rows(data_file, repeat=3)
    assert [r["name"] for r in rows] == ["validate_full", "validate_after_edit", "edit_applied",
                                         "edit_applied_split"]
    for r in rows:
        assert set(r) == {"name", "n", "p50_ms", "p95_ms", "budget_ms"}
        assert r["n"] >= 1 and 0 < r["p50_ms"] <= r["p95_ms"] and r["budget_ms"] > 0
