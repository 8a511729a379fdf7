"""Every activity of the course, as each view shows it, compared with a stored snapshot.

The snapshots were taken before the activity kinds moved into one registry, so any change to
what a learner sees in the book, on a worksheet, in the notebook or in the record shows up as
a difference here. Regenerate with ``pytest tests/test_kinds_snapshots.py --force-regen`` only
when a change is meant, and read the difference first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from valued_contributors.content import Activity, load_section
from valued_contributors.content.compiled import course
from valued_contributors.content.loader import build_course
from valued_contributors.content.markdown import author_texts
from valued_contributors.document import markdown
from valued_contributors.journal import Journal
from valued_contributors.readability import activity_text
from valued_contributors.record.model import describe, is_done
from valued_contributors.views import html, worksheet
from valued_contributors.views.widgets import build

FIXTURE = build_course([load_section(Path(__file__).parent / "fixtures" / "good.yaml")])
ACTIVITIES = [*course().activities.values(), *FIXTURE.activities.values()]
CLOCK = re.compile(r"\b\d{2}:\d{2}\b")


def sample_answer(activity: Activity) -> dict[str, Any]:
    """An answer of the activity's own shape: the first option everywhere, one rating."""
    if activity.kind == "reflection":
        return {"text": "Listening first, then <b>asking</b> *why*."}
    if activity.kind == "confidence":
        return {"ratings": {activity.statements[0].id: 3}}
    if activity.kind == "check":
        return {"selected": {q.id: [q.options[0].id] for q in activity.questions}}
    return {"choice": activity.choices[-1].id}


def widget_tree(widget: widgets.Widget) -> dict[str, Any]:
    """What a widget shows and how it is set, with its children, as plain data."""
    shown: dict[str, Any] = {"type": type(widget).__name__}
    for name in ("description", "value", "placeholder", "button_style", "titles", "indent"):
        value = getattr(widget, name, None)
        if value not in (None, "", ()):
            shown[name] = CLOCK.sub("HH:MM", value) if isinstance(value, str) else value
    if isinstance(widget, widgets.RadioButtons):
        shown["options"] = [
            [label, value]
            for label, value in zip(widget._options_labels, widget._options_values, strict=True)
        ]
    if widget.layout.display:
        shown["display"] = widget.layout.display
    if widget._dom_classes:
        shown["classes"] = list(widget._dom_classes)
    children = getattr(widget, "children", ())
    if children:
        shown["children"] = [widget_tree(child) for child in children]
    return shown


def blocks(activity: Activity, value: dict[str, Any] | None) -> str:
    """The record's nodes for one answer, as the Markdown export writes them."""
    return markdown.write(describe(activity, value))


@pytest.mark.parametrize("activity", ACTIVITIES, ids=lambda a: a.id)
def test_every_view_of_an_activity_is_unchanged(
    activity: Activity, data_dir: Path, data_regression: Any
) -> None:
    answer = sample_answer(activity)
    before = widget_tree(build(activity))
    with Journal() as journal:
        journal.save(activity.id, answer)
    data_regression.check(
        {
            "book": html.render(activity),
            "worksheet": worksheet.render(activity),
            "answers": worksheet.answers(activity),
            "has_answers": worksheet.has_answers(activity),
            "author_texts": [list(pair) for pair in author_texts(activity)],
            "readability": activity_text(activity),
            "record_empty": blocks(activity, None),
            "record_answered": blocks(activity, answer),
            "done": [is_done(activity, None), is_done(activity, answer)],
            "notebook_empty": before,
            "notebook_answered": widget_tree(build(activity)),
        }
    )
