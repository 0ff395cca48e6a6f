"""Zhuyin (bopomofo) input for the kiosk keyboard: the keys, syllables, and the show's names they spell.

A Taiwanese visitor types Chinese by sound, on the Dachen (大千) layout printed on every
keyboard sold in Taiwan: initials, medials, finals and the tone marks. The keyboard types
those symbols into the search field as they are (the search can match zhuyin), and offers
what they spell among the show's own names: :class:`ZhuyinNames` reads every character of
those names (with pypinyin's dictionary of single-character readings, so polyphonic
characters are offered under each of their readings) and answers a run of typed symbols
with the names that begin with it and the characters of its first syllable.

A syllable typed without a tone matches every tone; a syllable cut short (ㄓ, ㄓㄨ) matches
every reading that begins so, which is also how people type initials only (ㄓㄏ for 中華).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["DACHEN_ROWS", "TONES", "ZhuyinNames", "is_zhuyin", "readings", "syllables",
           "trailing_zhuyin"]

#: the Dachen layout as printed on Taiwanese keyboards, row by row (tone 1 is the space)
DACHEN_ROWS = (
    "ㄅㄉˇˋㄓˊ˙ㄚㄞㄢㄦ",
    "ㄆㄊㄍㄐㄔㄗㄧㄛㄟㄣ",
    "ㄇㄋㄎㄑㄕㄘㄨㄜㄠㄤ",
    "ㄈㄌㄏㄒㄖㄙㄩㄝㄡㄥ",
)
INITIALS = "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙ"
MEDIALS = "ㄧㄨㄩ"
FINALS = "ㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ"
TONES = "ˊˇˋ˙ˉ"
_SLOT = {**{c: 0 for c in INITIALS}, **{c: 1 for c in MEDIALS}, **{c: 2 for c in FINALS},
         **{c: 3 for c in TONES}}


def is_zhuyin(ch: str) -> bool:
    """Whether ``ch`` is a bopomofo symbol or tone mark.

    >>> is_zhuyin("ㄓ"), is_zhuyin("ˋ"), is_zhuyin("中")
    (True, True, False)
    """
    return ch in _SLOT


def trailing_zhuyin(text: str) -> str:
    """The run of zhuyin at the end of ``text`` (what is being composed).

    >>> trailing_zhuyin("中華ㄉㄧㄢˋ")
    'ㄉㄧㄢˋ'
    """
    n = len(text)
    while n and is_zhuyin(text[n - 1]):
        n -= 1
    return text[n:]


def syllables(zhuyin: str) -> list[str]:
    """Split typed zhuyin into syllables: a symbol that cannot follow the one before in
    one syllable (initial, medial, final, tone, in that order) starts the next.

    >>> syllables("ㄓㄨㄥㄏㄨㄚˊ")
    ['ㄓㄨㄥ', 'ㄏㄨㄚˊ']
    >>> syllables("ㄓㄏ")
    ['ㄓ', 'ㄏ']
    """
    out: list[str] = []
    last = 9
    for ch in zhuyin:
        slot = _SLOT.get(ch)
        if slot is None:
            continue
        if slot <= last or not out:
            out.append(ch)
        else:
            out[-1] += ch
        last = slot
        if slot == 3:
            last = 9  # after a tone anything starts a new syllable
    return out


@lru_cache(maxsize=1)
def _dictionary() -> dict[int, str]:
    from pypinyin.constants import PINYIN_DICT

    return PINYIN_DICT


@lru_cache(maxsize=8192)
def readings(ch: str) -> tuple[str, ...]:
    """Every zhuyin reading of one character, tone marked (tone 1 unmarked).

    >>> readings("中")
    ('ㄓㄨㄥ', 'ㄓㄨㄥˋ')
    """
    from pypinyin import Style
    from pypinyin.style import convert

    found = _dictionary().get(ord(ch))
    if not found:
        return ()
    out: list[str] = []
    for pinyin in found.split(","):
        z = convert(pinyin, Style.BOPOMOFO, strict=True)
        if z and z not in out:
            out.append(z)
    return tuple(out)


def _matches(typed: str, reading: str) -> bool:
    """Whether a typed syllable (perhaps cut short, perhaps toneless) fits a reading."""
    if typed and typed[-1] in TONES:
        tone = typed[-1]
        body = typed[:-1]
        if tone == "ˉ":
            return reading == body
        return reading.endswith(tone) and reading[:-1] == body
    return reading.rstrip(TONES).startswith(typed)


def _fits(typed: str, ch: str) -> bool:
    return any(_matches(typed, r) for r in readings(ch))


class ZhuyinNames:
    """What typed zhuyin spells among ``names`` (the show's Chinese names).

    >>> z = ZhuyinNames(["中華電信", "中華航空", "台灣大哥大"])
    >>> z.names("ㄓㄨㄥㄏㄨㄚ")
    ['中華航空', '中華電信']
    >>> z.characters("ㄊㄞ")  # 大 is also read tài
    ['大', '台']
    >>> z.characters("ㄊㄞˊ")
    ['台']
    """

    def __init__(self, names: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        kept: list[str] = []
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            chars = [c for c in name if "\u3400" <= c <= "\u9fff"]
            if chars:
                kept.append(name)
                counts.update(chars)
        self._names = sorted(kept, key=lambda n: (len(n), n))
        self._chars = sorted(counts, key=lambda c: (-counts[c], c))

    def names(self, zhuyin: str, limit: int = 12) -> list[str]:
        """Names whose first characters are read as the typed syllables, shortest first."""
        parts = syllables(zhuyin)
        if not parts:
            return []
        out = [n for n in self._names if len(n) >= len(parts)
               and all(_fits(p, c) for p, c in zip(parts, n, strict=False))]
        return out[:limit]

    def characters(self, zhuyin: str, limit: int = 36) -> list[str]:
        """Characters of the names read as the first typed syllable, most common first."""
        parts = syllables(zhuyin)
        if not parts:
            return []
        return [c for c in self._chars if _fits(parts[0], c)][:limit]

    def candidates(self, zhuyin: str, limit: int = 24) -> list[tuple[str, str]]:
        """What to offer for ``zhuyin``: ``(text, replaces)`` pairs. After one syllable
        its characters come first (as on any input method), after several the names
        that take the whole run; characters take the run's first syllable.

        >>> z = ZhuyinNames(["中華電信", "中興"])
        >>> z.candidates("ㄓㄨㄥ", 3)
        [('中', 'ㄓㄨㄥ'), ('中興', 'ㄓㄨㄥ'), ('中華電信', 'ㄓㄨㄥ')]
        >>> z.candidates("ㄓㄨㄥㄏㄨㄚ", 2)
        [('中華電信', 'ㄓㄨㄥㄏㄨㄚ'), ('中', 'ㄓㄨㄥ')]
        """
        parts = syllables(zhuyin)
        if not parts:
            return []
        names = [(n, zhuyin) for n in self.names(zhuyin, limit)]
        chars = [(c, parts[0]) for c in self.characters(zhuyin, limit)]
        out = chars[:max(1, limit - 2)] + names if len(parts) == 1 else names + chars
        seen: set[str] = set()
        return [c for c in out if not (c[0] in seen or seen.add(c[0]))][:limit]
