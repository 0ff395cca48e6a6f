"""Kiosk mode, offscreen: reset, lock, staff exit, scanner, heading-up, printing, failures.

Timings are injected: the tests of the idle reset use an idle time of a fifth of a second
and a countdown of two short "seconds"; every other test gets a minute of idle time, so
no reset or attract screen comes between its steps. The whole file runs in under a
minute.
"""

from __future__ import annotations

import json
import math
import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from exponav.core.io.kiosk_config import KioskSettings, hash_pin
from exponav.diagnostics.driving import type_at_window
from exponav.ui.common.convert import to_scene
from exponav.ui.kiosk.home import sessions_now_and_next, show_clock
from exponav.ui.kiosk.keyboard import ChinesePalette, TouchKeyboard, choose_keyboard
from exponav.ui.kiosk.scanner import ScannerFilter
from exponav.ui.kiosk.start import open_data
from exponav.ui.kiosk.window import KioskTimings, KioskWindow, find_kiosk

KIOSK = "K-H2-1F-1"
FAST = KioskTimings(idle_ms=200, countdown_s=2, tick_ms=40, hold_ms=150)
#: what a kiosk gets unless a test times its idle reset: no reset or attract screen before
#: the test has done its part, however slowly a loaded machine runs it
STILL = KioskTimings(idle_ms=60_000, countdown_s=2, tick_ms=40, hold_ms=150)


@pytest.fixture
def make_kiosk(qtbot, nav):
    """Kiosks made by a test, all unlocked and closed afterwards (even when it failed),
    so that no kiosk filter outlives its test, nor a kiosk's clock the navigator's."""
    from exponav.ui.common.application import make_app

    before = nav.clock
    made: list[KioskWindow] = []

    def make(settings: KioskSettings, saved: list | None = None, *, navigator=nav,
             problem: str = "", timings: KioskTimings = STILL) -> KioskWindow:
        make_app()
        k = KioskWindow(settings, navigator, problem=problem, timings=timings,
                        save=(saved.append if saved is not None else lambda s: None))
        made.append(k)
        qtbot.addWidget(k)
        k.resize(1600, 1000)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        return k

    yield make
    for k in made:
        k.unlocked = True
        k.close()
        k.shutdown()
    nav.set_clock(before)


@pytest.fixture
def kiosk(make_kiosk, tmp_path):
    return make_kiosk(KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{tmp_path / 'receipt.pdf'}"))


def _press(widget, pos: QPoint, kind=QEvent.Type.MouseButtonPress) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress
                        else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _owned(nav, n: int, level: str = "H2-1F") -> list[str]:
    return [c for e in nav.show.exhibitors.values() for c in e.booths
            if nav.booth(c).level == level][:n]


# -- idle reset ------------------------------------------------------------------------------

def test_idle_reset_clears_every_piece_of_visitor_state(kiosk, qtbot, nav):
    w = kiosk.navigator
    kiosk.idle.setInterval(60_000)  # a visitor busy for a while: no reset meanwhile
    kiosk.open_search()
    assert kiosk.page() == "navigator" and kiosk.keyboard.isVisible()
    w.search.search_now("chunghwa")
    qtbot.waitUntil(lambda: not w.search.is_searching(), timeout=3000)
    w.search.choose(0)
    assert any(s.highlighted_codes for s in w.scenes.values())
    next(iter(w.search.chips.values())).setChecked(True)
    for code in _owned(nav, 2):
        w.visit.add(code)
    w.route_to(_owned(nav, 3)[-1])
    qtbot.waitUntil(lambda: w.routes.route is not None, timeout=5000)
    kiosk.set_language("zh-Hant")
    QGuiApplication.clipboard().setText("a visitor's note")
    assert kiosk.has_visitor_state()
    kiosk.idle.setInterval(FAST.idle_ms)
    kiosk._touched()  # the visitor's last touch

    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=2000)  # 0.2 s untouched
    resets = []
    kiosk.visitor_reset.connect(lambda: resets.append(1))
    qtbot.waitUntil(lambda: bool(resets), timeout=2000)  # two 40 ms "seconds"

    assert kiosk.page() == "home" and not kiosk.countdown.isVisible()
    assert w.search.field.text() == "" and not w.search.focus
    assert not any(chip.isChecked() for chip in w.search.chips.values())
    assert not any(s.highlighted_codes for s in w.scenes.values())
    assert w.visit.is_empty() and w.routes.route is None
    assert w.stack.currentWidget() is w.search
    assert w.lang == "en" and kiosk.home.lang == "en"
    assert not kiosk.keyboard.isVisible() and not kiosk.keyboard.chinese_mode()
    assert QGuiApplication.clipboard().text() == ""
    assert w.level == "H2-1F" and w.view.heading() == 270
    assert not kiosk.has_visitor_state()


def test_a_touch_cancels_the_countdown(kiosk, qtbot):
    kiosk.idle.setInterval(FAST.idle_ms)
    kiosk.open_search()
    kiosk._touched()
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=2000)
    _press(kiosk.navigator.view.viewport(), QPoint(400, 400))
    _press(kiosk.navigator.view.viewport(), QPoint(400, 400), QEvent.Type.MouseButtonRelease)
    assert not kiosk.countdown.isVisible()
    assert kiosk.page() == "navigator"  # the visitor carries on


def test_an_untouched_home_screen_never_counts_down_and_attracts(kiosk, qtbot, nav):
    kiosk.idle.setInterval(FAST.idle_ms)
    qtbot.wait(500)  # more than twice the idle time
    assert not kiosk.countdown.isVisible() and kiosk.page() == "attract"
    attract = kiosk.attract
    assert attract.map.scene() is kiosk.navigator.scene_for(kiosk.kiosk.level)
    here = attract.map.mapFromScene(to_scene(kiosk.kiosk.point.x, kiosk.kiosk.point.y))
    assert attract.map.viewport().rect().contains(here)  # the map around "you are here"
    assert nav.show_info.name in attract.show_name.text()
    assert attract.next_up.text()  # what is on next
    assert [t.text() for t in attract.touch] == ["Touch the screen to start", "輕觸螢幕開始",
                                                 "Sentuh layar untuk memulai"]
    assert not kiosk.has_visitor_state()
    _press(kiosk, QPoint(900, 500))
    assert kiosk.page() == "home"


def test_nothing_a_visitor_does_is_written(kiosk, qtbot, nav, tmp_path, monkeypatch):
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var))
    kiosk.open_search()
    type_at_window(kiosk, "TOILET", enter=True)
    kiosk.navigator.visit.add(_owned(nav, 1)[0])
    kiosk.reset_visitor()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []


# -- locked ----------------------------------------------------------------------------------

@pytest.mark.parametrize("key,mods", [
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
])
def test_quit_and_leave_keys_do_nothing(kiosk, qtbot, key, mods):
    fired = []
    shortcut = QShortcut(kiosk.navigator)
    shortcut.setKey(key | mods if mods != Qt.KeyboardModifier.NoModifier else key)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(1))
    blocked = []
    kiosk.guard.blocked.connect(blocked.append)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(kiosk.windowHandle(), QKeyEvent(kind, key, mods))
    kiosk.close()
    qtbot.wait(20)
    assert kiosk.isVisible() and not fired and blocked


def test_close_is_refused_and_foreign_dialogs_are_rejected(kiosk, qtbot):
    kiosk.close()
    assert kiosk.isVisible()
    dialog = QFileDialog(kiosk.navigator)
    results = []
    dialog.finished.connect(results.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(results), timeout=1000)
    assert not dialog.isVisible()


def test_staff_gesture_and_the_pin_leave_kiosk_mode(make_kiosk, qtbot):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, pin=hash_pin("2468", n=2**10)),
                   timings=STILL)
    left = []
    k.left_kiosk.connect(lambda: left.append(1))
    _press(k.home, QPoint(10, 10))
    qtbot.waitUntil(k.staff.isVisible, timeout=1000)  # held 0.15 s in the corner
    assert k.staff.mode == "enter"
    for digit in "2468✓":
        k.staff.press(digit)
    assert k.staff.mode == "unlocked" and k.staff.leave.isVisible()
    k.staff.leave.click()
    assert left and k.unlocked and not k.isVisible()


def test_without_a_pin_the_staff_corner_offers_no_way_to_set_one(make_kiosk, qtbot):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK), timings=STILL)
    _press(k.home, QPoint(10, 10))
    qtbot.waitUntil(k.staff.isVisible, timeout=1000)
    assert k.staff.mode == "no-pin" and "exponav kiosk set-pin" in k.staff.message.text()
    assert not any(key.isVisible() for key in k.staff.pad_keys.values())
    assert not k.staff.leave.isVisible()
    for _ in range(2):
        for digit in "2468✓":
            k.staff.press(digit)
    assert k.staff.mode == "no-pin" and not k.unlocked and k.pin_guard.record is None


def test_a_short_press_in_the_corner_does_nothing(kiosk, qtbot):
    _press(kiosk.home, QPoint(10, 10))
    _press(kiosk.home, QPoint(10, 10), QEvent.Type.MouseButtonRelease)
    qtbot.wait(300)
    assert not kiosk.staff.isVisible()


def test_wrong_pins_slow_down(make_kiosk):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, pin=hash_pin("2468", n=2**10)))
    k.staff.start()
    assert k.staff.mode == "enter"
    for _ in range(3):
        for digit in "1111✓":
            k.staff.press(digit)
    assert k.pin_guard.failures == 3 and k.pin_guard.wait_s() > 1.5
    assert not k.staff.pad_keys["5"].isEnabled()
    assert "Try again in 2 s" in k.staff.message.text()
    for digit in "2468✓":  # the right PIN, during the wait: refused unheard
        k.staff.press(digit)
    assert k.staff.mode == "enter" and not k.unlocked
    k.pin_guard._locked_until = 0  # the wait is over
    k.staff._show_wait()
    for digit in "2468✓":
        k.staff.press(digit)
    assert k.staff.mode == "unlocked" and k.pin_guard.failures == 0
    k.staff.cancel.click()
    assert not k.staff.isVisible() and k.isVisible()


# -- scanner ---------------------------------------------------------------------------------

def test_a_scanned_line_loads_the_visit_wherever_the_focus_is(kiosk, qtbot, nav):
    it = nav.itinerary("K-H2-4F-1", _owned(nav, 3, "H2-4F"), "11:00")
    line = it.qr_payload.splitlines()[-1]
    assert line.startswith("EXPONAV1|")
    w = kiosk.navigator
    kiosk.open_search()
    w.search.field.setText("abc")
    w.search.field.setFocus()
    loaded = []
    kiosk.visit_scanned.connect(loaded.append)
    type_at_window(kiosk, line)
    qtbot.waitUntil(lambda: bool(loaded), timeout=3000)
    assert loaded == [True]
    assert w.visit.place_ids() == [s.place.id for s in it.stops]
    assert w.search.field.text() in ("abc", "")  # no scanned characters left in the field
    assert kiosk.page() == "navigator"


def test_a_scan_on_the_home_screen_with_no_focus(kiosk, qtbot, nav):
    line = nav.itinerary(KIOSK, _owned(nav, 1), "10:00").qr_payload.splitlines()[-1]
    QApplication.focusWidget() and QApplication.focusWidget().clearFocus()
    loaded = []
    kiosk.visit_scanned.connect(loaded.append)
    type_at_window(kiosk, line)
    qtbot.waitUntil(lambda: bool(loaded), timeout=3000)
    assert loaded == [True] and len(kiosk.navigator.visit) == 1


def test_people_typing_are_not_a_scanner(qtbot):
    now = [0.0]
    scanner = ScannerFilter(clock=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    QApplication.instance().installEventFilter(scanner)
    got = []
    scanner.scanned.connect(got.append)
    try:
        for ch in "EXPONAV1|x|y|S1024":
            now[0] += 0.15  # a quick typist: 150 ms a key
            QApplication.sendEvent(field.windowHandle(),
                                   QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(field.windowHandle(), QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
        qtbot.wait(20)
    finally:
        QApplication.instance().removeEventFilter(scanner)
    assert got == [] and field.text() == "EXPONAV1|x|y|S1024"


def test_a_scan_survives_the_kiosk_stalling_once_its_prefix_is_in(qtbot):
    now = [0.0]
    scanner = ScannerFilter(clock=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    QApplication.instance().installEventFilter(scanner)
    got = []
    scanner.scanned.connect(got.append)
    try:
        for i, ch in enumerate("EXPONAV1|scse2025|K-1|S1024"):
            now[0] += 0.3 if i == 15 else 0.01  # a 300 ms stall in the middle of the line
            QApplication.sendEvent(field.windowHandle(),
                                   QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(field.windowHandle(), QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
        qtbot.wait(20)
    finally:
        QApplication.instance().removeEventFilter(scanner)
    assert got == ["EXPONAV1|scse2025|K-1|S1024"]


# -- heading-up ------------------------------------------------------------------------------

@pytest.mark.parametrize("heading", [0, 90, 180, 270, 45, 300])
def test_heading_up_puts_what_is_ahead_above(window, qtbot, heading):
    view = window.view
    view.set_heading_up(heading)
    x, y = 60.0, 60.0
    view.fly_to(to_scene(x, y), 12.0, animated=False)
    a = math.radians(heading)
    here = view.mapFromScene(to_scene(x, y))
    ahead = view.mapFromScene(to_scene(x + 10 * math.sin(a), y + 10 * math.cos(a)))
    right = view.mapFromScene(to_scene(x + 10 * math.cos(a), y - 10 * math.sin(a)))
    assert ahead.y() < here.y() - 100 and abs(ahead.x() - here.x()) <= 2
    assert right.x() > here.x() + 100 and abs(right.y() - here.y()) <= 2
    assert view.scale_px_per_m() == pytest.approx(12.0)
    assert view.north.heading() == heading
    # fit shows the whole level however it is turned
    view.fit(animated=False)
    level = view.viewport().rect().adjusted(-1, -1, 1, 1)
    corners = view.mapFromScene(view.scene().level_rect).boundingRect()
    assert level.contains(corners)


def test_kiosk_map_is_heading_up_at_the_kiosk(kiosk, nav):
    k = find_kiosk(nav, KIOSK)
    assert kiosk.navigator.view.heading() == k.heading_deg % 360
    assert kiosk.navigator.routes.here.id == KIOSK


# -- printing --------------------------------------------------------------------------------

def test_printing_goes_to_the_configured_printer(kiosk, qtbot, nav, tmp_path):
    for code in _owned(nav, 2):
        kiosk.navigator.visit.add(code)
    assert kiosk.bar.print.isEnabled()
    assert kiosk.print_visit()
    assert (tmp_path / "receipt.pdf").stat().st_size > 1000
    assert kiosk.printed.isVisible() and not kiosk.printed.failed


def test_a_printer_problem_shows_the_qr_code(make_kiosk, nav):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, printer="No Such Printer"))
    for code in _owned(nav, 2):
        k.navigator.visit.add(code)
    assert not k.print_visit()
    assert k.printed.isVisible() and k.printed.failed and k.printed.qr.isVisible()
    assert k.printed.qr.text.splitlines()[-1].startswith("EXPONAV1|")


def test_visit_panel_print_button_prints_without_a_dialog(kiosk, nav, tmp_path):
    panel = kiosk.navigator.visits.panel
    for code in _owned(nav, 1):
        kiosk.navigator.visit.add(code)
    assert not panel.pdf_button.isVisibleTo(panel)
    panel.print_requested.emit()
    assert (tmp_path / "receipt.pdf").is_file()


# -- out of service --------------------------------------------------------------------------

def test_out_of_service_on_a_bad_data_file(make_kiosk, tmp_path):
    bad = tmp_path / "bad.exponav.db"
    bad.write_bytes(b"this is not a database" * 100)
    nav, problem = open_data(bad)
    assert nav is None and str(bad) in problem
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK), navigator=None, problem=problem)
    assert k.page() == "out-of-service" and str(bad) in k.out_of_service.staff.text()
    k.close()
    assert k.isVisible()  # still locked
    _, missing = open_data(tmp_path / "missing.db")
    assert "does not exist" in missing


def test_out_of_service_for_an_unknown_kiosk(make_kiosk):
    k = make_kiosk(KioskSettings(kiosk_id="K-H9-1F-1"))
    assert k.page() == "out-of-service"
    assert "K-H9-1F-1" in k.problem and KIOSK in k.problem


# -- home screen and keyboard ----------------------------------------------------------------

def test_home_screen_invites_and_leads_in(kiosk, qtbot, nav):
    home = kiosk.home
    assert home.search.height() >= 48
    assert all(b.height() >= 48 for b in home.service_buttons.values())
    assert all(b.height() >= 48 for b in home.theme_buttons.values())
    assert any(r.isVisible() for r in home.session_rows)
    home.service_buttons["toilet"].click()
    qtbot.waitUntil(lambda: kiosk.navigator.routes.route is not None, timeout=5000)
    assert kiosk.page() == "navigator"
    assert nav.amenity(kiosk.navigator.routes.route.destination.id).category.startswith("toilet")


def test_show_clock_uses_the_first_day_when_not_a_show_day():
    from datetime import datetime

    clock = show_clock("2025-03-18", "2025-03-21", real_now=datetime(2026, 11, 26, 22, 0))
    assert clock.demo and clock.now == datetime(2025, 3, 18, 10, 0)
    real = show_clock("2025-03-18", "2025-03-21", real_now=datetime(2025, 3, 19, 14, 30))
    assert not real.demo and real.now.hour == 14
    fixed = show_clock("2025-03-18", "2025-03-21", override="2025-03-20T16:00")
    assert fixed.demo and fixed.now == datetime(2025, 3, 20, 16, 0)


def test_sessions_now_and_next_skip_private_meetings(nav):
    from datetime import datetime

    now = datetime(2025, 3, 18, 10, 15)
    rows = sessions_now_and_next(nav.show.sessions, now)
    assert rows and rows[0].id == "SE0001"  # the opening, on now
    assert all(s.kind != "matchmaking" for s in rows)
    assert all(s.start.startswith("2025-03-18") for s in rows)


def _keyboard(qtbot, nav):
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = TouchKeyboard(ChinesePalette.for_show(nav))
    qtbot.addWidget(keyboard)
    field.show()
    keyboard.show()
    keyboard.target = field  # as if focused (offscreen windows are never active)
    return keyboard, field


def test_touch_keyboard_types_latin_signs_and_the_palette(qtbot, nav):
    keyboard, field = _keyboard(qtbot, nav)
    for key in ("S", "1", "0"):
        keyboard.keys[key].click()
    keyboard.keys["backspace"].click()
    assert field.text() == "S1"
    keyboard.keys["clear"].click()
    for key in ("A", "&", "T"):
        keyboard.keys[key].click()
    assert field.text() == "A&T"
    assert keyboard.keys["&"].text() == "&&"  # shown as "&", not taken as a mnemonic
    keyboard.keys["clear"].click()
    keyboard.set_chinese(True)
    keyboard.toggle_palette()
    zh = next(e.name_zh for e in nav.show.exhibitors.values() if e.name_zh.startswith("中華電信"))
    for ch in zh[:4]:
        offered = keyboard.offered()
        while ch not in offered:  # page on until the character shows
            keyboard.keys["zh-more"].click()
            offered = keyboard.offered()
        keyboard.char_keys[offered.index(ch)].click()
    assert field.text() == "中華電信"
    assert all(k.minimumHeight() >= 48 for k in keyboard.keys.values())


def test_zhuyin_keys_compose_into_the_shows_names(qtbot, nav):
    keyboard, field = _keyboard(qtbot, nav)
    keyboard.set_chinese(True)
    assert keyboard.candidate_row.isVisibleTo(keyboard)
    for ch in "ㄓㄨㄥㄏㄨㄚˊ":  # zhong hua: the field gets the zhuyin itself, for the search
        keyboard.keys[f"zy:{ch}"].click()
    assert field.text() == "ㄓㄨㄥㄏㄨㄚˊ"
    offered = keyboard.offered_candidates()
    assert "中華電信" in offered
    keyboard.choose_candidate(offered.index("中華電信"))
    assert field.text() == "中華電信" and keyboard.offered_candidates() == []
    keyboard.keys["clear"].click()
    for ch in "ㄊㄞ":  # one syllable without its tone: characters read so, 台 among them
        keyboard.keys[f"zy:{ch}"].click()
    assert "台" in keyboard.offered_candidates()
    keyboard.keys["space"].click()  # the space bar takes the first candidate
    assert field.text() and not any("ㄅ" <= c <= "ㄩ" for c in field.text())
    keyboard.set_chinese(False)
    assert not keyboard.candidate_row.isVisibleTo(keyboard)


def test_chinese_palette_follows_the_names():
    p = ChinesePalette(["中華電信", "中華航空", "中興", "台灣大哥大"])
    assert p.after("中") == ["華", "興"]
    assert p.suggestions("中")[:2] == ["華", "興"]
    assert set(p.suggestions("")) == set("中華電信航空興台灣大哥")


def test_keyboard_choice_loads_the_plugin_for_real(monkeypatch, capsys):
    import exponav.ui.kiosk.keyboard as kb

    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    assert choose_keyboard("builtin") == "builtin"
    assert "built-in keyboard (set by the keyboard setting)" in capsys.readouterr().err
    # this installation: whatever the plugin file, it is loaded before it is believed
    problem = kb.qt_virtual_keyboard_problem()
    assert choose_keyboard("auto") == ("builtin" if problem else "qt")
    said = capsys.readouterr().err
    assert (problem in said) if problem else "Qt Virtual Keyboard" in said
    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    monkeypatch.setattr(kb, "_plugin_file", lambda: kb.Path("/nonexistent/libqtvirtualkeyboardplugin.so"))
    assert "does not load" in kb.qt_virtual_keyboard_problem()
    assert choose_keyboard("qt") == "builtin" and "QT_IM_MODULE" not in os.environ
    monkeypatch.setattr(kb, "_plugin_file", lambda: None)
    assert kb.qt_virtual_keyboard_problem() == "its plugin is not installed"


# -- the selftest ----------------------------------------------------------------------------

def test_selftest_kiosk_with_screenshot(data_file, tmp_path):
    png = tmp_path / "kiosk.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "EXPONAV_KIOSK_CONFIG": str(tmp_path / "kiosk.json")}
    run = subprocess.run([sys.executable, "-m", "exponav", "selftest", "--data", str(data_file),
                          "--kiosk", KIOSK, "--screenshot", str(png), "--json"],
                         capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert png.stat().st_size > 20_000 and (tmp_path / "kiosk-route.png").is_file()
    assert not (tmp_path / "kiosk.json").exists()  # the selftest never writes settings


def test_soak_drives_every_interaction_without_error(data_file, qtbot):
    from exponav.diagnostics.soak import run_soak

    row = run_soak(16, data_file)  # each of the fifteen interactions, and one more
    assert row["name"] == "soak" and row["n"] == 16
    assert row["errors"] == 0, row["first_errors"]
    # both measured (what memory does over 10,000 interactions is the bench's to judge:
    # in a test process the collector may give back more than the run took)
    assert row["rss_start_mb"] > 0 and row["rss_end_mb"] > 0


def test_printed_maps_turn_heading_up(nav, tmp_path):
    from exponav.ui.print.map_inset import turn as _turn
    from exponav.ui.print.map_inset import turned_box as _turned_box
    from exponav.ui.print.pdf import write_pdf

    # facing east: north is on the left, east ahead
    turned = [c for point in _turn([(0.0, 1.0), (1.0, 0.0)], 90) for c in point]
    assert turned == pytest.approx([-1.0, 0.0, 0.0, 1.0])
    # facing west: north is on the right (u = y), east behind (v = -x)
    assert _turned_box((0, 0, 150, 120), 270) == pytest.approx((0, -150, 120, 0), abs=1e-9)
    it = nav.itinerary(KIOSK, _owned(nav, 2), "10:00")
    for paper in ("receipt80", "a4"):
        out = write_pdf(it, nav, tmp_path / f"{paper}.pdf", paper, heading_deg=270)
        assert out.stat().st_size > 5000


# -- escapes: settings, PIN, screen, traces, receipts, scans ---------------------------------

@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "config" / "kiosk.json"
    path.parent.mkdir()
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(path))
    return path


@pytest.fixture
def start_kiosk(qtbot, data_file, settings_file):
    """A kiosk started as ``exponav gui --kiosk`` starts one, from the settings file."""
    from exponav.ui.common.application import make_app
    from exponav.ui.kiosk.start import open_kiosk, read_settings

    made: list[KioskWindow] = []

    def start() -> KioskWindow:
        make_app()
        settings, problem = read_settings(settings_file)
        k = open_kiosk(settings, problem, data_file, KIOSK, settings_file=settings_file)
        made.append(k)
        qtbot.addWidget(k)
        k.resize(1280, 800)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        return k

    yield start
    for k in made:
        k.unlocked = True
        k.close()
        k.shutdown()


GOOD_PIN = hash_pin("2468", n=2**10)

#: kiosk.json files a kiosk must not serve with: (what, bytes, a word of the reason)
LOCKED = [
    ("invalid JSON", b'{"kiosk_id": "K-H2-1F-1",', "not JSON"),
    ("empty", b"", "empty"),
    ("BOM", b"\xef\xbb\xbf" + json.dumps({"kiosk_id": KIOSK}).encode(), "byte-order mark"),
    ("idle -1", json.dumps({"idle_s": -1}).encode(), "idle"),
    ("idle 1e9", json.dumps({"idle_s": 1e9}).encode(), "idle"),
    ("idle NaN", b'{"idle_s": NaN}', "idle"),
    ("idle a string", json.dumps({"idle_s": "soon"}).encode(), "idle"),
    ("countdown 0", json.dumps({"countdown_s": 0}).encode(), "countdown"),
    ("unknown paper", json.dumps({"paper": "a3"}).encode(), "paper"),
    ("unknown language", json.dumps({"language": "xx"}).encode(), "language"),
    ("PIN of the wrong form", json.dumps({"pin": "2468"}).encode(), "pin"),
    ("PIN cost n 3", json.dumps({"pin": {**GOOD_PIN, "n": 3}}).encode(), "power of 2"),
    ("PIN salt not hex", json.dumps({"pin": {**GOOD_PIN, "salt": "salt"}}).encode(), "salt"),
    ("nested 100,000 deep", b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "nested"),
    ("no PIN at all", json.dumps({"kiosk_id": KIOSK}).encode(), "set-pin"),
]


@pytest.mark.parametrize("what,raw,word", LOCKED, ids=[v[0] for v in LOCKED])
def test_a_damaged_or_pinless_kiosk_json_keeps_the_kiosk_locked(start_kiosk, settings_file,
                                                               qtbot, what, raw, word):
    settings_file.write_bytes(raw)
    k = start_kiosk()
    assert k.page() == "out-of-service" and word in k.problem
    assert word in k.out_of_service.staff.text()
    k.guard.hold.setInterval(150)  # the five seconds, made short
    _press(k.out_of_service, QPoint(10, 10))
    qtbot.waitUntil(k.staff.isVisible, timeout=1000)
    assert k.staff.mode == "no-pin"  # never "choose a PIN"
    assert not any(key.isVisible() for key in k.staff.pad_keys.values())
    for digits in ("2468✓", "0000✓", "1234✓"):
        for digit in digits:
            k.staff.press(digit)
    assert k.staff.mode == "no-pin" and not k.unlocked
    k.close()
    assert k.isVisible()
    assert settings_file.read_bytes() == raw  # never rewritten
    assert [p.name for p in settings_file.parent.iterdir()] == ["kiosk.json"]


def test_a_damaged_file_with_a_valid_pin_still_lets_staff_out(start_kiosk, settings_file,
                                                              qtbot):
    raw = json.dumps({"idle_s": -1, "pin": GOOD_PIN}).encode()
    settings_file.write_bytes(raw)
    k = start_kiosk()
    assert k.page() == "out-of-service" and "idle" in k.problem
    k.staff.start()
    assert k.staff.mode == "enter"
    for digit in "2468✓":
        k.staff.press(digit)
    assert k.staff.mode == "unlocked"
    k.staff.leave.click()
    assert k.unlocked and settings_file.read_bytes() == raw


def test_a_pin_set_meanwhile_with_set_pin_opens_the_staff_pad(start_kiosk, settings_file):
    from exponav.core.io.kiosk_config import save_settings

    settings_file.write_text(json.dumps({"kiosk_id": KIOSK}))
    k = start_kiosk()
    assert "set-pin" in k.problem
    save_settings(KioskSettings(kiosk_id=KIOSK, pin=GOOD_PIN), settings_file)  # as set-pin
    k.staff.start()
    assert k.staff.mode == "enter"
    for digit in "2468✓":
        k.staff.press(digit)
    assert k.staff.mode == "unlocked"


def test_a_good_kiosk_json_serves(start_kiosk, settings_file):
    settings_file.write_text(json.dumps({"kiosk_id": KIOSK, "pin": GOOD_PIN, "idle_s": 45}))
    k = start_kiosk()
    assert k.page() == "home" and k.timings.idle_ms == 45_000


def test_full_screen_fills_the_screen_and_comes_back(make_kiosk, qtbot):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK),
                   timings=KioskTimings(idle_ms=60_000, hold_ms=150, watch_ms=50))
    k.show_kiosk(full_screen=True)
    screen = k.front.screen_geometry()

    def in_front() -> bool:
        return (k.isVisible() and k.isFullScreen() and k.geometry() == screen
                and not k.windowState() & Qt.WindowState.WindowMinimized
                and k.front.problem() == "")

    qtbot.waitUntil(in_front, timeout=3000)
    restored: list[str] = []
    k.front.restored.connect(restored.append)
    for escape in (k.showMinimized, k.hide, k.showNormal,
                   lambda: k.setGeometry(10, 10, 640, 480)):
        escape()
        qtbot.waitUntil(in_front, timeout=3000)
    assert {"minimised", "hidden", "not full screen"} <= set(restored)
    k.unlocked = True
    k.close()  # staff left: nothing brings it back
    qtbot.wait(200)
    assert not k.isVisible()


def test_the_reset_clears_selections_and_the_clipboard(kiosk, qtbot):
    w = kiosk.navigator
    kiosk.open_search()
    w.search.field.setText("chunghwa telecom")
    w.search.field.selectAll()
    QGuiApplication.clipboard().setText("a visitor's words")
    assert kiosk.has_visitor_state() and kiosk.selected_text()
    kiosk.reset_visitor()
    assert not kiosk.selected_text() and not w.search.field.hasSelectedText()
    assert QGuiApplication.clipboard().text() == ""
    assert not kiosk.has_visitor_state()


def test_clearing_covers_the_x11_selection_and_the_find_buffer(monkeypatch):
    from PySide6.QtGui import QClipboard

    from exponav.ui.kiosk import reset

    cleared = []

    class Clipboard:
        def clear(self, mode):
            cleared.append(mode)

        def supportsSelection(self):  # noqa: N802 - Qt's names
            return True

        def supportsFindBuffer(self):  # noqa: N802
            return True

    class Gui:
        @staticmethod
        def clipboard():
            return Clipboard()

    monkeypatch.setattr(reset, "QGuiApplication", Gui)
    reset.clear_clipboard()
    assert cleared == [QClipboard.Mode.Clipboard, QClipboard.Mode.Selection,
                       QClipboard.Mode.FindBuffer]


def test_a_pdf_receipt_is_private_and_gone_at_the_reset(make_kiosk, nav, tmp_path):
    receipt = tmp_path / "receipt.pdf"
    receipt.write_text("an older receipt")
    receipt.chmod(0o644)
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{receipt}"))
    for code in _owned(nav, 2):
        k.navigator.visit.add(code)
    assert k.print_visit()
    assert receipt.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(receipt.stat().st_mode) == 0o600
    assert k.has_visitor_state()
    k.reset_visitor()
    assert not receipt.exists() and not k.has_visitor_state()


def test_a_pdf_printer_never_writes_through_a_link(make_kiosk, nav, tmp_path):
    victim = tmp_path / "staff-notes.txt"
    victim.write_text("keep me")
    link = tmp_path / "receipt.pdf"
    link.symlink_to(victim)
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{link}"))
    k.navigator.visit.add(_owned(nav, 1)[0])
    assert not k.print_visit()
    assert k.printed.failed and k.printed.qr.isVisible()  # the QR code instead
    assert victim.read_text() == "keep me"


def _scan(kiosk, qtbot, line: str) -> list[bool]:
    loaded: list[bool] = []
    kiosk.visit_scanned.connect(loaded.append)
    type_at_window(kiosk, line)
    qtbot.waitUntil(lambda: bool(loaded), timeout=5000)
    return loaded


@pytest.mark.parametrize("line,words", [
    ("EXPONAV1|another-show|K-1|S1024", "another show"),
    ("EXPONAV1|scse2025|K-H2-1F-1|NO-SUCH-BOOTH", "place"),
    ("EXPONAV1|scse2025|K-H2-1F-1|S1024@99:99", "ExpoNav visit"),
    ("EXPONAV1|scse2025", "ExpoNav visit"),
])
def test_a_refused_scan_is_shown_where_the_visitor_looks(kiosk, qtbot, line, words):
    assert kiosk.page() == "home"
    assert _scan(kiosk, qtbot, line) == [False]
    assert kiosk.notice.isVisible() and kiosk.notice.geometry() == kiosk.rect()
    assert words in kiosk.notice.message.text()
    assert kiosk.navigator.visit.is_empty()
    kiosk.notice.done.click()
    assert not kiosk.notice.isVisible()


def test_a_scanned_visit_is_capped(kiosk, qtbot, nav):
    from exponav.ui.kiosk.visit import MAX_SCANNED_STOPS

    booths = sorted({c for e in nav.show.exhibitors.values() for c in e.booths})
    line = f"EXPONAV1|{nav.show.show.id}|{KIOSK}|" + ",".join(booths[:200])
    kiosk.open_search()  # the keyboard up: the sentence shows over it all the same
    assert kiosk.keyboard.isVisible()
    assert _scan(kiosk, qtbot, line) == [False]
    assert kiosk.notice.isVisible() and not kiosk.keyboard.isVisible()
    assert "200 stops" in kiosk.notice.message.text()
    assert str(MAX_SCANNED_STOPS) in kiosk.notice.message.text()
    assert kiosk.navigator.visit.is_empty()
    line = f"EXPONAV1|{nav.show.show.id}|{KIOSK}|" + ",".join(booths[:MAX_SCANNED_STOPS])
    assert kiosk.load_scanned(line)
    assert len(kiosk.navigator.visit) == MAX_SCANNED_STOPS and not kiosk.notice.isVisible()


def test_chinese_and_indonesian_with_a_cache_folder_that_cannot_be_written(
        make_kiosk, tmp_path, monkeypatch):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK))
    k.set_language("zh-Hant")
    assert k.bar.home.text() == "首頁"  # the shipped .qm: nothing is compiled or cached
    k.set_language("id")
    assert k.navigator.lang == "id" and k.bar.home.text() != "Home"
    assert blocker.read_text() == ""


def test_the_receipt_starts_at_the_kiosks_now(make_kiosk, nav):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, now="2025-03-19T14:05"))
    for code in _owned(nav, 2):
        k.navigator.visit.add(code)
    assert k.visit_itinerary().start == "14:05"
    k.reset_visitor()  # and again for the next visitor
    k.navigator.visit.add(_owned(nav, 1)[0])
    assert k.visit_itinerary().start == "14:05"


def test_exponav_gui_kiosk_with_a_damaged_file_stays_up_out_of_service(settings_file,
                                                                        data_file):
    raw = b'{"kiosk_id": "K-H2-1F-1", "idle_s": 1e9, "pin": {"n": 3}}'
    settings_file.write_bytes(raw)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "EXPONAV_KIOSK_CONFIG": str(settings_file)}
    proc = subprocess.Popen([sys.executable, "-m", "exponav", "gui", "--kiosk", KIOSK,
                             "--data", str(data_file)], env=env, stderr=subprocess.PIPE,
                            text=True)
    try:
        said = [proc.stderr.readline(), proc.stderr.readline()]  # which keyboard, then why
        assert "on-screen keyboard" in said[0]
        line = said[1]
        assert "out of service" in line and "idle" in line
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=2)  # still up, on its out-of-service screen
    finally:
        proc.terminate()
        rest = proc.communicate(timeout=30)[1]
    assert "Traceback" not in line + rest
    assert settings_file.read_bytes() == raw


def test_qt_s_keyboard_chosen_but_never_shown_gives_way_to_ours(qtbot, nav, monkeypatch,
                                                                 capsys):
    import exponav.ui.kiosk.window as window_module
    from exponav.ui.app import make_app

    monkeypatch.setattr(window_module, "QT_KEYBOARD_WAIT_MS", 50)
    make_app()
    k = KioskWindow(KioskSettings(kiosk_id=KIOSK), nav, timings=STILL, keyboard="qt",
                    save=lambda s: None)
    qtbot.addWidget(k)
    k.resize(1600, 1000)
    k.show_kiosk(full_screen=False)
    qtbot.waitExposed(k)
    try:
        assert k.keyboard is None  # Qt's, not ours
        k.open_search()
        k.navigator.search.field.setFocus()
        k._focus_changed(None, k.navigator.search.field)  # offscreen windows are never active
        qtbot.waitUntil(lambda: k.keyboard is not None and k.keyboard_shown(), timeout=3000)
        assert k.keyboard_kind == "builtin"
        assert "did not appear for a focused field" in capsys.readouterr().err
    finally:
        k.unlocked = True
        k.close()
        k.shutdown()


def test_home_takes_the_highlight_off_the_map_and_keeps_the_route(kiosk, qtbot, nav):
    w = kiosk.navigator
    kiosk.open_search()
    w.route_to(_owned(nav, 3)[-1])
    qtbot.waitUntil(lambda: w.routes.route is not None, timeout=5000)
    w.highlight_booths(tuple(_owned(nav, 1)))
    assert any(s.highlighted_codes for s in w.scenes.values())
    kiosk.bar.home.click()
    assert kiosk.page() == "home"
    assert not any(s.highlighted_codes or s.pins for s in w.scenes.values())
    assert w.routes.route is not None


def test_the_staff_corner_works_on_the_attract_screen(make_kiosk, qtbot):
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, pin=hash_pin("2468", n=2**10)), timings=FAST)
    qtbot.waitUntil(lambda: k.page() == "attract", timeout=3000)  # idle: passers-by see it
    _press(k.attract, QPoint(10, 10))
    qtbot.waitUntil(k.staff.isVisible, timeout=1000)  # held 0.15 s in the corner
    assert k.staff.mode == "enter"
