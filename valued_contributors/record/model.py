"""What a learning record holds, built once from the course and the learner's latest answers.

Every export format (Markdown, HTML, Word, and the book's page) renders these same blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from valued_contributors.content import scoring
from valued_contributors.content.model import (
    CONFIDENCE_LABELS,
    Activity,
    Check,
    Confidence,
    Course,
    Reflection,
    Scenario,
    Section,
)
from valued_contributors.core import times, wording
from valued_contributors.core.answer import Answer

SUPPORT_NAMES = {
    "codes": "SSSC Codes of Practice (2024)",
    "capabilities": "Continuous Learning Framework capabilities",
    "standards": "Health and Social Care Standards",
}
BEFORE, AFTER = "start/baseline", "practice/after"
COMPLETE = wording.text("record.complete")
ASSESSED = wording.text("record.assessed")
NOT_ANSWERED = wording.text("record.not_answered")


def is_done(activity: Activity, value: dict[str, Any] | None) -> bool:
    """An activity counts as done once it has a saved answer: a reflection needs some text,
    and a knowledge check an answer to every question."""
    if value is None:
        return False
    if isinstance(activity, Reflection):
        return bool(value.get("text", "").strip())
    if isinstance(activity, Check):
        selected = value.get("selected", {})
        return all(selected.get(q.id) for q in activity.questions)
    return True


@dataclass(frozen=True)
class Block:
    """One piece of a record entry: a kind (prompt, answer, result…) and its text."""

    kind: str
    text: str
    label: str = ""


def rating_words(value: int | None) -> str:
    if value is None:
        return wording.text("record.not_rated")
    return wording.text("record.rating", n=value, label=CONFIDENCE_LABELS[value])


def describe(activity: Activity, value: dict[str, Any] | None) -> list[Block]:
    """The blocks that show one answer; the same for every format."""
    if isinstance(activity, Reflection):
        text = (value or {}).get("text", "")
        return [Block("prompt", activity.prompt), Block("answer", text or NOT_ANSWERED)]
    if isinstance(activity, Confidence):
        ratings = (value or {}).get("ratings", {})
        return [
            Block("rating", rating_words(ratings.get(s.id)), s.text) for s in activity.statements
        ]
    if isinstance(activity, Check):
        if value is None:
            return [Block("result", NOT_ANSWERED)]
        result = scoring.mark_check(activity, value.get("selected", {}))
        blocks = [Block("result", result.summary)]
        for r in result.questions:
            chosen = wording.text("record.choices_joined").join(o.text for o in r.chosen)
            words = wording.text(
                "record.choice",
                choice=chosen or wording.text("record.no_choice"),
                verdict=r.verdict,
            )
            blocks.append(Block("choice", words, r.question.text))
        return blocks
    if isinstance(activity, Scenario):
        option = scoring.scenario_choice(activity, (value or {}).get("choice"))
        if option is None:
            return [Block("prompt", activity.question), Block("result", NOT_ANSWERED)]
        return [
            Block("prompt", activity.question),
            Block("choice", option.text, "Your choice"),
            Block("feedback", option.feedback, "Feedback"),
        ]
    return []


@dataclass(frozen=True)
class Entry:
    """One activity in the record, with the learner's latest answer (if any)."""

    activity: Activity
    answer: Answer | None

    @property
    def done(self) -> bool:
        return is_done(self.activity, self.answer.value if self.answer else None)

    @property
    def saved_on(self) -> date | None:
        return times.day_of(self.answer.saved_at) if self.answer else None

    @property
    def blocks(self) -> list[Block]:
        return describe(self.activity, self.answer.value if self.answer else None)


@dataclass(frozen=True)
class SectionRecord:
    """A section's entries and how many are done."""

    section: Section
    entries: tuple[Entry, ...]

    @property
    def done(self) -> int:
        return sum(e.done for e in self.entries)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def progress(self) -> str:
        return progress_text(self.done, self.total)

    @property
    def supports(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(SUPPORT_NAMES[k], v) for k, v in self.section.supports.items() if v]


def progress_text(done: int, total: int) -> str:
    """The words both views use, e.g. "3 of 5 activities done"."""
    return wording.plural("progress.done", total, done=done, total=total)


@dataclass(frozen=True)
class LearningRecord:
    """The whole record: who (optional), when, every section, and confidence before and after."""

    sections: tuple[SectionRecord, ...]
    name: str = ""
    role: str = ""
    made_on: date = field(default_factory=lambda: datetime.now(UTC).date())
    changes: tuple[scoring.Change, ...] = ()

    @property
    def done(self) -> int:
        return sum(s.done for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def final_assessment(self) -> Check | None:
        """The check marked ``assessment: final``, if the course has one."""
        entries = (e.activity for s in self.sections for e in s.entries)
        return next((a for a in entries if isinstance(a, Check) and a.assessment), None)

    @property
    def assessment_result(self) -> scoring.CheckResult | None:
        """The learner's latest marks in the final assessment (None if there is none)."""
        check = self.final_assessment
        if check is None:
            return None
        entry = next(e for s in self.sections for e in s.entries if e.activity is check)
        selected = entry.answer.value.get("selected", {}) if entry.answer else {}
        return scoring.mark_check(check, selected)

    @property
    def complete(self) -> bool:
        """The rule for a statement of completion: every activity in every section is done and,
        if the course has a final assessment, the learner scored at least its pass mark."""
        if not (self.total > 0 and self.done == self.total):
            return False
        check, result = self.final_assessment, self.assessment_result
        return check is None or (result is not None and result.score >= scoring.needed(check))

    @property
    def completed_on(self) -> date | None:
        """The day the last activity was saved, once the record is complete."""
        days = [e.saved_on for s in self.sections for e in s.entries if e.saved_on]
        return max(days) if self.complete and days else None

    @property
    def minutes_done(self) -> int:
        return sum(e.activity.minutes for s in self.sections for e in s.entries if e.done)


def latest(answers: list[Answer]) -> dict[str, Answer]:
    """The newest version of each answer."""
    newest: dict[str, Answer] = {}
    for answer in sorted(answers, key=lambda a: a.saved_at):
        newest[answer.activity] = answer
    return newest


def build_record(
    course: Course, answers: list[Answer], name: str = "", role: str = ""
) -> LearningRecord:
    """Put every answer under its section and activity, in course order."""
    newest = latest(answers)
    sections = tuple(
        SectionRecord(s, tuple(Entry(a, newest.get(a.id)) for a in s.activities))
        for s in course.sections
    )
    activities = course.activities
    changes: tuple[scoring.Change, ...] = ()
    scale = activities.get(BEFORE)
    if isinstance(scale, Confidence) and AFTER in activities:
        ratings = [
            newest[i].value.get("ratings", {}) if i in newest else {} for i in (BEFORE, AFTER)
        ]
        changes = tuple(scoring.confidence_changes(scale, *ratings))
    return LearningRecord(sections, name.strip(), role.strip(), changes=changes)
