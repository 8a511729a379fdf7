"""One object, two views: ``show(id)`` returns an activity that Jupyter displays as widgets
and the built book displays as HTML."""

from __future__ import annotations

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
        bundle = widgets.build(self.activity)._repr_mimebundle_()
        bundle["text/html"] = html.render(self.activity)
        bundle["text/plain"] = repr(self)
        return bundle


def show(activity_id: str) -> ActivityView:
    """Display the activity with this id, e.g. ``show("voices/ripple")``."""
    return ActivityView(course().get(activity_id))
