"""Copies of a layout: the recovery copy written, read back and restored over the
folders it came from; a saved copy in another folder, whole or not at all; the floor
plans exported."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from exponav.core.errors import DataError
from exponav.core.layout import Layout, MoveBooth, SetStatus, SplitBooth
from exponav.core.layout import recovery as rec
from exponav.core.paths import show_dir, venue_dir

LEVEL = "H2-1F"


@pytest.fixture
def folders(tmp_path):
    v, s = tmp_path / "tainex", tmp_path / "scse2025"
    shutil.copytree(venue_dir(), v)
    shutil.copytree(show_dir(), s)
    return v, s


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def free(layout, level=LEVEL):
    return next(b.code for b in layout.venue.plans[level].booths
                if layout.status(b.code).status == "available" and b.code[-1] not in "ab")


def test_a_recovery_copy_restores_the_edits_over_the_folders_it_came_from(folders, tmp_path):
    v, s = folders
    before = digest(v), digest(s)
    layout = Layout.load(v, s)
    path = rec.recovery_path(v, s, tmp_path / "state")
    assert rec.write_recovery(layout, path) == 0 and not path.exists()  # nothing to keep
    code = free(layout)
    layout.apply(SplitBooth(code))
    other = free(layout)
    layout.apply(SetStatus(other, "reserved"))
    assert rec.write_recovery(layout, path) == 2  # the level's GeoJSON and the statuses
    assert (digest(v), digest(s)) == before  # the folders are untouched
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(doc["files"]) == ["show/booth_status.csv", f"venue/{LEVEL}.geojson"]

    found = rec.read_recovery(path)
    assert found.venue_dir == v.resolve() and found.show_dir == s.resolve()
    work = tmp_path / "work"
    work.mkdir()
    again = rec.restore(found, work)
    assert again.has_booth(code + "a") and not again.has_booth(code)
    assert again.status(other).status == "reserved"
    assert again.venue_dir == v.resolve() and again.show_dir == s.resolve()
    assert (digest(v), digest(s)) == before
    written = again.save()  # every file is compared: the restored edits land
    assert {p.name for p in written} == {f"{LEVEL}.geojson", "booth_status.csv"}
    reopened = Layout.load(v, s)
    assert reopened.has_booth(code + "a") and reopened.status(other).status == "reserved"


def test_a_recovery_copy_that_cannot_be_read_says_so(tmp_path):
    path = tmp_path / "layout-x.json"
    assert rec.read_recovery(path) is None
    for text in ("{", json.dumps({"format": 99}), json.dumps(
            {"format": 1, "venue": "/v", "show": "/s", "saved_at": "now", "files": {}}),
            json.dumps({"format": 1, "venue": "/v", "show": "/s",
                        "saved_at": "2026-01-01T00:00:00+00:00",
                        "files": {"../etc/passwd": "x"}})):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataError, match="not a recovery copy"):
            rec.read_recovery(path)


def test_the_recovery_copy_is_named_for_its_venue_and_show(tmp_path):
    a = rec.recovery_path(tmp_path / "v", tmp_path / "s", tmp_path)
    assert a == rec.recovery_path(tmp_path / "v", tmp_path / "s", tmp_path)
    assert a != rec.recovery_path(tmp_path / "v", tmp_path / "t", tmp_path)
    assert rec.recovery_dir().name == "recovery"


def test_save_a_copy_writes_both_folders_whole_and_leaves_the_layout_alone(folders, tmp_path):
    v, s = folders
    before = digest(v), digest(s)
    layout = Layout.load(v, s)
    code = free(layout)
    layout.apply(MoveBooth(code, 0.5, 0))
    history = list(layout.history)
    cv, cs = rec.save_copy(layout, tmp_path / "copy")
    assert (cv.name, cs.name) == ("tainex", "scse2025")
    assert (digest(v), digest(s)) == before
    assert layout.history == history and layout.venue_dir == v  # still the original's
    copied = Layout.load(cv, cs)
    assert copied.booth(code).polygon.bounds == layout.booth(code).polygon.bounds
    assert set(digest(cv)) == set(digest(v)) and set(digest(cs)) >= set(digest(s))
    with pytest.raises(DataError, match="new or an empty folder"):
        rec.save_copy(layout, tmp_path / "copy")
    (tmp_path / "empty").mkdir()
    rec.save_copy(layout, tmp_path / "empty")
    assert (tmp_path / "empty" / "tainex" / "venue.json").is_file()


def test_a_copy_that_fails_half_way_leaves_nothing(folders, tmp_path, monkeypatch):
    v, s = folders
    layout = Layout.load(v, s)
    layout.apply(MoveBooth(free(layout), 0.5, 0))

    def broken(writes, journal_dir):
        raise OSError(28, "No space left on device", str(journal_dir))

    monkeypatch.setattr(rec, "commit", broken)
    with pytest.raises(DataError, match="nothing was saved"):
        rec.save_copy(layout, tmp_path / "copy")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scse2025", "tainex"]


def test_export_writes_every_levels_floor_plan_with_the_edits(folders, tmp_path):
    v, s = folders
    layout = Layout.load(v, s)
    code = free(layout)
    layout.apply(SplitBooth(code))
    out = tmp_path / "plans"
    written = rec.export_floor_plans(layout, out)
    assert sorted(p.name for p in written) == sorted(
        Path(lv.file).name for lv in layout.venue.levels.values())
    doc = json.loads((out / f"{LEVEL}.geojson").read_text(encoding="utf-8"))
    codes = {f["properties"].get("code") for f in doc["features"]}
    assert code + "a" in codes and code not in codes
    with pytest.raises(DataError, match="venue's own folder"):
        rec.export_floor_plans(layout, v)
    (tmp_path / "file").write_text("x")
    with pytest.raises(DataError, match="not a folder"):
        rec.export_floor_plans(layout, tmp_path / "file")
