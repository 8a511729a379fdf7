"""Read a spreadsheet saved as CSV, forgiving about encoding, separators and header spelling."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from valued_contributors.facilitation.errors import FacilitationError

MAX_BYTES = 5 * 1024 * 1024
SEPARATORS = ",;\t"


def key(text: str) -> str:
    """A header or label compared without case, extra spaces, hyphens or underscores."""
    return re.sub(r"[\s_-]+", " ", text.replace("\ufeff", "")).strip().casefold()


def tidy(text: str | None) -> str:
    """A cell's text with spaces trimmed and runs of spaces made single."""
    return re.sub(r"\s+", " ", text or "").strip()


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FacilitationError(
        f"{path.name} is not a text file this tool can read; save it again as 'CSV UTF-8'."
    )


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
        if path.stat().st_size > MAX_BYTES:
            raise FacilitationError(
                f"{path.name} is larger than {MAX_BYTES // 2**20} MB, too big for a list of "
                "names or topics; check you chose the right file."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise FacilitationError(
            f"There is no file at {path}; check the name and try again."
        ) from None
    except IsADirectoryError:
        raise FacilitationError(f"{path} is a folder; give the CSV file inside it.") from None
    except OSError as error:
        raise FacilitationError(
            f"{path.name} could not be read ({error.strerror or error}); check it is yours."
        ) from None
    text = _decode(data, path)
    if not text.strip():
        raise FacilitationError(
            f"{path.name} is empty; it needs a header row with a '{needed}' column."
        )
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text)))
    except csv.Error as error:
        raise FacilitationError(
            f"{path.name} is not a readable CSV file ({error}); save it again as CSV."
        ) from None
    headers = [key(h) for h in rows[0]]
    if needed not in headers:
        found = ", ".join(repr(h) for h in headers if h) or "none"
        raise FacilitationError(
            f"{path.name} has no '{needed}' column (its headings are {found}); "
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
