"""The answers file: one module per version (``v1``), and a reader that brings any version the
course has written up to ``LATEST``, the one it writes.

Only version 1 has ever been written (the git history holds no other shape), so ``UPGRADES`` is
empty; a version 2 would add ``v2.py`` and the step ``UPGRADES[1]`` from version 1 to 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from valued_contributors.core import files, jsontext
from valued_contributors.formats.answers import v1
from valued_contributors.formats.answers.v1 import CHOOSE
from valued_contributors.formats.common import (
    Document,
    FormatError,
    Imported,
    Upgrade,
    Versions,
    read_json,
)

LATEST: Final = v1
"""The version of the answers file the course writes."""
FORMAT: Final = LATEST.FORMAT
VERSION: Final = LATEST.VERSION
UPGRADES: Final[dict[int, Upgrade]] = {}
VERSIONS: Final = Versions(FORMAT, VERSION, UPGRADES)
MAX_BYTES: Final = 50 * 1024 * 1024
"""The largest answers file the course reads (the book's import says the same)."""
WHAT: Final = "answers file"

__all__ = [
    "CHOOSE",
    "FORMAT",
    "LATEST",
    "MAX_BYTES",
    "VERSION",
    "FormatError",
    "Imported",
    "dumps",
    "from_document",
    "read_bytes",
    "read_file",
    "to_document",
]

to_document = LATEST.to_document


def dumps(document: Document) -> str:
    """An answers file's text."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_document(document: Any) -> Imported:
    """The answers in a document of any version the course has written; FormatError (one
    sentence saying what to do) if it is not an answers file or is damaged.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FormatError(f"This file is not a Valued Contributors answers file; {CHOOSE}.")
    document = VERSIONS.upgrade(document)
    if document.get("version") != VERSION:
        raise FormatError(
            f"This answers file is version {document.get('version')!r}, but this course reads "
            f"version {VERSION}; update the course software, or export the file again."
        )
    return LATEST.from_document(document)


def read_file(path: Path | str) -> Imported:
    """Read and check an answers file on disk (a bounded read of a regular file only)."""
    try:
        document = read_json(path, MAX_BYTES, WHAT)
    except files.FileProblem as problem:
        raise FormatError(str(problem)) from None
    except jsontext.NotJSON as problem:
        raise FormatError(
            f"{files.shown(path)} {problem}, so it cannot be an answers file; {CHOOSE}."
        ) from None
    return from_document(document)


def read_bytes(data: bytes, name: str) -> Imported:
    """Read and check an answers file's contents, e.g. one uploaded into a notebook."""
    if len(data) > MAX_BYTES:
        raise FormatError(str(files.too_big(Path(name), len(data), MAX_BYTES, WHAT)))
    try:
        document = jsontext.parse(data)
    except jsontext.NotJSON as problem:
        raise FormatError(
            f"{files.shown(name)} {problem}, so it cannot be an answers file; {CHOOSE}."
        ) from None
    return from_document(document)
