"""One bench row: run calls, time each, and summarise as median and 95th percentile."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from exponav.diagnostics.budgets import BUDGETS_MS

__all__ = ["measure"]


def measure(name: str, calls: Iterable[Callable[[], Any]], budget_ms: float | None = None,
            warmup: int = 3) -> dict[str, Any]:
    """Run each call once and summarise the times."""
    calls = list(calls)
    for call in calls[:warmup]:
        call()
    times = []
    for call in calls:
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000.0)
    arr = np.asarray(times)
    return {"name": name, "n": len(times), "p50_ms": round(float(np.percentile(arr, 50)), 4),
            "p95_ms": round(float(np.percentile(arr, 95)), 4),
            "budget_ms": budget_ms if budget_ms is not None else BUDGETS_MS.get(name)}
