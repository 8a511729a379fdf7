"""Read a spreadsheet saved as CSV, forgiving about encoding, separators and header spelling."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from valued_contributors.core import files
from valued_contributors.facilitation.errors import FacilitationError

MAX_BYTES = 5 * 1024 * 1024
SEPARATORS = ",;\t"


def key(text: str) -> str:
    """A header or label compared without case, extra spaces, hyphens or underscores."""
    return re.sub(r"[\s_-]+", " ", text.replace("\ufeff", "")).strip().casefold()


def tidy(text: str | None) -> str:
    """A cell's text with spaces trimmed and runs of spaces made single."""
    return re.sub(r"\s+", " ", text or "").strip()


SAVE_AS = "in Excel choose File, Save As and 'CSV UTF-8 (Comma delimited)', then use that file"
WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip) and the older .xls


def _decode(data: bytes, path: Path) -> str:
    """The text of a CSV file: UTF-8 (with or without a byte order mark), UTF-16 with a byte
    order mark (Excel's "Unicode Text"), or Windows-1252 (Excel's older "CSV").
    """
    name = files.shown(path.name)
    if data.startswith(WORKBOOKS):
        raise FacilitationError(f"{name} is an Excel workbook, not a CSV file; {SAVE_AS}.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FacilitationError(
                f"{name} is damaged Unicode text that cannot be read; {SAVE_AS}."
            ) from None
    if b"\x00" in data:
        raise FacilitationError(f"{name} is not a text file this tool can read; {SAVE_AS}.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FacilitationError(f"{name} is not a text file this tool can read; {SAVE_AS}.")


def _separator(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max(SEPARATORS, key=first.count) if any(s in first for s in SEPARATORS) else ","


def read_rows(path: Path | str, needed: str) -> list[dict[str, str]]:
    """Every row of a CSV file as {header key: tidy text}; the file must have a ``needed`` column.

    Blank rows are left out. Each row also carries ``"#row"``: its line number in the file,
    so a problem can be reported where the facilitator will find it.
    """
    path = Path(path)
    try:
        data = files.read_bytes(path, MAX_BYTES, "CSV file")
    except files.FileProblem as problem:
        raise FacilitationError(str(problem)) from None
    name = files.shown(path.name)
    text = _decode(data, path)
    if not text.strip():
        raise FacilitationError(f"{name} is empty; it needs a header row with a '{needed}' column.")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text)))
    except csv.Error:
        raise FacilitationError(
            f"{name} is not a CSV file this tool can read (a quotation mark or a line in it is "
            f"broken); {SAVE_AS}."
        ) from None
    headers = [key(h) for h in rows[0]]
    if needed not in headers:
        found = ", ".join(files.shown(repr(h)) for h in headers if h) or "none"
        raise FacilitationError(
            f"{name} has no '{needed}' column (its headings are {found}); "
            f"put '{needed}' at the top of the column."
        )
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record = {h: tidy(cell) for h, cell in zip(headers, row, strict=False) if h}
        record["#row"] = str(number)
        records.append(record)
    return records
