"""The kiosk's bench rows run end to end: the kiosk starts in service on its home screen,
and every timed tap lands on the page it should (the figures are the bench's to judge)."""

from __future__ import annotations

from exponav.diagnostics.kiosk_bench import kiosk_start_row, kiosk_tap_row


def test_the_kiosk_starts_on_its_home_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    row = kiosk_start_row(None, runs=1)
    assert row["name"] == "kiosk_start" and row["n"] == 1 and row["p50_ms"] > 0
    assert row["budget_ms"] == 2000.0


def test_each_timed_tap_shows_its_page(qtbot, nav):
    row = kiosk_tap_row(nav, rounds=1)
    assert row["name"] == "kiosk_tap" and row["n"] == 10 and row["budget_ms"] == 100.0
