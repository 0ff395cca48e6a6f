"""Exhibitor sheets: encodings, headers in English and Chinese, bad rows by number, what
is new, changed and removed, and the result read back as the show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exponav.core.errors import DataError
from exponav.core.exchange.exhibitors import (
    apply_import,
    parse_map,
    plan_import,
    render_csv,
    write_import,
)
from exponav.core.exchange.sheets import parse_text, read_sheet
from exponav.core.io.showcsv import load_show
from exponav.core.layout import Layout
from exponav.core.paths import show_dir, venue_dir

SHEET_ZH = ("名稱,英文名稱,攤位,國家,類別,網站,簡介\n"
            "中華電信,Chunghwa Telecom,Q-311; q319,Taiwan,5G與網路通訊;ai,https://www.cht.com.tw,全光網路\n"
            "新創智慧公司,,Q 213,Taiwan,iot,,\n")


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    v, s = tmp_path / "tainex", tmp_path / "scse2025"
    shutil.copytree(venue_dir(), v)
    shutil.copytree(show_dir(), s)
    return v, s


@pytest.fixture(scope="module")
def layout() -> Layout:
    return Layout.load()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp950", "utf-16"])
def test_every_usual_encoding_reads_the_same(tmp_path, encoding):
    text = SHEET_ZH if encoding != "utf-16" else SHEET_ZH.replace(",", "\t")
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    sheet = read_sheet(path)
    assert sheet.headers[:3] == ["名稱", "英文名稱", "攤位"]
    assert [r.cells[0] for r in sheet.rows] == ["中華電信", "新創智慧公司"]
    assert [r.number for r in sheet.rows] == [2, 3]


def test_text_in_no_known_encoding_is_one_sentence(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"name,booth\n\xff\xfe\xfa\x80\x81,Q0210\n"[2:] + b"\x81\xff")
    with pytest.raises(DataError, match="not text in UTF-8, UTF-16 or Big5"):
        read_sheet(path)


def test_chinese_headers_match_existing_exhibitors_and_report_the_rest(layout):
    plan = plan_import(layout, parse_text(SHEET_ZH, "list.csv"))
    cht = plan.exhibitors["EX0001"]
    assert cht.booths == ("Q0311", "Q0319")
    assert cht.categories == ("5g", "ai")
    assert cht.name == "Chunghwa Telecom" and cht.name_zh == "中華電信"
    assert cht.description_zh == "全光網路"
    assert "description_zh" in plan.changed["EX0001"]
    (new,) = plan.new
    assert plan.exhibitors[new].name == "新創智慧公司" == plan.exhibitors[new].name_zh
    assert plan.exhibitors[new].booths == ("Q0213",)
    assert len(plan.removed) == len(layout.show.exhibitors) - 1
    assert plan.counts()["rows"] == 2


def test_every_bad_row_is_named_with_what_is_wrong(layout):
    text = ("name,booth,category\n"
            "Good Co,Q0210,ai\n"
            ",Q0212,\n"                       # no name
            "Bad Code,chunghwa,\n"            # not a code
            "No Such,Q9999,\n"                # not on the plans
            "Twice,Q0210,\n"                  # given on row 2
            "Odd,Q0214,robots\n")             # not a category
    with pytest.raises(DataError) as e:
        plan_import(layout, parse_text(text, "list.csv"))
    msg = str(e.value)
    assert msg.startswith("list.csv: 5 bad row(s); nothing was imported.")
    for row, says in ((3, "no name"), (4, "'chunghwa' is not a booth code"),
                      (5, "there is no booth Q9999"), (6, "already given on row 2"),
                      (7, "'robots' is not a category")):
        assert f"row {row}: " in msg and says in msg
    assert "row 2:" not in msg


def test_a_map_names_columns_no_alias_knows(layout):
    text = "Firm,Stand code,Nation\nChunghwa Telecom,Q311,Taiwan\n"
    with pytest.raises(DataError, match="no column gives the exhibitor's name"):
        plan_import(layout, parse_text(text, "list.csv"))
    plan = plan_import(layout, parse_text(text, "list.csv"),
                       parse_map(["Firm=name", "Stand code=booths"]))
    assert plan.exhibitors["EX0001"].booths == ("Q0311",)
    assert plan.skipped == [{"what": "column 'Nation'",
                             "why": "not a known field; --map Nation=FIELD reads it"}]
    with pytest.raises(DataError, match="expected COLUMN=FIELD"):
        parse_map(["Firm=company"])
    with pytest.raises(DataError, match="has no column 'Nope'"):
        plan_import(layout, parse_text(text, "list.csv"), parse_map(["Nope=name"]))


def test_keep_missing_keeps_the_others(layout):
    plan = plan_import(layout, parse_text(SHEET_ZH, "list.csv"), keep_missing=True)
    assert plan.removed == []
    assert len(plan.exhibitors) == len(layout.show.exhibitors) + 1


def test_an_xlsx_sheet_made_by_openpyxl_imports(tmp_path, copy):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Company Name", "Booth No", "Country", "Website"])
    ws.append(["Chunghwa Telecom", "Q0311;Q0319", "Taiwan", "https://www.cht.com.tw"])
    ws.append(["Taipei Robotics", "q 212", "Taiwan", None])
    ws.append([None, None, None, None])
    ws.append(["Kaohsiung Smart Port", 'Q0214', "Taiwan", None])
    path = tmp_path / "list.xlsx"
    book.save(path)
    sheet = read_sheet(path)
    assert sheet.encoding == "xlsx" and [r.number for r in sheet.rows] == [2, 3, 5]
    v, s = copy
    lay = Layout.load(v, s)
    plan = plan_import(lay, sheet)
    done = apply_import(lay, plan)
    assert done.added == []
    written = write_import(lay, plan)
    assert written == [s / "exhibitors.csv"]
    show = load_show(s)
    assert [e.name for e in show.exhibitors.values()] == [
        "Chunghwa Telecom", "Taipei Robotics", "Kaohsiung Smart Port"]
    robots = next(e for e in show.exhibitors.values() if e.name == "Taipei Robotics")
    assert robots.booths == ("Q0212",) and not robots.demo
    again = Layout.load(v, s)  # the written show is a layout again, with the booths held
    assert again.owner("Q0212").id == robots.id
    assert again.owner("Q0311").id == "EX0001"


def test_a_failed_import_leaves_the_layout_and_files_as_they_were(copy):
    v, s = copy
    lay = Layout.load(v, s)
    before = dict(lay.show.exhibitors)
    text = "name,booth\nA,Q0210\nB,Q0210x\n"
    with pytest.raises(DataError):
        plan_import(lay, parse_text(text, "list.csv"))
    assert lay.show.exhibitors == before
    assert (s / "exhibitors.csv").read_bytes() == (show_dir() / "exhibitors.csv").read_bytes()


def test_the_written_list_keeps_columns_it_does_not_know(layout):
    current = "id,name_en,name_zh,country,categories,booths,notes\nEX0001,X,,,,,keep me\n"
    text = render_csv({"EX0001": layout.show.exhibitors["EX0001"]}, current)
    assert text.splitlines()[0].startswith("id,name_en,name_zh,country,categories,booths,notes")
    assert "keep me" in text.splitlines()[1]


def test_the_shows_own_list_as_a_chinese_xlsx_changes_nothing(tmp_path, layout):
    import csv

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["編號", "公司名稱", "英文名稱", "攤位", "國家", "網站"])
    with (show_dir() / "exhibitors.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            ws.append([r["id"], r["name_zh"], r["name_en"], r["booths"].replace(";", ", "),
                       r["country"], r["website"]])
    book.save(tmp_path / "list.xlsx")
    plan = plan_import(layout, read_sheet(tmp_path / "list.xlsx"))
    assert (plan.new, plan.changed, plan.removed) == ([], {}, [])
    assert plan.unchanged == len(layout.show.exhibitors)
    assert plan.exhibitors == layout.show.exhibitors
