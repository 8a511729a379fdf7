"""Version 1 of the answers file: every saved version of every answer, with its time and origin.

Written by the book's "Export my answers" and by ``valued-contributors export --format json``;
its schema is ``schemas/exchange.schema.json``. It is the first version: no older one exists.
"""

from __future__ import annotations

from typing import Any, Final

from valued_contributors.core import times
from valued_contributors.core.answer import Answer, now
from valued_contributors.core.text import mend
from valued_contributors.formats.common import (
    MAX_TEXT,
    Document,
    FormatError,
    Imported,
    kind_of,
    where,
)
from valued_contributors.validation import first_problem, schema

SCHEMA: Final = "exchange"
_FIELDS: Final = schema(SCHEMA)["properties"]
FORMAT: Final[str] = _FIELDS["format"]["const"]
VERSION: Final[int] = _FIELDS["version"]["const"]
MAX_ANSWERS: Final[int] = _FIELDS["answers"]["maxItems"]
"""The format's name, this version's number and the most answer versions one file may hold,
as its schema says."""
CHOOSE: Final = (
    "choose a file made by 'Export my answers' in the book or by 'valued-contributors export'"
)


def to_document(answers: list[Answer], source: str = "notebook") -> Document:
    """Every answer version as a version 1 answers file."""
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


def from_document(document: Document) -> Imported:
    """The answers in a version 1 document; FormatError (one sentence) if it is wrong.

    Half characters (lone surrogates, which no file should hold) become U+FFFD and are counted
    in ``mended``; every time is checked to be a real one and normalised to the stored spelling.
    """
    answers_given = document.get("answers")
    if isinstance(answers_given, list) and len(answers_given) > MAX_ANSWERS:
        raise FormatError(
            f"This answers file holds {len(answers_given):,} saved versions, more than the "
            f"{MAX_ANSWERS:,} the course reads from one file; {CHOOSE}."
        )
    document, mended = mend(document)
    problem = first_problem(SCHEMA, document)
    if problem is not None:
        message = problem.message
        if problem.path[2:3] == ("value",):
            message = _value_problem(document, problem.path) or message
        raise FormatError(
            f"This answers file is damaged at {where(problem.path)}: it {message}; "
            "export it again from the book or the notebooks and import the new file."
        )
    if "exported_at" in document:
        _time(document["exported_at"], ("exported_at",))
    source = document.get("source", "import")
    answers = Imported()
    answers.mended = mended
    for number, entry in enumerate(document["answers"]):
        if kind_of(entry["value"]) != entry["kind"]:
            raise FormatError(
                f"This answers file is damaged: the answer to {entry['activity']} does not "
                f"match its kind {entry['kind']!r}; export it again and import the new file."
            )
        saved_at = _time(entry["saved_at"], ("answers", str(number), "saved_at"))
        answers.append(
            Answer(entry["activity"], entry["value"], saved_at, entry.get("origin", source))
        )
    return answers


def _value_problem(document: Document, path: tuple[str, ...]) -> str | None:
    """What is wrong with an answer's value, in words, for the commonest cases."""
    try:
        value: Any = document["answers"][int(path[1])]["value"]
    except (LookupError, ValueError, TypeError):
        return None
    text = value.get("text") if isinstance(value, dict) else None
    if isinstance(text, str) and len(text) > MAX_TEXT:
        return (
            f"is a reflection of {len(text):,} characters, more than the {MAX_TEXT:,} one "
            "reflection can hold"
        )
    ratings = value.get("ratings") if isinstance(value, dict) else None
    if isinstance(ratings, dict) and any(
        not isinstance(r, int) or not 1 <= r <= 5 for r in ratings.values()
    ):
        return "has a confidence rating that is not a whole number from 1 to 5"
    return None


def _time(text: str, path: tuple[str, ...]) -> str:
    try:
        return times.normalise(text)
    except ValueError as error:
        raise FormatError(
            f"This answers file is damaged at {where(path)}: {error}; export it again from "
            "the book or the notebooks and import the new file."
        ) from None
