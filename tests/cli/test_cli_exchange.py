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
