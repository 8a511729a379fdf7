"""HTML helpers every view shares: author Markdown made safe, attributes, ids and timings.

Rendered Markdown can be handed in ahead of time (``preload``), so a kernel that starts from the
compiled course never imports the Markdown parser; anything not preloaded is rendered here.
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["BLOCK", "INLINE", "attr", "block", "dom_id", "inline", "minutes", "preload"]

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


def attr(text: str) -> str:
    """Text made safe for an HTML attribute value."""
    return escape(text, quote=True)


def dom_id(*parts: str) -> str:
    """An element id from an activity id and more parts, e.g. ``vc-voices-ripple-text``."""
    return "vc-" + "-".join(p.replace("/", "-") for p in parts)


def minutes(n: int) -> str:
    """The time an activity takes, as the book and notebooks show it."""
    return f"About {n} minute{'s' if n != 1 else ''}"
