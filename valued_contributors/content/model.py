"""Immutable objects for the four kinds of activity and the sections that hold them.

They are named tuples rather than dataclasses: Python makes them about four times faster at
import, and every kernel imports this module before it shows its first activity.
"""

from __future__ import annotations

from typing import NamedTuple

from valued_contributors.core import wording


class Option(NamedTuple):
    """One answer to a question or one choice in a scenario, with the feedback it earns."""

    id: str
    text: str
    feedback: str
    correct: bool = False
    best: bool = False


class Statement(NamedTuple):
    """One statement a learner rates on the confidence scale."""

    id: str
    text: str


class Question(NamedTuple):
    """One knowledge-check question; ``multiple`` means "choose all that apply"."""

    id: str
    text: str
    options: tuple[Option, ...]
    multiple: bool = False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


def _section_of(activity: Activity) -> str:
    """The section part of an activity id (``voices`` in ``voices/ripple``)."""
    return activity.id.split("/", 1)[0]


class Reflection(NamedTuple):
    """A free-text reflection with optional guidance."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    prompt: str = ""
    guidance: str | None = None
    kind = "reflection"
    section = property(_section_of)


class Confidence(NamedTuple):
    """Statements rated from 1 to 5; ``repeats`` names the earlier scale this one repeats."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    prompt: str | None = None
    statements: tuple[Statement, ...] = ()
    repeats: str | None = None
    kind = "confidence"
    section = property(_section_of)


class Check(NamedTuple):
    """A knowledge check of one or more questions; ``assessment`` marks the final assessment,
    whose ``pass_mark`` (a share of the questions, 0 to 1) decides the statement of completion."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    questions: tuple[Question, ...] = ()
    assessment: str | None = None
    pass_mark: float | None = None
    kind = "check"
    section = property(_section_of)


class Scenario(NamedTuple):
    """A situation and a choice of responses, each with feedback."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    situation: str = ""
    question: str = ""
    choices: tuple[Option, ...] = ()
    kind = "scenario"
    section = property(_section_of)


Activity = Reflection | Confidence | Check | Scenario
"""Any of the four kinds. Each starts with the same four fields: a stable id
(``section/name``), a title, a time estimate in minutes and an optional discussion."""


class Section(NamedTuple):
    """One section's activities, in the order the author wrote them."""

    id: str
    title: str
    source: str
    activities: tuple[Activity, ...]
    supports: dict[str, tuple[str, ...]]


class Course(NamedTuple):
    """Every section, and every activity by its id."""

    sections: tuple[Section, ...]

    @property
    def activities(self) -> dict[str, Activity]:
        return {a.id: a for s in self.sections for a in s.activities}

    @property
    def final_assessment(self) -> Check | None:
        """The knowledge check marked ``assessment: final``, if the course has one."""
        return next(
            (a for a in self.activities.values() if isinstance(a, Check) and a.assessment),
            None,
        )

    def get(self, activity_id: str) -> Activity:
        try:
            return self.activities[activity_id]
        except KeyError:
            known = ", ".join(sorted(self.activities)) or "none"
            raise KeyError(
                f"There is no activity called {activity_id!r}; check the id against the "
                f"activity files (known ids: {known})."
            ) from None


MAX_TEXT = 1_000_000  # characters in one reflection; the exchange schema says the same

CONFIDENCE_LABELS: dict[int, str] = {
    int(n): label for n, label in wording.group("confidence.labels").items()
}
