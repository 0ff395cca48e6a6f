"""The venue on the earth: its georeference turns the plans' local metres into WGS84
longitude and latitude, and back.

``venue.json`` → ``georeference``: ``origin_lon`` and ``origin_lat`` (degrees, WGS84) of
the plans' origin, and ``rotation_deg``, the compass bearing of the plans' y axis (0: the
plans' north is true north; 90: it points east). The plane is an azimuthal equidistant
projection centred on the origin (pyproj), true to scale within millimetres across any
venue.

>>> geo = Georeference(121.6175, 25.0565, 0.0)
>>> lon, lat = geo.to_lonlat(0.0, 0.0)
>>> round(lon, 6), round(lat, 6)
(121.6175, 25.0565)
>>> x, y = geo.to_local(*geo.to_lonlat(153.0, 126.0))
>>> round(x, 6), round(y, 6)
(153.0, 126.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import shapely

from exponav.core.errors import DataError

__all__ = ["Georeference"]


@dataclass(frozen=True)
class Georeference:
    origin_lon: float
    origin_lat: float
    rotation_deg: float = 0.0

    @classmethod
    def from_json(cls, doc: Any, where: str = "venue.json") -> Georeference:
        """The georeference in a venue.json's ``georeference`` value; DataError, saying
        what to add, when there is none or it is not one."""
        if not isinstance(doc, dict):
            raise DataError(f"{where}: the venue has no georeference; add \"georeference\": "
                            "{\"origin_lon\": ..., \"origin_lat\": ..., \"rotation_deg\": 0} "
                            "(the plans' origin in WGS84) to place it on the earth.")
        try:
            lon, lat = float(doc["origin_lon"]), float(doc["origin_lat"])
            rot = float(doc.get("rotation_deg", 0.0))
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{where}: the georeference needs numbers origin_lon, origin_lat "
                            "and rotation_deg.") from None
        if not (math.isfinite(rot) and -180.0 <= lon <= 180.0 and -85.0 <= lat <= 85.0):
            raise DataError(f"{where}: the georeference's origin must be a longitude in "
                            "-180..180 and a latitude in -85..85, its rotation a number.")
        return cls(lon, lat, rot)

    def to_json(self) -> dict[str, float]:
        return {"origin_lon": self.origin_lon, "origin_lat": self.origin_lat,
                "rotation_deg": self.rotation_deg}

    @property
    def proj(self) -> str:
        """The local plane (before rotation) as a PROJ string."""
        return (f"+proj=aeqd +lat_0={self.origin_lat!r} +lon_0={self.origin_lon!r} +x_0=0 "
                "+y_0=0 +datum=WGS84 +units=m +no_defs")

    @cached_property
    def _forward(self) -> Any:
        from pyproj import Transformer

        return Transformer.from_crs(self.proj, "EPSG:4326", always_xy=True)

    @cached_property
    def _backward(self) -> Any:
        from pyproj import Transformer

        return Transformer.from_crs("EPSG:4326", self.proj, always_xy=True)

    def _turn(self, xy: np.ndarray, sign: float) -> np.ndarray:
        t = math.radians(self.rotation_deg) * sign
        c, s = math.cos(t), math.sin(t)
        x, y = xy[:, 0], xy[:, 1]
        return np.column_stack((x * c + y * s, -x * s + y * c))

    def lonlat_array(self, xy: np.ndarray) -> np.ndarray:
        """Plan metres (n × 2) to longitude, latitude (n × 2)."""
        en = self._turn(np.asarray(xy, dtype=float).reshape(-1, 2), 1.0)
        lon, lat = self._forward.transform(en[:, 0], en[:, 1])
        return np.column_stack((lon, lat))

    def local_array(self, lonlat: np.ndarray) -> np.ndarray:
        """Longitude, latitude (n × 2) to plan metres (n × 2)."""
        ll = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        e, n = self._backward.transform(ll[:, 0], ll[:, 1])
        return self._turn(np.column_stack((e, n)), -1.0)

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.lonlat_array(np.array([[x, y]]))[0]
        return float(lon), float(lat)

    def to_local(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.local_array(np.array([[lon, lat]]))[0]
        return float(x), float(y)

    def geometry_to_wgs84(self, geom: Any) -> Any:
        """A shapely geometry in plan metres, in longitude and latitude."""
        return shapely.transform(geom, self.lonlat_array)

    def geometry_to_local(self, geom: Any) -> Any:
        """A shapely geometry in longitude and latitude, in plan metres."""
        return shapely.transform(geom, self.local_array)
