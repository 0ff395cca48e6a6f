"""Drawing a booth as a polygon (click the corners, double-click or Enter to finish,
Escape cancels, Backspace takes back a corner), and snapping to aisle lines with the
snap shown."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from exponav.ui.common.convert import to_scene
from tests.ui.test_editor import LEVEL, editor, mouse  # noqa: F401 - the fixture

__all__ = ["editor"]


def open_floor(w, margin=6.5):
    plan = w.layout.venue.plans[LEVEL]
    taken = shapely.union_all([b.polygon for b in plan.booths]
                              + [o.polygon for o in plan.obstacles])
    room = plan.footprint.difference(taken).buffer(-margin)
    c = room.representative_point()
    return float(round(c.x)), float(round(c.y))


NONE = Qt.KeyboardModifier.NoModifier
FREE = Qt.KeyboardModifier.AltModifier  # no snapping


def click(w, x, y, mods=NONE):
    mouse(w, QEvent.Type.MouseButtonPress, x, y, mods=mods)
    mouse(w, QEvent.Type.MouseButtonRelease, x, y, mods=mods)


def double_click(w, x, y, mods=NONE):
    click(w, x, y, mods)
    pos = QPointF(w.view.mapFromScene(to_scene(x, y)))
    event = QMouseEvent(QEvent.Type.MouseButtonDblClick, pos, w.view.viewport().mapToGlobal(pos),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, mods)
    QApplication.sendEvent(w.view.viewport(), event)
    mouse(w, QEvent.Type.MouseButtonRelease, x, y, mods=mods)


def key(w, k):
    QApplication.sendEvent(w.view, QKeyEvent(QEvent.Type.KeyPress, k,
                                             Qt.KeyboardModifier.NoModifier))


def test_a_polygon_booth_from_clicked_corners_finished_by_double_click(editor):  # noqa: F811
    w = editor
    x, y = open_floor(w)
    w.view.fly_to(to_scene(x, y), 10.0, animated=False)
    w.polygon_tool.trigger()
    assert w.view.tool == "polygon" and w.polygon_tool.isChecked()
    before = {b.code for b in w.layout.booths()}
    click(w, x - 3.0, y - 3.0, FREE)
    click(w, x + 3.0, y - 3.0, FREE)
    mouse(w, QEvent.Type.MouseMove, x + 1, y + 1, buttons=Qt.MouseButton.NoButton)
    assert w.scene().ghost.isVisible()  # the outline follows the pointer
    double_click(w, x, y + 3.0, FREE)
    new = {b.code for b in w.layout.booths()} - before
    assert len(new) == 1 and w.undo_stack.count() == 1
    code = new.pop()
    poly = w.layout.booth(code).polygon
    assert len(poly.exterior.coords) == 4  # a triangle, corners where clicked
    assert {(round(px, 1), round(py, 1)) for px, py in poly.exterior.coords} == {
        (x - 3.0, y - 3.0), (x + 3.0, y - 3.0), (x, y + 3.0)}
    assert abs(poly.area - 18.0) < 0.05
    assert w.selection == (code,) and w.view.gesture is None
    assert not w.scene().ghost.isVisible()
    w.undo_stack.undo()
    assert not w.layout.has_booth(code)


def test_enter_finishes_escape_cancels_backspace_takes_back(editor):  # noqa: F811
    w = editor
    x, y = open_floor(w)
    w.view.fly_to(to_scene(x, y), 10.0, animated=False)
    w.polygon_tool.trigger()
    n = len(w.layout.booths())
    for px, py in ((x - 3, y - 3), (x + 3, y - 3), (x + 3, y + 3)):
        click(w, px, py, FREE)
    key(w, Qt.Key.Key_Escape)
    assert w.view.gesture is None and len(w.layout.booths()) == n
    for px, py in ((x - 3, y - 3), (x + 3, y - 3), (x + 3, y + 3), (x + 5, y + 5),
                   (x + 6, y + 6)):
        click(w, px, py, FREE)
    key(w, Qt.Key.Key_Backspace)
    key(w, Qt.Key.Key_Backspace)
    assert len(w.view.vertices) == 3
    click(w, x - 3, y + 3, FREE)
    key(w, Qt.Key.Key_Return)
    assert len(w.layout.booths()) == n + 1
    added = w.layout.booth(w.selection[0]).polygon
    assert added.bounds == (x - 3, y - 3, x + 3, y + 3) and abs(added.area - 36) < 0.01


def test_an_outline_that_crosses_itself_is_refused_with_a_reason(editor):  # noqa: F811
    w = editor
    x, y = open_floor(w)
    n = len(w.layout.booths())
    assert not w.draw_polygon([(x - 3, y - 3), (x + 3, y + 3), (x + 3, y - 3),
                               (x - 3, y + 3)])
    assert "crosses itself" in w.last_error and len(w.layout.booths()) == n
    assert not w.draw_polygon([(x, y), (x + 0.5, y), (x, y + 0.5)])
    assert "1 m²" in w.last_error


def _aisle_spot(w):
    """A keep-3-m line of a wide aisle with no booth edge or other aisle line near it."""
    from exponav.core.layout.aisles import aisle_lines, find_aisles
    from exponav.core.layout.tools import neighbour_edges

    plan = w.layout.venue.plans[LEVEL]
    keep_m = w.layout.rules.aisle_min_m
    for b in plan.booths[::7]:
        for a in find_aisles(plan.booths, plan.obstacles, plan.footprint, b.polygon.bounds):
            if a.axis != "x" or a.width < keep_m + 1.5 or a.end - a.start < 6:
                continue
            keep, y = round(a.lo + keep_m, 3), (a.start + a.end) / 2
            near = (keep, y, keep, y)
            xs = neighbour_edges(plan.booths, [], near)[0]
            lines = aisle_lines(find_aisles(plan.booths, plan.obstacles, plan.footprint,
                                            near), keep_m)[0]
            if not any(abs(e - keep - 0.3) <= 0.45 for e in xs) and not any(
                    abs(v - keep - 0.3) < 0.35 for v in lines if v != keep):
                return keep, y
    raise AssertionError("no wide aisle on the level")


def test_a_corner_snaps_to_an_aisle_line_and_the_line_is_shown(editor):  # noqa: F811
    from exponav.ui.editor.scene import AISLE_GUIDE_COLOUR, GUIDE_COLOUR

    w = editor
    keep, y = _aisle_spot(w)
    w.view.fly_to(to_scene(keep, y), 10.0, animated=False)
    w.polygon_tool.trigger()
    click(w, keep + 0.3, y)
    assert w.view.vertices[0][0] == keep
    guide = w.scene().guides[0]
    assert guide.isVisible() and guide.pen().color() == AISLE_GUIDE_COLOUR
    assert abs(guide.line().x1() - keep) < 1e-6
    assert AISLE_GUIDE_COLOUR != GUIDE_COLOUR
    key(w, Qt.Key.Key_Escape)
    assert not w.scene().guides[0].isVisible() and not w.view.vertices


def test_a_drag_snaps_a_booth_side_to_an_aisle_line(editor):  # noqa: F811
    from exponav.core.layout.tools import snap_move

    w = editor
    aisles = ([13.0, 16.0], [])
    s = snap_move((0.0, 0.0, 3.0, 3.0), 9.85, 0.0, ([], []), aisles=aisles)
    assert (s.dx, s.kind_x, s.line_x) == (10.0, "aisle", 13.0)
    s = snap_move((0.0, 0.0, 3.0, 3.0), 9.85, 0.0, ([12.9], []), aisles=aisles)
    assert s.kind_x == "edge"  # a neighbour's edge comes first
    assert w.view.tool == "select"


def test_a_too_narrow_aisle_shows_its_width_on_the_map(editor):  # noqa: F811
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    w = editor
    plan = w.layout.venue.plans[LEVEL]
    column = next(o for o in plan.obstacles if o.category == "column")
    b = next(b for b in plan.booths if w.layout.status(b.code).status == "available"
             and b.code[-1] not in "ab" and not w.layout.sessions_at(b.code))
    c, d = column.polygon.centroid, b.polygon.centroid
    w.select([b.code])
    assert w.move_selection(round(c.x - d.x, 2), round(c.y - d.y, 2))
    narrow = [v for v in w.layout.violations if v.rule == "aisle.narrow"
              and b.code in v.codes and v.level == LEVEL]
    assert narrow
    texts = [m.text() for m in w.scene().violation_marks
             if isinstance(m, QGraphicsSimpleTextItem)]
    a, other = (w.layout.booth(code).polygon for code in narrow[0].codes)
    assert f"{a.distance(other):.2f} m" in texts
    w.undo_stack.undo()
    assert not [v for v in w.layout.violations if b.code in v.codes]
    after = [m for m in w.scene().violation_marks if isinstance(m, QGraphicsSimpleTextItem)]
    assert len(after) == len(texts) - len(narrow)
