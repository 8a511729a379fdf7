"""Every author-written Markdown text of the course, rendered ahead for the compiled course."""

from __future__ import annotations

from valued_contributors.core.html import BLOCK, INLINE, block, inline
from valued_contributors.kinds import Activity, author_texts

__all__ = ["BLOCK", "INLINE", "author_texts", "render_all"]


def render_all(activities: list[Activity]) -> dict[str, dict[str, str]]:
    """The HTML of every author text of these activities, ready for ``preload``."""
    rendered: dict[str, dict[str, str]] = {BLOCK: {}, INLINE: {}}
    for activity in activities:
        for mode, text in author_texts(activity):
            rendered[mode][text] = block(text) if mode == BLOCK else inline(text)
    return rendered
