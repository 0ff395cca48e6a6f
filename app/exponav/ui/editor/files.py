"""The editor's files: save, save a copy, export the floor plans, the recovery copy
written every minute, and the question before closing with unsaved edits.

A mixin of :class:`~exponav.ui.editor.window.EditorWindow`: it uses the window's
``layout``, ``undo_stack``, ``history``, ``recovery_file``, ``restored`` and edit counts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from exponav.core.errors import ExpoNavError
from exponav.core.layout import recovery

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QUndoView

    from exponav.core.layout import Layout

__all__ = ["EditorFiles"]


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


class EditorFiles:
    """Files for the editor window (a mixin)."""

    layout: Layout
    undo_stack: QUndoStack
    history: QUndoView
    recovery_file: Path | None
    restored: bool
    choose_folder: Callable[[str], Path | None]
    _edits: int
    _autosaved: int

    def _choose_folder(self, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title)
        return Path(chosen) if chosen else None

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, translate("Editor", "ExpoNav layout editor"), text)

    def save(self) -> bool:
        try:
            self.layout.save()
        except (ExpoNavError, OSError) as e:
            self._warn(translate("Editor", "Nothing was saved: %1").replace("%1", str(e)))
            return False
        self.undo_stack.setClean()
        self.restored = False
        self.history.setEmptyLabel(translate("Editor", "As opened"))
        self._retitle()
        self._drop_recovery()
        self.statusBar().showMessage(translate("Editor", "Saved."), 4000)
        return True

    def save_copy(self, folder: Path | None = None) -> bool:
        """Save the venue and show with the edits into a new (or empty) folder; the
        window goes on editing the original."""
        folder = folder or self.choose_folder(translate("Editor", "Save a copy in an empty folder"))
        if folder is None:
            return False
        try:
            recovery.save_copy(self.layout, folder)
        except (ExpoNavError, OSError) as e:
            self._warn(translate("Editor", "Nothing was saved: %1").replace("%1", str(e)))
            return False
        self.statusBar().showMessage(translate("Editor", "Saved a copy in %1.").replace("%1", str(folder)), 8000)
        return True

    def export_floor_plans(self, folder: Path | None = None) -> bool:
        """Each level's floor-plan GeoJSON as the layout holds it, into a folder."""
        folder = folder or self.choose_folder(translate("Editor", "Export the floor plans to a folder"))
        if folder is None:
            return False
        try:
            written = recovery.export_floor_plans(self.layout, folder)
        except (ExpoNavError, OSError) as e:
            self._warn(translate("Editor", "Nothing was exported: %1").replace("%1", str(e)))
            return False
        self.statusBar().showMessage(translate("Editor", "Exported %1 floor plans to %2.")
                                     .replace("%1", str(len(written)))
                                     .replace("%2", str(folder)), 8000)
        return True

    def export_gis(self, folder: Path | None = None) -> bool:
        """The floor plans as GeoJSON layers in WGS84, for GIS tools."""
        from exponav.core.exchange.gis import export_geojson

        folder = folder or self.choose_folder(translate("Editor", "Export GeoJSON for GIS to a folder"))
        if folder is None:
            return False
        try:
            if self.layout.venue_dir is None:
                raise ExpoNavError("this layout was not loaded from a venue folder.")
            written, _n = export_geojson(self.layout.venue, self.layout.venue_dir, folder)
        except (ExpoNavError, OSError) as e:
            self._warn(translate("Editor", "Nothing was exported: %1").replace("%1", str(e)))
            return False
        self.statusBar().showMessage(translate("Editor", "Exported %1 GeoJSON layers to %2.")
                                     .replace("%1", str(len(written)))
                                     .replace("%2", str(folder)), 8000)
        return True

    def autosave(self) -> bool:
        """Write the recovery copy when there are edits it does not hold yet (every
        minute by the timer); True when it was written."""
        if self.recovery_file is None or self._autosaved == self._edits:
            return False
        if not self.unsaved():
            self._drop_recovery()
            return False
        try:
            recovery.write_recovery(self.layout, self.recovery_file)
        except (ExpoNavError, OSError) as e:
            self.statusBar().showMessage(
                translate("Editor", "The recovery copy could not be written: %1").replace("%1", str(e)), 8000)
            return False
        self._autosaved = self._edits
        return True

    def _drop_recovery(self) -> None:
        self._autosaved = self._edits
        if self.recovery_file is not None:
            self.recovery_file.unlink(missing_ok=True)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.unsaved():
            answer = self.ask_unsaved()
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
        self.autosave_timer.stop()
        self._drop_recovery()  # saved, or the edits discarded
        self._unsubscribe()
        self.nav.unfollow()
        event.accept()

    def ask_unsaved(self) -> str:
        """save, discard or cancel (replaced in tests)."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("Editor", "ExpoNav layout editor"),
                          translate("Editor", "The layout has unsaved changes. Save them?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel")
