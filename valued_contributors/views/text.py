"""Author-written Markdown turned into safe HTML (raw HTML in the source is escaped)."""

from __future__ import annotations

from functools import cache
from html import escape

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def block(text: str | None) -> str:
    """Markdown paragraphs, lists and emphasis as HTML."""
    return _parser().render(text or "")


def inline(text: str | None) -> str:
    """One line of Markdown (no paragraphs) as HTML."""
    return _parser().renderInline(text or "")


def attr(text: str) -> str:
    """Text made safe for an HTML attribute value."""
    return escape(text, quote=True)


def dom_id(*parts: str) -> str:
    """An element id from an activity id and more parts, e.g. ``vc-voices-ripple-text``."""
    return "vc-" + "-".join(p.replace("/", "-") for p in parts)


def minutes(n: int) -> str:
    return f"About {n} minute{'s' if n != 1 else ''}"
