"""The editor's bench rows: named as budgets.py names them, held to their budgets (the
drag frame to its median), and the layout left as it was."""

from __future__ import annotations


def test_editor_rows_carry_their_budgets_and_leave_the_layout_alone(qtbot, data_file):
    from exponav.diagnostics.budgets import BUDGETS_MS
    from exponav.diagnostics.editor_bench import editor_rows

    rows = editor_rows(data_file, repeat=2)
    assert [r["name"] for r in rows] == ["editor_drag_frame", "editor_violations_after_drop",
                                         "editor_undo"]
    for r in rows:
        assert r["budget_ms"] == BUDGETS_MS[r["name"]] and r["n"] >= 2
        assert 0 < r["p50_ms"] <= r["p95_ms"]
    assert rows[0]["budget_of"] == "p50"
    assert (BUDGETS_MS["editor_drag_frame"], BUDGETS_MS["editor_violations_after_drop"],
            BUDGETS_MS["editor_undo"]) == (16.0, 50.0, 200.0)


def test_bench_prints_over_by_the_median_for_a_median_budget(monkeypatch, capsys):
    from exponav.cli.commands import main
    from exponav.diagnostics import bench

    rows = [{"name": "editor_drag_frame", "n": 5, "p50_ms": 10.0, "p95_ms": 30.0,
             "budget_ms": 16.0, "budget_of": "p50"},
            {"name": "editor_undo", "n": 5, "p50_ms": 100.0, "p95_ms": 250.0,
             "budget_ms": 200.0}]
    monkeypatch.setattr(bench, "run_bench", lambda *a, **k: [dict(r) for r in rows])
    assert main(["bench"]) == 0
    out = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "OVER" not in out["editor_drag_frame"]
    assert "OVER" in out["editor_undo"]
