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


def test_every_literal_translate_call_is_in_the_ts():
    """A ``translate("Context", "text")`` that lupdate cannot see (inside an f-string, say)
    would never be translated: every literal one in the interface is in the .ts."""
    import re
    from pathlib import Path

    from exponav.ui.common.i18n import translation_files

    ts, _ = translation_files("zh-Hant")
    known = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    call = re.compile(r"""translate\(\s*(["'])(\w+)\1\s*,\s*(["'])((?:(?!\3)[^\\\n])+)\3\s*[,)]""")
    ui = Path(__file__).resolve().parents[2] / "app" / "exponav" / "ui"
    missing = [(p.name, ctx, text) for p in ui.rglob("*.py")
               for _, ctx, _, text in call.findall(p.read_text(encoding="utf-8"))
               if (ctx, text) not in known]
    assert not missing, f"not in {ts.name}: {missing[:5]}"
