"""The navigator window as a laptop application: a menu bar with Quit (Ctrl+Q), and what it
remembers between runs: the language, the window's size and place, step-free routes, and
the visit being planned (so closing the window loses nothing).

Memory is a QSettings file, ``window.ini`` in the user's configuration folder beside
``kiosk.json``. Only :func:`exponav.ui.app.run_gui` dresses the window this way: a kiosk
builds the same window with no menu, no quit key and no memory of its visitors.

A remembered visit names its show; on another show's data, or where a stop is no longer
on the map, those stops are left out and the rest is planned again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from exponav.core import paths
from exponav.core.errors import ExpoNavError
from exponav.core.languages import language
from exponav.ui.common.i18n import LANGUAGES
from exponav.ui.visitor.visit_model import VisitStop

if TYPE_CHECKING:
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["LaptopWindow", "remembered_language", "window_settings"]

SETTINGS_NAME = "window.ini"


def window_settings(path: str | Path | None = None) -> QSettings:
    """The laptop window's memory (``window.ini`` in the configuration folder)."""
    target = Path(path) if path is not None else paths.config_dir() / SETTINGS_NAME
    return QSettings(str(target), QSettings.Format.IniFormat)


def remembered_language(settings: QSettings) -> str | None:
    """The language chosen in the last run, if it is one ExpoNav speaks."""
    value = settings.value("language", "")
    return language(value) if isinstance(value, str) and value else None


def _flag(value: object) -> bool:
    """A QSettings boolean (an INI file gives it back as the text "true")."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


class LaptopWindow(QObject):
    """Menus, the quit key and the memory of one :class:`MainWindow`."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._restoring = False
        from exponav.ui.app import app_icon

        window.setWindowIcon(app_icon())
        self._build_menus()
        self.restore()
        window.language_changed.connect(self._language_changed)
        window.visit.stops_changed.connect(self.save_visit)
        window.visit.settings_changed.connect(self.save_visit)
        window.routes.panel.step_free_toggled.connect(self._route_step_free)
        window.installEventFilter(self)

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        self.visit_menu = bar.addMenu("")
        self.print_action = QAction(w)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: w.visits.print_visit())
        self.pdf_action = QAction(w)
        self.pdf_action.triggered.connect(w.visits.save_pdf_dialog)
        self.quit_action = QAction(w)
        keys = [QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]
        self.quit_action.setShortcuts([k for i, k in enumerate(keys)
                                       if not k.isEmpty() and k not in keys[:i]])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(w.close)
        self.visit_menu.addAction(self.print_action)
        self.visit_menu.addAction(self.pdf_action)
        self.visit_menu.addSeparator()
        self.visit_menu.addAction(self.quit_action)
        w.addActions([self.print_action, self.quit_action])  # keys work with the menu bar hidden
        self.language_menu = bar.addMenu("")
        group = QActionGroup(self.language_menu)
        self.language_items: dict[str, QAction] = {}
        for code, native in LANGUAGES:
            action = QAction(native, self.language_menu, checkable=True)
            action.triggered.connect(lambda _=False, c=code: w.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_items[code] = action
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(w)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.visit_menu.setTitle(self.tr("&Visit"))
        self.print_action.setText(self.tr("&Print…"))
        self.pdf_action.setText(self.tr("Save as P&DF…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About ExpoNav"))
        self.language_items[self.window.lang].setChecked(True)

    def _about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("exponav")
        except PackageNotFoundError:
            number = ""
        show = self.window.nav.show_info
        QMessageBox.about(self.window, self.tr("About ExpoNav"), self.tr(
            "ExpoNav %1: an offline navigator and booth planner for exhibition floors.\n"
            "Showing %2.").replace("%1", number).replace("%2", show.name))

    def _language_changed(self, lang: str) -> None:
        self.retranslate()
        self.settings.setValue("language", lang)

    # -- memory --------------------------------------------------------------------------

    def restore(self) -> None:
        """The window's size and place, step-free routes and the last visit, as they were."""
        s, w = self.settings, self.window
        geometry = s.value("window/geometry")
        if geometry is not None:
            w.restoreGeometry(geometry)
        if _flag(s.value("route/step_free", False)):
            w.routes.step_free = True
            w.routes.panel.set_step_free(True)
        self._restoring = True
        try:
            self._restore_visit()
        finally:
            self._restoring = False

    def _restore_visit(self) -> None:
        s, w = self.settings, self.window
        if s.value("visit/show", "") != w.nav.show_info.id:
            return
        try:
            saved = json.loads(s.value("visit/stops", "[]") or "[]")
        except (TypeError, ValueError):
            return
        stops = []
        for item in saved if isinstance(saved, list) else []:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                continue
            try:
                place = w.nav.place(item[0]).id
            except ExpoNavError:
                continue  # no longer on the map
            stops.append(VisitStop(place, item[1] if isinstance(item[1], str) else None))
        start = s.value("visit/start", "") or None
        try:
            w.visit.set_step_free(_flag(s.value("visit/step_free", False)))
            if stops:
                w.visit.load(stops, start if isinstance(start, str) else None)
        except ValueError:  # a time in the file that is not HH:MM (edited by hand)
            w.visit.clear()

    def save_visit(self) -> None:
        if self._restoring:
            return
        s, model = self.settings, self.window.visit
        s.setValue("visit/show", self.window.nav.show_info.id)
        s.setValue("visit/stops", json.dumps([[v.place_id, v.appointment] for v in model.stops]))
        s.setValue("visit/start", model.start_time or "")
        s.setValue("visit/step_free", model.step_free)
        s.sync()

    def _route_step_free(self, on: bool) -> None:
        self.settings.setValue("route/step_free", bool(on))

    def save(self) -> None:
        """Everything, now (the window is closing)."""
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("language", self.window.lang)
        self.save_visit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        elif watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
