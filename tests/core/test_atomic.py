"""Atomic writes: whole or nothing, only over regular files, and orphans of killed writers
removed without disturbing a writer at work."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exponav.core.errors import DataError, os_reason
from exponav.core.io.atomic import (
    ORPHAN_AGE_S,
    atomic_path,
    check_target,
    clean_orphans,
    write_bytes,
    write_text,
)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_write_creates_and_replaces_leaving_nothing_else(tmp_path: Path):
    target = tmp_path / "plan.geojson"
    write_text(target, "first")
    write_text(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.geojson"]


def test_mode_is_applied(tmp_path: Path):
    target = tmp_path / "secret.json"
    write_bytes(target, b"{}", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failure_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path):
    target = tmp_path / "data.db"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.db"]


def test_a_refused_check_keeps_the_old_file(tmp_path: Path):
    target = tmp_path / "visit.pdf"
    target.write_bytes(b"old")

    def refuse(path: Path) -> None:
        raise DataError("incomplete.")

    with pytest.raises(DataError, match="incomplete"), atomic_path(target, verify=refuse) as tmp:
        tmp.write_bytes(b"%PDF-truncated")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["visit.pdf"]


def test_folders_pipes_and_links_are_refused_by_name(tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    real = tmp_path / "real.pdf"
    real.write_bytes(b"keep")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    for path, words in [(folder, "is a folder"), (fifo, "is a named pipe"),
                        (link, "symbolic link"), (Path("/dev/null"), "is a device")]:
        with pytest.raises(DataError, match=words) as e:
            write_text(path, "x", "PDF")
        assert str(path) in str(e.value) and "\n" not in str(e.value)
    assert real.read_bytes() == b"keep" and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "out", "pipe", "real.pdf"]


def test_a_missing_folder_is_not_created(tmp_path: Path):
    target = tmp_path / "no" / "such" / "visit.pdf"
    with pytest.raises(DataError, match="does not exist; create it first"):
        check_target(target, "PDF")
    assert not (tmp_path / "no").exists()


def test_a_file_where_a_folder_should_be(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(DataError, match="not a folder") as e:
        write_text(tmp_path / "file" / "visit.pdf", "x")
    assert "Errno" not in str(e.value)


def test_a_folder_that_takes_no_files_says_so():
    with pytest.raises(DataError, match="/proc") as e:
        write_text(Path("/proc/exponav-test.pdf"), "x")
    assert "Errno" not in str(e.value)


def test_os_reasons_are_words():
    import errno

    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == \
        "the file system is read-only"
    assert os_reason(OSError(errno.ENOSPC, "x")) == "the disk is full"
    assert os_reason(OSError(999, "Something Odd.")) == "something Odd"


# -- orphans -------------------------------------------------------------------------------

def test_orphans_of_dead_writers_are_removed_and_live_ones_kept(tmp_path: Path):
    name = "show.exponav.db"
    dead = tmp_path / f".{name}.{_dead_pid()}.0123abcd.tmp"
    dead_journal = Path(f"{dead}-journal")
    alive = tmp_path / f".{name}.{os.getpid()}.89abcdef.tmp"
    legacy_old = tmp_path / f"{name}k2j4h5g6.tmp"
    legacy_new = tmp_path / f"{name}a1b2c3d4.tmp"
    other = tmp_path / f".other.db.{_dead_pid()}.0123abcd.tmp"
    unrelated = tmp_path / "notes.tmp"
    for p in (dead, dead_journal, alive, legacy_old, legacy_new, other, unrelated):
        p.write_bytes(b"x")
    old = time.time() - ORPHAN_AGE_S - 5
    os.utime(legacy_old, (old, old))
    os.utime(unrelated, (old, old))
    removed = clean_orphans(tmp_path, name)
    assert sorted(p.name for p in removed) == sorted([dead.name, dead_journal.name,
                                                      legacy_old.name])
    assert alive.exists() and legacy_new.exists() and other.exists() and unrelated.exists()


def test_an_old_file_of_a_live_pid_is_removed_after_an_hour(tmp_path: Path):
    name = "show.exponav.db"
    reused = tmp_path / f".{name}.{os.getpid()}.0123abcd.tmp"
    reused.write_bytes(b"x")
    assert clean_orphans(tmp_path, name) == []
    assert clean_orphans(tmp_path, name, now=time.time() + 2 * 3600) == [reused]


def test_cleaning_a_missing_folder_raises_nothing(tmp_path: Path):
    assert clean_orphans(tmp_path / "missing", "x.db") == []
