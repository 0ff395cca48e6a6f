"""How a Navigator follows an editable layout: after each change the layout makes, its
lookups, spatial index, search index and router levels answer for the new layout, each
brought up to date by what the change touched (docs/ARCHITECTURE.md, "How an edit
scales").

:class:`FollowsLayout` is the Navigator's part that does it; it works on the
Navigator's own state (venue, show, lookups, searcher, router).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exponav.core.model import Exhibitor
from exponav.core.search.searcher import Searcher
from exponav.core.spatial import SpatialIndex

if TYPE_CHECKING:
    from exponav.core.events import LayoutChanged
    from exponav.core.layout import Layout
    from exponav.core.search.index import SearchDoc
    from exponav.core.search.live import LiveSearch

__all__ = ["FollowsLayout"]

#: What an edit may change for its search documents to be worked out one by one.
_PATCHED_KINDS = frozenset({"booth", "status", "exhibitor", "amenity", "kiosk",
                            "connector_point"})


class FollowsLayout:
    """The Navigator's following of a :class:`~exponav.core.layout.Layout`."""

    def follow(self, layout: Layout) -> None:
        """Answer for ``layout`` from now on: its venue and show become this Navigator's,
        and after every change it makes, booth, booth_at, place, nearest, search, route
        and itinerary answer for the new layout (lookups and the spatial index of the
        levels touched, the search index when what it finds changed, the router's levels,
        rebuilt incrementally under its lock)."""
        self.unfollow()
        if layout.venue is not self.venue or layout.show is not self.show:
            self.venue, self.show = layout.venue, layout.show
            self._sessions = {s.id.upper(): s for s in self.show.sessions}
            self.spatial = SpatialIndex(self.venue)
            self.searcher = self._fresh_searcher()
            self._router = None
            self._refresh_lookups(set(self.venue.plans))
        elif self._live_search is None:  # the first edit then changes only what it touched
            self.searcher = self._fresh_searcher()
        self._unfollow = layout.changed.connect(self._layout_changed)

    def unfollow(self) -> None:
        """Stop following a layout (the answers stay those of its last state)."""
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    def _layout_changed(self, event: LayoutChanged) -> None:
        levels = set(event.levels) & set(self.venue.plans)
        if not self._refresh_some(event, levels):
            self._refresh_lookups(levels)
        for level in levels:
            self.spatial.rebuild_level(self.venue, level)
        if event.text:
            self.searcher = self._updated_searcher(event)
        if self._router is not None:
            for level in levels:
                self._router.rebuild_level(level)
            if event.connectors:  # the router links ends across levels by these objects
                self._router.connectors_changed()

    def _refresh_some(self, event: LayoutChanged, levels: set[str]) -> bool:
        """The lookups brought up to date for an edit of booths and sales by what it
        touched alone (a level's booths, not the venue's); False when the edit is of
        another kind, or touches a code two levels have, for :meth:`_refresh_lookups`."""
        slots = getattr(event.change, "slots", None)
        if slots is None or any(s.kind not in ("booth", "status", "exhibitor") for s in slots):
            return False
        codes = {b.code for s in slots if s.kind == "booth"
                 for b in (s.before, s.after) if b is not None}
        if any(c in self._booths and self._booths[c].level not in levels for c in codes):
            return False  # a code on a level the edit did not touch too: found afresh
        sold = any(s.kind == "exhibitor" for s in slots)
        if sold:
            self._set_owners()
        for c in codes:
            self._booths.pop(c, None)
        for lv in self.venue.levels:  # in the venue's order: the last booth of a code wins
            if lv in levels:
                for b in self.venue.plans[lv].booths:
                    if b.code in codes:
                        self._booths[b.code] = b
        if sold or any(c in self._owner for c in codes):
            self._set_show_levels()
        self.forget_walking_orders()
        return True

    def _set_owners(self) -> None:
        self._owner: dict[str, Exhibitor] = {}
        self._holders: dict[str, list[str]] = {}  # code -> every exhibitor that lists it
        for ex in self.show.exhibitors.values():
            for code in ex.booths:
                self._owner[code] = ex
                self._holders.setdefault(code, []).append(ex.id)

    def _set_show_levels(self) -> None:
        in_use = {self._booths[c].level for c in self._owner if c in self._booths}
        self._show_levels = [lv for lv in self.venue.levels if lv in in_use]

    def _refresh_lookups(self, levels: set[str]) -> None:
        plans = self.venue.plans.values()
        self._set_owners()
        self._booths = {b.code: b for b in self.venue.booths()}
        self._zones = {z.id: z for p in plans for z in p.zones}
        self._amenities = {a.id: a for p in plans for a in p.amenities}
        self._openings = {o.id: o for p in plans for o in p.openings}
        self._connector_kinds = {c.id: c.kind for c in self.venue.connectors}
        self._set_show_levels()
        self.forget_walking_orders()  # services are reached by other ways now
        if levels:  # in the venue's order, as a Navigator opened on the result has them
            self._places = {}
            for plan in plans:
                self._index_places(plan)

    def _fresh_searcher(self) -> Searcher:
        """A search index over the venue and show as they are now (in memory), kept up to
        date by :meth:`_updated_searcher`."""
        from exponav.core.search.documents import search_documents
        from exponav.core.search.live import LiveSearch

        docs = search_documents(self.venue, self.show)
        self._live_search = self._seeded_search(docs) or LiveSearch(docs)
        return self._live_search.searcher

    def _seeded_search(self, docs: list[SearchDoc]) -> LiveSearch | None:
        """The live index taken over from the data file's search index, when the data
        file's documents are these (an editor opened on the folders the file was just
        built from): a large show's names need not be analysed again (about half a
        minute for 60,000 booths); None when they differ or the file cannot say."""
        import sqlite3

        from exponav.core.search.index import read_index, stored_documents
        from exponav.core.search.live import LiveSearch

        data = getattr(self, "data", None)
        if data is None:
            return None
        try:
            rows, fields = read_index(data.conn)
            return LiveSearch.seeded(rows, fields, stored_documents(data.conn), docs)
        except (sqlite3.Error, ValueError):
            return None

    def _updated_searcher(self, event: LayoutChanged | None = None) -> Searcher:
        """The search index with the documents that changed since the last taken out and
        put in again: for an edit of booths, sales and amenities, only the documents it
        can change are derived (:meth:`_search_patch`); otherwise every document is, and
        those that differ are replaced."""
        from exponav.core.search.documents import search_documents

        if self._live_search is None:
            return self._fresh_searcher()
        patch = None if event is None else self._search_patch(event)
        if patch is not None:
            got = self._live_search.replace(*patch)
            if got is not None:
                return got
        return self._live_search.update(search_documents(self.venue, self.show))

    def _search_patch(self, event: LayoutChanged) -> tuple[
            list[tuple[str, str]], list[SearchDoc], dict[str, str]] | None:
        """(keys out, documents in, booth levels) for ``event``'s edit, or None when it
        changed something (a zone, a connector) whose documents are not worked out one by
        one. A booth's document depends on the booth and its owner; an exhibitor's on its
        booths: the booths touched, every booth of an exhibitor changed, and every
        exhibitor that lists a booth touched, before or after."""
        from exponav.core.search.documents import some_documents

        slots = getattr(event.change, "slots", None)
        if slots is None or any(s.kind not in _PATCHED_KINDS for s in slots):
            return None
        codes = set(event.codes)
        exhibitors: set[str] = set()
        amenities: set[str] = set()
        for s in slots:
            if s.kind == "exhibitor":
                for ex in (s.before, s.after):
                    if ex is not None:
                        exhibitors.add(ex.id)
                        codes.update(ex.booths)
            elif s.kind == "amenity":
                amenities.update(a.id for a in (s.before, s.after) if a is not None)
        exhibitors.update(i for c in codes for i in self._holders.get(c, ()))
        docs = some_documents(self.venue, self.show, self._booths, self._owner,
                              booth_codes=sorted(codes), exhibitor_ids=sorted(exhibitors),
                              amenity_ids=sorted(amenities))
        keys = [*(("booth", c) for c in codes), *(("exhibitor", i) for i in exhibitors),
                *(("amenity", a) for a in amenities)]
        levels = {c: self._booths[c].level for d in docs if d.kind == "exhibitor"
                  for c in d.booths if c in self._booths}
        return keys, docs, levels
