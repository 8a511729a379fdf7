"""Every author-written Markdown text of an activity, rendered ahead for the compiled course."""

from __future__ import annotations

from collections.abc import Iterator

from valued_contributors.content.model import Activity, Check, Confidence, Reflection, Scenario
from valued_contributors.core.html import BLOCK, INLINE, block, inline


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
