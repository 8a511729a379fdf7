"""One object, two views: ``show(id)`` returns an activity that Jupyter displays as widgets
and the built book displays as HTML.
"""

from __future__ import annotations

import difflib
from html import escape
from typing import Any

from valued_contributors.content.compiled import course
from valued_contributors.content.model import Activity
from valued_contributors.views import html, widgets


class ActivityView:
    """An activity ready for display; its MIME bundle carries both views."""

    def __init__(self, activity: Activity):
        self.activity = activity

    def __repr__(self) -> str:
        return f"{self.activity.title} ({self.activity.kind} {self.activity.id})"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = widgets.build(self.activity)._repr_mimebundle_()
        bundle["text/html"] = html.render(self.activity)
        bundle["text/plain"] = repr(self)
        return bundle


class Problem:
    """One sentence shown in place of something that cannot be displayed; the notebook goes on."""

    def __init__(self, sentence: str):
        self.sentence = sentence

    def __repr__(self) -> str:
        return self.sentence

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            "text/plain": self.sentence,
            "text/html": f"<p role='alert'><strong>{escape(self.sentence)}</strong></p>",
        }


def unknown(what: str, name: str, known: list[str]) -> Problem:
    """A one-sentence problem, e.g. "No activity 'voices/rippl'. Did you mean 'voices/ripple'?"."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]!r}?" if close else f" Check the {what} id in the cell."
    return Problem(f"No {what} {name!r}.{hint}")


def show(activity_id: str) -> ActivityView | Problem:
    """Display the activity with this id, e.g. ``show("voices/ripple")``."""
    activities = course().activities
    if activity_id not in activities:
        return unknown("activity", activity_id, list(activities))
    return ActivityView(activities[activity_id])
