"""A contribution: what a learner chooses to share with a facilitator, and nothing more.

Only the activities the learner ticked, only the latest answer to each, no name, no origin,
and the day each answer was saved rather than the time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from valued_contributors.core import times
from valued_contributors.core.answer import Answer
from valued_contributors.exchange import kind_of
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.validation import first_problem

FORMAT = "valued-contributors/contribution"
VERSION = 1


OLDEST = datetime.min.replace(tzinfo=UTC)


def _moment(saved_at: str) -> datetime:
    """When an answer was saved; a stored time that cannot be read counts as the oldest, so a
    contribution can always be made."""
    try:
        return times.parse(saved_at)
    except ValueError:
        return OLDEST


def _kind(answer: Answer) -> str:
    try:
        return kind_of(answer.value)
    except (TypeError, ValueError):
        raise FacilitationError(
            f"The answer to {answer.activity} is not one this course recognises; export it again."
        ) from None


def make_contribution(answers: Iterable[Answer], shared_ids: Iterable[str]) -> dict[str, Any]:
    """A contribution document of the latest answer to each shared activity, dated to the day."""
    shared = set(shared_ids)
    latest: dict[str, tuple[datetime, Answer]] = {}
    for answer in answers:
        if answer.activity not in shared:
            continue
        moment = _moment(answer.saved_at)
        if answer.activity not in latest or moment >= latest[answer.activity][0]:
            latest[answer.activity] = (moment, answer)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "answers": [
            {
                "activity": activity,
                "kind": _kind(answer),
                "value": answer.value,
                "saved_on": (moment if moment is not OLDEST else datetime.now(UTC))
                .date()
                .isoformat(),
            }
            for activity, (moment, answer) in sorted(latest.items())
        ],
    }
    problem = first_problem("contribution", document)
    if problem is not None:
        raise FacilitationError(
            f"This contribution cannot be made: {problem.where or 'it'} {problem.message}; "
            "check the answers you chose to share."
        )
    return document


def dumps(document: dict[str, Any]) -> str:
    """A contribution as the text of a .json file."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
