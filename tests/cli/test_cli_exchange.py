"""``exponav import`` and ``exponav export`` on the command line: what they print, their
exit status, and that a dry run or a bad sheet writes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exponav.cli.commands import main
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


def test_import_exhibitors_dry_run_reports_and_writes_nothing(capsys, copy, tmp_path):
    v, s = copy
    sheet = tmp_path / "list.csv"
    sheet.write_bytes("攤位,名稱,Notes\nQ-311,中華電信,x\nQ213,新公司,y\n".encode("cp950"))
    before = _files(v, s)
    code, out, err = run(capsys, "import", "exhibitors", str(sheet), "--venue", str(v),
                         "--show", str(s), "--dry-run", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["imported"]["rows"] == 2 and doc["imported"]["new"] == 1
    assert doc["encoding"] == "cp950" and doc["written"] == [] and doc["dry_run"]
    assert doc["skipped"] == [{"what": "column 'Notes'",
                               "why": "not a known field; --map Notes=FIELD reads it"}]
    assert "EX0001" in doc["changed"] and len(doc["removed"]) > 100
    assert _files(v, s) == before

    code, out, err = run(capsys, "import", "exhibitors", str(sheet), "--venue", str(v),
                         "--show", str(s))
    assert code == 0, err
    assert f"wrote {s / 'exhibitors.csv'}" in out
    assert "1 new" in out
    code, out, err = run(capsys, "validate", "--venue", str(v), "--show", str(s), "--json")
    assert json.loads(out)["errors"] == 0, out
    code, out, err = run(capsys, "import", "exhibitors", str(sheet), "--venue", str(v),
                         "--show", str(s), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["written"] == [] and doc["imported"]["unchanged"] == 2


@pytest.mark.parametrize("argv, says", [
    (["--map", "x"], "--map 'x': expected COLUMN=FIELD"),
    (["--map", "Firm=name"], "has no column 'Firm'"),
])
def test_import_exhibitors_bad_arguments_are_one_sentence(capsys, copy, tmp_path, argv, says):
    v, s = copy
    sheet = tmp_path / "list.csv"
    sheet.write_text("name,booth\nA,Q0213\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "exhibitors", str(sheet), "--venue", str(v),
                         "--show", str(s), *argv)
    assert code == 2 and says in err and "Traceback" not in err


def test_a_sheet_with_bad_rows_names_them_and_writes_nothing(capsys, copy, tmp_path):
    v, s = copy
    sheet = tmp_path / "list.csv"
    sheet.write_text("name,booth\nA,Q0213\nB,Q99999\n,Q0219\n", encoding="utf-8")
    before = _files(v, s)
    code, out, err = run(capsys, "import", "exhibitors", str(sheet), "--venue", str(v),
                         "--show", str(s))
    assert code == 2 and out == ""
    assert "2 bad row(s); nothing was imported" in err
    assert "row 3: 'Q99999' is not a booth code" in err and "row 4: the exhibitor has no name" in err
    assert _files(v, s) == before
    code, out, err = run(capsys, "import", "exhibitors", str(tmp_path / "none.csv"))
    assert code == 2 and "does not exist" in err


def test_export_gpkg_and_geojson(capsys, tmp_path):
    out = tmp_path / "tainex.gpkg"
    code, stdout, err = run(capsys, "export", "gpkg", str(out), "--json")
    assert code == 0, err
    doc = json.loads(stdout)
    assert doc["written"] == [str(out)] and doc["features"] > 3000
    code, stdout, err = run(capsys, "export", "geojson", str(tmp_path / "layers"), "--json")
    assert code == 0, err
    assert json.loads(stdout)["features"] == doc["features"]
    assert (tmp_path / "layers" / "h2_1f_booth.geojson").is_file()


@pytest.mark.parametrize("argv, says", [
    (["export", "gpkg", "OUT/x.gpkg"], "does not exist"),
    (["export", "gpkg", "x.txt"], "ends in .gpkg"),
    (["export", "geojson", "OUT/a/b"], "there is no such folder"),
    (["export", "gpkg", "x.gpkg", "--data", "x.db"], "not a data file"),
])
def test_export_bad_targets_are_one_sentence(capsys, tmp_path, argv, says):
    argv = [a.replace("OUT", str(tmp_path / "missing")) if "OUT" in a else
            (str(tmp_path / a) if a.startswith("x.") and a != "x.db" else a) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and says in err and "Traceback" not in err, err


def test_export_a_venue_without_georeference(capsys, copy, tmp_path):
    v, _ = copy
    doc = json.loads((v / "venue.json").read_text(encoding="utf-8"))
    del doc["georeference"]
    (v / "venue.json").write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "export", "gpkg", str(tmp_path / "x.gpkg"), "--venue", str(v))
    assert code == 2 and "has no georeference" in err
    assert not (tmp_path / "x.gpkg").exists()


def _free_level(s: Path, letter: str) -> None:
    """Take the booths of one area letter from every exhibitor (so they can be removed)."""
    import csv

    path = s / "exhibitors.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    for r in rows:
        r["booths"] = ";".join(c for c in r["booths"].split(";") if not c.startswith(letter))
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_import_dxf_previews_then_applies(capsys, copy, tmp_path):
    from exponav.core.layout import Layout
    from tests.core.test_exchange_dxf import make_drawing

    v, s = copy
    _free_level(s, "Q")
    layout = Layout.load(v, s)
    keep, spot = layout.venue.plans["H2-1F"].booths[:2]
    drawing = make_drawing(tmp_path / "hall.dxf", booths={
        keep.code: keep.polygon.bounds[:2], "Q9901": spot.polygon.bounds[:2]})
    before = _files(v, s)
    png = tmp_path / "preview.png"
    argv = ["import", "dxf", str(drawing), "--level", "H2-1F", "--venue", str(v), "--show",
            str(s), "--map", "OUTLINE=ignore", "--map", "COLUMNS=ignore", "--map",
            "A-WALL=ignore"]
    code, out, err = run(capsys, *argv, "--preview", str(png), "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["imported"]["booths"] == 2 and doc["imported"]["added"] == 1
    assert doc["imported"]["removed"] == len(layout.venue.plans["H2-1F"].booths) - 1
    assert doc["written"] == [] and doc["scale_m"] == 0.001
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _files(v, s) == before
    code, out, err = run(capsys, *argv, "--apply", "--json")
    assert code == 0, err
    assert json.loads(out)["written"] == [str(v / "H2-1F.geojson")]
    after = Layout.load(v, s)
    assert sorted(b.code for b in after.venue.plans["H2-1F"].booths) == sorted(
        [keep.code, "Q9901"])
    code, out, err = run(capsys, "import", "dxf", str(drawing), "--level", "H9")
    assert code == 2 and "no such level" in err


def test_export_imdf_then_import_it_as_a_new_venue(capsys, tmp_path):
    archive = tmp_path / "tainex.zip"
    code, out, err = run(capsys, "export", "imdf", str(archive), "--json")
    assert code == 0, err
    assert json.loads(out)["written"] == [str(archive)]
    argv = ["import", "imdf", str(archive), "--venue", str(tmp_path / "v"), "--show",
            str(tmp_path / "s"), "--origin", "121.6175,25.0565", "--json"]
    code, out, err = run(capsys, *argv, "--dry-run")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["written"] == [] and not (tmp_path / "v").exists()
    assert doc["imported"]["booths"] == 2733 and doc["violations"]["errors"] == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exponav")]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert str(tmp_path / "v" / "venue.json") in json.loads(out)["written"]
    code, out, err = run(capsys, "validate", "--venue", str(tmp_path / "v"), "--show",
                         str(tmp_path / "s"))
    assert code == 0, out + err
    code, out, err = run(capsys, *argv)
    assert code == 2 and "is not empty" in err
    code, out, err = run(capsys, "import", "imdf", str(archive), "--venue",
                         str(tmp_path / "w"), "--origin", "east")
    assert code == 2 and "--origin east" in err
