"""A kiosk's data file updates: look every minute in the background, swap at the idle reset.

:class:`KioskUpdates` is given to a kiosk whose settings name an update folder. Every
``interval_ms`` it runs :func:`exponav.core.fleet.check_updates` on a worker
thread (copying, verifying and selftesting a new version never holds up the screen) and
writes what it took or refused in the kiosk's log. At the idle reset, with nobody at the
kiosk, :meth:`KioskUpdates.at_reset` takes a staged version (or the one ``exponav kiosk
rollback`` chose) and the kiosk window reopens its Navigator on it, in the same window
and process: the next visitor only sees the new data.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from exponav.core import fleet
from exponav.ui.kiosk.log import log

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.ui.kiosk.window import KioskWindow

__all__ = ["CHECK_MS", "KioskUpdates", "starting_file"]

CHECK_MS = 60_000


def starting_file(store: Path | None = None) -> Path | None:
    """The verified file from the last update to start on, or None (then the kiosk's
    ``data`` setting); what is wrong with the store goes to the log."""
    path, problems = fleet.running_file(store)
    for problem in problems:
        log(problem)
    return path


class KioskUpdates(QObject):
    """See the module docstring; ``store`` is the kiosk's data folder (tests give one)."""

    checked = Signal(list)  # the reports of one check, on the window's thread

    def __init__(self, kiosk: KioskWindow, folder: str | Path, store: Path | None = None,
                 interval_ms: int = CHECK_MS, *, run_selftest: bool = True) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.folder = Path(folder)
        self.store = store if store is not None else fleet.store_dir()
        self.run_selftest = run_selftest
        self._worker: threading.Thread | None = None
        self._problems: set[str] = set()
        self.checked.connect(self._log)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        kiosk.updates = self

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def stop(self) -> None:
        self.timer.stop()

    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def check(self) -> None:
        """Look in the folder on a worker thread (unless a look is still going on)."""
        nav = self.kiosk.nav
        if nav is None or self.busy():
            return
        show, kiosk_id = nav.show_info.id, self.kiosk.kiosk_id or None
        self._worker = threading.Thread(target=self._run, args=(show, kiosk_id),
                                        name="kiosk-updates", daemon=True)
        self._worker.start()

    def _run(self, show: str, kiosk_id: str | None) -> None:
        try:
            reports = fleet.check_updates(self.folder, self.store, show=show,
                                          kiosk_id=kiosk_id, run_selftest=self.run_selftest)
        except Exception as e:  # noqa: BLE001 - the kiosk's own folder: logged, not raised
            reports = [fleet.Report("failed", "", f"checking for updates failed: {e}")]
        self.checked.emit(reports)

    def _log(self, reports: list[fleet.Report]) -> None:
        """Each report once; a folder that stays unreadable (a drive not plugged in) is
        logged when it starts and when it changes, not every minute."""
        problems = {r.message for r in reports if r.kind in ("unreadable", "failed")}
        for report in reports:
            if report.message in problems and report.message in self._problems:
                continue
            log(f"update: {report.message}")
        self._problems = problems

    def at_reset(self) -> None:
        """At the idle reset: reopen the Navigator on the file the kiosk should now run."""
        nav = self.kiosk.nav
        if nav is None:
            return
        try:
            fleet.take_staged(self.store)
            path, problems = fleet.switch_to(nav.data.path, self.store)
        except Exception as e:  # noqa: BLE001 - keep serving the file that runs
            log(f"update: the swap was not made: {e}")
            return
        for problem in problems:
            log(f"update: {problem}")
        if path is None:
            return
        from exponav.core.navigator import Navigator

        try:
            new = Navigator.open(path)
        except Exception as e:  # noqa: BLE001 - keep serving the file that runs
            log(f"update: {path} does not open, the running file stays: {e}")
            return
        if not self._reopen(new):
            new.close()
            return
        log(f"update: now running {path}")

    def _reopen(self, new: Navigator) -> bool:
        """The kiosk window's home, navigator and keyboard made anew on ``new``."""
        from exponav.ui.kiosk.window import find_kiosk

        k = self.kiosk
        if find_kiosk(new, k.kiosk_id) is None:
            log(f"update: {new.data.path} has no kiosk {k.kiosk_id}; the running file stays")
            return False
        old_nav, old_window, old_keyboard = k.nav, k.navigator, k.keyboard
        old_pages = [p for p in (k.home, k.directory, k.programme, k.attract, k.navigator_page)
                     if p is not None]
        k.nav = new
        k._check_kiosk()
        k._build_navigator(None, None, None)
        if old_keyboard is not None:
            k._build_keyboard()
            old_keyboard.hide()
            old_keyboard.deleteLater()
        for page in old_pages:
            k.stack.removeWidget(page)
            page.deleteLater()
        k.wire_access_buttons()
        k.retranslate_access()
        k.screen_layout = None  # the new pages are laid out for the screen afresh
        k.fit_screen()
        old_window.close()
        # the old window's background work may still read it for a moment
        QTimer.singleShot(10_000, old_nav.close)
        return True
