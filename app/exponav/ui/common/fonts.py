"""A font chain that finds a CJK-capable font wherever the system has one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

__all__ = ["CJK_FAMILIES", "apply_font_chain", "cjk_family"]

#: Tried in order: Windows, macOS, then the Linux families (Debian's fonts-noto-cjk).
CJK_FAMILIES = [
    "Microsoft JhengHei UI", "Microsoft JhengHei", "PingFang TC", "Heiti TC",
    "Noto Sans CJK TC", "Noto Sans TC", "Noto Sans CJK JP", "Source Han Sans TC",
    "WenQuanYi Zen Hei", "AR PL UMing TW",
]


def cjk_family() -> str | None:
    """The first installed family from :data:`CJK_FAMILIES` that can write 中華電信."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed and QFontDatabase.WritingSystem.TraditionalChinese in \
                QFontDatabase.writingSystems(family):
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese):
        return family
    return None


def apply_font_chain(app) -> str | None:
    """Make the application font a Latin UI font followed by the CJK family."""
    cjk = cjk_family()
    font = QFont(app.font())
    families = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans"]
    if cjk:
        families.append(cjk)
    font.setFamilies(families)
    app.setFont(font)
    return cjk
