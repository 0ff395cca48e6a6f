"""The shipped translations: every .qm says what its .ts says, and English counts in plurals."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from exponav.core.languages import LANGUAGES

STALE = ("is older than its .ts; run `.venv/bin/python tools/translations.py --release` "
         "and commit the .qm")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_qm_says_what_its_ts_says(qapp, lang):
    from PySide6.QtCore import QTranslator

    from exponav.ui.common.i18n import TsTranslator, translation_files

    ts, qm = translation_files(lang)
    compiled = QTranslator()
    assert qm.is_file() and compiled.load(str(qm)), f"{qm.name} is missing; {STALE}"
    source = TsTranslator(ts)
    checked = 0
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            text = message.findtext("source")
            counts = (1, 2, 7) if message.get("numerus") == "yes" else (-1,)
            for n in counts:
                want = source.translate(name, text, None, n)
                if want:
                    assert compiled.translate(name, text, None, n) == want, \
                        f"{qm.name} {STALE} ({name}: {text!r})"
                    checked += 1
    assert checked > (0 if lang == "en" else 100)


def test_english_counts_in_plurals(qapp):
    from PySide6.QtCore import QCoreApplication

    from exponav.ui.common.i18n import Languages

    languages = Languages()
    languages.set_language("en")
    try:
        assert [QCoreApplication.translate("VisitController", "%n stop(s)", None, n)
                for n in (1, 2)] == ["1 stop", "2 stops"]
        languages.set_language("zh-Hant")
        assert QCoreApplication.translate("VisitController", "%n stop(s)", None, 3) == "3 站"
    finally:
        languages.set_language("en")


def test_starting_runs_no_tool_and_writes_nothing(qapp, tmp_path, monkeypatch):
    import subprocess

    from exponav.ui.common.i18n import load_translator

    def refuse(*args, **kwargs):
        raise AssertionError(f"a tool was run: {args}")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for lang, word in (("zh-Hant", "廁所"), ("id", "Toilet")):
        translator = load_translator(lang)
        assert type(translator).__name__ == "QTranslator"
        assert translator.translate("SearchPanel", "Toilets") == word
    assert not (tmp_path / "cache").exists()
