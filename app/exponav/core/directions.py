"""Turn a route into short plain steps (placeholder; filled in below)."""

from __future__ import annotations


def directions(route, venue, lang: str = "en") -> list[str]:
    return []
