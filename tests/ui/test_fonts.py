"""The shipped Chinese font: it covers the show, and Chinese is drawn and printed without
any CJK font on the machine (fontconfig shows a subprocess only a folder of Latin fonts)."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as pdfium_raw  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "assets" / "fonts"
FILES = ("ExpoNavSansTC-Regular.otf", "ExpoNavSansTC-Bold.otf")


def _han(text: str) -> str:
    return "".join(dict.fromkeys(c for c in text if unicodedata.name(c, "").startswith("CJK")))


# -- what is shipped ------------------------------------------------------------------------

def test_the_font_and_its_licence_are_shipped():
    for name in FILES:
        assert (FONTS / name).stat().st_size > 1_000_000, name
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    assert "Noto Sans CJK TC 2.004" in readme and "tools/subset_fonts.py" in readme


def test_shipped_font_is_registered_first_in_the_chain(qapp):
    from PySide6.QtWidgets import QWidget

    from exponav.ui.common.fonts import (
        SHIPPED_FAMILY,
        apply_font_chain,
        cjk_families,
        shipped_fonts,
    )

    assert {f.style for f in shipped_fonts()} == {"Regular", "Bold"}
    assert cjk_families()[0] == SHIPPED_FAMILY
    holder = QWidget()  # stands for the application: it has font() and setFont()
    assert apply_font_chain(holder) == SHIPPED_FAMILY
    families = holder.font().families()
    assert families[0] != SHIPPED_FAMILY  # Latin text keeps its UI font
    assert all(families.index(SHIPPED_FAMILY) < families.index(f) for f in cjk_families()[1:])


def test_shipped_font_covers_the_show_the_venue_and_the_translations(qapp, nav):
    from exponav.diagnostics.window_checks import _chinese_names
    from exponav.ui.common.fonts import missing_characters

    texts = "".join(_chinese_names(nav))
    for ts in (ROOT / "assets" / "translations").glob("*.ts"):
        texts += ts.read_text(encoding="utf-8")
    assert len(_han(texts)) > 500
    assert missing_characters(_han(texts)) == ""
    assert missing_characters("中華電信 Chunghwa Telecom · Tempat duduk untuk difabel") == ""
    # Big5's rarer half is in too, and what Big5 lacks is not.
    assert missing_characters("龘齉") == ""
    assert missing_characters("𠀀") == "𠀀"


# -- without any CJK font on the machine ------------------------------------------------------

_CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtGui import QFontDatabase, QImage
    from exponav.core.navigator import Navigator
    from exponav.diagnostics.window_checks import WindowChecks
    from exponav.ui.common.application import make_app
    from exponav.ui.common.fonts import SHIPPED_FAMILY, cjk_family
    from exponav.ui.print.pdf import write_pdf
    from PySide6.QtWidgets import QLabel

    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = make_app()
    nav = Navigator.open(data)
    han = QFontDatabase.WritingSystem.TraditionalChinese
    report = {"system_cjk": [f for f in QFontDatabase.families(han) if f != SHIPPED_FAMILY],
              "cjk_family": cjk_family()}
    try:
        report["check"] = WindowChecks(app, nav).font()
    except Exception as e:
        report["check"] = f"{type(e).__name__}: {e}"

    def grab(text):
        label = QLabel(text)
        label.setStyleSheet("background: white; color: black; font-size: 28px;")
        label.show()
        app.processEvents()
        image = label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        label.close()
        return [[image.pixelColor(x, y).value() for x in range(image.width())]
                for y in range(image.height())]

    chars = "中華電信展覽館"
    report["glyphs"] = {c: grab(c) for c in chars}
    report["tofu"] = [grab(chr(0xF0000)), grab(chr(0xF0001))]

    owned = sorted(c for ex in nav.show.exhibitors.values() if ex.name_zh for c in ex.booths
                   if nav.booth(c).level == "H2-1F")[:5]
    visit = nav.itinerary("K-H2-1F-1", owned, "10:30")
    report["names_zh"] = [s.name_zh for s in visit.stops if s.name_zh]
    for paper in ("a4", "receipt80"):
        write_pdf(visit, nav, out / f"{paper}.pdf", paper, "kiosk K-H2-1F-1")
    print(json.dumps(report))
""")


@pytest.fixture(scope="module")
def hidden(tmp_path_factory, data_file) -> tuple[dict, Path]:
    """Run :data:`_CHILD` with fontconfig seeing only DejaVu (or no font at all)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("fontconfig decides which fonts Qt sees only on Linux")
    base = tmp_path_factory.mktemp("no-cjk")
    latin = base / "fonts"
    latin.mkdir()
    for font in sorted(Path("/usr/share/fonts").rglob("DejaVuSans*.ttf"))[:4]:
        (latin / font.name).symlink_to(font)
    conf = base / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{latin}</dir>
  <cachedir>{base / "cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "app"), os.environ.get("PYTHONPATH", "")])}
    env.pop("FONTCONFIG_PATH", None)
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(data_file), str(base)], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.splitlines()[-1]), base


def test_no_system_cjk_font_is_visible(hidden):
    report, _ = hidden
    assert report["system_cjk"] == []
    assert report["cjk_family"] == "ExpoNav Sans TC"
    assert report["check"].startswith("ExpoNav Sans TC Regular/Bold, shipped in ")
    assert "all" in report["check"]


def _ink(image: list[list[int]]) -> int:
    return sum(v < 128 for row in image for v in row)


def test_the_window_draws_chinese_glyphs_not_boxes(hidden):
    report, _ = hidden
    tofu_a, tofu_b = report["tofu"]
    assert tofu_a == tofu_b  # a character no font has: every one is drawn the same
    glyphs = report["glyphs"]
    for char, image in glyphs.items():
        assert image != tofu_a, f"{char} is drawn as a missing glyph"
        assert _ink(image) > 40, f"{char} is drawn with almost no ink"
    assert len({json.dumps(g) for g in glyphs.values()}) == len(glyphs)  # each its own shape


def _char_font(textpage, index: int) -> tuple[str, bool]:
    """The font name of one character of a PDF page, and whether the PDF embeds it."""
    size = pdfium_raw.FPDFText_GetFontInfo(textpage.raw, index, None, 0, None)
    buffer = ctypes.create_string_buffer(size)
    pdfium_raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, size, None)
    font = pdfium_raw.FPDFTextObj_GetFont(pdfium_raw.FPDFText_GetTextObject(textpage.raw, index))
    return buffer.value.decode(), bool(pdfium_raw.FPDFFont_GetIsEmbedded(font))


@pytest.mark.parametrize("paper", ["a4", "receipt80"])
def test_pdfs_embed_the_shipped_font_and_draw_the_chinese_names(hidden, paper):
    report, base = hidden
    assert report["names_zh"], "the visit has no stop with a Chinese name"
    doc = pdfium.PdfDocument(str(base / f"{paper}.pdf"))
    page = doc[0]
    textpage = page.get_textpage()
    text = unicodedata.normalize("NFKC", textpage.get_text_range())
    for name in report["names_zh"]:
        assert unicodedata.normalize("NFKC", name) in text, f"{name} is not in the {paper} PDF"

    scale = 300 / 72
    bitmap = page.render(scale=scale, grayscale=True).to_numpy()
    height_pt = page.get_size()[1]
    seen = set()
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if not _han(char):
            continue
        font, embedded = _char_font(textpage, i)
        assert "ExpoNavSansTC" in font and embedded, (char, font, embedded)
        left, bottom, right, top = textpage.get_charbox(i)
        crop = bitmap[int((height_pt - top) * scale):int((height_pt - bottom) * scale) + 1,
                      int(left * scale):int(right * scale) + 1]
        # The cut's .notdef is empty: a glyph missing from the font would print no ink.
        assert (crop < 128).sum() > 10, f"{char} has no ink in the {paper} PDF"
        seen.add(char)
    assert len(seen) >= 4  # several different Chinese characters were printed
    doc.close()


# -- the selftest's three outcomes -----------------------------------------------------------

def test_selftest_keeps_a_warning_apart_from_ok_and_prints_warn(capsys, monkeypatch):
    from exponav.cli.commands import main
    from exponav.diagnostics import selftest

    checks = selftest.Checks()

    def warns() -> str:
        raise selftest.CheckWarning("drawn in the system's font")

    assert checks.run("fine", lambda: "all good")
    assert checks.run("warns", warns)  # a warning lets the checks after it run
    assert not checks.run("fails", lambda: str(1 / 0))
    assert checks.run("only a warning", lambda: str(1 / 0), warning_only=True)
    assert [(c["status"], c["ok"], c.get("warning", False)) for c in checks.items] == [
        ("ok", True, False), ("warn", False, True), ("fail", False, False),
        ("warn", False, True)]

    def fake(items):
        return lambda *a, **k: {"ok": all(c["status"] != "fail" for c in items), "checks": items}

    monkeypatch.setattr(selftest, "run_selftest", fake(checks.items[:2]))
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["ok   fine: all good", "warn warns: drawn in the system's font", "PASS"]
    monkeypatch.setattr(selftest, "run_selftest", fake(checks.items))
    assert main(["selftest", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and [c["status"] for c in report["checks"]][2] == "fail"
