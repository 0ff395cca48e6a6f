"""Routes and visit plans off the UI thread: one worker thread, newest request per kind wins.

The router builds lazily (about half a second) and a visit of a dozen stops takes tens of
milliseconds: neither may freeze the map. The window hands the worker plain callables
(``lambda: nav.route(a, b)``); each request has a *kind* ("route", "visit", …) and a
generation number, and the worker skips any request older than the newest of its kind.
Answers come back on the UI thread through :attr:`PlannerThread.finished`. The worker is
the only thread that asks the router anything, so its caches are never shared between
threads; :meth:`PlannerThread.call` runs one callable there and waits for it (printing
needs a plan at once).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

__all__ = ["PlannerThread", "PlannerWorker"]


class PlannerWorker(QObject):
    """Lives in a :class:`PlannerThread`; runs requests in the order they came."""

    finished = Signal(str, int, object, object)  # kind, generation, result, error
    requested = Signal(str, int, object)  # kind, generation, callable or Future job

    def __init__(self) -> None:
        super().__init__()
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self.requested.connect(self.run, Qt.ConnectionType.QueuedConnection)

    def note_latest(self, kind: str, generation: int) -> None:
        with self._lock:
            self._latest[kind] = max(self._latest.get(kind, 0), generation)

    @Slot(str, int, object)
    def run(self, kind: str, generation: int, job: Any) -> None:
        if isinstance(job, tuple):  # (callable, Future): a synchronous call
            fn, future = job
            try:
                future.set_result(fn())
            except BaseException as e:  # noqa: BLE001 - handed to the waiting caller
                future.set_exception(e)
            return
        with self._lock:
            stale = generation < self._latest.get(kind, 0)
        if stale:
            return
        try:
            result, error = job(), None
        except Exception as e:  # noqa: BLE001 - a failed route must not kill the worker
            result, error = None, e
        self.finished.emit(kind, generation, result, error)


class PlannerThread(QThread):
    """The thread the worker runs in: :meth:`submit` for answers later, :meth:`call` now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exponav-planner")
        self.worker = PlannerWorker()
        self.worker.moveToThread(self)
        self.finished_job = self.worker.finished
        self._generation = 0

    def submit(self, kind: str, job: Callable[[], Any]) -> int:
        """Queue ``job``; its answer comes with :attr:`finished_job` unless a newer
        request of the same kind overtook it. Returns the request's generation."""
        self._generation += 1
        self.worker.note_latest(kind, self._generation)
        self.worker.requested.emit(kind, self._generation, job)
        return self._generation

    def cancel(self, kind: str) -> None:
        """Forget what is still waiting of ``kind`` (a cleared route, a reset)."""
        self._generation += 1
        self.worker.note_latest(kind, self._generation)

    def call(self, fn: Callable[[], Any], timeout: float = 30.0) -> Any:
        """Run ``fn`` on the worker thread after what is queued, and wait for it."""
        if not self.isRunning():
            return fn()
        future: Future = Future()
        self.worker.requested.emit("call", 0, (fn, future))
        return future.result(timeout)

    def stop(self) -> None:
        self.quit()
        self.wait(5000)
