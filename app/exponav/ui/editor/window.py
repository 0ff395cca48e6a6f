"""EditorWindow: the staff layout editor: the plan of every level in edit mode, tools,
undo history, live venue rules, booth sales and prices, the route preview, files
(:mod:`~exponav.ui.editor.files`) and the approval print.

Every edit goes the same way: the window builds core changes, the layout applies them
(or says in one sentence why not, shown in the status bar), and the applied edit is
pushed on the undo stack as an :class:`~exponav.ui.editor.commands.EditCommand`. The
layout then tells its subscribers: the Navigator (routes, search) first, then this
window, which redraws the levels the edit touched and refreshes its panels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QUndoView,
)
from shapely import affinity
from shapely.geometry import Polygon

from exponav.core.events import LayoutChanged
from exponav.core.layout import (
    AddBooth,
    Assign,
    Change,
    ChangeError,
    MergeBooths,
    MoveBooth,
    RemoveBooth,
    ResizeBooth,
    RotateBooth,
    SetStatus,
    SplitBooth,
    Unassign,
)
from exponav.core.layout.tools import ROTATE_STEP_DEG, anchor_for, free_code, rect_polygon
from exponav.ui.common.convert import PathMemo, to_scene
from exponav.ui.editor.commands import EditCommand
from exponav.ui.editor.files import EditorFiles
from exponav.ui.editor.panels import (
    BoothPanel,
    ExhibitorList,
    SalesCounts,
    SalesPanel,
    ViolationsPanel,
    status_name,
)
from exponav.ui.editor.routes import RoutePreview
from exponav.ui.editor.scene import EditScene
from exponav.ui.editor.view import EditView

if TYPE_CHECKING:
    from exponav.core.layout import Layout, Violation
    from exponav.core.navigator import Navigator

__all__ = ["AUTOSAVE_MS", "EditorWindow"]

#: how often the recovery copy of unsaved edits is written
AUTOSAVE_MS = 60_000


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


class EditorWindow(EditorFiles, QMainWindow):
    """Edits ``layout``; ``nav`` follows it (routes and search answer for the edits).

    With ``recovery_file``, unsaved edits are copied there every minute (and the copy
    removed once they are saved or discarded); ``restored`` says the layout came from
    such a copy, so it is unsaved from the start."""

    def __init__(self, nav: Navigator, layout: Layout, lang: str = "en", parent=None, *,
                 recovery_file: Path | None = None, restored: bool = False) -> None:
        super().__init__(parent)
        from exponav.ui.visitor.main_window import theme_colours

        self.nav = nav
        self.layout = layout
        self.lang = lang
        nav.follow(layout)
        self.themes = theme_colours(nav)
        self.selection: tuple[str, ...] = ()
        self.last_error = ""
        self._owners_dirty = True
        self._counts = SalesCounts()  # the sales panel's counts, level by level
        self._paths = PathMemo()  # the booths' painter paths, kept while a booth is unchanged
        #: asks a yes/no question; replaced in tests
        self.ask: Callable[[str], bool] = self._ask
        #: asks for a folder (title) -> path or None; replaced in tests
        self.choose_folder: Callable[[str], Path | None] = self._choose_folder
        self.recovery_file = recovery_file
        self.restored = restored
        self._edits = 0  # edits made, undone or redone since opening
        self._autosaved = 0  # ... when the recovery copy was last written
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.undo_stack = QUndoStack(self)
        self.scenes: dict[str, EditScene] = {}
        self.level = next(iter(layout.venue.plans))
        self.view = EditView(self, self)
        self.setCentralWidget(self.view)
        self._build_docks()
        self._build_actions()
        self._unsubscribe = layout.changed.connect(self._layout_changed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.set_level(self.level)
        self.retranslate()
        if recovery_file is not None:
            self.autosave_timer.start()

    # -- building ----------------------------------------------------------------------

    def _build_docks(self) -> None:
        self.violations = ViolationsPanel(self)
        self.violations.chosen.connect(self.show_violation)
        self.sales = SalesPanel(self)
        self.exhibitors = ExhibitorList(self)
        self.exhibitors.assign.connect(self._assign_selected)
        self.booth_panel = BoothPanel(self)
        self.booth_panel.status_chosen.connect(self.set_status)
        self.booth_panel.unassign.connect(self._unassign_selected)
        self.route_preview = RoutePreview(self.nav, self)
        self.route_preview.origin_changed.connect(self.refresh_route)
        self._route_timer = QTimer(self)  # the route follows once events are handled
        self._route_timer.setSingleShot(True)
        self._route_timer.setInterval(0)
        self._route_timer.timeout.connect(self.refresh_route)
        self._later = QTimer(self)  # so do the panels that follow the layout
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._refresh_followers)
        self.history = QUndoView(self.undo_stack, self)
        self.docks: dict[str, QDockWidget] = {}
        for key, widget, area in (
                ("booth", self.booth_panel, Qt.DockWidgetArea.RightDockWidgetArea),
                ("sales", self.sales, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("exhibitors", self.exhibitors, Qt.DockWidgetArea.RightDockWidgetArea),
                ("routes", self.route_preview, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("violations", self.violations, Qt.DockWidgetArea.BottomDockWidgetArea),
                ("history", self.history, Qt.DockWidgetArea.LeftDockWidgetArea)):
            dock = QDockWidget(self)
            dock.setObjectName(key)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[key] = dock
        self.splitDockWidget(self.docks["routes"], self.docks["sales"], Qt.Orientation.Vertical)
        self.splitDockWidget(self.docks["sales"], self.docks["history"], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["routes"], self.docks["booth"]], [420, 360],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["violations"]], [170], Qt.Orientation.Vertical)

    def _action(self, slot: Callable[[], Any], keys: Any = None) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        if keys is not None:
            action.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, translate("Editor", "Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, translate("Editor", "Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = self._action(self.save, QKeySequence.StandardKey.Save)
        self.save_copy_action = self._action(self.save_copy)
        self.export_plans_action = self._action(self.export_floor_plans)
        self.export_gis_action = self._action(self.export_gis)
        self.approval_action = self._action(self.print_for_approval, QKeySequence.StandardKey.Print)
        self.close_action = self._action(self.close, QKeySequence.StandardKey.Close)
        self.split_action = self._action(self.split_selected, "Ctrl+K")
        self.merge_action = self._action(self.merge_selected, "Ctrl+M")
        self.duplicate_action = self._action(self.duplicate_selected, "Ctrl+D")
        self.delete_action = self._action(self.delete_selected)
        self.rotate_action = self._action(lambda: self.rotate_selected(ROTATE_STEP_DEG), "Ctrl+R")
        self.rotate_back_action = self._action(lambda: self.rotate_selected(-ROTATE_STEP_DEG),
                                               "Ctrl+Shift+R")
        tools = QActionGroup(self)
        self.select_tool = self._action(lambda: self._set_tool("select"), "V")
        self.draw_tool = self._action(lambda: self._set_tool("draw"), "R")
        self.polygon_tool = self._action(lambda: self._set_tool("polygon"), "P")
        for a in (self.select_tool, self.draw_tool, self.polygon_tool):
            a.setCheckable(True)
            tools.addAction(a)
        self.select_tool.setChecked(True)
        self.levels = QComboBox(self)
        for lv in self.layout.venue.plans:
            self.levels.addItem(lv, lv)
        self.levels.currentIndexChanged.connect(
            lambda i: self.set_level(self.levels.itemData(i)))
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.save_action, self.save_copy_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export_plans_action, self.export_gis_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.approval_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.split_action, self.merge_action,
                                   self.duplicate_action, self.rotate_action,
                                   self.rotate_back_action, self.delete_action])
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addActions([self.select_tool, self.draw_tool, self.polygon_tool])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("tools")
        self.toolbar.addWidget(self.levels)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.save_action, self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.select_tool, self.draw_tool, self.polygon_tool,
                                 self.split_action,
                                 self.merge_action, self.duplicate_action, self.rotate_action,
                                 self.delete_action])

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("Editor", "&File"))
        self.edit_menu.setTitle(translate("Editor", "&Edit"))
        self.tools_menu.setTitle(translate("Editor", "&Tools"))
        self.toolbar.setWindowTitle(translate("Editor", "Tools"))
        for action, text in ((self.save_action, translate("Editor", "Save")), (self.close_action, translate("Editor", "Close")),
                             (self.save_copy_action, translate("Editor", "Save a copy…")),
                             (self.export_plans_action, translate("Editor", "Export floor-plan GeoJSON…")),
                             (self.export_gis_action, translate("Editor", "Export GeoJSON for GIS (WGS84)…")),
                             (self.approval_action, translate("Editor", "Print for the venue's approval…")),
                             (self.split_action, translate("Editor", "Split into a and b")),
                             (self.merge_action, translate("Editor", "Merge")),
                             (self.duplicate_action, translate("Editor", "Duplicate")),
                             (self.delete_action, translate("Editor", "Delete")),
                             (self.rotate_action, translate("Editor", "Rotate 15° left")),
                             (self.rotate_back_action, translate("Editor", "Rotate 15° right")),
                             (self.select_tool, translate("Editor", "Select and move")),
                             (self.draw_tool, translate("Editor", "Draw a booth")),
                             (self.polygon_tool, translate("Editor", "Draw a polygon booth"))):
            action.setText(text)
        for key, text in (("booth", translate("Editor", "Booth")), ("sales", translate("Editor", "Sales")),
                          ("exhibitors", translate("Editor", "Exhibitors")), ("violations", translate("Editor", "Venue rules")),
                          ("history", translate("Editor", "History")), ("routes", translate("Editor", "Route preview"))):
            self.docks[key].setWindowTitle(text)
        self.route_preview.retranslate(self.lang)
        self.history.setEmptyLabel(translate("Editor", "As restored from the recovery copy") if self.restored
                                   else translate("Editor", "As opened"))
        for i in range(self.levels.count()):
            self.levels.setItemText(i, self.nav.level_name(self.levels.itemData(i), self.lang))
        self._refresh_panels()
        self._retitle()

    def _clean_changed(self, _clean: bool) -> None:
        self._retitle()

    def unsaved(self) -> bool:
        """Whether the layout holds edits its folders do not."""
        return self.restored or not self.undo_stack.isClean()

    def _retitle(self) -> None:
        star = " *" if self.unsaved() else ""
        where = self.layout.venue_dir.name if self.layout.venue_dir else ""
        title = translate("Editor", "ExpoNav layout editor")
        self.setWindowTitle(f"{title} — {where}{star}")

    # -- levels and scenes -------------------------------------------------------------

    def scene(self) -> EditScene:
        return self.scenes[self.level]

    def _scene_for(self, level: str) -> EditScene:
        scene = self.scenes.get(level)
        if scene is None:
            scene = EditScene(self.nav, self.layout, level, self.themes, self.lang, self,
                              paths=self._paths)
            scene.set_violations(self.layout.violations)
            self.scenes[level] = scene
            self._paths.keep(b.polygon for lv in self.scenes
                             for b in self.layout.venue.plans[lv].booths)
        return scene

    def set_level(self, level: str, fit: bool = True) -> None:
        self._show_level(level, fit)
        self._refresh_panels()

    def _show_level(self, level: str, fit: bool) -> None:
        first = self.view.scene() is None
        if level != self.level:
            self.selection = ()
        self.level = level
        scene = self._scene_for(level)
        scene.set_selection(self.selection)
        if self.view.scene() is not scene:
            self.view.set_level_scene(scene, fit=fit or first)
        index = self.levels.findData(level)
        if index >= 0 and self.levels.currentIndex() != index:
            self.levels.setCurrentIndex(index)

    def _layout_changed(self, event: LayoutChanged) -> None:
        """After an edit, undo or redo: the plan and the violations at once, the other
        panels and the route preview once the events waiting are handled (several
        changes in a row refresh them once)."""
        self._edits += 1
        touched = event.levels | {b.level for c in event.codes if self.layout.has_booth(c)
                                  for b in [self.layout.booth(c)]}
        for level in touched:
            self.scenes.pop(level, None)
        self._counts.forget(touched)
        for scene in self.scenes.values():
            scene.set_violations(self.layout.violations)
        self.selection = tuple(c for c in self.selection if self.layout.has_booth(c))
        self._owners_dirty = self._owners_dirty or bool(event.text)
        if self.level not in self.scenes:
            self._show_level(self.level, fit=False)
        else:
            self.scene().set_selection(self.selection)
        self.violations.refresh(self.layout.violations, self.lang)
        self._refresh_enabled()
        self._later.start()

    def _refresh_panels(self) -> None:
        self.violations.refresh(self.layout.violations, self.lang)
        self._refresh_followers()

    def _refresh_followers(self) -> None:
        """The panels that follow the layout but not the pointer: sales, exhibitors (when
        who holds which booth may have changed), the booth, the route preview."""
        self._later.stop()
        self.sales.refresh(self.layout, self.level, self.nav.level_name(self.level, self.lang),
                           self._counts)
        if self._owners_dirty:  # the list shows each exhibitor's booths
            self.exhibitors.refresh(self.layout, self.lang)
            self._owners_dirty = False
        self.booth_panel.refresh(self.layout, self.selection, self.lang)
        self._refresh_enabled()
        self.refresh_route()

    # -- selection ---------------------------------------------------------------------

    def select(self, codes: Iterable[str], add: bool = False) -> None:
        codes = [c for c in codes if self.layout.has_booth(c)]
        if add:
            codes = list(self.selection) + [c for c in codes if c not in self.selection]
        self.selection = tuple(codes)
        self.scene().set_selection(self.selection)
        self.booth_panel.refresh(self.layout, self.selection, self.lang)
        self._refresh_enabled()
        self._route_timer.start()

    def refresh_route(self) -> None:
        """Ask the Navigator again for the way to the selected booth and draw it (after
        an edit or a new selection, once the events waiting are handled: several
        changes in a row ask once)."""
        self._route_timer.stop()
        target = self.selection[0] if self.selection else None
        if target is not None and self.route_preview.route is None:
            self.route_preview.prefer_level(self.layout.booth(target).level)
        self.route_preview.refresh(target)
        for scene in self.scenes.values():
            if scene is not self.scene():
                scene.clear_route()
        self.route_preview.draw_on(self.scene())

    def toggle_selected(self, code: str) -> None:
        if code in self.selection:
            self.select([c for c in self.selection if c != code])
        else:
            self.select([code], add=True)

    def _refresh_enabled(self) -> None:
        self.split_action.setEnabled(len(self.selection) == 1)
        self.merge_action.setEnabled(len(self.selection) >= 2)
        self.duplicate_action.setEnabled(bool(self.selection))
        self.delete_action.setEnabled(bool(self.selection))
        self.rotate_action.setEnabled(bool(self.selection))
        self.rotate_back_action.setEnabled(bool(self.selection))

    def _set_tool(self, tool: str) -> None:
        self.view.cancel_gesture()
        self.view.tool = tool
        {"draw": self.draw_tool, "polygon": self.polygon_tool}.get(
            tool, self.select_tool).setChecked(True)

    # -- making edits ------------------------------------------------------------------

    def do(self, changes: Sequence[Change], text: str, merge_key: Any = None) -> bool:
        """Apply changes as one undo step; False (and the reason in the status bar)
        when the layout refuses them."""
        try:
            edit = (self.layout.apply(changes[0]) if len(changes) == 1
                    else self.layout.apply_all(changes))
        except ChangeError as e:
            self.last_error = str(e)
            self.statusBar().showMessage(str(e), 8000)
            return False
        self.last_error = ""
        if edit.slots:
            self.undo_stack.push(EditCommand(self.layout, edit, text, merge_key))
        return True

    def print_for_approval(self, show: bool = True):
        """The dialog choosing level, scale and paper for the approval print."""
        from exponav.ui.editor.approval_print import ApprovalDialog

        self.approval = ApprovalDialog(self)
        if show:
            self.approval.dialog.open()
        return self.approval

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("Editor", "ExpoNav layout editor"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _geometry_ok(self, codes: Iterable[str]) -> bool:
        sold = [c for c in codes if self.layout.status(c).status == "sold"]
        if not sold:
            return True
        return self.ask(translate("Editor", "These booths are sold: %1. Change them all the same?")
                        .replace("%1", ", ".join(sold)))

    def move_selection(self, dx: float, dy: float, how: str = "drag") -> bool:
        codes = list(self.selection)
        if not codes or not self._geometry_ok(codes):
            return False
        key = ("nudge", tuple(codes)) if how == "nudge" else None
        text = translate("Editor", "Move %1").replace("%1", ", ".join(codes) if len(codes) <= 3
                                      else f"{len(codes)}")
        return self.do([MoveBooth(c, dx, dy) for c in codes], text, key)

    def resize_selected(self, bounds: tuple[float, float, float, float], handle: str) -> bool:
        if len(self.selection) != 1 or not self._geometry_ok(self.selection):
            return False
        code = self.selection[0]
        x0, y0, x1, y1 = bounds
        return self.do([ResizeBooth(code, x1 - x0, y1 - y0, anchor_for(handle))],
                       translate("Editor", "Resize %1").replace("%1", code))

    def rotate_selected(self, deg: float) -> bool:
        """Turn the selection ``deg`` degrees counter-clockwise about its centre."""
        codes = list(self.selection)
        if not codes or not self._geometry_ok(codes):
            return False
        c = shapely.union_all([self.layout.booth(code).polygon for code in codes]).centroid
        return self.do([RotateBooth(code, deg, (c.x, c.y)) for code in codes],
                       translate("Editor", "Rotate %1").replace("%1", ", ".join(codes)))

    def delete_selected(self) -> bool:
        codes = list(self.selection)
        if not codes or not self._geometry_ok(codes):
            return False
        return self.do([RemoveBooth(c) for c in codes],
                       translate("Editor", "Delete %1").replace("%1", ", ".join(codes)))

    def split_selected(self) -> bool:
        if len(self.selection) != 1:
            return False
        code = self.selection[0]
        if self.do([SplitBooth(code)], translate("Editor", "Split %1").replace("%1", code)):
            self.select([code + "a", code + "b"])
            return True
        return False

    def merge_selected(self) -> bool:
        codes = sorted(self.selection)
        if len(codes) < 2 or not self._geometry_ok(codes):
            return False
        into = codes[0].rstrip("ab") if all(c[:-1] == codes[0][:-1] and c[-1] in "ab"
                                            for c in codes) else codes[0]
        if self.do([MergeBooths(tuple(codes), into)], translate("Editor", "Merge into %1").replace("%1", into)):
            self.select([into])
            return True
        return False

    def duplicate_selected(self) -> bool:
        codes = list(self.selection)
        if not codes:
            return False
        used = {b.code for b in self.layout.booths()}
        geom = shapely.union_all([self.layout.booth(c).polygon for c in codes])
        shift = geom.bounds[2] - geom.bounds[0]
        changes, new = [], []
        for c in codes:
            b = self.layout.booth(c)
            code = free_code(used, c)
            used.add(code)
            new.append(code)
            changes.append(AddBooth(code, affinity.translate(b.polygon, shift, 0),
                                    b.level, b.type, b.zone))
        if self.do(changes, translate("Editor", "Duplicate %1").replace("%1", ", ".join(codes))):
            self.select(new)
            return True
        return False

    def draw_booth(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        poly = rect_polygon(a, b)
        x0, y0, x1, y1 = poly.bounds
        if x1 - x0 < 1.0 or y1 - y0 < 1.0:
            return False
        return self._add_drawn(poly)

    def draw_polygon(self, points: Sequence[tuple[float, float]]) -> bool:
        """A new booth with these corners (in order); refused, with the reason in the
        status bar, when the outline crosses itself or is under 1 m²."""
        pts = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        poly = Polygon(pts) if len(pts) >= 3 else None
        if poly is None or not poly.is_valid:
            self.last_error = translate("Editor", "The outline crosses itself; draw the corners in order.")
        elif poly.area < 1.0:
            self.last_error = translate("Editor", "A booth needs at least 1 m².")
        else:
            return self._add_drawn(shapely.normalize(shapely.set_precision(poly, 0.01)))
        self.statusBar().showMessage(self.last_error, 8000)
        return False

    def _add_drawn(self, poly: Polygon) -> bool:
        level_booths = self.layout.venue.plans[self.level].booths
        letters = sorted(self.layout.rules.areas.get(self.level, ()))
        like = next((bo.code for bo in reversed(level_booths)
                     if not letters or bo.code[0] in letters), None)
        if like is None:
            like = f"{letters[0] if letters else 'X'}0100"
        code = free_code((bo.code for bo in self.layout.booths()), like)
        if self.do([AddBooth(code, poly, self.level)], translate("Editor", "Draw %1").replace("%1", code)):
            self.select([code])
            return True
        return False

    def set_status(self, status: str) -> bool:
        if len(self.selection) != 1:
            return False
        code = self.selection[0]
        return self.do([SetStatus(code, status)],
                       translate("Editor", "%1: %2").replace("%1", code).replace("%2", status_name(status)))

    def assign(self, code: str, exhibitor: str) -> bool:
        ok = self.do([Assign(code, exhibitor)],
                     translate("Editor", "Assign %1 to %2").replace("%1", code).replace("%2", exhibitor))
        if ok:
            self.select([code])
        return ok

    def _assign_selected(self, exhibitor: str) -> None:
        if len(self.selection) == 1:
            self.assign(self.selection[0], exhibitor)
        else:
            self.statusBar().showMessage(translate("Editor", "Select one booth first."), 5000)

    def _unassign_selected(self) -> None:
        if len(self.selection) == 1:
            code = self.selection[0]
            self.do([Unassign(code)], translate("Editor", "Unassign %1").replace("%1", code))

    # -- violations --------------------------------------------------------------------

    def show_violation(self, v: Violation) -> None:
        """Go to the violation's level, select its booths and frame them."""
        if v.level is not None and v.level in self.layout.venue.plans:
            self.set_level(v.level, fit=False)
        codes = [c for c in v.codes if self.layout.has_booth(c)]
        self.select(codes)
        rect = QRectF()
        for c in codes:
            rect = rect.united(self.scene().stand_rect(c))
        if v.at is not None:
            p = to_scene(*v.at)
            rect = rect.united(QRectF(p.x() - 2, p.y() - 2, 4, 4))
        if not rect.isNull():
            self.view.fly_to(rect.adjusted(-6, -6, 6, 6), animated=False)
