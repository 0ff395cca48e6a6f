"""The font chain: a Latin UI font, then ExpoNav's own Chinese font, then the system's.

ExpoNav ships "ExpoNav Sans TC" (``assets/fonts``: Noto Sans CJK TC Regular and Bold
cut down to Big5 and the show's names by ``tools/subset_fonts.py``, under the SIL Open
Font License), so Chinese names are drawn and printed on a machine with no CJK font.
:func:`register_shipped_fonts` adds it to Qt's font database (once, after the
QGuiApplication exists); :func:`cjk_families` puts it before any installed CJK family,
which stays in the chain for a character the cut lacks. PDFs embed the glyphs they use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from exponav.core import paths

__all__ = ["CJK_FAMILIES", "SHIPPED_FAMILY", "ShippedFont", "apply_font_chain", "cjk_families",
           "cjk_family", "missing_characters", "register_shipped_fonts", "shipped_fonts"]

SHIPPED_FAMILY = "ExpoNav Sans TC"

#: Installed families tried after the shipped one: Windows, macOS, then Linux.
CJK_FAMILIES = [
    "Microsoft JhengHei UI", "Microsoft JhengHei", "PingFang TC", "Heiti TC",
    "Noto Sans CJK TC", "Noto Sans TC", "Noto Sans CJK JP", "Source Han Sans TC",
    "WenQuanYi Zen Hei", "AR PL UMing TW",
]
_LATIN = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans"]


@dataclass(frozen=True)
class ShippedFont:
    """One registered file of the shipped family."""

    path: Path
    family: str
    style: str


_shipped: list[ShippedFont] | None = None


def register_shipped_fonts() -> list[ShippedFont]:
    """Add ``assets/fonts/*.otf`` to Qt's font database; the faces that loaded.

    Runs once per process (Qt keeps application fonts until it exits); needs a
    QGuiApplication. A file Qt cannot read is left out, and the chain falls back to
    the system's CJK fonts.
    """
    global _shipped
    if _shipped is not None:
        return _shipped
    if QGuiApplication.instance() is None:  # no font database yet: try again later
        return []
    loaded = []
    files = sorted((paths.assets_dir() / "fonts").glob("*.otf"),
                   key=lambda p: (not p.stem.endswith("-Regular"), p.name))  # Regular first
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            style = path.stem.rpartition("-")[2]
            loaded.append(ShippedFont(path, family, style))
    _shipped = loaded
    return loaded


def shipped_fonts() -> list[ShippedFont]:
    """The shipped faces now in the font database (registering them if need be)."""
    return [f for f in register_shipped_fonts() if f.family == SHIPPED_FAMILY]


def _system_cjk_family() -> str | None:
    """The first installed family from :data:`CJK_FAMILIES` that writes Traditional Chinese."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed and QFontDatabase.WritingSystem.TraditionalChinese in \
                QFontDatabase.writingSystems(family):
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese):
        if family != SHIPPED_FAMILY:
            return family
    return None


def cjk_families() -> list[str]:
    """The Chinese part of the chain: the shipped family, then an installed one if any."""
    out = [SHIPPED_FAMILY] if shipped_fonts() else []
    system = _system_cjk_family()
    if system:
        out.append(system)
    return out


def cjk_family() -> str | None:
    """The family Chinese names are written in: the shipped one, else an installed one."""
    families = cjk_families()
    return families[0] if families else None


def missing_characters(text: str) -> str:
    """The characters of ``text`` (spaces aside) that no face of the shipped family has."""
    raws = [QRawFont(str(f.path), 12) for f in shipped_fonts()]
    missing = dict.fromkeys(c for c in text if not c.isspace()
                            and not any(r.supportsCharacter(ord(c)) for r in raws))
    return "".join(missing)


def apply_font_chain(app) -> str | None:
    """Make the application font a Latin UI font followed by the CJK families."""
    font = QFont(app.font())
    font.setFamilies(_LATIN + cjk_families())
    app.setFont(font)
    return cjk_family()
