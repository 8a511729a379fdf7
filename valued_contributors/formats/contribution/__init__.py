"""The contribution file: one module per version (``v1``), and a reader that brings any version
the course has written up to ``LATEST``, the one it writes.

Only version 1 has ever been written (the git history holds no other shape), so ``UPGRADES`` is
empty. Its reader's messages are short reasons, because a facilitator sees them in a list of
the files left out of a team profile.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from valued_contributors.core import files, jsontext
from valued_contributors.core.text import mend
from valued_contributors.formats.answers import FORMAT as ANSWERS_FORMAT
from valued_contributors.formats.common import Document, FormatError, Upgrade, Versions, read_json
from valued_contributors.formats.contribution import v1

LATEST: Final = v1
"""The version of the contribution file the course writes."""
FORMAT: Final = LATEST.FORMAT
VERSION: Final = LATEST.VERSION
UPGRADES: Final[dict[int, Upgrade]] = {}
VERSIONS: Final = Versions(FORMAT, VERSION, UPGRADES)
MAX_BYTES: Final = 5 * 1024 * 1024
"""The largest contribution file a team profile reads."""
WHAT: Final = "contribution file"

__all__ = ["FORMAT", "LATEST", "MAX_BYTES", "VERSION", "dumps", "make", "read", "read_file"]

make = LATEST.make


def dumps(document: Document) -> str:
    """A contribution as the text of a .json file."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read(document: Any) -> list[dict[str, Any]]:
    """The answers in a contribution of any version the course has written; FormatError with a
    short reason if it is not one.
    """
    document, _ = mend(document)
    if isinstance(document, dict) and document.get("format") == ANSWERS_FORMAT:
        raise FormatError(
            "is a full answers export, not a contribution; ask for a contribution file instead"
        )
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FormatError("is not a Valued Contributors contribution file")
    document = VERSIONS.upgrade(document)
    if document.get("version") != VERSION:
        raise FormatError(
            f"is version {document.get('version')!r}, but this tool reads version {VERSION}"
        )
    return LATEST.answers_of(document)


def read_file(path: Path | str) -> list[dict[str, Any]]:
    """A contribution file's answers (a bounded read of a regular file only); FormatError with
    a short reason if it cannot be used.
    """
    try:
        document = read_json(path, MAX_BYTES, WHAT)
    except files.FileProblem as problem:
        raise FormatError(problem.reason) from None
    except jsontext.NotJSON as problem:
        raise FormatError(str(problem)) from None
    return read(document)
