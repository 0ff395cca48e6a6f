"""Text search over exhibitors, booths and amenities, as a visitor types.

:func:`~exponav.core.search.index.create_index` analyses the documents when the data
file is built and stores them with their postings (:mod:`~exponav.core.search.index`).
A :class:`Searcher` loads the postings with a few bulk reads and keeps them in memory
(:mod:`~exponav.core.search.postings`), so a query costs no SQL and user text never
reaches an SQL or FTS parser. Text is folded into words by :mod:`~exponav.core.search.text`,
amenity words live in :mod:`~exponav.core.search.amenities`. What a query matches:

* **Normalising.** NFKC (full-width letters and digits become ASCII), case folding and
  removal of Latin accents (``CÓRDOBA`` -> ``cordoba``); apostrophes vanish
  (``McDonald's`` -> ``mcdonalds``). Latin, digit and other spaced scripts split into
  words; every Han or kana character is a word of its own, and two adjacent ones also
  form a bigram, so one- and two-character Chinese substrings are found. Traditional,
  simplified and variant Han forms fold to one (``台北`` finds ``臺北``, ``中华电信``
  finds ``中華電信``).
* **Booth codes.** ``s-1024``, ``S 1024``, ``q210`` go through
  :func:`~exponav.core.model.codes.canonical_code`; ``S10`` lists the booths whose code
  starts with it.
* **Names.** Exact name, name prefix, a word (or phrase) starting a word of the name,
  every word present, and a piece inside a word.
* **Amenities and connectors.** Everyday words in English, Chinese and Indonesian
  (``restroom``, ``WC``, ``洗手間``, ``help desk``, ``哺乳室``, ``ATM``, ``lift``,
  ``電扶梯``, ``tangga`` ...) find amenities, doors and connector ends by their category;
  an accessible toilet is also a toilet, a door visitors use is an entrance and an exit
  (an emergency exit is found as that).
* **Readings.** A Chinese name is also found by how it is typed on a Latin keyboard:
  pinyin with or without spaces (``zhonghua dianxin``, ``zhonghuadianxin``), the first
  letters of its syllables (``zhdx``) and zhuyin (``ㄓㄨㄥ ㄏㄨㄚ``), worked out when
  the index is built (:mod:`~exponav.core.search.readings`).
* **Keywords.** Category names, country, zones and descriptions, ranked below names.
* **Typos.** Words of 4-7 letters may be one edit (insertion, deletion, substitution or
  swap of neighbours) from a name or amenity word, words of 8 or more two; candidates
  come from a stored table of the words' deletions (SymSpell), checked by edit distance.

Each document has a rank, its place in the order (kind: exhibitor, amenity or connector,
booth; then name; then id). A set of documents is a Python integer used as a bitset over ranks, so
"all words present", the level and category filters and "not yet listed" are integer
``&``, and a tier's best documents are its lowest set bits. Tiers are computed lazily,
best first, and the search stops as soon as ``limit`` hits are found.

Scores: 100 booth code, 99 exhibitor at that booth, 98 exact name or id, 97/96 amenity
word (96: through a related category), 92 booth-code prefix, 90 name prefix, 88/87
start of an amenity word, 86/85 every word in amenity words, 80 word or phrase in the
name, 78 every word starts a reading of the name, 75 all words in the name, 70 piece of a name word, 60 words split between name and
keywords, 50 whole words in keywords, 45 word prefixes in keywords, 40 piece of a
keyword, 32/31 an amenity word with a typo, 30 one typo, 25 two typos, 0 for browsing a
filter with no text. Within a score, hits keep the rank order (for booths matched by a
code prefix: code order).

>>> import sqlite_utils
>>> from exponav.core.search.index import SearchDoc, create_index
>>> db = sqlite_utils.Database(memory=True)
>>> create_index(db, [SearchDoc("exhibitor", "EX0001", "Chunghwa Telecom", "中華電信",
...                             ("S1024",), "H2-4F", ("5g",), "5G Taiwan")])
>>> [h.id for h in Searcher(db.conn).search("chungwha")]
['EX0001']
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from exponav.core.model.codes import canonical_code
from exponav.core.search.index import SearchDoc, TextMemo, index_documents, read_index
from exponav.core.search.postings import Field, bitset, lowest
from exponav.core.search.text import (
    CODE_PREFIX,
    canon,
    deletes,
    fold,
    is_latin,
    osa,
    query_terms,
    tokens,
    typo_allowance,
)

__all__ = ["SearchHit", "Searcher", "ServiceKey"]

#: Only this much of what is typed is looked at.
_MAX_QUERY_CHARS = 200
#: The kinds of document that a visitor walks to as a service, not as an exhibitor.
_SERVICES = ("amenity", "connector")
#: Orders services of one score: (document id, level) -> a key, lowest first.
ServiceKey = Callable[[str, str | None], Any]

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
_S_READING = 78.0
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


@dataclass(frozen=True)
class SearchHit:
    """One search result; ``score`` is higher for better matches.

    ``booth`` is the one booth the hit stands for: a booth hit's own code, and for an
    exhibitor found by one of its booth codes, that booth (first in ``booths`` too), so
    that adding or routing to the hit goes to the booth the visitor typed.
    """

    kind: str
    id: str
    name: str
    name_zh: str
    booths: tuple[str, ...]
    level: str | None
    score: float
    booth: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form the CLI prints.

        >>> SearchHit("booth", "S1024", "", "", ("S1024",), "H2-4F", 100.0).to_dict()["booths"]
        ['S1024']
        """
        return {"kind": self.kind, "id": self.id, "name": self.name, "name_zh": self.name_zh,
                "booths": list(self.booths), "level": self.level, "score": self.score,
                "booth": self.booth}


@dataclass
class _Query:
    raw: str  # NFKC text as typed (for booth codes)
    canon: str  # folded words joined by single spaces
    terms: list[tuple[str, bool]]  # (term, may be a prefix)
    code: str | None  # the booth code the text spells, if it spells one
    merge: bool  # a related category's amenities count as the category's own

    @property
    def single(self) -> tuple[str, bool] | None:
        return self.terms[0] if len(self.terms) == 1 else None


def _pair(merge: bool, own: float, own_set: Callable[[], int], related: float,
          related_set: Callable[[], int]) -> Iterator[tuple[float, int]]:
    """The tiers of a category's own words and of its relatives' words: one tier of the
    own score when they are merged, else two, each computed only when asked for."""
    if merge:
        yield own, own_set() | related_set()
    else:
        yield own, own_set()
        yield related, related_set()


class Searcher:
    """The in-memory search index of one data file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Load the search tables of an open (possibly read-only) data file.

        A file written with another :data:`~exponav.core.search.index.INDEX_FORMAT` is
        analysed again from its ``search_docs`` rows: slower to open, same answers.

        >>> import sqlite_utils
        >>> from exponav.core.search.index import create_index
        >>> db = sqlite_utils.Database(memory=True)
        >>> create_index(db, [])
        >>> Searcher(db.conn).search("anything")
        []
        """
        self._setup(*read_index(conn))

    @classmethod
    def from_documents(cls, documents: Iterable[SearchDoc],
                       memo: TextMemo | None = None) -> Searcher:
        """A Searcher over ``documents`` analysed in memory, with no data file (an edited
        layout's search, until it is saved and built again); ``memo`` keeps the analysis of
        each text for the next call."""
        return cls.from_index(*index_documents(documents, memo))

    @classmethod
    def from_index(cls, rows: list[Any], fields: dict[str, Any]) -> Searcher:
        """A Searcher over rows and fields as :func:`~exponav.core.search.index.read_index`
        gives them (:mod:`~exponav.core.search.live` keeps them up to date)."""
        searcher = cls.__new__(cls)
        searcher._setup(rows, fields)
        return searcher

    def _setup(self, rows: list, f: dict) -> None:
        self._rows = rows
        n = len(self._rows)
        self._name, self._first, self._names = f["name"], f["first"], f["names"]
        self._phrases, self._ids, self._kw = f["phrases"], f["ids"], f["kw"]
        self._code, self._code_ex = f["code"], f["code_ex"]
        self._level, self._category = f["level"], f["category"]
        self._alias, self._alias_rel = f["alias"], f["alias_rel"]
        self._alias_phrases = f["alias_phrases"]
        self._alias_rel_phrases = f["alias_rel_phrases"]
        self._reading = f["reading"]
        self._reading.short = f["reading_p"]
        self._typo, self._typo_words = f["typo"], f["typo_words"].vocab
        self._name.short, self._first.short, self._kw.short = (f["name_p"], f["first_p"],
                                                               f["kw_p"])
        self._n = n
        self._all = (1 << n) - 1
        self._services = bitset((r for r, row in enumerate(self._rows) if row[0] in _SERVICES),
                                n)
        self._masks: dict[tuple[str, str], int] = {}
        self._typo_cache: dict[str, dict[str, int]] = {}

    # -- searching -------------------------------------------------------------------

    def search(self, text: str, *, level: str | None = None, category: str | None = None,
               limit: int = 20, service_key: ServiceKey | None = None,
               merge_related: bool = False) -> list[SearchHit]:
        """Best matches for what was typed, best first; never raises for any text.

        ``level`` keeps hits on that level (an exhibitor with a booth there counts),
        ``category`` hits in that category or below it (``toilet`` includes
        ``toilet.accessible``). With no words but a filter, it lists what the filter
        keeps. ``service_key(id, level)``, when given, orders the amenities and connector
        ends of one score (lowest first, rank order among equals): the Navigator puts the
        nearest on foot first. With ``merge_related`` a related category's amenities
        score as the category's own (an accessible toilet is a toilet), so that the
        nearest of either comes first.

        >>> import sqlite_utils
        >>> from exponav.core.search.index import SearchDoc, create_index
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
        toks = tokens(fold(raw))
        q = _Query(raw, canon(toks), query_terms(toks),
                   canonical_code(raw) if len(raw) <= 24 else None, merge_related)
        hits: list[SearchHit] = []
        if not q.terms:
            if level or category:
                hits.extend(self._hit(r, _S_BROWSE) for r in
                            self._lowest(allowed, k, service_key))
            return hits
        for score, found in self._tiers(q):
            if isinstance(found, int):
                ranks = self._lowest(found & allowed, k - len(hits), service_key)
            else:
                ranks = []
                for r in found:
                    if (allowed >> r) & 1:
                        ranks.append(r)
                        if len(ranks) + len(hits) >= k:
                            break
            typed = q.code if score == _S_CODE_EXHIBITOR else None
            for r in ranks:
                hits.append(self._hit(r, score, typed))
                allowed &= ~(1 << r)
            if len(hits) >= k or not allowed:
                break
        return hits

    def _lowest(self, bits: int, k: int, service_key: ServiceKey | None) -> list[int]:
        """The first ``k`` ranks of a set; its services ordered by ``service_key``."""
        services = bits & self._services
        if service_key is None or not services:
            return lowest(bits, k)
        others = bits & ~services
        below = (services & -services) - 1  # exhibitors come before the services
        ranks = lowest(others & below, k)
        rows = self._rows
        ranks += sorted(lowest(services, services.bit_count()),
                        key=lambda r: (service_key(rows[r][1], rows[r][5]), r))
        if len(ranks) < k:
            ranks += lowest(others & ~below, k - len(ranks))
        return ranks[:k]

    def _hit(self, rank: int, score: float, typed: str | None = None) -> SearchHit:
        """The hit of a document; ``typed`` is the booth code by which an exhibitor was found."""
        kind, id_, name, name_zh, booths, level = self._rows[rank]
        codes = tuple(json.loads(booths or "[]"))
        booth = id_ if kind == "booth" else None
        if typed is not None and typed in codes:
            booth = typed
            codes = (typed, *(c for c in codes if c != typed))
            at = self._code.ranks(typed)
            level = self._rows[at[0]][5] if len(at) else level
        return SearchHit(kind, id_, name or "", name_zh or "", codes, level or None, score,
                         booth)

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
        if q.code is not None:
            yield _S_CODE, self._code.ranks(q.code)
            yield _S_CODE_EXHIBITOR, self._code_ex.ranks(q.code)

        # Exact names, ids and amenity words.
        yield _S_EXACT, self._names.word(q.canon) | self._ids.word(q.canon)
        yield from self._alias_tiers([q.canon], _S_ALIAS, _S_ALIAS_RELATED, q.merge)

        m = CODE_PREFIX.fullmatch(q.raw.strip()) if len(q.raw) <= 24 else None
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
            yield from _pair(q.merge, _S_ALIAS_PREFIX,
                             lambda: self._alias_phrases.prefix(q.canon),
                             _S_ALIAS_RELATED_PREFIX,
                             lambda: self._alias_rel_phrases.prefix(q.canon))
            if all(len(t) >= (3 if p else 2) for t, p in q.terms):
                yield from _pair(q.merge, _S_ALIAS_WORDS,
                                 lambda: self._all_terms(self._alias, q),
                                 _S_ALIAS_RELATED_WORDS,
                                 lambda: self._all_terms(self._alias_rel, q))

        # A word or phrase of the name starts with it, all words are in the name, or it
        # is a piece of a name word.
        if single is not None:
            yield _S_WORD, self._name.match(*single)
        else:
            yield _S_WORD, self._phrases.prefix(q.canon)

        # How the Chinese name is typed: pinyin, first letters, zhuyin (two letters at
        # least, or zhuyin).
        if all(is_latin(t) and (len(t) >= 2 or not t.isascii()) for t, _ in q.terms):
            yield _S_READING, self._all_terms(self._reading, q)

        if single is None:
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

    def _alias_tiers(self, phrases: list[str], own: float, related: float,
                     merge: bool) -> Iterator[tuple[float, int]]:
        """Amenities for which one of ``phrases`` (or its singular) is an everyday word."""
        keys = set(phrases)
        keys.update(p[:-1] for p in phrases if p.endswith("s"))
        yield from _pair(merge, own, lambda: self._alias_phrases.union(keys),
                         related, lambda: self._alias_rel_phrases.union(keys))

    @staticmethod
    def _all_terms(field: Field, q: _Query, whole: bool = False) -> int:
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
        cap = typo_allowance(len(term))
        found = {}
        if cap and len(term) <= 32:
            vocab = self._typo_words
            candidates = {vocab[i] for d in deletes(term, cap) for i in self._typo.ranks(d)}
            for w in candidates:
                dist = osa(term, w, cap)
                if 0 < dist <= cap:
                    found[w] = dist
        if len(self._typo_cache) > 512:
            self._typo_cache.clear()
        self._typo_cache[term] = found
        return found

    def _fuzzy(self, q: _Query) -> Iterator[tuple[float, int]]:
        typos = [self._typos(term) if is_latin(term) else {} for term, _ in q.terms]
        if not any(typos):
            return
        everything = (self._name, self._alias, self._alias_rel)
        # The whole text, typos corrected, is an everyday word for an amenity.
        spellings = [[term, *sorted(near, key=lambda w: (near[w], w))[:4]]
                     for (term, _), near in zip(q.terms, typos, strict=True)]
        if len(spellings) <= 3 and all(is_latin(t) for t, _ in q.terms):
            phrases = [" ".join(p) for p in product(*spellings)]
            yield from self._alias_tiers(phrases, _S_FUZZY_ALIAS, _S_FUZZY_ALIAS_RELATED,
                                         q.merge)

        def tier(max_edits: int, fields: tuple[Field, ...]) -> int:
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
