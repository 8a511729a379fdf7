"""Progress where the learner is: "3 of 5 activities done", in the notebook and in the book."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from valued_contributors.content.compiled import course
from valued_contributors.core import wording
from valued_contributors.core.html import attr
from valued_contributors.journal import JournalError
from valued_contributors.record.model import is_done, progress_text
from valued_contributors.views.activity import Problem, unknown
from valued_contributors.views.saving import current_journal, when_saved
from valued_contributors.views.styles import notebook_box


class ProgressView:
    """How many of a section's activities (or the whole course's) are done."""

    def __init__(self, section: str | None = None):
        activities = course().activities.values()
        self.activities = [a for a in activities if section is None or a.section == section]
        self.scope = wording.text("progress.in_section" if section else "progress.in_course")
        self.label = widgets.HTML(layout=widgets.Layout(margin="0 1em 0 0"))

    def count(self) -> int:
        """How many of the activities in scope are done."""
        journal = current_journal()
        done = 0
        for activity in self.activities:
            answer = journal.latest(activity.id)
            done += is_done(activity, answer.value if answer else None)
        return done

    def refresh(self) -> None:
        """Show the count as it is now in the journal."""
        try:
            text = f"{progress_text(self.count(), len(self.activities))} {self.scope}."
        except JournalError as error:
            text = str(error)
        self.label.value = f"<p role='status'><strong>Your progress:</strong> {text}</p>"

    def _widget(self) -> widgets.Widget:
        button = widgets.Button(description="Refresh", icon="refresh")
        button.tooltip = "Count again, for answers saved in another notebook or imported"
        button.on_click(lambda _: self.refresh())
        self.refresh()
        when_saved(self)
        row = widgets.HBox(
            [self.label, button],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", width="100%"),
        )
        return notebook_box([row], "vc-progress-widget")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        ids = " ".join(a.id for a in self.activities)
        empty = f"{progress_text(0, len(self.activities))} {self.scope}."
        bundle["text/html"] = (
            f"<p class='vc-progress' data-vc-activities='{attr(ids)}' "
            f"data-vc-scope='{attr(self.scope)}' role='status'>"
            f"<strong>Your progress:</strong> <span>{empty}</span></p>"
        )
        bundle["text/plain"] = f"Progress {self.scope}"
        return bundle


def progress(section: str | None = None) -> ProgressView | Problem:
    """Show progress in one section (e.g. ``progress("voices")``) or, with no section, overall."""
    sections = [s.id for s in course().sections]
    if section is not None and section not in sections:
        return unknown("section", section, sections)
    return ProgressView(section)
