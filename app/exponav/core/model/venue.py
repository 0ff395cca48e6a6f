"""The venue: levels, their plans (booths, obstacles, zones, amenities, openings,
kiosks) and the connectors between levels.

Geometry is held as shapely objects in metres, x to the east and y to the north,
with the same origin (Hall 2's south-west outer corner for TaiNEX) on every level.
Nothing here knows about files, SQLite or Qt.

>>> from shapely.geometry import box
>>> b = Booth(code="S1024", level="H2-4F", area="S", type="standard", polygon=box(0, 0, 3, 3))
>>> b.area_m2
9.0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import LineString, Point, Polygon

__all__ = ["WALKS", "Amenity", "Booth", "Connector", "ConnectorEnd", "Kiosk", "Level",
           "LevelPlan", "Obstacle", "Opening", "Venue", "Zone"]

#: How a zone may be walked: through it like any aisle; round it unless going through
#: saves a lot (a stage's audience, the matchmaking tables); never (closed off).
WALKS = ("through", "avoid", "closed")


@dataclass(frozen=True)
class Level:
    """One floor of one building, e.g. ``H2-1F``."""

    id: str
    name: str  # "Hall 2 1F"
    name_zh: str  # "2館 1F"
    building: str  # "Hall 2"
    ordinal: int  # 1 for 1F, 4 for 4F: what "up" means between levels
    file: str  # the GeoJSON file name inside the venue folder


@dataclass(frozen=True)
class ConnectorEnd:
    level: str
    x: float
    y: float


@dataclass(frozen=True)
class Connector:
    """A way between levels: escalator, elevator, stairs, ramp or walkway."""

    id: str
    kind: str  # escalator | elevator | stairs | ramp | walkway
    step_free: bool
    ends: tuple[ConnectorEnd, ...]
    ride_s: float  # seconds on the connector itself (for a walkway: its walking time)
    wait_s: float = 0.0  # expected wait before boarding (elevators)
    name: str = ""
    name_zh: str = ""


@dataclass(frozen=True)
class Booth:
    code: str  # unique in the venue, canonical spelling (S1024, M0409a)
    level: str
    area: str  # the area letter, e.g. "S"
    type: str  # standard | corner | peninsula | island | pavilion
    polygon: Polygon
    zone: str | None = None  # id of the zone the booth lies in, if any

    @property
    def area_m2(self) -> float:
        return float(self.polygon.area)

    @property
    def standard_units(self) -> int:
        """Booth area in 3 m x 3 m standard units (rounded)."""
        return max(1, round(self.polygon.area / 9.0))


@dataclass(frozen=True)
class Obstacle:
    level: str
    category: str  # column | core | wall | stage | ...
    polygon: Polygon


@dataclass(frozen=True)
class Zone:
    """A named area or pavilion; it does not block walking unless ``walk`` says so."""

    id: str
    level: str
    name: str
    name_zh: str
    polygon: Polygon
    category: str = "zone"  # zone | pavilion | matchmaking | forum
    walk: str = "through"  # one of WALKS


@dataclass(frozen=True)
class Amenity:
    id: str
    level: str
    category: str  # toilet | toilet.accessible | information | food | firstaid | ... | meeting | stage
    point: Point
    name: str = ""
    name_zh: str = ""


@dataclass(frozen=True)
class Opening:
    id: str
    level: str
    category: str  # pedestrian | emergencyexit
    line: LineString
    name: str = ""
    name_zh: str = ""

    @property
    def service(self) -> str:
        """What a visitor looks for here: ``exit`` (an emergency exit) or ``entrance``."""
        return "exit" if self.category == "emergencyexit" else "entrance"


@dataclass(frozen=True)
class Kiosk:
    id: str
    level: str
    point: Point
    heading_deg: float  # compass direction the reader faces, 0 = north, 90 = east


@dataclass
class LevelPlan:
    """Everything drawn or walked on one level."""

    level: Level
    footprint: Polygon
    obstacles: list[Obstacle] = field(default_factory=list)
    booths: list[Booth] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    amenities: list[Amenity] = field(default_factory=list)
    openings: list[Opening] = field(default_factory=list)
    kiosks: list[Kiosk] = field(default_factory=list)
    connector_points: dict[str, Point] = field(default_factory=dict)  # connector id -> point


@dataclass
class Venue:
    id: str
    name: str
    name_zh: str
    levels: dict[str, Level]  # in ordinal order within each building
    connectors: list[Connector]
    plans: dict[str, LevelPlan]
    georeference: dict[str, Any] | None = None

    def booths(self) -> list[Booth]:
        return [b for plan in self.plans.values() for b in plan.booths]
