"""The book view: each activity as self-contained HTML that the book's script brings to life.

Every word shown (prompts, options, feedback, verdicts) comes from the activity data and the
scoring module, so the book and the notebook give exactly the same feedback.
"""

from __future__ import annotations

from valued_contributors import kinds
from valued_contributors.core.html import attr, block, dom_id, inline, minutes
from valued_contributors.kinds import Activity

NOSCRIPT = (
    "<noscript><p class='vc-warning'>This page's script is not running in your browser, so "
    "nothing you write or choose here is saved. You can still open each Feedback and Discussion "
    "to read it. To keep your answers, turn on JavaScript or use the notebooks.</p></noscript>"
)
LIVE = "<p class='vc-live' role='status' aria-live='polite'></p>"  # the activity's one live region


def _discussion(activity: Activity) -> str:
    if not activity.discussion:
        return ""
    return (
        f"<details class='vc-discussion' id='{dom_id(activity.id, 'discussion')}'>"
        "<summary class='vc-discussion-title'>Discussion</summary>"
        f"{block(activity.discussion)}</details>"
    )


OPENING = "<section class='vc-activity "
"""How every activity's HTML begins: the book places its script after the first one."""


def render(activity: Activity) -> str:
    """The book's HTML for one activity; the answers themselves live in the reader's browser."""
    kind = kinds.of(activity)
    title_id = dom_id(activity.id, "title")
    body = kind.book(activity)
    return (
        f"{OPENING}vc-{activity.kind}' data-vc-activity='{attr(activity.id)}' "
        f"data-vc-kind='{activity.kind}' aria-labelledby='{title_id}'>"
        f"<p class='vc-title' id='{title_id}'><span class='vc-kind'>{kind.label}"
        f"</span> {inline(activity.title)}</p>"
        f"<p class='vc-time'>{minutes(activity.minutes)}</p>"
        f"{NOSCRIPT}{body}{_discussion(activity)}{LIVE}</section>"
    )
