"""The kiosk's staff log: one line per event on stderr, which a kiosk's service manager keeps."""

from __future__ import annotations

import sys

__all__ = ["log"]


def log(message: str) -> None:
    """Write ``exponav kiosk: <message>`` on stderr at once."""
    print(f"exponav kiosk: {message}", file=sys.stderr, flush=True)
