"""The learning record in both views: live in the notebook, filled from the browser in the book."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from valued_contributors import kinds
from valued_contributors.content.compiled import course
from valued_contributors.core import wording
from valued_contributors.core.html import attr, inline
from valued_contributors.document import Block
from valued_contributors.document.html import Style
from valued_contributors.journal import JournalError
from valued_contributors.kinds.confidence import before_after
from valued_contributors.record import html as record_html
from valued_contributors.record.export import FORMATS, export
from valued_contributors.record.model import build_record
from valued_contributors.record.tree import changes_section
from valued_contributors.views.answers import download_link, save_file, say
from valued_contributors.views.compare import ComparisonView
from valued_contributors.views.saving import current_journal, when_saved
from valued_contributors.views.styles import notebook_box

CONTROLS = (
    "<div class='vc-record-controls vc-needs-script'>"
    "<label>Your name (optional) <input type='text' class='vc-record-name' autocomplete='name'>"
    "</label> <label>Your role (optional) <input type='text' class='vc-record-role'></label>"
    "<p>Your name and role stay in this browser and appear only on your record.</p>"
    "<button type='button' class='vc-button vc-record-print'>Print my record</button>"
    "<button type='button' class='vc-button vc-record-download'>Download my record (HTML)"
    "</button><p class='vc-record-status' role='status' aria-live='polite'></p></div>"
)
BOOK_PAGE = Style(start=3)
"""The record on the book's page sits under the page's title and its section's heading."""
SHARING = (
    "<div class='vc-share-controls vc-needs-script'><p><strong>Share with your team "
    "(optional).</strong> Tick the answers you want to share, then download a contribution "
    "for the person planning your team's workforce. It holds only the ticked answers and the "
    "day each was saved: no name, no role, no times.</p>"
    "<button type='button' class='vc-button vc-share-download'>Download my contribution</button>"
    "<p class='vc-share-status' role='status' aria-live='polite'></p></div>"
)


class RecordView:
    """Every answer in one place, with exports; refreshed after every save in the notebook."""

    def __init__(self) -> None:
        self.preview = widgets.HTML()
        self.name = widgets.Text(description="Your name", placeholder="optional")
        self.role = widgets.Text(description="Your role", placeholder="optional")
        self.format = widgets.Dropdown(
            options=[(label.capitalize(), key) for key, (label, _) in FORMATS.items()],
            value="html",
            description="Save as",
            layout=widgets.Layout(width="32em"),
        )
        self.status = widgets.HTML()
        self.share_boxes: dict[str, widgets.Checkbox] = {}
        self.share_list = widgets.VBox()
        self.share_status = widgets.HTML()

    @property
    def shared(self) -> list[str]:
        """The ids of the answers ticked for sharing."""
        return [activity_id for activity_id, box in self.share_boxes.items() if box.value]

    def _share_options(self, answered: set[str]) -> None:
        """One tick box for each answered activity, keeping the ticks already made."""
        boxes = {}
        sections = {s.id: s.title for s in course().sections}
        for activity in course().activities.values():
            if activity.id in answered:
                old = self.share_boxes.get(activity.id)
                boxes[activity.id] = old or widgets.Checkbox(
                    value=False,
                    description=f"{inline(activity.title)} ({kinds.of(activity).label.lower()}"
                    f", {escape(sections[activity.section])})",
                    description_allow_html=True,
                    indent=False,
                    layout=widgets.Layout(width="100%"),
                )
        self.share_boxes = boxes
        empty = widgets.HTML("<p>Nothing to share yet: answer an activity first.</p>")
        self.share_list.children = list(boxes.values()) or [empty]

    def refresh(self) -> None:
        """Show the record as the journal holds it now."""
        try:
            answers = current_journal().answers()
        except JournalError as error:
            self.preview.value = f"<p role='alert'>{error}</p>"
            return
        record = build_record(course(), answers, self.name.value, self.role.value)
        self.preview.value = record_html.body(record)
        self._share_options({a.activity for a in answers})

    def save(self, _: Any = None, folder: Path | None = None) -> Path | None:
        """Write the record in the chosen format next to the notebook; say where it went."""
        path = (folder or Path.cwd()) / FORMATS[self.format.value][1]
        try:
            content = export(current_journal(), self.format.value, self.name.value, self.role.value)
            path = save_file(content, path.name, path.parent)
        except (JournalError, OSError) as error:
            self.status.value = say(f"Not saved: {escape(str(error))}", problem=True)
            return None
        self.status.value = say(
            f"Saved {FORMATS[self.format.value][0]} to <code>{escape(str(path))}</code>. "
            f"{download_link(path, content)}"
        )
        return path

    def save_contribution(self, _: Any = None, folder: Path | None = None) -> Path | None:
        """Write only the chosen answers, without name or times, for a team's facilitator."""
        from valued_contributors.facilitation.contribution import make_contribution

        path = (folder or Path.cwd()) / wording.text("files.contribution")
        try:
            document = make_contribution(current_journal().answers(), self.shared)
            if not document["answers"]:
                raise ValueError("Tick at least one answer to share, then try again.")
            content = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
            path = save_file(content, path.name, path.parent)
        except (JournalError, OSError, ValueError) as error:
            self.share_status.value = say(f"Not saved: {escape(str(error))}", problem=True)
            return None
        count = len(document["answers"])
        self.share_status.value = say(
            f"Saved your contribution ({count} answer{'s' if count != 1 else ''}, no name) to "
            f"<code>{escape(str(path))}</code>. {download_link(path, content)}"
        )
        return path

    def _widget(self) -> widgets.VBox:
        button = widgets.Button(description="Save my learning record", button_style="primary")
        button.on_click(self.save)
        contribute = widgets.Button(description="Save my contribution")
        contribute.on_click(self.save_contribution)
        sharing = widgets.VBox(
            [
                widgets.HTML(
                    "<p><strong>Share with your team (optional).</strong> Tick the answers you "
                    "want to share, then save a contribution for the person planning your "
                    "team's workforce. It has no name and no times.</p>"
                ),
                self.share_list,
                contribute,
                self.share_status,
            ]
        )
        for field in (self.name, self.role):
            field.observe(lambda _: self.refresh(), names="value")
        self.refresh()
        when_saved(self)
        refresh = widgets.Button(description="Refresh", icon="refresh")
        refresh.tooltip = "Show answers saved in other notebooks or imported since"
        refresh.on_click(lambda _: self.refresh())
        controls = [refresh, self.name, self.role, self.format, button, self.status]
        chart = []
        pair = before_after(course().activities)
        if pair is not None:
            heading = widgets.HTML("<h2>Your confidence before and after</h2>")
            chart = [heading, ComparisonView(*pair)._widget()]
        return notebook_box([*controls, sharing, *chart, self.preview], "vc-record")

    def _html(self) -> str:
        empty = build_record(course(), [])
        changes: tuple[Block, ...] = ()
        pair = before_after(course().activities)
        if pair is not None and empty.changes:
            changes = (changes_section(ComparisonView(*pair)._html()),)
        return (
            f"<div class='vc-record-page' data-vc-css='{attr(record_html.styles())}'>"
            f"{CONTROLS}{SHARING}"
            f"{record_html.template(empty, changes, BOOK_PAGE)}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        bundle["text/html"] = self._html()
        bundle["text/plain"] = "Your learning record"
        return bundle


def record() -> RecordView:
    """Show the learning record with its export buttons."""
    return RecordView()
