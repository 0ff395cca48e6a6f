"""Read a show's seed data: ``show.json`` and the CSV files in ``db/<show>/``.

The CSV files are what organisers hand over (exhibitor lists, sessions); each problem
is reported with the file and line.

>>> from exponav.core.paths import show_dir
>>> data = load_show(show_dir())
>>> data.show.id
'scse2025'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from exponav.core.errors import DataError
from exponav.core.io.floorplan import read_json, read_source_text
from exponav.core.model import Category, Exhibitor, Session, Show, ShowData
from exponav.core.model.codes import canonical_code

__all__ = ["ShowData", "load_show"]


def _rows(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    text = read_source_text(path, bom_ok=True)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}, line 1: missing column(s) {', '.join(missing)}.")
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items()
                                    if isinstance(k, str) and k and isinstance(v, str | None)}
    except csv.Error as e:
        raise DataError(f"{path}, line {reader.line_num}: cannot be read as CSV ({e}).") from None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "y"}


def load_show(folder: Path | str) -> ShowData:
    folder = Path(folder)
    path = folder / "show.json"
    doc = read_json(path)
    try:
        names = doc.get("names", {})
        show = Show(id=str(doc["id"]), name=names.get("en", doc["id"]),
                    name_zh=names.get("zh-Hant", ""), venue=str(doc["venue"]),
                    start_date=str(doc["start_date"]), end_date=str(doc["end_date"]),
                    timezone=str(doc.get("timezone", "UTC")),
                    url_template=str(doc.get("url_template", "")))
    except (KeyError, AttributeError, TypeError):
        raise DataError(f"{path}: expected id, names, venue, start_date and end_date.") from None
    data = ShowData(show=show)

    p = folder / "categories.csv"
    for _, row in _rows(p, ["id", "name_en", "name_zh"]):
        data.categories[row["id"]] = Category(row["id"], row["name_en"], row["name_zh"])

    p = folder / "exhibitors.csv"
    cols = ["id", "name_en", "name_zh", "country", "categories", "booths"]
    for line, row in _rows(p, cols):
        booths = []
        for raw in _split(row["booths"]):
            code = canonical_code(raw)
            if code is None:
                raise DataError(f"{p}, line {line}: {raw!r} is not a booth code.")
            booths.append(code)
        unknown = [c for c in _split(row["categories"]) if c not in data.categories]
        if unknown:
            raise DataError(f"{p}, line {line}: unknown category {unknown[0]!r}.")
        if not row["id"] or not (row["name_en"] or row["name_zh"]):
            raise DataError(f"{p}, line {line}: an exhibitor needs an id and a name.")
        data.exhibitors[row["id"]] = Exhibitor(
            id=row["id"], name=row["name_en"] or row["name_zh"], name_zh=row["name_zh"],
            country=row["country"], categories=_split(row["categories"]), booths=tuple(booths),
            description=row.get("description_en", ""),
            description_zh=row.get("description_zh", ""), website=row.get("website", ""),
            demo=_flag(row.get("demo", "1")))

    p = folder / "sessions.csv"
    for line, row in _rows(p, ["id", "kind", "title_en", "place", "start", "end"]):
        try:
            start, end = datetime.fromisoformat(row["start"]), datetime.fromisoformat(row["end"])
        except ValueError:
            raise DataError(f"{p}, line {line}: start and end must be ISO 8601 times.") from None
        if start.tzinfo is None or end <= start:
            raise DataError(f"{p}, line {line}: times need an offset and end after start.")
        data.sessions.append(Session(
            id=row["id"], kind=row["kind"], title=row["title_en"],
            title_zh=row.get("title_zh", ""), place=row["place"], start=row["start"],
            end=row["end"], exhibitor=row.get("exhibitor", ""), demo=_flag(row.get("demo", "1"))))
    return data
