"""A search index kept up to date as documents change: only the documents that differ
are taken out of the postings and put back in.

:class:`LiveSearch` holds what each document put in each field. :meth:`LiveSearch.update`
compares the documents with the last ones by kind and id, takes the postings of those
gone or changed out, renumbers the ranks of those that stay (their order is kept) and
puts the new ones in at their ranks, so its :class:`~exponav.core.search.searcher.Searcher`
answers exactly as one built afresh from the same documents. Each update returns a new
Searcher and leaves the last one as it was.

>>> live = LiveSearch([SearchDoc("booth", "S1", "", "", ("S1",), "H2-1F", (), "")])
>>> s = live.update([SearchDoc("booth", "S1a", "", "", ("S1a",), "H2-1F", (), ""),
...                  SearchDoc("booth", "S1b", "", "", ("S1b",), "H2-1F", (), "")])
>>> [h.id for h in s.search("S1")], [h.id for h in s.search("S1b")]
(['S1a', 'S1b'], ['S1b'])
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from exponav.core.search.index import (
    FIELDS,
    TYPO_SOURCES,
    SearchDoc,
    TextMemo,
    document_levels,
    document_terms,
    index_documents,
    is_typo_word,
    typo_deletes,
)
from exponav.core.search.postings import Renumbering
from exponav.core.search.searcher import Searcher

__all__ = ["LiveSearch"]

#: The fields whose postings hold document ranks (the typo fields hold word numbers).
_RANKED = tuple(f for f in FIELDS if not f.startswith("typo"))
#: Above this share of the documents changed, the index is built again instead.
_REBUILD_SHARE = 0.2

Key = tuple[str, str]
Terms = dict[str, frozenset[str]]


class _Typos:
    """The typo postings: deletion -> numbers of the words it comes from, and the words;
    a word that goes keeps its number unused, a new one takes the next."""

    def __init__(self, words: list[str | None], numbers: dict[str, int],
                 postings: dict[str, list[int]]) -> None:
        self.vocab = words
        self.numbers = numbers
        self.postings = postings

    def ranks(self, deleted: str) -> list[int]:
        return self.postings.get(deleted, [])

    def changed(self, gone: Iterable[str], new: Iterable[str]) -> _Typos:
        words, numbers, postings = list(self.vocab), dict(self.numbers), dict(self.postings)
        for w in gone:
            i = numbers.pop(w)
            words[i] = None
            for d in typo_deletes(w):
                left = [j for j in postings[d] if j != i]
                if left:
                    postings[d] = left
                else:
                    del postings[d]
        for w in new:
            i = numbers[w] = len(words)
            words.append(w)
            for d in typo_deletes(w):
                postings[d] = [*postings.get(d, ()), i]
        return _Typos(words, numbers, postings)


def _tuples(documents: Iterable[SearchDoc]) -> list[SearchDoc]:
    return [d if type(d.booths) is tuple and type(d.categories) is tuple
            else replace(d, booths=tuple(d.booths), categories=tuple(d.categories))
            for d in documents]


def _row(d: SearchDoc) -> tuple[str, str, str, str, str, str | None]:
    return (d.kind, d.id, d.name, d.name_zh, json.dumps(list(d.booths)), d.level)


def _booth_levels(docs: Iterable[SearchDoc]) -> dict[str, str]:
    return {d.id: d.level for d in docs if d.kind == "booth" and d.level}


def _typo_words(terms: Terms) -> set[str]:
    return {w for f in TYPO_SOURCES for w in terms.get(f, ()) if is_typo_word(w)}


class LiveSearch:
    """The search index of documents that change a few at a time."""

    def __init__(self, documents: Iterable[SearchDoc], memo: TextMemo | None = None) -> None:
        self._memo = memo if memo is not None else TextMemo()
        self._build(_tuples(documents))

    def _build(self, docs: list[SearchDoc]) -> Searcher:
        rows, fields = index_documents(docs, self._memo)
        self.searcher = Searcher.from_index(rows, fields)
        self._rows, self._fields = rows, fields
        self._typos: _Typos | None = None
        keys = {(d.kind, d.id) for d in docs}
        self._exact = len(keys) == len(docs)  # two alike: every update builds afresh
        if not self._exact:
            return self.searcher
        ordered = sorted(docs, key=self._memo.rank_key)
        booth_level = _booth_levels(docs)
        self._docs: dict[Key, SearchDoc] = {(d.kind, d.id): d for d in ordered}
        self._order: list[Key] = list(self._docs)
        self._sort: list[Any] = [self._memo.rank_key(d) for d in ordered]
        self._terms: dict[Key, Terms] = {k: document_terms(self._memo, d, booth_level)
                                         for k, d in self._docs.items()}
        self._users: dict[str, int] = {}
        for terms in self._terms.values():
            for w in _typo_words(terms):
                self._users[w] = self._users.get(w, 0) + 1
        self._users_known = True
        self._booth_level = booth_level
        return self.searcher

    @classmethod
    def seeded(cls, rows: list[Any], fields: dict[str, Any], stored: Iterable[SearchDoc],
               documents: Iterable[SearchDoc], memo: TextMemo | None = None
               ) -> LiveSearch | None:
        """The index of ``documents`` taken over from a data file's (its ``rows`` and
        ``fields``, built from ``stored``) when the two sets of documents are the same,
        without analysing any; None when they differ. What a document put in each field
        is worked out when an edit first takes the document out, as it would have been
        when the index was built."""
        docs = _tuples(documents)
        built = {(d.kind, d.id): d for d in _tuples(stored)}
        if len(built) != len(docs) or any(built.get((d.kind, d.id)) != d for d in docs):
            return None
        live = cls.__new__(cls)
        live._memo = memo if memo is not None else TextMemo()
        ordered = sorted(docs, key=live._memo.rank_key)
        if len(rows) != len(ordered) or any(tuple(r) != _row(d)
                                            for r, d in zip(rows, ordered, strict=True)):
            return None
        live._rows, live._fields = [tuple(r) for r in rows], dict(fields)
        live.searcher = Searcher.from_index(live._rows, live._fields)
        live._typos = None
        live._exact = True
        live._docs = {(d.kind, d.id): d for d in ordered}
        live._order = list(live._docs)
        live._sort = [live._memo.rank_key(d) for d in ordered]
        live._terms = {}  # worked out one by one (_terms_of)
        live._users = {}
        live._users_known = False  # each word's count is read off the postings first
        live._booth_level = _booth_levels(ordered)
        return live

    def _terms_of(self, key: Key) -> Terms:
        """What a document the index holds put in each field."""
        got = self._terms.get(key)
        if got is None:
            got = self._terms[key] = document_terms(self._memo, self._docs[key],
                                                    self._booth_level)
        return got

    def _users_of(self, users: dict[str, int], word: str) -> int:
        """How many documents have ``word`` in a field that typos are found from."""
        if word not in users and not self._users_known:
            bits = 0
            for f in TYPO_SOURCES:
                bits |= self._fields[f].word(word)
            users[word] = bin(bits).count("1")
        return users.get(word, 0)

    def documents(self) -> list[SearchDoc]:
        """The documents the index holds now, in its order (those of the last build when
        two were alike)."""
        return [self._docs[k] for k in self._order] if self._exact else []

    def update(self, documents: Iterable[SearchDoc]) -> Searcher:
        """The Searcher over ``documents``, reusing what has not changed since the last."""
        docs = _tuples(documents)
        new = {(d.kind, d.id): d for d in docs}
        if not self._exact or len(new) != len(docs):
            return self._build(docs)
        booth_level = _booth_levels(docs)
        out = [k for k, d in self._docs.items() if new.get(k) != d or (
            k[0] == "exhibitor" and self._terms_of(k).get("level", frozenset())
            != frozenset(document_levels(d, booth_level)))]
        gone = set(out)
        into = sorted((d for k, d in new.items() if k in gone or k not in self._docs),
                      key=self._memo.rank_key)
        if not out and not into:
            return self.searcher
        if len(out) + len(into) > _REBUILD_SHARE * max(len(docs), 1):
            return self._build(docs)
        return self._apply(out, into, booth_level)

    def replace(self, keys: Iterable[Key], documents: Iterable[SearchDoc],
                booth_level: Mapping[str, str]) -> Searcher | None:
        """The Searcher with the documents of ``keys`` taken out and ``documents`` put in
        (a document whose kind and id it holds already takes that one's place), when the
        caller knows what changed: nothing else is compared. ``booth_level`` gives the
        level of each booth of an exhibitor among ``documents``. None when this index
        cannot take changes one by one (two documents alike): call :meth:`update`."""
        if not self._exact:
            return None
        into = _tuples(documents)
        new = {(d.kind, d.id): d for d in into}
        if len(new) != len(into):
            return None
        out = [k for k in dict.fromkeys([*keys, *new]) if k in self._docs]
        if not out and not into:
            return self.searcher
        into.sort(key=self._memo.rank_key)
        return self._apply(out, into, booth_level)

    def _apply(self, out: list[Key], into: list[SearchDoc],
               booth_level: Mapping[str, str]) -> Searcher:
        memo = self._memo
        # Lists copied whole (the last Searcher keeps its own) and changed in place: a
        # copy, a deletion and an insertion each move pointers in C, where a pass over
        # 100,000 documents in Python would take tens of milliseconds.
        old_rank = {k: self._rank_of(k) for k in out}
        removed = sorted(old_rank.values())
        order, sort, rows = list(self._order), list(self._sort), list(self._rows)
        for r in reversed(removed):
            del order[r], sort[r], rows[r]
        added = []
        for d in into:  # ascending: each lands after the new ones before it
            s = memo.rank_key(d)
            r = bisect_left(sort, s)
            sort.insert(r, s)
            order.insert(r, (d.kind, d.id))
            rows.insert(r, _row(d))
            added.append(r)

        changes: dict[str, dict[str, tuple[list[int], list[int]]]] = {}
        terms = dict(self._terms)
        users = self._users
        word_changes: dict[str, int] = {}
        for k in out:
            r = old_rank[k]
            was = self._terms_of(k)
            terms.pop(k, None)
            for f, ts in was.items():
                field = changes.setdefault(f, {})
                for t in ts:
                    field.setdefault(t, ([], []))[0].append(r)
            for w in _typo_words(was):
                word_changes[w] = word_changes.get(w, 0) - 1
        for d, r in zip(into, added, strict=True):
            k = (d.kind, d.id)
            got = terms[k] = document_terms(memo, d, booth_level)
            for f, ts in got.items():
                field = changes.setdefault(f, {})
                for t in ts:
                    field.setdefault(t, ([], []))[1].append(r)
            for w in _typo_words(got):
                word_changes[w] = word_changes.get(w, 0) + 1

        renumbering = Renumbering(len(self._order), removed, added)
        n = len(order)
        fields = {f: self._fields[f].renumbered(renumbering, n, changes.get(f, {}))
                  for f in _RANKED}
        fields["typo"], fields["typo_words"] = self._fields["typo"], self._fields["typo_words"]
        typos = self._typos
        word_changes = {w: c for w, c in word_changes.items() if c}
        if word_changes:
            users = dict(users)
            lost, gained = [], []
            for w, c in word_changes.items():
                before = self._users_of(users, w)
                users[w] = before + c
                if not users[w]:
                    del users[w]
                    lost.append(w)
                elif not before:
                    gained.append(w)
            if lost or gained:
                typos = (typos or self._typos_of(self._fields)).changed(lost, gained)
                fields["typo"] = fields["typo_words"] = typos

        searcher = Searcher.from_index(rows, fields)
        self.searcher, self._rows, self._fields, self._typos = searcher, rows, fields, typos
        docs = dict(self._docs)
        for k in out:
            del docs[k]
        docs.update(((d.kind, d.id), d) for d in into)
        self._docs = docs
        self._order, self._sort, self._terms, self._users = order, sort, terms, users
        levels = dict(self._booth_level)  # the booths' levels as the index holds them now
        for k in out:
            if k[0] == "booth":
                levels.pop(k[1], None)
        levels.update((d.id, d.level) for d in into if d.kind == "booth" and d.level)
        self._booth_level = levels
        return searcher

    def _rank_of(self, key: Key) -> int:
        """Where a document the index holds is in its order."""
        r = bisect_left(self._sort, self._memo.rank_key(self._docs[key]))
        if r < len(self._order) and self._order[r] == key:
            return r
        return self._order.index(key)  # pragma: no cover - the keys are kept in order

    @staticmethod
    def _typos_of(fields: dict[str, Any]) -> _Typos:
        """The typo postings of an index built afresh, in the form that takes changes."""
        typo, words = fields["typo"], list(fields["typo_words"].vocab)
        return _Typos(words, {w: i for i, w in enumerate(words)},
                      {d: list(typo.ranks(d)) for d in typo.vocab})
