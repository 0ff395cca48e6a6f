"""The editable venue: one owner of the plans, reversible changes, venue rules, saving.

``Layout`` (layout.py) owns the plans of every level and the show's booth assignments
and sales status; every change (changes.py) becomes an exact ``Edit`` (edit.py) with an
``inverse()``; ``rules.py`` holds the venue rules as data and ``checks.py`` checks a layout
against them, incrementally after each edit; ``saving.py`` writes a layout back to its
files, all of them or none, and ``recovery.py`` copies it elsewhere (the editor's
recovery copy, a saved copy, the floor plans exported); ``prices.py`` prices booths from
the show's price table and ``aisles.py`` finds the aisles the editor snaps to.
"""

from exponav.core.layout.changes import (
    AddBooth,
    Assign,
    Change,
    ChangeError,
    EditZone,
    MergeBooths,
    MoveAmenity,
    MoveBooth,
    MoveConnectorEnd,
    MoveKiosk,
    RemoveBooth,
    ReshapeBooth,
    ResizeBooth,
    RotateBooth,
    SetStatus,
    SplitBooth,
    Unassign,
)
from exponav.core.layout.edit import BoothStatus, Edit, Slot
from exponav.core.layout.layout import Layout, read_rules
from exponav.core.layout.rules import RULES, Rules, Violation

__all__ = ["RULES", "AddBooth", "Assign", "BoothStatus", "Change", "ChangeError", "Edit",
           "EditZone", "Layout", "MergeBooths", "MoveAmenity", "MoveBooth",
           "MoveConnectorEnd", "MoveKiosk", "RemoveBooth", "ReshapeBooth", "ResizeBooth",
           "RotateBooth", "Rules", "SetStatus", "Slot", "SplitBooth", "Unassign", "Violation",
           "read_rules"]
