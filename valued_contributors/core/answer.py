"""One saved version of a learner's answer: the unit every format, store and view shares, and the
one rule for which version of an answer is the latest.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Final, NamedTuple

from valued_contributors.core import times


class Answer(NamedTuple):
    """One saved version of a learner's answer to an activity."""

    activity: str
    value: dict[str, Any]
    saved_at: str
    origin: str = "notebook"


now = times.now
"""The time an answer saved now is stamped with, in the one spelling of a saved time."""

OLDEST: Final = datetime.min.replace(tzinfo=UTC)

LATEST_RULE: Final = {
    "time": "saved_at",
    "compare": "moment",
    "precision": "millisecond",
    "ties": "last",
    "unreadable": "oldest",
}
"""The rule of ``latest`` as data, for the book's script: the version whose ``saved_at`` is the
latest moment (``…:00Z`` is before ``…:00.500Z``, so compare times, not their spelling), to the
millisecond, as every time is stored (``…:00.0001Z`` and ``…:00.0002Z`` are the same moment); of
versions saved at the same moment, the last one saved or listed (an import comes after what is
already kept); a time that cannot be read counts as the oldest."""

NEWEST_FIRST_SQL: Final = "saved_at DESC, id DESC"
"""The same rule as an SQL ordering for the journal: every stored time is in the one spelling,
so text order is time order, and row ids are the order the versions were saved."""


def moment(answer: Answer) -> datetime:
    """When a version was saved, to the millisecond (as the journal stores it); a time that cannot
    be read counts as the oldest, so stored data never stops a record or a contribution.
    """
    try:
        return times.parse(times.normalise(answer.saved_at))
    except ValueError:
        return OLDEST


def latest(answers: Iterable[Answer]) -> dict[str, Answer]:
    """The latest version of each answer, by activity, under ``LATEST_RULE``; ``answers`` are in
    the order they were saved (or listed in a file).
    """
    newest: dict[str, tuple[datetime, Answer]] = {}
    for answer in answers:
        when = moment(answer)
        kept = newest.get(answer.activity)
        if kept is None or when >= kept[0]:
            newest[answer.activity] = (when, answer)
    return {activity: answer for activity, (_, answer) in newest.items()}
