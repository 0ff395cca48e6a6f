"""Making published versions for the fleet tests: copies of one published file under new
versions, and the damaged, foreign and newer files a kiosk must refuse."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from exponav.core.exchange.publish import (
    Manifest,
    data_name,
    file_sha256,
    manifest_name,
    read_manifest,
)

BASE = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)


def version(n: int) -> str:
    """The n-th test version: later n, later version."""
    return f"{BASE + timedelta(seconds=n):%Y%m%dT%H%M%SZ}-{n:010x}"


def put_version(source: Manifest, source_dir: Path, folder: Path, n: int, *,
                show: str | None = None, schema: int | None = None) -> Manifest:
    """Copy the published file ``source`` into ``folder`` as version ``n`` (optionally
    with its meta show id or its schema changed), with a true manifest."""
    show_id = show or source.show
    v = version(n)
    target = folder / data_name(show_id, v)
    shutil.copyfile(source_dir / source.file, target)
    if show is not None or schema is not None:
        conn = sqlite3.connect(target)
        with conn:
            if show is not None:
                row = conn.execute("SELECT value FROM meta WHERE key = 'show'").fetchone()
                meta = {**json.loads(row[0]), "id": show}
                conn.execute("UPDATE meta SET value = ? WHERE key = 'show'",
                             (json.dumps(meta),))
            if schema is not None:
                conn.execute(f"PRAGMA user_version = {schema}")
        conn.close()
    manifest = dataclasses.replace(source, show=show_id, version=v, file=target.name,
                                   size=target.stat().st_size, sha256=file_sha256(target),
                                   schema_version=schema or source.schema_version)
    write_manifest(folder, manifest)
    return manifest


def write_manifest(folder: Path, manifest: Manifest) -> Path:
    path = folder / manifest_name(manifest.show, manifest.version)
    path.write_text(manifest.to_json(), encoding="utf-8")
    return path


def first_manifest(folder: Path) -> Manifest:
    return read_manifest(next(folder.glob("*.manifest.json")))
