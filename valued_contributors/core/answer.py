"""One saved version of a learner's answer: the unit every format, store and view shares."""

from __future__ import annotations

from typing import Any, NamedTuple

from valued_contributors.core import times


class Answer(NamedTuple):
    """One saved version of a learner's answer to an activity."""

    activity: str
    value: dict[str, Any]
    saved_at: str
    origin: str = "notebook"


now = times.now
"""The time an answer saved now is stamped with, in the one spelling of a saved time."""
