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


def _flat(text: str) -> str:
    """PDF text without the line breaks and spaces a layout puts in."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_a4_sheet(itinerary, nav, tmp_path):
    path = write_pdf(itinerary, nav, tmp_path / "visit.pdf", "a4", printed_from_label("K-H2-1F-1"),
                     WHEN, lang="en")
    assert itinerary.pdf == str(path)
    doc, pages = _pages(path)
    assert len(pages) >= 2  # the table, then the maps of both levels
    for page in pages:
        w, h = _size_mm(page)
        assert w == pytest.approx(210, abs=0.5) and h == pytest.approx(297, abs=0.5)
    assert _decoded(pages[0], 150) == [itinerary.qr_payload]
    first = _text(pages[0])
    assert "Smart City Summit & Expo 2025" in first
    assert "Tuesday 18 March 2025 · day 1 of 4" in first  # the show day, not the span
    assert "Printed at kiosk K-H2-1F-1 · 2025-03-18 10:31" in first
    assert f"{len(itinerary.stops)} stops · walk" in first
    whole = "".join(_text(p) for p in pages)
    for stop in itinerary.stops:
        if stop.place.kind == "booth":
            assert stop.place.id in whole
        if stop.name_zh:
            assert unicodedata.normalize("NFKC", stop.name_zh) in whole  # Chinese prints
        steps = nav.directions(stop.leg, "en")
        assert steps and _flat(steps[0]) in _flat(whole)  # the walk in words, leg by leg
    assert "Map · Hall 2 1F · 南港2館 1樓" in whole and "Map · Hall 2 4F" in whole
    assert "via EL-" not in whole and "via ES-" not in whole  # connectors by name
    doc.close()


@pytest.mark.parametrize("lang, words", [
    ("en", ["Your visit", "Page 1 of", "Total walk", "Your stops in order"]),
    ("zh-Hant", ["您的參觀行程", "第 1 頁", "總步行", "依序參觀各站", "2025年3月18日 星期二"]),
    ("id", ["Kunjungan Anda", "Halaman 1 dari", "Total jalan kaki", "Selasa, 18 Maret 2025"]),
])
def test_the_sheet_speaks_the_visitors_language(itinerary, nav, tmp_path, lang, words):
    doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "visit.pdf", "a4", "", WHEN,
                                  lang=lang))
    whole = "".join(_text(p) for p in pages)
    doc.close()
    for word in words:
        assert word in whole, word
    stop = itinerary.stops[0]
    assert _flat(nav.directions(stop.leg, lang)[0]) in _flat(whole)
    chinese = unicodedata.normalize("NFKC", stop.name_zh)
    english = stop.name
    assert chinese in whole and english in whole  # the other name beside
    first = whole.index(chinese if lang == "zh-Hant" else english)
    assert first < whole.index(english if lang == "zh-Hant" else chinese)


def test_one_stop_is_one_stop(nav, tmp_path):
    it = nav.itinerary("K-H2-1F-1", ["S1024"], "10:30")
    for lang, text in (("en", "1 stop ·"), ("zh-Hant", "1 站 ·"), ("id", "1 tempat ·")):
        doc, pages = _pages(write_pdf(it, nav, tmp_path / f"{lang}.pdf", "a4", lang=lang))
        first = _text(pages[0])
        doc.close()
        assert text in first and "stop(s)" not in first and "1 stops" not in first


def test_letter_sheet_names_no_host(itinerary, nav, tmp_path):
    import socket

    doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "visit.pdf", "letter",
                                  printed_at=WHEN, lang="en"))
    w, h = _size_mm(pages[0])
    assert w == pytest.approx(215.9, abs=0.5) and h == pytest.approx(279.4, abs=0.5)
    last = _text(pages[-1])
    doc.close()
    assert "Printed 2025-03-18 10:31 · ExpoNav" in last
    assert f"on {socket.gethostname()}" not in last and "ExpoNav on" not in last


def test_maps_are_labelled(itinerary, nav, tmp_path):
    doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "visit.pdf", "a4", lang="en"))
    maps = "".join(_text(p) for p in pages[1:])
    doc.close()
    for words in ("Start", "Your walk", "Toilets", "20 m", "Taipei City Government Vision Pavilion",
                  "Net-Zero City Expo"):
        assert words in maps, words
    on_maps = [s.place.id for s in itinerary.stops if s.place.kind == "booth"]
    assert sum(code in maps for code in on_maps) >= len(on_maps) - 1  # captions beside badges


def _lowest_ink_mm(page) -> float:
    """How far down the page (mm) its content reaches, the footer left out."""
    image = page.render(scale=0.5, grayscale=True).to_numpy()
    if image.ndim == 3:
        image = image[..., 0]
    rows = (image < 235).any(axis=1).nonzero()[0]
    h_mm = _size_mm(page)[1]
    per_mm = image.shape[0] / h_mm
    body = [r for r in rows if r / per_mm < h_mm - 22]  # above the footer band
    return max(body) / per_mm if body else 0.0


@pytest.mark.parametrize("stops", [1, 3, 7, 13])
def test_no_page_of_maps_is_left_half_empty(nav, tmp_path, stops):
    rng = random.Random(stops)
    owned = sorted(c for ex in nav.show.exhibitors.values() for c in ex.booths)
    it = nav.itinerary("K-H2-1F-1", rng.sample(owned, stops), "10:30")
    doc, pages = _pages(write_pdf(it, nav, tmp_path / "visit.pdf", "a4", lang="en"))
    try:
        for page in pages[1:]:
            assert _lowest_ink_mm(page) > 297 * 0.6
    finally:
        doc.close()


def test_receipt(itinerary, nav, tmp_path):
    path = write_pdf(itinerary, nav, tmp_path / "receipt.pdf", "receipt80", "kiosk K-H2-1F-1",
                     WHEN, lang="en")
    doc, pages = _pages(path)
    assert len(pages) == 1
    w, h = _size_mm(pages[0])
    assert w == pytest.approx(80, abs=0.5)
    assert h > 150  # as long as its content
    assert _decoded(pages[0], 203) == [itinerary.qr_payload]  # a 203 dpi thermal head
    text = _text(pages[0])
    for stop in itinerary.stops:
        assert (stop.place.id if stop.place.kind == "booth" else stop.name) in text
        assert stop.arrive in text or stop.appointment in text
        assert _flat(nav.directions(stop.leg, "en")[-1]) in _flat(text)
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


def test_the_sheet_language_is_its_own_not_the_windows(itinerary, nav, qapp, tmp_path):
    """A sheet asked for in English is English while the window speaks Chinese; asked for
    in no language, it follows the interface (as a kiosk's receipt does)."""
    from exponav.ui.common.i18n import Languages
    from exponav.ui.common.walk_text import metres_text, minutes_text

    languages = Languages()
    languages.set_language("zh-Hant")
    try:
        assert minutes_text(20) == "不到 1 分鐘"  # the window's words are Chinese now
        doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "en.pdf", "a4", lang="en"))
        english = _text(pages[0])
        doc.close()
        doc, pages = _pages(write_pdf(itinerary, nav, tmp_path / "ui.pdf", "a4"))
        interface = _text(pages[0])
        doc.close()
    finally:
        languages.set_language("en")
    assert "分鐘" not in english and "您的參觀行程" in interface
    assert f"Total walk {metres_text(itinerary.length_m)} · {minutes_text(itinerary.duration_s)}" \
        in english
    short = [s for s in itinerary.stops if s.leg_duration_s < 60]
    assert "under 1 min" in english if short else "under 1 min" not in english


def _printer_on(tmp_path, name: str, size):
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / name))
    printer.setPageSize(size if isinstance(size, QPageSize) else QPageSize(size))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def test_printing_lays_out_for_the_printers_paper(itinerary, nav, tmp_path):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize

    cases = [("letter.pdf", QPageSize.PageSizeId.Letter, (215.9, 279.4)),
             ("a4.pdf", QPageSize.PageSizeId.A4, (210, 297)),
             ("a5.pdf", QPageSize.PageSizeId.A5, (148, 210)),
             ("receipt.pdf", QPageSize(QSizeF(80, 200), QPageSize.Unit.Millimeter, "80 mm",
                                       QPageSize.SizeMatchPolicy.ExactMatch), (80, None))]
    for name, size, (w_mm, h_mm) in cases:
        printer = _printer_on(tmp_path, name, size)
        print_itinerary(itinerary, nav, printer, lang="en")  # no paper: the printer's own
        doc, read = _pages(tmp_path / name)
        w, h = _size_mm(read[0])
        assert w == pytest.approx(w_mm, abs=0.6), name
        if h_mm is not None:
            assert h == pytest.approx(h_mm, abs=0.6), name
            assert len(read) >= 2
        else:
            assert len(read) == 1 and h > 200  # the receipt, as long as it needs
        assert _decoded(read[0], 150) == [itinerary.qr_payload], name
        doc.close()
