"""The stored search index: documents analysed into the postings of each field, written
to a data file and read back.

:func:`create_index` analyses the documents when the data file is built and stores
them (``search_docs``, one readable row each, in rank order) with their postings
(``search_terms``, one row per field: term -> ranks). :func:`read_index` loads the
postings with a few bulk reads; a file written with another analysis is analysed again
from its documents. A document's rank is its place in the order: kind (exhibitor,
amenity or connector, booth), then name, then id.

>>> db = sqlite_utils.Database(memory=True)
>>> create_index(db, [SearchDoc("booth", "S1024", "", "", ("S1024",), "H2-4F", (), "")])
>>> rows, fields = read_index(db.conn)
>>> rows, list(fields["code"].ranks("S1024"))
([('booth', 'S1024', '', '', '["S1024"]', 'H2-4F')], [0])
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace

import sqlite_utils

from exponav.core.search.amenities import amenity_phrases
from exponav.core.search.postings import LAST, SHORT, Field
from exponav.core.search.readings import reading_terms
from exponav.core.search.text import canon, deletes, doc_terms, fold, is_latin, tokens

__all__ = ["FIELDS", "INDEX_FORMAT", "TABLE", "TYPO_SOURCES", "SearchDoc", "TextMemo",
           "analyse", "create_index", "document_levels", "document_terms", "index_documents",
           "is_typo_word", "read_index", "typo_deletes"]

TABLE = "search_docs"
TERMS_TABLE = "search_terms"
META_TABLE = "search_meta"
#: Bump when the analysis changes: a file of another format is re-analysed on open.
INDEX_FORMAT = 5
#: The fields that come from documents (see :func:`analyse`).
_DOC_FIELDS = ("name", "first", "names", "phrases", "ids", "kw", "code", "code_ex", "level",
               "category", "alias", "alias_rel", "alias_phrases", "alias_rel_phrases",
               "reading")
#: Every field of the index: those of the documents, then those worked out from them.
FIELDS = (*_DOC_FIELDS, "name_p", "first_p", "kw_p", "reading_p", "typo_words", "typo")
#: The fields whose words a typo may stand for.
TYPO_SOURCES = ("name", "alias", "alias_rel")
_KIND_ORDER = {"exhibitor": 0, "amenity": 1, "connector": 1, "booth": 2}

#: A stored document as the searcher shows it: kind, id, name, name_zh, booths (JSON), level.
Row = tuple[str, str, str | None, str | None, str | None, str | None]
Postings = dict[str, list[int]]
#: (folded phrase, its index terms) of the amenity words of a category.
_Phrases = list[tuple[str, tuple[str, ...]]]


@dataclass(frozen=True)
class SearchDoc:
    """One searchable thing, as the data-file builder describes it."""

    kind: str  # "exhibitor" | "booth" | "amenity" | "connector"
    id: str  # exhibitor id, booth code, amenity id or connector end (``ES-H2-A@H2-1F``)
    name: str  # English name ("" for an unassigned booth)
    name_zh: str  # Traditional Chinese name ("" if none)
    booths: tuple[str, ...]  # booth codes (exhibitor: its booths; booth: (code,); amenity: ())
    level: str | None  # level id such as "H2-1F" (exhibitor: level of its first booth)
    categories: tuple[str, ...]  # category ids used by the category filter
    keywords: str  # more searchable text: category names, country, descriptions, zones


# -------------------------------------------------------------------------- writing


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
    ordered, fields = analyse(docs)
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


def _nbits(field: str, postings: Postings, ndocs: int) -> int:
    """How many bits a field's sets need: one per document, or per word for the typo
    fields (whose "ranks" are positions in the sorted ``typo_words``)."""
    if not field.startswith("typo"):
        return ndocs
    return 1 + max((r[-1] for r in postings.values()), default=-1)


# -------------------------------------------------------------------------- reading


def read_index(conn: sqlite3.Connection) -> tuple[list[Row], dict[str, Field]]:
    """The documents in rank order and the fields of an open data file's search index.

    A file written by another version is analysed again from its documents; ValueError
    when it has no usable index.
    """
    stored = None
    with suppress(sqlite3.DatabaseError, ValueError, TypeError, KeyError, IndexError):
        stored = _load(conn)
    if stored is not None:
        return stored
    try:
        return _reanalyse(conn)
    except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
        raise ValueError(f"the data file has no usable search index ({TABLE}: "
                         f"{exc}); rebuild it") from exc


def _load(conn: sqlite3.Connection) -> tuple[list[Row], dict[str, Field]] | None:
    """The stored rows and fields, or None when the file has another format or lacks some."""
    fmt = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'format'").fetchone()
    if fmt is None or fmt[0] != str(INDEX_FORMAT):
        return None
    rows = conn.execute(f"SELECT kind, id, name, name_zh, booths, level FROM {TABLE} "
                        f"ORDER BY rank").fetchall()
    fields = {row[0]: Field.from_row(row[2:], row[1]) for row in conn.execute(
        f"SELECT field, nbits, dense_terms, dense, sparse_terms, offsets, ranks "
        f"FROM {TERMS_TABLE}")}
    if set(fields) != set(FIELDS):
        return None
    return rows, fields


def stored_documents(conn: sqlite3.Connection) -> list[SearchDoc]:
    """The documents an open data file's search index was built from, in rank order."""
    return [_doc(*row) for row in conn.execute(
        f"SELECT kind, id, name, name_zh, booths, level, categories, keywords FROM {TABLE} "
        f"ORDER BY rank")]


def _reanalyse(conn: sqlite3.Connection) -> tuple[list[Row], dict[str, Field]]:
    """The rows and fields analysed again from the stored documents."""
    return index_documents(_doc(*row) for row in conn.execute(
        f"SELECT kind, id, name, name_zh, booths, level, categories, keywords FROM {TABLE}"))


def index_documents(documents: Iterable[SearchDoc], memo: TextMemo | None = None
                    ) -> tuple[list[Row], dict[str, Field]]:
    """The rows and fields of an index over ``documents``, in memory (no data file): what
    an edited layout searches until it is saved and built again."""
    docs, lists = analyse(documents, memo)
    n = len(docs)
    rows: list[Row] = [(d.kind, d.id, d.name, d.name_zh, json.dumps(list(d.booths)), d.level)
                       for d in docs]
    return rows, {name: Field.from_lists(p, _nbits(name, p, n)) for name, p in lists.items()}


def _doc(kind: str, id_: str, name: str | None, name_zh: str | None, booths: str | None,
         level: str | None, categories: str | None, keywords: str | None) -> SearchDoc:
    return SearchDoc(kind, id_, name or "", name_zh or "", tuple(json.loads(booths or "[]")),
                     level or None, tuple(json.loads(categories or "[]")), keywords or "")


# -------------------------------------------------------------------------- analysing


def analyse(docs: Iterable[SearchDoc], memo: TextMemo | None = None) -> tuple[list[SearchDoc], dict[str, Postings]]:
    """Documents in rank order, and the postings of every field (term -> ascending ranks).

    Fields: ``name`` (words of both names), ``first`` (the first word of a name),
    ``names`` (whole folded names), ``phrases`` (folded names from their second word on),
    ``ids``, ``kw`` (keywords and category ids), ``code`` (booth code -> booth),
    ``code_ex`` (booth code -> exhibitors), ``level``, ``category`` (with its parents),
    ``alias``/``alias_rel`` (words of amenity phrases of the own / a related category),
    ``alias_phrases``/``alias_rel_phrases`` (the whole phrases), ``reading`` (how the
    Chinese characters of the names are typed: pinyin, first letters, zhuyin; see
    :mod:`~exponav.core.search.readings`), ``name_p``/``first_p``/``kw_p``/``reading_p``
    (the first one to three letters of Latin words -> documents with such words, so that
    the commonest prefixes need no union at query time), ``typo_words`` (Latin
    name and amenity words of 3-24 letters that a typo may stand for -> position in their
    sorted list) and ``typo`` (their deletions, SymSpell style -> those positions).

    >>> docs, fields = analyse([SearchDoc("booth", "S1", "", "", ("S1",), "L", (), ""),
    ...                         SearchDoc("exhibitor", "E1", "Lumen Labs", "", ("S1",), "L",
    ...                                   ("ai",), "")])
    >>> [d.id for d in docs], fields["code_ex"], fields["name"]["labs"], fields["name_p"]["lu"]
    (['E1', 'S1'], {'S1': [0]}, [0], [0])
    """
    texts = memo if memo is not None else TextMemo()
    docs = [d if type(d.booths) is tuple and type(d.categories) is tuple
            else replace(d, booths=tuple(d.booths), categories=tuple(d.categories))
            for d in docs]
    ordered = sorted(docs, key=texts.rank_key)
    booth_level = {d.id: d.level for d in docs if d.kind == "booth" and d.level}
    groups = _Groups()
    for rank, d in enumerate(ordered):
        _add_document(groups, texts, d, rank, booth_level)
    fields = groups.postings()
    fields.update(_short_prefixes(fields))
    fields.update(_typo_fields(fields))
    return ordered, fields


class TextMemo:
    """What the analysis needs of each text, worked out once per distinct text; pass one
    to :func:`analyse` again to reuse it (an edited layout analyses the same names)."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[tuple[str], tuple[str, ...], list[tuple[str, bool]]]] = {}
        self._names: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._keywords: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._categories: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._amenities: dict[str, tuple[_Phrases, ...]] = {}
        self._readings: dict[str, tuple[str, ...]] = {}
        self._prefixes: dict[frozenset[str], frozenset[str]] = {}

    def text(self, text: str) -> tuple[tuple[str], tuple[str, ...], list[tuple[str, bool]]]:
        """((folded words,), index terms, tokens) of a text."""
        got = self._texts.get(text)
        if got is None:
            toks = tokens(fold(text))
            got = self._texts[text] = ((canon(toks),), tuple(dict.fromkeys(doc_terms(toks))),
                                       toks)
        return got

    def reading(self, text: str) -> tuple[str, ...]:
        """Terms for how the Chinese characters of a text are typed (pinyin, zhuyin)."""
        got = self._readings.get(text)
        if got is None:
            got = self._readings[text] = tuple(reading_terms(text))
        return got

    def rank_key(self, d: SearchDoc) -> tuple[int, str, str]:
        """A document's place in the order: kind, then folded name, then id."""
        return (_KIND_ORDER.get(d.kind, len(_KIND_ORDER)),
                self.text(d.name)[0][0] or self.text(d.name_zh)[0][0] or LAST, d.id)

    def name(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(first-word terms, phrases from the second word on) of a name."""
        got = self._names.get(text)
        if got is None:
            (folded,), _, toks = self.text(text)
            first = [toks[0][0]] if toks else []
            if len(toks) > 1 and toks[1][1]:
                first.append(toks[0][0] + toks[1][0])
            got = self._names[text] = (tuple(first), tuple(
                folded[i + 1:] for i, ch in enumerate(folded) if ch == " "))
        return got

    def prefixes(self, terms: frozenset[str]) -> frozenset[str]:
        """The first one to SHORT letters of the Latin words among ``terms``."""
        got = self._prefixes.get(terms)
        if got is None:
            got = self._prefixes[terms] = frozenset(
                w[:i] for w in terms if is_latin(w) for i in range(1, SHORT + 1))
        return got

    def keywords(self, d: SearchDoc) -> tuple[str, ...]:
        """Index terms of a document's keywords and category ids."""
        key = (d.keywords, d.categories)
        got = self._keywords.get(key)
        if got is None:
            got = self._keywords[key] = tuple(dict.fromkeys(
                t for text in (d.keywords, *d.categories) for t in self.text(text)[1]))
        return got

    def categories(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Folded category ids with their parents (``toilet.accessible``: also ``toilet``)."""
        got = self._categories.get(ids)
        if got is None:
            parts = [c.strip().casefold().split(".") for c in ids]
            got = self._categories[ids] = tuple(sorted({".".join(p[:i]) for p in parts
                                                        for i in range(1, len(p) + 1)}))
        return got

    def amenity(self, category: str) -> tuple[_Phrases, ...]:
        """(own, related) amenity phrases of a category."""
        got = self._amenities.get(category)
        if got is None:
            got = self._amenities[category] = amenity_phrases(category)
        return got


class _Terms:
    """The terms of one document in each field, gathered the way :class:`_Groups` adds them."""

    def __init__(self) -> None:
        self.fields: dict[str, set[str]] = {}

    def add(self, field: str, terms: tuple[str, ...], rank: int) -> None:
        if terms:
            self.fields.setdefault(field, set()).update(terms)


def document_terms(texts: TextMemo, d: SearchDoc, booth_level: Mapping[str, str]
                   ) -> dict[str, frozenset[str]]:
    """The terms a document puts in each field that :func:`analyse` works out per
    document (not the typo fields): its part of the postings.

    >>> terms = document_terms(TextMemo(), SearchDoc("booth", "S1", "", "", ("S1",), "L",
    ...                                              (), "Zone A"), {})
    >>> sorted(terms["kw"]), sorted(terms["kw_p"])
    (['a', 'zone'], ['a', 'z', 'zo', 'zon'])
    """
    got = _Terms()
    _add_document(got, texts, d, 0, booth_level)
    fields = {f: frozenset(t - {""}) for f, t in got.fields.items() if t - {""}}
    for name in ("name", "first", "kw", "reading"):
        short = texts.prefixes(fields.get(name, frozenset()))
        if short:
            fields[f"{name}_p"] = short
    return fields


def typo_deletes(word: str) -> set[str]:
    """The deletions under which the ``typo`` field lists a word."""
    return deletes(word, 2 if len(word) >= 6 else 1)


def is_typo_word(w: str) -> bool:
    """Whether a word of a name or an amenity phrase is one a typo may stand for."""
    return 3 <= len(w) <= 24 and is_latin(w)


class _Groups:
    """Field -> terms -> ranks: documents with the same terms in a field (a booth and its
    exhibitor, booths of one zone) are grouped first, then spread into postings."""

    def __init__(self) -> None:
        self._fields: dict[str, dict[tuple[str, ...], list[int]]] = {
            name: {} for name in _DOC_FIELDS}

    def add(self, field: str, terms: tuple[str, ...], rank: int) -> None:
        group = self._fields[field]
        ranks = group.get(terms)
        if ranks is None:
            group[terms] = [rank]
        else:
            ranks.append(rank)

    def postings(self) -> dict[str, Postings]:
        """Each field's postings: term -> ascending ranks."""
        fields: dict[str, Postings] = {}
        for name, group in self._fields.items():
            postings: Postings = {}
            for terms, ranks in group.items():
                for t in terms:
                    lst = postings.get(t)
                    if lst is None:
                        postings[t] = list(ranks)
                    else:
                        lst.extend(ranks)
            postings.pop("", None)
            fields[name] = {t: r if len(r) == 1 else sorted(set(r)) for t, r in postings.items()}
        return fields


def _add_document(groups: _Groups, texts: TextMemo, d: SearchDoc, rank: int,
                  booth_level: Mapping[str, str]) -> None:
    """Group the terms of one document in every field that comes from documents."""
    _add_names(groups, texts, d, rank)
    groups.add("ids", texts.text(d.id)[0], rank)
    groups.add("kw", texts.keywords(d), rank)
    if d.kind == "booth":
        groups.add("code", (d.id,), rank)
    elif d.kind == "exhibitor":
        groups.add("code_ex", d.booths, rank)
    groups.add("level", document_levels(d, booth_level), rank)
    groups.add("category", texts.categories(d.categories), rank)
    if d.kind in ("amenity", "connector"):
        _add_amenity_words(groups, texts, d, rank)


def _add_names(groups: _Groups, texts: TextMemo, d: SearchDoc, rank: int) -> None:
    """The words, first word, whole name and later phrases of both names."""
    for text in (d.name, d.name_zh):
        folded, terms, _ = texts.text(text)
        if folded[0]:
            first, suffixes = texts.name(text)
            groups.add("name", terms, rank)
            groups.add("first", first, rank)
            groups.add("names", folded, rank)
            groups.add("phrases", suffixes, rank)
            groups.add("reading", texts.reading(text), rank)


def document_levels(d: SearchDoc, booth_level: Mapping[str, str]) -> tuple[str, ...]:
    """The folded levels of a document; an exhibitor is on the levels of its booths too."""
    levels = {d.level} if d.level else set()
    if d.kind == "exhibitor":
        levels.update(booth_level[c] for c in d.booths if c in booth_level)
    return tuple(sorted(lv.casefold() for lv in levels))


def _add_amenity_words(groups: _Groups, texts: TextMemo, d: SearchDoc, rank: int) -> None:
    """The everyday words and phrases of an amenity's categories and their relatives."""
    for c in d.categories:
        own, related = texts.amenity(c)
        for field, found in (("alias", own), ("alias_rel", related)):
            for phrase, terms in found:
                groups.add(field, terms, rank)
                groups.add(f"{field}_phrases", (phrase,), rank)


def _short_prefixes(fields: dict[str, Postings]) -> dict[str, Postings]:
    """``name_p``, ``first_p``, ``kw_p``, ``reading_p``: the first one to SHORT letters of
    Latin words."""
    out: dict[str, Postings] = {}
    for name in ("name", "first", "kw", "reading"):
        short: Postings = {}
        for w, ranks in fields[name].items():
            if is_latin(w):
                for p in {w[:i] for i in range(1, SHORT + 1)}:
                    short.setdefault(p, []).extend(ranks)
        out[f"{name}_p"] = {p: sorted(set(r)) for p, r in short.items()}
    return out


def _typo_fields(fields: dict[str, Postings]) -> dict[str, Postings]:
    """``typo_words`` (the words a typo may stand for) and ``typo`` (their deletions)."""
    vocab = sorted({w for f in TYPO_SOURCES for w in fields[f] if is_typo_word(w)})
    typo: Postings = {}
    for i, w in enumerate(vocab):
        for deleted in typo_deletes(w):
            typo.setdefault(deleted, []).append(i)
    return {"typo_words": {w: [i] for i, w in enumerate(vocab)}, "typo": typo}
