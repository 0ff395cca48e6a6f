"""Publishing: one immutable, versioned data file and its manifest, for a fleet of kiosks.

``exponav publish --out DIR`` builds the data file from the sources
(:func:`~exponav.core.io.datafile.build_data_file`) into a temporary file in ``DIR`` and
renames it, mode 0644, to ``<show>-<version>.exponav.db``; then it writes the manifest
``<show>-<version>.manifest.json`` beside it (atomically too, so a kiosk that sees a
manifest finds a whole data file under it, unless someone copied them by hand)::

    {"format": 1, "show": "scse2025", "venue": "tainex",
     "version": "20261201T104512Z-3f9a0c41d2", "created": "2026-12-01T10:45:12Z",
     "file": "scse2025-20261201T104512Z-3f9a0c41d2.exponav.db", "size": 4165632,
     "sha256": "…", "schema_version": 1, "fingerprint": "…",
     "sources": {"venue/venue.json": "…", "show/exhibitors.csv": "…", …}}

The version is the UTC time of publishing to the second and the first ten hex digits of
the sources' fingerprint. Time first, so versions sort in the order they were made, on
any machine, with no counter to keep anywhere; the fingerprint, so that the version says
which sources it was built from and two publications can never take the same name. A
folder that already holds a later version (a clock set wrong) gets one second after it:
versions in one folder only ever increase. Publishing sources that the latest version was
built from writes nothing and says which version that is. A published file is never
overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import urllib.parse
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from exponav.core import paths
from exponav.core.errors import DataError, os_reason
from exponav.core.io.atomic import atomic_path, clean_orphans, write_text
from exponav.core.io.datafile import SCHEMA_VERSION, build_data_file, source_fingerprint
from exponav.core.io.showcsv import load_show

__all__ = ["MANIFEST_FORMAT", "Manifest", "PublishResult", "clean_folder", "data_name",
           "file_sha256", "manifest_name", "next_version", "publish", "published",
           "read_manifest", "source_hashes"]

MANIFEST_FORMAT = 1
MAX_MANIFEST_BYTES = 1 << 20
VERSION = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{10}")
SHOW_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._]*")  # no "-": it ends the show in a file name
_TIME = "%Y%m%dT%H%M%SZ"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_NAMED = re.compile(r"(?P<show>[A-Za-z0-9][A-Za-z0-9._]*)-(?P<version>\d{8}T\d{6}Z-[0-9a-f]{10})"
                    r"\.(?:exponav\.db|manifest\.json)")
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.\d+\.[0-9a-f]{8}\.tmp(?:-journal|-wal|-shm)?$")


def data_name(show: str, version: str) -> str:
    """The published data file's name.

    >>> data_name("scse2025", "20261201T104512Z-3f9a0c41d2")
    'scse2025-20261201T104512Z-3f9a0c41d2.exponav.db'
    """
    return f"{show}-{version}.exponav.db"


def manifest_name(show: str, version: str) -> str:
    return f"{show}-{version}.manifest.json"


@dataclass(frozen=True)
class Manifest:
    """What a published data file is (see the module docstring)."""

    show: str
    venue: str
    version: str
    created: str
    file: str
    size: int
    sha256: str
    schema_version: int
    fingerprint: str
    sources: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"format": MANIFEST_FORMAT, **asdict(self)}, ensure_ascii=False,
                          indent=1) + "\n"


@dataclass(frozen=True)
class PublishResult:
    manifest: Manifest
    data: Path
    manifest_path: Path
    new: bool  # False: these sources were already published as this version


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def source_hashes(venue_dir: Path, show_dir: Path) -> dict[str, str]:
    """``{"venue/<file>": sha256, "show/<file>": sha256}`` for every source file."""
    hashes: dict[str, str] = {}
    for folder, prefix in ((venue_dir, "venue"), (show_dir, "show")):
        try:
            files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".md")
            for f in files:
                hashes[f"{prefix}/{f.relative_to(folder).as_posix()}"] = file_sha256(f)
        except OSError as e:
            raise DataError(f"{folder}: the sources cannot be read ({os_reason(e)}).") from None
    return hashes


def next_version(now: datetime, fingerprint: str, taken: list[str] = ()) -> str:
    """The version for sources with ``fingerprint`` published at ``now``, later than every
    version in ``taken``.

    >>> next_version(datetime(2026, 12, 1, 10, 45, 12, tzinfo=UTC), "3f9a0c41d2" * 6)
    '20261201T104512Z-3f9a0c41d2'
    >>> next_version(datetime(2026, 12, 1, 10, 45, 12, tzinfo=UTC), "ab" * 32,
    ...              ["20261201T110000Z-3f9a0c41d2"])
    '20261201T110001Z-ababababab'
    """
    at = now.astimezone(UTC).replace(microsecond=0)
    if taken:
        latest = datetime.strptime(max(taken)[:16], _TIME).replace(tzinfo=UTC)
        at = max(at, latest + timedelta(seconds=1))
    return f"{at:{_TIME}}-{fingerprint[:10]}"


def _fail(path: Path, what: str) -> DataError:
    return DataError(f"{path}: {what}.")


def read_manifest(path: Path) -> Manifest:
    """A manifest, checked field by field; a :class:`DataError` naming the file and the
    field for one that is not whole or not of this form."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise _fail(path, f"{size:,} bytes is too big for a manifest")
        raw = path.read_bytes()
    except OSError as e:
        raise _fail(path, f"the manifest cannot be read ({os_reason(e)})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _fail(path, "the manifest is not whole JSON (still being copied, or "
                          "damaged)") from None
    if not isinstance(data, dict):
        raise _fail(path, "the manifest is not a JSON object")
    if data.get("format") != MANIFEST_FORMAT:
        raise _fail(path, f"manifest format {data.get('format')!r}, this ExpoNav reads "
                          f"format {MANIFEST_FORMAT}")
    kinds = {"show": str, "venue": str, "version": str, "created": str, "file": str,
             "size": int, "sha256": str, "schema_version": int, "fingerprint": str,
             "sources": dict}
    for key, kind in kinds.items():
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _fail(path, f"the manifest's {key} is missing or not {kind.__name__}")
    if not SHOW_ID.fullmatch(data["show"]):
        raise _fail(path, f"the manifest's show {data['show'][:40]!r} is not a show id")
    if not VERSION.fullmatch(data["version"]):
        raise _fail(path, f"the manifest's version {data['version'][:40]!r} is not of the "
                          "form 20261201T104512Z-3f9a0c41d2")
    if data["file"] != data_name(data["show"], data["version"]):
        raise _fail(path, f"the manifest names the file {data['file'][:80]!r}, not "
                          f"{data_name(data['show'], data['version'])!r}")
    if not _HEX64.fullmatch(data["sha256"]) or data["size"] < 0:
        raise _fail(path, "the manifest's sha256 or size is not of the right form")
    return Manifest(**{k: data[k] for k in kinds})


def published(folder: Path, show: str | None = None) -> list[tuple[Path, Manifest | DataError]]:
    """The manifests in ``folder`` (of ``show``, when given), oldest version first, each
    read or with the reason it cannot be."""
    found: list[tuple[str, Path, Manifest | DataError]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise DataError(f"{folder}: the folder cannot be read ({os_reason(e)}).") from None
    for entry in entries:
        m = _NAMED.fullmatch(entry.name)
        if m is None or not entry.name.endswith(".manifest.json"):
            continue
        if show is not None and m.group("show") != show:
            continue
        try:
            manifest: Manifest | DataError = read_manifest(Path(entry.path))
        except DataError as e:
            manifest = e
        found.append((m.group("version"), Path(entry.path), manifest))
    found.sort(key=lambda t: t[0])
    return [(p, man) for _, p, man in found]


def _taken(folder: Path, show: str) -> list[str]:
    """Every version of ``show`` that a file in ``folder`` is named after."""
    with contextlib.suppress(OSError):
        return [m.group("version") for e in os.scandir(folder)
                if (m := _NAMED.fullmatch(e.name)) and m.group("show") == show]
    return []


def clean_folder(folder: Path) -> None:
    """Remove what killed writers left in ``folder`` (see
    :func:`~exponav.core.io.atomic.clean_orphans`)."""
    try:
        names = {m.group("name") for e in os.scandir(folder)
                 if (m := _TEMPORARY.match(e.name))}
    except OSError:
        return
    for name in names:
        clean_orphans(folder, name)


def _meta(path: Path) -> dict[str, Any]:
    uri = "file:" + urllib.parse.quote(Path(path).resolve().as_posix(), safe="/:") + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def publish(out: Path, venue_dir: Path | None = None, show_dir: Path | None = None, *,
            now: datetime | None = None) -> PublishResult:
    """Publish the sources to ``out`` (see the module docstring)."""
    out = Path(out)
    venue_dir = Path(venue_dir) if venue_dir else paths.venue_dir()
    show_dir = Path(show_dir) if show_dir else paths.show_dir()
    for folder, what in ((venue_dir, "venue"), (show_dir, "show")):
        if not folder.is_dir():
            raise DataError(f"{folder}: there is no {what} folder here.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DataError(f"{out}: cannot make the folder to publish in ({os_reason(e)}).") \
            from None
    if not out.is_dir():
        raise DataError(f"{out} is not a folder; name a folder to publish in.")
    clean_folder(out)
    show = load_show(show_dir).show.id
    if not SHOW_ID.fullmatch(show):
        raise DataError(f"{show_dir}: the show id {show[:40]!r} cannot name a published file; "
                        "use letters, digits, '.' and '_'.")
    fingerprint = source_fingerprint(venue_dir, show_dir)
    readable = [(p, m) for p, m in published(out, show) if isinstance(m, Manifest)]
    if readable:
        path, latest = readable[-1]
        if latest.fingerprint == fingerprint and latest.schema_version == SCHEMA_VERSION \
                and (out / latest.file).is_file():
            return PublishResult(latest, out / latest.file, path, new=False)
    now = now or datetime.now(UTC)
    version = next_version(now, fingerprint, _taken(out, show))
    target = out / data_name(show, version)
    facts: dict[str, Any] = {}

    def verify(tmp: Path) -> None:
        if os.path.lexists(target):
            raise DataError(f"{target} is already published; a published file is never "
                            "overwritten.")
        meta = _meta(tmp)
        if meta.get("fingerprint") != fingerprint:
            raise DataError(f"{show_dir}: the sources changed while they were being "
                            "published; publish again.")
        facts["venue"] = json.loads(meta["venue"])["id"]
        facts["sha256"] = file_sha256(tmp)
        facts["size"] = tmp.stat().st_size

    hashes = source_hashes(venue_dir, show_dir)
    with atomic_path(target, "published data file", mode=0o644, verify=verify) as tmp:
        build_data_file(tmp, venue_dir, show_dir)
    manifest = Manifest(show=show, venue=facts["venue"], version=version,
                        created=f"{now.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
                        file=target.name, size=facts["size"], sha256=facts["sha256"],
                        schema_version=SCHEMA_VERSION, fingerprint=fingerprint,
                        sources=hashes)
    manifest_path = out / manifest_name(show, version)
    write_text(manifest_path, manifest.to_json(), "manifest", mode=0o644)
    return PublishResult(manifest, target, manifest_path, new=True)
