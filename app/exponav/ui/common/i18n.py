"""Languages: English, 繁體中文 and Bahasa Indonesia, switchable while the window runs.

Interface strings go through Qt's translation system: the sources are
``assets/translations/exponav_<lang>.ts``. At start the chosen language's ``.ts`` is
compiled with ``lrelease`` into the user's cache folder (named by a hash of its
content, so an edited ``.ts`` is recompiled and a cached ``.qm`` is never stale) and
loaded with a :class:`QTranslator`. A ``.qm`` shipped beside the ``.ts`` (as a build may
place it) is used first. Where no ``lrelease`` exists (a frozen bundle without the Qt
tools), or the cache folder is read-only or full, :class:`TsTranslator` reads the ``.ts``
XML directly, so a language never silently falls back to English.

Qt's own strings (a field's context menu, dialog buttons, the file and print dialogs)
follow too: :func:`load_qt_translator` loads Qt's ``qtbase_<lang>.qm`` from its
translations folder, or, for a language Qt does not ship (Bahasa Indonesia),
``assets/translations/qtbase_<lang>.ts`` as ours are loaded.

Data names (exhibitors, levels, zones) follow the language too: :func:`pick` chooses
the Chinese name for Chinese and the English one otherwise.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
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

from exponav.core import paths
from exponav.core.languages import LANGUAGES as TAGS
from exponav.core.languages import NATIVE_NAMES, is_chinese, language, pick, qt_name
from exponav.ui.common.assets import asset_path

__all__ = ["LANGUAGES", "Languages", "TsTranslator", "compile_ts", "is_chinese",
           "load_qt_translator", "load_translator", "pick"]

#: (tag, name in its own language), in menu order.
LANGUAGES: list[tuple[str, str]] = [(tag, NATIVE_NAMES[tag]) for tag in TAGS]


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    try:
        import PySide6

        candidate = Path(PySide6.__file__).parent / "lrelease"
        for path in (candidate, candidate.with_suffix(".exe")):
            if path.is_file():
                return str(path)
    except ImportError:  # pragma: no cover - PySide6 is always there when this runs
        pass
    return None


def compile_ts(ts: Path, cache: Path | None = None) -> Path | None:
    """Compile ``ts`` into a cached ``.qm``; None when no ``lrelease`` can be run or the
    cache folder cannot take it (read-only, full, not a folder)."""
    try:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
        folder = cache or (paths.cache_dir() / "translations")
        qm = folder / f"{ts.stem}-{digest}.qm"
        if qm.is_file():
            return qm
    except OSError:
        return None
    tool = _lrelease()
    if tool is None:
        return None
    tmp = qm.with_suffix(".tmp.qm")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(tmp)], check=True,
                       capture_output=True, timeout=60)
        tmp.replace(qm)
    except (OSError, subprocess.SubprocessError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return None
    return qm


class TsTranslator(QTranslator):
    """A translator that reads a ``.ts`` file itself (used only without ``lrelease``)."""

    def __init__(self, ts: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                tr = message.find("translation")
                if tr is not None and tr.text and tr.get("type") not in ("unfinished",
                                                                          "obsolete"):
                    self._table[(name, source)] = tr.text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        # None, not "": an empty string would be taken as the translation, and a string
        # this file lacks would show blank instead of falling back to English
        return self._table.get((context, source_text))

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
    """A translator for ``lang`` from ``assets/translations/<stem>_<lang>.ts``, or None
    for English (the source language)."""
    if lang == "en":
        return None
    ts = asset_path("translations", f"{stem}_{qt_name(lang)}.ts")
    shipped = ts.with_suffix(".qm")
    translator = QTranslator(parent)
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime) \
            and translator.load(str(shipped)):
        return translator
    if not ts.is_file():
        return None
    qm = compile_ts(ts)
    if qm is not None:
        if translator.load(str(qm)):
            return translator
        with contextlib.suppress(OSError):  # a file cut short (a full disk): made again
            qm.unlink()
    return TsTranslator(ts, parent)


class Languages(QObject):
    """The running language; ``set_language`` swaps the translator and says so."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code = "en"
        self._translators: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}

    def set_language(self, code: str) -> None:
        code = language(code) or "en"
        if code == self.code:
            return
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

    def translators(self) -> list[QTranslator]:
        """The translators in use (Qt's and ours; none for English)."""
        return list(self._translators)
