"""The exchange format: one versioned JSON document for everything a learner records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from valued_contributors.journal.store import Answer, now
from valued_contributors.validation import first_problem

FORMAT = "valued-contributors/answers"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
VALUE_KEYS = {
    "text": "reflection",
    "ratings": "confidence",
    "selected": "check",
    "choice": "scenario",
}


class ExchangeError(ValueError):
    """A file cannot be imported; the message is one sentence saying what to do."""


def kind_of(value: dict[str, Any]) -> str:
    """Each kind of answer has its own value shape, so the shape tells the kind."""
    for key, kind in VALUE_KEYS.items():
        if key in value:
            return kind
    raise ValueError(f"An answer value must have one of {', '.join(VALUE_KEYS)}.")


def to_document(answers: list[Answer], source: str = "notebook") -> dict[str, Any]:
    """Every answer version as an exchange document."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": source,
        "exported_at": now(),
        "answers": [
            {
                "activity": a.activity,
                "kind": kind_of(a.value),
                "value": a.value,
                "saved_at": a.saved_at,
                "origin": a.origin,
            }
            for a in answers
        ],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_document(document: Any) -> list[Answer]:
    """Validate an exchange document and return its answers; raise ExchangeError if it is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError(
            "This file is not a Valued Contributors answers file; choose a file made by "
            "'Export my answers' in the book or by 'valued-contributors export'."
        )
    if document.get("version") != VERSION:
        raise ExchangeError(
            f"This answers file is version {document.get('version')!r}, but this course reads "
            f"version {VERSION}; update the course software, or export the file again."
        )
    problem = first_problem("exchange", document)
    if problem is not None:
        where = "/".join(problem.path) or "the top level"
        raise ExchangeError(
            f"This answers file is damaged at {where} ({problem.message}); export it again "
            "from the book or the notebooks and import the new file."
        )
    source = document.get("source", "import")
    answers = []
    for entry in document["answers"]:
        if kind_of(entry["value"]) != entry["kind"]:
            raise ExchangeError(
                f"This answers file is damaged: the answer to {entry['activity']} does not "
                f"match its kind {entry['kind']!r}; export it again and import the new file."
            )
        answers.append(
            Answer(
                entry["activity"], entry["value"], entry["saved_at"], entry.get("origin", source)
            )
        )
    return answers


def read_file(path: Path) -> list[Answer]:
    """Read and validate an exchange file from disk."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ExchangeError(f"There is no file at {path}; check the name and try again.") from None
    if size > MAX_BYTES:
        raise ExchangeError(
            f"This file is {size // 2**20} MB, more than the {MAX_BYTES // 2**20} MB an answers "
            "file can be; choose the file made by an export."
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExchangeError(
            "This file is not valid JSON, so it cannot be an answers file; choose a file made "
            "by 'Export my answers' in the book or by 'valued-contributors export'."
        ) from None
    return from_document(document)
