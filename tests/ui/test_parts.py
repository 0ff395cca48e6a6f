"""The window's small parts: label fitting, stands, scale bar, QR codes, translations."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from shapely.geometry import box

from exponav.core.languages import qt_name
from exponav.core.model import Booth
from exponav.core.paths import assets_dir
from exponav.ui.map.stands import group_stands, label_box


@pytest.fixture(scope="module")
def metrics(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    font = QFont()
    font.setPixelSize(12)
    return QFontMetricsF(font)


def test_wrap_text_breaks_between_words_and_never_cuts_one(metrics):
    from exponav.ui.map.items.labels import wrap_text

    width = metrics.horizontalAdvance("Chunghwa") + 2
    assert wrap_text("Chunghwa Telecom", metrics, width, 2) == ["Chunghwa", "Telecom"]
    lines = wrap_text("Taiwan Smart Automation and Robotics Association", metrics, width * 1.5, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(w in "Taiwan Smart Automation and Robotics Association" for line in lines
               for w in line.rstrip("…").split())
    assert wrap_text("Supercalifragilistic", metrics, 20, 3) == []


def test_wrap_text_breaks_chinese_between_characters(metrics):
    from exponav.ui.map.items.labels import wrap_text

    lines = wrap_text("臺北市政府願景館", metrics, metrics.horizontalAdvance("臺北市政") + 1, 2)
    assert lines == ["臺北市政", "府願景館"]


def test_short_name_drops_legal_forms():
    from exponav.ui.map.items.labels import short_name

    assert short_name("Acme Smart Grid Co., Ltd.") == "Acme Smart Grid"
    assert short_name("中華電信股份有限公司") == "中華電信"
    assert short_name("Ltd.") == "Ltd."


def test_stands_join_touching_booths_of_one_exhibitor_only():
    booths = [Booth("A0101", "L", "A", "standard", box(0, 0, 3, 3)),
              Booth("A0102", "L", "A", "standard", box(3, 0, 6, 3)),
              Booth("A0103", "L", "A", "standard", box(6, 0, 9, 3)),
              Booth("A0110", "L", "A", "standard", box(20, 0, 23, 3))]
    owner = {"A0101": "E1", "A0102": "E1", "A0103": "E2", "A0110": "E1"}
    stands = {s.codes: s for s in group_stands(booths, owner)}
    assert set(stands) == {("A0101", "A0102"), ("A0103",), ("A0110",)}
    assert stands[("A0101", "A0102")].label == (0, 0, 6, 3)


def test_label_box_of_an_l_shape_is_inside_it():
    from shapely.geometry import Polygon

    ell = Polygon([(0, 0), (9, 0), (9, 3), (3, 3), (3, 9), (0, 9)])
    x0, y0, x1, y1 = label_box(ell)
    assert ell.buffer(1e-6).contains(box(x0, y0, x1, y1))
    assert (x1 - x0) * (y1 - y0) >= 27


def test_scale_bar_lengths_are_round():
    from exponav.ui.map.overlays import nice_length

    for m_per_px in (0.013, 0.04, 0.12, 0.5, 2.0):
        length = nice_length(m_per_px)
        digits = f"{length:g}".lstrip("0.").rstrip("0")
        assert digits in {"1", "2", "5"}
        assert 40 <= length / m_per_px <= 200


def test_qr_code_draws_the_whole_matrix(qtbot):
    from exponav.ui.panels.qr_code import QrCode, qr_matrix

    url = "https://www.cht.com.tw"
    widget = QrCode(url, 132)
    qtbot.addWidget(widget)
    assert widget.modules() == len(qr_matrix(url)) >= 21
    image = widget.grab().toImage()
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 60)
    assert dark > 50


def test_card_day_is_today_during_the_show_else_the_first_day():
    from PySide6.QtCore import QDate

    from exponav.ui.panels.exhibitor_card import show_day

    assert show_day("2025-03-18", "2025-03-21", "Asia/Taipei", QDate(2025, 3, 19)) == (
        QDate(2025, 3, 19), True)
    assert show_day("2025-03-18", "2025-03-21", "Asia/Taipei", QDate(2025, 6, 1)) == (
        QDate(2025, 3, 18), False)


@pytest.mark.parametrize("lang", ["zh-Hant", "id"])
def test_translations_are_complete(lang):
    root = ET.parse(assets_dir() / "translations" / f"exponav_{qt_name(lang)}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    missing = [m.findtext("source") for m in messages
               if not "".join(m.find("translation").itertext()).strip()
               or m.find("translation").get("type") in ("unfinished", "obsolete")]
    assert missing == []


def test_translations_load_shipped_and_from_the_ts_alone(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from exponav.ui.common import i18n

    ts, qm = i18n.translation_files("zh-Hant")
    assert qm.is_file() and qm.stat().st_size > 100
    assert type(i18n.load_translator("zh-Hant")).__name__ == "QTranslator"  # the .qm
    fallback = i18n.TsTranslator(ts)
    assert fallback.translate("SearchPanel", "Toilets") == "廁所"
    qapp.installTranslator(fallback)
    try:
        assert QCoreApplication.translate("SearchPanel", "Toilets") == "廁所"
    finally:
        qapp.removeTranslator(fallback)
    english = i18n.TsTranslator(i18n.translation_files("en")[0])
    assert [english.translate("VisitController", "%n stop(s)", None, n) for n in (1, 2)] == \
        ["%n stop", "%n stops"]


def test_icons_exist_for_every_amenity_and_connector():
    from exponav.ui.common.palette import AMENITY_STYLE

    icons = {name for name, _ in AMENITY_STYLE.values()}
    for name in icons | {"toilet", "toilet-accessible", "information", "food", "firstaid",
                         "nursing", "charging", "escalator", "elevator", "stairs"}:
        path = assets_dir() / "icons" / f"{name}.svg"
        assert path.is_file(), name
        assert ET.parse(path).getroot().get("viewBox") == "0 0 24 24"


# What each void call of a defective binding does to None: one reference fewer. The
# drain takes more references than an interpreter's None has; unguarded, it aborts.
_DRAIN_NONE = """
import ctypes, importlib.util, sys
n = sys.getrefcount(None) + 100_000  # more than None has, before any guard
if sys.argv[1] == "guarded":
    spec = importlib.util.spec_from_file_location("qt_compat", sys.argv[2])
    qt_compat = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qt_compat)
    before = sys.getrefcount(None)
    assert qt_compat.guard_none_refcount() and qt_compat.guard_none_refcount()
    print(sys.getrefcount(None) - before)
drop, give = ctypes.pythonapi.Py_DecRef, ctypes.pythonapi.Py_IncRef
drop.argtypes = give.argtypes = [ctypes.py_object]
for _ in range(n):
    drop(None)
for _ in range(n):
    give(None)
print("None survived")
"""


def _drain_none(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _DRAIN_NONE, *args], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.skipif(sys.version_info >= (3, 12) or sys.implementation.name != "cpython"
                    or hasattr(sys, "gettotalrefcount"),
                    reason="the guard acts only on CPython before 3.12, not a debug build")
def test_the_none_guard_outlasts_a_binding_that_drops_none():
    from exponav.ui.common import qt_compat

    guarded = _drain_none("guarded", qt_compat.__file__)
    assert guarded.returncode == 0, guarded.stderr
    raised, survived = guarded.stdout.splitlines()
    assert abs(int(raised) - (1 << 60)) < 1000  # once, though called twice
    assert survived == "None survived"
    bare = _drain_none("bare")  # the same drain without the guard kills the interpreter
    assert bare.returncode != 0 and "None survived" not in bare.stdout
    assert "none_dealloc" in bare.stderr or "deallocating None" in bare.stderr
