"""Progress where the learner is: "3 of 5 activities done", in the notebook and in the book."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from valued_contributors.content.compiled import course
from valued_contributors.journal import JournalError
from valued_contributors.record.model import is_done, progress_text
from valued_contributors.views.saving import current_journal, when_saved
from valued_contributors.views.text import attr


class ProgressView:
    """How many of a section's activities (or the whole course's) are done."""

    def __init__(self, section: str | None = None):
        activities = course().activities.values()
        self.activities = [a for a in activities if section is None or a.section == section]
        self.scope = "in this section" if section else "in the whole course"
        self.label = widgets.HTML()

    def count(self) -> int:
        journal = current_journal()
        done = 0
        for activity in self.activities:
            answer = journal.latest(activity.id)
            done += is_done(activity, answer.value if answer else None)
        return done

    def refresh(self) -> None:
        try:
            text = f"{progress_text(self.count(), len(self.activities))} {self.scope}."
        except JournalError as error:
            text = str(error)
        self.label.value = f"<p role='status'><strong>Your progress:</strong> {text}</p>"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        self.refresh()
        when_saved(self)
        bundle = self.label._repr_mimebundle_()
        ids = " ".join(a.id for a in self.activities)
        empty = f"{progress_text(0, len(self.activities))} {self.scope}."
        bundle["text/html"] = (
            f"<p class='vc-progress' data-vc-activities='{attr(ids)}' "
            f"data-vc-scope='{attr(self.scope)}' role='status'>"
            f"<strong>Your progress:</strong> <span>{empty}</span></p>"
        )
        bundle["text/plain"] = f"Progress {self.scope}"
        return bundle


def progress(section: str | None = None) -> ProgressView:
    """Show progress in one section (e.g. ``progress("voices")``) or, with no section, overall."""
    if section is not None and not any(s.id == section for s in course().sections):
        raise KeyError(
            f"There is no section called {section!r}; check the id in the activity files."
        )
    return ProgressView(section)
