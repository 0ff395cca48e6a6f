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

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from exponav.core.errors import ItineraryError
from exponav.core.visit.clock import VisitClock, step_clock

__all__ = ["EXACT_LIMIT", "VISITOR_IDLE_WEIGHT", "VisitOrder", "order_stops", "schedule"]

#: Up to this many stops without an appointment, the order is the exact optimum.
EXACT_LIMIT = 12
_EPS = 1e-6


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
    legs = _walks(walk, sequence)
    clock = step_clock(start_s, legs, [dwell_s[i] for i in sequence],
                       [appointments_s[i] for i in sequence])
    return clock.arrive_s, clock.depart_s, clock.late_s, float(sum(legs))


def _walks(walk: np.ndarray, sequence: Sequence[int]) -> list[float]:
    """The walks from the origin (row and column 0) along ``sequence``."""
    path = [0, *(i + 1 for i in sequence)]
    return np.asarray(walk, dtype=float)[path[:-1], path[1:]].tolist()


#: What a second of waiting for an appointment costs, in seconds of walking, when a
#: visitor plans a visit (see :func:`exponav.core.visit.plan.plan_visit`).
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
    clock = step_clock(start, _walks(w, anchors), [dwell[i] for i in anchors],
                       [due[i] for i in anchors])
    return [start, *clock.depart_s], [not late for late in clock.late_s]


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
        self.rows: list[list[float]] = w.tolist()  # read one by one far faster than w
        self.timed = any(d is not None for d in due)
        self.idle_weight = idle_weight if self.timed else 0.0

    def key(self, seq: list[int]) -> tuple[float, float]:
        """What is minimised: lateness first, then walking (plus weighted waiting)."""
        clock, legs = self._clock(seq)
        cost = float(sum(legs))
        if self.idle_weight:
            for wait in clock.wait_s:
                if wait > 0:
                    cost += self.idle_weight * wait
        return round(sum(clock.late_s), 3), cost

    def late(self, seq: list[int]) -> float:
        if not self.timed:
            return 0.0
        return sum(self._clock(seq)[0].late_s)

    def _clock(self, seq: list[int]) -> tuple[VisitClock, list[float]]:
        """The clock along ``seq`` (see :func:`step_clock`), and its walks."""
        rows, legs, prev = self.rows, [], 0
        for i in seq:
            legs.append(rows[prev][i + 1])
            prev = i + 1
        clock = step_clock(self.start, legs, [self.dwell[i] for i in seq],
                           [self.due[i] for i in seq])
        return clock, legs

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


