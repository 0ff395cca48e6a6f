"""A route on one level searched first inside an ellipse around its two ends.

Only corners v with |o - v| + |v - d| <= 1.3 |o - d| + 15 m are joined to the origin
and explored. A path found no longer than that bound is provably the shortest (any path
through a left-out corner is longer), and it is the quickest when even the nearest
connector could not lead anywhere sooner; otherwise the router searches the whole level
and the connectors. Most routes on one level are settled here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from exponav.core.model import Place
from exponav.core.routing.graph import Field
from exponav.core.routing.hops import path
from exponav.core.routing.levels import LevelCache
from exponav.core.routing.places import Spot, slide
from exponav.core.routing.route import STEP_FREE_SPEED, WALK_SPEED, Route, RouteLeg

__all__ = ["Ellipse"]


@dataclass
class Ellipse:
    """The search of a route on one level inside an ellipse around its two ends.

    ``fld`` is grown from the origin's samples ``src`` over the corners inside the
    ellipse, up to ``bound`` metres; :meth:`route` takes it from the field's best last hop
    to the destination (found by :func:`~exponav.core.routing.hops.best_lazy_many`).
    """

    level: LevelCache
    sd: Spot
    bound: float
    src: np.ndarray
    fld: Field

    @classmethod
    def around(cls, level: LevelCache, so: Spot, sd: Spot) -> Ellipse | None:
        """The search between two spots of a level, or None on a level without corners."""
        lv = level.graph
        if lv.n == 0:
            return None
        src = np.asarray(so.samples, float)
        straight = min(sd.distance(tuple(p)) for p in src.tolist())
        bound = 1.3 * straight + 15.0
        d_src = np.min(np.hypot(lv.V[:, None, 0] - src[None, :, 0], lv.V[:, None, 1] - src[None, :, 1]),
                       axis=1)
        corners = np.nonzero(d_src + sd.distances(lv.V) <= bound)[0]
        fld = lv.field(level.anchors_near(so, corners), limit=bound)
        return cls(level, sd, bound, src, fld)

    def route(self, origin: Place, destination: Place, step_free: bool, h) -> Route | None:
        """The route given the field's best last hop h, or None when the ellipse cannot
        settle it (no path within the bound, or another level might be quicker)."""
        lv = self.level.graph
        src = self.src
        speed = STEP_FREE_SPEED if step_free else WALK_SPEED
        if h is None or h[0] > self.bound:
            return None
        # another level can only help if going there and back could beat the walk: at
        # least two rides, and the straight lines from the origin to a connector, between
        # the far ends of the two connectors, and from the second connector to here
        walk_s = h[0] / speed
        ends = [self.level.ends[i] for i in self.level.usable(step_free)]
        if ends:
            xy = np.asarray([e.anchor.xy for e in ends], float)
            to_e = np.min(np.hypot(xy[:, None, 0] - src[None, :, 0], xy[:, None, 1] - src[None, :, 1]),
                          axis=1)
            from_f = self.sd.distances(xy)
            far = [[(ce.x, ce.y) for k, ce in enumerate(e.connector.ends) if k != e.index]
                   for e in ends]
            cost = [e.connector.ride_s + e.connector.wait_s for e in ends]
            for a_ in range(len(ends)):
                for b_ in range(len(ends)):
                    if not far[a_] or not far[b_]:
                        continue
                    across = min(math.dist(p, q) for p in far[a_] for q in far[b_])
                    lower = (to_e[a_] + across + from_f[b_]) / speed + cost[a_] + cost[b_]
                    if lower < walk_s:
                        return None  # a detour through another level might be quicker
        coords, source = path(lv, self.fld, h)
        leg = RouteLeg.along(lv.id, slide(lv, coords, source), None)
        return Route(origin, destination, [leg], step_free, leg.length_m / speed)
