"""Author-written Markdown turned into safe HTML (raw HTML in the source is escaped).

Rendered text can be handed in ahead of time (``preload``), so a kernel that starts from the
compiled course never imports the Markdown parser; anything not preloaded is rendered here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from valued_contributors.content.model import Activity, Check, Confidence, Reflection, Scenario

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

BLOCK, INLINE = "block", "inline"
_rendered: dict[str, dict[str, str]] = {BLOCK: {}, INLINE: {}}


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported only when something was not preloaded

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def block(text: str | None) -> str:
    """Markdown paragraphs, lists and emphasis as HTML."""
    if not text:
        return ""
    known = _rendered[BLOCK].get(text)
    return known if known is not None else _parser().render(text)


def inline(text: str | None) -> str:
    """One line of Markdown (no paragraphs) as HTML."""
    if not text:
        return ""
    known = _rendered[INLINE].get(text)
    return known if known is not None else _parser().renderInline(text)


def preload(rendered: dict[str, dict[str, str]]) -> None:
    """Remember HTML rendered earlier, keyed by mode (``block``/``inline``) and source text."""
    for mode in (BLOCK, INLINE):
        _rendered[mode].update(rendered.get(mode, {}))


def author_texts(activity: Activity) -> Iterator[tuple[str, str]]:
    """Every Markdown text of an activity that the views render, with its mode."""
    yield INLINE, activity.title
    texts: list[tuple[str, str | None]] = [(BLOCK, activity.discussion)]
    if isinstance(activity, Reflection):
        texts += [(BLOCK, activity.prompt), (BLOCK, activity.guidance)]
    elif isinstance(activity, Confidence):
        texts += [(BLOCK, activity.prompt)] + [(INLINE, s.text) for s in activity.statements]
    elif isinstance(activity, Check):
        for question in activity.questions:
            texts.append((INLINE, question.text))
            for option in question.options:
                texts += [(INLINE, option.text), (BLOCK, option.feedback)]
    elif isinstance(activity, Scenario):
        texts += [(BLOCK, activity.situation), (INLINE, activity.question)]
        for choice in activity.choices:
            texts += [(INLINE, choice.text), (BLOCK, choice.feedback)]
    yield from ((mode, text) for mode, text in texts if text)


def render_all(activities: list[Activity]) -> dict[str, dict[str, str]]:
    """The HTML of every author text of these activities, ready for ``preload``."""
    rendered: dict[str, dict[str, str]] = {BLOCK: {}, INLINE: {}}
    for activity in activities:
        for mode, text in author_texts(activity):
            rendered[mode][text] = block(text) if mode == BLOCK else inline(text)
    return rendered
