"""One selftest check: run it, time it, and record ok, warn or fail with its detail."""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["CheckWarning", "Checks"]


class CheckWarning(Exception):
    """Raised by a check that works, but not as it should: reported as ``warn``."""


class Checks:
    """The checks run so far, each recorded as ``{name, status, ok, detail, ms}``."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def run(self, name: str, fn: Callable[[], str], warning_only: bool = False) -> bool:
        """Run one check and record it; False only when it failed (a warning is True)."""
        t0 = time.perf_counter()
        try:
            detail, status = fn(), "ok"
        except CheckWarning as e:
            detail, status = str(e), "warn"
        except Exception as e:  # noqa: BLE001 - a selftest reports every failure, it never dies
            detail, status = f"{type(e).__name__}: {e}", "warn" if warning_only else "fail"
            if os.environ.get("EXPONAV_DEBUG"):
                traceback.print_exc()
        item = {"name": name, "status": status, "ok": status == "ok", "detail": detail,
                "ms": round((time.perf_counter() - t0) * 1000, 1)}
        if status == "warn":
            item["warning"] = True
        self.items.append(item)
        return status != "fail"
