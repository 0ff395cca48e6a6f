"""EditCommand: one undo step, a thin QUndoCommand over an edit the layout has made.

The edit is applied before the command is pushed (so a change the layout refuses never
reaches the stack); undo applies its exact inverse and redo the edit again. Steps with
the same merge key in a row (nudges of one selection by the arrow keys) become one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from exponav.core.layout import Edit

if TYPE_CHECKING:
    from exponav.core.layout import Layout

__all__ = ["EditCommand"]

MERGE_ID = 1


class EditCommand(QUndoCommand):
    """An applied edit of ``layout``, to undo and redo."""

    def __init__(self, layout: Layout, edit: Edit, text: str, merge_key: Any = None) -> None:
        super().__init__(text)
        self.layout = layout
        self.edit = edit
        self.merge_key = merge_key
        self._pushed = False

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGE_ID if self.merge_key is not None else -1

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo; the edit is already made
            self._pushed = True
            return
        self.layout.apply(self.edit)

    def undo(self) -> None:
        self.layout.apply(self.edit.inverse())

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.edit = Edit(self.edit.slots + other.edit.slots, (self.edit.source,
                                                             other.edit.source))
        return True
