"""Search off the UI thread: one worker thread, newest query wins.

Typing sends a query per keystroke (after a short debounce). Each request carries a
generation number; the worker skips any request older than the newest one it has
been given, and the panel drops any answer that is not for its newest request. The
worker is the only thread that touches the search index, so the SQLite connection is
never used by two threads at once.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

__all__ = ["SearchWorker", "SearchThread"]


class SearchWorker(QObject):
    """Lives in a :class:`SearchThread`; answers :meth:`run` with :attr:`finished`."""

    finished = Signal(int, str, object)  # generation, text, hits (list) or an error text
    requested = Signal(int, str, int)  # generation, text, limit

    def __init__(self, search) -> None:
        super().__init__()
        self._search = search
        self._latest = 0
        self._lock = threading.Lock()
        self.requested.connect(self.run)

    def note_latest(self, generation: int) -> None:
        """Called from the UI thread before each request, so stale ones can be skipped."""
        with self._lock:
            self._latest = max(self._latest, generation)

    @Slot(int, str, int)
    def run(self, generation: int, text: str, limit: int) -> None:
        with self._lock:
            stale = generation < self._latest
        if stale:
            return
        try:
            hits: Any = self._search(text, limit=limit)
        except Exception as e:  # noqa: BLE001 - an odd query must not kill the worker
            hits = f"{type(e).__name__}: {e}"
        self.finished.emit(generation, text, hits)


class SearchThread(QThread):
    """The thread the worker runs in; :meth:`submit` is all the panel calls."""

    def __init__(self, search, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exponav-search")
        self.worker = SearchWorker(search)
        self.worker.moveToThread(self)
        self._generation = 0

    def submit(self, text: str, limit: int = 40) -> int:
        self._generation += 1
        self.worker.note_latest(self._generation)
        self.worker.requested.emit(self._generation, text, limit)
        return self._generation

    @property
    def generation(self) -> int:
        return self._generation

    def stop(self) -> None:
        self.quit()
        self.wait(2000)
