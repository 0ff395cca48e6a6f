"""The on-screen keyboard of a kiosk: Qt Virtual Keyboard where it really loads, else ours.

Qt Virtual Keyboard is an input-method plugin (``QT_IM_MODULE=qtvirtualkeyboard``) with
pinyin, zhuyin and cangjie for Chinese. The PySide6 *Essentials* wheel ships the plugin
(``plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so``) but not the libraries it
links to (``Qt6VirtualKeyboard``, in PySide6-Addons), so a file being there says nothing:
:func:`qt_virtual_keyboard_problem` loads the plugin with :class:`QPluginLoader`, as Qt
would, and :func:`choose_keyboard` takes it only when that worked, falling back to
:class:`TouchKeyboard` otherwise, and logs which keyboard the kiosk uses and why.

:class:`TouchKeyboard` types into whichever line edit has the focus (its keys never take
the focus), on three pages:

* Latin letters, digits and the signs names and booth codes use (``-``, ``&``, ``.``);
* zhuyin (bopomofo) on the Dachen layout of Taiwanese keyboards: the symbols go into the
  field as typed (the search matches zhuyin), and a row of candidates offers the show's
  names and characters they spell (:mod:`.zhuyin`); a tap, or the space bar, puts the
  chosen name in place of the symbols;
* a palette of the characters of the show's own names (:class:`ChinesePalette`): first
  the most common; after a Chinese character, those that follow it in those names.
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

from exponav.ui.kiosk.log import log
from exponav.ui.kiosk.zhuyin import DACHEN_ROWS, ZhuyinNames, syllables, trailing_zhuyin

__all__ = ["ChinesePalette", "TouchKeyboard", "choose_keyboard", "is_cjk",
           "qt_virtual_keyboard_problem"]

PAGE = 36  # Chinese characters on one page of the palette (3 rows of 12)
CANDIDATES = 8  # zhuyin candidates in the row above the keys


# -- which keyboard ----------------------------------------------------------------------

def _plugin_file() -> Path | None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / \
        "platforminputcontexts"
    return next(iter(sorted(folder.glob("*qtvirtualkeyboardplugin*"))), None)


def _qml_plugins() -> list[Path]:
    """The QML plugins the keyboard's panel is made of (QtQuick.VirtualKeyboard.*)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath)) / \
        "QtQuick" / "VirtualKeyboard"
    return sorted(p for p in folder.rglob("*") if p.suffix in (".so", ".dll", ".dylib"))


def qt_virtual_keyboard_problem() -> str:
    """Why Qt Virtual Keyboard cannot serve here ("" when its input-method plugin and the
    QML plugins of its panel load, with every library they need: the Essentials wheel
    lacks Qt6VirtualKeyboard, and the panel's sounds need PulseAudio's libpulse)."""
    from PySide6.QtCore import QPluginLoader

    plugin = _plugin_file()
    if plugin is None:
        return "its plugin is not installed"
    loader = QPluginLoader(str(plugin))
    if not loader.load():
        return f"its plugin does not load ({loader.errorString()})"
    keys = loader.metaData().get("MetaData", {}).get("Keys", [])
    if "qtvirtualkeyboard" not in [str(k).lower() for k in keys]:
        return f"{plugin.name} is not the qtvirtualkeyboard input method"
    panel = _qml_plugins()
    if not panel:
        return "the QML module of its panel (QtQuick.VirtualKeyboard) is not installed"
    for qml in panel:
        part = QPluginLoader(str(qml))
        if not part.load():
            return f"the QML plugin {qml.name} of its panel does not load ({part.errorString()})"
    return ""


def choose_keyboard(setting: str = "auto") -> str:
    """``"qt"`` or ``"builtin"`` for the kiosk setting ``auto | qt | builtin``, logged
    for staff. Choosing ``"qt"`` sets ``QT_IM_MODULE``, which must happen before the
    QApplication exists; ``qt`` where the plugin does not load falls back to ours."""
    if setting == "builtin":
        log("on-screen keyboard: the built-in keyboard (set by the keyboard setting)")
        return "builtin"
    problem = qt_virtual_keyboard_problem()
    if problem:
        log(f"on-screen keyboard: the built-in keyboard, because Qt Virtual Keyboard "
            f"cannot serve: {problem}")
        return "builtin"
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    log("on-screen keyboard: Qt Virtual Keyboard")
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
        self.names = sorted(set(names))
        counts: Counter[str] = Counter()
        follow: dict[str, Counter[str]] = defaultdict(Counter)
        for name in self.names:
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
LATIN, ZHUYIN, PALETTE = 0, 1, 2


def _label(text: str) -> str:
    """A key's text as a button shows it: ``&`` alone would be a mnemonic and vanish."""
    return text.replace("&", "&&")


class TouchKeyboard(QWidget):
    """Keys for the focused line edit. :attr:`hide_requested` when the visitor closes it."""

    hide_requested = Signal()

    def __init__(self, palette: ChinesePalette, parent: QWidget | None = None, *,
                 key_height: int = 64) -> None:
        super().__init__(parent)
        self.setObjectName("touchKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.palette_chars = palette
        self._zhuyin: ZhuyinNames | None = None  # read when first needed
        self._page = 0
        self.target: QLineEdit | None = None
        self.keys: dict[str, QToolButton] = {}
        self.key_height = key_height
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 12)
        outer.setSpacing(8)
        self.candidate_row = QWidget(self)
        row = QHBoxLayout(self.candidate_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.candidate_keys: list[QToolButton] = []
        for i in range(CANDIDATES):
            key = self._key(f"cand{i}", "", lambda _=False, n=i: self.choose_candidate(n))
            key.setObjectName("keyCandidate")
            row.addWidget(key, 1)
            self.candidate_keys.append(key)
        outer.addWidget(self.candidate_row)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.pages.addWidget(self._latin_page())
        self.pages.addWidget(self._zhuyin_page())
        self.pages.addWidget(self._palette_page())

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.mode_key = self._key("mode", "注音", self.toggle_chinese, wide=1.6)
        self.mode_key.setAccessibleName("Chinese (zhuyin) / Latin letters")
        bottom.addWidget(self.mode_key, 2)
        self.palette_key = self._key("palette", "字表", self.toggle_palette, wide=1.6)
        self.palette_key.setAccessibleName("Characters of the show's names")
        bottom.addWidget(self.palette_key, 2)
        bottom.addWidget(self._key("clear", "Clear", self.clear, wide=1.6), 2)
        space = self._key("space", "␣", self.space, wide=5)
        space.setAccessibleName("Space")
        bottom.addWidget(space, 6)
        hide = self._key("hide", "⌄", self.hide_requested.emit, wide=1.6)
        hide.setAccessibleName("Hide the keyboard")
        bottom.addWidget(hide, 2)
        outer.addLayout(bottom)
        self.set_key_height(key_height)
        self._refresh()

    # -- building --------------------------------------------------------------------

    def _key(self, name: str, label: str, slot, wide: float = 1.0) -> QToolButton:
        key = QToolButton(self)
        key.setObjectName("key")
        key.setText(_label(label))
        key.setAccessibleName(label)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line edit keeps the focus
        key.setProperty("wide", wide)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setAutoRepeat(name in ("backspace", "zh-back", "zy-back"))
        key.clicked.connect(slot)
        self.keys[name] = key
        return key

    def _rows_page(self, rows: Iterable[str], prefix: str, extra: dict[int, list]) -> QWidget:
        page = QWidget(self.pages)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        for r, row in enumerate(rows):
            line = QHBoxLayout()
            line.setSpacing(6)
            if r:  # the rows of a real keyboard are staggered
                line.addStretch(r)
            for ch in row:
                name = f"{prefix}{ch}"
                line.addWidget(self._key(name, ch, lambda _=False, c=ch: self.type_text(c)), 10)
            for key in extra.get(r, []):
                line.addWidget(key, round(10 * key.property("wide")))
            if r:
                line.addStretch(r)
            column.addLayout(line)
        return page

    def _latin_page(self) -> QWidget:
        signs = [self._key(ch, ch, lambda _=False, c=ch: self.type_text(c)) for ch in "-&."]
        back = self._key("backspace", "⌫", self.backspace, wide=1.6)
        back.setAccessibleName("Delete")
        return self._rows_page(_LATIN_ROWS, "", {0: [back], 3: signs})

    def _zhuyin_page(self) -> QWidget:
        back = self._key("zy-back", "⌫", self.backspace, wide=1.6)
        back.setAccessibleName("Delete")
        page = self._rows_page(DACHEN_ROWS, "zy:", {0: [back]})
        for ch in "".join(DACHEN_ROWS):
            self.keys[f"zy:{ch}"].setObjectName("keyZhuyin")
        return page

    def _palette_page(self) -> QWidget:
        page = QWidget(self.pages)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.char_keys: list[QToolButton] = []
        for i in range(PAGE):
            key = self._key(f"zh{i}", "", lambda _=False, n=i: self._type_char(n))
            key.setObjectName("keyZh")
            grid.addWidget(key, i // 12, i % 12)
            self.char_keys.append(key)
        back = self._key("zh-back", "⌫", self.backspace)
        back.setAccessibleName("Delete")
        grid.addWidget(back, 3, 0, 1, 2)
        more = self._key("zh-more", "…", self._next_page)
        more.setAccessibleName("More characters")
        grid.addWidget(more, 3, 10, 1, 2)
        return page

    def set_key_height(self, height: int) -> None:
        """Every key this tall (the kiosk's layout sets it for the screen), and wide
        enough for a finger by its share of the row."""
        self.key_height = height
        for key in self.keys.values():
            key.setMinimumSize(QSize(round(min(56, height) * 0.6 * key.property("wide")),
                                     height))
            key.setMaximumHeight(height)
        self.updateGeometry()

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
            self._refresh()

    def backspace(self) -> None:
        field = self.field()
        if field is not None:
            field.backspace()
            self._refresh()

    def clear(self) -> None:
        field = self.field()
        if field is not None:
            field.clear()
            self._refresh()

    def space(self) -> None:
        """A space; while zhuyin is being composed, the first candidate instead (as the
        space bar chooses on Taiwanese input methods)."""
        if self.mode() == ZHUYIN and self.candidates():
            self.choose_candidate(0)
        else:
            self.type_text(" ")

    # -- pages -----------------------------------------------------------------------

    def mode(self) -> int:
        """:data:`LATIN`, :data:`ZHUYIN` or :data:`PALETTE`."""
        return self.pages.currentIndex()

    def chinese_mode(self) -> bool:
        return self.mode() != LATIN

    def toggle_chinese(self) -> None:
        self.set_chinese(not self.chinese_mode())

    def toggle_palette(self) -> None:
        self.set_mode(ZHUYIN if self.mode() == PALETTE else PALETTE)

    def set_chinese(self, on: bool) -> None:
        """Zhuyin keys (on) or Latin letters (off)."""
        self.set_mode(ZHUYIN if on else LATIN)

    def set_mode(self, mode: int) -> None:
        self.pages.setCurrentIndex(mode)
        self.mode_key.setText("ABC" if mode != LATIN else "注音")
        self.palette_key.setVisible(mode != LATIN)
        self._page = 0
        self._refresh()

    def _refresh(self) -> None:
        self._fill_chars()
        self._fill_candidates()

    # -- zhuyin ----------------------------------------------------------------------

    def zhuyin_names(self) -> ZhuyinNames:
        if self._zhuyin is None:
            self._zhuyin = ZhuyinNames(self.palette_chars.names)
        return self._zhuyin

    def composing(self) -> str:
        """The zhuyin at the end of the field, which the candidates would replace."""
        field = self.field()
        return trailing_zhuyin(field.text()[:field.cursorPosition()]) if field else ""

    def candidates(self) -> list[tuple[str, str]]:
        """``(text, zhuyin it replaces)`` for the zhuyin being composed."""
        run = self.composing()
        return self.zhuyin_names().candidates(run, CANDIDATES) if run else []

    def offered_candidates(self) -> list[str]:
        return [k.text().replace("&&", "&") for k in self.candidate_keys if k.isEnabled()]

    def _fill_candidates(self) -> None:
        shown = self.mode() == ZHUYIN
        self.candidate_row.setVisible(shown)
        found = self.candidates() if shown else []
        for i, key in enumerate(self.candidate_keys):
            text = found[i][0] if i < len(found) else ""
            key.setText(_label(text))
            key.setAccessibleName(text)
            key.setEnabled(bool(text))

    def choose_candidate(self, n: int) -> None:
        """Put the ``n``-th candidate in place of the zhuyin it spells."""
        found = self.candidates()
        field = self.field()
        if field is None or n >= len(found):
            return
        text, replaces = found[n]
        run = self.composing()
        end = field.cursorPosition()
        start = end - len(run)
        typed = field.text()
        stop = start + len(replaces)  # a name takes the whole run, a character a syllable
        field.setText(typed[:start] + text + typed[stop:])
        field.setCursorPosition(start + len(text) + (end - stop))
        self._refresh()

    def syllables(self) -> list[str]:
        return syllables(self.composing())

    # -- the palette -----------------------------------------------------------------

    def offered(self) -> list[str]:
        """The Chinese characters on the palette's keys now."""
        return [k.text() for k in self.char_keys if k.text()]

    def _fill_chars(self) -> None:
        if not hasattr(self, "char_keys"):
            return
        field = self.field()
        chars = self.palette_chars.suggestions(field.text() if field is not None else "")
        pages = max(1, -(-len(chars) // PAGE))
        self._page %= pages
        shown = chars[self._page * PAGE:(self._page + 1) * PAGE]
        for i, key in enumerate(self.char_keys):
            key.setText(shown[i] if i < len(shown) else "")
            key.setAccessibleName(shown[i] if i < len(shown) else "")
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
