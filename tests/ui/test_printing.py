"""Printed itineraries: page sizes, the QR code read back from the page, Chinese text."""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime

import pytest

pdfium = pytest.importorskip("pypdfium2")
zxingcpp = pytest.importorskip("zxingcpp")

from exponav.diagnostics.render_bench import itinerary_pdf_bench_rows  # noqa: E402
from exponav.ui.print.pdf import write_pdf  # noqa: E402
from exponav.ui.print.printer import print_itinerary, print_preview_dialog  # noqa: E402
from exponav.ui.print.printout import printed_from_label  # noqa: E402
from exponav.ui.print.qr_image import qr_modules  # noqa: E402

MM_PER_PT = 25.4 / 72
WHEN = datetime(2025, 3, 18, 10, 31)


@pytest.fixture(scope="module")
def itinerary(nav, qapp):
    rng = random.Random(21)
    codes = {b.code for b in nav.venue.plans["H2-1F"].booths} | \
        {b.code for b in nav.venue.plans["H2-4F"].booths}
    owned = sorted(c for ex in nav.show.exhibitors.values() if ex.name_zh
                   for c in ex.booths if c in codes)
    stops = rng.sample(owned, 7)
    meeting = next(a.id for p in nav.venue.plans.values() for a in p.amenities
                   if a.category == "meeting")
    return nav.itinerary("K-H2-1F-1", stops, "10:30", {meeting: "13:00"})


def _pages(path):
    doc = pdfium.PdfDocument(str(path))
    return doc, [doc[i] for i in range(len(doc))]


def _size_mm(page) -> tuple[float, float]:
    w, h = page.get_size()
    return w * MM_PER_PT, h * MM_PER_PT


def _decoded(page, dpi: float) -> list[str]:
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy()  # no Pillow needed
    return [r.text for r in zxingcpp.read_barcodes(image)
            if r.format == zxingcpp.BarcodeFormat.QRCode]


def _text(page) -> str:
    return unicodedata.normalize("NFKC", page.get_textpage().get_text_range())


def test_a4_sheet(itinerary, nav, tmp_path):
    path = write_pdf(itinerary, nav, tmp_path / "visit.pdf", "a4", printed_from_label("K-H2-1F-1"),
                     WHEN)
    assert itinerary.pdf == str(path)
    doc, pages = _pages(path)
    assert len(pages) >= 2  # the table, then the maps of both levels
    for page in pages:
        w, h = _size_mm(page)
        assert w == pytest.approx(210, abs=0.5) and h == pytest.approx(297, abs=0.5)
    assert _decoded(pages[0], 150) == [itinerary.qr_payload]
    first = _text(pages[0])
    assert "Smart City Summit & Expo 2025" in first
    assert "18–21 March 2025" in first
    assert "Printed from kiosk K-H2-1F-1" in first
    for stop in itinerary.stops:
        assert stop.place.id in first
        if stop.name_zh:
            assert unicodedata.normalize("NFKC", stop.name_zh) in first  # Chinese prints
    maps = "".join(_text(p) for p in pages[1:]) + first
    assert "Map · Hall 2 1F" in maps and "Map · Hall 2 4F" in maps
    doc.close()


def test_letter_sheet(itinerary, nav, tmp_path):
    doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "visit.pdf", "letter"))
    w, h = _size_mm(pages[0])
    assert w == pytest.approx(215.9, abs=0.5) and h == pytest.approx(279.4, abs=0.5)
    assert "ExpoNav on " in _text(pages[-1])
    doc.close()


def test_receipt(itinerary, nav, tmp_path):
    path = write_pdf(itinerary, nav, tmp_path / "receipt.pdf", "receipt80", "kiosk K-H2-1F-1",
                     WHEN)
    doc, pages = _pages(path)
    assert len(pages) == 1
    w, h = _size_mm(pages[0])
    assert w == pytest.approx(80, abs=0.5)
    assert h > 150  # as long as its content
    assert _decoded(pages[0], 203) == [itinerary.qr_payload]  # a 203 dpi thermal head
    text = _text(pages[0])
    for stop in itinerary.stops:
        assert stop.place.id in text
        assert stop.arrive in text or stop.appointment in text
    doc.close()


def test_qr_is_drawn_with_a_quiet_zone(itinerary):
    modules = qr_modules(itinerary.qr_payload)
    n = len(modules)
    assert all(len(row) == n for row in modules)
    for k in range(4):
        assert not any(modules[k]) and not any(modules[n - 1 - k])
        assert not any(row[k] or row[n - 1 - k] for row in modules)


def test_printer_uses_the_same_drawing(itinerary, nav, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_itinerary(itinerary, nav, printer, "a4")
    assert pages >= 2
    doc, read = _pages(tmp_path / "printed.pdf")
    assert len(read) == pages
    assert _decoded(read[0], 150) == [itinerary.qr_payload]
    doc.close()


def test_print_preview_dialog_paints(itinerary, nav, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    dialog = print_preview_dialog(itinerary, nav, paper="receipt80")
    qtbot.addWidget(dialog)
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer))
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert painted
    assert widget.pageCount() == 1


def test_bench_rows(nav, tmp_path):
    rows = itinerary_pdf_bench_rows(nav, repeat=1, folder=tmp_path)
    assert [r["name"] for r in rows] == ["itinerary_pdf", "itinerary_pdf_receipt"]
    assert all(r["budget_ms"] == 300.0 and r["p95_ms"] > 0 for r in rows)


def test_sheet_words_walks_and_dates_as_the_screen(itinerary, nav, qapp, tmp_path):
    """Distances, times and the show's dates come from the screen's own functions, in
    English even while the window speaks Chinese."""
    from exponav.ui.common.assets import asset_path
    from exponav.ui.common.i18n import TsTranslator
    from exponav.ui.common.show_dates import show_dates
    from exponav.ui.common.walk_text import metres_text, minutes_text

    chinese = TsTranslator(asset_path("translations", "exponav_zh_TW.ts"))
    qapp.installTranslator(chinese)
    try:
        assert minutes_text(20) == "不到 1 分鐘"  # the window's words are Chinese now
        doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "visit.pdf", "a4"))
    finally:
        qapp.removeTranslator(chinese)
    first = _text(pages[0])
    doc.close()
    assert "分鐘" not in first
    show = nav.show_info
    assert show_dates(show.start_date, show.end_date, "zh-Hant") in first
    assert f"Total walk {metres_text(itinerary.length_m)} · {minutes_text(itinerary.duration_s)}" \
        in first
    short = [s for s in itinerary.stops if s.leg_duration_s < 60]
    assert "under 1 min" in first if short else "under 1 min" not in first
