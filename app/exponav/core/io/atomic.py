"""Atomic writes: a file is replaced whole or not at all, and only a regular file is replaced.

Every writer of ExpoNav's own files goes through here: the new content goes to a
temporary file in the target's folder (same file system, so the rename is atomic), is
flushed to the disk, and only then renamed over the target. A failure at any point
removes the temporary file and leaves the target as it was. A target that is a folder,
a device, a pipe or a symbolic link is refused by name rather than replaced.

Temporary files are named ``.<target>.<pid>.<random>.tmp``, so that one left behind by a
killed writer can be told from one a running writer still needs
(:func:`clean_orphans`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text(folder / "plan.geojson", "{}")
>>> (folder / "plan.geojson").read_text(), sorted(p.name for p in folder.iterdir())
('{}', ['plan.geojson'])
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from exponav.core.errors import DataError, os_reason

__all__ = ["ORPHAN_AGE_S", "atomic_path", "check_target", "clean_orphans", "write_bytes",
           "write_text"]

#: A temporary file without a live writer is left alone for this long (seconds), in case
#: its writer runs somewhere its pid cannot be checked.
ORPHAN_AGE_S = 60.0
#: A temporary file whose writer's pid is alive is still removed after this long: the
#: pid has been reused by another process.
_STALE_PID_AGE_S = 3600.0

_SIDE_FILES = ("", "-journal", "-wal", "-shm")  # SQLite writes these beside its file


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: Path | str, what: str = "file") -> Path:
    """``path`` as a :class:`Path` if a regular file may be written there, else a
    :class:`DataError` naming what is in the way.

    The target may be missing (it is created) or a regular file (it is replaced); its
    folder must exist. Anything else, a symbolic link included, is refused.

    >>> check_target("/dev/null")
    Traceback (most recent call last):
    ...
    exponav.core.errors.DataError: /dev/null is a device, not a file; name a file to write.
    """
    target = Path(path)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise DataError(f"{target}: cannot write the {what} here ({os_reason(e)}).") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise DataError(f"{target} is a symbolic link; name the {what} itself, not a link "
                            "to it.")
        if not stat.S_ISREG(st.st_mode):
            raise DataError(f"{target} is {_kind(st.st_mode)}, not a {what}; name a {what} "
                            "to write.")
    folder = target.parent
    try:
        fst = os.stat(folder)
    except FileNotFoundError:
        raise DataError(f"{target}: the folder {folder} does not exist; create it first or "
                        f"choose another place for the {what}.") from None
    except OSError as e:
        raise DataError(f"{target}: cannot write the {what} in {folder} ({os_reason(e)}).") \
            from None
    if not stat.S_ISDIR(fst.st_mode):
        raise DataError(f"{target}: {folder} is not a folder.")
    return target


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # folders cannot be opened for fsync there
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(tmp: Path) -> None:
    for side in _SIDE_FILES:
        with contextlib.suppress(OSError):
            os.unlink(f"{tmp}{side}")


@contextlib.contextmanager
def atomic_path(path: Path | str, what: str = "file", *, mode: int | None = None,
                verify: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; on leaving the block it replaces ``path``.

    The yielded path exists, empty; the caller writes the whole new file there (with
    any library that takes a file name). On a normal exit the file is flushed to the disk, checked by
    ``verify`` (which raises to refuse it), given ``mode`` if set, and renamed over
    ``path``; on an exception it is removed and ``path`` is untouched. OS errors become
    a :class:`DataError` saying what went wrong and where.
    """
    target = check_target(path, what)
    tmp = _temporary_name(target)
    try:  # created here, so that a folder that takes no new file says so before any work
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as e:
        raise DataError(f"{target}: cannot write the {what} in {target.parent} "
                        f"({os_reason(e)}).") from None
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)  # a full disk may only tell now
        finally:
            os.close(fd)
        if verify is not None:
            verify(tmp)
        if mode is not None:
            os.chmod(tmp, mode)
        check_target(target, what)  # nothing may have taken its place meanwhile
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as e:
        _remove(tmp)
        raise DataError(f"{target}: cannot write the {what} ({os_reason(e)}).") from None
    except BaseException:
        _remove(tmp)
        raise
    finally:
        _remove(tmp)  # SQLite's side files, and the file itself if the rename failed


def write_bytes(path: Path | str, data: bytes, what: str = "file", *,
                mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_path`)."""
    with atomic_path(path, what, mode=mode) as tmp, open(tmp, "wb") as f:
        f.write(data)


def write_text(path: Path | str, text: str, what: str = "file", *, encoding: str = "utf-8",
               mode: int | None = None) -> None:
    """Replace ``path`` with ``text`` atomically (see :func:`atomic_path`)."""
    write_bytes(path, text.encode(encoding), what, mode=mode)


_OURS = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp(?:-journal|-wal|-shm)?$")


def _writer_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs; None where that cannot be asked safely."""
    if sys.platform == "win32":  # os.kill there would end the process
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return None
    return True


def clean_orphans(folder: Path | str, name: str, *, now: float | None = None) -> list[Path]:
    """Remove temporary files that killed writers of ``folder/name`` left behind.

    A file of :func:`atomic_path` is removed when its writer's pid is not running (or
    after an hour, when the pid was reused); one whose writer cannot be checked, and
    the ``<name>XXXXXXXX.tmp`` files of older versions, once untouched for a minute. A
    writer at work is never disturbed. Returns what was removed; errors (a read-only
    folder) remove nothing and raise nothing.
    """
    folder = Path(folder)
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    legacy = re.compile(re.escape(name) + r"[A-Za-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?$")
    for entry in entries:
        m = _OURS.match(entry.name)
        if m is not None and m.group("name") != name:
            continue
        if m is None and not legacy.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        age = now - st.st_mtime
        alive = _writer_alive(int(m.group("pid"))) if m is not None else None
        if alive is False or (alive is None and age > ORPHAN_AGE_S) or age > _STALE_PID_AGE_S:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
