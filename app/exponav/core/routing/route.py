"""A walking route as a value: its legs, one per level, and the words that go with it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from exponav.core.errors import ExpoNavError
from exponav.core.model import Place

__all__ = ["STEP_FREE_SPEED", "WALK_SPEED", "Landmark", "Route", "RouteLeg", "Unreachable"]

WALK_SPEED = 1.2  # m/s
STEP_FREE_SPEED = 0.8  # m/s, for step-free routes


class Unreachable(ExpoNavError):
    """No walking route reaches a place (it lies off the walkable area, or is cut off)."""


@dataclass
class RouteLeg:
    """The part of a route on one level."""

    level: str
    coords: list[tuple[float, float]]
    via: str | None  # connector taken at the end of this leg; None on the last leg
    length_m: float

    @classmethod
    def along(cls, level: str, coords: Sequence[tuple[float, float]], via: str | None) -> RouteLeg:
        """The leg along some points, repeats dropped (a single point: a leg of length 0)."""
        cc = [coords[0]]
        for c in coords[1:]:
            if math.dist(c, cc[-1]) > 1e-9:
                cc.append(c)
        if len(cc) == 1:
            cc.append(cc[0])
        length = float(sum(math.dist(a, b) for a, b in zip(cc[:-1], cc[1:], strict=False)))
        return cls(level, cc, via, length)

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "coords": [[round(float(x), 2), round(float(y), 2)] for x, y in self.coords],
            "via": self.via,
            "length_m": round(self.length_m, 1),
        }


@dataclass(frozen=True)
class Landmark:
    """What a step of a route names: a zone walked through or along, an amenity, an
    entrance, a connector, or a stand (by its exhibitor's name, else by its code)."""

    kind: str  # zone | amenity | opening | connector | booth
    id: str  # zone, amenity or opening id, connector id, booth code
    level: str
    name: str  # as a visitor sees it named, in English (a stand without a label: its code)
    name_zh: str = ""
    category: str = ""  # an amenity's category
    leg: int = 0  # the leg, and the straight stretch of it, whose step names it
    stretch: int = 0
    through: bool = False  # a zone walked through (else along)

    @property
    def labelled(self) -> bool:
        """Does the plan show this by name? (A stand named only by its code needs a label
        on the route.)"""
        return not (self.kind == "booth" and self.name == self.id)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "level": self.level, "name": self.name,
                "name_zh": self.name_zh, "labelled": self.labelled}


@dataclass
class Route:
    origin: Place
    destination: Place
    legs: list[RouteLeg]
    step_free: bool
    duration_s: float
    steps: list[str] = field(default_factory=list)
    #: What the steps name, chosen once for every language; None until chosen
    #: (:func:`exponav.core.directions.landmarks`).
    landmarks: list[Landmark] | None = None

    @property
    def length_m(self) -> float:
        return float(sum(leg.length_m for leg in self.legs))

    def to_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin.id,
            "destination": self.destination.id,
            "length_m": round(self.length_m, 1),
            "duration_s": round(self.duration_s, 1),
            "step_free": self.step_free,
            "legs": [leg.to_dict() for leg in self.legs],
            "steps": list(self.steps),
            "landmarks": [lm.to_dict() for lm in self.landmarks or []],
        }
