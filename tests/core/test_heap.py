"""core/heap.py: what a session loads is left out of later full collections."""

from __future__ import annotations

import gc
import weakref

from exponav.core.heap import keep_loaded


def test_what_is_alive_is_frozen_and_cycles_made_later_are_still_collected():
    class Node:
        def __init__(self) -> None:
            self.me = self

    kept = [Node() for _ in range(100)]
    try:
        frozen = keep_loaded()
        assert frozen >= len(kept) and gc.get_freeze_count() == frozen
        assert not any(gc.is_tracked(n) and n in gc.get_objects() for n in kept[:3])
        later = Node()
        gone = weakref.ref(later)
        del later  # a cycle made after the freeze: only the collector can free it
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
