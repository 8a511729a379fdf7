"""Scoring and feedback rules, each defined once in its kind's module and named here too."""

from __future__ import annotations

from valued_contributors.kinds.check import (
    NO_ANSWER,
    NOT_YET,
    RIGHT,
    SUMMARY,
    CheckResult,
    QuestionResult,
    mark_question,
    needed,
    verdicts,
)
from valued_contributors.kinds.check import mark as mark_check
from valued_contributors.kinds.confidence import Change
from valued_contributors.kinds.confidence import changes as confidence_changes
from valued_contributors.kinds.scenario import choice_made as scenario_choice

__all__ = [
    "NOT_YET",
    "NO_ANSWER",
    "RIGHT",
    "SUMMARY",
    "Change",
    "CheckResult",
    "QuestionResult",
    "confidence_changes",
    "mark_check",
    "mark_question",
    "needed",
    "scenario_choice",
    "verdicts",
]
