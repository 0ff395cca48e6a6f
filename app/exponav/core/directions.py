"""Turn a route into short plain steps, in English, Traditional Chinese or Bahasa Indonesia.

>>> # directions(route, venue, "en") ->
>>> # ["Walk 35 m along the aisle past S0912, then turn left.",
>>> #  "Take escalator ES-H2-A up to 4F.", ..., "S1024 is on your right."]

How a step is found
    Along each leg, path corners where the bearing changes by less than 20 degrees are
    dropped and very short jogs are folded into their neighbours, so each step is one
    straight stretch. The turn at its end is named from the bearing change: under 20
    degrees none, 20-45 "slightly", 45-135 "left"/"right", beyond that "turn around".
    A stretch's landmark is the booth nearest to it (within a few metres; the origin and
    destination booths excepted), from an STRtree of the level's booths. At the end, the
    side of a destination booth comes from the cross product of the last stretch and the
    vector to the booth's centroid.
"""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely import STRtree

from exponav.core.languages import LANGUAGES
from exponav.core.routing.turns import bearing_change as _change
from exponav.core.routing.turns import stretches as _stretches
from exponav.core.routing.turns import turn_of

if TYPE_CHECKING:  # routing imports this module late; no import cycle at run time
    from exponav.core.model import LevelPlan, Venue
    from exponav.core.routing.route import Route

__all__ = ["LANGUAGES", "directions", "turn_of"]

LANDMARK_M = 4.0  # a booth this close to a stretch can name it

_TEXT = {
    "en": {
        "walk": "Walk {d} m along the aisle",
        "past": " past {b}",
        "then": ", then {turn}.",
        "end": ".",
        "slight_left": "bear slightly left",
        "slight_right": "bear slightly right",
        "left": "turn left",
        "right": "turn right",
        "around": "turn around",
        "up": "Take {kind} {id} up to {level}.",
        "down": "Take {kind} {id} down to {level}.",
        "across": "Take the {kind} {id} to {level}.",
        "booth": "{code} is on your {side}.",
        "ahead_booth": "{code} is straight ahead.",
        "side_left": "left",
        "side_right": "right",
        "arrive": "You have arrived at {name}.",
        "here": "You are already there: {name}.",
        "kind": {"escalator": "escalator", "elevator": "elevator", "stairs": "stairs",
                 "ramp": "ramp", "walkway": "walkway"},
    },
    "zh-Hant": {
        "walk": "沿走道直走 {d} 公尺",
        "past": "，經過 {b}",
        "then": "，然後{turn}。",
        "end": "。",
        "slight_left": "稍向左轉",
        "slight_right": "稍向右轉",
        "left": "左轉",
        "right": "右轉",
        "around": "迴轉",
        "up": "搭乘{kind} {id} 上樓到 {level}。",
        "down": "搭乘{kind} {id} 下樓到 {level}。",
        "across": "經由{kind} {id} 前往 {level}。",
        "booth": "{code} 在您的{side}。",
        "ahead_booth": "{code} 就在您的正前方。",
        "side_left": "左手邊",
        "side_right": "右手邊",
        "arrive": "您已抵達 {name}。",
        "here": "您已在 {name}。",
        "kind": {"escalator": "電扶梯", "elevator": "電梯", "stairs": "樓梯",
                 "ramp": "坡道", "walkway": "連通步道"},
    },
    "id": {
        "walk": "Jalan {d} m menyusuri lorong",
        "past": " melewati {b}",
        "then": ", lalu {turn}.",
        "end": ".",
        "slight_left": "agak belok kiri",
        "slight_right": "agak belok kanan",
        "left": "belok kiri",
        "right": "belok kanan",
        "around": "putar balik",
        "up": "Naik {kind} {id} ke {level}.",
        "down": "Turun dengan {kind} {id} ke {level}.",
        "across": "Lewati {kind} {id} ke {level}.",
        "booth": "{code} ada di sebelah {side} Anda.",
        "ahead_booth": "{code} ada tepat di depan Anda.",
        "side_left": "kiri",
        "side_right": "kanan",
        "arrive": "Anda telah tiba di {name}.",
        "here": "Anda sudah berada di {name}.",
        "kind": {"escalator": "eskalator", "elevator": "lift", "stairs": "tangga",
                 "ramp": "jalur landai", "walkway": "jalan penghubung"},
    },
}


_TREES: dict[int, tuple[weakref.ref, tuple, STRtree, list, np.ndarray]] = {}


def _booth_tree(plan: LevelPlan):
    """An STRtree of a level's booths, kept while the plan's booth list is the same."""
    booths = plan.booths
    sig = (len(booths), hash(tuple(map(id, booths))))  # a booth replaced or moved: rebuild
    hit = _TREES.get(id(plan))
    if hit is not None and hit[0]() is plan and hit[1] == sig:
        return hit[2], hit[3], hit[4]
    booths = list(booths)
    polys = np.asarray([b.polygon for b in booths], dtype=object)
    tree = STRtree(polys)
    _TREES[id(plan)] = (weakref.ref(plan), sig, tree, booths, polys)
    return tree, booths, polys


def _landmarks(index, parts, skip: set[str]) -> list[str | None]:
    """For each stretch (a, b, m): the booth nearest to it within LANDMARK_M, if any."""
    out: list[str | None] = [None] * len(parts)
    if index is None or not parts:
        return out
    tree, booths, polys = index
    lines = shapely.linestrings([[a, b] for a, b, _ in parts])
    li, bi = tree.query(lines, predicate="dwithin", distance=LANDMARK_M)
    if not len(li):
        return out
    keep = np.asarray([booths[i].code not in skip for i in bi.tolist()], bool)
    li, bi = li[keep], bi[keep]
    if not len(li):
        return out
    d = np.round(shapely.distance(lines[li], polys[bi]), 1)
    along = shapely.line_locate_point(lines[li], shapely.centroid(polys[bi]))
    order = np.lexsort((-along, d, li))  # per stretch: nearest; among equals, the one met last
    first = np.ones(len(order), bool)
    first[1:] = li[order][1:] != li[order][:-1]
    for k in order[first].tolist():
        if parts[int(li[k])][2] > 1e-6:
            out[int(li[k])] = booths[int(bi[k])].code
    return out


def _distance(m: float) -> int:
    if m < 10.0:
        return max(1, round(m))
    return int(5 * round(m / 5.0))


def _level_label(venue: Venue, from_id: str, to_id: str, lang: str) -> str:
    lv = venue.levels.get(to_id)
    if lv is None:
        return to_id
    name = lv.name_zh if lang == "zh-Hant" and lv.name_zh else lv.name
    src = venue.levels.get(from_id)
    if src is not None and src.building == lv.building and name.split():
        return name.split()[-1]  # "4F" within the same building
    return name


def directions(route: Route, venue: Venue, lang: str = "en") -> list[str]:
    """Short plain steps for a route in ``lang`` ("en", "zh-Hant" or "id"; others: English)."""
    T = _TEXT.get(lang, _TEXT["en"])
    conns = {c.id: c for c in venue.connectors}
    skip = {p.id for p in (route.origin, route.destination) if p.polygon is not None}
    steps: list[str] = []
    for n, leg in enumerate(route.legs):
        plan = venue.plans.get(leg.level)
        index = _booth_tree(plan) if plan is not None and plan.booths else None
        parts = _stretches(list(leg.coords))
        marks = _landmarks(index, parts, skip)
        for k, (a, b, m) in enumerate(parts):
            text = T["walk"].format(d=_distance(m))
            mark = marks[k]
            if mark:
                text += T["past"].format(b=mark)
            turn = turn_of(_change(a, b, parts[k + 1][1])) if k + 1 < len(parts) else None
            text += T["then"].format(turn=T[turn]) if turn else T["end"]
            if m >= 0.5 or len(parts) == 1:
                steps.append(text)
        if leg.via is not None and n + 1 < len(route.legs):
            c = conns.get(leg.via)
            kind = T["kind"].get(c.kind, c.kind) if c else ""
            nxt = route.legs[n + 1].level
            here, there = venue.levels.get(leg.level), venue.levels.get(nxt)
            level = _level_label(venue, leg.level, nxt, lang)
            if here is not None and there is not None and there.ordinal > here.ordinal:
                key = "up"
            elif here is not None and there is not None and there.ordinal < here.ordinal:
                key = "down"
            else:
                key = "across"
            steps.append(T[key].format(kind=kind, id=leg.via, level=level))
    dest = route.destination
    name = (dest.name_zh if lang == "zh-Hant" and dest.name_zh else dest.name) or dest.id
    if dest.polygon is not None and route.legs:
        coords = route.legs[-1].coords
        end = coords[-1]
        c = dest.polygon.centroid
        prev = coords[-2] if len(coords) >= 2 and math.dist(coords[-2], end) > 1e-6 else None
        if prev is None:
            steps.append(T["arrive"].format(name=dest.id))
        else:
            ang = _change(prev, end, (c.x, c.y))
            if abs(ang) < 20.0:
                steps.append(T["ahead_booth"].format(code=dest.id))
            else:
                side = T["side_left"] if ang > 0 else T["side_right"]
                steps.append(T["booth"].format(code=dest.id, side=side))
    else:
        if route.length_m < 0.5:
            steps.append(T["here"].format(name=name))
        else:
            steps.append(T["arrive"].format(name=name))
    return steps
