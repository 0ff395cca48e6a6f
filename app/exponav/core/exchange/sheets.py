"""Reading a spreadsheet of records: CSV in UTF-8 (with or without a BOM), UTF-16 or
Big5/CP950, or an XLSX workbook, into rows of named fields found by their headers.

>>> sheet = parse_text("名稱,攤位\\n中華電信,Q-210\\n", "list.csv")
>>> sheet.headers, sheet.rows[0].number, sheet.rows[0].cells
(['名稱', '攤位'], 2, ['中華電信', 'Q-210'])
>>> decode("攤位".encode("cp950"), "list.csv")
'攤位'
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from exponav.core.errors import DataError, os_reason

__all__ = ["MAX_SHEET_BYTES", "Row", "Sheet", "decode", "parse_text", "read_sheet"]

MAX_SHEET_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    number: int  # the row as a spreadsheet numbers it: the header is row 1
    cells: list[str]


@dataclass(frozen=True)
class Sheet:
    path: str
    headers: list[str]
    rows: list[Row]
    encoding: str  # the text encoding read, or "xlsx"


def decode(data: bytes, where: str) -> str:
    """The text of a CSV file: a BOM says UTF-8 or UTF-16; without one, UTF-16 when every
    other byte is zero, else UTF-8, else Big5 as Windows writes it (CP950)."""
    return _decode(data, where)[0]


def _decode(data: bytes, where: str) -> tuple[str, str]:
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))
    candidates: list[str] = []
    for bom, enc in boms:
        if data.startswith(bom):
            candidates = [enc]
            break
    else:
        head = data[:4096]
        if len(head) >= 2 and head[1::2].count(0) > len(head) // 4:
            candidates = ["utf-16-le"]
        elif len(head) >= 2 and head[0::2].count(0) > len(head) // 4:
            candidates = ["utf-16-be"]
        else:
            candidates = ["utf-8", "cp950"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise DataError(f"{where}: the file is not text in UTF-8, UTF-16 or Big5 (CP950); save it "
                    "as CSV UTF-8 and try again.")


def parse_text(text: str, where: str, encoding: str = "utf-8") -> Sheet:
    """The rows of CSV text (comma, semicolon or tab separated, told apart by the header)."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[Row] = []
    try:
        for cells in reader:
            if headers is None:
                headers = [c.strip() for c in cells]
                continue
            cells = [c.strip() for c in cells]
            if any(cells):
                rows.append(Row(reader.line_num, cells))
    except csv.Error as e:
        raise DataError(f"{where}, line {reader.line_num}: cannot be read as CSV ({e}).") from None
    if not headers or not any(headers):
        raise DataError(f"{where}: the file has no header row.")
    return Sheet(where, headers, rows, encoding)


def _read_bytes(path: Path) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist.") from None
    except OSError as e:
        raise DataError(f"{path}: the file cannot be read ({os_reason(e)}).") from None
    if not stat.S_ISREG(st.st_mode):
        raise DataError(f"{path} is not a regular file; a spreadsheet was expected.")
    if st.st_size > MAX_SHEET_BYTES:
        raise DataError(f"{path}: the file is larger than {MAX_SHEET_BYTES >> 20} MB, the most "
                        "a sheet may be.")
    try:
        return path.read_bytes()
    except OSError as e:
        raise DataError(f"{path}: the file cannot be read ({os_reason(e)}).") from None


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _read_xlsx(path: Path) -> Sheet:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise DataError(f"{path}: cannot be read as an XLSX workbook ({e}).") from None
    try:
        ws = book.worksheets[0] if book.worksheets else None
        if ws is None:
            raise DataError(f"{path}: the workbook has no sheet.")
        headers: list[str] | None = None
        rows: list[Row] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in values]
            if headers is None:
                if not any(cells):
                    continue
                headers = cells
                continue
            if any(cells):
                rows.append(Row(number, cells))
        if headers is None:
            raise DataError(f"{path}: the first sheet is empty.")
        return Sheet(str(path), headers, rows, "xlsx")
    finally:
        book.close()


def read_sheet(path: Path | str) -> Sheet:
    """The rows of a CSV or XLSX file (by its name's ending; an XLSX is a zip)."""
    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise DataError(f"{path}: old Excel files (.xls) cannot be read; save it as .xlsx or "
                        "CSV.")
    text, enc = _decode(data, str(path))
    return parse_text(text, str(path), enc)
