"""A Canton-Fair-sized venue and show, generated for ``exponav bench --scale``.

:data:`SCALES` names the sizes the bench knows: ``large`` (about 60,000 booths on 16
levels in 4 buildings, 25,000 exhibitors) and ``4x`` (one hall four times Hall 2's size
along each side, on two levels). :func:`write_sources` writes a scale in the project's
own formats, ``floorplans/<venue>/`` (venue.json and one GeoJSON per level) and
``db/<show>/`` (show.json and the CSV files); the same scale always gives the same
bytes. :func:`ensure_scale_data` keeps one copy of the sources and their data file in
the user cache, keyed by the generator version and the scale, so each is built once.

>>> tiny = Scale("tiny", buildings=2, floors=2, bays=3, blocks=8, exhibitors=60)
>>> tiny.venue_id
'bench-tiny'
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from exponav.core import paths
from exponav.core.errors import ExpoNavError
from exponav.diagnostics.scale.show import generate_show
from exponav.diagnostics.scale.venue import generate_venue

__all__ = ["GENERATOR_VERSION", "SCALES", "Scale", "ScaleData", "ensure_scale_data",
           "write_sources"]

#: Bump when the generated files change, so cached copies are made again.
GENERATOR_VERSION = 1


@dataclass(frozen=True)
class Scale:
    """The size of a generated show: buildings side by side, levels per building, and
    one hall's bays (21 m wide) and blocks (9 m deep) on every level."""

    name: str
    buildings: int
    floors: int
    bays: int
    blocks: int
    exhibitors: int
    area_bays: int = 7  # bays per area letter (at most 7: position numbers stay two digits)
    days: int = 5
    seed: int = 2026

    @property
    def venue_id(self) -> str:
        return f"bench-{self.name}"

    @property
    def show_id(self) -> str:
        return f"bench-{self.name}"

    @property
    def key(self) -> str:
        """Names the cached copy: the generator version and every parameter."""
        digest = hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()
        return f"{self.name}-g{GENERATOR_VERSION}-{digest[:10]}"


SCALES: dict[str, Scale] = {
    # 16 levels of 195 m x 513 m (7 bays, 55 blocks): about 3,700 booths a level
    "large": Scale("large", buildings=4, floors=4, bays=7, blocks=55, exhibitors=25_000),
    # one hall of 600 m x 504 m (Hall 2 is 153 m x 126 m), 1F and 2F
    "4x": Scale("4x", buildings=1, floors=2, bays=22, blocks=54, exhibitors=10_000,
                area_bays=6),
}


def _feature_collection(features: list[dict[str, Any]]) -> str:
    """One feature a line: small, and still readable in a diff."""
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                       for f in features)
    return '{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n"


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write_sources(scale: Scale, root: Path) -> dict[str, Any]:
    """Write ``root/floorplans/<venue>/`` and ``root/db/<show>/``; return both folders
    (``venue_dir``, ``show_dir``) and the counts of what they hold."""
    venue = generate_venue(scale.venue_id, (f"ExpoNav bench venue ({scale.name})",
                                            f"ExpoNav測試展館（{scale.name}）"),
                           scale.buildings, scale.floors, scale.bays, scale.blocks,
                           scale.area_bays, scale.seed)
    show = generate_show(scale.show_id, scale.venue_id,
                         (f"ExpoNav bench fair ({scale.name})", f"ExpoNav測試展（{scale.name}）"),
                         venue.levels, scale.exhibitors, scale.days, scale.seed)
    venue_dir = root / "floorplans" / scale.venue_id
    show_dir = root / "db" / scale.show_id
    venue_dir.mkdir(parents=True, exist_ok=True)
    show_dir.mkdir(parents=True, exist_ok=True)
    files = {venue_dir / "venue.json": json.dumps(venue.doc, ensure_ascii=False, indent=1) + "\n",
             show_dir / "show.json": json.dumps(show.show, ensure_ascii=False, indent=1) + "\n",
             show_dir / "categories.csv": _csv(["id", "name_en", "name_zh"], show.categories),
             show_dir / "exhibitors.csv": _csv(
                 ["id", "name_en", "name_zh", "country", "categories", "booths",
                  "description_en", "description_zh", "website", "demo"], show.exhibitors),
             show_dir / "sessions.csv": _csv(
                 ["id", "kind", "title_en", "title_zh", "place", "start", "end", "exhibitor",
                  "demo"], show.sessions)}
    for lv in venue.levels:
        files[venue_dir / lv.entry["file"]] = _feature_collection(lv.features)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8", newline="\n")
    return {"venue_dir": venue_dir, "show_dir": show_dir, "levels": len(venue.levels),
            "buildings": scale.buildings, "booths": sum(len(lv.booths) for lv in venue.levels),
            "exhibitors": len(show.exhibitors), "sessions": len(show.sessions)}


@dataclass(frozen=True)
class ScaleData:
    """A scale's cached sources and data file, and what building them took."""

    scale: Scale
    folder: Path
    venue_dir: Path
    show_dir: Path
    data_file: Path
    #: generate_s, data_file_s (measured when each was built, and when), and the counts
    record: dict[str, Any]


def _read_record(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_record(path: Path, record: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)
    os.replace(tmp, path)


def ensure_scale_data(scale: Scale | str, cache: Path | None = None,
                      progress: Callable[[str], None] | None = None) -> ScaleData:
    """The sources and data file for ``scale``, generated into the cache when missing.

    The sources are written into a temporary folder and renamed into place, so an
    interrupted run never leaves half a venue; the data file is then built from them
    (and rebuilt, as any data file is, when its schema or sources changed). ``progress``
    hears about each step that takes a while.
    """
    from exponav.core.io.datafile import ensure_data_file

    if isinstance(scale, str):
        if scale not in SCALES:
            raise ExpoNavError(f"unknown scale {scale!r}; expected one of {', '.join(SCALES)}.")
        scale = SCALES[scale]
    base = (cache or paths.cache_dir()) / "bench"
    folder = base / scale.key
    record_path = folder / "build.json"
    if not folder.is_dir():
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{scale.key}-", dir=base))
        if progress:
            progress(f"Generating the {scale.name} show into {folder} (once) ...")
        try:
            t0 = time.perf_counter()
            counts = write_sources(scale, tmp)
            record = {"generate_s": round(time.perf_counter() - t0, 2),
                      "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                      **{k: v for k, v in counts.items() if not k.endswith("_dir")}}
            _write_record(tmp / "build.json", record)
            try:
                os.replace(tmp, folder)
            except OSError:  # another run got there first: its copy is the same
                shutil.rmtree(tmp, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    venue_dir = folder / "floorplans" / scale.venue_id
    show_dir = folder / "db" / scale.show_id
    data_file = folder / f"{scale.show_id}.exponav.db"
    before = data_file.stat().st_mtime_ns if data_file.exists() else None
    if before is None and progress:
        progress(f"Building its data file {data_file} (once) ...")
    t0 = time.perf_counter()
    ensure_data_file(data_file, venue_dir, show_dir)
    seconds = time.perf_counter() - t0
    record = _read_record(record_path)
    if data_file.stat().st_mtime_ns != before:  # built just now: its time is worth keeping
        record.update(data_file_s=round(seconds, 2),
                      data_file_built_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
        _write_record(record_path, record)
    return ScaleData(scale, folder, venue_dir, show_dir, data_file, record)
