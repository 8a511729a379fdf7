"""Someone's text in Markdown, escaped so that any CommonMark renderer shows exactly what they
typed: no headings, rules, lists, code, links, HTML or entities made out of their words.
"""

from __future__ import annotations

import re

# Characters that start inline markup anywhere in a line (GitHub's tables, strikethrough and
# dollar maths included).
_INLINE = re.compile(r"([\\`*_{}\[\]<>&|~$])")
# What can start a block at the beginning of a line: headings, quotes, list bullets, setext
# underlines, thematic breaks, and the "." or ")" after an ordered list's number.
_LINE_START = re.compile(r"^(?:[#>+=:%-]|(\d+)([.)]))")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$")


def _entities(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(c)};" for c in match.group())


def _line(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    start = _LINE_START.match(escaped)
    if start:
        if start.group(1):
            escaped = f"{start.group(1)}\\{escaped[start.end(1) :]}"
        else:
            escaped = "\\" + escaped
    # Spaces at either end would indent (code) or break the line: keep them as characters.
    return _EDGE_SPACE.sub(_entities, escaped)


def inline(text: object) -> str:
    """Text for one line of Markdown (a heading, a table cell, a list item): escaped, with its
    line breaks and runs of spaces made single spaces.
    """
    return _line(" ".join(str(text).split()))


def lines(text: object) -> list[str]:
    """Someone's text as Markdown lines: each line escaped, line breaks kept (a line ending in
    a backslash is a line break), blank lines kept as paragraph breaks.
    """
    source = _LINE_BREAK.split(str(text))
    out: list[str] = []
    for number, raw in enumerate(source):
        if not raw:
            out.append("")
            continue
        line = _line(raw)
        following = source[number + 1] if number + 1 < len(source) else ""
        out.append(line + "\\" if following else line)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def paragraphs(text: object) -> str:
    """Someone's text as Markdown paragraphs (see ``lines``)."""
    return "\n".join(lines(text))


def quote(text: object) -> str:
    """Someone's text as a Markdown block quotation (see ``lines``)."""
    return "\n".join(f"> {line}".rstrip() for line in lines(text) or [""])
