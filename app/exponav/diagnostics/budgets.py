"""The performance budgets, in one place: what ``exponav bench`` checks each row against.

The README's "Speed" table is these figures in words.
"""

from __future__ import annotations

__all__ = ["BUDGETS_MS", "SOAK_GROWTH_MB"]

#: The budgets for the SCSE data (README, "Speed"), in milliseconds (p95 unless noted).
BUDGETS_MS = {
    "search": 5.0,
    "search_from_place": 5.0,
    "hit_test": 0.1,
    "nearest": 1.0,
    "route_one_level": 10.0,
    "route_across_levels": 20.0,
    "route_rebuild_level": 200.0,
    "itinerary_12_stops": 100.0,
    "itinerary_pdf": 300.0,
    "itinerary_pdf_receipt": 300.0,
    "render_level": 8.0,
    "start_to_first_frame": 1500.0,
}

#: ``exponav bench --soak N``: resident memory may grow this much over 10,000 interactions.
SOAK_GROWTH_MB = 20.0
