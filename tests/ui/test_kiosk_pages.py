"""The kiosk's directory and programme: A–Z in English and zhuyin order, filters with
counts, a tap to the card; the show days' sessions, on now and next, a session's card
with the way there and "add to visit"."""

from __future__ import annotations

from datetime import datetime

import pytest

from exponav.core.io.kiosk_config import KioskSettings
from exponav.ui.kiosk.directory import index_letter, sort_key
from exponav.ui.kiosk.home import ShowClock
from exponav.ui.kiosk.programme import session_state
from exponav.ui.kiosk.window import KioskTimings, KioskWindow

KIOSK = "K-H2-1F-1"


@pytest.fixture
def kiosk(qtbot, nav):
    from exponav.ui.app import make_app

    make_app()
    clock = ShowClock(datetime(2025, 3, 18, 10, 15), True, "a test")
    k = KioskWindow(KioskSettings(kiosk_id=KIOSK), nav, timings=KioskTimings(idle_ms=600_000),
                    clock=clock, save=lambda s: None)
    qtbot.addWidget(k)
    k.resize(1920, 1080)
    k.show_kiosk(full_screen=False)
    qtbot.waitExposed(k)
    yield k
    k.unlocked = True
    k.close()
    k.shutdown()


def test_directory_lists_everyone_a_to_z_and_a_tap_opens_the_card(kiosk, qtbot, nav):
    kiosk.home.directory_button.click()
    assert kiosk.page() == "directory"
    d = kiosk.directory
    rows = d.exhibitor_rows()
    assert len(rows) == sum(1 for e in nav.show.exhibitors.values() if e.booths)
    keys = [sort_key(r.title, False) for r in rows]
    assert keys == sorted(keys)
    headers = [r.id for r in d.rows if r.kind == "header"]
    assert headers[0] == "A" and set(headers) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ#")
    d.jump_to("M")
    top = d.list.itemAt(5, 5)
    assert top is not None and d.rows[d.list.row(top)].id == "M"
    item = next(d.list.item(i) for i, r in enumerate(d.rows) if r.kind == "exhibitor")
    d.list.itemClicked.emit(item)
    chosen = d.rows[d.list.row(item)]
    w = kiosk.navigator
    assert kiosk.page() == "navigator" and w.card.subject.id == chosen.id
    assert set(w.current_scene().highlighted_codes) & set(chosen.booths)


def test_directory_filters_by_country_pavilion_theme_and_level_with_counts(kiosk, nav):
    d = kiosk.directory
    japan = [e for e in nav.show.exhibitors.values() if e.booths and e.country == "Japan"]
    assert d.counts("country")["Japan"] == len(japan)
    d.toggle_facet("country")
    assert d.options_box.isVisibleTo(d)
    assert f"({len(japan)})" in d.option_buttons["Japan"].text()
    d.option_buttons["Japan"].click()
    assert not d.options_box.isVisibleTo(d)  # chosen, and folded away
    assert {r.id for r in d.exhibitor_rows()} == {e.id for e in japan}
    assert "Japan" in d.facet_buttons["country"].text()
    levels = d.counts("level")
    assert sum(levels.values()) >= len(japan) and set(levels) <= set(nav.levels_in_use())
    d.choose("level", "H2-4F")
    assert all("H2-4F" in nav.levels_of(r.booths) for r in d.exhibitor_rows())
    assert len(d.exhibitor_rows()) == levels["H2-4F"]
    pavilions = d.counts("pavilion")
    assert pavilions  # Japan Pavilion on 4F
    d.clear_filters()
    assert d.counts("pavilion").total() > sum(pavilions.values())
    themes = d.counts("theme")
    theme = max(themes, key=themes.get)
    d.choose("theme", theme)
    assert len(d.exhibitor_rows()) == themes[theme]
    d.reset()
    assert len(d.exhibitor_rows()) == len(d.listings)


def test_directory_in_chinese_runs_in_zhuyin_order(kiosk):
    kiosk.set_language("zh-Hant")
    d = kiosk.directory
    rows = d.exhibitor_rows()
    keys = [sort_key(r.title, True) for r in rows]
    assert keys == sorted(keys)
    headers = [r.id for r in d.rows if r.kind == "header"]
    assert headers[0] == "ㄅ" and all("\u3105" <= h <= "\u3129" or h.isascii() for h in headers)
    assert index_letter("中華電信", True) == "ㄓ"
    kiosk.set_language("en")


def test_programme_shows_the_days_on_now_and_next_and_a_session_card(kiosk, qtbot, nav):
    kiosk.home.programme_button.click()
    p = kiosk.programme
    assert kiosk.page() == "programme" and len(p.day_buttons) == 4
    sessions = p.day_sessions()
    assert sessions and all(s.kind != "matchmaking" for s in sessions)
    assert all(s.start.startswith("2025-03-18") for s in sessions)
    state = session_state(sessions, datetime(2025, 3, 18, 10, 15))
    assert state["SE0001"] == "now" and "next" in state.values()
    visible = [r for r in p.rows if r.isVisibleTo(p)]
    assert visible[0].when.text() == "Now" and visible[1].when.text() == "Next"
    p.set_day(p.days[2])
    assert all(s.start.startswith("2025-03-20") for s in p.day_sessions())
    p.set_day(p.days[0])
    visible[0].clicked.emit()
    assert p.card_open() and p.card_state.text() == "On now"
    assert "Main Stage" in p.card_where.text()
    p.visit_button.click()
    w = kiosk.navigator
    assert kiosk.page() == "navigator" and w.visit.place_ids() == ["STAGE-H2-4F-MAIN"]
    assert w.visit.appointments() == {"STAGE-H2-4F-MAIN": "10:00"}
    kiosk.open_programme()
    assert p.card_open()
    p.way_button.click()
    qtbot.waitUntil(lambda: w.routes.route is not None, timeout=8000)
    assert kiosk.page() == "navigator"
    kiosk.reset_visitor()
    assert not p.card_open() and kiosk.page() == "home" and not kiosk.has_visitor_state()
