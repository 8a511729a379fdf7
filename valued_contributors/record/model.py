"""What a learning record holds, built once from the course and the learner's latest answers.

Every export format (Markdown, HTML, Word, and the book's page) writes the same document
nodes, which each kind makes for its own answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from valued_contributors import kinds
from valued_contributors.content.model import Activity, Check, Course, Section
from valued_contributors.core import times, wording
from valued_contributors.core.answer import Answer, latest
from valued_contributors.kinds import check as checks
from valued_contributors.kinds.confidence import Change, before_after, rating_words
from valued_contributors.kinds.confidence import changes as confidence_changes

if TYPE_CHECKING:
    from valued_contributors.document import Block

__all__ = [
    "Entry",
    "LearningRecord",
    "SectionRecord",
    "build_record",
    "describe",
    "is_done",
    "latest",
    "progress_text",
    "rating_words",
]

SUPPORT_NAMES = {
    "codes": "SSSC Codes of Practice (2024)",
    "capabilities": "Continuous Learning Framework capabilities",
    "standards": "Health and Social Care Standards",
}
COMPLETE = wording.text("record.complete")
ASSESSED = wording.text("record.assessed")


def is_done(activity: Activity, value: dict[str, Any] | None) -> bool:
    """An activity counts as done once it has a saved answer that meets its kind's rule
    (a reflection needs some text, a knowledge check an answer to every question).
    """
    return kinds.is_done(activity, value)


def describe(activity: Activity, value: dict[str, Any] | None) -> tuple[Block, ...]:
    """The document nodes that show one answer; the same for every format."""
    nodes: tuple[Block, ...] = kinds.of(activity).describe(activity, value)
    return nodes


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
    def blocks(self) -> tuple[Block, ...]:
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
    changes: tuple[Change, ...] = ()

    @property
    def done(self) -> int:
        return sum(s.done for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def final_assessment(self) -> Check | None:
        """The check marked ``assessment: final``, if the course has one."""
        return checks.final_assessment(e.activity for s in self.sections for e in s.entries)

    @property
    def assessment_result(self) -> checks.CheckResult | None:
        """The learner's latest marks in the final assessment (None if there is none)."""
        check = self.final_assessment
        if check is None:
            return None
        entry = next(e for s in self.sections for e in s.entries if e.activity is check)
        selected = entry.answer.value.get("selected", {}) if entry.answer else {}
        return checks.mark(check, selected)

    @property
    def complete(self) -> bool:
        """The rule for a statement of completion: every activity in every section is done and,
        if the course has a final assessment, the learner scored at least its pass mark."""
        if not (self.total > 0 and self.done == self.total):
            return False
        check, result = self.final_assessment, self.assessment_result
        return check is None or (result is not None and result.score >= checks.needed(check))

    @property
    def completed_on(self) -> date | None:
        """The day the last activity was saved, once the record is complete."""
        days = [e.saved_on for s in self.sections for e in s.entries if e.saved_on]
        return max(days) if self.complete and days else None

    @property
    def minutes_done(self) -> int:
        return sum(e.activity.minutes for s in self.sections for e in s.entries if e.done)


def build_record(
    course: Course, answers: list[Answer], name: str = "", role: str = ""
) -> LearningRecord:
    """Put every answer under its section and activity, in course order."""
    newest = latest(answers)
    sections = tuple(
        SectionRecord(s, tuple(Entry(a, newest.get(a.id)) for a in s.activities))
        for s in course.sections
    )
    pair = before_after(course.activities)
    compared: tuple[Change, ...] = ()
    if pair is not None:
        before, after = (
            newest[a.id].value.get("ratings", {}) if a.id in newest else {} for a in pair
        )
        compared = tuple(confidence_changes(pair[0], before, after))
    return LearningRecord(sections, name.strip(), role.strip(), changes=compared)
