"""What a printed layout starts from: the visit, the Navigator, where and when it was printed,
the heading its maps face; and its distances and times, worded as the screen words them."""

from __future__ import annotations

import socket
from datetime import datetime
from typing import TYPE_CHECKING

from exponav.ui.common.walk_text import metres_text, minutes_text
from exponav.ui.print.qr_image import qr_modules

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["Printout", "metres", "minutes", "printed_from_label"]


def metres(distance: float) -> str:
    """A walking distance as the screen says it, in English: ``'145 m'``."""
    return metres_text(distance, translated=False)


def minutes(seconds: float) -> str:
    """A walking time as the screen says it, in English: ``'3 min'``, ``'under 1 min'``."""
    return minutes_text(seconds, translated=False)


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
