"""Immutable objects for the four kinds of activity and the sections that hold them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Option:
    """One answer to a question or one choice in a scenario, with the feedback it earns."""

    id: str
    text: str
    feedback: str
    correct: bool = False
    best: bool = False


@dataclass(frozen=True)
class Statement:
    """One statement a learner rates on the confidence scale."""

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """One knowledge-check question; ``multiple`` means "choose all that apply"."""

    id: str
    text: str
    options: tuple[Option, ...]
    multiple: bool = False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Activity:
    """What every activity has: a stable id (``section/name``), a title and a time estimate."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    kind: str = field(init=False, default="")

    @property
    def section(self) -> str:
        return self.id.split("/", 1)[0]


@dataclass(frozen=True)
class Reflection(Activity):
    """A free-text reflection with optional guidance."""

    prompt: str = ""
    guidance: str | None = None
    kind: str = field(init=False, default="reflection")


@dataclass(frozen=True)
class Confidence(Activity):
    """Statements rated from 1 to 5; ``repeats`` names the earlier scale this one repeats."""

    prompt: str | None = None
    statements: tuple[Statement, ...] = ()
    repeats: str | None = None
    kind: str = field(init=False, default="confidence")


@dataclass(frozen=True)
class Check(Activity):
    """A knowledge check of one or more questions."""

    questions: tuple[Question, ...] = ()
    kind: str = field(init=False, default="check")


@dataclass(frozen=True)
class Scenario(Activity):
    """A situation and a choice of responses, each with feedback."""

    situation: str = ""
    question: str = ""
    choices: tuple[Option, ...] = ()
    kind: str = field(init=False, default="scenario")


@dataclass(frozen=True)
class Section:
    """One section's activities, in the order the author wrote them."""

    id: str
    title: str
    source: str
    activities: tuple[Activity, ...]
    supports: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Course:
    """Every section, and every activity by its id."""

    sections: tuple[Section, ...]

    @property
    def activities(self) -> dict[str, Activity]:
        return {a.id: a for s in self.sections for a in s.activities}

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
    1: "Not at all confident",
    2: "A little confident",
    3: "Fairly confident",
    4: "Confident",
    5: "Very confident",
}
