"""EditView: the plan view with the editor's gestures.

Left button: click a booth to select it (shift or ctrl adds or removes it), drag a
selected booth to move the selection (snapped; alt turns snapping off), drag a handle of
one selected booth to resize it, drag on the floor for a rubber band; with the draw
tool, drag a new rectangular booth; with the polygon tool, click its corners one by one
and double-click (or press Enter) to finish it, Backspace taking back the last corner.
Moves and corners snap to neighbouring booths' edges, then to aisle lines (an aisle's
edges, centre and the lines keeping it at the venue's minimum width), then to the 3 m
module and the 0.5 m grid, and the snap line is shown. The right or middle button pans,
the wheel zooms, the arrow keys nudge the selection 0.5 m (3 m with shift), Delete
removes it and Escape cancels the gesture in progress. Exhibitors dragged from the list
drop onto a booth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from exponav.core.layout.aisles import aisle_lines, find_aisles
from exponav.core.layout.tools import (
    booths_at,
    booths_in_rect,
    hit_handle,
    neighbour_edges,
    rect_polygon,
    resize_bounds,
    snap_move,
    snap_vertex,
)
from exponav.ui.common.convert import to_model
from exponav.ui.map.view import MapView

if TYPE_CHECKING:
    from exponav.ui.editor.window import EditorWindow

__all__ = ["EXHIBITOR_MIME", "EditView"]

EXHIBITOR_MIME = "application/x-exponav-exhibitor"
HANDLE_PX = 8.0


class EditView(MapView):
    """The plan view of :class:`~exponav.ui.editor.window.EditorWindow`."""

    def __init__(self, editor: EditorWindow, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.tool = "select"  # or "draw" (a rectangle) or "polygon"
        self.gesture: str | None = None  # move | band | draw | polygon | resize | pan
        self._start: tuple[float, float] = (0.0, 0.0)
        self._pan_last = QPointF()
        self._moved = False
        self._snap = None
        self._handle: str | None = None
        self._bounds = (0.0, 0.0, 0.0, 0.0)
        self._edges: tuple[list[float], list[float]] = ([], [])
        self._aisles: tuple[list[float], list[float]] = ([], [])
        self.vertices: list[tuple[float, float]] = []  # of the polygon being drawn
        self._band_add = False
        self._resized: tuple[float, float, float, float] | None = None
        self.setAcceptDrops(True)
        self.setMouseTracking(True)  # the polygon's next edge follows the pointer

    def _model(self, event) -> tuple[float, float]:
        return to_model(self.mapToScene(event.position().toPoint()))

    # -- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if event.button() in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
            self.gesture, self._pan_last = "pan", event.position()
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton or scene is None:
            return
        self.setFocus()
        x, y = self._model(event)
        self._start, self._moved = (x, y), False
        mods = event.modifiers()
        adding = bool(mods & (Qt.KeyboardModifier.ShiftModifier
                              | Qt.KeyboardModifier.ControlModifier))
        if self.tool == "draw":
            self.gesture = "draw"
            self._snap_lines_near((x, y, x, y))
            self._start = self._vertex(x, y, free=bool(mods & Qt.KeyboardModifier.AltModifier))
            event.accept()
            return
        if self.tool == "polygon":
            self.add_vertex(x, y, free=bool(mods & Qt.KeyboardModifier.AltModifier))
            event.accept()
            return
        selected = self.editor.selection
        if len(selected) == 1 and scene.polygon(selected[0]) is not None:
            bounds = scene.polygon(selected[0]).bounds
            handle = hit_handle(bounds, x, y, HANDLE_PX / max(self.scale_px_per_m(), 1e-6))
            if handle is not None:
                self.gesture, self._handle, self._bounds = "resize", handle, bounds
                self._resized = None
                event.accept()
                return
        hits = booths_at(scene.plan.booths, x, y)
        if hits:
            code = hits[0]
            if adding:
                self.editor.toggle_selected(code)
                self.gesture = None
            else:
                if code not in selected:
                    self.editor.select([code])
                self.gesture = "move"
                self._begin_move()
        else:
            self.gesture, self._band_add = "band", adding
        event.accept()

    def _begin_move(self) -> None:
        scene = self.scene()
        import shapely

        codes = [c for c in self.editor.selection if scene.polygon(c) is not None]
        self._bounds = shapely.union_all([scene.polygon(c) for c in codes]).bounds
        self._snap_lines_near(self._bounds, codes)
        self._snap = None

    def _snap_lines_near(self, bounds: tuple[float, float, float, float],
                         moving: list[str] | None = None) -> None:
        """The booth edges and aisle lines a gesture near ``bounds`` snaps to."""
        plan = self.scene().plan
        moving = moving or []
        self._edges = neighbour_edges(plan.booths, moving, bounds)
        found = find_aisles(plan.booths, plan.obstacles, plan.footprint, bounds, skip=moving)
        self._aisles = aisle_lines(found, keep_m=self.editor.layout.rules.aisle_min_m)

    def _vertex(self, x: float, y: float, free: bool = False,
                show: bool = True) -> tuple[float, float]:
        """(x, y) snapped as a corner of a booth being drawn, the snap line shown."""
        v = snap_vertex(x, y, self._edges, aisles=self._aisles, enabled=not free)
        if show:
            self.scene().show_guides(v.line_x, v.line_y, (v.kind_x, v.kind_y))
        return v.dx, v.dy

    # -- drawing a polygon -------------------------------------------------------------

    def add_vertex(self, x: float, y: float, free: bool = False) -> None:
        """A click of the polygon tool: the first corner starts the outline."""
        if self.gesture != "polygon":
            self.gesture, self.vertices = "polygon", []
        self._snap_lines_near((x, y, x, y))  # the lines near this corner
        p = self._vertex(x, y, free)
        if not self.vertices or self.vertices[-1] != p:
            self.vertices.append(p)
        self.scene().ghost_outline(self.vertices)

    def finish_polygon(self) -> bool:
        """Double-click or Enter: make the booth from the corners given (three at least)."""
        if self.gesture != "polygon":
            return False
        points = list(self.vertices)
        self.cancel_gesture()
        return len(points) >= 3 and self.editor.draw_polygon(points)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if self.gesture == "pan":
            d = event.position() - self._pan_last
            self._pan_last = event.position()
            self.pan_by(d.x(), d.y())
            event.accept()
            return
        if self.gesture is None or scene is None:
            super().mouseMoveEvent(event)
            return
        x, y = self._model(event)
        sx, sy = self._start
        free = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if self.gesture == "polygon":
            scene.ghost_outline(self.vertices, self._vertex(x, y, free))
            event.accept()
            return
        if not self._moved:
            far = abs(x - sx) + abs(y - sy)
            if far * self.scale_px_per_m() < QApplication.startDragDistance():
                return
            self._moved = True
            if self.gesture == "move":
                scene.start_ghost(self.editor.selection)
        if self.gesture == "move":
            self.drag_to(x, y, free)
        elif self.gesture == "band":
            scene.show_band(self._start, (x, y))
        elif self.gesture == "draw":
            b = self._vertex(x, y, free)
            if sx != b[0] and sy != b[1]:
                scene.ghost_polygon(rect_polygon(self._start, b))
        elif self.gesture == "resize":
            self._resized = resize_bounds(self._bounds, self._handle, x, y, snap=not free)
            scene.ghost_polygon(rect_polygon(self._resized[:2], self._resized[2:]))
        event.accept()

    def drag_to(self, x: float, y: float, free: bool = False) -> None:
        """Move the ghost of a drag in progress to the pointer at (x, y)."""
        sx, sy = self._start
        self._snap = snap_move(self._bounds, x - sx, y - sy, self._edges, enabled=not free,
                               aisles=self._aisles)
        s = self._snap
        shown = ("edge", "aisle")
        self.scene().move_ghost(s.dx, s.dy, s.line_x if s.kind_x in shown else None,
                                s.line_y if s.kind_y in shown else None, (s.kind_x, s.kind_y))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if self.gesture == "polygon":  # the outline goes on until finished
            event.accept()
            return
        gesture, self.gesture = self.gesture, None
        if gesture == "pan" or scene is None:
            event.accept()
            return
        if gesture is None:
            super().mouseReleaseEvent(event)
            return
        scene.end_gesture()
        x, y = self._model(event)
        free = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if gesture == "move" and self._moved and self._snap is not None:
            if self._snap.dx or self._snap.dy:
                self.editor.move_selection(self._snap.dx, self._snap.dy, "drag")
        elif gesture == "band":
            if self._moved:
                codes = booths_in_rect(scene.plan.booths, self._start, (x, y))
                self.editor.select(codes, add=self._band_add)
            elif not self._band_add:
                self.editor.select([])
        elif gesture == "draw" and self._moved:
            self.editor.draw_booth(self._start, self._vertex(x, y, free, show=False))
        elif gesture == "resize" and self._resized is not None:
            self.editor.resize_selected(self._resized, self._handle)
        event.accept()

    def cancel_gesture(self) -> bool:
        """Escape: drop the gesture in progress; False when there was none."""
        if self.gesture is None:
            return False
        self.gesture = None
        self.vertices = []
        if self.scene() is not None:
            self.scene().end_gesture()
        return True

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if self.gesture == "polygon" and event.button() == Qt.MouseButton.LeftButton:
            self.finish_polygon()
        event.accept()  # a double click selects, it does not zoom

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        big = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = 3.0 if big else 0.5
        arrows = {Qt.Key.Key_Left: (-step, 0.0), Qt.Key.Key_Right: (step, 0.0),
                  Qt.Key.Key_Up: (0.0, step), Qt.Key.Key_Down: (0.0, -step)}
        if key == Qt.Key.Key_Escape:
            if not self.cancel_gesture():
                self.editor.select([])
        elif self.gesture == "polygon" and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_polygon()
        elif self.gesture == "polygon" and key == Qt.Key.Key_Backspace:
            if len(self.vertices) > 1:
                self.vertices.pop()
                self.scene().ghost_outline(self.vertices)
            else:
                self.cancel_gesture()
        elif key in arrows and self.editor.selection:
            self.editor.move_selection(*arrows[key], "nudge")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.editor.delete_selected()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- exhibitors dropped on booths -------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(EXHIBITOR_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(EXHIBITOR_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        data = event.mimeData()
        if not data.hasFormat(EXHIBITOR_MIME) or self.scene() is None:
            return
        x, y = to_model(self.mapToScene(event.position().toPoint()))
        hits = booths_at(self.scene().plan.booths, x, y)
        if hits:
            self.editor.assign(hits[0], bytes(data.data(EXHIBITOR_MIME)).decode())
            event.acceptProposedAction()
