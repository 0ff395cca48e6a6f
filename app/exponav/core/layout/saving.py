"""Saving a layout: the files it changed, every one of them or none, even when the
process is killed half way.

What is written: each level's GeoJSON (see :mod:`~exponav.core.layout.geojson`: unchanged
features byte for byte), ``venue.json`` when a connector end moved (its other values as
they were), the show's ``exhibitors.csv`` (only the ``booths`` of exhibitors whose booths
changed) and ``booth_status.csv``. Only files whose bytes change are written.

How several files land together (a journal, rolled forward):

1. every new file is written beside its target as ``<name>.exponav-staged`` and flushed
   to disk;
2. a journal listing them is written as ``.exponav-save.json.tmp``, flushed, and renamed
   to ``.exponav-save.json`` in the venue folder: this rename is the commit;
3. each staged file is renamed over its target, then the journal is removed.

:func:`recover`, which every load of a layout runs first, finishes a save that has a
journal (renaming what is still staged) and deletes what an uncommitted save left
(staged files, a journal still ``.tmp``): killed before the commit, the save never
happened; killed after it, it is completed. One save at a time per venue folder (a lock
on the folder, where the system has one).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.core.errors import DataError
from exponav.core.layout.geojson import render_level
from exponav.core.layout.showfiles import (
    EXHIBITORS_FILE,
    STATUS_FILE,
    read_statuses,
    render_exhibitors,
    render_statuses,
)

if TYPE_CHECKING:
    from exponav.core.layout.layout import Layout

__all__ = ["JOURNAL", "STAGED", "commit", "layout_writes", "recover", "save_layout"]

JOURNAL = ".exponav-save.json"
STAGED = ".exponav-staged"

try:  # POSIX: an advisory lock on the venue folder itself, gone when the process is
    import fcntl
except ImportError:  # pragma: no cover - Windows: one writer is the user's business
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist; a layout is saved over its "
                        "own files.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None


def commit(writes: Mapping[Path, bytes], journal_dir: Path) -> None:
    """Replace every file in ``writes`` with its bytes, all or none (see the module)."""
    if not writes:
        return
    with _locked(journal_dir):
        _recover(journal_dir, {p.parent for p in writes})
        entries = []
        pending = journal_dir / (JOURNAL + ".tmp")
        try:
            for path, data in writes.items():
                staged = path.with_name(path.name + STAGED)
                entries.append({"target": os.path.relpath(path, journal_dir),
                                "staged": os.path.relpath(staged, journal_dir),
                                "sha256": hashlib.sha256(data).hexdigest()})
                _write(staged, data)
            for folder in {p.parent for p in writes}:
                _fsync_dir(folder)
            _write(pending, json.dumps({"files": entries}, indent=1).encode())
            os.replace(pending, journal_dir / JOURNAL)  # the commit
        except OSError as e:  # not committed: nothing changed, nothing left behind
            for entry in entries:
                (journal_dir / entry["staged"]).unlink(missing_ok=True)
            pending.unlink(missing_ok=True)
            raise DataError(f"{e.filename or journal_dir}: cannot be written ({e.strerror or e});"
                            " nothing was saved.") from None
        _fsync_dir(journal_dir)
        try:
            _roll_forward(journal_dir, entries)
        except OSError as e:
            raise DataError(f"{e.filename or journal_dir}: cannot be replaced ({e.strerror or e});"
                            " the save is finished the next time the layout is loaded.") from None


def _roll_forward(journal_dir: Path, entries: list[dict[str, str]]) -> None:
    folders = set()
    for e in entries:
        staged, target = journal_dir / e["staged"], journal_dir / e["target"]
        if staged.exists():
            os.replace(staged, target)
        elif not target.is_file() or hashlib.sha256(target.read_bytes()).hexdigest() != e[
                "sha256"]:
            raise DataError(f"{journal_dir / JOURNAL}: {target.name} was changed while a save "
                            "was being finished; check it by hand.")
        folders.add(target.parent)
    for folder in folders:
        _fsync_dir(folder)
    (journal_dir / JOURNAL).unlink()
    _fsync_dir(journal_dir)


def _recover(journal_dir: Path, folders: set[Path]) -> None:
    journal = journal_dir / JOURNAL
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))["files"]
            if not all({"target", "staged", "sha256"} <= set(e) for e in entries):
                raise ValueError
        except (OSError, ValueError, KeyError, TypeError):
            raise DataError(f"{journal}: an interrupted save left a journal that cannot be "
                            "read; move it away and check the plan files.") from None
        _roll_forward(journal_dir, entries)
    for folder in {journal_dir, *folders}:
        for leftover in [*folder.glob("*" + STAGED), folder / (JOURNAL + ".tmp")]:
            leftover.unlink(missing_ok=True)


def recover(venue_dir: Path, show_dir: Path | None = None) -> None:
    """Finish or undo a save that was interrupted in these folders (nothing when none)."""
    folders = {venue_dir} | ({show_dir} if show_dir is not None else set())
    if not (venue_dir / JOURNAL).exists() and not any(
            any(f.glob("*" + STAGED)) or (f / (JOURNAL + ".tmp")).exists() for f in folders):
        return
    with _locked(venue_dir):
        _recover(venue_dir, folders)


def _venue_json(text: str, layout: Layout, where: Path) -> str:
    """venue.json with the connectors' ends as the layout holds them."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"{where}, line {e.lineno}: not valid JSON ({e.msg}).") from None
    current = {c.id: c for c in layout.venue.connectors}
    changed = False
    for entry in doc.get("connectors", []):
        conn = current.get(str(entry.get("id")))
        if conn is None or len(entry.get("ends", [])) != len(conn.ends):
            continue
        for raw, end in zip(entry["ends"], conn.ends, strict=True):
            if (raw.get("level"), _num(raw.get("x")), _num(raw.get("y"))) != (
                    end.level, end.x, end.y):
                raw["level"], raw["x"], raw["y"] = end.level, end.x, end.y
                changed = True
    if not changed:
        return text
    second = text.split("\n", 2)[1] if text.count("\n") > 1 else ""
    indent = len(second) - len(second.lstrip(" ")) or None
    out = json.dumps(doc, ensure_ascii=False, indent=indent)
    return out + ("\n" if text.endswith("\n") else "")


def _num(v: Any) -> Any:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v


def save_layout(layout: Layout, venue_dir: Path, show_dir: Path,
                saved: Mapping[str, Any] | None = None) -> list[Path]:
    """Write what changed in ``layout`` to these folders (see the module); the files
    written, in order. ``saved`` (the plans, connectors and exhibitors as the files hold
    them) spares reading files whose objects did not change."""
    recover(venue_dir, show_dir)
    writes = layout_writes(layout, venue_dir, show_dir, saved)
    commit(writes, venue_dir)
    return list(writes)


def layout_writes(layout: Layout, venue_dir: Path, show_dir: Path,
                  saved: Mapping[str, Any] | None = None) -> dict[Path, bytes]:
    """The files of these folders whose bytes the layout changes, with their new bytes
    (nothing is written)."""
    writes: dict[Path, bytes] = {}
    for level in layout.venue.levels.values():
        if saved is not None and saved["plans"].get(level.id) is layout.venue.plans[level.id]:
            continue
        path = venue_dir / level.file
        text = _text(path)
        new = render_level(text, layout.venue.plans[level.id], path.name)
        if new != text:
            writes[path] = new.encode("utf-8")
    path = venue_dir / "venue.json"
    if saved is None or saved["connectors"] is not layout.venue.connectors:
        text = _text(path)
        new = _venue_json(text, layout, path)
        if new != text:
            writes[path] = new.encode("utf-8")
    path = show_dir / EXHIBITORS_FILE
    exhibitors = layout.show.exhibitors
    if saved is None or saved["exhibitors"].keys() != exhibitors.keys() or any(
            saved["exhibitors"][k] is not v for k, v in exhibitors.items()):
        text = _text(path)
        new = render_exhibitors(text, exhibitors, str(path))
        if new != text:
            writes[path] = new.encode("utf-8")
    path = show_dir / STATUS_FILE
    if read_statuses(show_dir) != layout.statuses:
        writes[path] = render_statuses(layout.statuses).encode("utf-8")
    return writes
