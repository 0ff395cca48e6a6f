"""How a Chinese name is typed on a Latin keyboard: its pinyin, the first letters of its
syllables and its zhuyin (bopomofo), as index terms worked out when the index is built.

Each run of Han characters is read with pypinyin (its phrase dictionary picks the reading
of a character in context). A run gives its syllables joined from every syllable on
(``zhonghuadianxin``, ``huadianxin``, ``dianxin``, ``xin``), so that a query word that
starts one of them matches however the visitor spaced the syllables; then the first
letters of the whole run (``zhdx``), and the same joins in zhuyin without tone marks.
A syllable with ü is also spelled with u (``lv`` and ``lu``), as visitors type both.

>>> reading_terms("中華電信")[:5]
['zhonghuadianxin', 'huadianxin', 'dianxin', 'xin', 'zhdx']
>>> reading_terms("中華電信")[5:7]
['ㄓㄨㄥㄏㄨㄚㄉㄧㄢㄒㄧㄣ', 'ㄏㄨㄚㄉㄧㄢㄒㄧㄣ']
>>> reading_terms("Lumen Labs")
[]
"""

from __future__ import annotations

import functools
import re
from functools import cache

__all__ = ["reading_terms"]

#: Runs of Han characters (the unified ideographs and their extensions).
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_TONE_MARKS = str.maketrans("", "", "\u02c9\u02ca\u02c7\u02cb\u02d9")


@cache
def _pypinyin():  # a large dictionary: loaded when a name is first read
    import pypinyin

    return pypinyin


def _joins(syllables: list[str]) -> list[str]:
    """The syllables joined from each one on to the end."""
    return ["".join(syllables[i:]) for i in range(len(syllables))]


def reading_terms(text: str) -> list[str]:
    """Index terms for how the Han characters of ``text`` are typed: pinyin joins, first
    letters and zhuyin joins, each run of characters on its own; [] without Han."""
    return list(_reading_terms(text))


@functools.lru_cache(maxsize=1 << 16)
def _reading_terms(text: str) -> tuple[str, ...]:
    """:func:`reading_terms`, kept: an edited layout analyses the same names again."""
    p = _pypinyin()
    terms: list[str] = []
    for run in _HAN_RUN.findall(text):
        syllables = [s for s in p.lazy_pinyin(run, style=p.Style.NORMAL, errors="ignore")
                     if s.isascii() and s.isalpha()]
        if not syllables:
            continue
        terms += _joins(syllables)
        terms.append("".join(s[0] for s in syllables))
        zhuyin = [s.translate(_TONE_MARKS) for s in
                  p.lazy_pinyin(run, style=p.Style.BOPOMOFO, errors="ignore")]
        terms += _joins([s for s in zhuyin if s])
        if any("v" in s for s in syllables):
            terms += _joins([s.replace("v", "u") for s in syllables])
    return tuple(dict.fromkeys(t.casefold() for t in terms))
