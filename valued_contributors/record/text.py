"""Sentences every format of the learning record shares."""

from __future__ import annotations

from datetime import date

from valued_contributors import kinds
from valued_contributors.content.scoring import Change, needed
from valued_contributors.core import wording
from valued_contributors.record.model import (
    ASSESSED,
    COMPLETE,
    Entry,
    LearningRecord,
    rating_words,
)


def headline() -> str:
    """The learning record's title."""
    return wording.text("record.title")


def long_date(day: date) -> str:
    """A day written out in full, such as 27 November 2026."""
    return f"{day.day} {day:%B %Y}"


def duration(minutes: int) -> str:
    """Minutes in words, in hours and minutes."""
    hours, rest = divmod(minutes, 60)
    parts = [wording.plural("duration.hours", hours)] if hours else []
    if rest or not parts:
        parts.append(wording.plural("duration.minutes", rest))
    return " ".join(parts)


def completion_statement(record: LearningRecord) -> str:
    """The statement of completion, with the day it was earned and the final assessment score."""
    day = record.completed_on or record.made_on
    check, result = record.final_assessment, record.assessment_result
    assessed = ""
    if check is not None and result is not None:
        assessed = ASSESSED.format(score=result.score, out_of=result.out_of, needed=needed(check))
    return wording.text(
        "record.completion", complete=COMPLETE.format(date=long_date(day)), assessed=assessed
    )


def entry_heading(entry: Entry) -> str:
    """An entry's heading: its title, and the day it was saved."""
    saved = (
        wording.text("record.saved_on", date=long_date(entry.saved_on)) if entry.saved_on else ""
    )
    kind = kinds.of(entry.activity).label
    minutes = wording.plural("duration.minutes", entry.activity.minutes)
    return f"{kind}: {entry.activity.title} (about {minutes}{saved})"


def change_words(change: Change) -> str:
    """A confidence change in words or as a signed number."""
    if change.difference is None:
        return wording.text("compare.none")
    return f"{change.difference:+d}" if change.difference else wording.text("compare.no_change")


def changes_rows(record: LearningRecord) -> list[tuple[str, str, str, str]]:
    """The before-and-after table's rows: statement, before, after and change."""
    return [
        (c.statement, rating_words(c.before), rating_words(c.after), change_words(c))
        for c in record.changes
    ]
