"""Languages: English, 繁體中文 and Bahasa Indonesia, switchable while the window runs.

Interface strings go through Qt's translation system. The sources are
``assets/translations/exponav_<lang>.ts``; each is compiled ahead of time into the
``.qm`` beside it (``tools/translations.py``), which the wheel and the installer ship,
and loaded here with a :class:`QTranslator`: nothing is compiled when the window starts.
English, the language of the code, has a ``.qm`` too, for its plural forms ("1 stop",
"2 stops" from ``tr("%n stop(s)", "", n)``). Should a ``.qm`` be missing or unreadable,
:class:`TsTranslator` reads the ``.ts`` XML itself, so a language never silently falls
back to English.

Qt's own strings (a field's context menu, dialog buttons, the file and print dialogs)
follow too: :func:`load_qt_translator` loads Qt's ``qtbase_<lang>.qm`` from its
translations folder, or, for a language Qt does not ship (Bahasa Indonesia), our
``assets/translations/qtbase_<lang>.qm`` (or its ``.ts``) as ours are loaded.

Data names (exhibitors, levels, zones) follow the language too: :func:`pick` chooses
the Chinese name for Chinese and the English one otherwise.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from exponav.core.languages import LANGUAGES as TAGS
from exponav.core.languages import NATIVE_NAMES, is_chinese, language, pick, qt_name
from exponav.ui.common.assets import asset_path

__all__ = ["LANGUAGES", "Languages", "TsTranslator", "is_chinese", "load_qt_translator",
           "load_translator", "pick", "translation_files"]

#: (tag, name in its own language), in menu order.
LANGUAGES: list[tuple[str, str]] = [(tag, NATIVE_NAMES[tag]) for tag in TAGS]


def translation_files(lang: str, stem: str = "exponav") -> tuple[Path, Path]:
    """The ``.ts`` source and the shipped ``.qm`` of ``lang`` (a language tag), of our
    strings or (``stem="qtbase"``) of Qt's own where Qt ships no translation."""
    ts = asset_path("translations", f"{stem}_{qt_name(lang)}.ts")
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
            # None, not "": an empty string would be taken as the translation, and a
            # string this file lacks would show blank instead of falling back
            return None
        return forms[min(_plural_index(self._lang, n), len(forms) - 1)] if n >= 0 else forms[0]

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._table


def load_qt_translator(lang: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own strings in ``lang``: its ``qtbase`` translation, or ours where Qt has
    none; None for English or when neither exists."""
    if lang == "en":
        return None
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{qt_name(lang)}", folder):
        return translator
    return load_translator(lang, parent, stem="qtbase")


def load_translator(lang: str, parent: QObject | None = None,
                    stem: str = "exponav") -> QTranslator | None:
    """The translator of ``lang`` (its shipped ``.qm``; its ``.ts`` if that is missing), or
    None when there is neither (English without plural forms)."""
    ts, qm = translation_files(lang, stem)
    translator = QTranslator(parent)
    if qm.is_file() and translator.load(str(qm)):
        return translator
    if ts.is_file():
        return TsTranslator(ts, parent)
    return None


class Languages(QObject):
    """The running language; ``set_language`` swaps the translators and says so."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code = "en"
        self._applied = False  # English's plural forms are installed by the first call
        self._translators: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}

    def set_language(self, code: str) -> None:
        code = language(code) or "en"
        if code == self.code and self._applied:
            return
        self._applied = True
        app = QCoreApplication.instance()
        if code not in self._loaded:
            found = (load_qt_translator(code, self), load_translator(code, self))
            self._loaded[code] = [t for t in found if t is not None]
        if app is not None:
            for translator in self._translators:
                app.removeTranslator(translator)
        self._translators = self._loaded[code]
        self.code = code
        QLocale.setDefault(QLocale(qt_name(code)) if code != "en"
                           else QLocale(QLocale.Language.English))
        if app is not None:
            # Installing or removing a translator sends LanguageChange to every widget;
            # the last installed is asked first: ours, then Qt's
            for translator in self._translators:
                app.installTranslator(translator)
        self.language_changed.emit(code)

    def release(self) -> None:
        """Take this window's translators off the application (its window closed): what
        stays open, or opens next, is not answered in a language nobody chose for it."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._translators:
                app.removeTranslator(translator)
        self._translators = []
        self.code, self._applied = "en", False

    def translators(self) -> list[QTranslator]:
        """The translators in use (Qt's and ours; none for English without plurals)."""
        return list(self._translators)
