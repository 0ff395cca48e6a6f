"""The domain model: plain dataclasses shared by every part of ExpoNav.

``venue`` (levels and what stands on them), ``show`` (exhibitors and sessions),
``place`` (what a route starts or ends at), ``codes`` (booth code spelling).
"""

from exponav.core.model.place import AMENITY_LABELS, Place
from exponav.core.model.show import (
    Category,
    Exhibitor,
    OpeningHours,
    Session,
    Show,
    ShowData,
)
from exponav.core.model.venue import (
    Amenity,
    Booth,
    Connector,
    ConnectorEnd,
    Kiosk,
    Level,
    LevelPlan,
    Obstacle,
    Opening,
    Venue,
    Zone,
)

__all__ = ["AMENITY_LABELS", "Amenity", "Booth", "Category", "Connector", "ConnectorEnd",
           "Exhibitor", "Kiosk", "Level", "LevelPlan", "Obstacle", "Opening", "OpeningHours",
           "Place", "Session", "Show", "ShowData", "Venue", "Zone"]
