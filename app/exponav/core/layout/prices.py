"""Booth prices from the show's price table: the area at the area rate, plus a surcharge
for the booth's open sides (corner, peninsula, island).

The table is ``prices.json`` in the show folder (optional; without it booths have no
price unless ``booth_status.csv`` gives one)::

    {"currency": "TWD",          ISO 4217 code
     "area_rate": 7000,          per m² of booth floor
     "surcharges": {"corner": 0.10, "peninsula": 0.15, "island": 0.20},  fractions of the
                                 area price, each optional (missing: 0)
     "demo": true}               true when the figures are invented

A side of a booth is open when most of it faces free floor: not another booth, an
obstacle or the outside of the hall. One open side is an inline booth, two a corner,
three a peninsula, four an island (a booth's sides are those of its smallest rotated
rectangle, so a polygon booth has four too). A price set in ``booth_status.csv``
overrides the table.

>>> t = PriceTable.from_json({"currency": "TWD", "area_rate": 7000,
...                           "surcharges": {"corner": 0.1}}, "prices.json")
>>> t.quote(9.0, 2)
Quote(area_m2=9.0, rate=7000.0, kind='corner', open_sides=2, surcharge=0.1, price=69300.0, set=False)
>>> t.quote(9.0, 3).price                       # no peninsula surcharge in this table
63000.0
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely import STRtree

from exponav.core.errors import DataError
from exponav.core.model import Booth, LevelPlan

__all__ = ["KINDS", "PRICES_FILE", "PriceTable", "Quote", "SideCounts", "open_sides",
           "read_prices", "side_kind"]

PRICES_FILE = "prices.json"
#: open sides -> the booth's kind for pricing
KINDS = {0: "inline", 1: "inline", 2: "corner", 3: "peninsula", 4: "island"}
PROBE_M = 0.3  # how far outside a side its floor is looked at
PROBES = 5  # points along each side; most of them free: the side is open


def side_kind(sides: int) -> str:
    """inline, corner, peninsula or island for a number of open sides."""
    return KINDS[max(0, min(4, sides))]


@dataclass(frozen=True)
class Quote:
    """A booth's price and how it was made."""

    area_m2: float
    rate: float
    kind: str
    open_sides: int
    surcharge: float  # the fraction added to the area price
    price: float
    set: bool = False  # True: the price set in booth_status.csv, not the table's


@dataclass(frozen=True)
class PriceTable:
    currency: str
    area_rate: float
    surcharges: Mapping[str, float] = field(default_factory=dict)
    demo: bool = False

    @classmethod
    def from_json(cls, doc: Any, where: str) -> PriceTable:
        """The table in a parsed ``prices.json``; DataError naming the key when wrong."""
        if not isinstance(doc, dict):
            raise DataError(f"{where}: expected a JSON object with currency and area_rate.")
        unknown = sorted(set(doc) - {"currency", "area_rate", "surcharges", "demo"})
        if unknown:
            raise DataError(f"{where}: unknown key {unknown[0]!r}; expected currency, "
                            "area_rate, surcharges and demo.")
        currency = doc.get("currency")
        if not isinstance(currency, str) or not (len(currency) == 3 and currency.isalpha()):
            raise DataError(f"{where}: \"currency\" must be a three-letter code such as TWD.")
        rate = _number(doc.get("area_rate"), f"{where}: \"area_rate\"")
        raw = doc.get("surcharges", {})
        if not isinstance(raw, dict):
            raise DataError(f"{where}: \"surcharges\" must be an object of corner, peninsula "
                            "and island.")
        surcharges = {}
        for key, value in raw.items():
            if key not in ("corner", "peninsula", "island"):
                raise DataError(f"{where}: unknown surcharge {key!r}; expected corner, "
                                "peninsula or island.")
            surcharges[key] = _number(value, f"{where}: surcharge \"{key}\"")
        demo = doc.get("demo", False)
        if not isinstance(demo, bool):
            raise DataError(f"{where}: \"demo\" must be true or false.")
        return cls(currency.upper(), rate, surcharges, demo)

    def quote(self, area_m2: float, sides: int) -> Quote:
        """The table's price of a booth of this area with this many open sides."""
        kind = side_kind(sides)
        surcharge = float(self.surcharges.get(kind, 0.0))
        price = round(area_m2 * self.area_rate * (1.0 + surcharge), 0)
        return Quote(round(area_m2, 2), float(self.area_rate), kind, sides, surcharge,
                     float(price))


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not \
            math.isfinite(value) or value < 0:
        raise DataError(f"{what} must be a number, 0 or more (got {value!r}).")
    return float(value)


def read_prices(show_dir: Path) -> PriceTable | None:
    """The show's price table, or None when the folder has no prices.json."""
    path = Path(show_dir) / PRICES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"{path}, line {e.lineno}: not valid JSON ({e.msg}).") from None
    return PriceTable.from_json(doc, str(path))


def _sides(booth: Booth) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    rect = booth.polygon.minimum_rotated_rectangle
    coords = list(rect.exterior.coords)[:4] if rect.geom_type == "Polygon" else []
    if len(coords) < 4:  # a degenerate outline: no sides to open
        return []
    return [(coords[i], coords[(i + 1) % 4]) for i in range(4)]


def open_sides(plan: LevelPlan, booths: Sequence[Booth] | None = None) -> dict[str, int]:
    """How many sides of each booth (of ``booths``, by default all the plan's) face free
    floor: a few points just outside each side are tested against the other booths,
    the obstacles and the hall's outline, all at once."""
    booths = list(plan.booths if booths is None else booths)
    blockers = [b.polygon for b in plan.booths] + [o.polygon for o in plan.obstacles]
    tree = STRtree(blockers)
    xs, ys, owner = [], [], []  # one probe point each, and its (booth, side)
    t = (np.arange(PROBES) + 0.5) / PROBES
    for k, b in enumerate(booths):
        centre = b.polygon.centroid
        for s, ((x0, y0), (x1, y1)) in enumerate(_sides(b)):
            length = math.hypot(x1 - x0, y1 - y0)
            if length < 1e-6:
                continue
            nx, ny = (y1 - y0) / length, -(x1 - x0) / length  # a normal, made outward
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            if (mx - centre.x) * nx + (my - centre.y) * ny < 0:
                nx, ny = -nx, -ny
            xs.extend(x0 + (x1 - x0) * t + nx * PROBE_M)
            ys.extend(y0 + (y1 - y0) * t + ny * PROBE_M)
            owner.extend([(k, s)] * PROBES)
    out = {b.code: 0 for b in booths}
    if not xs:
        return out
    points = shapely.points(np.array(xs), np.array(ys))
    blocked = ~shapely.contains_xy(plan.footprint, np.array(xs), np.array(ys))
    hit, _ = tree.query(points, predicate="intersects")
    blocked[hit] = True
    free: dict[tuple[int, int], int] = {}
    for (k, s), b in zip(owner, blocked, strict=True):
        free[(k, s)] = free.get((k, s), 0) + (0 if b else 1)
    for (k, _s), n in free.items():
        if n * 2 > PROBES:
            out[booths[k].code] += 1
    return out


class SideCounts:
    """The open sides of every booth, level by level, kept up to date as plans are
    replaced: after an edit only the booths within reach of what changed are counted
    again."""

    REACH_M = 1.0

    def __init__(self) -> None:
        self._held: dict[str, tuple[LevelPlan, dict[str, int]]] = {}

    def of(self, plan: LevelPlan) -> dict[str, int]:
        """code -> open sides, for every booth of ``plan``."""
        level = plan.level.id
        held = self._held.get(level)
        if held is not None and held[0] is plan:
            return held[1]
        if held is None:
            counts = open_sides(plan)
        else:
            old_plan, old = held
            before = {b.code: b for b in old_plan.booths}
            after = {b.code: b for b in plan.booths}
            changed = [b.polygon for c, b in after.items() if before.get(c) is not b]
            changed += [b.polygon for c, b in before.items() if after.get(c) is not b]
            counts = {c: n for c, n in old.items() if c in after}
            if plan.obstacles is not old_plan.obstacles or \
                    plan.footprint is not old_plan.footprint:
                counts = open_sides(plan)
            elif changed:
                region = shapely.union_all(changed).buffer(self.REACH_M)
                near = [b for b in plan.booths if b.code not in counts
                        or region.intersects(b.polygon)]
                counts.update(open_sides(plan, near))
        self._held[level] = (plan, counts)
        return counts

