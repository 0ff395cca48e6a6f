"""Folding text into search words: NFKC, case, accents, Han variants, CJK characters and
their pairs, booth-code prefixes, and how far a typo may be from the word it stands for.

Han characters fold to one form (traditional and variant forms to simplified, see
:mod:`~exponav.core.search.variants`), so 台北, 臺北 and simplified input all meet.
Zhuyin (bopomofo) is spelled in syllables like a Latin word, without its tone marks.

>>> tokens(fold("ＣÓRDOBA 中華電信"))
[('cordoba', False), ('中', False), ('华', True), ('电', True), ('信', True)]
>>> doc_terms(tokens(fold("電信")))
['电', '信', '电信']
>>> tokens(fold("ㄓㄨㄥˉ ㄏㄨㄚˊ"))
[('ㄓㄨㄥ', False), ('ㄏㄨㄚ', False)]
>>> osa("chungwha", "chunghwa", 2)
1
"""

from __future__ import annotations

import re
import unicodedata

from exponav.core.search.variants import HAN_FOLD

__all__ = ["CJK_RANGES", "CODE_PREFIX", "canon", "deletes", "doc_terms", "fold", "is_latin",
           "osa", "query_terms", "tokens", "typo_allowance"]

#: At most this many words of a query are looked at.
_MAX_TERMS = 12

#: Scripts written without spaces: each character is a word (Han, kana). Zhuyin is not
#: among them: its letters spell syllables, as Latin letters do.
CJK_RANGES = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
              (0xF900, 0xFAFF), (0x20000, 0x3134F))
_CJK = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CJK_RANGES)
_TOKEN = re.compile(f"([{_CJK}])|[^\\W_{_CJK}]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_DROP = {cp: None for lo, hi in ((0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                                 (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
         for cp in range(lo, hi + 1)}
_DROP.update({ord(c): None for c in "'\u2019\u02bc`"})
#: Zhuyin tone marks (ˉ ˊ ˇ ˋ; the light tone's ˙ folds to a space): visitors type without.
_DROP.update({ord(c): None for c in "\u02c9\u02ca\u02c7\u02cb"})
_FOLD: dict[int, str | None] = {**_DROP, **HAN_FOLD}
#: The start of a booth code as typed: area letter, digits, maybe the split letter.
CODE_PREFIX = re.compile(r"([A-Za-z])[\s\-_.]*(\d{1,4})\s*([abAB]?)")


def fold(text: str) -> str:
    """NFKC, case folded, without Latin accents, apostrophes or zhuyin tones; Han
    characters in the one form search compares."""
    s = unicodedata.normalize("NFKC", text).casefold()
    if s.isascii():
        return s.translate(_DROP)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", s).translate(_FOLD))


def tokens(folded: str) -> list[tuple[str, bool]]:
    """Words of folded text, each with "is a CJK character right after another one"."""
    out: list[tuple[str, bool]] = []
    prev_end = -1
    prev_cjk = False
    for m in _TOKEN.finditer(folded):
        cjk = m.group(1) is not None
        out.append((m.group(), cjk and prev_cjk and m.start() == prev_end))
        prev_end, prev_cjk = m.end(), cjk
    return out


def doc_terms(toks: list[tuple[str, bool]]) -> list[str]:
    """Index terms: every word and CJK character, plus each pair of adjacent CJK characters."""
    terms = []
    prev = ""
    for tok, joined in toks:
        terms.append(tok)
        if joined:
            terms.append(prev + tok)
        prev = tok
    return terms


def query_terms(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Query terms as (term, may be a prefix): words, CJK pairs, single CJK characters."""
    terms: list[tuple[str, bool]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) == 1:
            terms.append((run[0], False))
        terms.extend((a + b, False) for a, b in zip(run, run[1:], strict=False))
        run.clear()

    for tok, joined in toks:
        if _CJK_CHAR.fullmatch(tok):
            if not joined:
                flush()
            run.append(tok)
        else:
            flush()
            terms.append((tok, True))
    flush()
    unique = list(dict.fromkeys(terms))
    return unique[:_MAX_TERMS]


def canon(toks: list[tuple[str, bool]]) -> str:
    """The words joined by single spaces."""
    return " ".join(tok for tok, _ in toks)


def is_latin(term: str) -> bool:
    """Whether a term is a spaced-script word rather than CJK characters."""
    return _CJK_CHAR.match(term) is None


def osa(a: str, b: str, cap: int) -> int:
    """Edit distance with swaps of neighbours (optimal string alignment); > cap means far."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def deletes(word: str, depth: int) -> set[str]:
    """The word and what is left of it after deleting up to ``depth`` letters (SymSpell)."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {s[:i] + s[i + 1:] for s in frontier for i in range(len(s))}
        out |= frontier
    return out


def typo_allowance(n: int) -> int:
    """How many edits a typed word of ``n`` letters may be from the word it stands for."""
    return 0 if n < 4 else 1 if n <= 7 else 2
