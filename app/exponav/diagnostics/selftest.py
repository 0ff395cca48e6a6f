"""``exponav selftest``: check, without a display, that this installation works.

Each check is ``{name, status, ok, detail, ms}``: ``status`` is ``ok``, ``warn`` or
``fail``; ``ok`` is true only for ``ok``, and a warning also carries ``warning: true``.
A check warns by raising :class:`CheckWarning` (or, when run with ``warning_only``, by
failing). The whole passes when no check fails; warnings are reported, not hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exponav.diagnostics.checks import Checks, CheckWarning

__all__ = ["CheckWarning", "run_selftest"]


def run_selftest(data: str | Path | None = None, *, screenshot: str | None = None,
                 kiosk: str | None = None, staff: bool = False) -> dict[str, Any]:
    from exponav.core.navigator import Navigator

    checks = Checks()
    nav_box: list[Navigator] = []

    def load() -> str:
        nav = Navigator.open(data)
        nav_box.append(nav)
        s = nav.stats()
        expected = {"levels": 4, "exhibitors": 400, "booths": 1000, "sessions": 900}
        short = [k for k, v in expected.items() if s[k] < v]
        if data is None and short:
            raise AssertionError(f"too few {', '.join(short)}: {s}")
        return (f"{s['levels']} levels, {s['booths']} booths, {s['exhibitors']} exhibitors, "
                f"{s['sessions']} sessions, {s['amenities']} amenities")

    if not checks.run("data loads", load):
        return {"ok": False, "checks": checks.items}
    nav = nav_box[0]

    def search() -> str:
        hits = nav.search("中華電信")
        top = next((h for h in hits if h.kind == "exhibitor"), None)
        if top is None or "Chunghwa" not in top.name or not top.booths:
            raise AssertionError(f"中華電信 did not find Chunghwa Telecom with a booth: {hits[:3]}")
        return f"中華電信 -> {top.name} at {', '.join(top.booths)}"

    checks.run("search finds an exhibitor", search)

    def spatial() -> str:
        info = nav.booth("S1024")
        c = info.booth.polygon.representative_point()
        hit = nav.booth_at(info.level, c.x, c.y)
        if hit is None or hit.code != "S1024":
            raise AssertionError("hit test inside S1024 did not return S1024")
        return f"S1024 on {info.level}, hit test ok"

    checks.run("booth and hit test", spatial)

    from exponav.diagnostics.window_checks import ui_checks

    ui_checks(checks, nav, screenshot=screenshot, kiosk=kiosk)
    if kiosk:  # the kiosk's own checks; its screenshot replaces the window's
        from exponav.diagnostics.kiosk_checks import kiosk_checks

        kiosk_checks(checks, nav, kiosk, screenshot=screenshot)
    if staff:  # the layout editor's checks; its screenshot replaces the window's
        from exponav.diagnostics.staff_checks import staff_checks

        staff_checks(checks, screenshot=screenshot)
    return {"ok": all(c["status"] != "fail" for c in checks.items), "checks": checks.items}
