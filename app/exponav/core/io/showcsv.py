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
import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from exponav.core.errors import DataError
from exponav.core.io.floorplan import read_json, read_source_text
from exponav.core.model import Category, Exhibitor, OpeningHours, Session, Show, ShowData
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


_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def _clock_time(value: object) -> str | None:
    """``"9:30"`` -> ``"09:30"``; None for anything that is not a time of day."""
    m = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _check_timezone(path: Path, name: str) -> None:
    """An IANA zone this machine knows (a machine with no zone database at all is let be:
    the show clock then falls back to the machine's own zone)."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if zoneinfo.available_timezones():
            raise DataError(f"{path}: timezone {name[:40]!r} is not an IANA time zone such as "
                            "Asia/Taipei.") from None


def _opening_hours(path: Path, raw: Any, days: list[str]) -> tuple[OpeningHours, ...]:
    """``opening_hours``: one ``{"date", "opens", "closes", "demo"}`` per show day, or none."""
    if raw is None or raw == []:
        return ()
    if not isinstance(raw, list):
        raise DataError(f"{path}: opening_hours must be a list of "
                        '{"date", "opens", "closes"} records, one per show day.')
    hours: dict[str, OpeningHours] = {}
    for k, item in enumerate(raw):
        where = f"{path}: opening_hours[{k}]"
        if not isinstance(item, dict):
            raise DataError(f'{where} must be a record {{"date", "opens", "closes"}}.')
        day = item.get("date")
        if not isinstance(day, str) or day not in days:
            raise DataError(f"{where}: the date {day!r} is not a show day "
                            f"({days[0]} to {days[-1]}).")
        if day in hours:
            raise DataError(f"{where}: {day} is given twice.")
        opens, closes = _clock_time(item.get("opens")), _clock_time(item.get("closes"))
        if opens is None or closes is None:
            raise DataError(f"{where}: opens and closes must be times such as 10:00 and 17:00.")
        if closes <= opens:
            raise DataError(f"{where}: the show closes at {closes}, not after it opens at "
                            f"{opens}.")
        demo = item.get("demo", False)
        if not isinstance(demo, bool):
            raise DataError(f"{where}: demo must be true or false.")
        hours[day] = OpeningHours(day, opens, closes, demo)
    missing = [d for d in days if d not in hours]
    if missing:
        raise DataError(f"{path}: opening_hours gives no hours for {', '.join(missing)}; "
                        "give every show day its hours, or none.")
    return tuple(hours[d] for d in days)


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
    if "opening_hours" in doc:
        if not show.days:
            raise DataError(f"{path}: start_date and end_date must be ISO dates such as "
                            "2025-03-18, the first no later than the last.")
        hours = _opening_hours(path, doc["opening_hours"], show.days)
        show = dataclasses.replace(show, hours=hours)
    _check_timezone(path, show.timezone)
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
