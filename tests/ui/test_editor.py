"""The staff layout editor offscreen: every tool through the mouse or the keyboard, the
undo stack, live venue rules, sales and saving."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from exponav.core import paths
from exponav.core.layout import Layout
from exponav.ui.common.convert import to_scene

LEVEL = "H2-1F"


@pytest.fixture
def editor(qtbot, data_file):
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.editor.window import EditorWindow

    make_app()
    nav = Navigator.open(data_file)
    w = EditorWindow(nav, Layout.load(), lang="en")
    w.ask = lambda _q: True
    w.ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    w.set_level(LEVEL)
    yield w
    w.close()
    nav.close()


def plans(layout):
    return {lv: [(b.code, b.polygon.wkt) for b in p.booths] for lv, p in layout.venue.plans.items()}


def free_booths(w, level=LEVEL):
    lay = w.layout
    return [b for b in lay.venue.plans[level].booths
            if lay.status(b.code).status == "available" and not lay.sessions_at(b.code)
            and b.code[-1] not in "ab"]


def _at(w, x, y) -> QPointF:
    return QPointF(w.view.mapFromScene(to_scene(x, y)))


def mouse(w, kind, x, y, buttons=Qt.MouseButton.LeftButton,
          mods=Qt.KeyboardModifier.NoModifier):
    pos = _at(w, x, y)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else \
        Qt.MouseButton.LeftButton
    held = buttons if kind != QEvent.Type.MouseButtonRelease else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, w.view.viewport().mapToGlobal(pos), button, held, mods)
    QApplication.sendEvent(w.view.viewport(), event)


def drag(w, a, b, mods=Qt.KeyboardModifier.NoModifier, release=True):
    mouse(w, QEvent.Type.MouseButtonPress, *a, mods=mods)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    mouse(w, QEvent.Type.MouseMove, *mid, mods=mods)
    mouse(w, QEvent.Type.MouseMove, *b, mods=mods)
    if release:
        mouse(w, QEvent.Type.MouseButtonRelease, *b, mods=mods)


def centre(booth):
    c = booth.polygon.representative_point()
    return c.x, c.y


def test_a_drag_moves_the_booth_by_the_snapped_amount_in_one_step(editor):
    w = editor
    w.view.fly_to(w.scene().level_rect, 4.0, animated=False)
    b = free_booths(w)[0]
    x, y = centre(b)
    w.view.fly_to(to_scene(x, y), 12.0, animated=False)
    before = b.polygon.bounds
    drag(w, (x, y), (x + 6.1, y + 0.2))
    after = w.layout.booth(b.code).polygon.bounds
    dx, dy = after[0] - before[0], after[1] - before[1]
    assert w.selection == (b.code,)
    assert abs(dx - 6.0) <= 0.41 and abs(dy) <= 0.41
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert w.layout.booth(b.code).polygon.bounds == before
    w.undo_stack.redo()
    assert w.layout.booth(b.code).polygon.bounds == after


def test_escape_cancels_a_drag(editor, qtbot):
    w = editor
    b = free_booths(w)[0]
    x, y = centre(b)
    w.view.fly_to(to_scene(x, y), 12.0, animated=False)
    drag(w, (x, y), (x + 3, y), release=False)
    assert w.scene().ghost.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.scene().ghost.isVisible()
    mouse(w, QEvent.Type.MouseButtonRelease, x + 3, y)
    assert w.undo_stack.count() == 0


def test_during_a_drag_the_plan_is_blitted_from_a_pixmap_that_looks_the_same(editor, qtbot):
    import numpy as np
    from PySide6.QtWidgets import QGraphicsItem

    w = editor
    b = free_booths(w)[0]
    x, y = centre(b)
    w.view.fly_to(to_scene(x, y), 12.0, animated=False)
    base = w.scene().base
    assert base.cacheMode() == QGraphicsItem.CacheMode.NoCache
    drag(w, (x, y), (x + 3, y), release=False)
    assert base.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache

    def pixels():
        image = w.view.viewport().grab().toImage()
        return np.array([[image.pixel(i, j) & 0xFFFFFF for i in range(0, image.width(), 7)]
                         for j in range(0, image.height(), 7)])

    held = pixels()
    base.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    drawn = pixels()
    assert (held != drawn).mean() < 0.01  # the same picture, bar antialiased edges
    base.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    mouse(w, QEvent.Type.MouseButtonRelease, x + 3, y)
    assert w.undo_stack.count() == 1
    assert w.scene().base.cacheMode() == QGraphicsItem.CacheMode.NoCache


def test_arrow_keys_nudge_and_merge_into_one_step(editor, qtbot):
    w = editor
    b = free_booths(w)[0]
    w.select([b.code])
    x0 = b.polygon.bounds[0]
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    x, y = w.layout.booth(b.code).polygon.bounds[:2]
    assert (x - x0, y - b.polygon.bounds[1]) == (1.0, 3.0)
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert w.layout.booth(b.code).polygon == b.polygon


def test_a_rubber_band_selects_the_booths_inside_and_shift_adds(editor):
    w = editor
    booths = w.layout.venue.plans[LEVEL].booths
    x0, y0, x1, y1 = booths[0].polygon.bounds
    w.view.fly_to(to_scene(x0, y0), 8.0, animated=False)
    floor = (x0 - 1.2, y0 - 1.2)  # in the aisle beside the first booth
    assert not w.layout.booth(booths[0].code).polygon.contains(
        __import__("shapely").Point(*floor))
    drag(w, floor, (x1 + 0.2, y1 + 0.2))
    assert booths[0].code in w.selection
    from exponav.core.layout.tools import booths_in_rect
    assert list(w.selection) == booths_in_rect(booths, floor, (x1 + 0.2, y1 + 0.2))
    other = next(b for b in booths if b.code not in w.selection)
    mouse(w, QEvent.Type.MouseButtonPress, *centre(other),
          mods=Qt.KeyboardModifier.ShiftModifier)
    mouse(w, QEvent.Type.MouseButtonRelease, *centre(other),
          mods=Qt.KeyboardModifier.ShiftModifier)
    assert other.code in w.selection and booths[0].code in w.selection


def test_split_gives_a_and_b_and_merge_joins_them_back(editor):
    w = editor
    b = free_booths(w)[0]
    w.select([b.code])
    assert w.split_selected()
    assert w.selection == (b.code + "a", b.code + "b")
    assert not w.layout.has_booth(b.code)
    assert w.merge_selected()
    assert w.selection == (b.code,)
    assert abs(w.layout.booth(b.code).polygon.area - b.polygon.area) < 1e-6
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert w.layout.booth(b.code).polygon == b.polygon
    assert w.undo_stack.count() == 2


def test_duplicate_draw_and_delete(editor):
    w = editor
    first = plans(w.layout)
    b = free_booths(w)[0]
    w.select([b.code])
    assert w.duplicate_selected()
    (copy,) = w.selection
    assert copy != b.code and w.layout.booth(copy).level == LEVEL
    w._set_tool("draw")
    x, y = centre(b)
    w.view.fly_to(to_scene(x, y), 12.0, animated=False)
    drag(w, (x + 0.1, y + 0.2), (x + 3.2, y + 2.9))
    (drawn,) = w.selection
    gx, gy = round(x * 2) / 2, round((y + 0.2) * 2) / 2
    assert w.layout.booth(drawn).polygon.bounds == (
        min(gx, round((x + 3.2) * 2) / 2), gy, max(gx, round((x + 3.2) * 2) / 2),
        round((y + 2.9) * 2) / 2)
    w._set_tool("select")
    w.select([copy])
    assert w.delete_selected()
    assert not w.layout.has_booth(copy)
    while w.undo_stack.canUndo():
        w.undo_stack.undo()
    assert plans(w.layout) == first


def test_a_sold_booth_asks_before_it_moves(editor):
    w = editor
    sold = next(b for b in w.layout.venue.plans[LEVEL].booths
                if w.layout.status(b.code).status == "sold")
    asked = []
    w.ask = lambda q: asked.append(q) or False
    w.select([sold.code])
    assert not w.move_selection(0.5, 0)
    assert asked and sold.code in asked[0]
    assert w.layout.booth(sold.code).polygon == sold.polygon


def test_moving_a_booth_onto_a_column_shows_the_violation_and_clicking_selects_it(editor):
    w = editor
    plan = w.layout.venue.plans[LEVEL]
    column = next(o for o in plan.obstacles if o.category == "column")
    b = free_booths(w)[0]
    cx, cy = column.polygon.centroid.x, column.polygon.centroid.y
    bx, by = b.polygon.centroid.x, b.polygon.centroid.y
    w.select([b.code])
    assert w.move_selection(round(cx - bx, 2), round(cy - by, 2))
    rows = [v for v in w.violations.violations if v.rule == "booth.obstacle"
            and b.code in v.codes]
    assert rows
    assert w.violations.topLevelItemCount() == len(w.violations.violations)
    w.select([])
    w.violations.chosen.emit(rows[0])
    assert w.selection == (b.code,)
    assert not w.scene().violation_area.path().isEmpty()
    w.undo_stack.undo()
    assert not [v for v in w.layout.violations if v.rule == "booth.obstacle"
                and b.code in v.codes]


def test_status_and_assignment_change_the_sales_counts(editor):
    from exponav.ui.editor.panels import sales_counts

    w = editor
    b = free_booths(w)[0]
    before = sales_counts(w.layout, LEVEL)
    w.select([b.code])
    assert w.set_status("reserved")
    after = sales_counts(w.layout, LEVEL)
    assert after["reserved"][0] == before["reserved"][0] + 1
    assert after["available"][0] == before["available"][0] - 1
    ex = next(e for e in w.layout.show.exhibitors.values())
    assert w.assign(b.code, ex.id)
    assert w.layout.owner(b.code).id == ex.id
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert sales_counts(w.layout, LEVEL) == before


def test_the_sales_panel_counts_only_the_levels_an_edit_touched_and_stays_right(editor):
    from PySide6.QtCore import Qt as _Qt

    from exponav.ui.editor.panels import sales_counts

    w = editor
    counted = []
    real = w._counts.put
    w._counts.put = lambda layout, level, counts: (counted.append(level),
                                                   real(layout, level, counts))
    b, c = free_booths(w)[:2]
    ex = next(e for e in w.layout.show.exhibitors.values())

    def shown() -> dict:  # status -> (booths, m²) of the panel's rows, here and venue-wide
        rows = [w.sales.grid.topLevelItem(i).data(0, _Qt.ItemDataRole.UserRole)
                for i in range(w.sales.grid.topLevelItemCount())]
        return {(lv, s): (n, round(a, 6)) for lv, s, n, a in filter(None, rows)}

    def fresh() -> dict:
        return {(lv, s): (n, round(a, 6)) for lv in (LEVEL, None)
                for s, (n, a) in sales_counts(w.layout, lv).items()}

    steps = [lambda: w.select([b.code]) or w.set_status("reserved"),
             lambda: w.assign(c.code, ex.id), lambda: w.select([c.code]) or w.split_selected(),
             w.undo_stack.undo, w.undo_stack.undo, w.undo_stack.redo]
    for step in steps:
        counted.clear()
        step()
        w._refresh_followers()
        assert shown() == fresh()
        assert set(counted) <= {LEVEL}, counted  # the other levels' counts were kept


def test_save_writes_the_layout_and_reopens_it(qtbot, data_file, tmp_path):
    from exponav.core.navigator import Navigator
    from exponav.ui.editor.window import EditorWindow

    venue, show = tmp_path / "venue", tmp_path / "show"
    shutil.copytree(paths.venue_dir(), venue)
    shutil.copytree(paths.show_dir(), show)
    nav = Navigator.open(data_file)
    w = EditorWindow(nav, Layout.load(venue, show))
    qtbot.addWidget(w)
    w.set_level(LEVEL)
    b = free_booths(w)[0]
    w.select([b.code])
    assert w.split_selected()
    assert not w.undo_stack.isClean()
    asked = []
    w.ask_unsaved = lambda: asked.append(1) or "cancel"
    w.show()
    w.close()
    assert asked and w.isVisible()  # the close was refused
    assert w.save()
    assert w.undo_stack.isClean()
    again = Layout.load(venue, show)
    assert again.has_booth(b.code + "a") and not again.has_booth(b.code)
    w.ask_unsaved = lambda: "discard"
    w.close()
    nav.close()


OPS = st.lists(st.tuples(st.sampled_from(["nudge", "split", "merge", "status", "delete",
                                          "duplicate", "undo", "redo"]),
                         st.integers(0, 40)), min_size=1, max_size=8)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_edits_undo_back_to_the_layout_as_opened(editor, ops):
    w = editor
    first = plans(w.layout)
    first_status = dict(w.layout.statuses)
    for op, n in ops:
        pool = free_booths(w)
        b = pool[n % len(pool)]
        w.select([b.code])
        if op == "nudge":
            w.move_selection(0.5, -0.5, "nudge")
        elif op == "split":
            w.split_selected()
        elif op == "merge":
            w.select([c.code for c in pool[n % len(pool): n % len(pool) + 2]])
            w.merge_selected()
        elif op == "status":
            w.set_status(["reserved", "blocked", "available"][n % 3])
        elif op == "delete":
            w.delete_selected()
        elif op == "duplicate":
            w.duplicate_selected()
        elif op == "undo" and w.undo_stack.canUndo():
            w.undo_stack.undo()
        elif op == "redo" and w.undo_stack.canRedo():
            w.undo_stack.redo()
    while w.undo_stack.canUndo():
        w.undo_stack.undo()
    assert plans(w.layout) == first
    assert w.layout.statuses == first_status
    w.undo_stack.clear()


def test_dragging_a_handle_resizes_the_booth_to_the_grid(editor):
    w = editor
    b = free_booths(w)[0]
    x0, y0, x1, y1 = b.polygon.bounds
    w.select([b.code])
    w.view.fly_to(to_scene(x1, (y0 + y1) / 2), 14.0, animated=False)
    drag(w, (x1, (y0 + y1) / 2), (x1 + 1.4, (y0 + y1) / 2))
    assert w.layout.booth(b.code).polygon.bounds == (x0, y0, x1 + 1.5, y1)
    w.undo_stack.undo()
    assert w.layout.booth(b.code).polygon == b.polygon


def test_rotating_turns_the_booth_in_15_degree_steps_and_undoes(editor):
    w = editor
    b = free_booths(w)[0]
    w.select([b.code])
    assert w.rotate_selected(15.0)
    turned = w.layout.booth(b.code).polygon
    assert abs(turned.area - b.polygon.area) < 0.05
    assert turned.bounds != b.polygon.bounds
    w.undo_stack.undo()
    assert w.layout.booth(b.code).polygon == b.polygon


def test_gui_options_need_staff_and_existing_folders(tmp_path, capsys):
    from exponav.cli.commands import main

    assert main(["gui", "--venue", str(tmp_path)]) == 2
    assert "--staff" in capsys.readouterr().err
    assert main(["gui", "--staff", "--venue", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_a_scene_rebuilt_after_an_edit_makes_paths_only_for_the_booths_it_changed(editor):
    import exponav.ui.common.convert as convert

    w = editor
    b = free_booths(w)[0]
    made = []
    real = convert.polygon_path
    convert.polygon_path = lambda g: made.append(g) or real(g)
    try:
        w.select([b.code])
        w.move_selection(0.5, 0)
        w.scene()  # the level's scene made again
    finally:
        convert.polygon_path = real
    moved = w.layout.booth(b.code).polygon
    assert any(g is moved for g in made)
    assert len(made) < 10, len(made)  # the moved booth (and its selection), not the level's
    assert len(w._paths) <= sum(len(w.layout.venue.plans[lv].booths) for lv in w.scenes)
