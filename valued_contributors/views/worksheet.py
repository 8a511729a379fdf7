"""The printed view of every activity, for the EPUB and the PDF: a worksheet with space to
write, and the answers and feedback gathered at the end of the section.

Every word comes from the activity data and the shared view helpers, so a worksheet asks
exactly what the web book and the notebooks ask. The HTML is also valid XHTML, as EPUB needs.
"""

from __future__ import annotations

import re

from valued_contributors import kinds
from valued_contributors.core.html import block, dom_id, inline, minutes
from valued_contributors.kinds import Activity
from valued_contributors.kinds.check import ANSWERS_LATER
from valued_contributors.kinds.reflection import WRITE_HERE

__all__ = [
    "ANSWERS_LATER",
    "ANSWERS_TITLE",
    "DISCUSSION_LATER",
    "WRITE_HERE",
    "activity_in",
    "answers",
    "has_answers",
    "print_note",
    "render",
]

ANSWERS_TITLE = "Answers and feedback"
DISCUSSION_LATER = (
    "When you have answered, compare your thoughts with the discussion at the end of this section."
)
ACTIVITY_MARK = re.compile(r"data-vc-activity='([^']+)'")
INTERACTIVE_ONLY = ("class='vc-progress",)
NOT_IN_PRINT = {
    "vc-compare": (
        "In the web book and the notebooks, a chart here compares your two confidence scales. "
        "On paper, set your two worksheets side by side and note where your ratings changed."
    ),
    "vc-record-page": (
        "In the web book and the notebooks, this page gathers your answers into a learning "
        "record you can print or save. On paper, your completed worksheets are your record: "
        "keep them together, with the date you finished each section."
    ),
}


def render(activity: Activity) -> str:
    """One activity as a worksheet."""
    kind = kinds.of(activity)
    later = (
        f"<p class='vc-later'>{DISCUSSION_LATER}</p>"
        if activity.discussion and kind.print_discussion_later
        else ""
    )
    return (
        f"<section class='vc-worksheet vc-{activity.kind}' id='{dom_id(activity.id)}'>"
        f"<p class='vc-title'><span class='vc-kind'>{kind.label}</span> "
        f"{inline(activity.title)}</p><p class='vc-time'>{minutes(activity.minutes)}</p>"
        f"{kind.worksheet(activity)}{later}</section>"
    )


def answers(activity: Activity) -> str:
    """The answers, feedback and discussion for one activity, for the end of its section."""
    given: str = kinds.of(activity).answers(activity)
    if activity.discussion:
        given += f"<div class='vc-discussion'>{block(activity.discussion)}</div>"
    return given


def has_answers(activity: Activity) -> bool:
    """Whether the activity has anything for the answers at the end of its section."""
    return bool(activity.discussion) or kinds.of(activity).always_has_answers


def activity_in(html: str) -> str | None:
    """The id of the activity a book output shows, if it shows one."""
    match = ACTIVITY_MARK.search(html)
    return match.group(1) if match else None


def print_note(html: str) -> str | None:
    """What paper says in place of an interactive-only output: a note, "" to drop it, or None
    when the output prints as it is.
    """
    if any(mark in html for mark in INTERACTIVE_ONLY):
        return ""
    for css_class, note in NOT_IN_PRINT.items():
        if f"class='{css_class}" in html or f'class="{css_class}' in html:
            return f"<p class='vc-print-note'>{note}</p>"
    return None
