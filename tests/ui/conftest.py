"""The window on the real SCSE data, offscreen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot, nav):
    from exponav.ui.common.application import make_app
    from exponav.ui.visitor.main_window import MainWindow

    make_app()
    w = MainWindow(nav, lang="en")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def exhibitor_on(nav, level: str, min_booths: int = 1):
    """An exhibitor whose booths all stand on ``level``."""
    for ex in nav.show.exhibitors.values():
        if len(ex.booths) >= min_booths and all(nav.booth(c).level == level for c in ex.booths):
            return ex
    raise LookupError(f"no exhibitor on {level}")
