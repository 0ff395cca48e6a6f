"""Plan a visit: the order of the stops, when to arrive at each, and the walk between them.

A visit starts at one place (a kiosk, an entrance, any point) at a start time, and goes
to any number of stops: booths, exhibitors, amenities, sessions, matchmaking tables.
Some stops are *appointments*: the visitor must be there by a fixed time (and waits if
early). Each stop takes a dwell time (10 minutes unless set). The order minimises the
walking time while keeping every appointment that can be kept; an appointment that
cannot be kept is reported, with how many minutes late the visitor would be.

How the order is found
----------------------
Kept appointments happen in time order and each fixes the clock (its time plus its
dwell), so a visit is a chain of *segments*: origin -> free stops -> first appointment
-> free stops -> second appointment ... -> free stops (open end). A free stop belongs to
exactly one segment, and a segment is feasible when its walking plus dwelling fits
before the next appointment. With up to :data:`EXACT_LIMIT` free stops the order is
exact: a Held-Karp dynamic programme (vectorised with numpy) from the start of every
segment, then a min-plus subset convolution that shares the free stops between
segments. With more, a construction (nearest neighbour, or cheapest feasible insertion
around the appointments) is improved by 2-opt and Or-opt moves with time-window checks,
inside an iterated local search with double-bridge kicks and a fixed seed.

An appointment that cannot be kept even by walking straight to it gets no free stop
before it; its lateness is reported and the clock runs on from the late arrival.

>>> import numpy as np
>>> walk = np.array([[0, 60, 30], [60, 0, 40], [30, 40, 0]], float)  # seconds
>>> order = order_stops(walk, dwell_s=[600, 600], appointments_s=[None, None], start_s=36000)
>>> order.sequence, order.walk_s
((1, 0), 70.0)
"""

from __future__ import annotations

import math
import random
import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from exponav.core import qr
from exponav.core.errors import ExpoNavError
from exponav.core.model import Place, Show

if TYPE_CHECKING:  # the navigator imports this module's user; keep the import one way
    from exponav.core.navigator import Navigator
    from exponav.core.routing import Route, Router

__all__ = [
    "DEFAULT_DWELL_MIN",
    "EXACT_LIMIT",
    "Itinerary",
    "ItineraryError",
    "MissedAppointment",
    "PlannedStop",
    "VisitOrder",
    "format_hhmm",
    "itinerary_bench_rows",
    "order_stops",
    "parse_hhmm",
    "plan_visit",
    "resume_visit",
    "router_for",
    "schedule",
    "walking_matrix",
]

DEFAULT_DWELL_MIN = 10.0
#: Up to this many stops without an appointment, the order is the exact optimum.
EXACT_LIMIT = 12
_EPS = 1e-6
_DAY = 24 * 3600


class ItineraryError(ExpoNavError):
    """A visit that cannot be planned as asked (a bad time, a stop nobody can reach)."""


# -- clock times -----------------------------------------------------------------------

_HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_hhmm(value: str | time | datetime | float | int) -> float:
    """Seconds since midnight for ``"14:00"`` (also a ``time``, ``datetime`` or seconds).

    >>> parse_hhmm("9:05"), parse_hhmm("14:00")
    (32700.0, 50400.0)
    """
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return float(value.hour * 3600 + value.minute * 60 + value.second)
    if isinstance(value, int | float):
        return float(value)
    m = _HHMM.match(str(value))
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ItineraryError(f"{value!r} is not a time of day; write it as HH:MM, e.g. 14:00.")
    return float(int(m.group(1)) * 3600 + int(m.group(2)) * 60)


def format_hhmm(seconds: float) -> str:
    """``"HH:MM"``, to the nearest minute (past midnight it wraps).

    >>> format_hhmm(50400), format_hhmm(50429), format_hhmm(50430)
    ('14:00', '14:00', '14:01')
    """
    minutes = int(math.floor(seconds / 60.0 + 0.5)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# -- ordering: the pure part ----------------------------------------------------------------

@dataclass(frozen=True)
class VisitOrder:
    """The order found by :func:`order_stops`.

    ``sequence`` holds stop indices (0-based, the origin excluded); ``late_s[i]`` is how
    late stop ``i``'s appointment would be (0 when kept or when it has none).
    """

    sequence: tuple[int, ...]
    walk_s: float
    late_s: tuple[float, ...]
    exact: bool

    @property
    def total_late_s(self) -> float:
        return float(sum(self.late_s))


def schedule(sequence: Sequence[int], walk: np.ndarray, dwell_s: Sequence[float],
             appointments_s: Sequence[float | None], start_s: float
             ) -> tuple[list[float], list[float], list[float], float]:
    """Arrival, departure and lateness of each stop of ``sequence``, and the walk.

    ``walk`` is the (n+1) x (n+1) matrix of walking seconds, row and column 0 being
    the origin. A visitor early for an appointment waits for it; dwelling starts then.

    >>> w = np.array([[0, 100], [100, 0]], float)
    >>> schedule([0], w, [600], [36000.0], 30000)
    ([30100.0], [36600.0], [0.0], 100.0)
    """
    t, prev, walked = float(start_s), 0, 0.0
    arrive, depart, late = [], [], []
    for i in sequence:
        leg = float(walk[prev, i + 1])
        walked += leg
        t += leg
        arrive.append(t)
        due = appointments_s[i]
        if due is not None and t > due + _EPS:
            late.append(t - due)
        else:
            late.append(0.0)
            if due is not None:
                t = float(due)
        t += float(dwell_s[i])
        depart.append(t)
        prev = i + 1
    return arrive, depart, late, walked


#: What a second of waiting for an appointment costs, in seconds of walking, when a
#: visitor plans a visit (see :func:`plan_visit`).
VISITOR_IDLE_WEIGHT = 0.1


def order_stops(walk: np.ndarray | Sequence[Sequence[float]], dwell_s: Sequence[float],
                appointments_s: Sequence[float | None], start_s: float, *,
                idle_weight: float = 0.0, exact_limit: int = EXACT_LIMIT,
                seed: int = 0) -> VisitOrder:
    """The visiting order that keeps every appointment it can and walks least.

    ``walk[a][b]`` is the walking time in seconds from place ``a`` to ``b`` (index 0 is
    the origin, index ``i + 1`` stop ``i``); it may be asymmetric. ``dwell_s[i]`` is the
    time spent at stop ``i`` and ``appointments_s[i]`` the time (seconds since midnight)
    it must be reached by, or None. The path is open: it ends at the last stop.

    The order minimises walking. ``idle_weight`` > 0 also counts each second spent
    waiting for an appointment as that fraction of a second of walking, so free stops
    fill the time before a meeting when that costs little extra walking (0 keeps the
    walk strictly shortest).

    >>> w = np.array([[0, 10, 500], [10, 0, 490], [500, 490, 0]], float)
    >>> order_stops(w, [600, 600], [None, 1000.0], start_s=0).sequence  # meeting first
    (1, 0)
    """
    w = np.asarray(walk, dtype=float)
    n = len(dwell_s)
    if w.shape != (n + 1, n + 1) or len(appointments_s) != n:
        raise ValueError("walk must be (n+1) x (n+1) for n stops, with n dwell times and "
                         "n appointment entries")
    if n == 0:
        return VisitOrder((), 0.0, (), True)
    if not np.all(np.isfinite(w)):
        raise ItineraryError("Some stops cannot be reached from the others.")
    dwell = [float(d) for d in dwell_s]
    due = [None if a is None else float(a) for a in appointments_s]
    anchors = sorted((a, i) for i, a in enumerate(due) if a is not None)
    free = [i for i in range(n) if due[i] is None]
    if len(free) <= exact_limit and len(anchors) <= 8:
        seq = _exact_order(w, dwell, due, float(start_s), [i for _, i in anchors], free,
                           idle_weight)
        exact = True
    else:
        seq = _heuristic_order(w, dwell, due, float(start_s), [i for _, i in anchors], free,
                               seed, idle_weight)
        exact = False
    _, _, late_list, walked = schedule(seq, w, dwell, due, start_s)
    late = [0.0] * n
    for i, lateness in zip(seq, late_list, strict=True):
        late[i] = lateness
    return VisitOrder(tuple(seq), walked, tuple(late), exact)


def _anchor_clock(w: np.ndarray, dwell: list[float], due: list[float | None], start: float,
                  anchors: list[int]) -> tuple[list[float], list[bool]]:
    """The clock on leaving each segment start (origin, then each appointment) when
    walking straight from appointment to appointment, and whether each is kept."""
    clock, kept = [start], []
    prev, t = 0, start
    for i in anchors:
        arrive = t + float(w[prev, i + 1])
        due_i = float(due[i])  # type: ignore[arg-type]
        kept.append(arrive <= due_i + _EPS)
        t = max(arrive, due_i) + dwell[i]
        clock.append(t)
        prev = i + 1
    return clock, kept


# -- exact: Held-Karp per segment + subset convolution --------------------------------------

@lru_cache(maxsize=16)
def _masks_by_size(f: int) -> list[list[np.ndarray]]:
    """For each subset size k and element j, the masks of size k that contain j."""
    masks = np.arange(1 << f, dtype=np.int64)
    sizes = np.array([bin(m).count("1") for m in range(1 << f)])
    out: list[list[np.ndarray]] = [[] for _ in range(f + 1)]
    for k in range(f + 1):
        of_size = masks[sizes == k]
        out[k] = [of_size[(of_size >> j) & 1 == 1] for j in range(f)]
    return out


@lru_cache(maxsize=16)
def _subset_pairs(f: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (set U, subset S of U), sorted by U, and where each U's run starts."""
    digits = np.arange(3 ** f, dtype=np.int64)
    u = np.zeros_like(digits)
    s = np.zeros_like(digits)
    for b in range(f):
        d = digits % 3
        digits //= 3
        u |= (d > 0).astype(np.int64) << b
        s |= (d == 2).astype(np.int64) << b
    order = np.argsort(u, kind="stable")
    u, s = u[order], s[order]
    starts = np.flatnonzero(np.r_[True, u[1:] != u[:-1]])
    return u, s, starts


@lru_cache(maxsize=16)
def _held_karp_layers(f: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """For each subset size k >= 2: every (mask of size k, element j in it), as masks,
    elements, the masks without j, and row numbers."""
    by_size = _masks_by_size(f)
    layers = []
    for k in range(2, f + 1):
        masks = np.concatenate(by_size[k])
        last = np.repeat(np.arange(f), [len(m) for m in by_size[k]])
        layers.append((masks, last, masks ^ (1 << last), np.arange(len(masks))))
    return layers


def _held_karp(w: np.ndarray, source: int, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shortest walks from ``source`` through every subset of ``nodes`` (matrix indices):
    ``best[S, j]`` ends at ``nodes[j]``; ``parent`` gives the node before it."""
    f = len(nodes)
    best = np.full((1 << f, f), np.inf)
    parent = np.full((1 << f, f), -1, dtype=np.int8)
    if f == 0:
        return best, parent
    idx = np.arange(f)
    best[1 << idx, idx] = w[source, nodes]
    into = w[np.ix_(nodes, nodes)].T  # into[j, i]: the walk from node i to node j
    # one subset size at a time, all last stops j together (each size reads only the one
    # before it): best[S, j] = min over i of best[S - j, i] + walk(i -> j)
    for masks, last, without, rows in _held_karp_layers(f):
        cand = best[without] + into[last]
        arg = np.argmin(cand, axis=1)
        best[masks, last] = cand[rows, arg]
        parent[masks, last] = arg
    return best, parent


def _unwind(parent: np.ndarray, mask: int, last: int, nodes: list[int]) -> list[int]:
    out = []
    while mask:
        out.append(nodes[last])
        prev = int(parent[mask, last])
        mask ^= 1 << last
        last = prev
    return out[::-1]


def _exact_order(w: np.ndarray, dwell: list[float], due: list[float | None], start: float,
                 anchors: list[int], free: list[int], idle_weight: float = 0.0) -> list[int]:
    f, m = len(free), len(anchors)
    full = (1 << f) - 1
    nodes = np.array([i + 1 for i in free], dtype=np.int64)
    masks = np.arange(1 << f, dtype=np.int64)
    dwell_sum = np.zeros(1 << f)
    for b, i in enumerate(free):
        dwell_sum += ((masks >> b) & 1) * dwell[i]
    clock, kept = _anchor_clock(w, dwell, due, start, anchors)
    sources = [0] + [i + 1 for i in anchors]

    # g[k][S]: least walk of segment k through the free stops S; end[k][S]: its last stop
    g: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    tables = []
    for k, src in enumerate(sources):
        best, parent = _held_karp(w, src, nodes)
        tables.append(parent)
        if k < m:  # the segment ends at appointment k
            target = anchors[k] + 1
            to_target = best + w[nodes, target][None, :] if f else best
            end = np.argmin(to_target, axis=1) if f else np.zeros(1, dtype=np.int64)
            seg = to_target[masks, end] if f else np.zeros(1)
            seg[0] = w[src, target]
            slack = float(due[anchors[k]]) - clock[k]  # type: ignore[arg-type]
            fits = seg + dwell_sum <= slack + _EPS
            if not kept[k]:
                fits = masks == 0  # late anyway: walk straight there
            elif idle_weight:  # the wait before the appointment costs a little too
                seg = seg + idle_weight * np.maximum(0.0, slack - seg - dwell_sum)
            seg = np.where(fits, seg, np.inf)
        else:  # the open last segment
            end = np.argmin(best, axis=1) if f else np.zeros(1, dtype=np.int64)
            seg = best[masks, end] if f else np.zeros(1)
            seg[0] = 0.0
        g.append(seg)
        ends.append(end)

    # share the free stops between segments: h[U] = min over S in U of h_prev[U-S] + g[S]
    h = g[0]
    choice: list[np.ndarray] = []
    for k in range(1, m + 1):
        if k == m:  # only the whole set matters at the end
            total = h[full ^ masks] + g[k]
            pick = np.full(1 << f, -1, dtype=np.int64)
            pick[full] = int(np.argmin(total))
            h = np.full(1 << f, np.inf)
            h[full] = float(total[pick[full]])
        else:
            u, s, starts = _subset_pairs(f)
            vals = h[u ^ s] + g[k][s]
            low = np.minimum.reduceat(vals, starts)
            counts = np.diff(np.r_[starts, len(u)])
            hit = np.flatnonzero(vals == np.repeat(low, counts))
            first = hit[np.r_[True, u[hit][1:] != u[hit][:-1]]]
            pick = np.full(1 << f, -1, dtype=np.int64)
            pick[u[first]] = s[first]
            h = np.full(1 << f, np.inf)
            h[u[first]] = vals[first]
        choice.append(pick)

    # unwind: which free stops each segment takes, then each segment's own order
    share = [0] * (m + 1)
    rest = full
    for k in range(m, 0, -1):
        share[k] = int(choice[k - 1][rest])
        rest ^= share[k]
    share[0] = rest
    seq: list[int] = []
    for k in range(m + 1):
        if k:
            seq.append(anchors[k - 1])
        if share[k]:
            part = _unwind(tables[k], share[k], int(ends[k][share[k]]), free)
            seq.extend(part)
    return seq


# -- heuristic: construction + 2-opt / Or-opt + iterated local search -----------------------

class _Search:
    """Local search over an open path from the origin, with appointment checks."""

    def __init__(self, w: np.ndarray, dwell: list[float], due: list[float | None],
                 start: float, idle_weight: float = 0.0) -> None:
        self.w, self.dwell, self.due, self.start = w, dwell, due, start
        self.timed = any(d is not None for d in due)
        self.idle_weight = idle_weight if self.timed else 0.0

    def key(self, seq: list[int]) -> tuple[float, float]:
        """What is minimised: lateness first, then walking (plus weighted waiting)."""
        _, _, late, walked = schedule(seq, self.w, self.dwell, self.due, self.start)
        cost = walked
        if self.idle_weight:
            t, prev = self.start, 0
            for i in seq:
                t += self.w[prev, i + 1]
                d = self.due[i]
                if d is not None and t < d:
                    cost += self.idle_weight * (d - t)
                    t = d
                t += self.dwell[i]
                prev = i + 1
        return round(sum(late), 3), cost

    def late(self, seq: list[int]) -> float:
        if not self.timed:
            return 0.0
        t, prev, late = self.start, 0, 0.0
        w, due, dwell = self.w, self.due, self.dwell
        for i in seq:
            t += w[prev, i + 1]
            d = due[i]
            if d is not None:
                if t > d + _EPS:
                    late += t - d
                else:
                    t = d
            t += dwell[i]
            prev = i + 1
        return late

    def walk(self, seq: list[int]) -> float:
        path = [0] + [i + 1 for i in seq]
        return float(self.w[path[:-1], path[1:]].sum())

    def improve(self, seq: list[int]) -> list[int]:
        """2-opt and Or-opt, best improvement first, until neither helps."""
        late = self.late(seq)
        current = self.key(seq) if self.idle_weight else None
        while True:
            moved = False
            for candidate in self._moves(seq):
                if not self.timed or self.late(candidate) <= late + _EPS:
                    if current is not None:
                        got = self.key(candidate)
                        if got[1] >= current[1] - _EPS:
                            continue
                        current = got
                    seq, moved = candidate, True
                    late = min(late, self.late(seq))
                    break
            if not moved:
                return seq

    def _moves(self, seq: list[int]):
        """Improving neighbours, best first: 2-opt reversals, and moves of chains of
        1-3 stops elsewhere (Or-opt, either way round). Deltas come from prefix sums, so
        an asymmetric matrix (one-way escalators) is handled."""
        n = len(seq)
        if n < 2:
            return
        w = self.w
        path = np.array([0] + [i + 1 for i in seq])
        step_f = w[path[:-1], path[1:]]  # edge k -> k+1
        fwd = np.r_[0.0, np.cumsum(step_f)]  # fwd[k]: walk from path[0] to path[k]
        bwd = np.r_[0.0, np.cumsum(w[path[1:], path[:-1]])]  # the same walked backwards
        size = n + 1
        pos = np.arange(size)
        succ_ok = pos < n
        succ = path[np.minimum(pos + 1, n)]
        deltas, kinds, firsts, lasts, places = [], [], [], [], []

        # 2-opt: reverse path[i..j], 1 <= i < j <= n
        i, j = np.triu_indices(size, 1)
        keep = i >= 1
        i, j = i[keep], j[keep]
        tail_old = np.where(succ_ok[j], step_f[np.minimum(j, n - 1)], 0.0)
        tail_new = np.where(succ_ok[j], w[path[i], succ[j]], 0.0)
        delta = (w[path[i - 1], path[j]] + (bwd[j] - bwd[i]) + tail_new
                 - step_f[i - 1] - (fwd[j] - fwd[i]) - tail_old)
        deltas.append(delta)
        kinds.append(np.zeros(len(i), dtype=np.int64))
        firsts.append(i)
        lasts.append(j)
        places.append(np.zeros(len(i), dtype=np.int64))

        # Or-opt: move the chain path[s0..s1] (maybe reversed) to just after path[p]
        cut = np.where(succ_ok, w[path, succ], 0.0)  # the edge p -> p+1 that opens
        for length in (1, 2, 3):
            if length >= n:
                break
            s0 = np.arange(1, n - length + 2)
            s1 = s0 + length - 1
            head, tail, before = path[s0], path[s1], path[s0 - 1]
            turn = (bwd[s1] - bwd[s0]) - (fwd[s1] - fwd[s0])
            closes = np.where(succ_ok[s1], w[tail, succ[s1]] - w[before, succ[s1]], 0.0)
            removed = w[before, head] + closes
            outside = (pos[None, :] < (s0 - 1)[:, None]) | (pos[None, :] > s1[:, None])
            into_q = succ_ok[None, :]
            plain = (w[path[None, :], head[:, None]]
                     + np.where(into_q, w[tail[:, None], succ[None, :]], 0.0) - cut[None, :])
            flip = (w[path[None, :], tail[:, None]]
                    + np.where(into_q, w[head[:, None], succ[None, :]], 0.0) - cut[None, :]
                    + turn[:, None])
            for kind, added in ((1, plain), (2, flip)):
                d = np.where(outside, added - removed[:, None], np.inf)
                a, p = np.nonzero(d < -_EPS)
                deltas.append(d[a, p])
                kinds.append(np.full(len(a), kind, dtype=np.int64))
                firsts.append(s0[a])
                lasts.append(s1[a])
                places.append(p)

        delta = np.concatenate(deltas)
        better = np.flatnonzero(delta < -_EPS)
        if len(better) == 0:
            return
        kind, first, last, place = (np.concatenate(x) for x in (kinds, firsts, lasts, places))
        for k in better[np.argsort(delta[better], kind="stable")]:
            yield _apply(seq, int(kind[k]), int(first[k]), int(last[k]), int(place[k]))


def _apply(seq: list[int], kind: int, a: int, b: int, p: int) -> list[int]:
    """Apply a move in path positions (position k is seq[k - 1]; 0 is the origin)."""
    if kind == 0:
        return seq[:a - 1] + seq[a - 1:b][::-1] + seq[b:]
    chain = seq[a - 1:b]
    if kind == 2:
        chain = chain[::-1]
    rest = seq[:a - 1] + seq[b:]
    # p is a path position outside the chain; find where it sits in rest
    cut = p if p < a else p - (b - a + 1)
    return rest[:cut] + chain + rest[cut:]


def _insert_cheapest(search: _Search, seq: list[int], stops: list[int]) -> list[int]:
    """Insert each stop where it adds least walk without making anyone later."""
    seq = list(seq)
    late = search.late(seq)
    for i in stops:
        options = []
        for pos in range(len(seq) + 1):
            cand = seq[:pos] + [i] + seq[pos:]
            cost = search.key(cand)[1] if search.idle_weight else search.walk(cand)
            options.append((search.late(cand) > late + _EPS, cost, pos))
        _, _, pos = min(options)
        seq.insert(pos, i)
        late = search.late(seq)
    return seq


def _heuristic_order(w: np.ndarray, dwell: list[float], due: list[float | None], start: float,
                     anchors: list[int], free: list[int], seed: int,
                     idle_weight: float = 0.0) -> list[int]:
    search = _Search(w, dwell, due, start, idle_weight)
    if not anchors:  # nearest neighbour
        seq: list[int] = []
        left, prev = set(free), 0
        while left:
            nxt = min(left, key=lambda i: (w[prev, i + 1], i))
            seq.append(nxt)
            left.discard(nxt)
            prev = nxt + 1
    else:  # appointments in time order, then the far stops first
        seq = _insert_cheapest(search, list(anchors), sorted(free, key=lambda i: -w[0, i + 1]))
    seq = search.improve(seq)
    best, best_key = seq, search.key(seq)
    rng = random.Random(seed)
    n = len(seq)
    if n < (2 if search.timed else 4):
        return best
    for _ in range(max(60, 4 * n)):
        if search.timed and free:
            # ruin and recreate: take a few free stops out, put them back cheaply
            out = rng.sample(free, rng.randint(1, max(1, min(len(free), n // 2))))
            kicked = _insert_cheapest(search, [i for i in best if i not in out], out)
        else:  # double bridge on the open path: A B C D -> A C B D
            a, b, c = sorted(rng.sample(range(n + 1), 3))
            kicked = best[:a] + best[b:c] + best[a:b] + best[c:]
        kicked = search.improve(kicked)
        key = search.key(kicked)
        if key < best_key:
            best, best_key = kicked, key
    return best


# -- walking times between places ------------------------------------------------------------

def walking_matrix(router: Router, places: Sequence[Place], *, step_free: bool = False
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Walking seconds and metres between every ordered pair of ``places``.

    One :meth:`Router.nearest_by_walking` call per place (one-to-many). That call gives
    metres along the quickest way; on one level the time is metres over the walking
    speed, and between levels the ride and wait of the quickest connector joining the
    two levels are added (an estimate used only to order the stops: the legs of the
    chosen order are routed exactly afterwards). A router that offers
    ``walking_matrix(places, step_free=...) -> (seconds, metres)`` is used instead.
    Unreachable pairs are ``inf``.
    """
    direct = getattr(router, "walking_matrix", None)
    if callable(direct):
        seconds, metres = direct(list(places), step_free=step_free)
        return np.asarray(seconds, dtype=float), np.asarray(metres, dtype=float)
    from exponav.core.routing import STEP_FREE_SPEED, WALK_SPEED

    speed = STEP_FREE_SPEED if step_free else WALK_SPEED
    ride = _ride_times(router, step_free)
    n = len(places)
    seconds = np.full((n, n), np.inf)
    metres = np.full((n, n), np.inf)
    np.fill_diagonal(seconds, 0.0)
    np.fill_diagonal(metres, 0.0)
    for i, a in enumerate(places):
        others = [b for j, b in enumerate(places) if j != i and b is not a]
        where: dict[int, list[int]] = {}
        for j, b in enumerate(places):
            if b is a:
                seconds[i, j] = metres[i, j] = 0.0
            else:
                where.setdefault(id(b), []).append(j)
        for b, m in router.nearest_by_walking(a, others, step_free=step_free,
                                              limit=len(others)):
            extra = 0.0 if b.level == a.level else ride.get((a.level, b.level), 0.0)
            for j in where.get(id(b), []):
                metres[i, j] = m
                seconds[i, j] = m / speed + extra
    return seconds, metres


def _ride_times(router: Router, step_free: bool) -> dict[tuple[str, str], float]:
    """Least ride + wait of a usable connector between each pair of levels it joins."""
    best: dict[tuple[str, str], float] = {}
    for c in router.venue.connectors:
        if step_free and not c.step_free:
            continue
        levels = [e.level for e in c.ends]
        for a in levels:
            for b in levels:
                if a != b:
                    t = c.ride_s + c.wait_s
                    best[(a, b)] = min(best.get((a, b), math.inf), t)
    return best


def router_for(nav: Navigator) -> Router:
    """The navigator's router, built on first use."""
    return nav.router


# -- the planned visit -----------------------------------------------------------------------

@dataclass
class PlannedStop:
    """One stop of a planned visit, with the walk that leads to it."""

    place: Place
    arrive_s: float  # seconds since midnight
    depart_s: float
    leg: Route | None  # the walk from the previous stop (or the start)
    appointment_s: float | None = None
    late_s: float = 0.0
    dwell_s: float = DEFAULT_DWELL_MIN * 60
    title: str = ""  # a session's title, when the stop is a session
    title_zh: str = ""

    @property
    def name(self) -> str:
        return self.title or self.place.name or self.place.name_zh or self.place.id

    @property
    def name_zh(self) -> str:
        return self.title_zh or self.place.name_zh

    @property
    def arrive(self) -> str:
        return format_hhmm(self.arrive_s)

    @property
    def depart(self) -> str:
        return format_hhmm(self.depart_s)

    @property
    def appointment(self) -> str | None:
        return None if self.appointment_s is None else format_hhmm(self.appointment_s)

    @property
    def wait_s(self) -> float:
        if self.appointment_s is None:
            return 0.0
        return max(0.0, self.appointment_s - self.arrive_s)

    @property
    def leg_length_m(self) -> float:
        return 0.0 if self.leg is None else self.leg.length_m

    @property
    def leg_duration_s(self) -> float:
        return 0.0 if self.leg is None else float(self.leg.duration_s)


@dataclass(frozen=True)
class MissedAppointment:
    """An appointment the visit cannot keep."""

    place: str
    name: str
    appointment: str  # HH:MM
    arrive: str  # HH:MM, the earliest planned arrival
    late_min: int

    def sentence(self) -> str:
        return (f"The {self.appointment} appointment at {self.name} ({self.place}) cannot be "
                f"kept: the visitor would arrive at {self.arrive}, {self.late_min} min late.")


@dataclass
class Itinerary:
    """An ordered visit with its times and walking legs; ``to_dict()`` is the CLI's JSON."""

    origin: Place
    stops: list[PlannedStop]
    start_s: float
    step_free: bool = False
    show: Show | None = None
    level_names: dict[str, str] = field(default_factory=dict)
    level_names_zh: dict[str, str] = field(default_factory=dict)
    exact: bool = True
    pdf: str | None = None

    @property
    def start(self) -> str:
        return format_hhmm(self.start_s)

    @property
    def end_s(self) -> float:
        return self.stops[-1].depart_s if self.stops else self.start_s

    @property
    def length_m(self) -> float:
        """Metres walked, start to last stop."""
        return float(sum(s.leg_length_m for s in self.stops))

    @property
    def duration_s(self) -> float:
        """Seconds spent walking (and riding connectors): neither dwelling nor waiting."""
        return float(sum(s.leg_duration_s for s in self.stops))

    @property
    def legs(self) -> list[Route]:
        return [s.leg for s in self.stops if s.leg is not None]

    @property
    def levels(self) -> list[str]:
        """The levels the visit walks on, in the order it first reaches them."""
        seen: dict[str, None] = {self.origin.level: None}
        for s in self.stops:
            if s.leg is not None:
                for leg in s.leg.legs:
                    seen.setdefault(leg.level, None)
            seen.setdefault(s.place.level, None)
        return list(seen)

    @property
    def missed(self) -> list[MissedAppointment]:
        return [MissedAppointment(s.place.id, s.name, s.appointment or "", s.arrive,
                                  max(1, math.ceil(s.late_s / 60.0 - 1e-9)))
                for s in self.stops if s.late_s > 0]

    def level_name(self, level: str) -> str:
        return self.level_names.get(level, level)

    # -- what a QR code carries

    def qr_plan(self, name_chars: int | None = None) -> qr.QrPlan:
        """The plan for :func:`exponav.core.qr.build`; names cut to ``name_chars``."""
        def cut(text: str) -> str:
            if name_chars is None or len(text) <= name_chars:
                return text
            return text[:max(0, name_chars - 1)].rstrip() + "…" if name_chars else ""

        def both(en: str, zh: str) -> str:
            if name_chars is not None and name_chars < 24:
                return cut(en or zh)
            return cut(f"{en} {zh}" if zh and zh != en else en or zh)

        show = self.show
        title = "" if show is None else (
            f"{show.name} {show.name_zh}" if show.name_zh else show.name)
        stops = tuple(qr.QrStop(s.place.id, both(s.name, s.name_zh),
                                self.level_name(s.place.level), s.arrive, s.appointment)
                      for s in self.stops)
        origin_name = self.origin.name if self.origin.name != self.origin.id else \
            _KIND_LABELS.get(self.origin.kind, "")
        return qr.plan_text_safe(qr.QrPlan(
            show="" if show is None else show.id, origin=self.origin.id, stops=stops,
            title=title, origin_name=cut(origin_name),
            origin_level=self.level_name(self.origin.level), start=self.start,
            length_m=int(round(self.length_m)), walk_min=int(math.ceil(self.duration_s / 60))))

    @property
    def qr_payload(self) -> str:
        """The QR text: full names when it stays a comfortable size, shorter ones if not."""
        template = "" if self.show is None else self.show.url_template
        text = ""
        for chars in (None, 40, 20, 0):
            text = qr.build(self.qr_plan(chars), url_template=template)
            if len(text.encode("utf-8")) <= qr.QR_COMFORT_BYTES:
                return text
        if len(text.encode("utf-8")) <= qr.QR_CAPACITY_BYTES:
            return text
        line = qr.machine_line(self.qr_plan(0))
        if len(line.encode("utf-8")) <= qr.QR_CAPACITY_BYTES:
            return line
        raise ItineraryError(f"A visit of {len(self.stops)} stops is too long for one QR code.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin.id,
            "stops": [{"place": s.place.id, "name": s.name, "arrive": s.arrive,
                       "depart": s.depart, "leg_length_m": round(s.leg_length_m, 1)}
                      for s in self.stops],
            "length_m": round(self.length_m, 1),
            "duration_s": round(self.duration_s, 1),
            "qr_payload": self.qr_payload,
            "pdf": self.pdf,
        }


_KIND_LABELS = {"kiosk": "Kiosk 資訊站", "point": "Map point 地圖位置",
                "connector": "Connector 樓層連通"}


# -- planning from what a visitor named ------------------------------------------------------

@dataclass
class _Wanted:
    place: Place
    appointment_s: float | None = None
    dwell_s: float | None = None
    title: str = ""
    title_zh: str = ""
    until_s: float | None = None  # a session's end: a late visitor still leaves then


_SESSIONS: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def _session(nav: Navigator, spec: str):
    """The session with this id (any case), or None."""
    by_id = _SESSIONS.get(nav)
    if by_id is None:
        by_id = _SESSIONS[nav] = {s.id.upper(): s for s in nav.show.sessions}
    return by_id.get(spec.strip().upper())


def _resolve(nav: Navigator, spec: str | Place | tuple[str, float, float]) -> _Wanted:
    if isinstance(spec, Place):
        return _Wanted(spec)
    if isinstance(spec, str):
        session = _session(nav, spec)
        if session is not None:
            start = datetime.fromisoformat(session.start)
            end = datetime.fromisoformat(session.end)
            length = max(0.0, (end - start).total_seconds())
            return _Wanted(nav.place(session.place), parse_hhmm(start), length,
                           session.title, session.title_zh, parse_hhmm(start) + length)
    return _Wanted(nav.place(spec))


def _dwell_for(dwell_min: float | Mapping[str, float], place: Place, spec: object) -> float | None:
    if isinstance(dwell_min, Mapping):
        for key in (spec, place.id):
            if isinstance(key, str) and key in dwell_min:
                return float(dwell_min[key]) * 60
        return None
    return float(dwell_min) * 60


def plan_visit(nav: Navigator, origin: str | Place | tuple[str, float, float],
               stops: Sequence[str | Place | tuple[str, float, float]],
               start_time: str | time | datetime | None = None,
               appointments: Mapping[str, str | time] | None = None,
               dwell_min: float | Mapping[str, float] = DEFAULT_DWELL_MIN,
               step_free: bool = False, *, optimise: bool = True,
               idle_weight: float = VISITOR_IDLE_WEIGHT,
               router: Router | None = None,
               now: Callable[[], datetime] = datetime.now) -> Itinerary:
    """Plan a visit from ``origin`` to ``stops``: the order, the times, the walks.

    Stops and appointment keys are anything :meth:`Navigator.place` resolves (booth
    codes, exhibitors, amenity and kiosk ids, ``LEVEL@X,Y``) or a session id (a timed
    appointment at its place, dwelling for its length). An appointment whose place is
    not among the stops is added to them. ``dwell_min`` is minutes per stop, or a
    mapping from stop to minutes (others take 10). With ``optimise=False`` the stops
    keep the given order (a visitor's own). Without ``start_time`` the visit starts now.
    ``idle_weight`` is passed to :func:`order_stops`: by default a second spent waiting
    for a meeting costs a tenth of a second of walking, so a visitor sees the other
    stops before a 14:00 meeting instead of waiting hours at its table (0: the walk is
    strictly shortest, whatever the wait).

    >>> # plan_visit(nav, "K-H2-1F-1", ["S1024", "Q0210"], "10:30", {"MM-B12": "14:00"})
    """
    router = router or router_for(nav)
    start_s = parse_hhmm(start_time if start_time is not None else now())
    here = _resolve(nav, origin).place if not isinstance(origin, Place) else origin
    wanted: dict[str, _Wanted] = {}
    for spec in stops:
        w = _resolve(nav, spec)
        dwell = _dwell_for(dwell_min, w.place, spec)
        if w.dwell_s is None or (isinstance(dwell_min, Mapping) and dwell is not None):
            w.dwell_s = dwell
        wanted.setdefault(w.place.id, w)
    for spec, when in (appointments or {}).items():
        w = _resolve(nav, spec)
        got = wanted.setdefault(w.place.id, w)
        got.appointment_s = parse_hhmm(when)
        if got.dwell_s is None:
            got.dwell_s = _dwell_for(dwell_min, w.place, spec)
    items = list(wanted.values())
    for w in items:
        if w.dwell_s is None:
            w.dwell_s = DEFAULT_DWELL_MIN * 60
    places = [here] + [w.place for w in items]
    dwell = [float(w.dwell_s or 0.0) for w in items]
    due = [w.appointment_s for w in items]

    exact = True
    if optimise and len(items) > 1:
        seconds, _ = walking_matrix(router, places, step_free=step_free)
        cut_off = [places[j].id for j in range(1, len(places)) if not np.isfinite(seconds[0, j])
                   or not np.all(np.isfinite(seconds[1:, j]))]
        if cut_off:
            raise ItineraryError(f"No walking route reaches {', '.join(cut_off)}"
                                 f"{' step-free' if step_free else ''}.")
        order = order_stops(seconds, dwell, due, start_s, idle_weight=idle_weight)
        sequence, exact = list(order.sequence), order.exact
    else:
        sequence = list(range(len(items)))

    # route the chosen legs exactly and put times on them; a router that offers
    # route_chain(places) routes them all at once (the same routes, sharing the work with
    # the walking matrix just computed), others leg by leg
    chain = getattr(router, "route_chain", None)
    routed = chain([here] + [items[i].place for i in sequence], step_free=step_free) \
        if callable(chain) and sequence else None
    planned: list[PlannedStop] = []
    t, prev = start_s, here
    for k, i in enumerate(sequence):
        w = items[i]
        leg = routed[k] if routed is not None else router.route(prev, w.place, step_free=step_free)
        t += float(leg.duration_s)
        arrive, late = t, 0.0
        if w.appointment_s is not None:
            if t > w.appointment_s + _EPS:
                late = t - w.appointment_s
            else:
                t = w.appointment_s
        t = max(t, w.until_s) if w.until_s is not None and late else t + dwell[i]
        planned.append(PlannedStop(w.place, arrive, t, leg, w.appointment_s, late, dwell[i],
                                   w.title, w.title_zh))
        prev = w.place
    show = nav.show.show
    levels = nav.venue.levels
    return Itinerary(here, planned, start_s, step_free, show,
                     {k: lv.name for k, lv in levels.items()},
                     {k: lv.name_zh for k, lv in levels.items()}, exact)


def resume_visit(nav: Navigator, payload: str, here: str | Place,
                 start_time: str | time | datetime | None = None, *,
                 router: Router | None = None,
                 now: Callable[[], datetime] = datetime.now) -> Itinerary:
    """The visit a QR payload (or its machine line) carries, planned again from ``here``.

    The stops keep their order; appointments stay appointments.
    """
    plan = qr.parse(payload)
    if plan.show and plan.show != nav.show.show.id:
        raise ItineraryError(f"This visit is for the show {plan.show!r}, not "
                             f"{nav.show.show.id!r}.")
    appointments = {s.place: s.appointment for s in plan.stops if s.appointment}
    return plan_visit(nav, here, [s.place for s in plan.stops], start_time, appointments,
                      optimise=False, router=router, now=now)


# -- bench -----------------------------------------------------------------------------------

def itinerary_bench_rows(nav: Navigator, repeat: int = 30, seed: int = 11) -> list[dict]:
    """Bench rows: a 12-stop visit planned end to end (budget 100 ms), and its parts.

    ``itinerary_12_stops`` is :func:`plan_visit` from a kiosk to 12 random exhibitors'
    booths on the show's levels, one of them a fixed-time appointment;
    ``itinerary_12_stops_matrix`` the walking times between the 13 places alone;
    ``itinerary_12_stops_order`` the ordering alone (no budget for the parts).
    """
    from exponav.bench import measure

    rng = random.Random(seed)
    router = router_for(nav)
    kiosks = [k.id for p in nav.venue.plans.values() for k in p.kiosks]
    owned = sorted({code for ex in nav.show.exhibitors.values() for code in ex.booths
                    if code in {b.code for b in nav.venue.booths()}})
    cases = []
    for _ in range(repeat):
        stops = rng.sample(owned, 12)
        cases.append((rng.choice(kiosks), stops, {stops[0]: "15:00"}))
    rows = [measure("itinerary_12_stops", [
        lambda c=c: plan_visit(nav, c[0], c[1], "10:00", c[2], router=router) for c in cases],
        budget_ms=100.0)]
    places = [[nav.place(c[0])] + [nav.place(s) for s in c[1]] for c in cases]
    rows.append(measure("itinerary_12_stops_matrix", [
        lambda p=p: walking_matrix(router, p) for p in places], budget_ms=None))
    mats = [walking_matrix(router, p)[0] for p in places[:5]]
    rows.append(measure("itinerary_12_stops_order", [
        lambda m=m: order_stops(m, [600.0] * 12, [54000.0] + [None] * 11, 36000.0)
        for m in mats * 6], budget_ms=None))
    return rows
