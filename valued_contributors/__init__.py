"""Valued Contributors: a self-study course on involving everyone in workforce planning.

In a notebook, ``from valued_contributors import show`` and ``show("voices/ripple")`` display
an activity. The widgets are imported on first use, so the command line starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from valued_contributors.views.activity import ActivityView
    from valued_contributors.views.compare import ComparisonView
    from valued_contributors.views.progress import ProgressView
    from valued_contributors.views.record import RecordView

__all__ = ["ActivityView", "compare", "progress", "record", "show"]
__version__ = "0.1.0"


def show(activity_id: str) -> ActivityView:
    """Display the activity with this id, e.g. ``show("voices/ripple")``."""
    from valued_contributors.views.activity import show as show_activity

    return show_activity(activity_id)


def compare(before_id: str, after_id: str) -> ComparisonView:
    """Chart two confidence scales, e.g. ``compare("start/baseline", "practice/after")``."""
    from valued_contributors.views.compare import compare as compare_scales

    return compare_scales(before_id, after_id)


def progress(section: str | None = None) -> ProgressView:
    """Show how many activities are done, in one section or (with no section) overall."""
    from valued_contributors.views.progress import progress as section_progress

    return section_progress(section)


def record() -> RecordView:
    """Show the learning record, with exports."""
    from valued_contributors.views.record import record as learning_record

    return learning_record()


def __getattr__(name: str) -> Any:
    if name == "ActivityView":
        from valued_contributors.views.activity import ActivityView

        return ActivityView
    raise AttributeError(name)
