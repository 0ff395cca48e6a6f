"""Copies of a layout outside its own folders: the recovery copy an editor keeps of its
unsaved edits, a saved copy in another folder, and the floor plans exported.

A recovery copy is one JSON file in the user's state folder, named for the venue and
show folders it belongs to, holding the files a save would change, whole::

    {"format": 1, "venue": "/abs/venue", "show": "/abs/show",
     "saved_at": "2026-12-01T12:00:00+00:00",
     "files": {"venue/H2-1F.geojson": "...", "show/exhibitors.csv": "..."}}

It is written atomically (a crash while writing leaves the previous copy), removed when
the layout is saved or its edits are discarded, so one that is found when the same
venue and show are opened again was left by a session that ended without either.
:func:`restore` makes the layout it holds: the folders copied aside, its files laid
over them, loaded, then pointed back at the folders it came from with nothing known to
be saved there.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> p = recovery_path(folder / "venue", folder / "show", folder)
>>> p.parent == folder and p.suffix == ".json"
True
>>> read_recovery(p) is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.io.atomic import write_text
from exponav.core.layout.geojson import render_level
from exponav.core.layout.saving import JOURNAL, STAGED, commit, layout_writes

if TYPE_CHECKING:
    from exponav.core.layout.layout import Layout

__all__ = ["Recovery", "export_floor_plans", "read_recovery", "recovery_dir",
           "recovery_path", "restore", "save_copy", "write_recovery"]

FORMAT = 1


def recovery_dir() -> Path:
    """Where recovery copies are kept: the user's state folder."""
    return Path(platformdirs.user_state_dir(paths.APP, appauthor=False)) / "recovery"


def recovery_path(venue_dir: Path, show_dir: Path, folder: Path | None = None) -> Path:
    """The recovery copy's file for a venue and show folder (in ``folder``, by default
    :func:`recovery_dir`)."""
    key = f"{Path(venue_dir).resolve()}\n{Path(show_dir).resolve()}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return (folder or recovery_dir()) / f"layout-{digest}.json"


@dataclass(frozen=True)
class Recovery:
    """A recovery copy as read back."""

    path: Path
    venue_dir: Path
    show_dir: Path
    saved_at: datetime
    files: dict[str, str]  # "venue/<name>" or "show/<name>" -> the file's text


def _folders(layout: Layout) -> tuple[Path, Path]:
    if layout.venue_dir is None or layout.show_dir is None:
        raise DataError("this layout was not loaded from folders; open a venue and a show "
                        "folder first.")
    return layout.venue_dir, layout.show_dir


def write_recovery(layout: Layout, path: Path, now: datetime | None = None) -> int:
    """Write the layout's recovery copy to ``path`` (atomically); the number of files it
    holds (0 when the layout is as its folders hold it, and no copy is written)."""
    vdir, sdir = _folders(layout)
    writes = layout_writes(layout, vdir, sdir)
    if not writes:
        path.unlink(missing_ok=True)
        return 0
    files = {}
    for target, data in writes.items():
        side = "venue" if target.parent == vdir else "show"
        files[f"{side}/{target.name}"] = data.decode("utf-8")
    doc = {"format": FORMAT, "venue": str(vdir.resolve()), "show": str(sdir.resolve()),
           "saved_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
           "files": files}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(doc, ensure_ascii=False), "recovery copy")
    return len(files)


def read_recovery(path: Path) -> Recovery | None:
    """The recovery copy in ``path``, or None when there is none; DataError when the
    file is there but is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: the recovery copy cannot be read ({e}).") from None
    try:
        doc = json.loads(text)
        if doc.get("format") != FORMAT:
            raise ValueError("format")
        files = doc["files"]
        if not isinstance(files, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k.split("/")[0] in
                ("venue", "show") and "/" not in k.split("/", 1)[1] for k, v in files.items()):
            raise ValueError("files")
        return Recovery(path, Path(doc["venue"]), Path(doc["show"]),
                        datetime.fromisoformat(doc["saved_at"]), files)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise DataError(f"{path}: this is not a recovery copy ExpoNav can read; discard "
                        "it.") from None


def _copy_tree(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(
        "*" + STAGED, JOURNAL, JOURNAL + ".tmp", ".*.tmp"))


def restore(recovery: Recovery, work: Path) -> Layout:
    """The layout the recovery copy holds, its own folders the ones it was made from
    (``work``, an empty folder, receives the copy it is loaded from)."""
    from exponav.core.layout.layout import Layout

    for folder in (recovery.venue_dir, recovery.show_dir):
        if not folder.is_dir():
            raise DataError(f"{recovery.path}: the folder it was made from, {folder}, is "
                            "gone.")
    vdir, sdir = work / "venue", work / "show"
    _copy_tree(recovery.venue_dir, vdir)
    _copy_tree(recovery.show_dir, sdir)
    for name, text in recovery.files.items():
        side, file = name.split("/", 1)
        (vdir if side == "venue" else sdir).joinpath(file).write_text(
            text, encoding="utf-8", newline="")
    layout = Layout.load(vdir, sdir)
    layout.rebase(recovery.venue_dir, recovery.show_dir)
    return layout


def save_copy(layout: Layout, dest: Path) -> tuple[Path, Path]:
    """Save the layout as a copy in folder ``dest`` (new, or empty): the venue and show
    folders whole, with the layout's edits, as ``dest/<venue folder's name>`` and
    ``dest/<show folder's name>``; all of it or nothing. The layout's own folders and
    what it knows of them are left alone. Returns the two folders."""
    vdir, sdir = _folders(layout)
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise DataError(f"{dest}: a copy goes into a new or an empty folder.")
    if not dest.parent.is_dir():
        raise DataError(f"{dest.parent}: there is no such folder.")
    vname = vdir.name
    sname = sdir.name if sdir.name != vname else f"{sdir.name}-show"
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".exponav-copy",
                                        dir=dest.parent))
    except OSError as e:
        raise DataError(f"{dest.parent}: cannot be written ({e.strerror or e}); nothing "
                        "was saved.") from None
    try:
        _copy_tree(vdir, staging / vname)
        _copy_tree(sdir, staging / sname)
        commit(layout_writes(layout, staging / vname, staging / sname), staging / vname)
        if dest.exists():
            dest.rmdir()
        os.replace(staging, dest)
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise DataError(f"{e.filename or dest}: cannot be written ({e.strerror or e}); "
                        "nothing was saved.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return dest / vname, dest / sname


def export_floor_plans(layout: Layout, dest: Path) -> list[Path]:
    """Write every level's floor-plan GeoJSON, as the layout holds it (the venue's own
    format, in metres), into folder ``dest`` (made if missing), all files or none;
    returns them. Files of the same names there are replaced."""
    vdir, _ = _folders(layout)
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise DataError(f"{dest} is not a folder; name a folder for the floor plans.")
    if not dest.parent.is_dir():
        raise DataError(f"{dest.parent}: there is no such folder.")
    if dest.resolve() == vdir.resolve():
        raise DataError(f"{dest} is the venue's own folder; save the layout instead.")
    dest.mkdir(exist_ok=True)
    writes = {}
    for level in layout.venue.levels.values():
        source = vdir / level.file
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DataError(f"{source}: cannot be read ({e}).") from None
        writes[dest / Path(level.file).name] = render_level(
            text, layout.venue.plans[level.id], source.name).encode("utf-8")
    commit(writes, dest)
    return list(writes)
