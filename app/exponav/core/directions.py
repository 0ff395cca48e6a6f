"""Turn a route into short plain steps that name what a visitor can see, in English,
Traditional Chinese or Bahasa Indonesia.

>>> # directions(route, venue, "en") ->
>>> # ["Walk 35 m through the Japan Pavilion, then turn left.",
>>> #  "Take Escalator B up to 4F.", ..., "Chunghwa Telecom (S1024) is on your right."]

How a step is found
    Each leg is cut into straight stretches the way the router counts turns
    (:func:`exponav.core.routing.turns.stretches`: bends under 20 degrees dropped, steps
    under 5 m merged into their neighbours), one step per stretch. The turn at its end is
    named from the bearing change: 20-45 degrees "slightly", 45-135 "left"/"right",
    beyond that "turn around". A connector is named as venue.json names it ("Escalator
    B", "電扶梯B"). At the end, the side of a destination booth comes from the last
    stretch and the vector to the booth's centroid, and the booth is named by its
    exhibitor with its code.

What a step names (:func:`landmarks`)
    One thing a visitor can see along the stretch, the best there is, in this order: a
    named zone or pavilion the stretch walks through (half of it or more); an amenity,
    an entrance or a connector within 8 m of it and in sight (no booth in between); a
    named zone it walks along (within 3 m); a labelled stand beside it (within 4 m, a
    booth with an exhibitor: the plan shows its name); and only when there is nothing
    else, a stand by its code. Among things of one kind, the one nearest the end of the
    stretch, where the visitor turns; a thing named by the step before is taken only if
    nothing else is there. The choice is made once (the Navigator keeps it on the route,
    ``Route.landmarks``) and worded in every language; a stand named by its code is
    marked unlabelled there, for the map to label it on the route.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString
from shapely.ops import substring

from exponav.core.languages import LANGUAGES
from exponav.core.model import AMENITY_LABELS
from exponav.core.routing.route import Landmark
from exponav.core.routing.turns import bearing_change as _change
from exponav.core.routing.turns import stretches as _stretches
from exponav.core.routing.turns import turn_of

if TYPE_CHECKING:
    from exponav.core.model import LevelPlan, Venue
    from exponav.core.routing.route import Route

__all__ = ["LANGUAGES", "Labels", "directions", "landmarks", "turn_of"]

#: A stand's label on the plan, by booth code: its exhibitor's (name, Chinese name).
Labels = Mapping[str, tuple[str, str]]

LANDMARK_M = 4.0  # a stand this close to a stretch can name it
SIGHT_M = 8.0  # an amenity, entrance or connector this close, in sight, can name it
ZONE_NEAR_M = 3.0  # a zone this close to a stretch is walked along
_SIGHTS = ("amenity", "opening", "connector")
_RANK = {"through": 0, "sight": 1, "along": 2, "stand": 3, "code": 4}

_TEXT = {
    "en": {
        "walk": "Walk {d} m along the aisle",
        "past": " past {b}",
        "through": "Walk {d} m through {z}",
        "along": "Walk {d} m along {z}",
        "then": ", then {turn}.",
        "end": ".",
        "slight_left": "bear slightly left",
        "slight_right": "bear slightly right",
        "left": "turn left",
        "right": "turn right",
        "around": "turn around",
        "up": "Take {name} up to {level}.",
        "down": "Take {name} down to {level}.",
        "across": "Take the {name} to {level}.",
        "booth": "{code} is on your {side}.",
        "ahead_booth": "{code} is straight ahead.",
        "named_booth": "{name} ({code})",
        "side_left": "left",
        "side_right": "right",
        "arrive": "You have arrived at {name}.",
        "here": "You are already there: {name}.",
        "kind": {"escalator": "escalator", "elevator": "elevator", "stairs": "stairs",
                 "ramp": "ramp", "walkway": "walkway"},
    },
    "zh-Hant": {
        "walk": "沿走道直走 {d} 公尺",
        "past": "，經過{b}",
        "through": "直走 {d} 公尺，穿過{z}",
        "along": "沿{z}直走 {d} 公尺",
        "then": "，然後{turn}。",
        "end": "。",
        "slight_left": "稍向左轉",
        "slight_right": "稍向右轉",
        "left": "左轉",
        "right": "右轉",
        "around": "迴轉",
        "up": "搭乘{name}上樓到 {level}。",
        "down": "搭乘{name}下樓到 {level}。",
        "across": "經由{name}前往 {level}。",
        "booth": "{code}在您的{side}。",
        "ahead_booth": "{code}就在您的正前方。",
        "named_booth": "{name}（{code}）",
        "side_left": "左手邊",
        "side_right": "右手邊",
        "arrive": "您已抵達{name}。",
        "here": "您已在{name}。",
        "kind": {"escalator": "電扶梯", "elevator": "電梯", "stairs": "樓梯",
                 "ramp": "坡道", "walkway": "連通步道"},
    },
    "id": {
        "walk": "Jalan {d} m menyusuri lorong",
        "past": " melewati {b}",
        "through": "Jalan {d} m melintasi {z}",
        "along": "Jalan {d} m menyusuri {z}",
        "then": ", lalu {turn}.",
        "end": ".",
        "slight_left": "agak belok kiri",
        "slight_right": "agak belok kanan",
        "left": "belok kiri",
        "right": "belok kanan",
        "around": "putar balik",
        "up": "Naik {name} ke {level}.",
        "down": "Turun dengan {name} ke {level}.",
        "across": "Lewati {name} ke {level}.",
        "booth": "{code} ada di sebelah {side} Anda.",
        "ahead_booth": "{code} ada tepat di depan Anda.",
        "named_booth": "{name} ({code})",
        "side_left": "kiri",
        "side_right": "kanan",
        "arrive": "Anda telah tiba di {name}.",
        "here": "Anda sudah berada di {name}.",
        "kind": {"escalator": "eskalator", "elevator": "lift", "stairs": "tangga",
                 "ramp": "jalur landai", "walkway": "jalan penghubung"},
    },
}

#: Amenities in Bahasa Indonesia, by category (the plans name them in English and Chinese).
_AMENITY_ID = {
    "toilet": "toilet", "toilet.accessible": "toilet difabel", "information": "meja informasi",
    "food": "area makanan", "firstaid": "ruang P3K", "nursing": "ruang menyusui",
    "prayer": "ruang ibadah", "charging": "stasiun pengisian daya", "meeting": "meja pertemuan",
    "stage": "panggung",
}
_PROPER = {"entrance", "exit"}  # amenity names that are names on a sign, not common nouns


# -- what a level offers to name ---------------------------------------------------------------

class _Sights:
    """One level's things a step can name: stands, amenities, entrances and connector ends
    (points), and named zones, each kind in an STRtree."""

    def __init__(self, plan: LevelPlan, venue: Venue) -> None:
        lv = plan.level.id
        self.booths = list(plan.booths)
        self.booth_polys = np.asarray([b.polygon for b in self.booths], dtype=object)
        self.booth_tree = STRtree(self.booth_polys)
        self.booth_centres = shapely.centroid(self.booth_polys)
        names = {c.id: c for c in venue.connectors}
        points: list[tuple[Landmark, object]] = []
        for a in plan.amenities:
            if a.category == "meeting":
                continue  # forty tables of one kind: none stands out
            en, zh = AMENITY_LABELS.get(a.category, (a.category, ""))
            points.append((Landmark("amenity", a.id, lv, a.name or en, a.name_zh or zh,
                                    a.category), a.point))
        for o in plan.openings:
            if o.category == "pedestrian" and o.name:
                points.append((Landmark("opening", o.id, lv, o.name, o.name_zh, "entrance"),
                               o.line.interpolate(0.5, normalized=True)))
        for cid, p in plan.connector_points.items():
            c = names.get(cid)
            if c is not None and c.name:
                points.append((Landmark("connector", cid, lv, c.name, c.name_zh, c.kind), p))
        self.points = [lm for lm, _ in points]
        self.point_geoms = np.asarray([g for _, g in points], dtype=object)
        self.point_tree = STRtree(self.point_geoms)
        self.zones = [z for z in plan.zones if z.name]
        self.zone_polys = np.asarray([z.polygon for z in self.zones], dtype=object)
        self.zone_tree = STRtree(self.zone_polys)
        # inside a zone is half a metre in from its edge; along it, within 3 m of it
        self.zone_inner = shapely.buffer(self.zone_polys, -0.5)
        self.zone_outer = shapely.buffer(self.zone_polys, ZONE_NEAR_M)


_CACHE: dict[int, tuple[weakref.ref, tuple, _Sights]] = {}


def _sights(plan: LevelPlan, venue: Venue) -> _Sights:
    """A level's sights, kept while its plan's lists hold the same things."""
    sig = tuple((len(xs), hash(tuple(map(id, xs)))) for xs in (
        plan.booths, plan.amenities, plan.openings, plan.zones, venue.connectors)) + \
        (tuple(plan.connector_points),)
    hit = _CACHE.get(id(plan))
    if hit is not None and hit[0]() is plan and hit[1] == sig:
        return hit[2]
    got = _Sights(plan, venue)
    _CACHE[id(plan)] = (weakref.ref(plan), sig, got)
    return got


def _candidates(s: _Sights, parts: list[LineString], skip: set[str], labels: Labels,
                same: set[str]) -> list[list[tuple[int, float, float, Landmark]]]:
    """Everything each stretch of a leg could name (the stretches as walked), as (rank,
    metres before the stretch's end, metres off it, what), with one query per kind of
    thing for all the stretches."""
    out: list[list[tuple[int, float, float, Landmark]]] = [[] for _ in parts]
    lines = np.asarray(parts, dtype=object)
    length = shapely.length(lines)
    ends = shapely.get_point(lines, -1)
    if len(s.zones):
        li, zi = s.zone_tree.query(lines, predicate="dwithin", distance=ZONE_NEAR_M)
        if len(li):
            inside = shapely.length(shapely.intersection(lines[li], s.zone_inner[zi]))
            along = shapely.length(shapely.intersection(lines[li], s.zone_outer[zi]))
            gap = shapely.distance(ends[li], s.zone_polys[zi])
            for i, k, ins, alo, g in zip(li.tolist(), zi.tolist(), inside.tolist(),
                                         along.tolist(), gap.tolist(), strict=True):
                m = float(length[i])
                if ins >= 0.5 * m:  # half a metre in from its edge, for half the stretch
                    rank, through = _RANK["through"], True
                elif alo >= min(10.0, 0.5 * m):
                    rank, through = _RANK["along"], False
                else:
                    continue
                z = s.zones[k]
                out[i].append((rank, g, 0.0, Landmark("zone", z.id, z.level, z.name, z.name_zh,
                                                      z.category, through=through)))
    if len(s.points):
        li, pi = s.point_tree.query(lines, predicate="dwithin", distance=SIGHT_M)
        keep = np.asarray([s.points[k].id not in skip for k in pi.tolist()], bool)
        li, pi = li[keep], pi[keep]
        if len(li):
            at = shapely.line_locate_point(lines[li], s.point_geoms[pi])
            feet = shapely.line_interpolate_point(lines[li], at)
            sights = shapely.linestrings(np.stack([shapely.get_coordinates(s.point_geoms[pi]),
                                                   shapely.get_coordinates(feet)], axis=1))
            hidden = set(s.booth_tree.query(sights, predicate="intersects")[0].tolist())
            off = shapely.length(sights)
            for j, (i, k) in enumerate(zip(li.tolist(), pi.tolist(), strict=True)):
                if j in hidden and off[j] > 1e-6:
                    continue  # a stand stands in between
                out[i].append((_RANK["sight"], float(length[i] - at[j]), float(off[j]),
                               s.points[k]))
    if len(s.booths):
        li, bi = s.booth_tree.query(lines, predicate="dwithin", distance=LANDMARK_M)
        if len(li):
            off = shapely.distance(lines[li], s.booth_polys[bi]).tolist()
            before = (length[li] - shapely.line_locate_point(lines[li], s.booth_centres[bi])).tolist()
            for i, k, o, e in zip(li.tolist(), bi.tolist(), off, before, strict=True):
                b = s.booths[k]
                if b.code in skip:
                    continue
                label = labels.get(b.code)
                if label and label[0] in same:
                    continue  # another stand of the exhibitor the route starts or ends at
                if label:
                    lm = Landmark("booth", b.code, b.level, label[0], label[1] or label[0])
                    out[i].append((_RANK["stand"], e, o, lm))
                else:
                    lm = Landmark("booth", b.code, b.level, b.code, b.code)
                    out[i].append((_RANK["code"], e, o, lm))
    return out


def landmarks(route: Route, venue: Venue, labels: Labels | None = None) -> list[Landmark]:
    """What each step of a route names, at most one thing per straight stretch (see the
    module's text); ``labels`` are the stands the plan shows by name (booth code ->
    exhibitor's names). Language-free: :func:`directions` words them."""
    labels = labels or {}
    # not the places themselves, their exhibitors' other stands, or the connectors taken
    skip = {route.origin.id, route.destination.id} | {leg.via for leg in route.legs if leg.via}
    same = {labels[p.id][0] for p in (route.origin, route.destination) if p.id in labels}
    out: list[Landmark] = []
    for n, leg in enumerate(route.legs):
        plan = venue.plans.get(leg.level)
        if plan is None or len(leg.coords) < 2:
            continue
        path = LineString(leg.coords)
        # the part of the walk each step tells, as walked (not the straight line told)
        parts, which, walked = [], [], 0.0
        for k, (_, _, m) in enumerate(_stretches(list(leg.coords))):
            walked += m
            part = substring(path, walked - m, walked) if m > 1e-6 else None
            if part is not None and part.geom_type == "LineString":
                parts.append(part)
                which.append(k)
        if not parts:
            continue
        used: set[str] = set()
        for k, found in zip(which, _candidates(_sights(plan, venue), parts, skip, labels, same),
                            strict=True):
            if not found:
                continue
            # not what the step before named, the best kind, nearest the turn, nearest the way
            *_, lm = min(found, key=lambda c: (c[3].name in used, c[0],
                                               round(max(c[1], 0.0)), round(c[2], 1), c[3].id))
            used = {lm.name}
            out.append(Landmark(lm.kind, lm.id, lm.level, lm.name, lm.name_zh, lm.category,
                                n, k, lm.through))
    return out


# -- words -------------------------------------------------------------------------------------

def _latin_run(text: str, end: bool) -> int:
    """How many characters of Latin letters, digits or signs a name starts (or ends) with."""
    k = 0
    for ch in (reversed(text) if end else text):
        if not ch.isascii() or ch == " ":
            break
        k += 1
    return k


def _pad(name: str) -> str:
    """A name for a Chinese sentence: a code or a Latin name spaced off from the characters
    round it ("經過 Q0573"), a single letter left as part of its word ("電扶梯B")."""
    if not name:
        return name
    left = " " if _latin_run(name, False) > 1 else ""
    right = " " if _latin_run(name, True) > 1 else ""
    return f"{left}{name}{right}"


def _tidy(text: str) -> str:
    """A Chinese sentence without the spaces that padding left beside its punctuation."""
    for mark in "，。（）":
        text = text.replace(f" {mark}", mark).replace(f"{mark} ", mark)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


def _name(lm: Landmark, lang: str) -> str:
    """A landmark as a step names it, in ``lang``."""
    if lang == "zh-Hant":
        return _pad(lm.name_zh or lm.name)
    if lm.kind == "amenity" and lang == "id" and lm.category not in _PROPER:
        return _AMENITY_ID.get(lm.category, lm.name)
    if lang == "id":
        return lm.name
    if lm.kind == "zone":
        return lm.name if lm.name.lower().startswith("the ") else f"the {lm.name}"
    if lm.kind == "amenity" and lm.category not in _PROPER:
        return f"the {lm.name[:1].lower()}{lm.name[1:]}"
    return lm.name


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


def _connector_name(c, cid: str, T: dict, lang: str) -> str:
    """A connector as venue.json names it, else its kind and id."""
    name = ""
    if c is not None:
        name = (c.name_zh or c.name) if lang == "zh-Hant" else c.name
    if not name:
        kind = T["kind"].get(c.kind, c.kind) if c is not None else ""
        name = f"{kind} {cid}".strip()
    return _pad(name) if lang == "zh-Hant" else name


def directions(route: Route, venue: Venue, lang: str = "en",
               labels: Labels | None = None) -> list[str]:
    """Short plain steps for a route in ``lang`` ("en", "zh-Hant" or "id"; others: English).

    The steps name the route's landmarks (``route.landmarks``, when the Navigator chose
    them) or, for a route without, those :func:`landmarks` chooses with ``labels``.
    """
    T = _TEXT.get(lang, _TEXT["en"])
    zh = lang == "zh-Hant"
    conns = {c.id: c for c in venue.connectors}
    marks = route.landmarks if route.landmarks is not None else landmarks(route, venue, labels)
    named = {(lm.leg, lm.stretch): lm for lm in marks}
    steps: list[str] = []
    last_stretch = None
    for n, leg in enumerate(route.legs):
        parts = _stretches(list(leg.coords))
        if parts:
            last_stretch = parts[-1]
        for k, (a, b, m) in enumerate(parts):
            d = _distance(m)
            lm = named.get((n, k))
            if lm is not None and lm.kind == "zone":
                text = T["through" if lm.through else "along"].format(d=d, z=_name(lm, lang))
            else:
                text = T["walk"].format(d=d)
                if lm is not None:
                    text += T["past"].format(b=_name(lm, lang))
            turn = turn_of(_change(a, b, parts[k + 1][1])) if k + 1 < len(parts) else None
            text += T["then"].format(turn=T[turn]) if turn else T["end"]
            if m >= 0.5 or len(parts) == 1:
                steps.append(_tidy(text) if zh else text)
        if leg.via is not None and n + 1 < len(route.legs):
            nxt = route.legs[n + 1].level
            here, there = venue.levels.get(leg.level), venue.levels.get(nxt)
            level = _level_label(venue, leg.level, nxt, lang)
            if here is not None and there is not None and there.ordinal > here.ordinal:
                key = "up"
            elif here is not None and there is not None and there.ordinal < here.ordinal:
                key = "down"
            else:
                key = "across"
            text = T[key].format(name=_connector_name(conns.get(leg.via), leg.via, T, lang),
                                 level=level)
            steps.append(_tidy(text) if zh else text)
    steps.append(_arrival(route, T, lang, last_stretch, conns))
    return steps


def _arrival(route: Route, T: dict, lang: str, last, conns: Mapping) -> str:
    """The last step: which side the destination stand is on, or that this is the place
    (a connector end by its connector's name)."""
    dest = route.destination
    zh = lang == "zh-Hant"
    name = (dest.name_zh if zh and dest.name_zh else dest.name) or dest.id
    if dest.kind == "connector" and not dest.name:
        cid = dest.id.split("@", 1)[0]  # the end ES-H2-B@H2-1F of connector ES-H2-B
        name = _connector_name(conns.get(cid), cid, T, lang).strip()
    if dest.polygon is not None and route.legs:
        label = (dest.name_zh or dest.name) if zh else dest.name
        code = T["named_booth"].format(name=label, code=dest.id) \
            if label and label != dest.id else dest.id
        code = _pad(code) if zh else code
        c = dest.polygon.centroid
        if last is None or math.dist(last[0], last[1]) < 1e-6:
            text = T["arrive"].format(name=code)
        else:
            ang = _change(last[0], last[1], (c.x, c.y))
            if abs(ang) < 20.0:
                text = T["ahead_booth"].format(code=code)
            else:
                side = T["side_left"] if ang > 0 else T["side_right"]
                text = T["booth"].format(code=code, side=side)
    elif route.length_m < 0.5:
        text = T["here"].format(name=_pad(name) if zh else name)
    else:
        text = T["arrive"].format(name=_pad(name) if zh else name)
    return _tidy(text) if zh else text
