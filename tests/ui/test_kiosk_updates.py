"""A kiosk takes a new data file from its update folder at the idle reset, in its window."""

from __future__ import annotations

import pytest

from exponav.core import fleet
from exponav.core.exchange.publish import Manifest, file_sha256
from exponav.core.io.kiosk_config import KioskSettings
from exponav.core.navigator import Navigator
from exponav.ui.kiosk.updates import KioskUpdates
from exponav.ui.kiosk.window import KioskTimings, KioskWindow
from tests.core.fleet_helpers import put_version, version

KIOSK = "K-H2-1F-1"


@pytest.fixture
def source(data_file) -> Manifest:
    return Manifest(show="scse2025", venue="tainex", version=version(0), created="",
                    file=data_file.name, size=data_file.stat().st_size,
                    sha256=file_sha256(data_file), schema_version=1, fingerprint="",
                    sources={})


def test_the_kiosk_swaps_at_the_idle_reset(qtbot, tmp_path, data_file, source):
    from exponav.ui.common.application import make_app

    updates, store = tmp_path / "updates", tmp_path / "store"
    updates.mkdir()
    put_version(source, data_file.parent, updates, 1)
    fleet.check_updates(updates, store, show="scse2025", kiosk_id=KIOSK, run_selftest=False)
    first = store / fleet.take_staged(store).file

    make_app()
    kiosk = KioskWindow(KioskSettings(kiosk_id=KIOSK), Navigator.open(first),
                        timings=KioskTimings(idle_ms=300, countdown_s=1, tick_ms=40,
                                             hold_ms=150))
    qtbot.addWidget(kiosk)
    try:
        kiosk.resize(1600, 1000)
        kiosk.show_kiosk(full_screen=False)
        qtbot.waitExposed(kiosk)
        updates_hook = KioskUpdates(kiosk, updates, store, interval_ms=50)
        updates_hook.start()
        old_window = kiosk.navigator
        pages = kiosk.stack.count()

        put_version(source, data_file.parent, updates, 2)
        qtbot.waitUntil(lambda: fleet.load_state(store).staged is not None, timeout=15_000)
        assert kiosk.nav.data.path == first  # nothing changes while a visitor may be here

        kiosk.open_search()  # a visitor, who then walks away
        with qtbot.waitSignal(kiosk.visitor_reset, timeout=5000):
            pass
        second = store / f"scse2025-{version(2)}.exponav.db"
        assert kiosk.nav.data.path == second
        assert kiosk.navigator is not old_window and kiosk.page() == "home"
        assert kiosk.stack.indexOf(kiosk.home) >= 0 and kiosk.stack.count() == pages
        assert not kiosk.has_visitor_state()
        kiosk.home.access.click()  # the new pages' buttons are wired
        assert kiosk.accessible
        kiosk.set_accessible(False)
        assert kiosk.navigator.nav is kiosk.nav and kiosk.kiosk.id == KIOSK
        assert kiosk.nav.search("chunghwa")[0].name == "Chunghwa Telecom"
        kiosk.open_search()
        assert kiosk.page() == "navigator"
    finally:
        updates_hook.stop()
        kiosk.unlocked = True
        kiosk.close()
        kiosk.shutdown()


def test_a_folder_that_stays_unreadable_is_logged_once(qtbot, tmp_path, capsys):
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    hook = KioskUpdates(holder, tmp_path / "usb", tmp_path / "store")
    gone = fleet.Report("unreadable", "", f"{tmp_path / 'usb'}: the folder cannot be read.")
    for _ in range(3):
        hook._log([gone])
    hook._log([])
    hook._log([gone])
    assert capsys.readouterr().err.count("the folder cannot be read") == 2
