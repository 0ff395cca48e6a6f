"""The layout printed for the venue's approval: the hall to the stated scale on A3 or A1
landscape, booth codes, aisle widths, legend and title block; a level that does not fit
is refused naming what would; the print preview paints the same sheet."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from exponav.core.errors import ExpoNavError
from exponav.core.layout import Layout
from tests.ui.test_editor import LEVEL, editor  # noqa: F401 - the fixture

pdfium = pytest.importorskip("pypdfium2")
__all__ = ["editor"]
PT_PER_MM = 72 / 25.4


def _text(page) -> str:
    return unicodedata.normalize("NFKC", page.get_textpage().get_text_range())


def _centre_of(page, text: str) -> tuple[float, float]:
    tp = page.get_textpage()
    found = tp.search(text, match_case=True, match_whole_word=True)
    hit = found.get_next()
    assert hit is not None, text
    index, count = hit
    boxes = [tp.get_charbox(i) for i in range(index, index + count)]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
    return (left + right) / 2, (bottom + top) / 2


@pytest.fixture(scope="module")
def shipped(data_file):
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app

    make_app()
    nav = Navigator.open(data_file)
    yield nav, Layout.load()
    nav.close()


def test_the_pdf_is_a3_landscape_at_1_to_500_with_codes_and_title(shipped, tmp_path):
    from exponav.ui.editor.approval_print import ApprovalJob, write_approval_pdf

    nav, layout = shipped
    out = write_approval_pdf(layout, nav, tmp_path / "h2.pdf", ApprovalJob(LEVEL, 500, "a3"),
                             printed_at=datetime(2026, 3, 1, 9, 30))
    doc = pdfium.PdfDocument(str(out))
    assert len(doc) == 1
    page = doc[0]
    w, h = page.get_size()
    assert abs(w - 420 * PT_PER_MM) < 1 and abs(h - 297 * PT_PER_MM) < 1
    text = _text(page)
    for words in ("Scale 1:500 on A3", "Smart City Summit & Expo 2025", "Hall 2 1F",
                  "Booth layout for the venue's approval", "2026-03-01 09:30", "Approved by",
                  "Legend", "Emergency exit", "3.0 m"):
        assert words in text, words
    plan = layout.venue.plans[LEVEL]
    codes = [b.code for b in plan.booths]
    assert sum(c in text for c in codes) >= 0.95 * len(codes)
    # two booths far apart: their codes stand as far apart as 1:500 puts them
    a = next(b for b in plan.booths if b.code == "Q0101")
    b = next(b for b in plan.booths if b.code == "Q0174")
    pa, pb = a.polygon.representative_point(), b.polygon.representative_point()
    (ax, ay), (bx, by) = _centre_of(page, "Q0101"), _centre_of(page, "Q0174")
    k = 1000 / 500 * PT_PER_MM  # points of paper per metre
    assert abs((bx - ax) - (pb.x - pa.x) * k) < 2.0
    assert abs((by - ay) - (pb.y - pa.y) * k) < 2.0  # PDF y grows up, as north does
    doc.close()
    assert not list(tmp_path.glob("*.part"))


def test_a1_at_1_to_250_and_a_scale_that_does_not_fit(shipped, tmp_path):
    from exponav.ui.editor.approval_print import ApprovalJob, write_approval_pdf

    nav, layout = shipped
    with pytest.raises(ExpoNavError, match=r"1:200.*choose 1:500 on A3"):
        write_approval_pdf(layout, nav, tmp_path / "x.pdf", ApprovalJob(LEVEL, 200, "a3"))
    assert not list(tmp_path.iterdir())  # nothing written
    with pytest.raises(ExpoNavError, match="choose 1:250 on A1"):
        write_approval_pdf(layout, nav, tmp_path / "x.pdf", ApprovalJob(LEVEL, 200, "a1"))
    out = write_approval_pdf(layout, nav, tmp_path / "a1.pdf", ApprovalJob(LEVEL, 250, "a1"))
    doc = pdfium.PdfDocument(str(out))
    w, h = doc[0].get_size()
    assert abs(w - 841 * PT_PER_MM) < 1 and abs(h - 594 * PT_PER_MM) < 1
    assert "Scale 1:250 on A1" in _text(doc[0])
    doc.close()


def test_the_chinese_sheet_names_the_show_and_level_in_chinese(shipped, tmp_path):
    from exponav.ui.editor.approval_print import ApprovalJob, write_approval_pdf

    nav, layout = shipped
    out = write_approval_pdf(layout, nav, tmp_path / "zh.pdf",
                             ApprovalJob(LEVEL, 500, "a3", "zh-Hant"))
    doc = pdfium.PdfDocument(str(out))
    text = _text(doc[0])
    assert "2025智慧城市展" in text and nav.level_name(LEVEL, "zh-Hant") in text
    doc.close()


def test_the_dialog_picks_a_fitting_scale_and_saves_or_previews(editor, tmp_path,
                                                                monkeypatch):  # noqa: F811
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    w = editor
    assert "Print for the venue's approval…" in [a.text() for a in w.file_menu.actions()]
    d = w.print_for_approval(show=False)
    assert d.job().level == LEVEL and (d.job().scale, d.job().paper) == (500, "a3")
    d.level.setCurrentIndex(d.level.findData("H1-1F"))  # 180 m long: A1 keeps 1:250
    assert (d.job().scale, d.job().paper) == (250, "a1")
    d.level.setCurrentIndex(d.level.findData(LEVEL))
    assert (d.job().scale, d.job().paper) == (500, "a3")
    d.scale.setCurrentIndex(d.scale.findData(200))
    assert not d.pdf_button.isEnabled() and "1:200" in d.problem.text()
    d.scale.setCurrentIndex(d.scale.findData(1000))
    out = d.save_pdf(tmp_path / "sheet.pdf")
    assert out is not None and out.stat().st_size > 10_000
    painted = []

    def fake_exec(self):  # the preview asks for pages; they go to a file, not a printer
        self.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        self.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
        self.paintRequested.emit(self.printer())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    d = w.print_for_approval(show=False)
    assert d.preview()
    assert painted
    size = painted[0].pageSize().size(painted[0].pageSize().Unit.Millimeter)
    assert round(size.width()) == 297 and round(size.height()) == 420  # A3, turned
    assert painted[0].orientation() == painted[0].Orientation.Landscape
    doc = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    assert "Scale 1:500 on A3" in _text(doc[0])
    doc.close()
