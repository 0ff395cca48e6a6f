"""Three languages, complete: every interface string translated (with its placeholders),
Qt's own strings in the interface language, and nothing blank or cut."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from exponav.ui.common.assets import asset_path
from exponav.ui.common.i18n import Languages, TsTranslator

TS_FILES = ["exponav_zh_TW.ts", "exponav_id.ts", "qtbase_id.ts"]


def _messages(name: str):
    root = ET.parse(asset_path("translations", name)).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.mark.parametrize("name", TS_FILES)
def test_every_string_is_translated_with_its_placeholders(name):
    seen = 0
    for context, source, translation in _messages(name):
        seen += 1
        assert translation is not None, f"{name}: {context} {source!r} is not translated"
        # a message counted with %n has one form per plural (numerusform), others one text
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        assert all(f.strip() for f in forms), f"{name}: {context} {source!r} is not translated"
        assert translation.get("type") not in ("unfinished", "obsolete"), (context, source)
        wanted = sorted(re.findall(r"%\d", source))
        for form in forms:
            assert sorted(re.findall(r"%\d", form)) == wanted, (context, source)
    assert seen >= (40 if name.startswith("qtbase") else 200)


def test_the_kiosk_strings_are_among_them():
    sources = {source for _, source, _ in _messages("exponav_id.ts")}
    for text in ("No staff PIN is set", "This code cannot be used here", "Exhibitors A–Z",
                 "This visit has %1 stops; a kiosk plans at most %2. Ask at the information "
                 "desk, or plan a shorter visit.", "Programme", "Accessibility"):
        assert text in sources


@pytest.mark.parametrize(("lang", "undo", "cancel"), [
    ("zh-Hant", "復原", "取消"), ("id", "&Urungkan", "Batal"), ("en", "&Undo", "Cancel")])
def test_qt_s_own_strings_follow_the_language(qtbot, lang, undo, cancel):
    from exponav.ui.app import make_app

    make_app()
    languages = Languages()
    try:
        languages.set_language(lang)
        assert undo in QCoreApplication.translate("QLineEdit", "&Undo")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
    finally:
        languages.set_language("en")


def test_a_ts_read_directly_falls_back_to_english_not_to_blank(qtbot):
    from exponav.ui.app import make_app

    app = make_app()
    translator = TsTranslator(Path(asset_path("translations", "exponav_id.ts")))
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("HomeScreen", "Now") == "Sekarang"
        assert QCoreApplication.translate("NoSuchContext", "Now") == "Now"
    finally:
        app.removeTranslator(translator)


def test_indonesian_words_fit_the_home_screen(qtbot, nav):
    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.ui.app import make_app
    from exponav.ui.kiosk.window import KioskTimings, KioskWindow

    make_app()
    k = KioskWindow(KioskSettings(kiosk_id="K-H2-1F-1", language="id"), nav,
                    timings=KioskTimings(idle_ms=600_000), save=lambda s: None)
    qtbot.addWidget(k)
    k.resize(1920, 1080)
    k.show_kiosk(full_screen=False)
    qtbot.waitExposed(k)
    try:
        rows = [r for r in k.home.session_rows if r.isVisibleTo(k.home)]
        assert rows[0].when.text() == "Sekarang"
        for row in rows:
            label = row.when
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
        assert len({r.when.width() for r in rows}) == 1  # the titles start on one line
        assert k.home.directory_button.text() == "Peserta pameran A–Z"
        k.open_programme()  # "Berikutnya" beside "11:30": one column for all
        shown = [r for r in k.programme.rows if r.isVisibleTo(k.programme)]
        assert [r.when.text() for r in shown[:2]] == ["Sekarang", "Berikutnya"]
        starts = {r.title.mapTo(k.programme, r.title.rect().topLeft()).x() for r in shown}
        assert len(starts) == 1
        wide = shown[1].when
        assert wide.fontMetrics().horizontalAdvance(wide.text()) <= wide.width()
    finally:
        k.unlocked = True
        k.close()
        k.shutdown()


def test_a_window_closed_in_indonesian_leaves_the_app_in_english(qtbot, nav):
    """A window takes its translators with it: what opens next (a kiosk's new window
    after a data file update, the next test) is not answered in its language."""
    from exponav.ui.app import make_app
    from exponav.ui.visitor.main_window import MainWindow

    make_app()
    w = MainWindow(nav, lang="id")
    qtbot.addWidget(w)
    assert QCoreApplication.translate("HomeScreen", "Now") == "Sekarang"
    w.close()
    assert QCoreApplication.translate("HomeScreen", "Now") == "Now"
