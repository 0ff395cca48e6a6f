"""Run part of the bench in a child process with a memory cap, so that work too big for
the machine is reported as skipped instead of taking the machine down.

The child is forked (it shares what the parent has loaded) and limits its address space
to what it has plus the headroom left under the cap; an allocation beyond that fails
in the child alone. Where there is no ``fork`` (Windows) the work runs in process,
uncapped.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["DEFAULT_CAP_MB", "memory_mb", "run_capped"]

DEFAULT_CAP_MB = 8000.0


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        pass
    return None


def memory_mb() -> dict[str, float]:
    """This process's resident memory now and at its peak, in MB (where the platform
    says; the peak alone elsewhere)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 1024.0
    now = _status_mb("VmRSS")
    return {"rss_mb": round(now if now is not None else peak_mb, 1),
            "peak_rss_mb": round(max(peak_mb, _status_mb("VmHWM") or 0.0), 1)}


def _cap_mb() -> float:
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    except (ValueError, OSError, AttributeError):
        return DEFAULT_CAP_MB
    return min(DEFAULT_CAP_MB, 0.8 * physical)


def _child(work: Callable[[], Any], cap_mb: float, conn: Any) -> None:
    import resource

    vm, rss = _status_mb("VmSize"), _status_mb("VmRSS")
    if vm is not None and rss is not None:
        limit = int((vm + max(cap_mb - rss, 0.0)) * 2**20)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        result = work()
    except MemoryError:
        conn.send(("memory", None))
    except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(e).__name__}: {e}"))
    else:
        conn.send(("ok", result))
    conn.close()


def run_capped(work: Callable[[], Any], cap_mb: float | None = None) -> tuple[Any, str | None]:
    """``(result, None)`` when ``work()`` ran within the cap, else ``(None, why)``."""
    cap = cap_mb if cap_mb is not None else _cap_mb()
    if not hasattr(os, "fork") or _status_mb("VmSize") is None:
        return work(), None
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(work, cap, send), daemon=True)
    proc.start()
    send.close()
    try:
        status, payload = recv.recv()
    except EOFError:
        status, payload = "died", None
    proc.join()
    if status == "ok":
        return payload, None
    if status == "memory":
        return None, f"needs more than the {cap:.0f} MB this bench allows itself"
    if status == "died":
        return None, (f"the worker ended with status {proc.exitcode} under a {cap:.0f} MB "
                      "cap (out of memory)")
    if "alloc" in payload.lower() or "memory" in payload.lower():  # a library's words for it
        return None, f"failed under a {cap:.0f} MB cap ({payload})"
    raise RuntimeError(f"bench worker failed: {payload}")
