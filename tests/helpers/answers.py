"""Answers to every activity of a course, for records, progress and completion tests."""

from __future__ import annotations

from typing import Any

from valued_contributors.content.model import Activity, Course
from valued_contributors.journal import Journal

Row = tuple[str, dict[str, Any], str]  # activity id, value, saved at
DAY = "2026-11-20T10:00:00Z"


def done_value(activity: Activity) -> dict[str, Any]:
    """A value that counts as done for this activity (every question answered, not marked)."""
    questions = getattr(activity, "questions", ())
    values: dict[str, dict[str, Any]] = {
        "reflection": {"text": "done"},
        "confidence": {"ratings": {}},
        "check": {"selected": {q.id: ["a"] for q in questions}},
        "scenario": {"choice": "a"},
    }
    return values[activity.kind]


def final_value(course: Course, right: int) -> dict[str, Any]:
    """An answer to the final assessment with its first ``right`` questions right, the rest
    wrong.
    """
    check = course.final_assessment
    assert check is not None, "the course has no check with assessment: final"
    selected = {}
    for n, question in enumerate(check.questions):
        wrong = [o.id for o in question.options if not o.correct][:1]
        selected[question.id] = sorted(question.correct_ids) if n < right else wrong
    return {"selected": selected}


def every_answer(course: Course, right: int | None = None, saved_at: str = DAY) -> list[Row]:
    """A done answer to every activity; the final assessment has ``right`` questions right
    (all of them when ``right`` is None).
    """
    final = course.final_assessment
    rows = []
    for activity in course.activities.values():
        value = done_value(activity)
        if final is not None and activity.id == final.id:
            value = final_value(course, len(final.questions) if right is None else right)
        rows.append((activity.id, value, saved_at))
    return rows


def fill(journal: Journal, rows: list[Row]) -> None:
    """Save every row, at its own time."""
    for activity, value, saved_at in rows:
        journal.save(activity, value, saved_at=saved_at)
