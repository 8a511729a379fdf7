"""Sentences every format of the learning record shares."""

from __future__ import annotations

from valued_contributors.content.scoring import Change, needed
from valued_contributors.record.model import (
    ASSESSED,
    COMPLETE,
    Entry,
    LearningRecord,
    rating_words,
)
from valued_contributors.views.html import KIND_NAMES


def headline() -> str:
    return "Learning record: Valued Contributors"


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not parts:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def about_line(record: LearningRecord) -> list[str]:
    """Who, when and how much: the lines at the top of every record."""
    lines = []
    if record.name:
        lines.append(f"Name: {record.name}")
    if record.role:
        lines.append(f"Role: {record.role}")
    lines.append(f"Made on {long_date(record.made_on)}.")
    lines.append(
        f"Activities done: {record.done} of {record.total} "
        f"(about {duration(record.minutes_done)} of activities)."
    )
    if record.complete:
        lines.append(completion_statement(record))
    return lines


def completion_statement(record: LearningRecord) -> str:
    """The statement of completion, with the day it was earned and the final assessment score."""
    day = record.completed_on or record.made_on
    statement = COMPLETE.format(date=long_date(day))
    check, result = record.final_assessment, record.assessment_result
    if check is not None and result is not None:
        statement += ASSESSED.format(score=result.score, out_of=result.out_of, needed=needed(check))
    return statement + "."


def entry_heading(entry: Entry) -> str:
    saved = f", saved on {long_date(entry.saved_on)}" if entry.saved_on else ""
    kind = KIND_NAMES[entry.activity.kind]
    return f"{kind}: {entry.activity.title} (about {entry.activity.minutes} minutes{saved})"


def change_words(change: Change) -> str:
    if change.difference is None:
        return "–"
    return f"{change.difference:+d}" if change.difference else "No change"


def changes_rows(record: LearningRecord) -> list[tuple[str, str, str, str]]:
    return [
        (c.statement, rating_words(c.before), rating_words(c.after), change_words(c))
        for c in record.changes
    ]
