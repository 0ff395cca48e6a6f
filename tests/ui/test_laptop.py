"""The window as a laptop application: menus and Ctrl+Q, the title said once, the icon and the
desktop files, and what it remembers between runs (never on a kiosk)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from exponav.core.paths import assets_dir

KIOSK = "K-H2-1F-1"


@pytest.fixture
def laptop(qtbot, nav, tmp_path):
    """Windows dressed for a laptop over one settings file; each call is the next run."""
    from exponav.ui.app import initial_language, make_app
    from exponav.ui.visitor.laptop import LaptopWindow, remembered_language, window_settings
    from exponav.ui.visitor.main_window import MainWindow

    path = tmp_path / "window.ini"
    made = []

    def run():
        make_app()
        settings = window_settings(path)
        w = MainWindow(nav, lang=initial_language(remembered_language(settings)))
        w.laptop = LaptopWindow(w, settings)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield run, path
    for w in made:
        w.set_language("en")  # take its translator out of the application
        w.close()


def test_the_title_says_the_show_once(laptop):
    run, _ = laptop
    w = run()
    w.set_language("en")
    assert w.windowTitle() == "ExpoNav — Smart City Summit & Expo 2025"
    assert not w.windowIcon().isNull()
    assert w.windowIcon().availableSizes() or w.windowIcon().pixmap(32).width() == 32


_APP_IDENTITY = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from exponav.ui.app import make_app
app = make_app()
from PySide6.QtWidgets import QWidget
w = QWidget()
w.setWindowTitle("ExpoNav — Smart City Summit & Expo 2025")
w.show()
app.processEvents()
print(app.desktopFileName(), app.windowIcon().isNull(), w.windowHandle().title())
"""


def test_the_application_names_itself_once_with_its_icon():
    """A display name would be appended by Qt to every window title ("… — ExpoNav")."""
    import os
    import sys
    from pathlib import Path

    import exponav

    env = {**os.environ, "PYTHONPATH": str(Path(exponav.__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", _APP_IDENTITY], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    desktop, icon_null, title = out.stdout.strip().split(" ", 2)
    assert desktop == "org.exponav.ExpoNav" and icon_null == "False"
    assert title == "ExpoNav — Smart City Summit & Expo 2025"


def test_ctrl_q_and_the_menu_quit(laptop, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    run, _ = laptop
    w = run()
    w.set_language("zh-Hant")  # its translator is the last installed: other tests' leave theirs
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["行程(&V)", "語言(&L)", "說明(&H)"]
    assert w.laptop.quit_action.text() == "結束(&Q)"
    quit_action = w.laptop.quit_action
    assert QKeySequence("Ctrl+Q") in quit_action.shortcuts()
    assert quit_action in w.laptop.visit_menu.actions()
    w.windowHandle().requestActivate()  # a window's shortcuts work while it is active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=3000)


def test_it_remembers_language_step_free_and_the_visit(laptop, qtbot, monkeypatch):
    monkeypatch.delenv("EXPONAV_LANG", raising=False)
    run, path = laptop
    w = run()
    w.set_language("id")
    w.visit.add("S1024")
    w.visit.add("Q0210", appointment="14:00")
    w.visit.set_start_time("10:15")
    w.visit.set_step_free(True)
    w.routes.panel.step_free.setChecked(True)
    w.close()
    assert path.is_file()

    again = run()
    assert again.lang == "id"
    assert [(s.place_id, s.appointment) for s in again.visit.stops] == \
        [("S1024", None), ("Q0210", "14:00")]
    assert again.visit.start_time == "10:15" and again.visit.step_free
    assert again.routes.step_free and again.routes.panel.step_free.isChecked()
    qtbot.waitUntil(lambda: again.visits.model.itinerary is not None, timeout=10000)
    again.visit.clear()  # kept as it is when the window closes: empty now
    again.close()
    assert run().visit.is_empty()


_TWO_RUNS = """
import sys
from exponav.core.navigator import Navigator
from exponav.ui.app import make_app
from exponav.ui.visitor.laptop import LaptopWindow, window_settings
from exponav.ui.visitor.main_window import MainWindow
app = make_app()
nav = Navigator.open(sys.argv[1])
def run():
    w = MainWindow(nav)
    w.laptop = LaptopWindow(w, window_settings(sys.argv[2]))
    w.show()
    app.processEvents()
    return w
w = run()
w.setGeometry(140, 90, 1300, 820)
app.processEvents()
w.close()
again = run()
g = again.geometry()
print(g.x(), g.y(), g.width(), g.height())
again.close()
app.processEvents()
"""


def test_it_remembers_the_windows_size_and_place(data_file, tmp_path):
    """On a screen large enough for the window (offscreen's own is 800 px square)."""
    import json
    import os
    import sys
    from pathlib import Path

    import exponav

    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "wide", "x": 0, "y": 0, "width": 1920, "height": 1200, "logicalDpi": 96,
        "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "PYTHONPATH": str(Path(exponav.__file__).resolve().parents[1]),
           "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    out = subprocess.run([sys.executable, "-c", _TWO_RUNS, str(data_file),
                          str(tmp_path / "window.ini")], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["140", "90", "1300", "820"]


def test_a_remembered_visit_of_another_show_or_place_is_left_out(laptop):
    from exponav.ui.visitor.laptop import window_settings

    run, path = laptop
    w = run()
    w.visit.add("S1024")
    w.close()

    def edit(key, value):
        settings = window_settings(path)
        settings.setValue(key, value)
        settings.sync()

    edit("visit/stops", '[["S1024", null], ["NOWHERE-1", null], ["Q0210", "25:99"]]')
    assert run().visit.is_empty()  # a time that is not a time: nothing half-loaded
    edit("visit/stops", '[["S1024", null], ["NOWHERE-1", null]]')
    w = run()
    assert [s.place_id for s in w.visit.stops] == ["S1024"]  # no longer on the map: left out
    w.close()
    edit("visit/stops", "not json at all")
    assert run().visit.is_empty()
    edit("visit/stops", '[["S1024", null]]')
    edit("visit/show", "another-show")
    assert run().visit.is_empty()


def test_a_kiosk_has_no_menu_no_quit_key_and_no_memory(qtbot, nav, tmp_path, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.ui.app import make_app
    from exponav.ui.kiosk.window import KioskWindow

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    make_app()
    k = KioskWindow(KioskSettings(kiosk_id=KIOSK, printer=f"pdf:{tmp_path / 'r.pdf'}"), nav,
                    save=lambda s: None)
    qtbot.addWidget(k)
    try:
        k.resize(1600, 1000)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        k.navigator.visit.add("S1024")
        window = k.navigator
        assert window.menuBar().actions() == []
        quits = [a for widget in [k, window, *window.findChildren(QWidget)]
                 for a in widget.actions() if QKeySequence("Ctrl+Q") in a.shortcuts()]
        assert quits == []
    finally:
        k.unlocked = True
        k.close()
        k.shutdown()
    assert not list(tmp_path.rglob("window.ini"))


def test_desktop_entry_and_appstream_metadata():
    linux = assets_dir() / "linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(linux / "org.exponav.ExpoNav.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].startswith("exponav gui")
    assert desktop["Icon"] == "org.exponav.ExpoNav"
    assert (linux / "org.exponav.ExpoNav.svg").is_file()
    meta = ET.parse(linux / "org.exponav.ExpoNav.metainfo.xml").getroot()
    assert meta.get("type") == "desktop-application"
    assert meta.findtext("id") == "org.exponav.ExpoNav"
    assert meta.find("launchable").text == "org.exponav.ExpoNav.desktop"
    assert meta.findtext("project_license") == "MIT"
    for tool, args in (("desktop-file-validate", [linux / "org.exponav.ExpoNav.desktop"]),
                       ("appstreamcli", ["validate", "--no-net",
                                         linux / "org.exponav.ExpoNav.metainfo.xml"])):
        if shutil.which(tool):
            done = subprocess.run([tool, *map(str, args)], capture_output=True, text=True)
            assert done.returncode == 0, done.stdout + done.stderr
