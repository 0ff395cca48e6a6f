"""A search index updated document by document holds exactly the postings of one built
afresh from the same documents, and answers every query alike, after any sequence of
splits, merges, renames, removals and additions; on the SCSE plan too, through a
Navigator following an edited layout."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exponav.core.layout import (
    AddBooth,
    Assign,
    ChangeError,
    EditZone,
    Layout,
    MergeBooths,
    RemoveBooth,
    SplitBooth,
    Unassign,
)
from exponav.core.navigator import Navigator
from exponav.core.search.documents import search_documents
from exponav.core.search.index import FIELDS, SearchDoc
from exponav.core.search.live import LiveSearch
from exponav.core.search.searcher import Searcher

QUERIES = ["a", "al", "alpha", "alpah", "robot", "robotics lab", "A01", "A0101", "A0101a",
           "B02", "toilet", "restroom", "wc", "lift", "elevator", "電梯", "阿爾法", "機器",
           "pavilion", "hall b", "sensor", "sensors", "gama", "ai", "iot", "taiwan", "zeta",
           "newco", "電扶梯", "cloud", "ouest"]
NAMES = [("Alpha Robotics", "阿爾法機器人"), ("Beta Sensors", "貝塔感測"),
         ("Gamma Grid", "伽瑪電網"), ("Delta Vision", "德爾塔視覺"), ("Newco", ""),
         ("Theta Cloud", "西塔雲端"), ("Zeta Mobility", "澤塔移動")]


def _booth(code: str, level: str, owner: SearchDoc | None, zone: str) -> SearchDoc:
    return SearchDoc("booth", code, owner.name if owner else "",
                     owner.name_zh if owner else "", (code,), level,
                     owner.categories if owner else (), zone)


def _documents(exhibitors: dict[str, SearchDoc], booths: dict[str, tuple[str, str]]
               ) -> list[SearchDoc]:
    """Documents as the data-file builder writes them: exhibitors, their booths,
    amenities and connector ends."""
    owner = {c: ex for ex in exhibitors.values() for c in ex.booths}
    docs = [replace(ex, booths=tuple(c for c in ex.booths if c in booths),
                    level=next((booths[c][0] for c in ex.booths if c in booths), None))
            for ex in exhibitors.values()]
    docs += [_booth(code, lv, owner.get(code), zone) for code, (lv, zone) in booths.items()]
    for lv in ("A-1F", "A-2F"):
        docs.append(SearchDoc("amenity", f"WC-{lv}", "Toilets", "廁所", (), lv,
                              ("toilet",), "Toilets 廁所"))
        docs.append(SearchDoc("connector", f"EL-A@{lv}", "Lift A", "電梯A", (), lv,
                              ("elevator",), "Elevator 電梯 EL-A"))
    docs.append(SearchDoc("amenity", "WC-A-1F-ACC", "Accessible toilet", "無障礙廁所", (),
                          "A-1F", ("toilet.accessible",), "Accessible toilet"))
    return docs


def _start() -> tuple[dict[str, SearchDoc], dict[str, tuple[str, str]]]:
    booths = {f"{'A' if lv == 'A-1F' else 'B'}0{blk}{n:02d}": (lv, zone)
              for lv in ("A-1F", "A-2F") for blk, zone in ((1, ""), (2, "Pavilion 館"))
              for n in range(1, 9)}
    codes = sorted(booths)
    exhibitors = {f"EX{i:02d}": SearchDoc("exhibitor", f"EX{i:02d}", en, zh,
                                          tuple(codes[3 * i:3 * i + 1 + i % 2]), None,
                                          (("ai",), ("iot",), ("ai", "iot"))[i % 3],
                                          "Taiwan robots sensors")
                  for i, (en, zh) in enumerate(NAMES)}
    return exhibitors, booths


def postings(s: Searcher) -> Any:
    """Everything a Searcher holds, as plain values (typo words by their spelling)."""
    out: dict[str, Any] = {"rows": list(s._rows), "n": s._n, "services": s._services}
    for name in FIELDS:
        if name.startswith("typo"):
            continue
        field = getattr(s, "_" + name, None) or _field(s, name)
        out[name] = {t: list(field.ranks(t)) for t in field.vocab if len(field.ranks(t))}
    words = s._typo_words
    out["typo"] = {d: sorted(words[i] for i in s._typo.ranks(d)) for d in _typo_keys(s)}
    out["typo"] = {d: w for d, w in out["typo"].items() if w}
    return out


def _field(s: Searcher, name: str) -> Any:
    base = name[:-2]
    return getattr(s, "_" + base).short


def _typo_keys(s: Searcher) -> set[str]:
    typo = s._typo
    return set(typo.vocab) if hasattr(typo, "_dense") else set(typo.postings)


def _same(live: Searcher, fresh: Searcher) -> None:
    assert postings(live) == postings(fresh)
    for q in QUERIES:
        for level in (None, "A-2F"):
            assert live.search(q, level=level, limit=40) == fresh.search(q, level=level,
                                                                          limit=40), q
    assert live.search("", category="toilet") == fresh.search("", category="toilet")


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_updated_index_equals_one_built_afresh(data):
    exhibitors, booths = _start()
    live = LiveSearch(_documents(exhibitors, booths))
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        op = data.draw(st.sampled_from(["split", "merge", "rename", "remove", "add",
                                        "assign", "zone", "level", "nothing"]))
        codes = sorted(booths)
        code = data.draw(st.sampled_from(codes))
        ex_id = data.draw(st.sampled_from(sorted(exhibitors)))
        ex = exhibitors[ex_id]
        if op == "split" and len(code) == 5:
            lv, zone = booths.pop(code)
            booths[code + "a"] = booths[code + "b"] = (lv, zone)
            if code in ex.booths:
                exhibitors[ex_id] = replace(ex, booths=tuple(
                    c for b in ex.booths for c in ((b + "a", b + "b") if b == code else (b,))))
        elif op == "merge" and len(codes) > 1:
            other = codes[(codes.index(code) + 1) % len(codes)]
            del booths[other]
            for i, e in exhibitors.items():
                exhibitors[i] = replace(e, booths=tuple(c for c in e.booths if c != other))
        elif op == "rename":
            exhibitors[ex_id] = replace(ex, name=data.draw(st.sampled_from(
                ["Omega Robotics", "Alpha Robotic", "Sigma Labs", "Ouest", ""])),
                name_zh=data.draw(st.sampled_from(["歐米茄", "", "阿爾法機器人"])))
        elif op == "remove":
            del booths[code]
            if data.draw(st.booleans()):
                exhibitors.pop(ex_id)
        elif op == "add":
            n = data.draw(st.integers(1, 9))
            booths[f"B09{n:02d}"] = ("A-2F", data.draw(st.sampled_from(["", "Hall B"])))
            if data.draw(st.booleans()):
                exhibitors[f"EX9{n}"] = SearchDoc("exhibitor", f"EX9{n}", "Newco Robotics",
                                                  "新公司", (f"B09{n:02d}",), None, ("ai",),
                                                  "Japan")
        elif op == "assign":
            exhibitors[ex_id] = replace(ex, booths=(*ex.booths, code))
        elif op == "zone":
            booths[code] = (booths[code][0], data.draw(st.sampled_from(["", "Hall B 乙館"])))
        elif op == "level":
            booths[code] = ("A-2F" if booths[code][0] == "A-1F" else "A-1F", booths[code][1])
        docs = _documents(exhibitors, booths)
        _same(live.update(docs), Searcher.from_documents(docs))


def test_an_index_taken_over_from_a_data_file_only_when_its_documents_are_the_same(
        data_file):
    from exponav.core.search.index import read_index, stored_documents

    nav = Navigator.open(data_file)
    try:
        docs = search_documents(nav.venue, nav.show)
        rows, fields = read_index(nav.data.conn)
        stored = stored_documents(nav.data.conn)
        live = LiveSearch.seeded(rows, fields, stored, docs)
        assert live is not None
        for q in ("chunghwa", "中華電信", "zhdx", "toilet", "S1024", "chunghwa telecon"):
            assert live.searcher.search(q) == nav.searcher.search(q), q
        changed = [replace(d, keywords=d.keywords + " robot") if i == 7 else d
                   for i, d in enumerate(docs)]
        assert LiveSearch.seeded(rows, fields, stored, changed) is None  # not the same
        assert LiveSearch.seeded(rows, fields, stored, docs[:-1]) is None
    finally:
        nav.close()


def test_an_update_leaves_the_last_searcher_as_it_was():
    exhibitors, booths = _start()
    docs = _documents(exhibitors, booths)
    live = LiveSearch(docs)
    before = live.searcher
    held = postings(before)
    del booths["A0101"]
    exhibitors["EX00"] = replace(exhibitors["EX00"], name="Omega")
    after = live.update(_documents(exhibitors, booths))
    assert after is not before
    assert postings(before) == held
    _same(before, Searcher.from_documents(docs))


@pytest.fixture
def scse_nav(data_file):
    nav = Navigator.open(data_file)
    yield nav
    nav.close()


def test_a_following_navigator_searches_as_a_fresh_index_after_edits(scse_nav, monkeypatch):
    nav = scse_nav
    import exponav.core.search.documents as documents

    every = []  # edits of booths and sales derive only their own documents, not all
    monkeypatch.setattr(documents, "search_documents", lambda *a: every.append(a) or
                        search_documents(*a))
    layout = Layout(nav.venue, nav.show)
    nav.follow(layout)
    # taken over from the data file's index: nothing analysed until an edit takes it out
    assert nav._live_search._terms == {} and not nav._live_search._users_known
    free = sorted(b.code for b in nav.venue.plans["H2-1F"].booths
                  if layout.status(b.code).status == "available" and b.code[-1] not in "ab")
    held = [b.code for b in nav.venue.plans["H2-1F"].booths
            if layout.owner(b.code) is not None]
    zone = next(z for p in nav.venue.plans.values() for z in p.zones)
    edits = [SplitBooth(free[0]), MergeBooths((f"{free[0]}a", f"{free[0]}b"), free[0]),
             SplitBooth(free[1]), RemoveBooth(free[2]),
             AddBooth(free[2], nav.booth(free[3]).booth.polygon.buffer(0), "H2-4F"),
             Assign(free[4], "EX0001"), Unassign(held[0]), SplitBooth(held[1]),
             RemoveBooth(held[2]), Assign(held[3], "EX0001"),
             EditZone(zone.id, name="Robot Alley")]
    queries = ["chunghwa", "robot alley", free[0], free[1] + "a", free[2], free[4][:3],
               "toilet", "escalator", "5g", zone.name]
    try:
        for change in edits:
            every.clear()
            try:
                layout.apply(change)
            except ChangeError:
                continue
            assert len(every) == (1 if isinstance(change, EditZone) else 0), change
            docs = search_documents(layout.venue, layout.show)
            # only what the edit can change was derived again, and it is all that changed
            held_now = {(d.kind, d.id): d for d in nav._live_search.documents()}
            assert held_now == {(d.kind, d.id): replace(
                d, booths=tuple(d.booths), categories=tuple(d.categories)) for d in docs}, change
            fresh = Searcher.from_documents(docs)
            for q in queries:
                assert nav.searcher.search(q, limit=30) == fresh.search(q, limit=30), (
                    change, q)
                assert (nav.searcher.search(q, level="H2-1F", limit=30)
                        == fresh.search(q, level="H2-1F", limit=30)), (change, q)
    finally:
        nav.unfollow()
