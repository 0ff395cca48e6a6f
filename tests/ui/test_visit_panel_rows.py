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
    assert panel.rows[0].clock.isChecked() and panel.rows[0].time.time().toString("HH:mm") == "15:30"
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
