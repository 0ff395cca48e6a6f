"""``exponav selftest --staff``: the staff layout editor's checks, offscreen.

The editor opens on the embedded venue and show at 1500 x 950; a booth is dragged with
the mouse and moves by the snapped amount in one undo step; undo puts it back; the route preview
reaches the selected booth and follows its move and undo; a booth dropped on a column
shows the ``booth.obstacle`` violation in the list and hatched on the map; and, with
``--screenshot PNG``, the window with that violation selected is saved there. Nothing is saved to the folders and
no recovery copy is written: every edit is undone before the window closes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["StaffChecks", "staff_checks"]

LEVEL = "H2-1F"


def staff_checks(checks, screenshot: str | None = None, lang: str = "en") -> None:
    """Run the editor's checks in order on ``checks``; if the editor does not open,
    none of the others runs."""
    c = StaffChecks(screenshot, lang)
    if not checks.run("editor opens", c.opens):
        return
    try:
        if checks.run("editor drag moves a booth", c.drag):
            checks.run("editor undo", c.undo)
        checks.run("editor route preview", c.route_preview)
        checks.run("editor column violation", c.column)
        checks.run("editor screenshot", c.screenshot)
    finally:
        c.close()


class StaffChecks:
    """The checks on one editor window; each returns the line the report shows, or
    raises. :meth:`opens` makes the window the others drive."""

    def __init__(self, screenshot: str | None = None, lang: str = "en") -> None:
        self.shot_path = screenshot
        self.lang = lang
        self.app: Any = None
        self.w: Any = None
        self.moved: tuple[str, tuple[float, ...]] | None = None

    def opens(self) -> str:
        from exponav.ui.common.application import make_app
        from exponav.ui.editor.start import open_editor

        self.app = make_app()
        w = open_editor(lang=self.lang, autosave=False)
        self.w = w
        w.ask = lambda _q: True
        w.ask_unsaved = lambda: "discard"
        w.resize(1500, 950)
        w.show()
        self.app.processEvents()
        w.set_level(LEVEL)
        n = len(w.layout.venue.plans[LEVEL].booths)
        return f"{len(w.layout.venue.plans)} levels, {n} booths on {LEVEL}"

    def _free_booth(self):
        lay = self.w.layout
        return next(b for b in lay.venue.plans[LEVEL].booths
                    if lay.status(b.code).status == "available" and b.code[-1] not in "ab"
                    and not lay.sessions_at(b.code))

    def _mouse(self, kind, x: float, y: float) -> None:
        from PySide6.QtCore import QEvent, QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        from exponav.ui.common.convert import to_scene

        view = self.w.view
        pos = QPointF(view.mapFromScene(to_scene(x, y)))
        left = Qt.MouseButton.LeftButton
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
        QApplication.sendEvent(view.viewport(), QMouseEvent(
            kind, pos, view.viewport().mapToGlobal(pos), button, held,
            Qt.KeyboardModifier.NoModifier))

    def drag(self) -> str:
        """Drag a free booth 6.1 m right with the mouse: it moves 6 m (the grid), in one
        undo step, and the scene draws it there."""
        from PySide6.QtCore import QEvent

        from exponav.ui.common.convert import to_scene

        w = self.w
        b = self._free_booth()
        c = b.polygon.representative_point()
        x, y = c.x, c.y
        w.view.fly_to(to_scene(x, y), 12.0, animated=False)
        self.app.processEvents()
        before = b.polygon.bounds
        self._mouse(QEvent.Type.MouseButtonPress, x, y)
        self._mouse(QEvent.Type.MouseMove, x + 3.0, y + 0.1)
        self._mouse(QEvent.Type.MouseMove, x + 6.1, y + 0.2)
        self._mouse(QEvent.Type.MouseButtonRelease, x + 6.1, y + 0.2)
        after = w.layout.booth(b.code).polygon.bounds
        dx, dy = after[0] - before[0], after[1] - before[1]
        if w.undo_stack.count() != 1:
            raise AssertionError(f"the drag made {w.undo_stack.count()} undo steps, not 1")
        if abs(dx - 6.0) > 0.41 or abs(dy) > 0.41:
            raise AssertionError(f"{b.code} moved by ({dx:.2f}, {dy:.2f}) m, not about 6 m "
                                 "right")
        drawn = w.scene().polygon(b.code)
        if drawn is None or drawn.bounds != after:
            raise AssertionError(f"the scene does not draw {b.code} where it moved")
        self.moved = (b.code, before)
        return f"{b.code} dragged by {dx:.1f} m, {dy:.1f} m in one step"

    def undo(self) -> str:
        w = self.w
        assert self.moved is not None
        code, before = self.moved
        w.undo_action.trigger()
        now = w.layout.booth(code).polygon.bounds
        if now != before:
            raise AssertionError(f"after undo {code} is at {now}, not {before}")
        if not w.undo_stack.isClean():
            raise AssertionError("after undo the layout is not as opened")
        if w.scene().polygon(code).bounds != before:
            raise AssertionError(f"after undo the scene draws {code} elsewhere")
        return f"{code} back where it was, the layout as opened"

    def route_preview(self) -> str:
        """The preview routes to the selected booth, draws it, and follows a move and
        its undo."""
        w = self.w
        b = self._free_booth()
        w.select([b.code])
        self.app.processEvents()  # the route follows once events are handled
        p = w.route_preview
        if p.route is None:
            raise AssertionError(f"no route from {p.origin} to {b.code}: {p.problem}")
        if not w.scene().route_items:
            raise AssertionError("the route is not drawn on the map")
        end = p.route.legs[-1].coords[-1]
        w.move_selection(3.0, 0.0)
        self.app.processEvents()
        moved = p.route.legs[-1].coords[-1] if p.route else None
        w.undo_stack.undo()
        self.app.processEvents()
        back = p.route.legs[-1].coords[-1] if p.route else None
        if moved == end or back != end:
            raise AssertionError("the route did not follow the booth's move and its undo")
        return f"{p.origin} -> {b.code}: {p.route.length_m:.0f} m, follows a move and undo"

    def column(self) -> str:
        """Drop a free booth on a column: the list shows booth.obstacle for it, the map
        hatches it, and choosing the row selects the booth."""
        w = self.w
        plan = w.layout.venue.plans[LEVEL]
        column = next(o for o in plan.obstacles if o.category == "column")
        b = self._free_booth()
        cx, cy = column.polygon.centroid.x, column.polygon.centroid.y
        bx, by = b.polygon.centroid.x, b.polygon.centroid.y
        w.select([b.code])
        if not w.move_selection(round(cx - bx, 2), round(cy - by, 2)):
            raise AssertionError(f"{b.code} could not be moved: {w.last_error}")
        rows = [i for i, v in enumerate(w.violations.violations)
                if v.rule == "booth.obstacle" and b.code in v.codes]
        if not rows:
            raise AssertionError(f"no booth.obstacle violation for {b.code} on the column")
        if w.violations.topLevelItemCount() != len(w.violations.violations):
            raise AssertionError("the violations list does not show every violation")
        if w.scene().violation_area.path().isEmpty():
            raise AssertionError("the violation is not hatched on the map")
        w.select([])
        item = w.violations.topLevelItem(rows[0])
        text = item.text(3)
        w.violations.setCurrentItem(item)
        w.violations.itemClicked.emit(item, 0)  # the list is filled again: item is gone
        if w.selection != (b.code,):
            raise AssertionError(f"choosing the violation selected {w.selection}")
        return f"{b.code} on a column: {text}"

    def screenshot(self) -> str:
        if not self.shot_path:
            return "no --screenshot given"
        self.app.processEvents()
        image = self.w.grab().toImage()
        if image.isNull() or not image.save(self.shot_path):
            raise RuntimeError(f"could not write {self.shot_path}")
        return f"saved {self.shot_path} ({image.width()}x{image.height()})"

    def close(self) -> None:
        if self.w is None:
            return
        while self.w.undo_stack.canUndo():
            self.w.undo_stack.undo()
        self.w.undo_stack.setClean()
        self.w.close()
        self.w.deleteLater()
        self.app.processEvents()
