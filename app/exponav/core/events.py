"""Events of the editable venue, and a plain observer to hand them to whoever listens.

No Qt: the core tells its subscribers through :class:`Emitter`, and a window that wants
a Qt signal connects a callback that emits one. A subscriber runs on the thread that
made the change; one that raises does not stop the others (the first error is raised
again once every subscriber has run).

>>> seen = []
>>> changed = Emitter()
>>> disconnect = changed.connect(seen.append)
>>> changed.emit("first")
>>> disconnect()
>>> changed.emit("second")
>>> seen
['first']
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["Emitter", "LayoutChanged"]

E = TypeVar("E")


class Emitter(Generic[E]):
    """Callbacks to run with each event, in the order they connected."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[E], Any]] = []
        self._lock = threading.Lock()

    def connect(self, callback: Callable[[E], Any]) -> Callable[[], None]:
        """Run ``callback(event)`` for every event from now on; returns a function that
        disconnects it."""
        with self._lock:
            self._callbacks.append(callback)
        return lambda: self.disconnect(callback)

    def disconnect(self, callback: Callable[[E], Any]) -> None:
        """Stop calling ``callback``; nothing happens when it was not connected."""
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    def __len__(self) -> int:
        return len(self._callbacks)

    def emit(self, event: E) -> None:
        """Call every subscriber with ``event``; the first exception is raised at the end."""
        with self._lock:
            callbacks = list(self._callbacks)
        error: BaseException | None = None
        for callback in callbacks:
            try:
                callback(event)
            except Exception as exc:  # noqa: BLE001 - the others must still hear of it
                error = error or exc
        if error is not None:
            raise error


@dataclass(frozen=True)
class LayoutChanged:
    """One change applied to a :class:`~exponav.core.layout.Layout`.

    ``change`` is the change as applied (an ``Edit``: every value before and after, so
    ``change.inverse()`` undoes it exactly); ``levels`` the levels whose plans changed
    (booths, amenities, kiosks, zones or connector ends); ``codes`` the booth codes
    touched, old and new (a split names the booth and both halves). ``text`` is true when
    what search finds changed (codes, owners, zone or exhibitor names), false for
    geometry alone; ``connectors`` names the connectors whose ends moved.
    """

    change: Any
    levels: frozenset[str]
    codes: frozenset[str]
    text: bool = False
    connectors: frozenset[str] = frozenset()
