"""What a printed layout starts from: the visit, the Navigator, where and when it was printed,
and the heading its maps face."""

from __future__ import annotations

import socket
from datetime import datetime
from typing import TYPE_CHECKING

from exponav.ui.print.qr_image import qr_modules

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["Printout", "printed_from_label"]


def printed_from_label(kiosk: str | None = None) -> str:
    """What the footer says: ``"kiosk K-H2-1F-1"`` or ``"ExpoNav on <hostname>"``."""
    return f"kiosk {kiosk}" if kiosk else f"ExpoNav on {socket.gethostname()}"


class Printout:
    """The visit to print and its QR code; a layout (sheet or receipt) draws it."""

    def __init__(self, itinerary: Itinerary, nav: Navigator, printed_from: str,
                 printed_at: datetime, heading_deg: float = 0.0) -> None:
        self.it = itinerary
        self.nav = nav
        self.heading = heading_deg
        self.printed_from = printed_from
        self.printed_at = printed_at
        self.payload = itinerary.qr_payload
        self.modules = qr_modules(self.payload)

    @property
    def printed_line(self) -> str:
        """``"Printed from kiosk K-H2-1F-1 · 2025-03-18 10:31"``."""
        return f"Printed from {self.printed_from} · {self.printed_at:%Y-%m-%d %H:%M}"
