"""What a reader sees of some HTML or course Markdown: its words, without tags or spacing."""

from __future__ import annotations

import re
from html import unescape

from valued_contributors.core.html import block


def visible_text(markup: str) -> str:
    """The words of some HTML, without tags and with spacing collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def plain(markdown: str) -> str:
    """The words a reader sees of some course Markdown, once rendered."""
    return visible_text(block(markdown))
