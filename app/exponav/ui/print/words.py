"""A printout's words in one language, from the shipped translations, whatever the window speaks.

The window installs the translator of its interface language into the application; a
printout may be in another (a sheet printed from the command line, a test), so it loads
its own translator and asks it directly. ``%n`` takes the count, as Qt's ``tr`` does.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale, QTranslator

from exponav.core.languages import language, qt_name
from exponav.ui.common.i18n import load_translator

__all__ = ["Words", "interface_language"]


def interface_language() -> str:
    """The language the interface speaks now: the default locale, which the window's
    language switch sets (the system's locale before it), when it is one ExpoNav has."""
    return language(QLocale().name()) or "en"


@lru_cache(maxsize=8)
def _translator(lang: str) -> QTranslator | None:
    return load_translator(lang)


class Words:
    """Translations of one language; None as ``lang`` means :func:`interface_language`."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = language(lang) if lang else interface_language()
        if self.lang is None:
            self.lang = "en"
        self.locale = QLocale(qt_name(self.lang)) if self.lang != "en" else \
            QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        self._translator = _translator(self.lang)

    def find(self, context: str, text: str, disambiguation: str = "", n: int = -1
             ) -> str | None:
        """The translation of ``text`` in ``context``, or None when there is none."""
        if self._translator is None:
            return None
        found = self._translator.translate(context, text, disambiguation or None, n)
        return self.plain(found, n) if found else None

    @staticmethod
    def plain(text: str, n: int = -1) -> str:
        """``text`` with ``%n`` replaced by the count."""
        return text.replace("%n", str(n)) if n >= 0 else text

    def translate(self, context: str, text: str, n: int = -1) -> str:
        found = self.find(context, text, "", n)
        return found if found is not None else self.plain(text, n)
