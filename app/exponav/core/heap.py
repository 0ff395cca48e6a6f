"""What is loaded for a session stays: tell Python's cycle collector so.

An editing session on a large show holds a couple of million objects that live as long as
it does (the plans, the venue rules' state per booth, the search index's terms). Python's
full collection walks every one of them, and it runs every few edits as new plans are
made: at 60,000 booths that is about a second, every other edit. :func:`keep_loaded`
collects once, then moves everything alive into the permanent generation
(:func:`gc.freeze`), which later collections leave alone. Objects freed by their last
reference go as before; only cycles that were alive at the freeze and die later stay.
"""

from __future__ import annotations

import gc

__all__ = ["keep_loaded"]


def keep_loaded() -> int:
    """Collect, then freeze what is alive; returns how many objects are now frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
