"""The kiosk on the screens it stands on: landscape 1920 x 1080, portrait 1080 x 1920, a
1366 x 768 laptop, and a 3840 x 2160 panel at a device pixel ratio of 2 (which lays out
as 1920 x 1080 logical pixels; its pixels are checked by the selftest, below)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QFrame, QToolButton

from exponav.core.io.kiosk_config import KioskSettings
from exponav.ui.kiosk.screen import layout_for
from exponav.ui.kiosk.window import KioskTimings, KioskWindow

KIOSK = "K-H2-1F-1"
# 3840 x 2160 at a ratio of 2 is 1920 x 1080 logical pixels: its layout is the first's,
# and its device pixels are checked through the selftest (the last test)
SCREENS = {(1920, 1080): "landscape", (1080, 1920): "portrait", (1366, 768): "compact"}


@pytest.fixture
def kiosk_on(qtbot, nav):
    from exponav.ui.app import make_app

    made = []

    def make(width: int, height: int) -> KioskWindow:
        make_app()
        k = KioskWindow(KioskSettings(kiosk_id=KIOSK), nav,
                        timings=KioskTimings(idle_ms=600_000), save=lambda s: None)
        made.append(k)
        qtbot.addWidget(k)
        k.resize(width, height)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        qtbot.wait(30)
        return k

    yield make
    for k in made:
        k.unlocked = True
        k.close()
        k.shutdown()


def _rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def _clipped(button: QToolButton) -> bool:
    text = button.text().replace("&&", "&")
    return button.fontMetrics().horizontalAdvance(text) > button.width() - 12


def _no_overlaps_on_home(k, size) -> None:
    """Nothing on the home screen covers anything else, nor runs off it."""
    home = k.home
    parts = [home.brand, home.show_name, home.greeting, home.search, home.directory_button,
             home.programme_button, home.services_title, *home.service_buttons.values(),
             home.themes_title, home.theme_chips, *home.language_buttons.values(), home.access]
    shown = [(p, _rect_in(p, home)) for p in parts if p.isVisibleTo(home)]
    for i, (a, ra) in enumerate(shown):
        assert home.rect().contains(ra), f"{a.objectName()} runs off the screen at {size}"
        for b, rb in shown[i + 1:]:
            assert not ra.intersects(rb), \
                f"{a.objectName()} {ra} and {b.objectName()} {rb} overlap at {size}"
    rows = [_rect_in(r, home) for r in home.session_rows if r.isVisibleTo(home)]
    card = _rect_in(home.findChild(QFrame, "homeCard"), home)
    for i, r in enumerate(rows):
        assert card.contains(r) and not any(r.intersects(o) for o in rows[i + 1:]), \
            f"programme rows overlap at {size}"


@pytest.mark.parametrize(("size", "name"), list(SCREENS.items()),
                         ids=[f"{w}x{h}" for w, h in SCREENS])
def test_every_screen_has_its_layout_whole_keys_and_eight_results(kiosk_on, qtbot, size, name):
    k = kiosk_on(*size)
    assert k.screen_layout.name == name == layout_for(*size).name
    home = k.home
    for button in [*home.service_buttons.values(), *home.language_buttons.values()]:
        assert not _clipped(button), f"{button.text()!r} is cut at {size}"

    _no_overlaps_on_home(k, size)
    k.set_accessible(True)  # large text: still nothing over anything
    qtbot.wait(30)
    _no_overlaps_on_home(k, size)
    k.set_accessible(False)

    k.open_search()
    w = k.navigator
    w.search.search_now("tai")
    qtbot.waitUntil(lambda: not w.search.is_searching(), timeout=3000)
    qtbot.wait(30)
    kb = k.keyboard
    assert k.keyboard_shown()
    window = k.rect()
    keys = [key for key in kb.keys.values() if key.isVisibleTo(kb)]
    rects = [_rect_in(key, k) for key in keys]
    for key, r in zip(keys, rects, strict=True):
        assert window.contains(r), f"key {key.text()!r} at {r} is cut by the screen {size}"
        assert r.height() >= 48 and r.width() >= 40, f"key {key.text()!r} is {r.size()}"
    for i, a in enumerate(rects):  # no key overlaps another
        assert not any(a.intersects(b) for b in rects[i + 1:])
    results = w.search.list
    view = results.viewport().rect()
    whole = [i for i in range(results.count())
             if view.contains(results.visualItemRect(results.item(i)))]
    kb_top = _rect_in(kb, k).top()
    bottom = _rect_in(results.viewport(), k).bottom()
    if kb_top <= bottom and _rect_in(kb, k).left() < _rect_in(results.viewport(), k).right():
        pytest.fail(f"the keyboard covers the results at {size}")
    assert len(whole) >= 9, f"{len(whole) - 1} results in view at {size}"  # and the header
    map_view = w.view.viewport()
    assert map_view.width() * map_view.height() >= 0.08 * size[0] * size[1]
    k._hide_keyboard()
    qtbot.wait(10)
    assert map_view.width() * map_view.height() >= 0.2 * size[0] * size[1]


def test_a_kiosk_turned_to_portrait_lays_itself_out_again(kiosk_on, qtbot):
    k = kiosk_on(1920, 1080)
    k.open_search()
    assert not k.keyboard_docked()
    k.resize(1080, 1920)
    qtbot.wait(30)
    assert k.screen_layout.portrait and k.keyboard_docked() and k.keyboard.isVisible()
    side = _rect_in(k.sidebar, k)
    assert side.width() == 1080 and side.top() > _rect_in(k.navigator.view, k).top()
    k.resize(1920, 1080)
    qtbot.wait(30)
    assert k.screen_layout.name == "landscape" and not k.keyboard_docked()


def test_a_laptop_window_of_1366_by_768_lists_eight_results(qtbot, nav):
    from exponav.ui.app import make_app
    from exponav.ui.visitor.main_window import MainWindow

    make_app()
    w = MainWindow(nav, lang="en")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.search.search_now("tai")
    qtbot.waitUntil(lambda: not w.search.is_searching(), timeout=3000)
    qtbot.wait(30)
    assert w.search.sections_folded()
    results = w.search.list
    view = results.viewport().rect()
    whole = [i for i in range(results.count())
             if view.contains(results.visualItemRect(results.item(i)))]
    assert len(whole) >= 9
    w.search.field.clear()
    assert not w.search.sections_folded()  # the services come back with an empty field
    w.close()


def test_selftest_on_a_3840_by_2160_screen_at_twice_the_pixels(data_file, tmp_path):
    png = tmp_path / "k4.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "EXPONAV_KIOSK_CONFIG": str(tmp_path / "kiosk.json")}
    run = subprocess.run([sys.executable, "-m", "exponav", "selftest", "--data", str(data_file),
                          "--kiosk", KIOSK, "--screen", "3840x2160", "--screenshot", str(png),
                          "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    report = json.loads(run.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert "3840x2160" in checks["kiosk opens"]["detail"]
    assert checks["highlight on screen"]["ok"] and checks["kiosk keyboard"]["ok"]
    from PySide6.QtGui import QImage

    assert QImage(str(png)).size().width() == 3840
