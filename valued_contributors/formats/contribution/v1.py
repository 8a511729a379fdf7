"""Version 1 of the contribution file: what a learner chooses to share with a facilitator.

Only the activities the learner ticked, only the latest answer to each, no name, no origin, and
the day each answer was saved rather than the time. Its schema is
``schemas/contribution.schema.json``. It is the first version: no older one exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, Final

from valued_contributors.core.answer import OLDEST, Answer, latest, moment
from valued_contributors.formats.common import Document, FormatError, kind_of
from valued_contributors.validation import first_problem, schema

SCHEMA: Final = "contribution"
_FIELDS: Final = schema(SCHEMA)["properties"]
FORMAT: Final[str] = _FIELDS["format"]["const"]
VERSION: Final[int] = _FIELDS["version"]["const"]
"""The format's name and this version's number, as its schema says."""


def _kind(answer: Answer) -> str:
    try:
        return kind_of(answer.value)
    except (TypeError, ValueError):
        raise FormatError(
            f"The answer to {answer.activity} is not one this course recognises; export it again."
        ) from None


def _day(answer: Answer) -> str:
    when = moment(answer)
    return (when if when is not OLDEST else datetime.now(UTC)).date().isoformat()


def make(answers: Iterable[Answer], shared_ids: Iterable[str]) -> Document:
    """A contribution of the latest answer to each shared activity, dated to the day;
    FormatError (one sentence) if the answers cannot make a valid one.
    """
    shared = set(shared_ids)
    newest = latest(a for a in answers if a.activity in shared)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "answers": [
            {
                "activity": activity,
                "kind": _kind(answer),
                "value": answer.value,
                "saved_on": _day(answer),
            }
            for activity, answer in sorted(newest.items())
        ],
    }
    problem = first_problem(SCHEMA, document)
    if problem is not None:
        raise FormatError(
            f"This contribution cannot be made: {problem.where or 'it'} {problem.message}; "
            "check the answers you chose to share."
        )
    return document


def answers_of(document: Document) -> list[dict[str, Any]]:
    """The answers in a version 1 contribution; FormatError with a short reason if it is
    damaged (a facilitator sees it in a list of skipped files). Broken characters must already be
    mended, as ``contribution.read`` does.
    """
    problem = first_problem(SCHEMA, document)
    if problem is not None:
        where = "/".join(problem.path) or "the top level"
        raise FormatError(f"is damaged at {where} ({problem.message})")
    seen: set[str] = set()
    found: list[dict[str, Any]] = document["answers"]
    for answer in found:
        try:
            date.fromisoformat(answer["saved_on"])
        except ValueError:
            raise FormatError(
                f"has an answer saved on {answer['saved_on']}, which is not a real date"
            ) from None
        if kind_of(answer["value"]) != answer["kind"]:
            raise FormatError(f"has an answer to {answer['activity']} that does not match its kind")
        if answer["activity"] in seen:
            raise FormatError(f"answers {answer['activity']} twice")
        seen.add(answer["activity"])
    return found
