"""What each venue rule finds on one level: for some of its booths, the pairs they make,
its points (amenities, kiosks, connector ends) and openings (the venue's connectors and
codes as a whole are :mod:`~exponav.core.layout.venue_rules`).

:class:`LevelRules` holds the per-level state the rules read (booths and obstacles in
STRtrees, the walkable area, the areas kept clear in front of exits and landings) and
computes the rules vectorised over the booths or points it is given;
:class:`~exponav.core.layout.checks.Checker` decides which to give it after an edit.
Every violation is keyed by its subject, so that an edit can replace exactly what it
touched.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from exponav.core.layout.rules import Rules, Violation, Words, phrase, violation, words
from exponav.core.layout.walkable import CONNECTOR_SNAP_M, POINT_SNAP_M, WalkableLevel
from exponav.core.model import Booth, LevelPlan, Venue

__all__ = ["EDGE_TOL", "FRONT_REACH_M", "ClearZone", "Key", "LevelRules", "LevelState",
           "spot_of"]

AREA_TOL = 0.01  # m²: overlaps smaller than this are drawing noise
GAP_TOL = 0.05  # m: booths closer than this touch (no aisle between them)
EDGE_TOL = 0.05  # m: an opening or connector end this close to its line or level is on it
FRONT_REACH_M = 0.6  # a side within this of the walkable area faces an aisle (the router's)
FACING_M = 3.0  # a connector end or hydrant faces away from a wall this close
SAMPLE_M = 0.5  # booth sides are sampled this often to find the frontage (depth rule)
GRID_M = 1.0  # and booth insides on this grid

Key = tuple


@dataclass
class ClearZone:
    """Space kept free of booths in front of an exit, entrance, landing or hydrant."""

    source: str  # the id of the exit, connector or hydrant kept clear
    what: Words
    polygon: BaseGeometry


def _empty() -> np.ndarray:
    return np.empty(0, dtype=object)


@dataclass
class LevelState:
    """What the checker keeps of one level."""

    plan: LevelPlan
    walk: WalkableLevel
    booths: list[Booth] = field(default_factory=list)
    polys: np.ndarray = field(default_factory=_empty)
    tree: STRtree | None = None
    index: dict[str, list[int]] = field(default_factory=dict)
    obstacles: np.ndarray = field(default_factory=_empty)
    obstacle_tree: STRtree | None = None
    sides: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=int))
    side_tree: STRtree | None = None
    outline: BaseGeometry | None = None
    main: MultiLineString | None = None
    zones: list[ClearZone] = field(default_factory=list)
    zone_tree: STRtree | None = None
    reachable: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))
    signature: tuple = ()
    points: list[tuple[str, str, tuple[str, ...], Point, float]] = field(default_factory=list)
    point_geoms: np.ndarray = field(default_factory=_empty)
    point_tree: STRtree | None = None

    @property
    def id(self) -> str:
        return self.plan.level.id


#: From this many booths on, the frontage is found side by side (see _fronts).
_MANY = 64


def _fronts(pieces: list[Polygon], polys: np.ndarray) -> dict[int, list[int]]:
    """Booth index -> the walkable pieces within FRONT_REACH_M of it, in piece order.

    A booth is that near a piece when it overlaps it or a side of the piece's outline is
    that near; for many booths the sides go into an STRtree, which finds exactly what
    ``dwithin`` of the whole piece finds, in a fraction of the time."""
    fronts: dict[int, list[int]] = defaultdict(list)
    for p, piece in enumerate(pieces):
        if len(polys) < _MANY:
            near = shapely.dwithin(piece, polys, FRONT_REACH_M)
        else:
            near = np.zeros(len(polys), dtype=bool)
            xy, ring = shapely.get_coordinates(
                [piece.exterior, *piece.interiors], return_index=True)
            same = ring[1:] == ring[:-1]  # a side joins two points of one ring
            sides = shapely.linestrings(np.stack([xy[:-1][same], xy[1:][same]], axis=1))
            hit, _ = STRtree(sides).query(polys, predicate="dwithin", distance=FRONT_REACH_M)
            near[hit] = True
            rest = np.flatnonzero(~near)
            if len(rest):
                near[rest] = shapely.intersects(piece, polys[rest])
        for k in np.flatnonzero(near):
            fronts[int(k)].append(p)
    return fronts


def spot_of(g: BaseGeometry) -> tuple[float, float]:
    """Where a violation of a shape is shown: a point of it (the point itself)."""
    p = g.representative_point() if not isinstance(g, Point) else g
    return float(p.x), float(p.y)


def _mid(segment: LineString) -> tuple[float, float]:
    return spot_of(segment.interpolate(0.5, normalized=True))


def _centre(g: BaseGeometry) -> tuple[float, float]:
    c = g.centroid
    return (float(c.x), float(c.y)) if not c.is_empty else spot_of(g)


class LevelRules:
    """The rules over one level at a time. The subclass that uses them keeps what they
    read: the venue and its rules, whether it has an entrance, the depth rule's cache
    and where the walkable area last changed."""

    venue: Venue
    rules: Rules
    has_entrance: bool
    _depths: dict[str, tuple[Polygon, tuple | None]]  # code -> (its outline, its depth)
    _walk_changed: dict[str, BaseGeometry]  # level -> the region the last edit changed

    def _set_booths(self, L: LevelState, plan: LevelPlan) -> None:
        """The level's booths, their outlines, tree and code index; after an edit that
        replaced booths in place (a move, a resize, a sale), only those are looked at
        again."""
        now = list(plan.booths)
        was = L.booths
        swapped = [i for i, (a, b) in enumerate(zip(was, now, strict=False)) if a is not b] \
            if len(was) == len(now) and was else None
        L.booths = now
        if swapped is not None and len(swapped) <= _MANY:
            polys = L.polys.copy()  # a copy: what an earlier caller holds stays as it was
            for i in swapped:
                old, new = was[i], now[i]
                polys[i] = new.polygon
                if old.code != new.code:
                    L.index[old.code].remove(i)
                    if not L.index[old.code]:
                        del L.index[old.code]
                    bisect.insort(L.index.setdefault(new.code, []), i)
            L.polys = polys
        else:
            L.polys = np.asarray([b.polygon for b in now], dtype=object)
            L.index = {}
            for i, b in enumerate(now):
                L.index.setdefault(b.code, []).append(i)
        L.tree = STRtree(L.polys) if len(L.polys) else None

    def _set_obstacles(self, L: LevelState) -> None:
        plan = L.plan
        L.obstacles = np.asarray([o.polygon for o in plan.obstacles], dtype=object)
        L.obstacle_tree = STRtree(L.obstacles) if len(L.obstacles) else None
        sides = [i for i, o in enumerate(plan.obstacles) if o.category in self.rules.aisle_sides]
        L.sides = np.asarray(sides, dtype=int)
        L.side_tree = STRtree(L.obstacles[L.sides]) if sides else None
        shapely.prepare(plan.footprint)
        L.outline = plan.footprint.boundary
        lines = self.rules.main_aisles.get(L.id, ())
        L.main = MultiLineString(list(lines)) if lines else None
        if L.main is not None:
            shapely.prepare(L.main)

    def _set_zones(self, L: LevelState) -> None:
        """The areas kept clear on this level: in front of exits and entrances, connector
        landings and hydrants (as far as the rules keep them clear)."""
        rules, plan, lv = self.rules, L.plan, L.id
        depth = rules.clearance_m
        zones: list[ClearZone] = []
        for o in plan.openings:
            kind = "exit" if o.category == "emergencyexit" else "entrance"
            if kind not in rules.kept_clear:
                continue
            front = o.line.buffer(depth, cap_style="flat").intersection(plan.footprint)
            zones.append(ClearZone(o.id, words(kind).named(o.id), front))
        for c in self.venue.connectors:
            if c.kind not in rules.kept_clear:
                continue
            what = words(c.kind).named(c.id)
            for i, e in enumerate(c.ends):
                if e.level == lv:
                    zones.append(ClearZone(f"{c.id}:{i}", what,
                                           self._front(L, Point(e.x, e.y), None)))
        if "hydrant" in rules.kept_clear:
            hydrant = words("hydrant")
            for a in plan.amenities:
                if a.category == "hydrant":
                    zones.append(ClearZone(a.id, hydrant.named(a.id),
                                           self._front(L, a.point, None)))
            for i, o in enumerate(plan.obstacles):
                if o.category == "hydrant":
                    zones.append(ClearZone(f"hydrant:{i}", hydrant,
                                           self._front(L, o.polygon.centroid, i)))
        L.zones = [z for z in zones if not z.polygon.is_empty]
        L.zone_tree = STRtree([z.polygon for z in L.zones]) if L.zones else None

    def _front(self, L: LevelState, p: Point, skip: int | None) -> BaseGeometry:
        """The free space in front of a landing or hydrant at ``p``: ``landing_width_m``
        wide and ``clearance_m`` deep from the face of the wall or obstacle it stands at
        (the nearest within 3 m), facing away from it; all round ``p`` when there is none."""
        depth, half = self.rules.clearance_m, self.rules.landing_width_m / 2
        best: tuple[float, BaseGeometry] | None = None
        if L.obstacle_tree is not None:
            for i in L.obstacle_tree.query(p.buffer(FACING_M)):
                if int(i) == skip:
                    continue
                g = L.obstacles[int(i)]
                d = g.distance(p)
                if d <= FACING_M and (best is None or d < best[0]):
                    best = (d, g)
        d_out = L.outline.distance(p)
        if d_out <= FACING_M and (best is None or d_out < best[0]):
            best = (d_out, L.outline)
        if best is None:
            return p.buffer(depth)
        d, wall = best
        if d > 1e-9:
            q = nearest_points(wall, p)[0]
            ux, uy = p.x - q.x, p.y - q.y
        else:  # on or inside it: face away from its middle
            q, c = p, wall.centroid
            ux, uy = p.x - c.x, p.y - c.y
        n = math.hypot(ux, uy)
        if n < 1e-9:
            return p.buffer(depth)
        ux, uy = ux / n, uy / n
        vx, vy = -uy * half, ux * half
        return Polygon([(q.x + vx, q.y + vy), (q.x - vx, q.y - vy),
                        (q.x - vx + ux * depth, q.y - vy + uy * depth),
                        (q.x + vx + ux * depth, q.y + vy + uy * depth)])

    def _min_width(self, L: LevelState, a: BaseGeometry, b: BaseGeometry) -> float:
        main = L.main
        if main is not None and shapely.shortest_line(a, b).intersects(main):
            return self.rules.main_aisle_min_m
        return self.rules.aisle_min_m

    def _booth_rules(self, L: LevelState, idx: np.ndarray) -> dict[Key, list[Violation]]:
        out: dict[Key, list[Violation]] = defaultdict(list)
        if not len(idx):
            return {}
        rules, lv = self.rules, L.id
        polys = L.polys[idx]
        booths = [L.booths[int(i)] for i in idx]

        def add(k: int, v: Violation) -> None:
            out[("booth", lv, booths[k].code)].append(v)

        # the hall's outline
        inside = shapely.covers(L.plan.footprint, polys)
        for k in np.flatnonzero(~inside):
            rest = polys[k].difference(L.plan.footprint)
            if rest.area > AREA_TOL:
                add(k, violation(rules, "booth.outside", lv, (booths[k].code,), spot_of(rest),
                                 area=rest.area))
        # obstacles: one violation per booth and category, the largest piece shown
        if L.obstacle_tree is not None:
            bi, oi = L.obstacle_tree.query(polys, predicate="intersects")
            if len(bi):
                pieces = shapely.intersection(polys[bi], L.obstacles[oi])
                areas = shapely.area(pieces)
                hits: dict[tuple[int, str], list[tuple[float, BaseGeometry]]] = defaultdict(list)
                for k, o, a, g in zip(bi, oi, areas, pieces, strict=True):
                    if a > AREA_TOL:
                        hits[(int(k), L.plan.obstacles[int(o)].category)].append((a, g))
                for (k, cat), found in sorted(hits.items()):
                    big = max(found, key=lambda t: t[0])[1]
                    add(k, violation(rules, "booth.obstacle", lv, (booths[k].code,), _centre(big),
                                     subject=cat, what=words(cat),
                                     area=sum(a for a, _ in found)))
        # aisles against walls, cores, stages ... and the outline
        widest = self._widest(L)
        grown = self._grown_boxes(polys, widest)
        if L.side_tree is not None:
            bi, si = L.side_tree.query(grown)
            if len(bi):
                sides = L.obstacles[L.sides[si]]
                dist = shapely.distance(polys[bi], sides)
                narrow, need, segs = self._narrow(L, polys[bi], sides, dist)
                best: dict[tuple[int, str], int] = {}
                for n in np.flatnonzero(narrow):
                    k, cat = int(bi[n]), L.plan.obstacles[int(L.sides[si[n]])].category
                    if (k, cat) not in best or dist[n] < dist[best[(k, cat)]]:
                        best[(k, cat)] = n
                for (k, cat), n in sorted(best.items()):
                    add(k, violation(rules, "aisle.narrow", lv, (booths[k].code,),
                                     _mid(segs[n]), subject=cat, what=words(cat),
                                     width=float(dist[n]), min=float(need[n])))
        if L.main is not None:  # a booth across a main aisle's centre line blocks it
            for k in np.flatnonzero(shapely.intersects(L.main, polys)):
                cut = shapely.intersection(L.main, polys[k].buffer(-GAP_TOL))
                if cut.length > GAP_TOL:
                    add(int(k), violation(rules, "aisle.blocked", lv, (booths[k].code,),
                                          _centre(cut)))
        outline = np.full(len(polys), L.outline, dtype=object)
        dist = shapely.distance(polys, L.outline)
        dist[~inside] = 0.0
        narrow, need, segs = self._narrow(L, polys, outline, dist)
        for k in np.flatnonzero(narrow):
            add(int(k), violation(rules, "aisle.narrow", lv, (booths[k].code,), _mid(segs[k]),
                                  subject="outline", what=words("outline"),
                                  width=float(dist[k]), min=float(need[k])))
        # clearances
        if L.zone_tree is not None:
            bi, zi = L.zone_tree.query(polys, predicate="intersects")
            if len(bi):
                zp = np.asarray([L.zones[int(z)].polygon for z in zi], dtype=object)
                pieces = shapely.intersection(polys[bi], zp)
                for k, z, g in zip(bi, zi, pieces, strict=True):
                    if g.area > AREA_TOL:
                        zone = L.zones[int(z)]
                        add(int(k), violation(rules, "clearance.blocked", lv, (booths[k].code,),
                                              _centre(g), subject=zone.source, what=zone.what,
                                              depth=rules.clearance_m))
        # frontage and reach
        fronts = _fronts(L.walk.pieces, polys)
        for k in range(len(idx)):
            code = booths[k].code
            if not fronts.get(k):
                add(k, violation(rules, "booth.no_frontage", lv, (code,), spot_of(polys[k])))
            elif self.has_entrance and not any(L.reachable[p] for p in fronts[k]):
                add(k, violation(rules, "booth.unreachable", lv, (code,), spot_of(polys[k])))
        # depth: only booths wider than the limit can break it
        x0, y0, x1, y1 = shapely.bounds(polys).T
        big = np.flatnonzero(np.hypot(x1 - x0, y1 - y0) > rules.max_depth_m)
        for k in big:
            if fronts.get(int(k)):
                far = self._deepest(L, booths[k].code, polys[k])
                if far is not None and far[0] > rules.max_depth_m:
                    add(int(k), violation(rules, "booth.depth", lv, (booths[k].code,), far[1],
                                          depth=far[0], max=rules.max_depth_m))
        # codes
        letters = rules.areas.get(lv)
        for k, b in enumerate(booths):
            if b.code[:1] != b.area:
                add(k, violation(rules, "code.scheme", lv, (b.code,), spot_of(polys[k]),
                                 scheme=phrase("area_letter", letter=b.area)))
            elif letters and b.code[:1] not in letters:
                shown = ", ".join(sorted(letters))
                add(k, violation(rules, "code.scheme", lv, (b.code,), spot_of(polys[k]),
                                 scheme=phrase("level_letters", letters=shown, level=lv)))
        return dict(out)

    def _deepest(self, L: LevelState, code: str, poly: Polygon
                 ) -> tuple[float, tuple[float, float]] | None:
        """How far the deepest point inside ``poly`` is from its aisle sides, and where
        (kept per booth while its outline stays and the walkable area beside it too)."""
        cached = self._depths.get(code)
        changed = self._walk_changed.get(L.id)
        if cached is not None and cached[0] is poly and (
                changed is None or not changed.intersects(poly.buffer(FRONT_REACH_M + 0.1))):
            return cached[1]
        ring = poly.exterior
        n = max(4, int(math.ceil(ring.length / SAMPLE_M)))
        edge = shapely.line_interpolate_point(ring, np.linspace(0.0, ring.length, n))
        mask = shapely.dwithin(L.walk.area, edge, FRONT_REACH_M + 1e-6)
        found = self._farthest(poly, edge[mask]) if mask.any() else None
        self._depths[code] = (poly, found)
        return found

    @staticmethod
    def _farthest(poly: Polygon, front: np.ndarray) -> tuple[float, tuple[float, float]]:
        ring = poly.exterior
        x0, y0, x1, y1 = poly.bounds
        gx, gy = np.meshgrid(np.arange(x0, x1 + GRID_M, GRID_M), np.arange(y0, y1 + GRID_M, GRID_M))
        grid = shapely.points(np.c_[gx.ravel(), gy.ravel()])
        inner = np.concatenate([grid[shapely.covers(poly, grid)],
                                shapely.points(np.asarray(ring.coords))])
        ix, iy = shapely.get_coordinates(inner).T
        fx, fy = shapely.get_coordinates(front).T
        dx, dy = ix[:, None] - fx[None, :], iy[:, None] - fy[None, :]
        d = np.sqrt(dx * dx + dy * dy).min(axis=1)  # as GEOS measures point to point
        k = int(np.argmax(d))
        return float(d[k]), (float(ix[k]), float(iy[k]))

    # -- pairs of booths

    def _pair_rules(self, L: LevelState, idx: np.ndarray) -> dict[Key, list[Violation]]:
        if not len(idx) or L.tree is None:
            return {}
        rules, lv = self.rules, L.id
        a, j = L.tree.query(self._grown_boxes(L.polys[idx], self._widest(L)))
        i = idx[a]
        n = len(L.polys)
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        keys = np.unique((lo * n + hi)[lo != hi])
        lo, hi = keys // n, keys % n
        if not len(keys):
            return {}
        A, B = L.polys[lo], L.polys[hi]
        dist = shapely.distance(A, B)
        out: dict[Key, list[Violation]] = defaultdict(list)

        def key(k: int) -> tuple[tuple[str, str], Key]:
            codes = tuple(sorted((L.booths[lo[k]].code, L.booths[hi[k]].code)))
            return codes, ("pair", lv, *codes)  # type: ignore[return-value]

        # booths that meet overlap only where their boxes do (most just share a side)
        meet = np.flatnonzero(dist == 0.0)
        ba, bb = shapely.bounds(A[meet]).reshape(-1, 4), shapely.bounds(B[meet]).reshape(-1, 4)
        wide = np.minimum(ba[:, 2], bb[:, 2]) - np.maximum(ba[:, 0], bb[:, 0])
        high = np.minimum(ba[:, 3], bb[:, 3]) - np.maximum(ba[:, 1], bb[:, 1])
        meet = meet[wide * high > AREA_TOL]
        if len(meet):
            pieces = shapely.intersection(A[meet], B[meet])
            for k, g in zip(meet, pieces, strict=True):
                if g.area > AREA_TOL:
                    codes, kk = key(int(k))
                    out[kk].append(violation(rules, "booth.overlap", lv, codes, _centre(g),
                                             area=g.area))
        narrow, need, segs = self._narrow(L, A, B, dist)
        for k in np.flatnonzero(narrow):
            codes, kk = key(int(k))
            out[kk].append(violation(rules, "aisle.narrow", lv, codes, _mid(segs[k]),
                                     subject="booth", what=words("booth").named(codes[1]),
                                     width=float(dist[k]), min=float(need[k])))
        return dict(out)

    def _widest(self, L: LevelState) -> float:
        main = self.rules.main_aisle_min_m if L.main is not None else 0.0
        return max(self.rules.aisle_min_m, main)

    @staticmethod
    def _grown_boxes(polys: np.ndarray, by: float) -> np.ndarray:
        b = shapely.bounds(polys).reshape(-1, 4)
        return shapely.box(b[:, 0] - by, b[:, 1] - by, b[:, 2] + by, b[:, 3] + by)

    def _narrow(self, L: LevelState, a: np.ndarray, b: np.ndarray, dist: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Which gaps between ``a`` and ``b`` (``dist`` apart) are aisles narrower than the
        rules allow: the minimum (or the main-aisle one where the gap crosses a main
        aisle), and only where the gap is open (not filled by a third booth or an
        obstacle). Returns the mask, the widths needed and the gaps as segments."""
        need = np.full(len(dist), self.rules.aisle_min_m)
        segs = np.full(len(dist), None, dtype=object)
        cand = (dist > GAP_TOL) & (dist < self._widest(L))
        if not cand.any():
            return cand, need, segs
        segs[cand] = shapely.shortest_line(a[cand], b[cand])
        if L.main is not None:
            crossing = np.zeros(len(dist), dtype=bool)
            crossing[cand] = shapely.intersects(L.main, segs[cand])
            need[crossing] = self.rules.main_aisle_min_m
        cand &= dist < need
        if cand.any():
            where = np.flatnonzero(cand)
            mids = shapely.line_interpolate_point(segs[where], 0.5, normalized=True)
            for tree in (L.tree, L.obstacle_tree):
                if tree is not None:
                    hit, _ = tree.query(mids, predicate="intersects")
                    cand[where[np.unique(hit)]] = False
        return cand, need, segs

    # -- amenities, kiosks and connector ends

    def _set_points(self, L: LevelState) -> None:
        """(kind, key, codes, point, snap distance) of every point on the level."""
        plan = L.plan
        items = [("amenity", a.id, (a.id,), a.point, POINT_SNAP_M) for a in plan.amenities]
        items += [("kiosk", k.id, (k.id,), k.point, POINT_SNAP_M) for k in plan.kiosks]
        for c in self.venue.connectors:
            for i, e in enumerate(c.ends):
                if e.level == L.id:
                    items.append(("connector", f"{c.id}:{i}", (c.id,), Point(e.x, e.y),
                                  CONNECTOR_SNAP_M))
        L.points = items
        L.point_geoms = np.asarray([it[3] for it in items], dtype=object)
        L.point_tree = STRtree(L.point_geoms) if items else None

    def _point_rules(self, L: LevelState, which: np.ndarray | None) -> dict[Key, list[Violation]]:
        """The rules of the level's points ``which`` (indices; None for all)."""
        rules, lv = self.rules, L.id
        if which is None:
            which = np.arange(len(L.points))
        items = [L.points[int(n)] for n in which]
        out: dict[Key, list[Violation]] = {}
        if not items:
            return out
        pts = L.point_geoms[np.asarray(which, dtype=int)]
        inside: dict[int, str] = {}
        if L.tree is not None:
            pi, bi = L.tree.query(pts, predicate="intersects")
            for p, b in zip(pi, bi, strict=True):
                inside.setdefault(int(p), L.booths[int(b)].code)
        walk = L.walk
        to_walk = (shapely.distance(pts, walk.area) if walk.pieces
                   else np.full(len(pts), np.inf))
        near = np.full(len(pts), np.inf)
        for arr, tree in ((L.polys, L.tree), (L.obstacles, L.obstacle_tree)):
            if tree is not None:
                pi, gi = tree.query(pts, predicate="dwithin", distance=rules.point_clear_m)
                if len(pi):
                    np.minimum.at(near, pi, shapely.distance(pts[pi], arr[gi]))
        near = np.minimum(near, shapely.distance(pts, L.outline))
        for n, (kind, key, codes, p, snap) in enumerate(items):
            what = words(kind).named(codes[0])
            if kind == "connector":
                what = what.end_on(lv)
            found: list[Violation] = []
            xy = (p.x, p.y)
            if n in inside:
                found.append(violation(rules, "point.in_booth", lv, (*codes, inside[n]), xy,
                                       a=inside[n], what=what))
            elif to_walk[n] > snap:
                found.append(violation(rules, "point.off_walkable", lv, codes, xy, what=what,
                                       distance=float(to_walk[n])))
            else:
                piece = walk.piece_near(p.x, p.y, snap)
                if (kind != "connector" and self.has_entrance and piece is not None
                        and not L.reachable[piece]):
                    found.append(violation(rules, "point.unreachable", lv, codes, xy,
                                           what=what))
                if near[n] < rules.point_clear_m and kind != "connector":
                    found.append(violation(rules, "point.tight", lv, codes, xy, what=what,
                                           distance=float(near[n]),
                                           min=rules.point_clear_m))
            if found:
                out[("point", lv, kind, key)] = found
        return out

    # -- openings, connectors, codes

    def _opening_rules(self, L: LevelState) -> dict[Key, list[Violation]]:
        out: dict[Key, list[Violation]] = {}
        outline = L.outline
        for o in L.plan.openings:
            pts = [Point(c) for c in o.line.coords] + [o.line.interpolate(0.5, normalized=True)]
            d = max(outline.distance(p) for p in pts)
            if d > EDGE_TOL:
                out[("opening", L.id, o.id)] = [violation(
                    self.rules, "opening.off_edge", L.id, (o.id,), spot_of(pts[-1]),
                    what=words("opening").named(o.id), distance=d)]
        return out
