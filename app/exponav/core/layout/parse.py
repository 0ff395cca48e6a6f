"""Changes written as JSON (``exponav layout apply CHANGES.json``), read into
:mod:`~exponav.core.layout.changes` values; every mistake is one sentence naming the
change by its index (from 0).

One object per change, with its ``op`` and its fields::

    {"op": "add", "code": "Q1301", "polygon": [[0, 0], [3, 0], [3, 3], [0, 3]],
     "type": "standard", "level": "H2-1F", "zone": null}     level, type, zone optional
    {"op": "remove", "code": "Q0311"}
    {"op": "move", "code": "Q0311", "dx": 3, "dy": 0}         metres east and north
    {"op": "rotate", "code": "Q0311", "deg": 90}              counter-clockwise; "about": [x, y]
    {"op": "reshape", "code": "Q0311", "polygon": [[x, y], ...]}         "type" optional
    {"op": "resize", "code": "Q0311", "width": 6, "depth": 3}  "anchor": sw|se|nw|ne|center
    {"op": "split", "code": "Q0311", "parts": 2}              "axis": x|y optional
    {"op": "merge", "codes": ["Q0311", "Q0313"], "code": "Q0311"}
    {"op": "status", "code": "Q0311", "status": "sold"}       "price": a number or null
    {"op": "assign", "code": "Q0311", "exhibitor": "EX0001"}
    {"op": "unassign", "code": "Q0311"}
    {"op": "move_amenity", "id": "WC-H2-1F-1", "x": 17, "y": 9}          or "dx", "dy"
    {"op": "move_kiosk", "id": "K-H2-1F-2", "dx": 1, "dy": 0}  "heading_deg" optional
    {"op": "move_connector", "id": "EL-H2-A", "level": "H2-1F", "x": 70.5, "y": 9}
    {"op": "zone", "id": "ZONE-TAIPEI", "names": {"en": "...", "zh-Hant": "..."}}
                                                              "polygon", "category" optional

>>> [c.label for c in changes_from_json([{"op": "move", "code": "q311", "dx": 3, "dy": 0}])]
['move q311']
>>> changes_from_json([{"op": "mvoe", "code": "Q0311"}])
Traceback (most recent call last):
...
exponav.core.layout.changes.ChangeError: change 0: unknown op 'mvoe'; did you mean move?
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from typing import Any

from shapely.geometry import Polygon

from exponav.core.layout import changes as ch
from exponav.core.layout.changes import Change, ChangeError

__all__ = ["OPS", "changes_from_json"]


class _Fields:
    """The fields of one change, each read once and checked for its type."""

    def __init__(self, i: int, op: str, doc: dict[str, Any]) -> None:
        self.where = f"change {i} ({op})"
        self.doc = doc
        self.used = {"op"}

    def _bad(self, key: str, what: str) -> ChangeError:
        return ChangeError(f"{self.where}: {key!r} must be {what}.")

    def has(self, key: str) -> bool:
        return key in self.doc

    def text(self, key: str, default: Any = ..., none: bool = False) -> Any:
        self.used.add(key)
        if key not in self.doc:
            if default is ...:
                raise ChangeError(f"{self.where}: {key!r} is missing.")
            return default
        v = self.doc[key]
        if v is None and none:
            return None
        if not isinstance(v, str) or not v.strip():
            raise self._bad(key, "a text")
        return v.strip()

    def number(self, key: str, default: Any = ..., none: bool = False) -> Any:
        self.used.add(key)
        if key not in self.doc:
            if default is ...:
                raise ChangeError(f"{self.where}: {key!r} is missing.")
            return default
        v = self.doc[key]
        if v is None and none:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise self._bad(key, "a number")
        return float(v)

    def integer(self, key: str, default: int) -> int:
        self.used.add(key)
        v = self.doc.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int):
            raise self._bad(key, "a whole number")
        return v

    def point(self, key: str) -> tuple[float, float] | None:
        self.used.add(key)
        v = self.doc.get(key)
        if v is None:
            return None
        if not _is_xy(v):
            raise self._bad(key, "a point [x, y]")
        return float(v[0]), float(v[1])

    def polygon(self, key: str, required: bool = True) -> Polygon | None:
        self.used.add(key)
        v = self.doc.get(key)
        if v is None and not required:
            return None
        if isinstance(v, dict) and v.get("type") == "Polygon":  # a GeoJSON geometry
            rings = v.get("coordinates")
            v = rings[0] if isinstance(rings, list) and len(rings) == 1 else None
        if not isinstance(v, list) or len(v) < 3 or not all(_is_xy(p) for p in v):
            raise self._bad(key, "a list of at least three [x, y] points")
        return Polygon([(float(x), float(y)) for x, y in v])

    def codes(self, key: str) -> tuple[str, ...]:
        self.used.add(key)
        v = self.doc.get(key)
        if not isinstance(v, list) or not all(isinstance(c, str) for c in v) or len(v) < 2:
            raise self._bad(key, "a list of at least two booth codes")
        return tuple(v)

    def names(self, key: str) -> tuple[str | None, str | None]:
        self.used.add(key)
        v = self.doc.get(key)
        if v is None:
            return None, None
        if not isinstance(v, dict) or not all(isinstance(x, str) for x in v.values()):
            raise self._bad(key, 'an object such as {"en": "...", "zh-Hant": "..."}')
        return v.get("en"), v.get("zh-Hant")

    def done(self) -> None:
        extra = sorted(set(self.doc) - self.used)
        if extra:
            raise ChangeError(f"{self.where}: unknown field {extra[0]!r}; it takes "
                              f"{', '.join(sorted(self.used - {'op'}))}.")


def _is_xy(v: Any) -> bool:
    return (isinstance(v, list | tuple) and len(v) == 2
            and all(not isinstance(c, bool) and isinstance(c, int | float) and math.isfinite(c)
                    for c in v))


def _moved(f: _Fields) -> dict[str, Any]:
    x, y = f.number("x", None), f.number("y", None)
    dx, dy = f.number("dx", 0.0), f.number("dy", 0.0)
    if (x is None) != (y is None):
        raise ChangeError(f"{f.where}: give both x and y, or dx and dy.")
    return {"x": x, "y": y, "dx": dx, "dy": dy}


def _price(f: _Fields) -> Any:
    if not f.has("price"):
        f.used.add("price")
        return ch.KEEP_PRICE
    return f.number("price", none=True)


OPS: dict[str, Callable[[_Fields], Change]] = {
    "add": lambda f: ch.AddBooth(f.text("code"), f.polygon("polygon"), f.text("level", None),
                                 f.text("type", "standard"), f.text("zone", None, none=True)),
    "remove": lambda f: ch.RemoveBooth(f.text("code")),
    "move": lambda f: ch.MoveBooth(f.text("code"), f.number("dx", 0.0), f.number("dy", 0.0)),
    "rotate": lambda f: ch.RotateBooth(f.text("code"), f.number("deg"), f.point("about")),
    "reshape": lambda f: ch.ReshapeBooth(f.text("code"), f.polygon("polygon"),
                                         f.text("type", None)),
    "resize": lambda f: ch.ResizeBooth(f.text("code"), f.number("width"), f.number("depth"),
                                       f.text("anchor", "sw")),
    "split": lambda f: ch.SplitBooth(f.text("code"), f.integer("parts", 2), f.text("axis", None)),
    "merge": lambda f: ch.MergeBooths(f.codes("codes"), f.text("code"), f.text("type", None)),
    "status": lambda f: ch.SetStatus(f.text("code"), f.text("status"), _price(f)),
    "assign": lambda f: ch.Assign(f.text("code"), f.text("exhibitor")),
    "unassign": lambda f: ch.Unassign(f.text("code")),
    "move_amenity": lambda f: ch.MoveAmenity(f.text("id"), **_moved(f)),
    "move_kiosk": lambda f: ch.MoveKiosk(f.text("id"), **_moved(f),
                                         heading_deg=f.number("heading_deg", None)),
    "move_connector": lambda f: ch.MoveConnectorEnd(f.text("id"), f.text("level"), **_moved(f)),
    "zone": lambda f: ch.EditZone(f.text("id"), f.polygon("polygon", required=False),
                                  *f.names("names"), f.text("category", None)),
}


def changes_from_json(doc: Any) -> list[Change]:
    """The changes of a JSON document: a list of change objects (or ``{"changes": [...]}``)."""
    if isinstance(doc, dict) and isinstance(doc.get("changes"), list):
        doc = doc["changes"]
    if not isinstance(doc, list):
        raise ChangeError("the changes must be a JSON list of objects such as "
                          '{"op": "move", "code": "Q0311", "dx": 3, "dy": 0}.')
    out = []
    for i, item in enumerate(doc):
        if not isinstance(item, dict):
            raise ChangeError(f"change {i}: expected an object with an \"op\".")
        op = item.get("op")
        if not isinstance(op, str) or op not in OPS:
            close = difflib.get_close_matches(str(op), list(OPS), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]}?" if close else f"; the ops are {', '.join(OPS)}."
            raise ChangeError(f"change {i}: unknown op {op!r}{hint}")
        fields = _Fields(i, op, item)
        change = OPS[op](fields)
        fields.done()
        out.append(change)
    return out
