"""Small helpers the HTML and widget views share: Markdown, attributes, ids and timings."""

from __future__ import annotations

from html import escape

from valued_contributors.content.markdown import block, inline

__all__ = ["attr", "block", "dom_id", "inline", "minutes"]


def attr(text: str) -> str:
    """Text made safe for an HTML attribute value."""
    return escape(text, quote=True)


def dom_id(*parts: str) -> str:
    """An element id from an activity id and more parts, e.g. ``vc-voices-ripple-text``."""
    return "vc-" + "-".join(p.replace("/", "-") for p in parts)


def minutes(n: int) -> str:
    return f"About {n} minute{'s' if n != 1 else ''}"
