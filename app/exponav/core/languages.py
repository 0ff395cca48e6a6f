"""The languages ExpoNav speaks: one code set (BCP 47 tags) and its one mapping to Qt's names.

Everything in ExpoNav, core and window alike, names a language by its tag here; only
the window's translation loader turns a tag into Qt's locale name (``zh_TW``), and
older settings files that wrote Qt's names are read through :func:`language`.

>>> language("zh_TW"), language("ZH-hant"), language("id-ID"), language("fr")
('zh-Hant', 'zh-Hant', 'id', None)
>>> qt_name("zh-Hant")
'zh_TW'
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "NATIVE_NAMES", "is_chinese", "language", "pick", "qt_name"]

#: The tags, in the order a language menu lists them.
LANGUAGES: tuple[str, ...] = ("en", "zh-Hant", "id")

#: Each language's name in itself, for a language menu.
NATIVE_NAMES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文", "id": "Bahasa Indonesia"}

_QT_NAMES = {"en": "en", "zh-Hant": "zh_TW", "id": "id"}


def language(text: str) -> str | None:
    """The tag for any usual spelling (``zh_TW``, ``zh-TW``, ``zh-Hant``, ``id_ID``,
    ``en-GB``), or None for a language ExpoNav does not speak."""
    key = text.strip().replace("_", "-").lower()
    if key.startswith("zh"):
        return "zh-Hant"
    head = key.split("-", 1)[0]
    return head if head in ("en", "id") else None


def qt_name(tag: str) -> str:
    """Qt's locale name for a tag: the suffix of the translation file, QLocale's name."""
    return _QT_NAMES[tag]


def is_chinese(tag: str) -> bool:
    return tag.lower().startswith("zh")


def pick(en: str, zh: str, tag: str) -> str:
    """The name to show in ``tag``: Chinese when asked for and present, else English."""
    if is_chinese(tag):
        return zh or en
    return en or zh
