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
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from itertools import product
from typing import Any

import sqlite_utils

from exponav.core.model.codes import canonical_code
from exponav.core.search.amenities import amenity_phrases
from exponav.core.search.postings import LAST, SHORT, Field, lowest
from exponav.core.search.text import (
    CODE_PREFIX,
    canon,
    deletes,
    doc_terms,
    fold,
    is_latin,
    osa,
    query_terms,
    tokens,
    typo_allowance,
)

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
_KIND_ORDER = {"exhibitor": 0, "amenity": 1, "booth": 2}

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
    db[TERMS_TABLE].insert_all(Field.from_lists(lists, _nbits(name, lists, n)).to_row(name)
                               for name, lists in fields.items())
    db[META_TABLE].insert_all([{"key": "format", "value": str(INDEX_FORMAT)},
                               {"key": "docs", "value": str(n)}], pk="key")


# ------------------------------------------------------------------------------ index


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
            toks = tokens(fold(text))
            got = memo[text] = ((canon(toks),), tuple(dict.fromkeys(doc_terms(toks))), toks)
        return got

    def analyse_name(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(first-word terms, phrases from the second word on) of a name."""
        got = name_memo.get(text)
        if got is None:
            (folded,), _, toks = analyse(text)
            first = [toks[0][0]] if toks else []
            if len(toks) > 1 and toks[1][1]:
                first.append(toks[0][0] + toks[1][0])
            got = name_memo[text] = (tuple(first), tuple(
                folded[i + 1:] for i, ch in enumerate(folded) if ch == " "))
        return got

    docs = [d if type(d.booths) is tuple and type(d.categories) is tuple
            else replace(d, booths=tuple(d.booths), categories=tuple(d.categories))
            for d in docs]
    ordered = sorted(docs, key=lambda d: (_KIND_ORDER.get(d.kind, len(_KIND_ORDER)),
                                          analyse(d.name)[0][0] or analyse(d.name_zh)[0][0]
                                          or LAST, d.id))
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
            folded, terms, _ = analyse(text)
            if folded[0]:
                first, suffixes = analyse_name(text)
                add("name", terms, rank)
                add("first", first, rank)
                add("names", folded, rank)
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
                    phrases[c] = amenity_phrases(c)
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
            if is_latin(w):
                for p in {w[:i] for i in range(1, SHORT + 1)}:
                    short.setdefault(p, []).extend(ranks)
        fields[f"{name}_p"] = {p: sorted(set(r)) for p, r in short.items()}
    vocab = sorted({w for f in ("name", "alias", "alias_rel") for w in fields[f]
                    if 3 <= len(w) <= 24 and is_latin(w)})
    typo: dict[str, list[int]] = {}
    for i, w in enumerate(vocab):
        for deleted in deletes(w, 2 if len(w) >= 6 else 1):
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

    def _load(self, conn: sqlite3.Connection) -> dict[str, Field] | None:
        """The stored fields, or None when the file has another format or lacks some."""
        fmt = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'format'").fetchone()
        if fmt is None or fmt[0] != str(INDEX_FORMAT):
            return None
        rows = conn.execute(f"SELECT kind, id, name, name_zh, booths, level FROM {TABLE} "
                            f"ORDER BY rank").fetchall()
        fields = {row[0]: Field.from_row(row[2:], row[1]) for row in conn.execute(
            f"SELECT field, nbits, dense_terms, dense, sparse_terms, offsets, ranks "
            f"FROM {TERMS_TABLE}")}
        if set(fields) != set(_FIELDS):
            return None
        self._rows = rows
        return fields

    def _reanalyse(self, conn: sqlite3.Connection) -> dict[str, Field]:
        docs, lists = _analyse(_doc(*row) for row in conn.execute(
            f"SELECT kind, id, name, name_zh, booths, level, categories, keywords FROM {TABLE}"))
        n = len(docs)
        self._rows = [(d.kind, d.id, d.name, d.name_zh, json.dumps(list(d.booths)), d.level)
                      for d in docs]
        return {name: Field.from_lists(p, _nbits(name, p, n)) for name, p in lists.items()}

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
        toks = tokens(fold(raw))
        q = _Query(raw, canon(toks), query_terms(toks))
        hits: list[SearchHit] = []
        if not q.terms:
            if level or category:
                hits.extend(self._hit(r, _S_BROWSE) for r in lowest(allowed, k))
            return hits
        for score, found in self._tiers(q):
            if isinstance(found, int):
                ranks = lowest(found & allowed, k - len(hits))
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
            yield from self._alias_tiers(phrases, _S_FUZZY_ALIAS, _S_FUZZY_ALIAS_RELATED)

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


def _doc(kind: str, id_: str, name: str | None, name_zh: str | None, booths: str | None,
         level: str | None, categories: str | None, keywords: str | None) -> SearchDoc:
    return SearchDoc(kind, id_, name or "", name_zh or "", tuple(json.loads(booths or "[]")),
                     level or None, tuple(json.loads(categories or "[]")), keywords or "")

