"""The course: its sections and their activities. The activity models are the kinds' own
(``valued_contributors.kinds``); they are named here too, where callers have always found them.

They are named tuples rather than dataclasses: Python makes them about four times faster at
import, and every kernel imports this module before it shows its first activity.
"""

from __future__ import annotations

from typing import NamedTuple

from valued_contributors.kinds import (
    Activity,
    Check,
    Confidence,
    Option,
    Question,
    Reflection,
    Scenario,
    Statement,
)
from valued_contributors.kinds.check import final_assessment
from valued_contributors.kinds.confidence import LABELS as CONFIDENCE_LABELS
from valued_contributors.kinds.reflection import MAX_TEXT

__all__ = [
    "CONFIDENCE_LABELS",
    "MAX_TEXT",
    "Activity",
    "Check",
    "Confidence",
    "Course",
    "Option",
    "Question",
    "Reflection",
    "Scenario",
    "Section",
    "Statement",
]


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
        return final_assessment(self.activities.values())

    def get(self, activity_id: str) -> Activity:
        """The activity with this id; KeyError, listing the known ids, if there is none."""
        try:
            return self.activities[activity_id]
        except KeyError:
            known = ", ".join(sorted(self.activities)) or "none"
            raise KeyError(
                f"There is no activity called {activity_id!r}; check the id against the "
                f"activity files (known ids: {known})."
            ) from None
