"""The editor's files: the recovery copy written while there are unsaved edits, offered
after a session that did not close, removed once saved or discarded; the question before
closing; a copy saved elsewhere; the floor plans exported."""

from __future__ import annotations

import json
import shutil

import pytest

from exponav.core import paths
from exponav.core.layout import Layout, SplitBooth
from exponav.core.layout import recovery as rec

LEVEL = "H2-1F"


@pytest.fixture
def folders(tmp_path):
    v, s = tmp_path / "tainex", tmp_path / "scse2025"
    shutil.copytree(paths.venue_dir(), v)
    shutil.copytree(paths.show_dir(), s)
    return v, s


def free(layout):
    return next(b.code for b in layout.venue.plans[LEVEL].booths
                if layout.status(b.code).status == "available" and b.code[-1] not in "ab")


@pytest.fixture
def editor(qtbot, data_file, folders, tmp_path):
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.editor.window import EditorWindow

    make_app()
    v, s = folders
    nav = Navigator.open(data_file)
    w = EditorWindow(nav, Layout.load(v, s), recovery_file=tmp_path / "state" / "copy.json")
    w.ask = lambda _q: True
    w.ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    w.set_level(LEVEL)
    yield w
    w.close()
    nav.close()


def test_the_recovery_copy_follows_the_unsaved_edits(editor):
    from exponav.ui.editor.window import AUTOSAVE_MS

    w = editor
    copy = w.recovery_file
    assert w.autosave_timer.isActive() and w.autosave_timer.interval() == AUTOSAVE_MS == 60_000
    assert not w.autosave() and not copy.exists()  # nothing to keep
    code = free(w.layout)
    w.select([code])
    assert w.split_selected()
    w.autosave_timer.timeout.emit()  # a minute later
    assert copy.exists()
    assert f"venue/{LEVEL}.geojson" in json.loads(copy.read_text(encoding="utf-8"))["files"]
    assert not w.autosave()  # nothing new since
    w.undo_stack.undo()  # back as opened: no copy is needed
    assert not w.unsaved()
    w.autosave()
    assert not copy.exists()
    w.undo_stack.redo()
    assert w.autosave() and copy.exists()
    assert w.save() and not copy.exists() and not w.unsaved()


def test_closing_asks_and_save_discard_and_cancel_do_what_they_say(editor, folders):
    w = editor
    v, s = folders
    w.show()
    code = free(w.layout)
    w.select([code])
    assert w.split_selected()
    assert w.windowTitle().endswith(" *")
    w.autosave()
    asked = []
    w.ask_unsaved = lambda: asked.append("cancel") or "cancel"
    w.close()
    assert asked and w.isVisible() and w.recovery_file.exists()
    w.ask_unsaved = lambda: "save"
    w.close()
    assert not w.isVisible() and not w.recovery_file.exists()
    assert Layout.load(v, s).has_booth(code + "a")


def test_discarding_on_close_removes_the_copy_and_keeps_the_files(editor, folders):
    w = editor
    v, s = folders
    w.show()
    code = free(w.layout)
    w.select([code])
    w.split_selected()
    w.autosave()
    w.ask_unsaved = lambda: "discard"
    w.close()
    assert not w.isVisible() and not w.recovery_file.exists()
    assert Layout.load(v, s).has_booth(code)


def test_a_copy_left_by_a_crash_is_offered_and_restored(qtbot, folders, tmp_path):
    from exponav.ui.editor.start import open_editor

    v, s = folders
    state = tmp_path / "state"
    crashed = Layout.load(v, s)
    code = free(crashed)
    crashed.apply(SplitBooth(code))
    path = rec.recovery_path(v, s, state)
    assert rec.write_recovery(crashed, path) == 1
    offered = []
    w = open_editor(v, s, offer=lambda found: offered.append(found) or "restore",
                    recovery_folder=state)
    qtbot.addWidget(w)
    w.ask_unsaved = lambda: "discard"
    assert offered and offered[0].venue_dir == v.resolve()
    assert w.restored and w.unsaved() and w.layout.has_booth(code + "a")
    assert w.windowTitle().endswith(" *")
    assert w.layout.venue_dir == v.resolve()
    assert w.nav.booth(code + "a") is not None  # routes and search know the restored plan
    assert path.exists()  # kept until saved or discarded
    assert w.save() and not path.exists()
    assert Layout.load(v, s).has_booth(code + "a")
    w.close()


def test_a_discarded_or_unreadable_copy_opens_the_layout_as_saved(qtbot, folders, tmp_path):
    from exponav.ui.editor.start import open_editor

    v, s = folders
    state = tmp_path / "state"
    crashed = Layout.load(v, s)
    code = free(crashed)
    crashed.apply(SplitBooth(code))
    path = rec.recovery_path(v, s, state)
    rec.write_recovery(crashed, path)
    w = open_editor(v, s, offer=lambda found: "discard", recovery_folder=state)
    qtbot.addWidget(w)
    assert not w.restored and not w.unsaved() and w.layout.has_booth(code)
    assert not path.exists()
    w.close()
    path.write_text("{not json", encoding="utf-8")
    said = []
    w = open_editor(v, s, offer=lambda found: pytest.fail("offered"), recovery_folder=state,
                    say=said.append)
    qtbot.addWidget(w)
    assert said and "not a recovery copy" in said[0]
    assert path.with_suffix(".unreadable").exists() and not path.exists()
    w.close()


def test_save_a_copy_and_export_from_the_file_menu(editor, folders, tmp_path):
    w = editor
    v, s = folders
    menu = [a.text() for a in w.file_menu.actions() if a.text()]
    assert menu[:2] == ["Save", "Save a copy…"]
    assert "Export floor-plan GeoJSON…" in menu and "Export GeoJSON for GIS (WGS84)…" in menu
    code = free(w.layout)
    w.select([code])
    w.split_selected()
    w.choose_folder = lambda title: tmp_path / "copy"
    w.save_copy_action.trigger()
    assert Layout.load(tmp_path / "copy" / v.name, tmp_path / "copy" / s.name).has_booth(
        code + "a")
    assert Layout.load(v, s).has_booth(code) and w.unsaved()  # the original is untouched
    warned = []
    w._warn = warned.append
    assert not w.save_copy(tmp_path / "copy")  # not empty: refused, nothing written
    assert warned and "empty folder" in warned[0]
    w.choose_folder = lambda title: None
    assert not w.export_floor_plans()  # the dialog was cancelled
    assert w.export_floor_plans(tmp_path / "plans")
    plan = json.loads((tmp_path / "plans" / f"{LEVEL}.geojson").read_text(encoding="utf-8"))
    assert code + "a" in {f["properties"].get("code") for f in plan["features"]}
    assert w.export_gis(tmp_path / "gis")
    layer = json.loads((tmp_path / "gis" / "h2_1f_booth.geojson").read_text(encoding="utf-8"))
    lon, lat = layer["features"][0]["geometry"]["coordinates"][0][0]
    assert 120 < lon < 122 and 24 < lat < 26  # Taipei, in WGS84


def test_the_editor_builds_a_folders_data_file_once_and_again_after_a_save(
        qtbot, folders, tmp_path, monkeypatch):
    import exponav.core.io.datafile as datafile
    from exponav.core.layout import MoveBooth
    from exponav.ui.editor.start import open_editor

    v, s = folders
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "cache")
    built = []
    real = datafile.build_data_file
    monkeypatch.setattr(datafile, "build_data_file",
                        lambda dest, *a, **k: built.append(dest) or real(dest, *a, **k))
    state = tmp_path / "state"
    for _ in range(2):
        w = open_editor(v, s, recovery_folder=state)
        qtbot.addWidget(w)
        w.close()
    assert len(built) == 1 and built[0].parent == tmp_path / "cache" / "editor"
    w = open_editor(v, s, recovery_folder=state)
    qtbot.addWidget(w)
    code = free(w.layout)
    w.layout.apply(MoveBooth(code, 0.5, 0))
    w.layout.save()  # the folders changed: their data file is built again, in place
    w.close()
    w = open_editor(v, s, recovery_folder=state)
    qtbot.addWidget(w)
    assert len(built) == 2 and built[1] == built[0]
    assert w.nav.booth(code).booth.polygon.bounds == w.layout.booth(code).polygon.bounds
    w.close()
