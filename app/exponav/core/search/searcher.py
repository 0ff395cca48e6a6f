"""Text search over exhibitors, booths and amenities, as a visitor types.

:func:`create_index` analyses the documents when the data file is built and stores
them (``search_docs``, one readable row each, in rank order) with their postings
(``search_terms``, one row per field: term -> ranks). A :class:`Searcher` loads the
postings with a few bulk reads and keeps them in memory, so a query costs no SQL and
user text never reaches an SQL or FTS parser:

* **Normalising.** NFKC (full-width letters and digits become ASCII), case folding and
  removal of Latin accents (``CÓRDOBA`` -> ``cordoba``); apostrophes vanish
  (``McDonald's`` -> ``mcdonalds``). Latin, digit and other spaced scripts split into
  words; every Han or kana character is a word of its own, and two adjacent ones also
  form a bigram, so one- and two-character Chinese substrings are found.
* **Booth codes.** ``s-1024``, ``S 1024``, ``q210`` go through
  :func:`~exponav.core.model.codes.canonical_code`; ``S10`` lists the booths whose code
  starts with it.
* **Names.** Exact name, name prefix, a word (or phrase) starting a word of the name,
  every word present, and a piece inside a word.
* **Amenities.** Everyday words in English and Chinese (``restroom``, ``WC``, ``洗手間``,
  ``help desk``, ``first aid``, ``哺乳室`` ...) find amenities by their category; an
  accessible toilet is also a toilet, an entrance also a way out.
* **Keywords.** Category names, country, zones and descriptions, ranked below names.
* **Typos.** Words of 4-7 letters may be one edit (insertion, deletion, substitution or
  swap of neighbours) from a name or amenity word, words of 8 or more two; candidates
  come from a stored table of the words' deletions (SymSpell), checked by edit distance.

Each document has a rank, its place in the order (kind: exhibitor, amenity, booth; then
name; then id). A set of documents is a Python integer used as a bitset over ranks, so
"all words present", the level and category filters and "not yet listed" are integer
``&``, and a tier's best documents are its lowest set bits. Tiers are computed lazily,
best first, and the search stops as soon as ``limit`` hits are found.

Scores: 100 booth code, 99 exhibitor at that booth, 98 exact name or id, 97/96 amenity
word (96: through a related category), 92 booth-code prefix, 90 name prefix, 88/87
start of an amenity word, 86/85 every word in amenity words, 80 word or phrase in the
name, 75 all words in the name, 70 piece of a name word, 60 words split between name and
keywords, 50 whole words in keywords, 45 word prefixes in keywords, 40 piece of a
keyword, 32/31 an amenity word with a typo, 30 one typo, 25 two typos, 0 for browsing a
filter with no text. Within a score, hits keep the rank order (for booths matched by a
code prefix: code order).

>>> import sqlite_utils
>>> db = sqlite_utils.Database(memory=True)
>>> create_index(db, [SearchDoc("exhibitor", "EX0001", "Chunghwa Telecom", "中華電信",
...                             ("S1024",), "H2-4F", ("5g",), "5G Taiwan")])
>>> [h.id for h in Searcher(db.conn).search("chungwha")]
['EX0001']
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from itertools import chain, product
from typing import Any

import sqlite_utils

from exponav.core.model.codes import canonical_code

__all__ = ["SearchDoc", "SearchHit", "Searcher", "create_index"]

TABLE = "search_docs"
TERMS_TABLE = "search_terms"
META_TABLE = "search_meta"
#: Bump when the analysis changes: a file of another format is re-analysed on open.
INDEX_FORMAT = 4
#: The fields of the index (see ``_analyse``); the first fourteen come from documents.
_FIELDS = ("name", "first", "names", "phrases", "ids", "kw", "code", "code_ex", "level",
           "category", "alias", "alias_rel", "alias_phrases", "alias_rel_phrases",
           "name_p", "first_p", "kw_p", "typo_words", "typo")

#: Only this much of what is typed is looked at.
_MAX_QUERY_CHARS = 200
#: ... and at most this many words of it.
_MAX_TERMS = 12
_KIND_ORDER = {"exhibitor": 0, "amenity": 1, "booth": 2}
_LAST = "\U0010ffff"
#: Prefixes of Latin words up to this long have stored postings (no union when typed).
_SHORT = 3

_S_CODE = 100.0
_S_CODE_EXHIBITOR = 99.0
_S_EXACT = 98.0
_S_ALIAS = 97.0
_S_ALIAS_RELATED = 96.0
_S_CODE_PREFIX = 92.0
_S_PREFIX = 90.0
_S_ALIAS_PREFIX = 88.0
_S_ALIAS_RELATED_PREFIX = 87.0
_S_ALIAS_WORDS = 86.0
_S_ALIAS_RELATED_WORDS = 85.0
_S_WORD = 80.0
_S_ALL_WORDS = 75.0
_S_SUBSTRING = 70.0
_S_MIXED = 60.0
_S_KEYWORD = 50.0
_S_KEYWORD_PREFIX = 45.0
_S_KEYWORD_SUBSTRING = 40.0
_S_FUZZY_ALIAS = 32.0
_S_FUZZY_ALIAS_RELATED = 31.0
_S_FUZZY_1 = 30.0
_S_FUZZY_2 = 25.0
_S_BROWSE = 0.0

#: Everyday words for amenity categories (an amenity's category id is always one too).
AMENITY_WORDS: dict[str, tuple[str, ...]] = {
    "toilet": (
        "toilet", "toilets", "restroom", "restrooms", "rest room", "rest rooms", "wc",
        "bathroom", "bathrooms", "loo", "loos", "lavatory", "lavatories", "washroom",
        "washrooms", "water closet", "gents", "ladies", "men's room", "women's room",
        "廁所", "洗手間", "化妝室", "盥洗室", "衛生間", "厕所", "洗手间", "卫生间"),
    "toilet.accessible": (
        "accessible toilet", "accessible toilets", "accessible restroom", "accessible wc",
        "accessible bathroom", "disabled toilet", "disabled", "wheelchair",
        "wheelchair accessible", "handicap", "handicapped", "barrier free", "無障礙廁所",
        "無障礙洗手間", "無障礙", "身障廁所", "殘障廁所", "无障碍厕所", "无障碍"),
    "information": (
        "information", "info", "information desk", "information counter", "info desk",
        "help", "help desk", "helpdesk", "service desk", "service counter", "enquiries",
        "inquiries", "inquiry", "reception", "customer service", "服務台", "服務臺",
        "詢問處", "服務中心", "諮詢台", "詢問台", "服务台", "询问处"),
    "food": (
        "food", "cafe", "cafes", "coffee", "restaurant", "restaurants", "eat", "eating",
        "dining", "lunch", "snack", "snacks", "drink", "drinks", "food court", "canteen",
        "cafeteria", "food and drink", "餐廳", "美食", "餐飲", "咖啡", "美食街", "用餐",
        "飲食", "餐厅", "餐饮"),
    "firstaid": (
        "first aid", "firstaid", "medical", "medical room", "medical centre",
        "medical center", "medic", "clinic", "doctor", "nurse", "infirmary", "醫護室",
        "急救", "急救站", "醫務室", "醫療站", "医护室", "医务室"),
    "nursing": (
        "nursing", "nursing room", "baby", "babies", "baby care", "baby room",
        "breastfeeding", "lactation", "diaper", "diapers", "baby changing", "哺乳室",
        "哺集乳室", "集乳室", "哺乳", "育嬰室", "尿布台", "育婴室"),
    "charging": (
        "charging", "charging station", "charge", "charger", "phone", "phone charging",
        "mobile charging", "power bank", "usb", "充電", "充電站", "充電區", "手機充電",
        "充电", "充电站"),
    "meeting": (
        "meeting", "meetings", "meeting table", "meeting tables", "matchmaking",
        "business matchmaking", "b2b", "business meeting", "媒合", "商務媒合", "媒合區",
        "商談", "洽談", "洽談桌", "會議"),
    "stage": (
        "stage", "stages", "forum", "forums", "talk", "talks", "seminar", "seminars",
        "theater", "theatre", "keynote", "presentation", "論壇", "舞台", "舞臺", "講座",
        "演講", "研討會", "论坛"),
    "exit": (
        "exit", "exits", "emergency exit", "emergency exits", "way out", "出口", "緊急出口",
        "逃生口", "安全門", "紧急出口"),
    "entrance": ("entrance", "entrances", "entry", "way in", "入口", "大門"),
    "prayer": ("prayer", "prayer room", "prayer rooms", "chapel", "祈禱室", "禱告室"),
}

#: Categories whose words also find another category, a little lower: an entrance is a
#: way out too. A dotted category also inherits from its parent (toilet.accessible).
AMENITY_RELATED: dict[str, tuple[str, ...]] = {"entrance": ("exit",)}


# --------------------------------------------------------------------------- contract


@dataclass(frozen=True)
class SearchDoc:
    """One searchable thing, as the data-file builder describes it."""

    kind: str  # "exhibitor" | "booth" | "amenity"
    id: str  # exhibitor id, booth code or amenity id
    name: str  # English name ("" for an unassigned booth)
    name_zh: str  # Traditional Chinese name ("" if none)
    booths: tuple[str, ...]  # booth codes (exhibitor: its booths; booth: (code,); amenity: ())
    level: str | None  # level id such as "H2-1F" (exhibitor: level of its first booth)
    categories: tuple[str, ...]  # category ids used by the category filter
    keywords: str  # more searchable text: category names, country, descriptions, zones


@dataclass(frozen=True)
class SearchHit:
    """One search result; ``score`` is higher for better matches."""

    kind: str
    id: str
    name: str
    name_zh: str
    booths: tuple[str, ...]
    level: str | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form the CLI prints.

        >>> SearchHit("booth", "S1024", "", "", ("S1024",), "H2-4F", 100.0).to_dict()["booths"]
        ['S1024']
        """
        return {"kind": self.kind, "id": self.id, "name": self.name, "name_zh": self.name_zh,
                "booths": list(self.booths), "level": self.level, "score": self.score}


def create_index(db: sqlite_utils.Database, docs: Sequence[SearchDoc]) -> None:
    """Write the search tables of a data file, replacing any old ones.

    ``search_docs`` holds one readable row per document, in rank order; ``search_terms``
    one row per field with its postings; ``search_meta`` the format. Raises ValueError
    when two documents share a kind and id.

    >>> db = sqlite_utils.Database(memory=True)
    >>> create_index(db, [SearchDoc("booth", "S1024", "", "", ("S1024",), "H2-4F", (), "")])
    >>> db["search_docs"].count
    1
    """
    seen: set[tuple[str, str]] = set()
    for d in docs:
        if (d.kind, d.id) in seen:
            raise ValueError(f"search index: {d.kind} {d.id!r} is listed twice.")
        seen.add((d.kind, d.id))
    ordered, fields = _analyse(docs)
    n = len(ordered)
    for name in (TABLE, TERMS_TABLE, META_TABLE):
        if db[name].exists():
            db[name].drop()
    db[TABLE].create({"rank": int, "kind": str, "id": str, "name": str, "name_zh": str,
                      "booths": str, "level": str, "categories": str, "keywords": str},
                     pk="rank")
    db[TABLE].insert_all((
        {"rank": rank, "kind": d.kind, "id": d.id, "name": d.name, "name_zh": d.name_zh,
         "booths": json.dumps(list(d.booths), ensure_ascii=False), "level": d.level,
         "categories": json.dumps(list(d.categories), ensure_ascii=False),
         "keywords": d.keywords}
        for rank, d in enumerate(ordered)), batch_size=1000)
    db[TERMS_TABLE].create({"field": str, "nbits": int, "dense_terms": str, "dense": bytes,
                            "sparse_terms": str, "offsets": bytes, "ranks": bytes},
                           pk="field")
    db[TERMS_TABLE].insert_all(_Field.from_lists(lists, _nbits(name, lists, n)).to_row(name)
                               for name, lists in fields.items())
    db[META_TABLE].insert_all([{"key": "format", "value": str(INDEX_FORMAT)},
                               {"key": "docs", "value": str(n)}], pk="key")


# -------------------------------------------------------------------------- normalising

#: Scripts written without spaces: each character is a word (Han, kana, bopomofo).
_CJK_RANGES = ((0x3040, 0x30FF), (0x3100, 0x312F), (0x31A0, 0x31BF), (0x31F0, 0x31FF),
               (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_CJK = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES)
_TOKEN = re.compile(f"([{_CJK}])|[^\\W_{_CJK}]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_DROP = {cp: None for lo, hi in ((0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                                 (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
         for cp in range(lo, hi + 1)}
_DROP.update({ord(c): None for c in "'\u2019\u02bc`"})
_CODE_PREFIX = re.compile(r"([A-Za-z])[\s\-_.]*(\d{1,4})\s*([abAB]?)")


def _fold(text: str) -> str:
    """NFKC, case folded, without Latin accents or apostrophes."""
    s = unicodedata.normalize("NFKC", text).casefold()
    if s.isascii():
        return s.translate(_DROP)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", s).translate(_DROP))


def _tokens(folded: str) -> list[tuple[str, bool]]:
    """Words of folded text, each with "is a CJK character right after another one"."""
    out: list[tuple[str, bool]] = []
    prev_end = -1
    prev_cjk = False
    for m in _TOKEN.finditer(folded):
        cjk = m.group(1) is not None
        out.append((m.group(), cjk and prev_cjk and m.start() == prev_end))
        prev_end, prev_cjk = m.end(), cjk
    return out


def _doc_terms(tokens: list[tuple[str, bool]]) -> list[str]:
    """Index terms: every word and CJK character, plus each pair of adjacent CJK characters."""
    terms = []
    prev = ""
    for tok, joined in tokens:
        terms.append(tok)
        if joined:
            terms.append(prev + tok)
        prev = tok
    return terms


def _query_terms(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Query terms as (term, may be a prefix): words, CJK pairs, single CJK characters."""
    terms: list[tuple[str, bool]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) == 1:
            terms.append((run[0], False))
        terms.extend((a + b, False) for a, b in zip(run, run[1:], strict=False))
        run.clear()

    for tok, joined in tokens:
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


def _canon(tokens: list[tuple[str, bool]]) -> str:
    return " ".join(tok for tok, _ in tokens)


def _is_latin(term: str) -> bool:
    return _CJK_CHAR.match(term) is None


def _bitbytes(ranks: Iterable[int], nbits: int) -> bytearray:
    buf = bytearray((nbits >> 3) + 1)
    for r in ranks:
        buf[r >> 3] |= 1 << (r & 7)
    return buf


def _bits(ranks: Iterable[int], nbits: int) -> int:
    """The set of ``ranks`` as an integer with those bits set."""
    return int.from_bytes(_bitbytes(ranks, nbits), "little")


def _pack(arr: array[int]) -> bytes:
    if sys.byteorder == "big":
        arr = array(arr.typecode, arr)
        arr.byteswap()
    return arr.tobytes()


def _unpack(blob: bytes) -> array[int]:
    arr = array("I")
    arr.frombytes(blob)
    if sys.byteorder == "big":
        arr.byteswap()
    return arr


def _lowest(bits: int, k: int) -> list[int]:
    out = []
    while bits and len(out) < k:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def _osa(a: str, b: str, cap: int) -> int:
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


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {s[:i] + s[i + 1:] for s in frontier for i in range(len(s))}
        out |= frontier
    return out


def _typo_allowance(n: int) -> int:
    return 0 if n < 4 else 1 if n <= 7 else 2


# ------------------------------------------------------------------------------ index


class _Field:
    """Postings of one field, term -> ranks: bitsets for frequent terms, the rest as
    slices of one array of ranks."""

    def __init__(self, nbits: int, dense: dict[str, int], sparse_terms: list[str],
                 offsets: array[int], ranks: array[int]) -> None:
        self._nbits = nbits
        self._dense = dense
        self._sparse = dict(zip(sparse_terms, range(len(sparse_terms)), strict=True))
        self._offsets = offsets
        self._ranks = ranks
        self._vocab = sorted(chain(dense, sparse_terms))
        self._latin: list[str] | None = None
        self._starts: list[int] = []
        self._joined = ""
        self._cache: dict[tuple[str, str], int] = {}
        self.short: _Field | None = None  # postings of prefixes up to _SHORT letters

    @classmethod
    def from_lists(cls, lists: dict[str, list[int]], nbits: int) -> _Field:
        threshold = max(8, nbits // 256)
        dense = {t: _bits(r, nbits) for t, r in lists.items() if len(r) >= threshold}
        sparse_terms = sorted(t for t, r in lists.items() if len(r) < threshold)
        offsets, ranks = array("I", [0]), array("I")
        for t in sparse_terms:
            ranks.extend(lists[t])
            offsets.append(len(ranks))
        return cls(nbits, dense, sparse_terms, offsets, ranks)

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[Any, ...], nbits: int) -> _Field:
        dense_terms, dense, sparse_terms, offsets, ranks = row
        size = (nbits >> 3) + 1
        return cls(nbits, {t: int.from_bytes(dense[i * size:(i + 1) * size], "little")
                           for i, t in enumerate(json.loads(dense_terms))},
                   json.loads(sparse_terms), _unpack(offsets), _unpack(ranks))

    def to_row(self, name: str) -> dict[str, Any]:
        size = (self._nbits >> 3) + 1
        dense_terms = sorted(self._dense)
        return {"field": name, "nbits": self._nbits, "dense_terms": json.dumps(dense_terms, ensure_ascii=False),
                "dense": b"".join(self._dense[t].to_bytes(size, "little") for t in dense_terms),
                "sparse_terms": json.dumps(sorted(self._sparse, key=self._sparse.__getitem__),
                                           ensure_ascii=False),
                "offsets": _pack(self._offsets), "ranks": _pack(self._ranks)}

    @property
    def vocab(self) -> list[str]:
        """Every term, sorted."""
        return self._vocab

    def latin_words(self) -> list[str]:
        if self._latin is None:  # the vocabulary without the CJK stretches of it
            vocab, pieces, start = self._vocab, [], 0
            for lo, hi in _CJK_RANGES:
                cut = bisect_left(vocab, chr(lo), start)
                pieces.append(vocab[start:cut])
                start = bisect_left(vocab, chr(hi + 1), cut)
            pieces.append(vocab[start:])
            self._latin = list(chain.from_iterable(pieces))
            starts, pos = [], 1
            for w in self._latin:
                starts.append(pos)
                pos += len(w) + 1
            self._starts = starts
            self._joined = "\n" + "\n".join(self._latin) + "\n"
        return self._latin

    def ranks(self, term: str) -> Sequence[int]:
        """The ranks of ``term``, ascending."""
        i = self._sparse.get(term)
        if i is not None:
            return self._ranks[self._offsets[i]:self._offsets[i + 1]]
        bits = self._dense.get(term, 0)
        return _lowest(bits, bits.bit_count())

    def word(self, term: str) -> int:
        i = self._sparse.get(term)
        if i is not None:
            return _bits(self._ranks[self._offsets[i]:self._offsets[i + 1]], self._nbits)
        return self._dense.get(term, 0)

    def union(self, words: Iterable[str]) -> int:
        acc = 0
        sparse = []
        for w in words:
            i = self._sparse.get(w)
            if i is not None:
                sparse.append(self._ranks[self._offsets[i]:self._offsets[i + 1]])
            else:
                acc |= self._dense.get(w, 0)
        if sparse:
            acc |= _bits(chain.from_iterable(sparse), self._nbits)
        return acc

    def _cached(self, how: str, term: str, words: Any) -> int:
        key = (how, term)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 512:
                self._cache.clear()
            hit = self._cache[key] = self.union(words())
        return hit

    def prefix_terms(self, term: str) -> list[str]:
        lo = bisect_left(self._vocab, term)
        return self._vocab[lo:bisect_left(self._vocab, term + _LAST, lo)]

    def prefix(self, term: str) -> int:
        """Documents with a term starting with ``term``."""
        if self.short is not None and len(term) <= _SHORT and _is_latin(term):
            return self.short.word(term)
        return self._cached("p", term, lambda: self.prefix_terms(term))

    def match(self, term: str, prefix: bool) -> int:
        return self.prefix(term) if prefix else self.word(term)

    def containing(self, term: str) -> int:
        """Documents with a Latin term that has ``term`` inside it."""
        def words() -> set[str]:
            latin = self.latin_words()
            found: set[str] = set()
            if "\n" in term or not term:
                return found
            i = self._joined.find(term)
            while i >= 0:
                found.add(latin[bisect_right(self._starts, i) - 1])
                i = self._joined.find(term, i + 1)
            return found
        return self._cached("s", term, words)


def _analyse(docs: Iterable[SearchDoc]) -> tuple[list[SearchDoc], dict[str, dict[str, list[int]]]]:
    """Documents in rank order, and the postings of every field (term -> ascending ranks).

    Fields: ``name`` (words of both names), ``first`` (the first word of a name),
    ``names`` (whole folded names), ``phrases`` (folded names from their second word on),
    ``ids``, ``kw`` (keywords and category ids), ``code`` (booth code -> booth),
    ``code_ex`` (booth code -> exhibitors), ``level``, ``category`` (with its parents),
    ``alias``/``alias_rel`` (words of amenity phrases of the own / a related category),
    ``alias_phrases``/``alias_rel_phrases`` (the whole phrases), ``name_p``/``first_p``/
    ``kw_p`` (the first one to three letters of Latin words -> documents with such words, so that
    the commonest prefixes need no union at query time), ``typo_words`` (Latin
    name and amenity words of 3-24 letters that a typo may stand for -> position in their
    sorted list) and ``typo`` (their deletions, SymSpell style -> those positions).
    """
    memo: dict[str, tuple[tuple[str, ...], tuple[str, ...], list[tuple[str, bool]]]] = {}
    name_memo: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def analyse(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[str, bool]]]:
        """((folded words,), index terms, tokens) of a text."""
        got = memo.get(text)
        if got is None:
            toks = _tokens(_fold(text))
            got = memo[text] = ((_canon(toks),), tuple(dict.fromkeys(_doc_terms(toks))), toks)
        return got

    def analyse_name(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(first-word terms, phrases from the second word on) of a name."""
        got = name_memo.get(text)
        if got is None:
            (canon,), _, toks = analyse(text)
            first = [toks[0][0]] if toks else []
            if len(toks) > 1 and toks[1][1]:
                first.append(toks[0][0] + toks[1][0])
            got = name_memo[text] = (tuple(first), tuple(
                canon[i + 1:] for i, ch in enumerate(canon) if ch == " "))
        return got

    docs = [d if type(d.booths) is tuple and type(d.categories) is tuple
            else replace(d, booths=tuple(d.booths), categories=tuple(d.categories))
            for d in docs]
    ordered = sorted(docs, key=lambda d: (_KIND_ORDER.get(d.kind, len(_KIND_ORDER)),
                                          analyse(d.name)[0][0] or analyse(d.name_zh)[0][0]
                                          or _LAST, d.id))
    booth_level = {d.id: d.level for d in docs if d.kind == "booth" and d.level}
    # Documents with the same terms in a field (a booth and its exhibitor, booths of one
    # zone) are grouped first: field -> terms -> ranks.
    groups: dict[str, dict[tuple[str, ...], list[int]]] = {name: {} for name in _FIELDS[:14]}
    keywords: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
    categories: dict[tuple[str, ...], tuple[str, ...]] = {}
    phrases: dict[str, tuple[list[tuple[str, tuple[str, ...]]], ...]] = {}

    def add(field: str, terms: tuple[str, ...], rank: int) -> None:
        group = groups[field]
        ranks = group.get(terms)
        if ranks is None:
            group[terms] = [rank]
        else:
            ranks.append(rank)

    for rank, d in enumerate(ordered):
        for text in (d.name, d.name_zh):
            canon, terms, _ = analyse(text)
            if canon[0]:
                first, suffixes = analyse_name(text)
                add("name", terms, rank)
                add("first", first, rank)
                add("names", canon, rank)
                add("phrases", suffixes, rank)
        add("ids", analyse(d.id)[0], rank)
        kw_key = (d.keywords, d.categories)
        if kw_key not in keywords:
            keywords[kw_key] = tuple(dict.fromkeys(
                t for text in (d.keywords, *d.categories) for t in analyse(text)[1]))
        add("kw", keywords[kw_key], rank)
        if d.kind == "booth":
            add("code", (d.id,), rank)
        elif d.kind == "exhibitor":
            add("code_ex", d.booths, rank)
        levels = {d.level} if d.level else set()
        if d.kind == "exhibitor":
            levels.update(booth_level[c] for c in d.booths if c in booth_level)
        add("level", tuple(sorted(lv.casefold() for lv in levels)), rank)
        if d.categories not in categories:
            parts = [c.strip().casefold().split(".") for c in d.categories]
            categories[d.categories] = tuple(sorted({".".join(p[:i]) for p in parts
                                                     for i in range(1, len(p) + 1)}))
        add("category", categories[d.categories], rank)
        if d.kind == "amenity":
            for c in d.categories:
                if c not in phrases:
                    phrases[c] = _amenity_phrases(c)
                own, related = phrases[c]
                for field, found in (("alias", own), ("alias_rel", related)):
                    for canon_phrase, terms in found:
                        add(field, terms, rank)
                        add(f"{field}_phrases", (canon_phrase,), rank)

    fields: dict[str, dict[str, list[int]]] = {}
    for name, group in groups.items():
        postings: dict[str, list[int]] = {}
        for terms, ranks in group.items():
            for t in terms:
                lst = postings.get(t)
                if lst is None:
                    postings[t] = list(ranks)
                else:
                    lst.extend(ranks)
        postings.pop("", None)
        fields[name] = {t: r if len(r) == 1 else sorted(set(r)) for t, r in postings.items()}
    for name in ("name", "first", "kw"):
        short: dict[str, list[int]] = {}
        for w, ranks in fields[name].items():
            if _is_latin(w):
                for p in {w[:i] for i in range(1, _SHORT + 1)}:
                    short.setdefault(p, []).extend(ranks)
        fields[f"{name}_p"] = {p: sorted(set(r)) for p, r in short.items()}
    vocab = sorted({w for f in ("name", "alias", "alias_rel") for w in fields[f]
                    if 3 <= len(w) <= 24 and _is_latin(w)})
    typo: dict[str, list[int]] = {}
    for i, w in enumerate(vocab):
        for deleted in _deletes(w, 2 if len(w) >= 6 else 1):
            typo.setdefault(deleted, []).append(i)
    fields["typo_words"] = {w: [i] for i, w in enumerate(vocab)}
    fields["typo"] = typo
    return ordered, fields


def _nbits(field: str, postings: dict[str, list[int]], ndocs: int) -> int:
    """How many bits a field's sets need: one per document, or per word for the typo
    fields (whose "ranks" are positions in the sorted ``typo_words``)."""
    if not field.startswith("typo"):
        return ndocs
    return 1 + max((r[-1] for r in postings.values()), default=-1)


@dataclass
class _Query:
    raw: str  # NFKC text as typed (for booth codes)
    canon: str  # folded words joined by single spaces
    terms: list[tuple[str, bool]]  # (term, may be a prefix)

    @property
    def single(self) -> tuple[str, bool] | None:
        return self.terms[0] if len(self.terms) == 1 else None


class Searcher:
    """The in-memory search index of one data file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Load the search tables of an open (possibly read-only) data file.

        A file written with another :data:`INDEX_FORMAT` is analysed again from its
        ``search_docs`` rows: slower to open, same answers.

        >>> import sqlite_utils
        >>> db = sqlite_utils.Database(memory=True)
        >>> create_index(db, [])
        >>> Searcher(db.conn).search("anything")
        []
        """
        fields = None
        # A file written by another version is analysed again from its documents.
        with suppress(sqlite3.DatabaseError, ValueError, TypeError, KeyError, IndexError):
            fields = self._load(conn)
        if fields is None:
            try:
                fields = self._reanalyse(conn)
            except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
                raise ValueError(f"the data file has no usable search index ({TABLE}: "
                                 f"{exc}); rebuild it") from exc
        f = fields
        n = len(self._rows)
        self._name, self._first, self._names = f["name"], f["first"], f["names"]
        self._phrases, self._ids, self._kw = f["phrases"], f["ids"], f["kw"]
        self._code, self._code_ex = f["code"], f["code_ex"]
        self._level, self._category = f["level"], f["category"]
        self._alias, self._alias_rel = f["alias"], f["alias_rel"]
        self._alias_phrases = f["alias_phrases"]
        self._alias_rel_phrases = f["alias_rel_phrases"]
        self._typo, self._typo_words = f["typo"], f["typo_words"].vocab
        self._name.short, self._first.short, self._kw.short = (f["name_p"], f["first_p"],
                                                               f["kw_p"])
        self._n = n
        self._all = (1 << n) - 1
        self._masks: dict[tuple[str, str], int] = {}
        self._typo_cache: dict[str, dict[str, int]] = {}

    def _load(self, conn: sqlite3.Connection) -> dict[str, _Field] | None:
        """The stored fields, or None when the file has another format or lacks some."""
        fmt = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'format'").fetchone()
        if fmt is None or fmt[0] != str(INDEX_FORMAT):
            return None
        rows = conn.execute(f"SELECT kind, id, name, name_zh, booths, level FROM {TABLE} "
                            f"ORDER BY rank").fetchall()
        fields = {row[0]: _Field.from_row(row[2:], row[1]) for row in conn.execute(
            f"SELECT field, nbits, dense_terms, dense, sparse_terms, offsets, ranks "
            f"FROM {TERMS_TABLE}")}
        if set(fields) != set(_FIELDS):
            return None
        self._rows = rows
        return fields

    def _reanalyse(self, conn: sqlite3.Connection) -> dict[str, _Field]:
        docs, lists = _analyse(_doc(*row) for row in conn.execute(
            f"SELECT kind, id, name, name_zh, booths, level, categories, keywords FROM {TABLE}"))
        n = len(docs)
        self._rows = [(d.kind, d.id, d.name, d.name_zh, json.dumps(list(d.booths)), d.level)
                      for d in docs]
        return {name: _Field.from_lists(p, _nbits(name, p, n)) for name, p in lists.items()}

    # -- searching -------------------------------------------------------------------

    def search(self, text: str, *, level: str | None = None, category: str | None = None,
               limit: int = 20) -> list[SearchHit]:
        """Best matches for what was typed, best first; never raises for any text.

        ``level`` keeps hits on that level (an exhibitor with a booth there counts),
        ``category`` hits in that category or below it (``toilet`` includes
        ``toilet.accessible``). With no words but a filter, it lists what the filter
        keeps.

        >>> import sqlite_utils
        >>> db = sqlite_utils.Database(memory=True)
        >>> create_index(db, [SearchDoc("amenity", "WC-1", "Toilets", "廁所", (), "H2-1F",
        ...                             ("toilet",), "")])
        >>> [h.id for h in Searcher(db.conn).search("洗手間")]
        ['WC-1']
        """
        if not isinstance(text, str) or self._n == 0:
            return []
        try:
            k = int(limit)
        except (TypeError, ValueError, OverflowError):
            return []
        if k <= 0:
            return []
        allowed = self._mask(level, category)
        if not allowed:
            return []
        raw = unicodedata.normalize("NFKC", text[:_MAX_QUERY_CHARS])
        toks = _tokens(_fold(raw))
        q = _Query(raw, _canon(toks), _query_terms(toks))
        hits: list[SearchHit] = []
        if not q.terms:
            if level or category:
                hits.extend(self._hit(r, _S_BROWSE) for r in _lowest(allowed, k))
            return hits
        for score, found in self._tiers(q):
            if isinstance(found, int):
                ranks = _lowest(found & allowed, k - len(hits))
            else:
                ranks = []
                for r in found:
                    if (allowed >> r) & 1:
                        ranks.append(r)
                        if len(ranks) + len(hits) >= k:
                            break
            for r in ranks:
                hits.append(self._hit(r, score))
                allowed &= ~(1 << r)
            if len(hits) >= k or not allowed:
                break
        return hits

    def _hit(self, rank: int, score: float) -> SearchHit:
        kind, id_, name, name_zh, booths, level = self._rows[rank]
        return SearchHit(kind, id_, name or "", name_zh or "", tuple(json.loads(booths or "[]")),
                         level or None, score)

    def _mask(self, level: str | None, category: str | None) -> int:
        lv = level.strip().casefold() if isinstance(level, str) else ""
        cat = category.strip().casefold() if isinstance(category, str) else ""
        key = (lv, cat)
        mask = self._masks.get(key)
        if mask is None:
            mask = self._all
            if lv:
                mask &= self._level.word(lv)
            if cat:
                mask &= self._category.word(cat)
            if len(self._masks) > 256:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def _tiers(self, q: _Query) -> Iterator[tuple[float, int | Iterable[int]]]:
        """(score, matching ranks) from the best tier down, computed only when asked for."""
        # Booth codes.
        code = canonical_code(q.raw) if len(q.raw) <= 24 else None
        if code is not None:
            yield _S_CODE, self._code.ranks(code)
            yield _S_CODE_EXHIBITOR, self._code_ex.ranks(code)

        # Exact names, ids and amenity words.
        yield _S_EXACT, self._names.word(q.canon) | self._ids.word(q.canon)
        yield from self._alias_tiers([q.canon], _S_ALIAS, _S_ALIAS_RELATED)

        m = _CODE_PREFIX.fullmatch(q.raw.strip()) if len(q.raw) <= 24 else None
        if m is not None:
            letter, digits, suffix = m.groups()
            prefix = letter.upper() + digits + suffix.lower()
            yield _S_CODE_PREFIX, (r for c in self._code.prefix_terms(prefix)
                                   for r in self._code.ranks(c))

        single = q.single
        # Name starts with what was typed.
        if single is not None:
            yield _S_PREFIX, self._first.match(*single)
        else:
            yield _S_PREFIX, self._names.prefix(q.canon)

        # Amenity words starting with what was typed, or holding its words.
        # (Three letters or one Chinese character at least; words: no lone characters.)
        if len(q.canon.replace(" ", "")) >= 3 or not all(p for _, p in q.terms):
            yield _S_ALIAS_PREFIX, self._alias_phrases.prefix(q.canon)
            yield _S_ALIAS_RELATED_PREFIX, self._alias_rel_phrases.prefix(q.canon)
            if all(len(t) >= (3 if p else 2) for t, p in q.terms):
                yield _S_ALIAS_WORDS, self._all_terms(self._alias, q)
                yield _S_ALIAS_RELATED_WORDS, self._all_terms(self._alias_rel, q)

        # A word or phrase of the name starts with it, all words are in the name, or it
        # is a piece of a name word.
        if single is not None:
            yield _S_WORD, self._name.match(*single)
        else:
            yield _S_WORD, self._phrases.prefix(q.canon)
            yield _S_ALL_WORDS, self._all_terms(self._name, q)
        if single is not None and single[1] and len(single[0]) >= 3:
            yield _S_SUBSTRING, self._name.containing(single[0])

        # Keywords.
        if single is None:
            yield _S_MIXED, self._mixed(q)
        yield _S_KEYWORD, self._all_terms(self._kw, q, whole=True)
        yield _S_KEYWORD_PREFIX, self._all_terms(self._kw, q)
        if single is not None and single[1] and len(single[0]) >= 3:
            yield _S_KEYWORD_SUBSTRING, self._kw.containing(single[0])

        # Typos.
        yield from self._fuzzy(q)

    def _alias_tiers(self, phrases: list[str], own: float,
                     related: float) -> Iterator[tuple[float, int]]:
        """Amenities for which one of ``phrases`` (or its singular) is an everyday word."""
        keys = set(phrases)
        keys.update(p[:-1] for p in phrases if p.endswith("s"))
        for table, score in ((self._alias_phrases, own), (self._alias_rel_phrases, related)):
            yield score, table.union(keys)

    @staticmethod
    def _all_terms(field: _Field, q: _Query, whole: bool = False) -> int:
        acc = -1
        for term, prefix in q.terms:
            acc &= field.match(term, prefix and not whole)
            if not acc:
                return 0
        return acc

    def _mixed(self, q: _Query) -> int:
        acc = -1
        in_name = 0
        for term, prefix in q.terms:
            name = self._name.match(term, prefix)
            in_name |= name
            acc &= name | self._kw.match(term, prefix)
            if not acc:
                return 0
        return acc & in_name

    def _typos(self, term: str) -> dict[str, int]:
        """Name and amenity words one or two edits from ``term`` -> their distance."""
        found = self._typo_cache.get(term)
        if found is not None:
            return found
        cap = _typo_allowance(len(term))
        found = {}
        if cap and len(term) <= 32:
            vocab = self._typo_words
            candidates = {vocab[i] for d in _deletes(term, cap) for i in self._typo.ranks(d)}
            for w in candidates:
                dist = _osa(term, w, cap)
                if 0 < dist <= cap:
                    found[w] = dist
        if len(self._typo_cache) > 512:
            self._typo_cache.clear()
        self._typo_cache[term] = found
        return found

    def _fuzzy(self, q: _Query) -> Iterator[tuple[float, int]]:
        typos = [self._typos(term) if _is_latin(term) else {} for term, _ in q.terms]
        if not any(typos):
            return
        everything = (self._name, self._alias, self._alias_rel)
        # The whole text, typos corrected, is an everyday word for an amenity.
        spellings = [[term, *sorted(near, key=lambda w: (near[w], w))[:4]]
                     for (term, _), near in zip(q.terms, typos, strict=True)]
        if len(spellings) <= 3 and all(_is_latin(t) for t, _ in q.terms):
            phrases = [" ".join(p) for p in product(*spellings)]
            yield from self._alias_tiers(phrases, _S_FUZZY_ALIAS, _S_FUZZY_ALIAS_RELATED)

        def tier(max_edits: int, fields: tuple[_Field, ...]) -> int:
            acc = -1
            for (term, prefix), near in zip(q.terms, typos, strict=True):
                words = [w for w, dist in near.items() if dist <= max_edits]
                got = 0
                for f in fields:
                    got |= f.match(term, prefix) | f.union(words)
                acc &= got
                if not acc:
                    return 0
            return acc

        yield _S_FUZZY_1, tier(1, everything)
        yield _S_FUZZY_2, tier(2, everything)


def _doc(kind: str, id_: str, name: str | None, name_zh: str | None, booths: str | None,
         level: str | None, categories: str | None, keywords: str | None) -> SearchDoc:
    return SearchDoc(kind, id_, name or "", name_zh or "", tuple(json.loads(booths or "[]")),
                     level or None, tuple(json.loads(categories or "[]")), keywords or "")


def _amenity_phrases(category: str) -> tuple[list[tuple[str, tuple[str, ...]]], ...]:
    """(own, related) amenity phrases of a category: (folded phrase, its index terms)."""
    cat = category.strip().casefold()
    parts = cat.split(".")
    related_cats = [".".join(parts[:i]) for i in range(1, len(parts))]
    related_cats += AMENITY_RELATED.get(cat, ())
    own = list(AMENITY_WORDS.get(cat, ())) + [cat.replace(".", " ")]
    related = [p for c in related_cats for p in AMENITY_WORDS.get(c, (c,))]

    def analyse(phrases: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        out = []
        for p in dict.fromkeys(phrases):
            toks = _tokens(_fold(p))
            if toks:
                out.append((_canon(toks), tuple(_doc_terms(toks))))
        return out

    return analyse(own), analyse(related)
