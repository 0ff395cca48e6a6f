"""The on-screen keyboard of a kiosk: Qt Virtual Keyboard where it can serve, else ours.

Qt Virtual Keyboard is an input-method plugin (``QT_IM_MODULE=qtvirtualkeyboard``) with
pinyin, zhuyin and cangjie for Chinese. The PySide6 *Essentials* wheel ships the plugin
(``plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so``) and its QML files but
not the libraries it links to (``Qt6VirtualKeyboard``, in PySide6-Addons), so on such an
installation the plugin cannot load: :func:`qt_virtual_keyboard_available` checks for
both, and :func:`choose_keyboard` falls back to :class:`TouchKeyboard`.

:class:`TouchKeyboard` types into whichever line edit has the focus (its keys never take
the focus): Latin letters, digits and the few signs booth codes and names use, and a
Chinese page. Chinese is entered from a palette of the characters of the show's own
names (exhibitors, themes, zones, services): first the most common ones; after a Chinese
character, the characters that follow it in those names, most frequent first. A visitor
looking for 中華電信 taps 中, then finds 華 among the few characters that ever follow 中,
and the search (which matches prefixes) usually has the answer by then. This needs no
dictionary and covers exactly what can be found; a full pinyin or zhuyin input method
would be far larger for the same result.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ChinesePalette", "TouchKeyboard", "choose_keyboard", "is_cjk",
           "qt_virtual_keyboard_available"]

PAGE = 36  # Chinese characters on one page of the palette (3 rows of 12)


# -- which keyboard ----------------------------------------------------------------------

def qt_virtual_keyboard_available() -> bool:
    """True when the Qt Virtual Keyboard plugin and the libraries it needs are installed."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    bins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.BinariesPath))
    plugin = any((plugins / "platforminputcontexts").glob("*qtvirtualkeyboardplugin*"))
    library = any(folder.glob(pattern) for folder in (libs, bins) for pattern in (
        "libQt6VirtualKeyboard.so*", "Qt6VirtualKeyboard.dll", "QtVirtualKeyboard.framework",
        "libQt6VirtualKeyboard*.dylib"))
    return plugin and library


def choose_keyboard(setting: str = "auto") -> str:
    """``"qt"`` or ``"builtin"`` for the kiosk setting ``auto | qt | builtin``. Choosing
    ``"qt"`` sets ``QT_IM_MODULE``, which must happen before the QApplication exists."""
    wanted = setting if setting in ("qt", "builtin") else "auto"
    if wanted == "builtin" or (wanted == "auto" and not qt_virtual_keyboard_available()):
        return "builtin"
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    return "qt"


# -- the Chinese palette -----------------------------------------------------------------

def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class ChinesePalette:
    """The characters of a show's names, and which follow which.

    >>> p = ChinesePalette(["中華電信", "中華航空", "台灣大哥大"])
    >>> p.common()[:2]
    ['中', '華']
    >>> p.after("中")
    ['華']
    >>> p.after("電")
    ['信']
    """

    def __init__(self, names: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        follow: dict[str, Counter[str]] = defaultdict(Counter)
        for name in set(names):
            chars = [c for c in name if is_cjk(c)]
            counts.update(set(chars))
            for a, b in zip(name, name[1:], strict=False):
                if is_cjk(a) and is_cjk(b):
                    follow[a][b] += 1
        order = {c: i for i, (c, _) in enumerate(sorted(counts.items(),
                                                        key=lambda kv: (-kv[1], kv[0])))}
        self._common = sorted(counts, key=order.__getitem__)
        self._follow = {a: sorted(f, key=lambda c: (-f[c], order[c])) for a, f in follow.items()}

    def common(self) -> list[str]:
        """Every character, the most common first."""
        return list(self._common)

    def after(self, ch: str) -> list[str]:
        """The characters that follow ``ch`` in some name, the most frequent first."""
        return list(self._follow.get(ch, []))

    def suggestions(self, text: str) -> list[str]:
        """What to offer next after ``text``: the followers of its last character, then
        the rest by frequency."""
        last = text[-1:] if text and is_cjk(text[-1]) else ""
        first = self.after(last) if last else []
        seen = set(first)
        return first + [c for c in self._common if c not in seen]

    @classmethod
    def for_show(cls, nav) -> ChinesePalette:
        """From the exhibitors' Chinese names (without legal forms), themes, zones and
        services of the navigator's data."""
        from exponav.core.model import AMENITY_LABELS
        from exponav.ui.map.items.labels import short_name

        names = [short_name(e.name_zh) for e in nav.show.exhibitors.values() if e.name_zh]
        names += [c.name_zh for c in nav.show.categories.values() if c.name_zh]
        names += [z.name_zh for p in nav.venue.plans.values() for z in p.zones if z.name_zh]
        names += [zh for _, zh in AMENITY_LABELS.values()]
        return cls(names)


# -- the keyboard ------------------------------------------------------------------------

_LATIN_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


class TouchKeyboard(QWidget):
    """Keys for the focused line edit. :attr:`hide_requested` when the visitor closes it."""

    hide_requested = Signal()

    def __init__(self, palette: ChinesePalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.palette_chars = palette
        self._page = 0
        self.target: QLineEdit | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 16)
        outer.setSpacing(8)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)

        latin = QWidget(self.pages)
        rows = QVBoxLayout(latin)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        self.keys: dict[str, QToolButton] = {}
        for r, row in enumerate(_LATIN_ROWS):
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addStretch(1)
            for ch in row:
                line.addWidget(self._key(ch, ch, lambda _=False, c=ch: self.type_text(c)))
            if r == 0:
                line.addWidget(self._key("backspace", "⌫", self.backspace, wide=1.6))
            if r == 3:
                for ch in "-&.":
                    line.addWidget(self._key(ch, ch, lambda _=False, c=ch: self.type_text(c)))
            line.addStretch(1)
            rows.addLayout(line)
        self.pages.addWidget(latin)

        chinese = QWidget(self.pages)
        grid = QGridLayout(chinese)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.char_keys: list[QToolButton] = []
        for i in range(PAGE):
            key = self._key(f"zh{i}", "", lambda _=False, n=i: self._type_char(n))
            key.setObjectName("keyZh")
            grid.addWidget(key, i // 12, i % 12)
            self.char_keys.append(key)
        grid.addWidget(self._key("zh-back", "⌫", self.backspace), 3, 0, 1, 2)
        grid.addWidget(self._key("zh-more", "…", self._next_page), 3, 10, 1, 2)
        self.pages.addWidget(chinese)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.mode_key = self._key("mode", "中文", self.toggle_chinese, wide=1.8)
        bottom.addWidget(self.mode_key)
        bottom.addWidget(self._key("clear", "Clear", self.clear, wide=1.8))
        space = self._key("space", "␣", lambda: self.type_text(" "), wide=6)
        bottom.addWidget(space, 1)
        bottom.addWidget(self._key("hide", "⌄", self.hide_requested.emit, wide=1.8))
        outer.addLayout(bottom)
        self._fill_chars()

    def _key(self, name: str, label: str, slot, wide: float = 1.0) -> QToolButton:
        key = QToolButton(self)
        key.setObjectName("key")
        key.setText(label)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line edit keeps the focus
        key.setMinimumSize(QSize(round(84 * wide), 64))
        key.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        key.setAutoRepeat(name in ("backspace", "zh-back"))
        key.clicked.connect(slot)
        self.keys[name] = key
        return key

    # -- typing ----------------------------------------------------------------------

    def field(self) -> QLineEdit | None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit):
            self.target = focused
        try:
            if self.target is not None and self.target.isVisible():
                return self.target
        except RuntimeError:  # deleted
            self.target = None
        return None

    def type_text(self, text: str) -> None:
        field = self.field()
        if field is not None:
            field.insert(text)
            self._fill_chars()

    def backspace(self) -> None:
        field = self.field()
        if field is not None:
            field.backspace()
            self._fill_chars()

    def clear(self) -> None:
        field = self.field()
        if field is not None:
            field.clear()
            self._fill_chars()

    # -- Chinese ---------------------------------------------------------------------

    def chinese_mode(self) -> bool:
        return self.pages.currentIndex() == 1

    def toggle_chinese(self) -> None:
        self.set_chinese(not self.chinese_mode())

    def set_chinese(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)
        self.mode_key.setText("ABC" if on else "中文")
        self._page = 0
        self._fill_chars()

    def offered(self) -> list[str]:
        """The Chinese characters on the keys now."""
        return [k.text() for k in self.char_keys if k.text()]

    def _fill_chars(self) -> None:
        field = self.field()
        chars = self.palette_chars.suggestions(field.text() if field is not None else "")
        pages = max(1, -(-len(chars) // PAGE))
        self._page %= pages
        shown = chars[self._page * PAGE:(self._page + 1) * PAGE]
        for i, key in enumerate(self.char_keys):
            key.setText(shown[i] if i < len(shown) else "")
            key.setEnabled(i < len(shown))

    def _type_char(self, n: int) -> None:
        text = self.char_keys[n].text()
        if text:
            self._page = 0
            self.type_text(text)

    def _next_page(self) -> None:
        self._page += 1
        self._fill_chars()

    def reset(self) -> None:
        """Back to Latin letters, first page, no target (after a visitor has gone)."""
        self.target = None
        self.set_chinese(False)
