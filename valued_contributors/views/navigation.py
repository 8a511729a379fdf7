"""The course map: every section with what is left to do in it, and a link to its notebook."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from valued_contributors.content.compiled import course
from valued_contributors.core.html import attr, inline
from valued_contributors.journal import JournalError
from valued_contributors.record.model import build_record, progress_text
from valued_contributors.views.saving import current_journal, when_saved
from valued_contributors.views.styles import notebook_box


def notebook_of(source: str) -> str:
    """A section's notebook: its activity file's name with ``.ipynb`` (``01_x.yaml``)."""
    return Path(source).stem + ".ipynb"


class CourseMap:
    """Sections in order, each with its progress and what is left, refreshed after saves."""

    def __init__(self) -> None:
        self.table = widgets.HTML()

    def rows(self) -> str:
        """One table row per section: its link, its progress and what is left to do."""
        record = build_record(course(), current_journal().answers())
        rows = []
        for number, part in enumerate(record.sections):
            section = part.section
            left = [e.activity for e in part.entries if not e.done]
            todo = "Done" if not left else "; ".join(inline(a.title) for a in left)
            name = f"{number}. {escape(section.title)}"
            link = f"<a href='{attr(notebook_of(section.source))}'>{name}</a>"
            rows.append(
                f"<tr><th scope='row'>{link}</th><td class='vc-count'>"
                f"{progress_text(part.done, part.total)}</td><td>{todo}</td></tr>"
            )
        return "".join(rows)

    def refresh(self) -> None:
        """Bring the table up to date with the journal."""
        try:
            rows = self.rows()
        except JournalError as error:
            self.table.value = f"<p role='alert' class='vc-problem'>{escape(str(error))}</p>"
            return
        self.table.value = (
            "<table class='vc-map'><caption>The course, section by section</caption><thead><tr>"
            "<th scope='col'>Section</th><th scope='col'>Progress</th>"
            f"<th scope='col'>What is left</th></tr></thead><tbody>{rows}</tbody></table>"
        )

    def _widget(self) -> widgets.VBox:
        button = widgets.Button(description="Refresh", icon="refresh")
        button.on_click(lambda _: self.refresh())
        self.refresh()
        when_saved(self)
        return notebook_box([self.table, button], "vc-course-map")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        items = "".join(f"<li>{escape(s.title)}</li>" for s in course().sections)
        bundle["text/html"] = f"<ul class='vc-map'>{items}</ul>"
        bundle["text/plain"] = "The course map"
        return bundle


def course_map() -> CourseMap:
    """Every section with its progress and a link to its notebook."""
    return CourseMap()
