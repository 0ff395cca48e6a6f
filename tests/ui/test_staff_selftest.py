"""``exponav selftest --staff``: the editor's checks pass on the shipped data, write the
screenshot, leave the layout as opened, and a failing check fails the whole."""

from __future__ import annotations

from PySide6.QtGui import QImage

from exponav.diagnostics.checks import Checks


def test_the_staff_checks_pass_and_write_the_screenshot(qtbot, tmp_path):
    from exponav.diagnostics.staff_checks import staff_checks

    shot = tmp_path / "editor.png"
    checks = Checks()
    staff_checks(checks, screenshot=str(shot))
    names = [c["name"] for c in checks.items]
    assert names[:5] == ["editor opens", "editor drag moves a booth", "editor undo",
                         "editor route preview", "editor column violation"]
    assert all(c["status"] == "ok" for c in checks.items), checks.items
    column = next(c for c in checks.items if c["name"] == "editor column violation")
    assert "column" in column["detail"]
    image = QImage(str(shot))
    assert image.width() == 1500 and image.height() == 950
    colours = {image.pixel(x, y) for x in range(0, 1500, 37) for y in range(0, 950, 37)}
    assert len(colours) > 20  # a drawn window, not a blank one


def test_a_failing_editor_check_fails_selftest_staff(monkeypatch, capsys):
    from exponav.cli.commands import main
    from exponav.diagnostics import selftest

    seen = {}

    def fake(data=None, *, screenshot=None, kiosk=None, screen=None, staff=False):
        seen["staff"] = staff
        checks = Checks()
        checks.run("data loads", lambda: "fine")
        if staff:
            checks.run("editor drag moves a booth", lambda: str(1 / 0))
        return {"ok": all(c["status"] != "fail" for c in checks.items), "checks": checks.items}

    monkeypatch.setattr(selftest, "run_selftest", fake)
    assert main(["selftest", "--staff"]) == 1
    assert seen["staff"] and "FAIL editor drag moves a booth" in capsys.readouterr().out
    assert main(["selftest"]) == 0 and not seen["staff"]


def test_the_drag_check_fails_when_the_booth_does_not_move(qtbot, monkeypatch):
    from exponav.diagnostics.staff_checks import StaffChecks

    c = StaffChecks()
    c.opens()
    try:
        monkeypatch.setattr(c.w, "move_selection", lambda *a, **k: False)
        checks = Checks()
        assert not checks.run("drag", c.drag)
        assert "not 1" in checks.items[0]["detail"] or "moved by" in checks.items[0]["detail"]
    finally:
        c.close()
