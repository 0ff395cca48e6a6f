"""A kiosk's data file updates: copy a new version in, verify it, swap it at a reset, roll back.

A kiosk set to watch an update folder (``exponav kiosk set updates DIR``: a share or a USB
drive that ``exponav publish`` wrote to) keeps its own copies in :func:`store_dir` (the
kiosk's data folder under the cache), with ``state.json`` saying which file it runs::

    {"current":  {"file": "…", "version": "…", "sha256": "…", "show": "scse2025"},
     "previous": {…},      kept for `exponav kiosk rollback`
     "staged":   {…},      verified, waiting for the next idle reset
     "rolled_back": ["…"], versions staff rolled back from: never taken again
     "refused": {"<manifest>": {"key": "…", "reason": "…"}}}

:func:`check_updates` (every minute, in the background) finds the newest version of the
running show in the update folder that is newer than the running one, copies it beside
the current one and verifies the copy: its size and SHA-256 against the manifest, SQLite's
``quick_check``, that it holds the same show (and the kiosk), a schema this program reads,
and a selftest (it opens with the Navigator and answers a search, a booth lookup and a
route). Only then is it renamed into place and recorded as ``staged``.
:func:`take_staged` (at the idle reset) makes it current and the current one previous;
:func:`rollback` goes back. Every change of ``state.json`` is one atomic rename, and a
copy is only renamed into place once verified, so a kiosk killed at any moment restarts
on a complete, verified file (:func:`running_file` checks its SHA-256 again). A file that
is refused is reported once, and not copied again until it changes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exponav.core import paths
from exponav.core.errors import DataError, ExpoNavError, os_reason
from exponav.core.exchange.publish import (
    SHOW_ID,
    VERSION,
    Manifest,
    clean_folder,
    file_sha256,
    published,
)
from exponav.core.io.atomic import atomic_path, write_text
from exponav.core.io.datafile import SCHEMA_VERSION
from exponav.core.navigator import Navigator

try:
    import fcntl
except ImportError:  # Windows: one kiosk process per machine, the thread lock suffices
    fcntl = None  # type: ignore[assignment]

__all__ = ["Entry", "FleetState", "Report", "check_updates", "load_state", "rollback",
           "running_file", "save_state", "selftest", "store_dir", "switch_to", "take_staged",
           "verify_copy"]

STATE = "state.json"
_LOCK = threading.Lock()


def store_dir() -> Path:
    """The kiosk's own data folder: ``cache_dir()/kiosk-data``."""
    return paths.cache_dir() / "kiosk-data"


@dataclass(frozen=True)
class Entry:
    """One verified data file in the store."""

    file: str
    version: str
    sha256: str
    show: str


@dataclass
class FleetState:
    current: Entry | None = None
    previous: Entry | None = None
    staged: Entry | None = None
    rolled_back: list[str] = field(default_factory=list)
    refused: dict[str, dict[str, str]] = field(default_factory=dict)

    def entries(self) -> list[Entry]:
        return [e for e in (self.current, self.previous, self.staged) if e is not None]


@dataclass(frozen=True)
class Report:
    """One thing a check did, for the kiosk's log: ``staged``, ``refused`` or ``older``
    (each once), ``unreadable`` (the folder) or ``failed`` (the kiosk's own folder)."""

    kind: str
    version: str
    message: str


class Refused(ExpoNavError):
    """Why a new data file may not replace the running one (one sentence)."""


# -- the state ------------------------------------------------------------------------------

def _entry(value: Any) -> Entry | None:
    if value is None:
        return None
    entry = Entry(**{k: str(value[k]) for k in ("file", "version", "sha256", "show")})
    if not VERSION.fullmatch(entry.version) or not SHOW_ID.fullmatch(entry.show) \
            or entry.file != f"{entry.show}-{entry.version}.exponav.db":
        raise ValueError(entry.file)
    return entry


def load_state(store: Path) -> FleetState:
    """The store's state; an empty one when there is none yet. A damaged state file
    (which only a failing disk makes) is a :class:`DataError`."""
    path = Path(store) / STATE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return FleetState()
    except OSError as e:
        raise DataError(f"{path}: the kiosk's update state cannot be read "
                        f"({os_reason(e)}).") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError(f"{path}: the kiosk's update state is damaged; remove it and set the "
                        "data file again.") from None
    try:
        return FleetState(current=_entry(raw.get("current")),
                          previous=_entry(raw.get("previous")),
                          staged=_entry(raw.get("staged")),
                          rolled_back=[str(v) for v in raw.get("rolled_back", [])],
                          refused={str(k): {"key": str(v["key"]), "reason": str(v["reason"])}
                                   for k, v in raw.get("refused", {}).items()})
    except (AttributeError, KeyError, TypeError, ValueError):
        raise DataError(f"{path}: the kiosk's update state is of the wrong form; remove it "
                        "and set the data file again.") from None


def save_state(store: Path, state: FleetState, *, dropped: tuple[Entry | None, ...] = (),
               prune: bool = False) -> None:
    """Write the state in one atomic rename, then remove the files of ``dropped`` entries
    it no longer names (with ``prune``: every file it does not name, and what killed
    copies left; only the check prunes, since only it copies files in)."""
    store = Path(store)
    write_text(store / STATE, json.dumps(asdict(state), indent=1) + "\n",
               "kiosk update state", mode=0o644)
    keep = {e.file for e in state.entries()}
    for entry in dropped:
        if entry is not None and entry.file not in keep:
            with contextlib.suppress(OSError):
                os.unlink(store / entry.file)
    if prune:
        _prune(store, state)


def _prune(store: Path, state: FleetState) -> None:
    keep = {e.file for e in state.entries()}
    with contextlib.suppress(OSError):
        for entry in os.scandir(store):
            if entry.name.endswith(".exponav.db") and entry.name not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    clean_folder(store)


@contextlib.contextmanager
def _locked(store: Path) -> Iterator[None]:
    """One changer of the state at a time: threads here, and processes (the kiosk and
    ``exponav kiosk rollback``) where the platform can lock a file."""
    with _LOCK:
        if fcntl is None:
            yield
            return
        try:
            fd = os.open(Path(store) / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise DataError(f"{store}: the kiosk's data folder cannot be written "
                            f"({os_reason(e)}).") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def _make_store(store: Path) -> None:
    try:
        store.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DataError(f"{store}: cannot make the kiosk's data folder ({os_reason(e)}).") \
            from None


# -- verifying ------------------------------------------------------------------------------

def _read_only(path: Path) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(Path(path).resolve().as_posix(), safe="/:") + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def selftest(path: Path, kiosk_id: str | None = None) -> None:
    """Open ``path`` with the Navigator and ask it a search, a booth lookup and a route
    (from the kiosk, when given); :class:`Refused` saying what failed."""
    try:
        nav = Navigator.open(path)
    except ExpoNavError as e:
        raise Refused(f"it does not open ({str(e).rstrip('.')})") from None
    try:
        owned = [ex for ex in nav.show.exhibitors.values() if ex.booths]
        if not owned:
            raise Refused("it holds no exhibitor with a booth")
        ex = owned[0]
        if not any(hit.id == ex.id for hit in nav.search(ex.name, limit=20)):
            raise Refused(f"a search for {ex.name!r} does not find it")
        booth = nav.booth(ex.booths[0])
        if kiosk_id is not None:
            known = {k.id.upper(): k.id for k in nav.kiosks()}
            if kiosk_id.upper() not in known:
                raise Refused(f"it has no kiosk {kiosk_id!r}")
            origin = known[kiosk_id.upper()]
        else:
            others = [b.code for b in nav.venue.booths() if b.code != booth.code]
            if not others:
                raise Refused("it has a single booth, so no route to try")
            origin = others[0]
        route = nav.route(origin, booth.code)
        if not route.length_m > 0:
            raise Refused(f"the route from {origin} to {booth.code} has no length")
    except Refused:
        raise
    except Exception as e:  # noqa: BLE001 - whatever breaks, the file is refused
        raise Refused(f"the selftest failed ({type(e).__name__}: {str(e).rstrip('.')})") \
            from None
    finally:
        nav.close()


def verify_copy(path: Path, manifest: Manifest, show: str, kiosk_id: str | None = None,
                *, run_selftest: bool = True) -> None:
    """Everything a copy must be before a kiosk may run it (see the module docstring);
    :class:`Refused` with the reason."""
    size = path.stat().st_size
    if size != manifest.size:
        raise Refused(f"it is {size:,} bytes and its manifest says {manifest.size:,} (a copy "
                      "not finished, or a damaged one)")
    digest = file_sha256(path)
    if digest != manifest.sha256:
        raise Refused(f"its SHA-256 {digest[:12]}… does not match its manifest's "
                      f"{manifest.sha256[:12]}… (a copy not finished, or a damaged one)")
    try:
        conn = _read_only(path)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            row = conn.execute("SELECT value FROM meta WHERE key = 'show'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise Refused(f"SQLite cannot read it ({e})") from None
    if check != "ok":
        raise Refused(f"SQLite's quick_check finds it damaged ({check})")
    if schema > SCHEMA_VERSION:
        raise Refused(f"it was made by a newer ExpoNav (schema {schema}; this one reads "
                      f"schema {SCHEMA_VERSION}); update this kiosk's program first")
    if schema < SCHEMA_VERSION:
        raise Refused(f"it has the older schema {schema} (this ExpoNav reads schema "
                      f"{SCHEMA_VERSION}); publish it again")
    try:
        held = json.loads(row[0])["id"] if row else None
    except (ValueError, KeyError, TypeError):
        held = None
    if held != show:
        raise Refused(f"it holds the show {held!r}, and this kiosk runs {show!r}")
    if run_selftest:
        selftest(path, kiosk_id)


# -- checking the update folder -------------------------------------------------------------

def _source_key(folder: Path, manifest_path: Path, manifest: Manifest | None) -> str:
    """What a refused file was: it is tried again once this changes."""
    parts = []
    for p in (manifest_path, folder / manifest.file if manifest else None):
        if p is None:
            continue
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return "/".join(parts)


def _newer(version: str, state: FleetState) -> bool:
    floor = [e.version for e in (state.current, state.staged) if e] + state.rolled_back
    return not floor or version > max(floor)


def check_updates(updates: Path, store: Path | None = None, *, show: str,
                  kiosk_id: str | None = None, run_selftest: bool = True) -> list[Report]:
    """Look in ``updates`` for a newer version of ``show``; copy, verify and stage it.

    Returns what it did or refused, for the kiosk's log (each refusal once); raises
    nothing for what is in the folder, a :class:`DataError` only when the kiosk's own
    data folder cannot be written.
    """
    updates = Path(updates)
    store = Path(store) if store is not None else store_dir()
    _make_store(store)
    try:
        found = published(updates, show)
    except DataError as e:
        return [Report("unreadable", "", str(e))]
    with _locked(store):
        state = load_state(store)
    reports: list[Report] = []
    memo: dict[str, dict[str, str]] = {}

    def refuse(path: Path, manifest: Manifest | None, version: str, reason: str,
               kind: str = "refused") -> None:
        key = _source_key(updates, path, manifest)
        memo[path.name] = {"key": key, "reason": reason}
        if state.refused.get(path.name, {}).get("key") != key:
            reports.append(Report(kind, version, f"{path}: not taken: {reason}."))

    newest = max((m.version for _, m in found if isinstance(m, Manifest)), default=None)
    running = state.current.version if state.current else None
    if newest is not None and running is not None and newest < running:
        path = next(p for p, m in found if isinstance(m, Manifest) and m.version == newest)
        refuse(path, None, newest, f"version {newest} is older than the running {running}",
               "older")
    staged = None
    for path, manifest in reversed(found):
        if isinstance(manifest, DataError):
            refuse(path, None, "", str(manifest).removeprefix(f"{path}: ").rstrip("."))
            continue
        if not _newer(manifest.version, state):
            break
        if manifest.schema_version > SCHEMA_VERSION:
            refuse(path, manifest, manifest.version,
                   f"it was made by a newer ExpoNav (schema {manifest.schema_version}; this "
                   f"one reads schema {SCHEMA_VERSION}); update this kiosk's program first")
            continue
        if state.refused.get(path.name, {}).get("key") == _source_key(updates, path, manifest):
            memo[path.name] = state.refused[path.name]
            continue
        try:
            staged = _copy_in(updates, store, manifest, show, kiosk_id, run_selftest)
        except Refused as e:
            refuse(path, manifest, manifest.version, str(e).rstrip("."))
            continue
        except DataError as e:  # the kiosk's own folder (full, read-only): try next time
            reports.append(Report("failed", manifest.version,
                                  f"version {manifest.version} is not taken yet: {e}"))
            break
        reports.append(Report("staged", manifest.version,
                              f"version {manifest.version} from {updates} is verified and "
                              "will be put in at the next idle reset."))
        break
    with _locked(store):
        state = load_state(store)
        if staged is not None and _newer(staged.version, state):
            state.staged = staged
        state.refused = memo
        save_state(store, state, prune=True)
    return reports


def _copy_in(updates: Path, store: Path, manifest: Manifest, show: str,
             kiosk_id: str | None, run_selftest: bool) -> Entry:
    source = updates / manifest.file
    try:
        size = source.stat().st_size
    except OSError as e:
        raise Refused(f"its data file {manifest.file} cannot be read ({os_reason(e)})") \
            from None
    if size != manifest.size:
        raise Refused(f"its data file is {size:,} bytes and the manifest says "
                      f"{manifest.size:,} (a copy not finished, or a damaged one)")
    target = store / manifest.file

    def verify(tmp: Path) -> None:
        verify_copy(tmp, manifest, show, kiosk_id, run_selftest=run_selftest)

    with atomic_path(target, "kiosk data file", mode=0o644, verify=verify) as tmp:
        try:
            shutil.copyfile(source, tmp)
        except OSError as e:  # a drive pulled out, a full disk: not the file's fault
            raise DataError(f"{source} cannot be copied to {store} ({os_reason(e)})") \
                from None
    return Entry(file=manifest.file, version=manifest.version, sha256=manifest.sha256,
                 show=show)


# -- the swap, at the idle reset, and back --------------------------------------------------

def _whole(store: Path, entry: Entry | None) -> bool:
    if entry is None:
        return False
    try:
        return file_sha256(store / entry.file) == entry.sha256
    except OSError:
        return False


def take_staged(store: Path | None = None) -> Entry | None:
    """At the idle reset: the staged version becomes current (the current one previous);
    returns the new current entry, or None when nothing was staged."""
    store = Path(store) if store is not None else store_dir()
    if not (store / STATE).is_file():
        return None
    with _locked(store):
        state = load_state(store)
        if state.staged is None:
            return None
        if not _whole(store, state.staged):
            dropped, state.staged = state.staged, None
            save_state(store, state, dropped=(dropped,))
            return None
        dropped = state.previous
        if state.current is not None and state.current.file != state.staged.file:
            state.previous = state.current
        state.current, state.staged = state.staged, None
        save_state(store, state, dropped=(dropped,))
        return state.current


def running_file(store: Path | None = None) -> tuple[Path | None, list[str]]:
    """The file the kiosk should run: the current one when it is whole, else the previous;
    None when the store has neither. Also what went wrong, for the log."""
    store = Path(store) if store is not None else store_dir()
    if not (store / STATE).is_file():
        return None, []
    problems: list[str] = []
    try:
        state = load_state(store)
    except DataError as e:
        return None, [str(e)]
    for entry in (state.current, state.previous):
        if entry is None:
            continue
        if _whole(store, entry):
            return store / entry.file, problems
        problems.append(f"{store / entry.file}: the file is missing or no longer matches "
                        "its SHA-256; it is not used.")
    return None, problems


def switch_to(running: Path | None, store: Path | None = None
              ) -> tuple[Path | None, list[str]]:
    """At the idle reset: the file to reopen on, when it is not ``running`` (a version
    just taken, or one staff rolled back to); None to keep running ``running``. Only a
    file to switch to is hashed again, so a reset with nothing new reads no file."""
    store = Path(store) if store is not None else store_dir()
    if not (store / STATE).is_file():
        return None, []
    try:
        state = load_state(store)
    except DataError as e:
        return None, [str(e)]
    if state.current is None or (running is not None and Path(running).resolve()
                                 == (store / state.current.file).resolve()):
        return None, []
    path, problems = running_file(store)
    if path is not None and running is not None and path.resolve() == Path(running).resolve():
        return None, problems
    return path, problems


def rollback(store: Path | None = None) -> tuple[Entry, Entry]:
    """Go back to the previous version (from the next idle reset); returns (from, to).
    The version left is never taken again; a version waiting for the reset is dropped."""
    store = Path(store) if store is not None else store_dir()
    if not (store / STATE).is_file():
        raise DataError(f"{store}: this kiosk has taken no update, so there is nothing to "
                        "roll back to.")
    with _locked(store):
        state = load_state(store)
        if state.current is None or state.previous is None:
            raise DataError(f"{store}: there is no previous version to roll back to.")
        if not _whole(store, state.previous):
            raise DataError(f"{store / state.previous.file}: the previous version is missing "
                            "or damaged; nothing was changed.")
        left, back, waiting = state.current, state.previous, state.staged
        state.rolled_back = sorted({*state.rolled_back, left.version})
        state.current, state.previous, state.staged = back, None, None
        save_state(store, state, dropped=(left, waiting))
    return left, back
