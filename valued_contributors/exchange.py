"""The exchange format: one versioned JSON document for everything a learner records."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from valued_contributors.content.model import MAX_TEXT
from valued_contributors.core import files, jsontext, times
from valued_contributors.core.answer import Answer, now
from valued_contributors.core.text import mend
from valued_contributors.validation import first_problem, schema

FORMAT = "valued-contributors/answers"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
WHAT = "answers file"
CHOOSE = "choose a file made by 'Export my answers' in the book or by 'valued-contributors export'"
VALUE_KEYS = {
    "text": "reflection",
    "ratings": "confidence",
    "selected": "check",
    "choice": "scenario",
}


class ExchangeError(ValueError):
    """A file cannot be imported; the message is one sentence saying what to do."""


class Imported(list):
    """The answers read from a file, and how many broken characters had to be replaced."""

    mended: int = 0


@cache
def max_answers() -> int:
    """The most answer versions one file may hold, as the exchange schema says."""
    limit: int = schema("exchange")["properties"]["answers"]["maxItems"]
    return limit


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


def _where(path: tuple[str, ...]) -> str:
    """A place in an answers file in plain words: "answer 3 (saved_at)"."""
    if len(path) >= 2 and path[0] == "answers" and path[1].isdigit():
        rest = "/".join(path[2:])
        return f"answer {int(path[1]) + 1}" + (f" ({rest})" if rest else "")
    return "/".join(path) or "the top level"


def from_document(document: Any) -> Imported:
    """Validate an exchange document and return its answers; raise ExchangeError if it is wrong.

    Half characters (lone surrogates, which no file should hold) become U+FFFD and are counted
    in ``mended``; every time is checked to be a real one and spelled the journal's way.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError(f"This file is not a Valued Contributors answers file; {CHOOSE}.")
    if document.get("version") != VERSION:
        raise ExchangeError(
            f"This answers file is version {document.get('version')!r}, but this course reads "
            f"version {VERSION}; update the course software, or export the file again."
        )
    answers_given = document.get("answers")
    if isinstance(answers_given, list) and len(answers_given) > max_answers():
        raise ExchangeError(
            f"This answers file holds {len(answers_given):,} saved versions, more than the "
            f"{max_answers():,} the course reads from one file; {CHOOSE}."
        )
    document, mended = mend(document)
    problem = first_problem("exchange", document)
    if problem is not None:
        message = problem.message
        if problem.path[2:3] == ("value",):
            message = _value_problem(document, problem.path) or message
        raise ExchangeError(
            f"This answers file is damaged at {_where(problem.path)}: it {message}; "
            "export it again from the book or the notebooks and import the new file."
        )
    if "exported_at" in document:
        _time(document["exported_at"], ("exported_at",))
    source = document.get("source", "import")
    answers = Imported()
    answers.mended = mended
    for number, entry in enumerate(document["answers"]):
        if kind_of(entry["value"]) != entry["kind"]:
            raise ExchangeError(
                f"This answers file is damaged: the answer to {entry['activity']} does not "
                f"match its kind {entry['kind']!r}; export it again and import the new file."
            )
        saved_at = _time(entry["saved_at"], ("answers", str(number), "saved_at"))
        answers.append(
            Answer(entry["activity"], entry["value"], saved_at, entry.get("origin", source))
        )
    return answers


def _value_problem(document: dict[str, Any], path: tuple[str, ...]) -> str | None:
    """What is wrong with an answer's value, in words, for the commonest cases."""
    try:
        value = document["answers"][int(path[1])]["value"]
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
        raise ExchangeError(
            f"This answers file is damaged at {_where(path)}: {error}; export it again from "
            "the book or the notebooks and import the new file."
        ) from None


def read_file(path: Path) -> Imported:
    """Read and validate an exchange file from disk (a bounded read of a regular file only)."""
    try:
        document = jsontext.parse(files.read_bytes(path, MAX_BYTES, WHAT))
    except files.FileProblem as problem:
        raise ExchangeError(str(problem)) from None
    except jsontext.NotJSON as problem:
        raise ExchangeError(
            f"{files.shown(path)} {problem}, so it cannot be an answers file; {CHOOSE}."
        ) from None
    return from_document(document)


def read_bytes(data: bytes, name: str) -> Imported:
    """Read and validate an answers file's contents, e.g. one uploaded into a notebook."""
    if len(data) > MAX_BYTES:
        raise ExchangeError(str(files.too_big(Path(name), len(data), MAX_BYTES, WHAT)))
    try:
        document = jsontext.parse(data)
    except jsontext.NotJSON as problem:
        raise ExchangeError(
            f"{files.shown(name)} {problem}, so it cannot be an answers file; {CHOOSE}."
        ) from None
    return from_document(document)
