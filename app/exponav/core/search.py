"""Text search over exhibitors, booths and amenities, as a visitor types.

The data file holds one row per searchable thing in the ``search_docs`` table
(:func:`create_index` writes it). A :class:`Searcher` reads that table once and keeps
an in-memory index, so a query costs no SQL at all and user text never reaches an SQL
or FTS parser:

* **Normalising.** NFKC (full-width letters and digits become ASCII), case folding and
  removal of Latin accents (``CÓRDOBA`` -> ``cordoba``); apostrophes vanish
  (``McDonald's`` -> ``mcdonalds``). Latin, digit and other spaced scripts split into
  words; every Han or kana character is a word of its own, and two adjacent ones also
  form a bigram, so one- and two-character Chinese substrings are found.
* **Booth codes.** ``s-1024``, ``S 1024``, ``q210`` go through
  :func:`~exponav.core.codes.canonical_code`; ``S10`` lists the booths whose code
  starts with it.
* **Names.** Exact name, name prefix, a word (or phrase) starting a word of the name,
  every word present, and a piece inside a word.
* **Amenities.** Everyday words in English and Chinese (``restroom``, ``WC``, ``洗手間``,
  ``help desk``, ``first aid``, ``哺乳室`` ...) find amenities by their category; an
  accessible toilet is also a toilet, an entrance also a way out.
* **Keywords.** Category names, country, zones and descriptions, ranked below names.
* **Typos.** Words of 4-7 letters may be one edit (insertion, deletion, substitution or
  swap of neighbours) from a name word, words of 8 or more two; candidates come from a
  deletion-neighbourhood table built on the first query that needs it.

Each document has a rank, its place in the order (kind: exhibitor, amenity, booth; then
name; then id). Postings are sets of ranks held as Python integers used as bitsets, so
"all words present", the level and category filters and "not yet listed" are integer
``&``; a tier's best documents are its lowest set bits. Tiers are computed lazily, best
first, and the search stops as soon as ``limit`` hits are found.

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
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, product
from typing import Any

import sqlite_utils

from .codes import canonical_code

__all__ = ["SearchDoc", "SearchHit", "Searcher", "create_index"]

TABLE = "search_docs"

#: Only this much of what is typed is looked at.
_MAX_QUERY_CHARS = 200
#: ... and at most this many words of it.
_MAX_TERMS = 12
_KIND_ORDER = {"exhibitor": 0, "amenity": 1, "booth": 2}
_LAST = "\U0010ffff"

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
    """Write the ``search_docs`` table that a :class:`Searcher` reads (replacing any old one).

    Raises ValueError when two documents share a kind and id.

    >>> db = sqlite_utils.Database(memory=True)
    >>> create_index(db, [SearchDoc("booth", "S1024", "", "", ("S1024",), "H2-4F", (), "")])
    >>> db["search_docs"].count
    1
    """
    seen: set[tuple[str, str]] = set()
    rows = []
    for seq, d in enumerate(docs):
        key = (d.kind, d.id)
        if key in seen:
            raise ValueError(f"search index: {d.kind} {d.id!r} is listed twice.")
        seen.add(key)
        rows.append({"seq": seq, "kind": d.kind, "id": d.id, "name": d.name or "",
                     "name_zh": d.name_zh or "", "booths": json.dumps(list(d.booths)),
                     "level": d.level, "categories": json.dumps(list(d.categories)),
                     "keywords": d.keywords or ""})
    table = db[TABLE]
    if table.exists():
        table.drop()
    db[TABLE].create({"seq": int, "kind": str, "id": str, "name": str, "name_zh": str,
                      "booths": str, "level": str, "categories": str, "keywords": str},
                     pk="seq", not_null={"kind", "id", "name", "name_zh", "booths",
                                         "categories", "keywords"})
    db[TABLE].insert_all(rows, batch_size=1000)


# -------------------------------------------------------------------------- normalising

_CJK = ("\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\uf900-\ufaff\U00020000-\U0003134f")
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


def _bits(ranks: Iterable[int], nbits: int) -> int:
    buf = bytearray((nbits >> 3) + 1)
    for r in ranks:
        buf[r >> 3] |= 1 << (r & 7)
    return int.from_bytes(buf, "little")


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
    """Postings of one field: term -> ranks (a bitset when frequent, else a tuple)."""

    def __init__(self) -> None:
        self._lists: dict[str, list[int]] = {}
        self._post: dict[str, int | tuple[int, ...]] = {}
        self._vocab: list[str] = []
        self._joined = ""
        self._starts: list[int] = []
        self._latin: list[str] = []
        self._cache: dict[tuple[str, str], int] = {}
        self._nbits = 0

    def add(self, term: str, rank: int) -> None:
        lst = self._lists.get(term)
        if lst is None:
            self._lists[term] = [rank]
        elif lst[-1] != rank:
            lst.append(rank)

    def freeze(self, nbits: int) -> None:
        self._nbits = nbits
        dense = max(8, nbits // 256)
        self._post = {t: _bits(lst, nbits) if len(lst) >= dense else tuple(lst)
                      for t, lst in self._lists.items()}
        self._lists = {}
        self._vocab = sorted(self._post)
        self._latin = [w for w in self._vocab if _is_latin(w)]
        starts, pos = [], 1
        for w in self._latin:
            starts.append(pos)
            pos += len(w) + 1
        self._starts = starts
        self._joined = "\n" + "\n".join(self._latin) + "\n"

    def latin_words(self) -> list[str]:
        return self._latin

    def union(self, words: Iterable[str]) -> int:
        acc = 0
        sparse: list[tuple[int, ...]] = []
        for w in words:
            p = self._post.get(w)
            if p is None:
                continue
            if isinstance(p, int):
                acc |= p
            else:
                sparse.append(p)
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

    def word(self, term: str) -> int:
        p = self._post.get(term, 0)
        return p if isinstance(p, int) else _bits(p, self._nbits)

    def prefix(self, term: str) -> int:
        def words() -> list[str]:
            lo = bisect_left(self._vocab, term)
            return self._vocab[lo:bisect_left(self._vocab, term + _LAST, lo)]
        return self._cached("p", term, words)

    def match(self, term: str, prefix: bool) -> int:
        return self.prefix(term) if prefix else self.word(term)

    def containing(self, term: str) -> int:
        """Documents with a Latin word that has ``term`` inside it."""
        def words() -> set[str]:
            found: set[str] = set()
            if "\n" in term or not term:
                return found
            i = self._joined.find(term)
            while i >= 0:
                k = bisect_right(self._starts, i) - 1
                found.add(self._latin[k])
                i = self._joined.find(term, i + 1)
            return found
        return self._cached("s", term, words)


@dataclass
class _Query:
    raw: str  # NFKC text as typed (for booth codes)
    canon: str  # folded words joined by single spaces
    terms: list[tuple[str, bool]]

    @property
    def single(self) -> tuple[str, bool] | None:
        return self.terms[0] if len(self.terms) == 1 else None


class Searcher:
    """The in-memory search index of one data file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Read ``search_docs`` from an open (possibly read-only) data file.

        >>> import sqlite_utils
        >>> db = sqlite_utils.Database(memory=True)
        >>> create_index(db, [])
        >>> Searcher(db.conn).search("anything")
        []
        """
        try:
            rows = conn.execute(
                f"SELECT kind, id, name, name_zh, booths, level, categories, keywords "
                f"FROM {TABLE} ORDER BY seq").fetchall()
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"the data file has no usable search index ({TABLE}: {exc}); "
                             f"rebuild it") from exc
        docs = [SearchDoc(kind, id_, name or "", name_zh or "", tuple(json.loads(booths)),
                          level, tuple(json.loads(cats)), keywords or "")
                for kind, id_, name, name_zh, booths, level, cats, keywords in rows]
        self._build(docs)

    # -- building --------------------------------------------------------------------

    def _build(self, docs: list[SearchDoc]) -> None:
        analysed = []
        for d in docs:
            en = _tokens(_fold(d.name))
            zh = _tokens(_fold(d.name_zh))
            key = (_KIND_ORDER.get(d.kind, len(_KIND_ORDER)),
                   _canon(en) or _canon(zh) or _LAST, d.id)
            analysed.append((key, d, en, zh))
        analysed.sort(key=lambda a: a[0])
        n = len(analysed)
        self._n = n
        self._all = (1 << n) - 1
        self._docs: list[SearchDoc] = [a[1] for a in analysed]

        self._name = _Field()  # every word of the names
        self._first = _Field()  # the first word (and first CJK pair) of each name
        self._kw = _Field()  # keywords and category ids
        self._alias = _Field()  # amenity words of the doc's own category
        self._alias_rel = _Field()  # amenity words of related categories
        self._exact: dict[str, list[int]] = {}
        self._alias_exact: dict[str, list[int]] = {}
        self._alias_rel_exact: dict[str, list[int]] = {}
        name_ranks: dict[str, list[int]] = {}
        booth_rank: dict[str, int] = {}
        code_exhibitors: dict[str, list[int]] = {}
        level_ranks: dict[str, list[int]] = {}
        category_ranks: dict[str, list[int]] = {}
        booth_level = {d.id: d.level for d in docs if d.kind == "booth" and d.level}
        alias_cache: dict[str, tuple[list[tuple[str, list[str]]], ...]] = {}

        for rank, (_key, d, en, zh) in enumerate(analysed):
            for toks in (en, zh):
                if not toks:
                    continue
                canon = _canon(toks)
                name_ranks.setdefault(canon, []).append(rank)
                self._exact.setdefault(canon, []).append(rank)
                terms = _doc_terms(toks)
                for t in terms:
                    self._name.add(t, rank)
                self._first.add(toks[0][0], rank)
                if len(toks) > 1 and toks[1][1]:
                    self._first.add(toks[0][0] + toks[1][0], rank)
            id_canon = _canon(_tokens(_fold(d.id)))
            if id_canon:
                self._exact.setdefault(id_canon, []).append(rank)
            for t in _doc_terms(_tokens(_fold(d.keywords))):
                self._kw.add(t, rank)
            for c in d.categories:
                for t in _doc_terms(_tokens(_fold(c))):
                    self._kw.add(t, rank)
            if d.kind == "booth":
                booth_rank.setdefault(d.id, rank)
            elif d.kind == "exhibitor":
                for code in d.booths:
                    code_exhibitors.setdefault(code, []).append(rank)
            levels = {d.level} if d.level else set()
            if d.kind == "exhibitor":
                levels.update(booth_level[c] for c in d.booths if c in booth_level)
            for lv in levels:
                level_ranks.setdefault(lv.casefold(), []).append(rank)
            cats: set[str] = set()
            for c in d.categories:
                parts = c.strip().casefold().split(".")
                cats.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            for c in cats:
                category_ranks.setdefault(c, []).append(rank)
            if d.kind == "amenity":
                for c in d.categories:
                    if c not in alias_cache:
                        alias_cache[c] = _amenity_phrases(c)
                    own, related = alias_cache[c]
                    for canon, terms in own:
                        self._alias_exact.setdefault(canon, []).append(rank)
                        for t in terms:
                            self._alias.add(t, rank)
                    for canon, terms in related:
                        self._alias_rel_exact.setdefault(canon, []).append(rank)
                        for t in terms:
                            self._alias_rel.add(t, rank)

        for f in (self._name, self._first, self._kw, self._alias, self._alias_rel):
            f.freeze(n)
        self._name_keys = sorted(name_ranks)
        self._name_ranks = name_ranks
        pairs = sorted((canon[i + 1:], canon) for canon in name_ranks
                       for i, ch in enumerate(canon) if ch == " ")
        self._suffixes = [p[0] for p in pairs]
        self._suffix_owner = [p[1] for p in pairs]
        self._alias_phrases = sorted(self._alias_exact)
        self._alias_rel_phrases = sorted(self._alias_rel_exact)
        self._booth_rank = booth_rank
        self._codes = sorted(booth_rank)
        self._code_exhibitors = code_exhibitors
        self._level_bits = {lv: _bits(r, n) for lv, r in level_ranks.items()}
        self._category_bits = {c: _bits(r, n) for c, r in category_ranks.items()}
        self._masks: dict[tuple[str, str], int] = {}
        self._typo_index: dict[str, list[str]] | None = None
        self._typo_cache: dict[str, dict[str, int]] = {}

    def _build_typo_index(self) -> dict[str, list[str]]:
        words: set[str] = set()
        for f in (self._name, self._alias, self._alias_rel):
            words.update(w for w in f.latin_words() if 3 <= len(w) <= 24)
        index: dict[str, list[str]] = {}
        for w in sorted(words):
            for d in _deletes(w, 2 if len(w) >= 6 else 1):
                index.setdefault(d, []).append(w)
        return index

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
        d = self._docs[rank]
        return SearchHit(d.kind, d.id, d.name, d.name_zh, d.booths, d.level, score)

    def _mask(self, level: str | None, category: str | None) -> int:
        lv = level.strip().casefold() if isinstance(level, str) else ""
        cat = category.strip().casefold() if isinstance(category, str) else ""
        key = (lv, cat)
        mask = self._masks.get(key)
        if mask is None:
            mask = self._all
            if lv:
                mask &= self._level_bits.get(lv, 0)
            if cat:
                mask &= self._category_bits.get(cat, 0)
            if len(self._masks) > 256:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def _ranks_bits(self, ranks: Iterable[int]) -> int:
        return _bits(ranks, self._n)

    def _tiers(self, q: _Query) -> Iterator[tuple[float, int | Iterable[int]]]:
        """(score, matching ranks) from the best tier down, computed only when asked for."""
        # Booth codes.
        code = canonical_code(q.raw) if len(q.raw) <= 24 else None
        if code is not None and code in self._booth_rank:
            yield _S_CODE, [self._booth_rank[code]]
            yield _S_CODE_EXHIBITOR, self._code_exhibitors.get(code, [])

        # Exact names, ids and amenity words.
        if q.canon in self._exact:
            yield _S_EXACT, sorted(set(self._exact[q.canon]))
        yield from self._alias_tiers([q.canon], _S_ALIAS, _S_ALIAS_RELATED)

        m = _CODE_PREFIX.fullmatch(q.raw.strip()) if len(q.raw) <= 24 else None
        if m is not None:
            letter, digits, suffix = m.groups()
            prefix = letter.upper() + digits + suffix.lower()
            lo = bisect_left(self._codes, prefix)
            hi = bisect_left(self._codes, prefix + _LAST, lo)
            yield _S_CODE_PREFIX, (self._booth_rank[c] for c in self._codes[lo:hi])

        single = q.single
        # Name starts with what was typed.
        if single is not None:
            yield _S_PREFIX, self._first.match(*single)
        else:
            yield _S_PREFIX, self._ranks_bits(self._names_starting(q.canon))

        # Amenity words starting with what was typed, or holding its words.
        if len(q.canon.replace(" ", "")) >= 3 or not all(p for _, p in q.terms):
            for phrases, table, score in (
                    (self._alias_phrases, self._alias_exact, _S_ALIAS_PREFIX),
                    (self._alias_rel_phrases, self._alias_rel_exact, _S_ALIAS_RELATED_PREFIX)):
                lo = bisect_left(phrases, q.canon)
                hi = bisect_left(phrases, q.canon + _LAST, lo)
                yield score, self._ranks_bits(chain.from_iterable(
                    table[p] for p in phrases[lo:hi]))
            yield _S_ALIAS_WORDS, self._all_terms(self._alias, q)
            yield _S_ALIAS_RELATED_WORDS, self._all_terms(self._alias_rel, q)

        # A word or phrase of the name starts with it, all words are in the name, or it
        # is a piece of a name word.
        if single is not None:
            yield _S_WORD, self._name.match(*single)
        else:
            yield _S_WORD, self._ranks_bits(self._names_with_phrase(q.canon))
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
        for table, score in ((self._alias_exact, own), (self._alias_rel_exact, related)):
            ranks = [r for key in keys for r in table.get(key, ())]
            if ranks:
                yield score, self._ranks_bits(ranks)

    def _names_starting(self, canon: str) -> Iterator[int]:
        lo = bisect_left(self._name_keys, canon)
        hi = bisect_left(self._name_keys, canon + _LAST, lo)
        for name in self._name_keys[lo:hi]:
            yield from self._name_ranks[name]

    def _names_with_phrase(self, canon: str) -> Iterator[int]:
        lo = bisect_left(self._suffixes, canon)
        hi = bisect_left(self._suffixes, canon + _LAST, lo)
        for name in set(self._suffix_owner[lo:hi]):
            yield from self._name_ranks[name]

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
            if self._typo_index is None:
                self._typo_index = self._build_typo_index()
            index = self._typo_index
            candidates = {w for d in _deletes(term, cap) for w in index.get(d, ())}
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


def _amenity_phrases(category: str) -> tuple[list[tuple[str, list[str]]], ...]:
    """(own, related) amenity phrases of a category: (folded phrase, its index terms)."""
    cat = category.strip().casefold()
    parts = cat.split(".")
    related_cats = [".".join(parts[:i]) for i in range(1, len(parts))]
    related_cats += AMENITY_RELATED.get(cat, ())
    own = list(AMENITY_WORDS.get(cat, ())) + [cat.replace(".", " ")]
    related = [p for c in related_cats for p in AMENITY_WORDS.get(c, (c,))]

    def analyse(phrases: list[str]) -> list[tuple[str, list[str]]]:
        out = []
        for p in dict.fromkeys(phrases):
            toks = _tokens(_fold(p))
            if toks:
                out.append((_canon(toks), _doc_terms(toks)))
        return out

    return analyse(own), analyse(related)
