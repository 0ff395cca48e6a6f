"""A place a route starts or ends at, and the names of amenity and connector categories."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Polygon

__all__ = ["AMENITY_LABELS", "Place"]


@dataclass(frozen=True)
class Place:
    """Where a route starts or ends, resolved from what the user named.

    ``id`` is what was asked for (a booth code, an amenity, kiosk or opening id, or
    ``"H2-1F@10.0,20.0"`` for a point). A booth carries its polygon: a route to it ends
    at the nearest reachable point of its edge, in the aisle.
    """

    id: str
    kind: str  # booth | amenity | kiosk | opening | connector | point
    level: str
    x: float
    y: float
    polygon: Polygon | None = None
    name: str = ""
    name_zh: str = ""


#: Names for amenity, door and connector categories, used where a feature carries no name
#: of its own.
AMENITY_LABELS: dict[str, tuple[str, str]] = {
    "toilet": ("Toilets", "廁所"),
    "toilet.accessible": ("Accessible toilet", "無障礙廁所"),
    "information": ("Information", "服務台"),
    "food": ("Food and drink", "餐飲"),
    "firstaid": ("First aid", "醫護室"),
    "nursing": ("Nursing room", "哺集乳室"),
    "prayer": ("Prayer room", "祈禱室"),
    "charging": ("Charging station", "充電站"),
    "meeting": ("Meeting table", "洽談桌"),
    "stage": ("Stage", "舞台"),
    "atm": ("ATM", "自動提款機"),
    "wifi": ("Wi-Fi", "無線網路"),
    "cloakroom": ("Cloakroom", "寄物處"),
    "registration": ("Registration", "報到處"),
    "mrt": ("MRT station", "捷運站"),
    "taxi": ("Taxi stand", "計程車招呼站"),
    "entrance": ("Entrance", "入口"),
    "exit": ("Exit", "出口"),
    "emergencyexit": ("Emergency exit", "緊急出口"),
    "pedestrian": ("Entrance", "入口"),
    "escalator": ("Escalator", "電扶梯"),
    "elevator": ("Elevator", "電梯"),
    "stairs": ("Stairs", "樓梯"),
    "ramp": ("Ramp", "坡道"),
    "walkway": ("Walkway", "連通道"),
}
