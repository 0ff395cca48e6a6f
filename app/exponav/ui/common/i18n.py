"""Languages: English, 繁體中文 and Bahasa Indonesia, switchable while the window runs.

Interface strings go through Qt's translation system. The sources are
``assets/translations/exponav_<lang>.ts``; each is compiled ahead of time into the
``.qm`` beside it (``tools/translations.py``), which the wheel and the installer ship,
and loaded here with a :class:`QTranslator`: nothing is compiled when the window starts.
English, the language of the code, has a ``.qm`` too, for its plural forms ("1 stop",
"2 stops" from ``tr("%n stop(s)", "", n)``). Should a ``.qm`` be missing or unreadable,
:class:`TsTranslator` reads the ``.ts`` XML itself, so a language never silently falls
back to English.

Data names (exhibitors, levels, zones) follow the language too: :func:`pick` chooses
the Chinese name for Chinese and the English one otherwise.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from exponav.core.languages import LANGUAGES as TAGS
from exponav.core.languages import NATIVE_NAMES, is_chinese, language, pick, qt_name
from exponav.ui.common.assets import asset_path

__all__ = ["LANGUAGES", "Languages", "TsTranslator", "is_chinese", "load_translator", "pick",
           "translation_files"]

#: (tag, name in its own language), in menu order.
LANGUAGES: list[tuple[str, str]] = [(tag, NATIVE_NAMES[tag]) for tag in TAGS]


def translation_files(lang: str) -> tuple[Path, Path]:
    """The ``.ts`` source and the shipped ``.qm`` of ``lang`` (a language tag)."""
    ts = asset_path("translations", f"exponav_{qt_name(lang)}.ts")
    return ts, ts.with_suffix(".qm")


def _plural_index(lang: str, n: int) -> int:
    """Which of a message's plural forms ``n`` takes (Qt's rules for our languages:
    English has one and many; Chinese and Indonesian one form)."""
    return 0 if is_chinese(lang) or lang == "id" or n == 1 else 1


class TsTranslator(QTranslator):
    """A translator that reads a ``.ts`` file itself (used only when its ``.qm`` is missing)."""

    def __init__(self, ts: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(ts).getroot()
        self._lang = language((root.get("language") or "en").replace("_", "-")) or "en"
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                tr = message.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
                if any(forms):
                    self._table[(name, source)] = forms

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        forms = self._table.get((context, source_text))
        if not forms:
            return ""
        return forms[min(_plural_index(self._lang, n), len(forms) - 1)] if n >= 0 else forms[0]

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._table


def load_translator(lang: str, parent: QObject | None = None) -> QTranslator | None:
    """The translator of ``lang`` (its shipped ``.qm``; its ``.ts`` if that is missing), or
    None when there is neither (English without plural forms)."""
    ts, qm = translation_files(lang)
    translator = QTranslator(parent)
    if qm.is_file() and translator.load(str(qm)):
        return translator
    if ts.is_file():
        return TsTranslator(ts, parent)
    return None


class Languages(QObject):
    """The running language; ``set_language`` swaps the translator and says so."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code = "en"
        self._applied = False  # English's plural forms are installed by the first call
        self._translator: QTranslator | None = None
        self._loaded: dict[str, QTranslator | None] = {}

    def set_language(self, code: str) -> None:
        code = language(code) or "en"
        if code == self.code and self._applied:
            return
        self._applied = True
        app = QCoreApplication.instance()
        if code not in self._loaded:
            self._loaded[code] = load_translator(code, self)
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = self._loaded[code]
        self.code = code
        QLocale.setDefault(QLocale(qt_name(code)) if code != "en"
                           else QLocale(QLocale.Language.English))
        if self._translator is not None and app is not None:
            # Installing or removing a translator sends LanguageChange to every widget.
            app.installTranslator(self._translator)
        self.language_changed.emit(code)
