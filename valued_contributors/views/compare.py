"""Confidence before and after: a chart with a data table, in the notebook and in the book."""

from __future__ import annotations

import base64
import io
import textwrap
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from valued_contributors.content.compiled import course
from valued_contributors.core import wording
from valued_contributors.core.html import attr, inline
from valued_contributors.journal import JournalError
from valued_contributors.kinds.confidence import LABELS as CONFIDENCE_LABELS
from valued_contributors.kinds.confidence import Change, Confidence, before_after
from valued_contributors.kinds.confidence import changes as confidence_changes
from valued_contributors.views.activity import Problem, unknown
from valued_contributors.views.saving import current_journal
from valued_contributors.views.styles import notebook_box

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CAPTION = "Your confidence before and after the course, rated from 1 to 5"
EMPTY = wording.text("compare.empty")
NO_CHANGE = wording.text("compare.no_change")
NONE = wording.text("compare.none")


def _cell(value: int | None) -> str:
    if value is None:
        return EMPTY
    return wording.text("compare.rating", n=value, label=CONFIDENCE_LABELS[value].lower())


def _difference(change: Change) -> str:
    if change.difference is None:
        return NONE
    return f"{change.difference:+d}" if change.difference else NO_CHANGE


def table_html(changes: list[Change], statement_ids: list[str] | None = None) -> str:
    """The data table that carries every number the chart shows."""
    rows = []
    for index, change in enumerate(changes):
        key = f" data-vc-statement='{attr(statement_ids[index])}'" if statement_ids else ""
        rows.append(
            f"<tr{key}><th scope='row'>{inline(change.statement)}</th>"
            f"<td class='vc-before'>{_cell(change.before)}</td>"
            f"<td class='vc-after'>{_cell(change.after)}</td>"
            f"<td class='vc-change'>{_difference(change)}</td></tr>"
        )
    return (
        f"<table class='vc-compare-table'><caption>{CAPTION}</caption><thead><tr>"
        "<th scope='col'>Statement</th>"
        f"<th scope='col'>{wording.text('compare.before')}</th>"
        f"<th scope='col'>{wording.text('compare.after')}</th>"
        f"<th scope='col'>Change</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


CHART_ALT = (
    "Bar chart of your confidence before and after the course, one pair of bars for each "
    "statement. The table gives every rating."
)


def chart(changes: list[Change]) -> Figure:
    """A horizontal bar chart of both ratings for every statement.

    It is drawn on a bare matplotlib Figure, never through pyplot, so the kernel's own
    display backend is left alone.
    """
    from matplotlib.figure import Figure

    labels = [textwrap.fill(c.statement, 45) for c in changes]
    positions = range(len(changes))
    figure = Figure(figsize=(8, 0.7 * len(changes) + 1.2), facecolor="white")
    axes = figure.add_subplot()
    axes.barh(
        [p + 0.2 for p in positions],
        [c.before or 0 for c in changes],
        0.4,
        label=wording.text("compare.before"),
        color="#0a5a7a",
    )
    axes.barh(
        [p - 0.2 for p in positions],
        [c.after or 0 for c in changes],
        0.4,
        label=wording.text("compare.after"),
        color="#c2410c",
        hatch="//",
    )
    axes.set_yticks(list(positions), labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 5)
    axes.set_xticks(range(6))
    axes.set_xlabel("Confidence (1 = not at all, 5 = very)")
    axes.set_title(CAPTION, fontsize=10)
    axes.legend(loc="lower right")
    figure.tight_layout()
    return figure


def chart_png(changes: list[Change]) -> bytes:
    """The chart as PNG bytes, the picture the notebook shows."""
    buffer = io.BytesIO()
    chart(changes).savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def chart_html(changes: list[Change]) -> str:
    """The chart as an image with a text alternative, or nothing when no rating is saved."""
    if not any(c.before or c.after for c in changes):
        return "<p>Rate the statements at the start and the end of the course to see a chart.</p>"
    data = base64.b64encode(chart_png(changes)).decode("ascii")
    return f"<img src='data:image/png;base64,{data}' alt='{attr(CHART_ALT)}'>"


class ComparisonView:
    """Two confidence scales side by side; its MIME bundle carries both views."""

    def __init__(self, before: Confidence, after: Confidence):
        self.before, self.after = before, after

    def _ratings(self) -> tuple[dict[str, int], dict[str, int]]:
        journal = current_journal()
        found = [journal.latest(a.id) for a in (self.before, self.after)]
        before, after = (a.value["ratings"] if a else {} for a in found)
        return before, after

    def _widget(self) -> widgets.VBox:
        picture = widgets.HTML(layout=widgets.Layout(flex="2 1 36em", min_width="16em"))
        picture.add_class("vc-chart")
        table = widgets.HTML(layout=widgets.Layout(flex="1 1 24em", min_width="16em"))
        button = widgets.Button(description="Refresh", icon="refresh")
        button.tooltip = "Show your latest ratings"

        def refresh(_: Any = None) -> None:
            try:
                changes = confidence_changes(self.before, *self._ratings())
            except JournalError as error:
                table.value = f"<p role='alert'>Your ratings could not be read: {error}</p>"
                return
            table.value = table_html(changes)
            picture.value = chart_html(changes)

        button.on_click(refresh)
        refresh()
        side_by_side = widgets.Box(
            [picture, table], layout=widgets.Layout(flex_flow="row wrap", width="100%")
        )
        return notebook_box([button, side_by_side], "vc-compare-widget")

    def _html(self) -> str:
        ids = [s.id for s in self.before.statements]
        empty = confidence_changes(self.before, {}, {})
        return (
            f"<figure class='vc-compare' data-vc-before='{attr(self.before.id)}' "
            f"data-vc-after='{attr(self.after.id)}'>"
            f"<div class='vc-compare-chart' aria-hidden='true'></div>"
            f"{table_html(empty, ids)}"
            "<figcaption>The table gives every rating the chart shows. Ratings come from "
            "the confidence scales at the start and the end of the course.</figcaption></figure>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        bundle["text/html"] = self._html()
        bundle["text/plain"] = f"{CAPTION} ({self.before.id} and {self.after.id})"
        return bundle


def compare(before_id: str | None = None, after_id: str | None = None) -> ComparisonView | Problem:
    """Show confidence before and after: the course's scale and the later one that repeats it
    (``repeats:`` in the content), or any two scales named by their ids.
    """
    activities = course().activities
    if before_id is None and after_id is None:
        pair = before_after(activities)
        if pair is None:
            return Problem("This course has no confidence scale that repeats another.")
        return ComparisonView(*pair)
    scales = [i for i, a in activities.items() if a.kind == "confidence"]
    found: list[Confidence] = []
    for activity_id in (before_id or "", after_id or ""):
        scale = activities.get(activity_id)
        if scale is None or scale.kind != "confidence":
            return unknown("confidence scale", activity_id, scales)
        found.append(scale)
    return ComparisonView(*found)
