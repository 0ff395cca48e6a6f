"""The generated venue: buildings of identical halls, each level filled with booth rows.

A hall follows TaiNEX Hall 2's scheme (``tools/gen_tainex.py``), repeated to any size:
bays of 21 m (seven 3 m booth positions) between 6 m main aisles with a column on their
centre line every 18 m; in each bay, double-row blocks 6 m deep behind 3 m cross aisles;
a 4.5 m aisle along the west wall, a 7.5 m foyer along the east wall with escalators and
the entrances, service cores along the south and north walls, and every 14 blocks a core
in the outer bays (toilets, elevator, stairs). Some blocks hold islands, a raw-space
pavilion, a country pavilion's rows, a forum stage, a food court or (on a building's
first floor) matchmaking tables. Every level of a building has the same shell, so the
elevators, stairs and escalators line up; walkways join neighbouring buildings.

Booth codes follow TaiNEX: an area letter (a strip of at most seven bays on one level),
the block number from the south and the position number from the area's west edge
(odd on a block's south line, even on its north line), so every code is unique by
construction. All coordinates are metres on one origin for the whole venue.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

__all__ = ["BoothRecord", "LevelOut", "VenueOut", "generate_venue"]

UNIT = 3.0  # a standard stand is 3 m x 3 m
BAY_UNITS = 7  # positions along one line of a 21 m bay
BAY_W = BAY_UNITS * UNIT
MAIN_AISLE = 6.0
BAY_PITCH = BAY_W + MAIN_AISLE
BLOCK_DEPTH = 2 * UNIT
PITCH = BLOCK_DEPTH + 3.0  # block to block, across a 3 m cross aisle
WEST = 4.5  # the aisle along the west wall
FOYER = 7.5  # the foyer along the east wall
BAND = 10.5  # south of the first block (and north of the last): cores and an aisle
CORE_DEPTH = 7.5
COLUMN = 1.2
CORE_EVERY = 14  # blocks between the cores in the outer bays
ESCALATOR_EVERY = 16  # blocks between the escalators in the foyer
BUILDING_GAP = 60.0  # metres of open ground between neighbouring buildings
WALK_SPEED = 1.2  # m/s, for a walkway's ride_s
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # area letters: I and O look like digits
KIND_ORDER = ("footprint", "opening", "obstacle", "zone", "booth", "amenity", "kiosk",
              "connector")
PAVILIONS = [("DE", "Germany", "德國"), ("IT", "Italy", "義大利"), ("TR", "Türkiye", "土耳其"),
             ("IN", "India", "印度"), ("VN", "Vietnam", "越南"), ("MY", "Malaysia", "馬來西亞"),
             ("TH", "Thailand", "泰國"), ("BR", "Brazil", "巴西"), ("PL", "Poland", "波蘭"),
             ("EG", "Egypt", "埃及"), ("ID", "Indonesia", "印尼"), ("KR", "Korea", "韓國"),
             ("ES", "Spain", "西班牙"), ("MX", "Mexico", "墨西哥"), ("PK", "Pakistan", "巴基斯坦"),
             ("JP", "Japan", "日本")]


@dataclass(frozen=True)
class BoothRecord:
    """What the show generator needs to know about one booth."""

    code: str
    level: str
    zone: str | None
    country: str  # the pavilion's country, or ""


@dataclass
class LevelOut:
    """One level: its entry in venue.json and its features, in file order."""

    entry: dict[str, Any]
    features: list[dict[str, Any]]
    booths: list[BoothRecord]
    stages: list[str]  # amenity ids of stages
    tables: list[str]  # amenity ids of matchmaking tables


@dataclass
class VenueOut:
    doc: dict[str, Any]  # venue.json
    levels: list[LevelOut]


def _r(v: float) -> float:
    return round(float(v), 2) + 0.0  # no "-0.0" in the files


def _box(x0: float, y0: float, x1: float, y1: float) -> dict[str, Any]:
    ring = [[_r(x0), _r(y0)], [_r(x1), _r(y0)], [_r(x1), _r(y1)], [_r(x0), _r(y1)],
            [_r(x0), _r(y0)]]
    return {"type": "Polygon", "coordinates": [ring]}


def _names(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh-Hant": zh}


@dataclass
class Hall:
    """The shell of one hall: where bays, blocks, aisles and cores are."""

    bays: int
    blocks: int
    x0: float = 0.0

    @property
    def width(self) -> float:
        return WEST + self.bays * BAY_W + (self.bays - 1) * MAIN_AISLE + FOYER

    @property
    def height(self) -> float:
        return 2 * BAND + (self.blocks - 1) * PITCH + BLOCK_DEPTH

    def bay(self, i: int) -> tuple[float, float]:
        x = self.x0 + WEST + i * BAY_PITCH
        return x, x + BAY_W

    def block_y(self, j: int) -> float:
        """South edge of block j (1 is the southernmost)."""
        return BAND + (j - 1) * PITCH

    def aisle_y(self, j: int) -> float:
        """Centre line of the aisle north of block j (0: the aisle south of block 1)."""
        return BAND + (j - 1) * PITCH + BLOCK_DEPTH + 1.5

    def main_x(self, i: int) -> float:
        """Centre line of the main aisle east of bay i."""
        return self.bay(i)[1] + MAIN_AISLE / 2

    @property
    def east(self) -> float:
        return self.x0 + self.width

    def wall_core_bays(self) -> list[int]:
        return sorted({min(1, self.bays - 1), self.bays // 2, max(self.bays - 2, 0)})

    def mid_core_bays(self) -> list[int]:
        return sorted({0, self.bays - 1, *range(7, self.bays - 1, 7)})

    def mid_core_blocks(self) -> list[int]:
        return list(range(CORE_EVERY, self.blocks - 6, CORE_EVERY))

    def escalator_blocks(self) -> list[int]:
        return [j for j in range(4, self.blocks, ESCALATOR_EVERY)
                if self.block_y(j) + 22.0 < self.height - BAND]

    def west_door_aisles(self) -> list[int]:
        """Cross aisles with an emergency exit in the west wall (none meets a core)."""
        return list(range(7, self.blocks, 12))

    def walkway_aisle(self) -> int:
        """A cross aisle half-way up the hall for the walkways, clear of the west doors,
        the cores and the foyer's escalators, entrances and kiosks."""
        busy = [(self.block_y(j) - 3.0, self.block_y(j) + 25.0) for j in self.escalator_blocks()]
        doors, cores = set(self.west_door_aisles()), set(self.mid_core_blocks())
        half = self.blocks // 2
        for j in [*range(half, self.blocks), *range(half - 1, 0, -1)]:
            y = self.aisle_y(j)
            if j not in doors and j not in cores and all(not a <= y <= b for a, b in busy):
                return j
        return 0


class _Level:
    """One level under construction."""

    def __init__(self, level_id: str, hall: Hall, letters: list[tuple[str, list[int]]],
                 rng: random.Random) -> None:
        self.id = level_id
        self.hall = hall
        self.letters = letters  # (area letter, its bays)
        self.rng = rng
        self.out: dict[str, list[dict[str, Any]]] = {k: [] for k in KIND_ORDER}
        self.booths: list[BoothRecord] = []
        self.stages: list[str] = []
        self.tables: list[str] = []
        self.taken: dict[tuple[int, int], str] = {}  # (bay, block) -> what stands there
        self.zone_of: dict[tuple[int, int], tuple[str, str]] = {}  # -> (zone id, country)
        #: cross aisles that must stay open along the west wall (doors open onto them)
        self.open_aisles = {*hall.west_door_aisles(), hall.walkway_aisle()}

    def add(self, props: dict[str, Any], geometry: dict[str, Any]) -> None:
        self.out[props["kind"]].append({"type": "Feature", "properties": props,
                                        "geometry": geometry})

    def point(self, kind: str, props: dict[str, Any], x: float, y: float) -> None:
        self.add({"kind": kind, **props}, {"type": "Point", "coordinates": [_r(x), _r(y)]})

    def amenity(self, aid: str, category: str, en: str, zh: str, x: float, y: float) -> None:
        self.point("amenity", {"id": aid, "category": category, "names": _names(en, zh)}, x, y)

    def opening(self, oid: str, category: str, en: str, zh: str, a: tuple[float, float],
                b: tuple[float, float]) -> None:
        self.add({"kind": "opening", "id": oid, "category": category, "names": _names(en, zh)},
                 {"type": "LineString", "coordinates": [[_r(a[0]), _r(a[1])],
                                                        [_r(b[0]), _r(b[1])]]})

    def obstacle(self, category: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.add({"kind": "obstacle", "category": category}, _box(x0, y0, x1, y1))

    def booth(self, code: str, area: str, btype: str, box: tuple[float, float, float, float],
              zone: tuple[str, str] | None) -> None:
        self.add({"kind": "booth", "code": code, "area": area, "type": btype,
                  "zone": zone[0] if zone else None}, _box(*box))
        self.booths.append(BoothRecord(code, self.id, zone[0] if zone else None,
                                       zone[1] if zone else ""))

    def reserve(self, bay: int, first: int, n: int, what: str) -> bool:
        cells = [(bay, j) for j in range(first, first + n)]
        if first < 1 or first + n - 1 > self.hall.blocks or any(c in self.taken for c in cells):
            return False
        if bay == 0 and self.open_aisles.intersection(range(first, first + n - 1)):
            return False  # it would close an aisle that a west door opens onto
        for n, c in enumerate(cells):
            self.taken[c] = what if n == 0 else "skip"
        return True

    def features(self) -> list[dict[str, Any]]:
        return [f for kind in KIND_ORDER for f in self.out[kind]]


def _area_splits(bays: int, per_area: int) -> list[list[int]]:
    n = math.ceil(bays / per_area)
    sizes = [bays // n + (1 if k < bays % n else 0) for k in range(n)]
    out, start = [], 0
    for s in sizes:
        out.append(list(range(start, start + s)))
        start += s
    return out


def _shell(lv: _Level, floor: int) -> dict[str, list]:
    """What every level of a building shares: outline, columns, cores, foyer, doors, and
    the points of its connectors (returned by connector family)."""
    h, tag = lv.hall, lv.id
    x0, x1, top = h.x0, h.east, h.height
    lv.add({"kind": "footprint"}, _box(x0, 0.0, x1, top))
    half = COLUMN / 2
    for i in range(h.bays - 1):
        for k in range(1, int((top - BAND) // 18.0) + 1):
            y = 18.0 * k
            if BAND - 3.0 < y < top - BAND + 3.0:
                lv.obstacle("column", h.main_x(i) - half, y - half, h.main_x(i) + half, y + half)
    ends: dict[str, list] = {"stairs": [], "elevator": [], "escalator": []}
    k = 0
    for side, (c0, c1), front in (("south", (0.0, CORE_DEPTH), h.aisle_y(0)),
                                  ("north", (top - CORE_DEPTH, top), h.aisle_y(h.blocks))):
        for bay in h.wall_core_bays():
            k += 1
            bx, _ = h.bay(bay)
            lv.obstacle("core", bx + 1.5, c0, bx + BAY_W - 1.5, c1)
            lv.amenity(f"WC-{tag}-{k}", "toilet", f"Toilets ({side} core {k})",
                       f"廁所（{k}號核心）", bx + 4.0, front)
            lv.amenity(f"WCA-{tag}-{k}", "toilet.accessible", f"Accessible toilet (core {k})",
                       f"無障礙廁所（{k}號核心）", bx + 17.0, front)
            ends["stairs"].append((k, bx + 8.0, front))
            ends["elevator"].append((k, bx + 13.0, front))
    extras = [("firstaid", "AID", "First aid", "醫護室"), ("nursing", "NURSE", "Nursing room",
              "哺集乳室"), ("prayer", "PRAY", "Prayer room", "祈禱室")]
    for j in h.mid_core_blocks():
        for bay in h.mid_core_bays():
            if not lv.reserve(bay, j, 2, "core"):
                continue
            k += 1
            bx, bx1 = h.bay(bay)
            lv.obstacle("core", bx, h.block_y(j), bx1, h.block_y(j + 1) + BLOCK_DEPTH)
            south, north = h.aisle_y(j - 1), h.aisle_y(j + 1)
            lv.amenity(f"WC-{tag}-{k}", "toilet", f"Toilets (core {k})", f"廁所（{k}號核心）",
                       bx + 4.0, south)
            lv.amenity(f"WCA-{tag}-{k}", "toilet.accessible", f"Accessible toilet (core {k})",
                       f"無障礙廁所（{k}號核心）", bx + 17.0, south)
            cat, pre, en, zh = extras[k % len(extras)]
            lv.amenity(f"{pre}-{tag}-{k}", cat, f"{en} (core {k})", f"{zh}（{k}號核心）",
                       bx + 4.0, north)
            ends["elevator"].append((k, bx + 10.5, south))
            ends["stairs"].append((k, bx + 10.5, north))
    # the east foyer: escalators, entrances, information, a kiosk at each entrance
    for n, j in enumerate(h.escalator_blocks(), start=1):
        y0 = h.block_y(j)
        lv.obstacle("escalator", x1 - 4.5, y0, x1 - 2.9, y0 + 12.0)
        ends["escalator"].append((n, x1 - 3.7, y0 - 1.5))
        ey = y0 + 17.0
        lv.opening(f"OP-{tag}-E{n}", "pedestrian", f"Entrance E{n}", f"E{n}入口",
                   (x1, ey - 3.0), (x1, ey + 3.0))
        lv.amenity(f"INFO-{tag}-{n}", "information", f"Information desk E{n}",
                   f"E{n}服務台", x1 - 6.0, ey)
        lv.point("kiosk", {"id": f"K-{tag}-E{n}", "heading_deg": 270.0}, x1 - 1.5, ey + 5.0)
        if floor == 1 and n == 1:
            lv.amenity(f"ENT-{tag}-E{n}", "entrance", f"Main entrance E{n}", f"E{n}主入口",
                       x1 - 1.5, ey - 2.0)
    # emergency exits: the west wall at cross aisles, the south and north walls at main aisles
    for n, j in enumerate(h.west_door_aisles(), start=1):
        y = h.aisle_y(j)
        lv.opening(f"OP-{tag}-XW{n}", "emergencyexit", f"Emergency exit W{n}",
                   f"緊急出口W{n}", (x0, y - 1.0), (x0, y + 1.0))
    for n, i in enumerate(range(0, h.bays - 1, 3), start=1):
        x = h.main_x(i)
        lv.opening(f"OP-{tag}-XS{n}", "emergencyexit", f"Emergency exit S{n}",
                   f"緊急出口S{n}", (x - 1.0, 0.0), (x + 1.0, 0.0))
        lv.opening(f"OP-{tag}-XN{n}", "emergencyexit", f"Emergency exit N{n}",
                   f"緊急出口N{n}", (x - 1.0, top), (x + 1.0, top))
    # kiosks and charging in the main aisles, half-way between columns
    for j in range(10, h.blocks, 20):
        for i in range(1 if h.bays > 2 else 0, h.bays - 1, 4):
            lv.point("kiosk", {"id": f"K-{tag}-{i + 1}-{j}", "heading_deg": 0.0},
                     h.main_x(i), h.aisle_y(j))
    for j in range(4, h.blocks, 12):
        for i in range(0, h.bays - 1, 2):
            lv.amenity(f"CHG-{tag}-{i + 1}-{j}", "charging", "Charging station", "充電站",
                       h.main_x(i), h.aisle_y(j))
    return ends


def _specials(lv: _Level, floor: int, pavilion: tuple[str, str, str]) -> None:
    """Forum, food court, matchmaking, a country pavilion, islands and raw space."""
    h, tag, rng = lv.hall, lv.id, lv.rng
    fb = h.bays // 2
    if h.blocks >= 4 and lv.reserve(fb, h.blocks - 1, 2, "forum"):
        bx, bx1 = h.bay(fb)
        y0, top = h.block_y(h.blocks - 1), h.block_y(h.blocks) + BLOCK_DEPTH
        zid, sid = f"ZONE-{tag}-FORUM", f"STAGE-{tag}"
        lv.add({"kind": "zone", "id": zid, "category": "forum",
                "names": _names(f"Forum {tag}", f"{tag}論壇區")}, _box(bx, y0, bx1, top))
        lv.obstacle("stage", bx + 4.0, top - 4.0, bx1 - 4.0, top)
        lv.amenity(sid, "stage", f"Forum stage {tag}", f"{tag}論壇舞台", bx + 10.5, top - 5.5)
        lv.stages.append(sid)
    fc = h.bays - 1
    for j in range(h.blocks // 2 - 1, 0, -1):
        if lv.reserve(fc, j, 2, "food"):
            bx, bx1 = h.bay(fc)
            lv.amenity(f"FOOD-{tag}", "food", f"Food court {tag}", f"{tag}美食區",
                       bx + 10.5, h.block_y(j) + 7.5)
            break
    mb = next((bay for bay in (1, *range(h.bays)) if bay < h.bays and bay != fb and
               floor == 1 and h.blocks >= 6 and lv.reserve(bay, h.blocks - 3, 4, "matchmaking")),
              None)
    if mb is not None:
        bx, bx1 = h.bay(mb)
        y0, y1 = h.block_y(h.blocks - 3), h.block_y(h.blocks) + BLOCK_DEPTH
        lv.add({"kind": "zone", "id": f"ZONE-{tag}-MM", "category": "matchmaking",
                "names": _names(f"Business matchmaking {tag}", f"{tag}商機媒合區")},
               _box(bx, y0, bx1, y1))
        for col, cx in enumerate((bx + 3.5, bx + 8.5, bx + 13.5, bx + 18.5)):
            for row in range(10):
                cy = y0 + 3.0 + 3.0 * row
                num = row * 2 + col % 2 + 1
                group = "A" if col < 2 else "B"
                lv.obstacle("table", cx - 0.6, cy - 0.4, cx + 0.6, cy + 0.4)
                tid = f"MM-{tag}-{group}{num:02d}"
                lv.amenity(tid, "meeting", f"Matchmaking table {group}{num:02d}",
                           f"媒合桌{group}{num:02d}", cx, cy - 1.3)
                lv.tables.append(tid)
        lv.amenity(f"INFO-{tag}-MM", "information", "Matchmaking reception", "媒合報到處",
                   bx + 11.0, h.aisle_y(h.blocks - 4))
    cc, country, zh = pavilion
    for _ in range(20):  # a country pavilion: three blocks of rows in one bay
        bay, j = rng.randrange(h.bays), rng.randrange(2, max(3, h.blocks - 2))
        if lv.reserve(bay, j, 3, "pavilion-rows"):
            bx, bx1 = h.bay(bay)
            zid = f"ZONE-{tag}-{cc}"
            lv.add({"kind": "zone", "id": zid, "category": "pavilion",
                    "names": _names(f"{country} Pavilion", f"{zh}館")},
                   _box(bx, h.block_y(j), bx1, h.block_y(j + 2) + BLOCK_DEPTH))
            for jj in range(j, j + 3):
                lv.zone_of[(bay, jj)] = (zid, country)
                del lv.taken[(bay, jj)]  # rows are filled as usual, inside the zone
            break
    for _ in range(max(1, h.blocks // 8) * max(1, h.bays // 4)):
        bay, j = rng.randrange(h.bays), rng.randrange(1, h.blocks)
        if (bay, j) not in lv.zone_of and (bay, j + 1) not in lv.zone_of:
            lv.reserve(bay, j, 2, rng.choice(("islands-9x15", "islands-12x12")))
    for _ in range(max(1, h.bays // 4)):
        bay, j = rng.randrange(h.bays), rng.randrange(1, h.blocks + 1)
        if (bay, j) not in lv.zone_of:
            lv.reserve(bay, j, 1, "raw")


def _fill(lv: _Level) -> None:
    """Booths in every block that nothing else took."""
    h, rng = lv.hall, lv.rng
    for area, bays in lv.letters:
        for n, bay in enumerate(bays):
            first = n * BAY_UNITS + 1  # the bay's first position in its area
            bx, bx1 = h.bay(bay)
            for j in range(1, h.blocks + 1):
                what = lv.taken.get((bay, j))
                y0 = h.block_y(j)
                if what is None:
                    side = "east" if (bay * 7 + j * 3) % 5 == 0 else (
                        "west" if (bay * 3 + j) % 7 == 0 else None)
                    _rows(lv, rng, area, j, bx, y0, first, side, lv.zone_of.get((bay, j)))
                elif what == "raw":
                    code = f"{area}{j:02d}{2 * first - 1:02d}"
                    lv.booth(code, area, "pavilion", (bx, y0, bx1, y0 + BLOCK_DEPTH), None)
                elif what.startswith("islands"):
                    _islands(lv, area, j, bx, y0, first, what.split("-")[1])


def _rows(lv: _Level, rng: random.Random, area: str, block: int, x0: float, y0: float,
          first: int, peninsula: str | None, zone: tuple[str, str] | None) -> None:
    """One double-row block: corner booths at the line ends, 1-3 units between, and
    optionally a 6 m x 6 m peninsula at one end spanning both lines."""
    n = BAY_UNITS

    def code(line: int, i: int) -> str:  # line 0 south (odd numbers), 1 north (even)
        return f"{area}{block:02d}{2 * (first + i) - 1 + line:02d}"

    lo_taken = hi_taken = 0
    if peninsula:
        i = 0 if peninsula == "west" else n - 2
        lv.booth(code(0, i), area, "peninsula",
                 (x0 + i * UNIT, y0, x0 + (i + 2) * UNIT, y0 + BLOCK_DEPTH), zone)
        lo_taken, hi_taken = (2, 0) if peninsula == "west" else (0, 2)
    for line in (0, 1):
        yb = y0 + line * UNIT
        i, hi = lo_taken, n - hi_taken
        while i < hi:
            if (i == 0 and not lo_taken) or (i == n - 1 and not hi_taken):
                size, btype = 1, "corner"
            else:
                size = rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3))
                size = max(1, min(size, hi - i - (0 if hi_taken else 1)))
                btype = "standard"
            lv.booth(code(line, i), area, btype,
                     (x0 + i * UNIT, yb, x0 + (i + size) * UNIT, yb + UNIT), zone)
            i += size


def _islands(lv: _Level, area: str, block: int, x0: float, y0: float, first: int,
             style: str) -> None:
    """Islands over a pair of blocks (15 m deep) with a 3 m aisle between them."""
    depth = 2 * BLOCK_DEPTH + 3.0
    if style == "9x15":
        spans, ys, h = [(0.0, 9.0), (12.0, 21.0)], y0, depth
    else:
        spans, ys, h = [(0.0, 12.0), (15.0, 21.0)], y0 + UNIT, depth - UNIT
    for a, b in spans:
        pos = first + int(a // UNIT)
        lv.booth(f"{area}{block:02d}{2 * pos - 1:02d}", area, "island",
                 (x0 + a, ys, x0 + b, ys + h), None)


def generate_venue(venue_id: str, name: tuple[str, str], buildings: int, floors: int,
                   bays: int, blocks: int, area_bays: int, seed: int) -> VenueOut:
    """The whole venue: ``buildings`` halls side by side, ``floors`` levels each."""
    splits = _area_splits(bays, area_bays)
    if buildings * floors * len(splits) > len(LETTERS):
        raise ValueError(f"{buildings * floors * len(splits)} areas need more than "
                         f"{len(LETTERS)} area letters; use wider areas or fewer levels.")
    if not (1 <= blocks <= 99 and area_bays * BAY_UNITS <= 49 and bays >= 1):
        raise ValueError("a hall needs 1-99 blocks and areas of at most 7 bays.")
    width = Hall(bays, blocks).width
    letters = iter(LETTERS)
    levels: list[LevelOut] = []
    connectors: list[dict[str, Any]] = []
    walk_y = 0.0
    for b in range(buildings):
        bid = LETTERS[b]
        hall = Hall(bays, blocks, x0=b * (width + BUILDING_GAP))
        ends_by_floor: list[dict[str, list]] = []
        for floor in range(1, floors + 1):
            level_id = f"{bid}-{floor}F"
            rng = random.Random(f"{seed}:{level_id}")
            areas = [(next(letters), bs) for bs in splits]
            lv = _Level(level_id, hall, areas, rng)
            ends_by_floor.append(_shell(lv, floor))
            pavilion = PAVILIONS[(b * floors + floor - 1) % len(PAVILIONS)]
            _specials(lv, floor, pavilion)
            _fill(lv)
            walk_y = hall.aisle_y(hall.walkway_aisle())
            for conn in _walkway_points(lv, b, buildings, floor, floors, walk_y):
                lv.point("connector", {"connector": conn[0]}, conn[1], conn[2])
            for family, pts in ends_by_floor[-1].items():
                for k, x, y in pts:
                    for cid in _family_ids(bid, family, k, floor, floors):
                        lv.point("connector", {"connector": cid}, x, y)
            names = _names(f"Hall {bid} {floor}F", f"{bid}館 {floor}樓")
            levels.append(LevelOut(
                entry={"id": level_id, "names": names, "building": f"Hall {bid}",
                       "ordinal": floor, "file": f"{level_id}.geojson"},
                features=lv.features(), booths=lv.booths, stages=lv.stages, tables=lv.tables))
        connectors.extend(_building_connectors(bid, floors, ends_by_floor[0]))
        if b + 1 < buildings:
            connectors.extend(_walkways(bid, LETTERS[b + 1], floors, hall, walk_y))
    doc = {"id": venue_id, "names": _names(*name), "demo": True,
           "note": "Generated by exponav.diagnostics.scale for `exponav bench`: every "
                   "building, booth and point is invented.",
           "levels": [lv.entry for lv in levels], "connectors": connectors}
    return VenueOut(doc, levels)


def _walkway_floors(floors: int) -> list[int]:
    return sorted({1, min(3, floors)})


def _walkway_points(lv: _Level, b: int, buildings: int, floor: int, floors: int,
                    y: float) -> list[tuple[str, float, float]]:
    """Walkway ends on this level (east foyer to the next building, west aisle from the
    previous one), with a door in the wall for each."""
    if floor not in _walkway_floors(floors):
        return []
    h, out = lv.hall, []
    if b + 1 < buildings:
        cid = f"WW-{LETTERS[b]}{LETTERS[b + 1]}-{floor}F"
        lv.opening(f"OP-{lv.id}-WE", "pedestrian", f"Walkway to Hall {LETTERS[b + 1]}",
                   f"往{LETTERS[b + 1]}館連通道", (h.east, y - 1.25), (h.east, y + 1.25))
        out.append((cid, h.east - 1.5, y))
    if b > 0:
        cid = f"WW-{LETTERS[b - 1]}{LETTERS[b]}-{floor}F"
        lv.opening(f"OP-{lv.id}-WW", "pedestrian", f"Walkway to Hall {LETTERS[b - 1]}",
                   f"往{LETTERS[b - 1]}館連通道", (h.x0, y - 1.25), (h.x0, y + 1.25))
        out.append((cid, h.x0 + WEST / 2, y))
    return out


def _family_ids(bid: str, family: str, k: int, floor: int, floors: int) -> list[str]:
    """The connectors that stop at this point: an elevator serves every floor; stairs
    and escalators join neighbouring floors."""
    if floors < 2:
        return []
    tag = {"stairs": "ST", "elevator": "EL", "escalator": "ES"}[family]
    if family == "elevator":
        return [f"EL-{bid}-{k}"]
    return [f"{tag}-{bid}-{k}-{f}{f + 1}" for f in (floor - 1, floor) if 1 <= f < floors]


def _building_connectors(bid: str, floors: int, ends: dict[str, list]) -> list[dict[str, Any]]:
    if floors < 2:
        return []
    out = []
    spec = {"elevator": ("Elevator", "電梯", 25.0, 40.0, True),
            "stairs": ("Stairs", "樓梯", 45.0, 0.0, False),
            "escalator": ("Escalator", "電扶梯", 40.0, 0.0, False)}
    for family in ("escalator", "elevator", "stairs"):
        en, zh, ride, wait, step_free = spec[family]
        for k, x, y in ends[family]:
            if family == "elevator":
                pairs = [(f"EL-{bid}-{k}", list(range(1, floors + 1)), ride + 5.0 * floors)]
            else:
                tag = "ES" if family == "escalator" else "ST"
                pairs = [(f"{tag}-{bid}-{k}-{f}{f + 1}", [f, f + 1], ride)
                         for f in range(1, floors)]
            for cid, fl, secs in pairs:
                out.append({"id": cid, "kind": family, "step_free": step_free,
                            "names": _names(f"Hall {bid} {en} {k}", f"{bid}館{zh}{k}"),
                            "ride_s": secs, "wait_s": wait,
                            "ends": [{"level": f"{bid}-{f}F", "x": _r(x), "y": _r(y)}
                                     for f in fl]})
    return out


def _walkways(a: str, b: str, floors: int, hall: Hall, y: float) -> list[dict[str, Any]]:
    x_from = hall.east - 1.5
    x_to = hall.east + BUILDING_GAP + WEST / 2
    secs = _r((x_to - x_from) / WALK_SPEED)
    return [{"id": f"WW-{a}{b}-{f}F", "kind": "walkway", "step_free": True,
             "names": _names(f"Walkway Hall {a} – Hall {b} ({f}F)", f"{a}館–{b}館連通道（{f}樓）"),
             "ride_s": secs, "wait_s": 0.0,
             "ends": [{"level": f"{a}-{f}F", "x": _r(x_from), "y": _r(y)},
                      {"level": f"{b}-{f}F", "x": _r(x_to), "y": _r(y)}]}
            for f in _walkway_floors(floors)]
