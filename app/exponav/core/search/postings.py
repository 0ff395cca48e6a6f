"""Postings of one index field, term -> document ranks: a set of ranks is a Python
integer used as a bitset; rare terms keep their ranks as slices of one packed array.

>>> f = Field.from_lists({"lumen": [0, 2], "lumina": [1]}, 3)
>>> bin(f.prefix("lum")), list(f.ranks("lumen")), lowest(0b1010, 5)
('0b111', [0, 2], [1, 3])
"""

from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

import numpy as np

from exponav.core.search.text import CJK_RANGES, is_latin

__all__ = ["LAST", "SHORT", "Field", "Renumbering", "bitset", "lowest"]

#: A character after every other one: ``term + LAST`` ends the terms starting with it.
LAST = "\U0010ffff"
#: Prefixes of Latin words up to this long have stored postings (no union when typed).
SHORT = 3


def _bitbytes(ranks: Iterable[int], nbits: int) -> bytearray:
    buf = bytearray((nbits >> 3) + 1)
    for r in ranks:
        buf[r >> 3] |= 1 << (r & 7)
    return buf


def bitset(ranks: Iterable[int], nbits: int) -> int:
    """The set of ``ranks`` as an integer with those bits set."""
    return int.from_bytes(_bitbytes(ranks, nbits), "little")


def lowest(bits: int, k: int) -> list[int]:
    """The ``k`` lowest ranks in a set, ascending."""
    out = []
    while bits and len(out) < k:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


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


class Renumbering:
    """Where the ranks that stay go when documents are taken out and put in: the
    documents that stay keep their order, the new ones take the ranks ``added``.

    >>> r = Renumbering(4, [1], [0, 3])  # out: rank 1; in: new ranks 0 and 3
    >>> bin(r.bits(0b1101)), list(r.ranks(array("I", [0, 2, 3])))
    ('0b10110', [1, 2, 4])
    """

    def __init__(self, old: int, removed: Sequence[int], added: Sequence[int]) -> None:
        new = old - len(removed) + len(added)
        stay_old = np.setdiff1d(np.arange(old, dtype=np.int64), removed)
        stay_new = np.setdiff1d(np.arange(new, dtype=np.int64), added)
        moved = np.flatnonzero(stay_old != stay_new)
        self.identity = not len(moved)
        self._map = np.zeros(old, dtype=np.uint32)
        self._map[stay_old] = stay_new
        self._runs: list[tuple[int, int, int]] = []
        self._first = old
        if self.identity:
            return
        i0 = int(moved[0])
        so, sn = stay_old[i0:], stay_new[i0:]
        self._first = int(so[0])
        cuts = np.flatnonzero((np.diff(so) != 1) | (np.diff(sn) != 1)) + 1
        for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(so)], strict=True):
            self._runs.append((int(so[a]), (1 << int(b - a)) - 1, int(sn[a])))
        self._low = (1 << self._first) - 1

    def bits(self, bits: int) -> int:
        """A set of old ranks (of documents that stay) in the new ranks."""
        if self.identity or not bits >> self._first:
            return bits
        out = bits & self._low
        for start, mask, to in self._runs:
            out |= ((bits >> start) & mask) << to
        return out

    def ranks(self, ranks: array[int]) -> array[int]:
        """Old ranks (of documents that stay) as new ranks, in the same order."""
        if self.identity or not len(ranks):
            return ranks
        # the slices of terms that moved out of the array keep ranks nobody reads, which
        # may lie beyond the old documents: clipped, never out of range
        out = array("I")
        out.frombytes(np.take(self._map, np.frombuffer(ranks, dtype=np.uint32),
                              mode="clip").tobytes())
        return out


class Field:
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
        self.short: Field | None = None  # postings of prefixes up to SHORT letters

    @classmethod
    def from_lists(cls, lists: dict[str, list[int]], nbits: int) -> Field:
        """The postings of term -> ascending ranks, over sets of ``nbits`` bits."""
        threshold = max(8, nbits // 256)
        dense = {t: bitset(r, nbits) for t, r in lists.items() if len(r) >= threshold}
        sparse_terms = sorted(t for t, r in lists.items() if len(r) < threshold)
        offsets, ranks = array("I", [0]), array("I")
        for t in sparse_terms:
            ranks.extend(lists[t])
            offsets.append(len(ranks))
        return cls(nbits, dense, sparse_terms, offsets, ranks)

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple[Any, ...], nbits: int) -> Field:
        """The postings stored in a ``search_terms`` row (from its ``dense_terms`` on)."""
        dense_terms, dense, sparse_terms, offsets, ranks = row
        size = (nbits >> 3) + 1
        return cls(nbits, {t: int.from_bytes(dense[i * size:(i + 1) * size], "little")
                           for i, t in enumerate(json.loads(dense_terms))},
                   json.loads(sparse_terms), _unpack(offsets), _unpack(ranks))

    def to_row(self, name: str) -> dict[str, Any]:
        """The ``search_terms`` row of the field ``name``."""
        size = (self._nbits >> 3) + 1
        dense_terms = sorted(self._dense)
        return {"field": name, "nbits": self._nbits,
                "dense_terms": json.dumps(dense_terms, ensure_ascii=False),
                "dense": b"".join(self._dense[t].to_bytes(size, "little") for t in dense_terms),
                "sparse_terms": json.dumps(sorted(self._sparse, key=self._sparse.__getitem__),
                                           ensure_ascii=False),
                "offsets": _pack(self._offsets), "ranks": _pack(self._ranks)}

    def renumbered(self, renumbering: Renumbering, nbits: int,
                   changes: dict[str, tuple[list[int], list[int]]]) -> Field:
        """These postings after documents went out and in: every rank renumbered, and for
        each term of ``changes``, (old ranks taken out, new ranks put in). Returns this
        Field itself when nothing changes."""
        if renumbering.identity and not changes:
            return self
        sparse = self._sparse
        dense = {t: renumbering.bits(b) for t, b in self._dense.items()}
        if changes:
            sparse = dict(sparse)
        vocab = self._vocab
        gone, new = [], []
        for term, (out, into) in changes.items():
            bits = self.word(term)
            for r in out:
                bits &= ~(1 << r)
            bits = renumbering.bits(bits)
            for r in into:
                bits |= 1 << r
            known = term in self._dense or sparse.pop(term, None) is not None
            if bits:
                dense[term] = bits
                if not known:
                    new.append(term)
            else:
                dense.pop(term, None)
                if known:
                    gone.append(term)
        if gone or new:
            drop = set(gone)
            vocab = sorted(chain((t for t in vocab if t not in drop), new))
        field = Field.__new__(Field)
        field._nbits = nbits
        field._dense = dense
        field._sparse = sparse
        field._offsets = self._offsets
        field._ranks = renumbering.ranks(self._ranks)
        field._vocab = vocab
        field._latin = None
        field._starts, field._joined = [], ""
        if vocab is self._vocab:
            field._latin, field._starts, field._joined = (self._latin, self._starts,
                                                          self._joined)
        field._cache = {}
        field.short = None
        return field

    @property
    def vocab(self) -> list[str]:
        """Every term, sorted."""
        return self._vocab

    def latin_words(self) -> list[str]:
        """The sorted terms that are not CJK characters."""
        if self._latin is None:  # the vocabulary without the CJK stretches of it
            vocab, pieces, start = self._vocab, [], 0
            for lo, hi in CJK_RANGES:
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
        return lowest(bits, bits.bit_count())

    def word(self, term: str) -> int:
        """Documents with ``term``."""
        i = self._sparse.get(term)
        if i is not None:
            return bitset(self._ranks[self._offsets[i]:self._offsets[i + 1]], self._nbits)
        return self._dense.get(term, 0)

    def union(self, words: Iterable[str]) -> int:
        """Documents with any of ``words``."""
        acc = 0
        sparse = []
        for w in words:
            i = self._sparse.get(w)
            if i is not None:
                sparse.append(self._ranks[self._offsets[i]:self._offsets[i + 1]])
            else:
                acc |= self._dense.get(w, 0)
        if sparse:
            acc |= bitset(chain.from_iterable(sparse), self._nbits)
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
        """The terms starting with ``term``, sorted."""
        lo = bisect_left(self._vocab, term)
        return self._vocab[lo:bisect_left(self._vocab, term + LAST, lo)]

    def prefix(self, term: str) -> int:
        """Documents with a term starting with ``term``."""
        if self.short is not None and len(term) <= SHORT and is_latin(term):
            return self.short.word(term)
        return self._cached("p", term, lambda: self.prefix_terms(term))

    def match(self, term: str, prefix: bool) -> int:
        """Documents with a term starting with ``term``, or with ``term`` itself."""
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
