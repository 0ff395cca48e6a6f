"""The show's side of a layout on disk: booth sales status (``booth_status.csv``) and the
booth assignments in ``exhibitors.csv``, written back with unchanged rows as they were.

``booth_status.csv`` lists the booths whose status was set: ``code,status,price`` (status
available, reserved, sold or blocked; price optional). A booth it does not list is sold
when an exhibitor holds it and available otherwise.

>>> from exponav.core.layout.edit import BoothStatus
>>> text = render_statuses({"Q0210": BoothStatus("reserved", 12000.0)})
>>> text.splitlines()
['code,status,price', 'Q0210,reserved,12000']
>>> import io
>>> parse_statuses(io.StringIO(text), "booth_status.csv")["Q0210"]
BoothStatus(status='reserved', price=12000.0)
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from exponav.core.errors import DataError
from exponav.core.layout.edit import STATUSES, BoothStatus
from exponav.core.model import Exhibitor
from exponav.core.model.codes import canonical_code

__all__ = ["STATUS_FILE", "parse_statuses", "read_statuses", "render_exhibitors",
           "render_statuses"]

STATUS_FILE = "booth_status.csv"
EXHIBITORS_FILE = "exhibitors.csv"


def parse_statuses(f: TextIO, where: str) -> dict[str, BoothStatus]:
    reader = csv.DictReader(f)
    if not {"code", "status"} <= set(reader.fieldnames or []):
        raise DataError(f"{where}, line 1: expected the columns code,status,price.")
    out: dict[str, BoothStatus] = {}
    for row in reader:
        line = reader.line_num
        code = canonical_code((row.get("code") or "").strip())
        status = (row.get("status") or "").strip()
        raw = (row.get("price") or "").strip()
        if code is None:
            raise DataError(f"{where}, line {line}: {row.get('code')!r} is not a booth code.")
        if status not in STATUSES:
            raise DataError(f"{where}, line {line}: status must be one of "
                            f"{', '.join(STATUSES)}.")
        try:
            price = float(raw) if raw else None
        except ValueError:
            price = -1.0
        if price is not None and (not math.isfinite(price) or price < 0):
            raise DataError(f"{where}, line {line}: the price must be a number of at least 0.")
        if code in out:
            raise DataError(f"{where}, line {line}: booth {code} is listed twice.")
        out[code] = BoothStatus(status, price)
    return out


def read_statuses(show_dir: Path) -> dict[str, BoothStatus]:
    """The statuses set in a show folder (none when it has no booth_status.csv)."""
    path = show_dir / STATUS_FILE
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return parse_statuses(f, str(path))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataError(f"{path}: cannot be read as UTF-8 CSV ({e}).") from None


def _price(p: float | None) -> str:
    if p is None:
        return ""
    return str(int(p)) if p.is_integer() and abs(p) < 1e15 else repr(p)


def render_statuses(statuses: Mapping[str, BoothStatus]) -> str:
    """booth_status.csv for these statuses, by code."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["code", "status", "price"])
    for code in sorted(statuses):
        st = statuses[code]
        w.writerow([code, st.status, _price(st.price)])
    return buf.getvalue()


def render_exhibitors(text: str, exhibitors: Mapping[str, Exhibitor], where: str) -> str:
    """exhibitors.csv with each row's ``booths`` column as the exhibitors now hold them;
    every other row, and every other column, stays exactly as it was."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom):].splitlines(keepends=True)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    reader = csv.reader(lines)
    out: list[str] = []
    start = 0
    header: list[str] | None = None
    for row in reader:
        raw = "".join(lines[start:reader.line_num])
        start = reader.line_num
        if header is None:
            header = row
            if "id" not in header or "booths" not in header:
                raise DataError(f"{where}, line 1: missing column(s) id, booths.")
            out.append(raw)
            continue
        ident = row[header.index("id")].strip() if len(row) > header.index("id") else ""
        ex = exhibitors.get(ident)
        col = header.index("booths")
        if ex is None or len(row) <= col:
            out.append(raw)
            continue
        old = [canonical_code(c.strip()) for c in row[col].split(";") if c.strip()]
        if old == list(ex.booths):
            out.append(raw)
            continue
        row[col] = ";".join(ex.booths)
        buf = io.StringIO()
        csv.writer(buf, lineterminator=ending).writerow(row)
        out.append(buf.getvalue() if raw.endswith(("\n", "\r")) else buf.getvalue().rstrip(
            "\r\n"))
    out.append("".join(lines[start:]))
    return bom + "".join(out)
