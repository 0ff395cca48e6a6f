"""The changes staff make to a layout, each a value that turns into an exact
:class:`~exponav.core.layout.edit.Edit` against the layout as it is.

Booths: :class:`AddBooth`, :class:`RemoveBooth`, :class:`MoveBooth`, :class:`RotateBooth`,
:class:`ReshapeBooth`, :class:`ResizeBooth`, :class:`SplitBooth` (into a and b),
:class:`MergeBooths`. The show: :class:`SetStatus` (available, reserved, sold, blocked;
an optional price), :class:`Assign` and :class:`Unassign` an exhibitor. Other features:
:class:`MoveAmenity`, :class:`MoveKiosk`, :class:`MoveConnectorEnd`, :class:`EditZone`.

A change is checked against the layout when it becomes an edit, and a change that cannot
be made raises :class:`ChangeError` with one sentence saying why (an unknown code, a
polygon that is not valid, a split of a sold booth, a merge across levels ...). New
geometry is rounded to the centimetre, as the floor-plan files are, so what is saved is
what was checked.

>>> from exponav.core.layout import Layout
>>> layout = Layout.load()
>>> edit = layout.apply(MoveBooth("Q0210", 3, 0))
>>> layout.booth("Q0210").polygon.bounds[0] - edit.slots[0].before.polygon.bounds[0]
3.0
>>> _ = layout.apply(edit.inverse())
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import split

from exponav.core.errors import ExpoNavError
from exponav.core.layout.edit import STATUSES, BoothStatus, Edit, Slot
from exponav.core.model import Booth, ConnectorEnd, Exhibitor

if TYPE_CHECKING:
    from exponav.core.layout.layout import Layout

__all__ = ["KEEP_PRICE", "AddBooth", "Assign", "Change", "ChangeError", "EditZone", "MergeBooths",
           "MoveAmenity", "MoveBooth", "MoveConnectorEnd", "MoveKiosk", "RemoveBooth",
           "ReshapeBooth", "ResizeBooth", "RotateBooth", "SetStatus", "SplitBooth",
           "Unassign", "clean_polygon"]

DECIMALS = 2  # the floor-plan files hold centimetres
MIN_AREA_M2 = 0.25


class ChangeError(ExpoNavError):
    """A change that cannot be made to the layout as it is; nothing was changed."""


def _round(v: float) -> float:
    return round(float(v), DECIMALS) + 0.0  # + 0.0: never -0.0


def clean_polygon(poly: Any, what: str) -> Polygon:
    """``poly`` rounded to the centimetre, outer ring counter-clockwise; ChangeError when
    it is not one valid polygon of some area.

    >>> clean_polygon(Polygon([(0, 0), (3.004, 0), (3, 3), (0, 3)]), "booth").bounds
    (0.0, 0.0, 3.0, 3.0)
    """
    if not isinstance(poly, Polygon) or poly.is_empty:
        raise ChangeError(f"{what}: expected a polygon.")
    rounded = shapely.transform(poly, lambda xy: [[_round(x), _round(y)] for x, y in xy])
    rounded = shapely.remove_repeated_points(rounded)
    if not rounded.is_valid:
        reason = shapely.is_valid_reason(rounded)
        raise ChangeError(f"{what}: the polygon is not valid ({reason}).")
    if rounded.area < MIN_AREA_M2:
        raise ChangeError(f"{what}: the polygon has almost no area ({rounded.area:.2f} m²).")
    return orient(rounded, sign=1.0)


def _point(x: float, y: float) -> Point:
    return Point(_round(x), _round(y))


class Change:
    """Something to do to a layout; :meth:`edit` says exactly what, or why not."""

    op: ClassVar[str] = ""

    def edit(self, layout: Layout) -> Edit:  # pragma: no cover - every change has its own
        raise NotImplementedError

    def apply(self, layout: Layout) -> Edit:
        """Apply to ``layout``; returns the edit, whose ``inverse()`` undoes it."""
        return layout.apply(self)

    @property
    def label(self) -> str:
        """A few words for an undo menu or an error: ``move Q0311``."""
        subject = getattr(self, "code", None) or getattr(self, "id", None) or ""
        return f"{self.op} {subject}".strip()


def _booth_slot(layout: Layout, code: str, new: Booth | None) -> Slot:
    level, index, booth = layout.find(code)
    return Slot("booth", level, index, booth, new)


def _unused(layout: Layout, code: str, what: str) -> None:
    if layout.has_booth(code):
        raise ChangeError(f"{what}: booth {code} already exists.")


def _not_held(layout: Layout, code: str, doing: str) -> None:
    owner = layout.owner(code)
    status = layout.status(code).status
    if status == "sold":
        raise ChangeError(f"booth {code} is sold; set its status to available or reserved "
                          f"before you {doing} it.")
    if owner is not None and doing == "remove":
        raise ChangeError(f"booth {code} is assigned to {owner.id} ({owner.name}); unassign it "
                          "first.")
    sessions = layout.sessions_at(code)
    if sessions:
        raise ChangeError(f"booth {code} hosts session {sessions[0].id}; move the session "
                          f"before you {doing} the booth.")


def _owner_slots(layout: Layout, old: list[str], new: list[str]) -> list[Slot]:
    """Hand the booths ``old`` of their exhibitor to ``new`` (split, merge)."""
    owners = {ex.id: ex for code in old if (ex := layout.owner(code)) is not None}
    slots = []
    for ex in owners.values():
        booths: list[str] = []
        for code in ex.booths:
            if code in old:
                booths.extend(c for c in new if c not in booths)
            else:
                booths.append(code)
        slots.append(Slot("exhibitor", None, ex.id, ex, replace(ex, booths=tuple(booths))))
    return slots


def _status_slots(layout: Layout, old: list[str], new: list[str]) -> list[Slot]:
    first = next((s for c in old if (s := layout.explicit_status(c)) is not None), None)
    slots = [Slot("status", None, c, s, None) for c in old
             if (s := layout.explicit_status(c)) is not None and c not in new]
    if first is not None:
        slots += [Slot("status", None, c, layout.explicit_status(c), first) for c in new
                  if layout.explicit_status(c) != first]
    return slots


# -- booths ------------------------------------------------------------------------------

@dataclass(frozen=True)
class AddBooth(Change):
    """A new booth; ``level`` defaults to the level whose area letters hold its code."""

    code: str
    polygon: Polygon
    level: str | None = None
    type: str = "standard"
    zone: str | None = None
    op: ClassVar[str] = "add"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        _unused(layout, code, f"add {code}")
        level = self.level or layout.level_for_code(code)
        if level not in layout.venue.plans:
            raise ChangeError(f"add {code}: there is no level {level!r}.")
        poly = clean_polygon(self.polygon, f"add {code}")
        booth = Booth(code, level, code[0], self.type, poly, self.zone or None)
        index = len(layout.venue.plans[level].booths)
        return Edit((Slot("booth", level, index, None, booth),), self)


@dataclass(frozen=True)
class RemoveBooth(Change):
    code: str
    op: ClassVar[str] = "remove"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        layout.find(code)
        _not_held(layout, code, "remove")
        slots = [_booth_slot(layout, code, None)]
        if (s := layout.explicit_status(code)) is not None:
            slots.append(Slot("status", None, code, s, None))
        return Edit(tuple(slots), self)


def _regeometry(layout: Layout, code: str, poly: Polygon, change: Change,
                **fields: Any) -> Edit:
    level, index, booth = layout.find(code)
    new = replace(booth, polygon=clean_polygon(poly, f"{change.op} {code}"), **fields)
    return Edit((Slot("booth", level, index, booth, new),), change)


@dataclass(frozen=True)
class MoveBooth(Change):
    """Move by ``dx`` metres east and ``dy`` north."""

    code: str
    dx: float
    dy: float
    op: ClassVar[str] = "move"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        booth = layout.booth(code)
        return _regeometry(layout, code, affinity.translate(booth.polygon, self.dx, self.dy),
                           self)


@dataclass(frozen=True)
class RotateBooth(Change):
    """Turn ``deg`` degrees counter-clockwise about ``about`` (default: its centre)."""

    code: str
    deg: float
    about: tuple[float, float] | None = None
    op: ClassVar[str] = "rotate"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        booth = layout.booth(code)
        origin: Any = Point(self.about) if self.about is not None else "centroid"
        return _regeometry(layout, code, affinity.rotate(booth.polygon, self.deg,
                                                         origin=origin), self)


@dataclass(frozen=True)
class ReshapeBooth(Change):
    """A new outline (and optionally a new type)."""

    code: str
    polygon: Polygon
    type: str | None = None
    op: ClassVar[str] = "reshape"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        layout.find(code)
        fields = {"type": self.type} if self.type else {}
        return _regeometry(layout, code, self.polygon, self, **fields)


_ANCHORS = ("sw", "se", "nw", "ne", "center")


@dataclass(frozen=True)
class ResizeBooth(Change):
    """Scale so that its bounding box is ``width`` (east-west) by ``depth`` (north-south)
    metres, the corner ``anchor`` (sw, se, nw, ne or center) staying where it is."""

    code: str
    width: float
    depth: float
    anchor: str = "sw"
    op: ClassVar[str] = "resize"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        booth = layout.booth(code)
        if self.anchor not in _ANCHORS:
            raise ChangeError(f"resize {code}: anchor must be one of {', '.join(_ANCHORS)}.")
        if not (self.width > 0 and self.depth > 0):
            raise ChangeError(f"resize {code}: width and depth must be positive.")
        x0, y0, x1, y1 = booth.polygon.bounds
        ox = {"sw": x0, "nw": x0, "se": x1, "ne": x1}.get(self.anchor, (x0 + x1) / 2)
        oy = {"sw": y0, "se": y0, "nw": y1, "ne": y1}.get(self.anchor, (y0 + y1) / 2)
        scaled = affinity.scale(booth.polygon, self.width / (x1 - x0), self.depth / (y1 - y0),
                                origin=(ox, oy))
        return _regeometry(layout, code, scaled, self)


@dataclass(frozen=True)
class SplitBooth(Change):
    """Cut into halves ``a`` (west or south) and ``b``, across its longer side (or along
    ``axis``: "x" cuts with a north-south line, "y" with an east-west one)."""

    code: str
    parts: int = 2
    axis: str | None = None
    op: ClassVar[str] = "split"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        level, index, booth = layout.find(code)
        if self.parts != 2:
            raise ChangeError(f"split {code}: a booth splits into two halves, a and b.")
        if code[-1] in "ab":
            raise ChangeError(f"split {code}: it is already half of a split booth.")
        _not_held(layout, code, "split")
        codes = [code + "a", code + "b"]
        for c in codes:
            _unused(layout, c, f"split {code}")
        x0, y0, x1, y1 = booth.polygon.bounds
        axis = self.axis or ("x" if x1 - x0 >= y1 - y0 else "y")
        if axis not in ("x", "y"):
            raise ChangeError(f"split {code}: axis must be x or y.")
        if axis == "x":
            mid = _round((x0 + x1) / 2)
            blade = LineString([(mid, y0 - 1), (mid, y1 + 1)])
        else:
            mid = _round((y0 + y1) / 2)
            blade = LineString([(x0 - 1, mid), (x1 + 1, mid)])
        pieces = [g for g in split(booth.polygon, blade).geoms if isinstance(g, Polygon)]
        if len(pieces) != 2:
            raise ChangeError(f"split {code}: the cut through its middle does not give two "
                              "pieces; reshape it first.")
        pieces.sort(key=lambda g: (g.centroid.x, g.centroid.y) if axis == "x"
                    else (g.centroid.y, g.centroid.x))
        halves = [Booth(c, level, booth.area, booth.type,
                        clean_polygon(g, f"split {code}"), booth.zone)
                  for c, g in zip(codes, pieces, strict=True)]
        slots = [Slot("booth", level, index, booth, None),
                 Slot("booth", level, index, None, halves[0]),
                 Slot("booth", level, index + 1, None, halves[1])]
        slots += _owner_slots(layout, [code], codes)
        slots += _status_slots(layout, [code], codes)
        return Edit(tuple(slots), self)


@dataclass(frozen=True)
class MergeBooths(Change):
    """Join touching booths of one level into one booth ``code`` (one of them, or new)."""

    codes: tuple[str, ...]
    code: str
    type: str | None = None
    op: ClassVar[str] = "merge"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        codes = list(dict.fromkeys(layout.code(c) for c in self.codes))
        if len(codes) < 2:
            raise ChangeError(f"merge {code}: name at least two booths to merge.")
        found = [layout.find(c) for c in codes]
        levels = sorted({lv for lv, _, _ in found})
        if len(levels) > 1:
            raise ChangeError(f"merge {code}: booths {', '.join(codes)} are on {len(levels)} "
                              f"levels ({', '.join(levels)}); only booths on one level merge.")
        if code not in codes:
            _unused(layout, code, f"merge {code}")
        owners = {ex.id for c in codes if (ex := layout.owner(c)) is not None}
        if len(owners) > 1:
            raise ChangeError(f"merge {code}: the booths belong to {len(owners)} exhibitors "
                              f"({', '.join(sorted(owners))}); unassign them first.")
        for c in codes:
            if layout.sessions_at(c):
                raise ChangeError(f"merge {code}: booth {c} hosts session "
                                  f"{layout.sessions_at(c)[0].id}; move the session first.")
        union = shapely.union_all([b.polygon for _, _, b in found])
        if not isinstance(union, Polygon):
            raise ChangeError(f"merge {code}: booths {', '.join(codes)} do not touch into one "
                              "polygon.")
        level = levels[0]
        found.sort(key=lambda f: f[1])
        first = found[0][2]
        keep = next((b for _, _, b in found if b.code == code), first)
        merged = Booth(code, level, code[0], self.type or keep.type,
                       clean_polygon(union, f"merge {code}"), keep.zone)
        slots = [Slot("booth", level, found[0][1], first, merged)]
        slots += [Slot("booth", level, i, b, None) for _, i, b in reversed(found[1:])]
        slots += _owner_slots(layout, codes, [code])
        slots += _status_slots(layout, codes, [code])
        return Edit(tuple(slots), self)


# -- the show ----------------------------------------------------------------------------

#: SetStatus's price when none is given: the price stays as it was.
KEEP_PRICE: Any = object()


@dataclass(frozen=True)
class SetStatus(Change):
    """available, reserved, sold or blocked; ``price`` left as it was unless given."""

    code: str
    status: str
    price: Any = KEEP_PRICE
    op: ClassVar[str] = "status"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        layout.find(code)
        if self.status not in STATUSES:
            raise ChangeError(f"status {code}: {self.status!r} is not a status; use "
                              f"{', '.join(STATUSES)}.")
        before = layout.explicit_status(code)
        price = (before.price if before else None) if self.price is KEEP_PRICE else self.price
        if price is not None and (isinstance(price, bool) or not isinstance(price, int | float)
                                  or not math.isfinite(price) or price < 0):
            raise ChangeError(f"status {code}: the price must be a number of at least 0.")
        after = BoothStatus(self.status, None if price is None else float(price))
        if after == before:
            return Edit((), self)
        return Edit((Slot("status", None, code, before, after),), self)


@dataclass(frozen=True)
class Assign(Change):
    """Give booth ``code`` to exhibitor ``exhibitor`` (added after its other booths)."""

    code: str
    exhibitor: str
    op: ClassVar[str] = "assign"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        layout.find(code)
        ex = layout.show.exhibitors.get(self.exhibitor)
        if ex is None:
            raise ChangeError(f"assign {code}: there is no exhibitor {self.exhibitor!r}.")
        owner = layout.owner(code)
        if owner is not None and owner.id == ex.id:
            return Edit((), self)
        if owner is not None:
            raise ChangeError(f"assign {code}: the booth is assigned to {owner.id} "
                              f"({owner.name}); unassign it first.")
        if layout.status(code).status == "blocked":
            raise ChangeError(f"assign {code}: the booth is blocked; set another status first.")
        new = replace(ex, booths=(*ex.booths, code))
        return Edit((Slot("exhibitor", None, ex.id, ex, new),), self)


@dataclass(frozen=True)
class Unassign(Change):
    """Take booth ``code`` from its exhibitor (nothing when it has none)."""

    code: str
    op: ClassVar[str] = "unassign"

    def edit(self, layout: Layout) -> Edit:
        code = layout.code(self.code)
        layout.find(code)
        ex = layout.owner(code)
        if ex is None:
            return Edit((), self)
        new: Exhibitor = replace(ex, booths=tuple(c for c in ex.booths if c != code))
        return Edit((Slot("exhibitor", None, ex.id, ex, new),), self)


# -- amenities, kiosks, connectors, zones ------------------------------------------------

def _moved(x: float | None, y: float | None, dx: float, dy: float, p: Point) -> Point:
    return _point(p.x + dx if x is None else x, p.y + dy if y is None else y)


@dataclass(frozen=True)
class MoveAmenity(Change):
    """Move to (x, y), or by (dx, dy)."""

    id: str
    x: float | None = None
    y: float | None = None
    dx: float = 0.0
    dy: float = 0.0
    op: ClassVar[str] = "move_amenity"

    def edit(self, layout: Layout) -> Edit:
        level, index, a = layout.find_feature("amenity", self.id)
        new = replace(a, point=_moved(self.x, self.y, self.dx, self.dy, a.point))
        return Edit((Slot("amenity", level, index, a, new),), self)


@dataclass(frozen=True)
class MoveKiosk(Change):
    """Move to (x, y) or by (dx, dy); ``heading_deg`` turns it."""

    id: str
    x: float | None = None
    y: float | None = None
    dx: float = 0.0
    dy: float = 0.0
    heading_deg: float | None = None
    op: ClassVar[str] = "move_kiosk"

    def edit(self, layout: Layout) -> Edit:
        level, index, k = layout.find_feature("kiosk", self.id)
        heading = k.heading_deg if self.heading_deg is None else float(self.heading_deg) % 360.0
        new = replace(k, point=_moved(self.x, self.y, self.dx, self.dy, k.point),
                      heading_deg=heading)
        return Edit((Slot("kiosk", level, index, k, new),), self)


@dataclass(frozen=True)
class MoveConnectorEnd(Change):
    """Move connector ``id``'s end on ``level`` (venue.json, and its point on the plan)."""

    id: str
    level: str
    x: float | None = None
    y: float | None = None
    dx: float = 0.0
    dy: float = 0.0
    op: ClassVar[str] = "move_connector"

    def edit(self, layout: Layout) -> Edit:
        venue = layout.venue
        index = next((i for i, c in enumerate(venue.connectors) if c.id == self.id), None)
        if index is None:
            known = ", ".join(c.id for c in venue.connectors)
            raise ChangeError(f"move_connector: there is no connector {self.id!r}; the "
                              f"connectors are {known}.")
        conn = venue.connectors[index]
        ends = [i for i, e in enumerate(conn.ends) if e.level == self.level]
        if not ends:
            levels = ", ".join(e.level for e in conn.ends)
            raise ChangeError(f"move_connector {self.id}: it has no end on {self.level!r}; its "
                              f"ends are on {levels}.")
        end = conn.ends[ends[0]]
        p = _moved(self.x, self.y, self.dx, self.dy, Point(end.x, end.y))
        new_ends = list(conn.ends)
        new_ends[ends[0]] = ConnectorEnd(self.level, p.x, p.y)
        slots = [Slot("connector", None, index, conn, replace(conn, ends=tuple(new_ends)))]
        drawn = venue.plans[self.level].connector_points.get(self.id)
        if drawn is not None:
            slots.append(Slot("connector_point", self.level, self.id, drawn, p))
        return Edit(tuple(slots), self)


@dataclass(frozen=True)
class EditZone(Change):
    """A zone's new outline, names or category (what is not given stays)."""

    id: str
    polygon: Polygon | None = None
    name: str | None = None
    name_zh: str | None = None
    category: str | None = None
    op: ClassVar[str] = "zone"

    def edit(self, layout: Layout) -> Edit:
        level, index, z = layout.find_feature("zone", self.id)
        fields: dict[str, Any] = {}
        if self.polygon is not None:
            fields["polygon"] = clean_polygon(self.polygon, f"zone {self.id}")
        for key in ("name", "name_zh", "category"):
            if getattr(self, key) is not None:
                fields[key] = getattr(self, key)
        new = replace(z, **fields)
        if new == z:
            return Edit((), self)
        return Edit((Slot("zone", level, index, z, new),), self)
