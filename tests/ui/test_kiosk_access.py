"""Accessibility mode: one tap from every screen, high contrast and large text, the
controls within reach, step-free routes, a keypad that reaches and presses everything,
names for screen readers; and the next visitor starts without it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

from exponav.core.io.kiosk_config import KioskSettings
from exponav.ui.kiosk.window import KioskTimings, KioskWindow

KIOSK = "K-H2-1F-1"


@pytest.fixture
def kiosk_on(qtbot, nav):
    from exponav.ui.app import make_app

    made = []

    def make(width: int = 1920, height: int = 1080) -> KioskWindow:
        make_app()
        k = KioskWindow(KioskSettings(kiosk_id=KIOSK), nav,
                        timings=KioskTimings(idle_ms=600_000), save=lambda s: None)
        made.append(k)
        qtbot.addWidget(k)
        k.resize(width, height)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        return k

    yield make
    for k in made:
        k.unlocked = True
        k.close()
        k.shutdown()


def _top(widget, k) -> int:
    return widget.mapTo(k, widget.rect().topLeft()).y()


def test_every_screen_has_the_button_and_any_turns_the_mode_on_everywhere(kiosk_on):
    k = kiosk_on()
    buttons = k.access_buttons()
    assert len(buttons) == 4  # home, kiosk bar, directory, programme
    k.open_directory()
    k.directory.access.click()
    assert k.accessible and all(b.isChecked() for b in buttons)
    assert k.access_style_on() and "#ffb000" in k.directory.styleSheet()
    assert k.navigator.search.list.itemDelegate().k > 1.2  # large text in the lists
    k.go_home()
    k.home.access.click()
    assert not k.accessible and not any(b.isChecked() for b in buttons)
    assert not k.access_style_on() and "#ffb000" not in k.home.styleSheet()


def test_the_controls_come_down_on_a_tall_screen(kiosk_on, qtbot):
    k = kiosk_on(1080, 1920)
    home = k.home
    assert _top(home.search, k) < _top(home.today_title, k)  # as it was
    k.set_accessible(True)
    qtbot.wait(30)
    assert _top(home.search, k) > 1920 // 2 and _top(home.today_title, k) < _top(home.search, k)
    for button in [*home.service_buttons.values(), *home.language_buttons.values(),
                   home.directory_button, home.programme_button, home.access]:
        assert _top(button, k) > 1920 // 2, f"{button.text()} is out of reach"
    k.open_search()
    qtbot.wait(30)
    bar = k.bar
    assert _top(bar, k) > _top(k.navigator.view, k)  # the kiosk bar under the map
    kb = k.keyboard
    assert not QRect(bar.mapTo(k, bar.rect().topLeft()), bar.size()).intersects(
        QRect(kb.mapTo(k, kb.rect().topLeft()), kb.size()))
    k.open_directory()
    qtbot.wait(30)
    d = k.directory
    assert _top(d.facet_buttons["country"], k) > _top(d.list, k)  # filters under the list


def test_routes_are_step_free_in_the_mode(kiosk_on, qtbot):
    k = kiosk_on()
    k.set_accessible(True)
    w = k.navigator
    assert w.routes.step_free and w.visit.step_free
    k.show_way_to("S1024")  # upstairs: lifts, not escalators
    qtbot.waitUntil(lambda: w.routes.route is not None, timeout=10_000)
    assert w.routes.route.step_free
    connectors = {leg.via for leg in w.routes.route.legs if leg.via}
    assert connectors and all(k.nav.connector(c.split("@")[0]).step_free for c in connectors)


def test_a_keypad_reaches_and_presses_everything(kiosk_on, qtbot):
    k = kiosk_on()
    k.set_accessible(True)
    assert k.bar.home.focusPolicy() != Qt.FocusPolicy.NoFocus
    home = k.home
    home.directory_button.setFocus()
    handle = k.windowHandle()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(handle, QKeyEvent(kind, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r"))
    qtbot.waitUntil(lambda: k.page() == "directory", timeout=2000)
    # every button of every page has a name a screen reader can say
    for page in (k.home, k.navigator_page, k.directory, k.programme):
        for button in page.findChildren(QAbstractButton):
            if button.isVisibleTo(page) and not (k.keyboard and k.keyboard.isAncestorOf(button)):
                assert button.accessibleName() or button.text().strip(), \
                    f"{button.objectName()} in {page.objectName()} has no name"
    k.set_accessible(False)
    assert k.bar.home.focusPolicy() == Qt.FocusPolicy.NoFocus  # touch only again


def test_the_next_visitor_starts_without_it(kiosk_on):
    k = kiosk_on()
    k.set_accessible(True)
    assert k.has_visitor_state()
    k.reset_visitor()
    assert not k.accessible and not k.navigator.routes.step_free
    assert not k.has_visitor_state()
