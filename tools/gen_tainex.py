"""Generate the first version of the TaiNEX floor plans (floorplans/tainex/).

Run:  .venv/bin/python tools/gen_tainex.py

The committed GeoJSON files are the source of truth and are edited by hand after this;
the generator only produced the first version. It is deterministic (a seeded RNG picks
booth sizes), so running it again rewrites the same files.

Coordinates are metres, x east, y north, origin at Hall 2's south-west outer corner,
the same origin on every level (see docs/FORMATS.md).

What is measured and what is illustrative is listed in floorplans/tainex/README.md.
In short: hall sizes, the Hall 2 column grid, floors and area letters follow the public
record; booth positions, cores, doors, amenities and connectors are illustrative.

Layout scheme (both halls):
  * booths stand in "bays": strips between N-S main aisles (6 m). Columns stand in the
    middle of the main aisles, so no booth ever meets a column;
  * inside a bay, "blocks" are double rows 6 m deep (two 3 m lines back to back),
    separated by 3 m cross aisles, running east-west;
  * booth code = area letter + block number (2 digits, from the south) + booth number
    (2 digits): odd numbers on a block's south line, even on its north line, counted from
    the west edge of the area; a/b for a booth split in two;
  * a block (or a pair of blocks with the aisle between them) can instead hold islands,
    pavilion raw space, a forum or the matchmaking tables;
  * no booth stands in the 5 m in front of a door, or of a lift, stairs or escalator
    landing (3 m wide, from the wall face): the booths that would are left out.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import LineString, Point, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points, unary_union

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "floorplans" / "tainex"

# --- dimensions (metres) -----------------------------------------------------------
UNIT = 3.0  # standard stand 3 m x 3 m
BLOCK_DEPTH = 2 * UNIT  # double row, back to back
CROSS_AISLE = 3.0  # aisle between blocks inside a bay
MAIN_AISLE = 6.0  # N-S main aisles, columns on their centre line
COLUMN = 1.2  # square column side
PITCH = BLOCK_DEPTH + CROSS_AISLE  # 9 m from block to block
OPENING_CLEAR = 5.0  # no booth this deep in front of a door
LANDING_CLEAR = 5.0  # ... nor in front of a lift, stairs or escalator (from the wall face)
LANDING_WIDTH = 3.0  # the width of that free space
LANDING_FACING = 3.0  # a landing faces away from the wall or obstacle this close to it
KEPT_CLEAR = ("ES-", "EL-", "ST-")  # connector ids: escalators, elevators, stairs
POINT_CLEAR = 0.8  # amenities, kiosks and connector ends keep this clear

# Hall 2: 153 m x 126 m, columns on a 27 m x 18 m grid.
H2_W, H2_H = 153.0, 126.0
H2_COL_X = [22.5, 49.5, 76.5, 103.5, 130.5]  # main aisle centre lines
H2_COL_Y = [18.0, 36.0, 54.0, 72.0, 90.0, 108.0]
H2_BLOCK0_Y = 10.5  # south edge of block 1
H2_BLOCKS = 12
H2_BAYS = [(4.5, 19.5), (25.5, 46.5), (52.5, 73.5), (79.5, 100.5), (106.5, 127.5),
           (133.5, 145.5)]  # west perimeter 4.5 m; east foyer aisle 7.5 m
H2_CORE_DEPTH = 7.5

# Hall 1: about 180 m x 128 m (23,000 m2) east of Hall 2 across the road.
H1_X0, H1_X1, H1_Y0, H1_Y1 = 200.0, 380.0, -2.0, 126.0
H1_COL_X = [237.0, 267.0, 297.0, 327.0, 357.0]
H1_COL_Y = [14.0, 32.0, 50.0, 68.0, 86.0, 104.0]
H1_BLOCK0_Y = 5.0
H1_BLOCKS = 13
H1_BAYS = [(210.0, 234.0), (240.0, 264.0), (270.0, 294.0), (300.0, 324.0),
           (330.0, 354.0), (360.0, 369.0)]
H1_AREAS_1F = {"I": (0, 1), "J": (2, 3), "K": (4, 5)}  # area letter -> bay indices
H1_AREAS_4F = {"L": (0, 1), "M": (2, 3), "N": (4, 5)}

WALKWAY_SPEED = 1.2  # m/s

# How routes may walk a zone, by its category (a zone's "walk"): the audience of a stage
# and the matchmaking tables are walked round unless going through saves a lot.
ZONE_WALK = {"forum": "avoid", "matchmaking": "avoid"}

# Codes that documents and examples use: they must come out as single booths.
PINNED = {"Q0210", "Q0909", "S1024", "J1317", "M0409"}
SPLIT = {"M0409"}  # becomes M0409a + M0409b


def names(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh-Hant": zh}


def r2(v: float) -> float:
    return round(float(v) + 0.0, 2)


# --- one level under construction ----------------------------------------------------
@dataclass
class Plan:
    level: str
    footprint: Polygon
    features: list[dict] = field(default_factory=list)
    booths: list[tuple[str, Polygon]] = field(default_factory=list)
    obstacles: list[Polygon] = field(default_factory=list)
    zones: dict[str, Polygon] = field(default_factory=dict)
    points: list[tuple[str, Point]] = field(default_factory=list)
    openings: list[LineString] = field(default_factory=list)
    connectors: dict[str, Point] = field(default_factory=dict)

    def add(self, props: dict, geom) -> None:
        self.features.append({"type": "Feature", "properties": props, "geometry": geom})

    def obstacle(self, category: str, poly: Polygon) -> None:
        self.obstacles.append(poly)
        self.add({"kind": "obstacle", "category": category}, poly)

    def zone(self, zid: str, category: str, en: str, zh: str, poly: Polygon) -> None:
        self.zones[zid] = poly
        self.add({"kind": "zone", "id": zid, "category": category, "names": names(en, zh),
                  "walk": ZONE_WALK.get(category, "through")}, poly)

    def booth(self, code: str, btype: str, poly: Polygon) -> None:
        self.booths.append((code, poly))
        self.add({"kind": "booth", "code": code, "area": code[0], "type": btype,
                  "zone": None}, poly)

    def amenity(self, aid: str, category: str, en: str, zh: str, x: float, y: float,
                demo: bool = False) -> None:
        """An amenity point; ``demo`` marks a service the public record does not show."""
        self.points.append((aid, Point(x, y)))
        props = {"kind": "amenity", "id": aid, "category": category, "names": names(en, zh)}
        if demo:
            props["demo"] = True
        self.add(props, Point(x, y))

    def opening(self, oid: str, category: str, en: str, zh: str, a, b) -> None:
        line = LineString([a, b])
        self.openings.append(line)
        self.add({"kind": "opening", "id": oid, "category": category,
                  "names": names(en, zh)}, line)

    def kiosk(self, kid: str, x: float, y: float, heading: float) -> None:
        self.points.append((kid, Point(x, y)))
        self.add({"kind": "kiosk", "id": kid, "heading_deg": heading}, Point(x, y))

    def connector(self, cid: str, x: float, y: float) -> None:
        self.points.append((cid, Point(x, y)))
        self.connectors[cid] = Point(x, y)
        self.add({"kind": "connector", "connector": cid}, Point(x, y))


# --- booths ----------------------------------------------------------------------------
def code_of(area: str, block: int, number: int) -> str:
    return f"{area}{block:02d}{number:02d}"


def fill_rows(plan: Plan, rng: random.Random, area: str, block: int, x0: float,
              y0: float, n: int, first_pos: int, peninsula: str | None = None) -> None:
    """One double-row block of ``n`` positions starting at area position ``first_pos``.

    Line ends are corner booths; inside, standard booths of 1-3 units; optionally a
    6 m x 6 m peninsula at the west or east end spanning both lines.
    """
    def unit_code(line: int, i: int) -> str:  # line 0 south (odd), 1 north (even)
        return code_of(area, block, 2 * (first_pos + i) - 1 + line)

    taken_w = taken_e = 0
    if peninsula and n >= 6:
        i = 0 if peninsula == "west" else n - 2
        cells = {unit_code(ln, k) for ln in (0, 1) for k in (i, i + 1)}
        if not cells & PINNED:
            poly = box(x0 + i * UNIT, y0, x0 + (i + 2) * UNIT, y0 + BLOCK_DEPTH)
            plan.booth(unit_code(0, i), "peninsula", poly)
            if peninsula == "west":
                taken_w = 2
            else:
                taken_e = 2
    for line in (0, 1):
        yb = y0 + line * UNIT
        lo, hi = taken_w, n - taken_e  # positions [lo, hi) still to fill
        i = lo
        while i < hi:
            code = unit_code(line, i)
            if code in SPLIT:
                xa = x0 + i * UNIT
                plan.booth(code + "a", "standard", box(xa, yb, xa + UNIT / 2, yb + UNIT))
                plan.booth(code + "b", "standard", box(xa + UNIT / 2, yb, xa + UNIT, yb + UNIT))
                i += 1
                continue
            end = (i == 0 and taken_w == 0) or (i == n - 1 and taken_e == 0)
            if end:
                size, btype = 1, "corner"
            else:
                size = rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3))
                size = min(size, hi - i - (0 if taken_e else 1))  # keep the end a corner
                size = max(size, 1)
                for k in range(1, size):  # a pinned code must start its own booth
                    if unit_code(line, i + k).rstrip("ab") in PINNED:
                        size = k
                        break
                btype = "standard"
            xa = x0 + i * UNIT
            plan.booth(code, btype, box(xa, yb, xa + size * UNIT, yb + UNIT))
            i += size


def fill_pavilion(plan: Plan, area: str, block: int, x0: float, x1: float, y0: float,
                  first_pos: int, depth: float) -> None:
    """One raw space filling the bay over one or two blocks (pavilion stand)."""
    plan.booth(code_of(area, block, 2 * first_pos - 1), "pavilion", box(x0, y0, x1, y0 + depth))


def fill_islands(plan: Plan, area: str, block: int, x0: float, x1: float, y0: float,
                 first_pos: int, style: str) -> None:
    """Islands over a pair of blocks (15 m deep) with 3 m aisles between them.

    style "9x15": two 9 m x 15 m islands; "12x12": a 12 m x 12 m island and a 6 m x 12 m
    one, the south 3 m left open to widen the aisle.
    """
    depth = 2 * BLOCK_DEPTH + CROSS_AISLE
    if style == "9x15":
        spans, ys, h = [(0.0, 9.0), (12.0, 21.0)], y0, depth
    else:
        spans, ys, h = [(0.0, 12.0), (15.0, 21.0)], y0 + UNIT, depth - UNIT
    for a, b in spans:
        if x0 + b > x1 + 1e-9:
            continue
        pos = first_pos + int(a // UNIT)
        plan.booth(code_of(area, block, 2 * pos - 1), "island", box(x0 + a, ys, x0 + b, ys + h))


def layout_bays(plan: Plan, rng: random.Random, bays, areas: dict[str, tuple[int, ...]],
                block0_y: float, nblocks: int, special: dict) -> None:
    """Fill every (bay, block) with rows unless ``special`` says otherwise.

    special maps (bay, block) -> ("skip",) | ("pavilion", nblocks) | ("islands", style)
    | ("rows", peninsula_side). A two-block feature is keyed on its southern block and
    the northern one is keyed ("skip",).
    """
    for area, bay_ids in areas.items():
        pos = 1
        for b in bay_ids:
            x0, x1 = bays[b]
            n = int(round((x1 - x0) / UNIT))
            for j in range(1, nblocks + 1):
                y0 = block0_y + (j - 1) * PITCH
                what = special.get((b, j))
                if what is None:
                    side = "east" if (b * 7 + j * 3) % 5 == 0 else (
                        "west" if (b * 3 + j) % 7 == 0 else None)
                    fill_rows(plan, rng, area, j, x0, y0, n, pos, side)
                elif what[0] == "rows":
                    fill_rows(plan, rng, area, j, x0, y0, n, pos, what[1])
                elif what[0] == "pavilion":
                    depth = what[1] * BLOCK_DEPTH + (what[1] - 1) * CROSS_AISLE
                    fill_pavilion(plan, area, j, x0, x1, y0, pos, depth)
                elif what[0] == "islands":
                    fill_islands(plan, area, j, x0, x1, y0, pos, what[1])
                # "skip": left for a forum, matchmaking or the north half of a pair
            pos += n


def region(bays, block0_y: float, bay_a: int, bay_b: int, block_a: int, block_b: int,
           ) -> Polygon:
    """The rectangle covering bays bay_a..bay_b and blocks block_a..block_b."""
    return box(bays[bay_a][0], block0_y + (block_a - 1) * PITCH,
               bays[bay_b][1], block0_y + (block_b - 1) * PITCH + BLOCK_DEPTH)


def columns(plan: Plan, xs, ys) -> None:
    h = COLUMN / 2
    for x in xs:
        for y in ys:
            plan.obstacle("column", box(x - h, y - h, x + h, y + h))


# --- Hall 2 ----------------------------------------------------------------------------
H2_CORES = {  # name -> (x0, x1) along the south (S) or north (N) wall
    "S1": (7.5, 21.0), "S2": (63.0, 90.0), "S3": (114.0, 127.5),
    "N1": (7.5, 21.0), "N2": (63.0, 90.0), "N3": (114.0, 127.5),
}
H2_ESCALATORS = {"ES-H2-A": (36.0, 48.0), "ES-H2-B": (78.0, 90.0)}  # y ranges
H2_ESC_X = (148.5, 150.1)


def hall2_shell(level: str) -> Plan:
    plan = Plan(level, box(0, 0, H2_W, H2_H))
    plan.add({"kind": "footprint"}, plan.footprint)
    tag = level.split("-")[1]
    lo = H2_CORE_DEPTH
    hi = H2_H - H2_CORE_DEPTH
    for name, (x0, x1) in H2_CORES.items():
        y0, y1 = (0.0, lo) if name[0] == "S" else (hi, H2_H)
        plan.obstacle("core", box(x0, y0, x1, y1))
    for y0, y1 in H2_ESCALATORS.values():
        plan.obstacle("escalator", box(H2_ESC_X[0], y0, H2_ESC_X[1], y1))
    columns(plan, H2_COL_X, H2_COL_Y)
    # doors: entrances from the east foyer, emergency exits all round
    ent = [("E1", 20.0, 26.0, "Entrance E1 (foyer)", "E1入口（大廳）"),
           ("E2", 57.0, 69.0, "Main Entrance E2 (foyer)", "E2主入口（大廳）"),
           ("E3", 96.0, 102.0, "Entrance E3 (foyer)", "E3入口（大廳）")]
    for oid, y0, y1, en, zh in ent:
        plan.opening(f"OP-H2-{tag}-{oid}", "pedestrian", en, zh, (H2_W, y0), (H2_W, y1))
    exits = [("X1", (0.0, 26.0), (0.0, 28.0)), ("X2", (0.0, 62.0), (0.0, 64.0)),
             ("X3", (0.0, 98.0), (0.0, 100.0)),
             ("X4", (40.0, 0.0), (42.0, 0.0)), ("X5", (100.0, 0.0), (102.0, 0.0)),
             ("X6", (138.0, 0.0), (140.0, 0.0)),
             ("X7", (40.0, H2_H), (42.0, H2_H)), ("X8", (100.0, H2_H), (102.0, H2_H)),
             ("X9", (138.0, H2_H), (140.0, H2_H))]
    for oid, a, b in exits:
        plan.opening(f"OP-H2-{tag}-{oid}", "emergencyexit", f"Emergency Exit {oid}",
                     f"緊急出口{oid}", a, b)
    return plan


def hall2_common_points(plan: Plan) -> None:
    """Toilets at the cores, connector ends; the same on both floors."""
    lv = plan.level
    s, n = H2_CORE_DEPTH + 1.5, H2_H - H2_CORE_DEPTH - 1.5
    plan.amenity(f"WC-{lv}-1", "toilet", "Toilets (south-west)", "廁所（西南）", 17.0, s)
    plan.amenity(f"WC-{lv}-2", "toilet", "Toilets (south-east)", "廁所（東南）", 121.0, s)
    plan.amenity(f"WC-{lv}-3", "toilet", "Toilets (north-west)", "廁所（西北）", 17.0, n)
    plan.amenity(f"WC-{lv}-4", "toilet", "Toilets (north-east)", "廁所（東北）", 121.0, n)
    plan.amenity(f"WCA-{lv}-1", "toilet.accessible", "Accessible toilet (south)",
                 "無障礙廁所（南）", 85.0, s)
    plan.amenity(f"WCA-{lv}-2", "toilet.accessible", "Accessible toilet (north)",
                 "無障礙廁所（北）", 85.0, n)
    plan.amenity(f"AID-{lv}", "firstaid", "First aid", "醫護室", 61.0, s)
    plan.amenity(f"NURSE-{lv}", "nursing", "Nursing room", "哺集乳室", 61.0, n)
    plan.amenity(f"CHG-{lv}-1", "charging", "Charging station", "充電站", 49.5, 45.0)
    plan.amenity(f"CHG-{lv}-2", "charging", "Charging station", "充電站", 103.5, 81.0)
    plan.amenity(f"INFO-{lv}-1", "information", "Information desk", "服務台", 149.3, 55.0)
    plan.amenity(f"WIFI-{lv}", "wifi", "Free Wi-Fi help point", "免費無線網路服務點",
                 147.0, 58.0, demo=True)
    for cid, xy in H2_CONNECTOR_POINTS.items():
        plan.connector(cid, *xy)


H2_CONNECTOR_POINTS = {
    "ES-H2-A": (149.3, 34.5),
    "ES-H2-B": (149.3, 91.5),
    "EL-H2-A": (70.5, H2_CORE_DEPTH + 1.5),
    "EL-H2-B": (70.5, H2_H - H2_CORE_DEPTH - 1.5),
    "ST-H2-A": (10.0, H2_CORE_DEPTH + 1.5),
    "ST-H2-B": (10.0, H2_H - H2_CORE_DEPTH - 1.5),
}
H2_WALKWAY_END = (151.5, 63.0)  # inside main entrance E2
H1_WALKWAY_END = (201.5, 63.0)  # inside Hall 1's west main entrance


def forum(plan: Plan, zid: str, stage_id: str, en: str, zh: str, area: Polygon,
          stage: Polygon, stage_pt: tuple[float, float]) -> None:
    plan.zone(zid, "forum", en, zh, area)
    plan.obstacle("stage", stage)
    plan.amenity(stage_id, "stage", en.replace(" area", ""), zh.replace("區", ""), *stage_pt)


def hall2_1f() -> Plan:
    plan = hall2_shell("H2-1F")
    rng = random.Random(20250318)
    special = {
        (2, 1): ("islands", "12x12"), (2, 2): ("skip",),
        (3, 1): ("islands", "9x15"), (3, 2): ("skip",),
        (1, 3): ("islands", "9x15"), (1, 4): ("skip",),
        # Taipei City Government Vision Pavilion
        (2, 5): ("pavilion", 2), (2, 6): ("skip",),
        (2, 7): ("pavilion", 2), (2, 8): ("skip",),
        (3, 5): ("pavilion", 1),
        # Kaohsiung City Pavilion
        (4, 5): ("pavilion", 2), (4, 6): ("skip",),
        # Forum stage A
        (1, 11): ("skip",), (1, 12): ("skip",),
    }
    layout_bays(plan, rng, H2_BAYS, {"Q": tuple(range(len(H2_BAYS)))}, H2_BLOCK0_Y,
                H2_BLOCKS, special)
    plan.zone("ZONE-TAIPEI", "pavilion", "Taipei City Government Vision Pavilion",
              "臺北市政府願景館", region(H2_BAYS, H2_BLOCK0_Y, 2, 3, 5, 8))
    plan.zone("ZONE-KAOHSIUNG", "pavilion", "Kaohsiung City Pavilion", "高雄市館",
              region(H2_BAYS, H2_BLOCK0_Y, 4, 4, 5, 7))
    plan.zone("ZONE-SMARTNATION", "zone", "Smart Nation 2.0 Area", "智慧國家2.0專區",
              region(H2_BAYS, H2_BLOCK0_Y, 2, 3, 1, 2))
    area = region(H2_BAYS, H2_BLOCK0_Y, 1, 1, 11, 12)
    forum(plan, "ZONE-FORUM-H2-1F-A", "STAGE-H2-1F-A", "Forum Stage A area", "論壇A區",
          area, box(29.5, 111.5, 42.5, 115.5), (36.0, 110.0))
    hall2_common_points(plan)
    lv = plan.level
    plan.amenity(f"FOOD-{lv}-1", "food", "Café (foyer)", "咖啡廳（大廳）", 149.3, 110.0)
    plan.amenity(f"ENT-{lv}-E2", "entrance", "Main Entrance E2", "E2主入口", 149.3, 67.0)
    hall2_foyer_services(plan)
    plan.kiosk("K-H2-1F-1", 149.3, 52.0, 270.0)
    plan.kiosk("K-H2-1F-2", 76.5, 45.0, 0.0)
    plan.kiosk("K-H2-1F-3", 22.5, 63.0, 90.0)
    plan.connector("WW-H2-H1", *H2_WALKWAY_END)
    return plan


def hall2_foyer_services(plan: Plan) -> None:
    """The ground-floor foyer's services, along the east aisle from south to north.

    The MRT station (Nangang Exhibition Center, BR24 / BL23) is public; which door leads
    to it is not, so the way to it stands at entrance E1 for illustration. Registration,
    cloakroom, ATM and taxi stand are not in the public record: marked demo.
    """
    lv = plan.level
    plan.amenity(f"ATM-{lv}-1", "atm", "ATM (foyer)", "自動提款機（大廳）", 149.3, 16.0,
                 demo=True)
    plan.amenity(f"MRT-{lv}", "mrt", "To MRT Nangang Exhibition Center Station",
                 "往捷運南港展覽館站", 149.3, 23.0)
    plan.amenity(f"REG-{lv}-1", "registration", "Registration (foyer)", "報到處（大廳）",
                 149.3, 73.0, demo=True)
    plan.amenity(f"TAXI-{lv}", "taxi", "Taxi stand (via Entrance E3)",
                 "計程車招呼站（經E3入口）", 149.3, 99.0, demo=True)
    plan.amenity(f"CLOAK-{lv}-1", "cloakroom", "Cloakroom (foyer)", "寄物處（大廳）",
                 149.3, 104.5, demo=True)


def hall2_4f() -> Plan:
    plan = hall2_shell("H2-4F")
    rng = random.Random(20250321)
    special = {
        # Forum stages B and C
        (1, 1): ("skip",), (1, 2): ("skip",),
        (4, 1): ("skip",), (4, 2): ("skip",),
        # Net-Zero City Expo
        (2, 3): ("pavilion", 2), (2, 4): ("skip",),
        (3, 3): ("pavilion", 2), (3, 4): ("skip",),
        (2, 6): ("pavilion", 1),
        (3, 6): ("islands", "12x12"), (3, 7): ("skip",),
        # islands
        (1, 5): ("islands", "9x15"), (1, 6): ("skip",),
        # main stage (opening ceremony)
        (2, 11): ("skip",), (2, 12): ("skip",),
        (3, 11): ("skip",), (3, 12): ("skip",),
        # business matchmaking
        (4, 9): ("skip",), (4, 10): ("skip",), (4, 11): ("skip",), (4, 12): ("skip",),
    }
    layout_bays(plan, rng, H2_BAYS, {"S": tuple(range(len(H2_BAYS)))}, H2_BLOCK0_Y,
                H2_BLOCKS, special)
    plan.zone("ZONE-NETZERO", "pavilion", "Net-Zero City Expo", "淨零城市展",
              region(H2_BAYS, H2_BLOCK0_Y, 2, 3, 3, 7))
    intl = [("JP", "Japan Pavilion", "日本館"), ("TH", "Thailand Pavilion", "泰國館"),
            ("UA", "Ukraine Pavilion", "烏克蘭館"), ("MY", "Malaysia Pavilion", "馬來西亞館"),
            ("VN", "Vietnam Pavilion", "越南館"), ("US", "USA Pavilion", "美國館")]
    for j, (cc, en, zh) in enumerate(intl, start=3):
        plan.zone(f"ZONE-INTL-{cc}", "pavilion", en, zh, region(H2_BAYS, H2_BLOCK0_Y, 4, 4, j, j))
    forum(plan, "ZONE-FORUM-H2-4F-MAIN", "STAGE-H2-4F-MAIN", "Main Stage area", "主舞台區",
          region(H2_BAYS, H2_BLOCK0_Y, 2, 3, 11, 12), box(62.5, 110.5, 90.5, 115.5),
          (70.0, 109.0))
    forum(plan, "ZONE-FORUM-H2-4F-B", "STAGE-H2-4F-B", "Forum Stage B area", "論壇B區",
          region(H2_BAYS, H2_BLOCK0_Y, 1, 1, 1, 2), box(29.5, 10.5, 42.5, 14.5), (36.0, 16.0))
    forum(plan, "ZONE-FORUM-H2-4F-C", "STAGE-H2-4F-C", "Forum Stage C area", "論壇C區",
          region(H2_BAYS, H2_BLOCK0_Y, 4, 4, 1, 2), box(110.5, 10.5, 123.5, 14.5), (117.0, 16.0))
    matchmaking(plan, region(H2_BAYS, H2_BLOCK0_Y, 4, 4, 9, 12))
    hall2_common_points(plan)
    lv = plan.level
    plan.amenity(f"FOOD-{lv}-1", "food", "Food court (foyer)", "美食區（大廳）", 149.3, 110.0)
    plan.amenity(f"PRAY-{lv}", "prayer", "Prayer room", "祈禱室", 112.5, H2_CORE_DEPTH + 1.5)
    plan.kiosk("K-H2-4F-1", 149.3, 52.0, 270.0)
    plan.kiosk("K-H2-4F-2", 76.5, 45.0, 0.0)
    plan.kiosk("K-H2-4F-3", 103.5, 99.0, 90.0)
    return plan


def matchmaking(plan: Plan, area: Polygon) -> None:
    """40 meeting tables: MM-A01..A20 (west two columns), MM-B01..B20 (east two)."""
    plan.zone("ZONE-MATCHMAKING", "matchmaking", "Global Business Matchmaking",
              "國際商機媒合區", area)
    x0, y0 = area.bounds[0], area.bounds[1]
    xs = [x0 + 3.5, x0 + 8.5, x0 + 13.5, x0 + 18.5]
    for col, cx in enumerate(xs):
        group = "A" if col < 2 else "B"
        for row in range(10):
            cy = y0 + 3.0 + 3.0 * row
            num = row * 2 + (col % 2) + 1
            plan.obstacle("table", box(cx - 0.6, cy - 0.4, cx + 0.6, cy + 0.4))
            tid = f"MM-{group}{num:02d}"
            plan.amenity(tid, "meeting", f"Matchmaking table {group}{num:02d}",
                         f"媒合桌{group}{num:02d}", cx, cy - 1.3)
    plan.amenity("INFO-H2-4F-MM", "information", "Matchmaking reception", "媒合報到處",
                 x0 + 11.0, y0 - 1.5)


# --- Hall 1 ----------------------------------------------------------------------------
H1_CORES = {"C1": (8.0, 22.0), "C2": (56.0, 72.0), "C3": (104.0, 118.0)}  # y ranges, east wall
H1_CORE_X = 372.0
H1_ESC = (204.2, 205.8, 30.0, 42.0)
H1_CONNECTOR_POINTS = {
    "ES-H1-A": (205.0, 28.5),
    "EL-H1-A": (370.5, 60.0),
    "EL-H1-B": (370.5, 68.0),
    "ST-H1-A": (370.5, 12.0),
    "ST-H1-B": (370.5, 114.0),
}


def hall1_shell(level: str) -> Plan:
    plan = Plan(level, box(H1_X0, H1_Y0, H1_X1, H1_Y1))
    plan.add({"kind": "footprint"}, plan.footprint)
    tag = level.split("-")[1]
    for (y0, y1) in H1_CORES.values():
        plan.obstacle("core", box(H1_CORE_X, y0, H1_X1, y1))
    plan.obstacle("escalator", box(H1_ESC[0], H1_ESC[2], H1_ESC[1], H1_ESC[3]))
    ent = [("W1", 14.0, 20.0, "Entrance W1", "W1入口"),
           ("W2", 57.0, 69.0, "Main Entrance W2", "W2主入口"),
           ("W3", 100.0, 106.0, "Entrance W3", "W3入口")]
    for oid, y0, y1, en, zh in ent:
        plan.opening(f"OP-H1-{tag}-{oid}", "pedestrian", en, zh, (H1_X0, y0), (H1_X0, y1))
    exits = [("X1", (250.0, H1_Y0), (252.0, H1_Y0)), ("X2", (320.0, H1_Y0), (322.0, H1_Y0)),
             ("X3", (250.0, H1_Y1), (252.0, H1_Y1)), ("X4", (320.0, H1_Y1), (322.0, H1_Y1)),
             ("X5", (H1_X1, 36.0), (H1_X1, 38.0)), ("X6", (H1_X1, 86.0), (H1_X1, 88.0))]
    for oid, a, b in exits:
        plan.opening(f"OP-H1-{tag}-{oid}", "emergencyexit", f"Emergency Exit {oid}",
                     f"緊急出口{oid}", a, b)
    lv = level
    plan.amenity(f"WC-{lv}-1", "toilet", "Toilets (south-east)", "廁所（東南）", 370.5, 18.0)
    plan.amenity(f"WC-{lv}-2", "toilet", "Toilets (north-east)", "廁所（東北）", 370.5, 108.0)
    plan.amenity(f"WCA-{lv}-1", "toilet.accessible", "Accessible toilet", "無障礙廁所",
                 370.5, 64.0)
    plan.amenity(f"INFO-{lv}-1", "information", "Information desk", "服務台", 205.0, 75.0)
    plan.amenity(f"AID-{lv}", "firstaid", "First aid", "醫護室", 205.0, 50.0)
    plan.amenity(f"NURSE-{lv}", "nursing", "Nursing room", "哺集乳室", 370.5, 102.0)
    plan.amenity(f"CHG-{lv}-1", "charging", "Charging station", "充電站", 267.0, 41.0)
    plan.amenity(f"CHG-{lv}-2", "charging", "Charging station", "充電站", 327.0, 77.0)
    for cid, xy in H1_CONNECTOR_POINTS.items():
        plan.connector(cid, *xy)
    plan.kiosk(f"K-{lv}-1", 206.0, 54.0, 90.0)
    plan.kiosk(f"K-{lv}-2", 297.0, 59.0, 0.0)
    return plan


def hall1_1f() -> Plan:
    plan = hall1_shell("H1-1F")
    columns(plan, H1_COL_X, H1_COL_Y)
    rng = random.Random(20080301)
    layout_bays(plan, rng, H1_BAYS, H1_AREAS_1F, H1_BLOCK0_Y, H1_BLOCKS,
                {(1, 6): ("islands", "9x15"), (1, 7): ("skip",)})
    plan.amenity("FOOD-H1-1F-1", "food", "Café", "咖啡廳", 205.0, 110.0)
    plan.amenity("ENT-H1-1F-W2", "entrance", "Main Entrance W2", "W2主入口", 204.0, 66.0)
    plan.amenity("MRT-H1-1F", "mrt", "To MRT Nangang Exhibition Center Station",
                 "往捷運南港展覽館站", 204.0, 17.0)
    plan.connector("WW-H2-H1", *H1_WALKWAY_END)
    return plan


def hall1_4f() -> Plan:
    plan = hall1_shell("H1-4F")  # the column-free "Sky Dome": no columns
    rng = random.Random(20080302)
    layout_bays(plan, rng, H1_BAYS, H1_AREAS_4F, H1_BLOCK0_Y, H1_BLOCKS,
                {(3, 6): ("islands", "12x12"), (3, 7): ("skip",)})
    plan.amenity("FOOD-H1-4F-1", "food", "Food court", "美食街", 205.0, 110.0)
    plan.amenity("PRAY-H1-4F", "prayer", "Prayer room", "祈禱室", 370.5, 26.0)
    return plan


# --- venue and writing ------------------------------------------------------------------
LEVELS = [
    ("H2-1F", "Hall 2 1F", "南港2館 1樓", "Hall 2", 1),
    ("H2-4F", "Hall 2 4F", "南港2館 4樓", "Hall 2", 4),
    ("H1-1F", "Hall 1 1F", "南港1館 1樓", "Hall 1", 1),
    ("H1-4F", "Hall 1 4F", "南港1館 4樓", "Hall 1", 4),
]


def connectors() -> list[dict]:
    def pair(cid, kind, en, zh, lo, hi, xy, ride, wait=0.0, step_free=False):
        return {"id": cid, "kind": kind, "step_free": step_free, "names": names(en, zh),
                "ride_s": ride, "wait_s": wait,
                "ends": [{"level": lo, "x": r2(xy[0]), "y": r2(xy[1])},
                         {"level": hi, "x": r2(xy[0]), "y": r2(xy[1])}]}

    p2, p1 = H2_CONNECTOR_POINTS, H1_CONNECTOR_POINTS
    out = [
        pair("ES-H2-A", "escalator", "Escalator A", "電扶梯A", "H2-1F", "H2-4F", p2["ES-H2-A"], 45.0),
        pair("ES-H2-B", "escalator", "Escalator B", "電扶梯B", "H2-1F", "H2-4F", p2["ES-H2-B"], 45.0),
        pair("EL-H2-A", "elevator", "Elevator A", "電梯A", "H2-1F", "H2-4F", p2["EL-H2-A"], 25.0,
             40.0, True),
        pair("EL-H2-B", "elevator", "Elevator B", "電梯B", "H2-1F", "H2-4F", p2["EL-H2-B"], 25.0,
             40.0, True),
        pair("ST-H2-A", "stairs", "Stairs A", "樓梯A", "H2-1F", "H2-4F", p2["ST-H2-A"], 90.0),
        pair("ST-H2-B", "stairs", "Stairs B", "樓梯B", "H2-1F", "H2-4F", p2["ST-H2-B"], 90.0),
        pair("ES-H1-A", "escalator", "Hall 1 Escalator A", "1館電扶梯A", "H1-1F", "H1-4F",
             p1["ES-H1-A"], 45.0),
        pair("EL-H1-A", "elevator", "Hall 1 Elevator A", "1館電梯A", "H1-1F", "H1-4F",
             p1["EL-H1-A"], 25.0, 40.0, True),
        pair("EL-H1-B", "elevator", "Hall 1 Elevator B", "1館電梯B", "H1-1F", "H1-4F",
             p1["EL-H1-B"], 25.0, 40.0, True),
        pair("ST-H1-A", "stairs", "Hall 1 Stairs A", "1館樓梯A", "H1-1F", "H1-4F", p1["ST-H1-A"], 90.0),
        pair("ST-H1-B", "stairs", "Hall 1 Stairs B", "1館樓梯B", "H1-1F", "H1-4F", p1["ST-H1-B"], 90.0),
    ]
    length = Point(H2_WALKWAY_END).distance(Point(H1_WALKWAY_END))
    out.append({"id": "WW-H2-H1", "kind": "walkway", "step_free": True,
                "names": names("Walkway Hall 2 – Hall 1", "2館–1館連通步道"),
                "ride_s": r2(length / WALKWAY_SPEED), "wait_s": 0.0,
                "ends": [{"level": "H2-1F", "x": H2_WALKWAY_END[0], "y": H2_WALKWAY_END[1]},
                         {"level": "H1-1F", "x": H1_WALKWAY_END[0], "y": H1_WALKWAY_END[1]}]})
    return out


def rules() -> dict:
    """The venue rules (venue.json "rules"): what only this venue knows, the main aisles
    and the area letters of each level; every other rule keeps its default."""
    def aisles(xs, y0, y1):
        return [[[x, y0], [x, y1]] for x in xs]

    return {
        "main_aisles": {"H2-1F": aisles(H2_COL_X, 0.0, H2_H), "H2-4F": aisles(H2_COL_X, 0.0, H2_H),
                        "H1-1F": aisles(H1_COL_X, H1_Y0, H1_Y1),
                        "H1-4F": aisles(H1_COL_X, H1_Y0, H1_Y1)},
        "areas": {"H2-1F": ["Q"], "H2-4F": ["S"], "H1-1F": sorted(H1_AREAS_1F),
                  "H1-4F": sorted(H1_AREAS_4F)},
    }


def assign_zones(plan: Plan) -> None:
    for f in plan.features:
        p = f["properties"]
        if p["kind"] != "booth":
            continue
        c = f["geometry"].representative_point()
        for zid, poly in plan.zones.items():
            if poly.contains(c):
                p["zone"] = zid
                break


def landing_front(plan: Plan, p: Point) -> Polygon:
    """The space kept free in front of a landing at ``p``: LANDING_WIDTH wide and
    LANDING_CLEAR deep from the face of the wall or obstacle it stands at, facing away from
    it (the venue rule "clearance.blocked" of core/layout checks the same)."""
    walls = [*plan.obstacles, plan.footprint.exterior]
    d, wall = min(((w.distance(p), w) for w in walls), key=lambda t: t[0])
    assert d <= LANDING_FACING, (plan.level, p)
    q = nearest_points(wall, p)[0]
    ux, uy = p.x - q.x, p.y - q.y
    n = (ux * ux + uy * uy) ** 0.5
    ux, uy = ux / n, uy / n
    vx, vy = -uy * LANDING_WIDTH / 2, ux * LANDING_WIDTH / 2
    return Polygon([(q.x + vx, q.y + vy), (q.x - vx, q.y - vy),
                    (q.x - vx + ux * LANDING_CLEAR, q.y - vy + uy * LANDING_CLEAR),
                    (q.x + vx + ux * LANDING_CLEAR, q.y + vy + uy * LANDING_CLEAR)])


def clear_landings(plan: Plan) -> None:
    """Leave out the booths that stand in front of a lift, stairs or escalator."""
    fronts = [landing_front(plan, p) for cid, p in plan.connectors.items()
              if cid.startswith(KEPT_CLEAR)]
    gone = {code for code, poly in plan.booths
            if any(poly.intersection(f).area > 0.01 for f in fronts)}
    plan.booths = [(c, g) for c, g in plan.booths if c not in gone]
    plan.features = [f for f in plan.features if f["properties"].get("code") not in gone]


def check(plan: Plan) -> None:
    """Fail loudly when the layout breaks a rule the tests also check."""
    booths = unary_union([p for _, p in plan.booths])
    obst = unary_union(plan.obstacles)
    walk = plan.footprint.buffer(-0.5).difference(unary_union([booths, obst]).buffer(0.5))
    assert walk.geom_type == "Polygon", (plan.level, walk.geom_type,
                                         [g.area for g in getattr(walk, "geoms", [])])
    edge = plan.footprint.exterior
    for pid, pt in plan.points:
        d = min(booths.distance(pt), obst.distance(pt), edge.distance(pt))
        assert d >= POINT_CLEAR and walk.contains(pt), (plan.level, pid, d)
    for line in plan.openings:
        front = line.buffer(OPENING_CLEAR, cap_style="flat").intersection(plan.footprint)
        assert front.intersection(booths).area < 1e-6, (plan.level, line)
    for cid, p in plan.connectors.items():
        if cid.startswith(KEPT_CLEAR):
            assert landing_front(plan, p).intersection(booths).area < 1e-6, (plan.level, cid)
    assert booths.intersection(obst).area < 1e-6, plan.level


def rounded(geom):
    if isinstance(geom, Polygon):
        geom = orient(geom, sign=1.0)
    m = mapping(geom)

    def rnd(c):
        if isinstance(c, (int, float)):
            return r2(c)
        return [rnd(v) for v in c]

    return {"type": m["type"], "coordinates": rnd(m["coordinates"])}


KIND_ORDER = ["footprint", "opening", "obstacle", "zone", "booth", "amenity", "kiosk",
              "connector"]


def write_level(plan: Plan) -> dict:
    clear_landings(plan)
    assign_zones(plan)
    check(plan)
    feats = sorted(plan.features, key=lambda f: (KIND_ORDER.index(f["properties"]["kind"]),
                                         f["properties"].get("code", "")))
    doc = {"type": "FeatureCollection",
           "features": [{"type": "Feature", "properties": f["properties"],
                         "geometry": rounded(f["geometry"])} for f in feats]}
    (OUT / f"{plan.level}.geojson").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    units = sum(p.area for _, p in plan.booths) / (UNIT * UNIT)
    return {"level": plan.level, "booths": len(plan.booths), "units": round(units, 1)}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    plans = [hall2_1f(), hall2_4f(), hall1_1f(), hall1_4f()]
    for plan in plans:
        print(write_level(plan))
    venue = {
        "id": "tainex",
        "names": names("Taipei Nangang Exhibition Center", "台北南港展覽館"),
        "levels": [{"id": i, "names": names(en, zh), "building": b, "ordinal": o,
                    "file": f"{i}.geojson"} for i, en, zh, b, o in LEVELS],
        "connectors": connectors(),
        "rules": rules(),
        "georeference": {"origin_lon": 121.6175, "origin_lat": 25.0565, "rotation_deg": 0,
                         "note": "approximate"},
    }
    (OUT / "venue.json").write_text(json.dumps(venue, ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")


if __name__ == "__main__":
    main()
