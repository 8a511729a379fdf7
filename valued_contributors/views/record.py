"""The learning record in both views: live in the notebook, filled from the browser in the book."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from valued_contributors.content import scoring
from valued_contributors.content.compiled import course
from valued_contributors.content.model import CONFIDENCE_LABELS
from valued_contributors.journal import JournalError
from valued_contributors.record import html as record_html
from valued_contributors.record.export import FORMATS, export
from valued_contributors.record.model import AFTER, BEFORE, build_record
from valued_contributors.views.compare import compare
from valued_contributors.views.saving import current_journal, when_saved
from valued_contributors.views.text import attr

CONTROLS = (
    "<div class='vc-record-controls'>"
    "<label>Your name (optional) <input type='text' class='vc-record-name' autocomplete='name'>"
    "</label> <label>Your role (optional) <input type='text' class='vc-record-role'></label>"
    "<p>Your name and role stay in this browser and appear only on your record.</p>"
    "<button type='button' class='vc-button vc-record-print'>Print my record</button>"
    "<button type='button' class='vc-button vc-record-download'>Download my record (HTML)"
    "</button><p class='vc-record-status' role='status' aria-live='polite'></p></div>"
)
SHARING = (
    "<div class='vc-share-controls'><p><strong>Share with your team (optional).</strong> "
    "Tick the answers you want to share, then download a contribution for the person planning "
    "your team's workforce. It holds only the ticked answers and the day each was saved: no "
    "name, no role, no times.</p>"
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
        self.share = widgets.SelectMultiple(
            options=[(f"{a.title} ({a.id})", a.id) for a in course().activities.values()],
            description="Share",
            rows=8,
            layout=widgets.Layout(width="40em"),
        )
        self.share_status = widgets.HTML()

    def refresh(self) -> None:
        try:
            answers = current_journal().answers()
        except JournalError as error:
            self.preview.value = f"<p role='alert'>{error}</p>"
            return
        record = build_record(course(), answers, self.name.value, self.role.value)
        self.preview.value = record_html.body(record)

    def save(self, _: Any = None, folder: Path | None = None) -> Path | None:
        """Write the record in the chosen format next to the notebook; say where it went."""
        path = (folder or Path.cwd()) / FORMATS[self.format.value][1]
        try:
            content = export(current_journal(), self.format.value, self.name.value, self.role.value)
            path.write_bytes(content)
        except (JournalError, OSError) as error:
            self.status.value = f"<p role='alert'>Not saved: {error}</p>"
            return None
        self.status.value = f"<p role='status'>Saved {FORMATS[self.format.value][0]} to {path}.</p>"
        return path

    def save_contribution(self, _: Any = None, folder: Path | None = None) -> Path | None:
        """Write only the chosen answers, without name or times, for a team's facilitator."""
        from valued_contributors.facilitation.contribution import make_contribution

        path = (folder or Path.cwd()) / "my-contribution.json"
        try:
            document = make_contribution(current_journal().answers(), self.share.value)
            if not document["answers"]:
                raise ValueError("Choose at least one answered activity to share, then try again.")
            path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        except (JournalError, OSError, ValueError) as error:
            self.share_status.value = f"<p role='alert'>Not saved: {error}</p>"
            return None
        count = len(document["answers"])
        self.share_status.value = (
            f"<p role='status'>Saved your contribution ({count} answer"
            f"{'s' if count != 1 else ''}, no name) to {path}.</p>"
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
                    "<p><strong>Share with your team (optional).</strong> Choose answers to "
                    "share (hold Ctrl or Cmd to choose several), then save a contribution for "
                    "the person planning your team's workforce. It has no name and no times.</p>"
                ),
                self.share,
                contribute,
                self.share_status,
            ]
        )
        for field in (self.name, self.role):
            field.observe(lambda _: self.refresh(), names="value")
        self.refresh()
        when_saved(self)
        controls = [self.name, self.role, self.format, button, self.status]
        chart = []
        if {BEFORE, AFTER} <= set(course().activities):
            heading = widgets.HTML("<h2>Your confidence before and after</h2>")
            chart = [heading, compare(BEFORE, AFTER)._widget()]
        return widgets.VBox([*controls, sharing, *chart, self.preview])

    def _html(self) -> str:
        empty = build_record(course(), [])
        changes = ""
        if BEFORE in course().activities and empty.changes:
            changes = (
                "<section class='vc-record-changes'><h4>Confidence before and after</h4>"
                f"{compare(BEFORE, AFTER)._html()}</section>"
            )
        texts = {
            **scoring.verdicts(),
            "labels": CONFIDENCE_LABELS,
            "complete": record_html.completion_template(empty),
        }
        return (
            f"<div class='vc-record-page' data-vc-texts='{attr(json.dumps(texts))}' "
            f"data-vc-css='{attr(record_html.styles())}'>{CONTROLS}{SHARING}"
            f"{record_html.body(empty, template=True, changes=changes)}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = self._widget()._repr_mimebundle_()
        bundle["text/html"] = self._html()
        bundle["text/plain"] = "Your learning record"
        return bundle


def record() -> RecordView:
    """Show the learning record with its export buttons."""
    return RecordView()
