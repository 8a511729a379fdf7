"""Scoring and feedback rules, defined once for the notebook view, the book view and exports."""

from __future__ import annotations

import math
from typing import NamedTuple

from valued_contributors.content.model import Check, Confidence, Option, Question, Scenario
from valued_contributors.core import wording

RIGHT = wording.text("verdict.right")
NOT_YET = wording.text("verdict.not_yet")
NO_ANSWER = wording.text("verdict.no_answer")
SUMMARY = wording.text("verdict.summary")


class QuestionResult(NamedTuple):
    """The verdict on one question and the feedback for each option the learner chose."""

    question: Question
    chosen: tuple[Option, ...]
    correct: bool

    @property
    def verdict(self) -> str:
        if not self.chosen:
            return NO_ANSWER
        return RIGHT if self.correct else NOT_YET


class CheckResult(NamedTuple):
    """Every question's result and the score across them."""

    questions: tuple[QuestionResult, ...]

    @property
    def score(self) -> int:
        return sum(r.correct for r in self.questions)

    @property
    def out_of(self) -> int:
        return len(self.questions)

    @property
    def summary(self) -> str:
        return SUMMARY.format(score=self.score, out_of=self.out_of)


def mark_question(question: Question, selected: list[str] | tuple[str, ...]) -> QuestionResult:
    """A question is right when the chosen options are exactly the correct ones."""
    chosen = tuple(o for o in question.options if o.id in set(selected))
    correct = bool(chosen) and {o.id for o in chosen} == question.correct_ids
    return QuestionResult(question, chosen, correct)


def mark_check(check: Check, selected: dict[str, list[str]]) -> CheckResult:
    """Mark every question of a knowledge check from the learner's selections."""
    return CheckResult(tuple(mark_question(q, selected.get(q.id, [])) for q in check.questions))


def needed(check: Check) -> int:
    """How many questions a learner must get right to reach the check's pass mark."""
    return math.ceil(round((check.pass_mark or 0) * len(check.questions), 9))


def scenario_choice(scenario: Scenario, choice: str | None) -> Option | None:
    """The choice the learner made, whose feedback is shown beneath the scenario."""
    return next((c for c in scenario.choices if c.id == choice), None)


def verdicts() -> dict[str, str]:
    """The verdict sentences, handed to the book's script so it never words them itself."""
    return {"right": RIGHT, "notYet": NOT_YET, "noAnswer": NO_ANSWER, "summary": SUMMARY}


class Change(NamedTuple):
    """One statement's confidence before and after (None where it was not rated)."""

    statement: str
    before: int | None
    after: int | None

    @property
    def difference(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def confidence_changes(
    scale: Confidence, before: dict[str, int], after: dict[str, int]
) -> list[Change]:
    """Pair the two ratings of every statement of a scale, in the scale's order."""
    return [Change(s.text, before.get(s.id), after.get(s.id)) for s in scale.statements]
