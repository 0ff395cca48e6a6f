"""What the search index holds: one document per exhibitor, booth, amenity, opening and
connector end."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from exponav.core.model import (
    AMENITY_LABELS,
    Amenity,
    Booth,
    Category,
    Exhibitor,
    Opening,
    ShowData,
    Venue,
    Zone,
)
from exponav.core.search.index import SearchDoc

__all__ = ["search_documents", "some_documents"]


def _owners(show: ShowData) -> dict[str, Exhibitor]:
    return {code: ex for ex in show.exhibitors.values() for code in ex.booths}


def _category_text(show: ShowData, ids: Iterable[str]) -> str:
    cats = [show.categories.get(c, Category(c, c, "")) for c in ids]
    return " ".join(f"{c.name} {c.name_zh}" for c in cats)


def search_documents(venue: Venue, show: ShowData) -> list[SearchDoc]:
    """What the search index holds: every exhibitor, booth, amenity, opening (as an
    amenity) and connector end."""
    owners = _owners(show)
    booth_level = {b.code: b.level for b in venue.booths()}
    booth_zone = {b.code: b.zone for b in venue.booths()}
    zones = _zones(venue)
    docs = [_exhibitor_document(show, ex, zones, booth_level, booth_zone)
            for ex in show.exhibitors.values()]
    for plan in venue.plans.values():
        docs.extend(_booth_document(show, b, owners.get(b.code), zones) for b in plan.booths)
        docs.extend(_amenity_document(a) for a in plan.amenities)
        for o in plan.openings:
            categories = _opening_categories(o)
            en, zh = AMENITY_LABELS[categories[0]]
            docs.append(SearchDoc(kind="amenity", id=o.id, name=o.name or en,
                                  name_zh=o.name_zh or zh, booths=(), level=o.level,
                                  categories=categories, keywords=" ".join(
                                      " ".join(AMENITY_LABELS[c]) for c in categories)))
    docs.extend(_connector_documents(venue))
    return docs


def some_documents(venue: Venue, show: ShowData, booths: Mapping[str, Booth],
                   owners: Mapping[str, Exhibitor], *, booth_codes: Iterable[str] = (),
                   exhibitor_ids: Iterable[str] = (), amenity_ids: Iterable[str] = (),
                   ) -> list[SearchDoc]:
    """The documents :func:`search_documents` gives for these booths, exhibitors and
    amenities that exist (the same values, without deriving the others). ``booths`` and
    ``owners`` are code -> booth and code -> the exhibitor a booth is sold to, as
    :func:`search_documents` finds them (the last exhibitor that lists the code)."""
    zones = _zones(venue)
    level = _Field(booths, "level")
    zone = _Field(booths, "zone")
    docs = [_exhibitor_document(show, show.exhibitors[i], zones, level, zone)
            for i in dict.fromkeys(exhibitor_ids) if i in show.exhibitors]
    docs.extend(_booth_document(show, booths[c], owners.get(c), zones)
                for c in dict.fromkeys(booth_codes) if c in booths)
    wanted = set(amenity_ids)
    if wanted:
        docs.extend(_amenity_document(a) for plan in venue.plans.values()
                    for a in plan.amenities if a.id in wanted)
    return docs


class _Field(Mapping[str, Any]):
    """code -> one attribute of the booth (a view, nothing copied)."""

    def __init__(self, booths: Mapping[str, Booth], name: str) -> None:
        self._booths, self._name = booths, name

    def __getitem__(self, code: str) -> Any:
        return getattr(self._booths[code], self._name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._booths)

    def __len__(self) -> int:
        return len(self._booths)


def _zones(venue: Venue) -> dict[str, Zone]:
    return {z.id: z for plan in venue.plans.values() for z in plan.zones}


def _exhibitor_document(show: ShowData, ex: Exhibitor, zones: Mapping[str, Zone],
                        booth_level: Mapping[str, str],
                        booth_zone: Mapping[str, str | None]) -> SearchDoc:
    """An exhibitor: its names, its categories, country, description and the names of the
    zones its booths are in (in the order of the zones' ids)."""
    in_zones = sorted({z for c in ex.booths if c in booth_zone
                       for z in (booth_zone[c],) if z in zones})
    zone_names = " ".join(f"{zones[z].name} {zones[z].name_zh}" for z in in_zones)
    return SearchDoc(
        kind="exhibitor", id=ex.id, name=ex.name, name_zh=ex.name_zh, booths=ex.booths,
        level=booth_level.get(ex.booths[0]) if ex.booths else None,
        categories=ex.categories,
        keywords=" ".join([_category_text(show, ex.categories), ex.country, zone_names,
                           ex.description, ex.description_zh]))


def _booth_document(show: ShowData, b: Booth, ex: Exhibitor | None,
                    zones: Mapping[str, Zone]) -> SearchDoc:
    """A booth, named as the exhibitor it is sold to."""
    zone = zones.get(b.zone or "")
    return SearchDoc(
        kind="booth", id=b.code, name=ex.name if ex else "",
        name_zh=ex.name_zh if ex else "", booths=(b.code,), level=b.level,
        categories=ex.categories if ex else (),
        keywords=" ".join(filter(None, [
            _category_text(show, ex.categories) if ex else "",
            f"{zone.name} {zone.name_zh}" if zone else ""])))


def _amenity_document(a: Amenity) -> SearchDoc:
    en, zh = AMENITY_LABELS.get(a.category, (a.category, ""))
    return SearchDoc(kind="amenity", id=a.id, name=a.name or en, name_zh=a.name_zh or zh,
                     booths=(), level=a.level, categories=(a.category,),
                     keywords=f"{en} {zh}")


def _opening_categories(o: Opening) -> tuple[str, ...]:
    """A door visitors use is an entrance and an exit; an emergency exit is only that (for
    an evacuation, not for the way out)."""
    return ("emergencyexit",) if o.category == "emergencyexit" else ("entrance", "exit")


def _connector_documents(venue: Venue) -> list[SearchDoc]:
    """One document per end of each escalator, elevator, stairs or walkway: the end on the
    visitor's level is the one to walk to (id ``ES-H2-A@H2-1F``, as Navigator.place)."""
    docs = []
    for c in venue.connectors:
        en, zh = AMENITY_LABELS.get(c.kind, (c.kind, ""))
        for end in c.ends:
            if end.level not in venue.plans:
                continue
            docs.append(SearchDoc(kind="connector", id=f"{c.id}@{end.level}",
                                  name=c.name or en, name_zh=c.name_zh or zh, booths=(),
                                  level=end.level, categories=(c.kind,),
                                  keywords=f"{en} {zh} {c.id}"))
    return docs
