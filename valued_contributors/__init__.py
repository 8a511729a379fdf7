"""Valued Contributors: a self-study course on involving everyone in workforce planning.

In a notebook, ``from valued_contributors import show`` and ``show("voices/ripple")`` display
an activity. The widgets are imported on first use, so the command line starts quickly.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from valued_contributors.views.activity import ActivityView, Problem
    from valued_contributors.views.answers import AnswersView
    from valued_contributors.views.compare import ComparisonView
    from valued_contributors.views.navigation import CourseMap
    from valued_contributors.views.progress import ProgressView
    from valued_contributors.views.record import RecordView

__all__ = ["ActivityView", "answers", "compare", "course_map", "progress", "record", "show"]
__version__ = "0.1.0"


def show(activity_id: str) -> ActivityView | Problem:
    """Display the activity with this id, e.g. ``show("voices/ripple")``."""
    from valued_contributors.views.activity import show as show_activity

    return show_activity(activity_id)


def compare(before_id: str, after_id: str) -> ComparisonView | Problem:
    """Chart two confidence scales, e.g. ``compare("start/baseline", "practice/after")``."""
    from valued_contributors.views.compare import compare as compare_scales

    return compare_scales(before_id, after_id)


def progress(section: str | None = None) -> ProgressView | Problem:
    """Show how many activities are done, in one section or (with no section) overall."""
    from valued_contributors.views.progress import progress as section_progress

    return section_progress(section)


def record() -> RecordView:
    """Show the learning record, with exports."""
    from valued_contributors.views.record import record as learning_record

    return learning_record()


def answers() -> AnswersView:
    """Manage your answers in the notebook: where they are kept, import, export and delete."""
    from valued_contributors.views.answers import answers as manage_answers

    return manage_answers()


def course_map() -> CourseMap:
    """Every section with what is left to do in it, and a link to its notebook."""
    from valued_contributors.views.navigation import course_map as sections

    return sections()


class _Package(types.ModuleType):
    """Keeps the notebook commands when a subpackage of the same name is imported.

    Importing ``valued_contributors.record`` would otherwise set the package's ``record``
    attribute to that subpackage, so a second ``record()`` in a notebook would fail.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name == "ActivityView":
        from valued_contributors.views.activity import ActivityView

        return ActivityView
    raise AttributeError(name)
