"""The visit panel keeps its stop rows: a new plan fills them again (a kiosk replans all
day, and every widget made and destroyed leaves some native memory behind in Qt)."""

from __future__ import annotations

from exponav.ui.panels.visit_panel import PLACE_ROLE, StopView, VisitPanel


def _views(n: int, appointment: str | None = None) -> list[StopView]:
    out = []
    for i in range(n):
        view = StopView(f"S{i:04d}", f"Stand {i}", f"S{i:04d} · Hall 2 1F",
                        appointment=appointment if i == 0 else None)
        view.times, view.leg = f"10:{i:02d}–10:{i + 10:02d}", "40 m · 1 min"
        out.append(view)
    return out


def test_rows_are_filled_again_not_rebuilt(qtbot):
    panel = VisitPanel()
    qtbot.addWidget(panel)
    panel.set_stops(_views(3), "14:00")
    first = list(panel.rows)
    assert all(row.time is None for row in first)  # no time field until an appointment
    views = _views(3, appointment="15:30")
    views[1].late = "5 min late"
    panel.set_stops(views, "14:00")
    assert panel.rows == first
    assert panel.rows[0].clock.isChecked() and panel.rows[0].time.time() == "15:30"
    assert panel.rows[1].times.property("late") == "true"
    assert panel.rows[1].detail.text().endswith("5 min late")
    panel.set_stops(_views(4), "14:00")
    assert panel.rows[:3] == first and len(panel.rows) == 4 and panel.list.count() == 4
    assert not panel.rows[0].clock.isChecked() and not panel.rows[0].time.isVisibleTo(panel)
    assert panel.rows[1].times.property("late") == "false"
    panel.set_stops(_views(2), "14:00")
    assert panel.rows == first[:2] and panel.list.count() == 2
    assert [panel.list.item(i).data(PLACE_ROLE) for i in range(2)] == ["S0000", "S0001"]


def test_reused_row_speaks_for_its_new_stop(qtbot):
    panel = VisitPanel()
    qtbot.addWidget(panel)
    panel.set_stops(_views(2), "14:00")
    row = panel.rows[1]
    views = _views(2)
    views[1].place_id = "Q0210"
    panel.set_stops(views, "14:00")
    assert panel.rows[1] is row
    with qtbot.waitSignal(panel.removed) as removed:
        row.remove.click()
    assert removed.args == ["Q0210"]
    with qtbot.waitSignal(panel.appointment_changed) as changed:
        row.clock.click()
    assert changed.args == ["Q0210", "14:00"] and row.time.isVisibleTo(panel)


def test_the_appointment_time_is_chosen_by_touch_and_applies_at_once(qtbot):
    panel = VisitPanel()
    qtbot.addWidget(panel)
    panel.resize(540, 900)
    panel.show()
    panel.set_stops(_views(2), "14:00")
    row = panel.rows[0]
    chosen = []
    panel.appointment_changed.connect(lambda pid, t: chosen.append((pid, t)))
    row.clock.click()
    assert row.time.is_open() and chosen == [("S0000", "14:00")]
    picker = row.time.picker
    closed = panel.list.item(0).sizeHint().height()
    assert closed >= picker.sizeHint().height()  # the row grew to hold the picker
    for button in [*picker.hour_buttons.values(), *picker.minute_buttons.values()]:
        assert button.minimumHeight() >= 44 and button.minimumWidth() >= 44
    picker.hour_buttons[16].click()
    picker.minute_buttons[45].click()
    assert chosen[1:] == [("S0000", "16:00"), ("S0000", "16:45")]  # each tap, no focus move
    assert row.time.button.text() == "16:45"
    row.time.step(15)  # a keypad's Up
    assert chosen[-1] == ("S0000", "17:00")


def test_the_stop_list_keeps_its_place_through_a_replan(qtbot):
    panel = VisitPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_stops(_views(12), "14:00")
    qtbot.wait(20)
    bar = panel.list.verticalScrollBar()
    assert bar.maximum() > 200
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    panel.set_busy(True)
    views = _views(12, appointment="15:00")
    panel.set_stops(views, "14:00")
    panel.set_busy(False)
    panel.set_summary("12 stops", "")
    qtbot.wait(50)
    assert bar.value() == where
