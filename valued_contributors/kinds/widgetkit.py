"""The notebook pieces every kind's widgets share: the header, the discussion panel and its
reveal, and change hooks. Imported only when a notebook builds widgets (it imports ipywidgets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import ipywidgets as widgets
from ipywidgets import Widget

from valued_contributors.core.html import block, inline, minutes

__all__ = [
    "FULL_WIDTH",
    "HIDDEN",
    "Named",
    "Saving",
    "Widget",
    "discussion",
    "header",
    "on_change",
    "reveal",
]
FULL_WIDTH = widgets.Layout(width="100%")
HIDDEN = "none"


class Named(Protocol):
    """What the header shows of an activity."""

    @property
    def title(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def discussion(self) -> str | None: ...


class Saving(Protocol):
    """What a kind's widgets need from the notebook's saver (``views.saving.Saver``)."""

    status: Widget
    newer: Widget
    apply: Callable[[dict[str, Any]], None] | None

    def load(self) -> dict[str, Any] | None:
        """The latest saved value, or None."""

    def save(self, value: dict[str, Any]) -> None:
        """Save a new value (at once, or after a pause in typing)."""


def header(label: str, activity: Named) -> widgets.HTML:
    """The activity's title and time, as the top line of its widgets."""
    return widgets.HTML(
        f"<p><strong>{label}: {inline(activity.title)}</strong><br>"
        f"<em>{minutes(activity.minutes)}</em></p>"
    )


def discussion(activity: Named) -> widgets.HTML:
    """The author's discussion, hidden until the learner has answered (empty if there is none)."""
    text = f"<div><strong>Discussion</strong>{block(activity.discussion)}</div>"
    panel = widgets.HTML(text if activity.discussion else "")
    panel.layout.display = HIDDEN
    return panel


def reveal(panel: widgets.HTML, shown: bool = True) -> None:
    """Show the panel (if it has anything in it), or hide it."""
    panel.layout.display = None if shown and panel.value else HIDDEN


def on_change(widget: Widget, callback: Callable[[Any], None]) -> None:
    """Call ``callback(new_value)`` whenever the learner changes the widget's value."""
    widget.observe(lambda change: callback(change["new"]), names="value")
