"""What the search index holds: one document per exhibitor, booth, amenity, opening and
connector end."""

from __future__ import annotations

from collections.abc import Iterable

from exponav.core.model import AMENITY_LABELS, Category, Exhibitor, Opening, ShowData, Venue
from exponav.core.search.index import SearchDoc

__all__ = ["search_documents"]


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
    zones = {z.id: z for plan in venue.plans.values() for z in plan.zones}
    holders: dict[str, list[str]] = {}
    for ex in show.exhibitors.values():
        for code in dict.fromkeys(ex.booths):
            holders.setdefault(code, []).append(ex.id)
    ex_zones: dict[str, set[str]] = {}  # each exhibitor's zones, added in plan order
    for p in venue.plans.values():
        for b in p.booths:
            if b.zone in zones:
                for ex_id in holders.get(b.code, ()):
                    ex_zones.setdefault(ex_id, set()).add(b.zone)
    docs: list[SearchDoc] = []
    for ex in show.exhibitors.values():
        zone_names = " ".join(f"{zones[z].name} {zones[z].name_zh}"
                              for z in ex_zones.get(ex.id, ()))
        docs.append(SearchDoc(
            kind="exhibitor", id=ex.id, name=ex.name, name_zh=ex.name_zh, booths=ex.booths,
            level=booth_level.get(ex.booths[0]) if ex.booths else None,
            categories=ex.categories,
            keywords=" ".join([_category_text(show, ex.categories), ex.country, zone_names,
                               ex.description, ex.description_zh])))
    for plan in venue.plans.values():
        for b in plan.booths:
            ex = owners.get(b.code)
            zone = zones.get(b.zone or "")
            docs.append(SearchDoc(
                kind="booth", id=b.code, name=ex.name if ex else "",
                name_zh=ex.name_zh if ex else "", booths=(b.code,), level=b.level,
                categories=ex.categories if ex else (),
                keywords=" ".join(filter(None, [
                    _category_text(show, ex.categories) if ex else "",
                    f"{zone.name} {zone.name_zh}" if zone else ""]))))
        for a in plan.amenities:
            en, zh = AMENITY_LABELS.get(a.category, (a.category, ""))
            docs.append(SearchDoc(kind="amenity", id=a.id, name=a.name or en,
                                  name_zh=a.name_zh or zh, booths=(), level=a.level,
                                  categories=(a.category,), keywords=f"{en} {zh}"))
        for o in plan.openings:
            categories = _opening_categories(o)
            en, zh = AMENITY_LABELS[categories[0]]
            docs.append(SearchDoc(kind="amenity", id=o.id, name=o.name or en,
                                  name_zh=o.name_zh or zh, booths=(), level=o.level,
                                  categories=categories, keywords=" ".join(
                                      " ".join(AMENITY_LABELS[c]) for c in categories)))
    docs.extend(_connector_documents(venue))
    return docs


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
