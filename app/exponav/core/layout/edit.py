"""A change as applied: every value it replaced, before and after, so that it can be
undone exactly.

An :class:`Edit` is a list of :class:`Slot` s, each one place of the layout (a booth at
an index of a level's list, an amenity, kiosk or zone, a connector, a connector's point
on a plan, an exhibitor, a booth's sales status) with its value before and after. A
``None`` before inserts, a ``None`` after removes. Applying checks that every slot still
holds its value before, so an edit made for one state never lands on another;
:meth:`Edit.inverse` swaps before and after in reverse order, which restores the layout
bit for bit (floating point included: nothing is recomputed).

>>> from shapely.geometry import box
>>> from exponav.core.model import Booth
>>> a = Booth("Q0101", "L1", "Q", "standard", box(0, 0, 3, 3))
>>> b = Booth("Q0101", "L1", "Q", "standard", box(3, 0, 6, 3))
>>> edit = Edit((Slot("booth", "L1", 0, a, b),))
>>> edit.inverse().slots[0].after is a
True
>>> sorted(edit.codes), sorted(edit.levels)
(['Q0101'], ['L1'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from exponav.core.model import Booth, Zone

__all__ = ["KINDS", "BoothStatus", "Edit", "Slot"]

#: What a slot can hold: kind -> where its key points.
KINDS = {
    "booth": "index in the level's booths",
    "amenity": "index in the level's amenities",
    "kiosk": "index in the level's kiosks",
    "zone": "index in the level's zones",
    "connector_point": "connector id on the level's plan",
    "connector": "index in the venue's connectors",
    "exhibitor": "exhibitor id",
    "status": "booth code",
}

STATUSES = ("available", "reserved", "sold", "blocked")


@dataclass(frozen=True)
class BoothStatus:
    """How far a booth is sold, and for how much (optional, in the show's currency)."""

    status: str  # available | reserved | sold | blocked
    price: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "price": self.price}


@dataclass(frozen=True)
class Slot:
    """One place of the layout and its value before and after."""

    kind: str
    level: str | None  # the level for plan features; None for venue or show values
    key: Any  # an index or an id, see KINDS
    before: Any
    after: Any

    def swapped(self) -> Slot:
        return Slot(self.kind, self.level, self.key, self.after, self.before)


@dataclass(frozen=True)
class Edit:
    """A change as applied; ``source`` is the change (or changes) it came from."""

    slots: tuple[Slot, ...]
    source: Any = None

    op = "edit"
    label = "edit"

    def edit(self, layout: Any) -> Edit:
        """An edit is already concrete: applying it again checks it still fits."""
        return self

    def apply(self, layout: Any) -> Edit:
        return layout.apply(self)

    def inverse(self) -> Edit:
        """The edit that undoes this one exactly."""
        return Edit(tuple(s.swapped() for s in reversed(self.slots)), ("undo", self.source))

    @property
    def levels(self) -> frozenset[str]:
        """Levels whose plans changed (connector ends count on their levels)."""
        out = {s.level for s in self.slots if s.level is not None}
        for s in self.slots:
            if s.kind == "connector":
                for c in (s.before, s.after):
                    out.update(e.level for e in c.ends)
        return frozenset(out)

    @property
    def codes(self) -> frozenset[str]:
        """Booth codes touched: booths added, removed or changed, and booths whose owner
        or sales status changed."""
        out: set[str] = set()
        for s in self.slots:
            if s.kind == "booth":
                out.update(b.code for b in (s.before, s.after) if b is not None)
            elif s.kind == "status":
                out.add(s.key)
            elif s.kind == "exhibitor":
                before = set(s.before.booths) if s.before is not None else set()
                after = set(s.after.booths) if s.after is not None else set()
                out.update(before ^ after)
        return frozenset(out)

    @property
    def connectors(self) -> frozenset[str]:
        return frozenset(s.after.id if s.after is not None else s.before.id
                         for s in self.slots if s.kind == "connector")

    @property
    def text(self) -> bool:
        """Whether what search finds changed: a booth added or removed, or its code, zone
        or level; an exhibitor's booths; a zone's or amenity's names."""
        for s in self.slots:
            if s.kind == "exhibitor":
                return True
            if s.kind == "booth":
                a, b = s.before, s.after
                if a is None or b is None or _booth_text(a) != _booth_text(b):
                    return True
            if s.kind == "zone" and _zone_text(s.before) != _zone_text(s.after):
                return True
            if s.kind == "amenity" and (s.before.name, s.before.name_zh, s.before.category) != (
                    s.after.name, s.after.name_zh, s.after.category):
                return True
        return False


def _booth_text(b: Booth) -> tuple[str, str, str | None]:
    return b.code, b.level, b.zone


def _zone_text(z: Zone) -> tuple[str, str]:
    return z.name, z.name_zh
