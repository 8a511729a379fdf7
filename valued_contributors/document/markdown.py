"""The document tree as CommonMark (with GitHub's tables): every text escaped here, with
``core.markdown``, so it shows exactly as written; only author Markdown is kept as markup.
"""

from __future__ import annotations

from valued_contributors.core import markdown
from valued_contributors.document import (
    Aside,
    AuthorMarkdown,
    BarChart,
    Block,
    BulletList,
    Content,
    Group,
    Html,
    Lines,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    parts,
)


def _text(text: str, line_start: bool) -> str:
    """A piece of one line: escaped (what would start a block only at the start of the line),
    its runs of spaces made one, a space kept at either end where it meets the next piece.
    """
    words = text.strip()
    if not words:
        return " " if text else ""
    escaped = markdown.inline(words) if line_start else markdown.inline("a" + words)[1:]
    before = " " if text[0].isspace() else ""
    after = " " if text[-1].isspace() else ""
    return before + escaped + after


def inline(content: Content) -> str:
    """Inline content on one line of Markdown (a paragraph, a heading, a list item, a cell)."""
    out: list[str] = []
    for part in parts(content):
        if isinstance(part, str):
            out.append(_text(part, line_start=not out))
        elif isinstance(part, Strong):
            out.append(f"**{inline(part.content)}**")
        else:
            out.append(inline(part.content))
    return "".join(out)


def write(blocks: tuple[Block, ...], start: int = 1) -> str:
    """Blocks as Markdown, their top sections' headings at level ``start``."""
    return _blocks(blocks, start) + "\n"


def _blocks(blocks: tuple[Block | Strong, ...], level: int) -> str:
    written = (
        f"**{inline(b.content)}**" if isinstance(b, Strong) else _block(b, level) for b in blocks
    )
    return "\n\n".join(w for w in written if w)


def _block(node: Block, level: int) -> str:
    match node:
        case Section():
            heading = f"{'#' * min(level, 6)} {inline(node.title)}"
            body = _blocks(node.body, level + 1)
            return f"{heading}\n\n{body}" if body else heading
        case Paragraph():
            if isinstance(node.content, str):  # text alone keeps its line breaks
                return markdown.paragraphs(node.content)
            return inline(node.content)
        case Lines():
            return "\\\n".join(inline(line.content) for line in node.lines)
        case BulletList():
            return "\n".join(
                f"{f'{n}.' if node.ordered else '-'} {inline(item.content)}"
                for n, item in enumerate(node.items, 1)
            )
        case Table():
            return _table(node)
        case Quote():
            return markdown.quote(node.text)
        case AuthorMarkdown():
            return node.text.strip()
        case Aside():
            inside = _blocks(node.body, level)
            return "\n".join(f"> {line}".rstrip() for line in inside.splitlines())
        case Group():
            return _blocks(node.body, level)
        case BarChart() | Html():
            return ""


def _table(table: Table) -> str:
    """A table with column headings as a GitHub table, one with a heading in each row as a
    list of "heading: value"; the caption above it, as Markdown tables have none.
    """
    lines = [markdown.inline(table.caption), ""] if table.caption else []
    if not table.head:
        for row in table.rows:
            first, *rest = row.cells
            value = " ".join(w for w in (inline(c.content) for c in rest) if w)
            lines.append(f"- {inline(first.content)}:{' ' + value if value else ''}")
        return "\n".join(lines)
    lines.append("| " + " | ".join(markdown.inline(h) for h in table.head) + " |")
    lines.append("| " + " | ".join("---" for _ in table.head) + " |")
    lines += ["| " + " | ".join(inline(c.content) for c in row.cells) + " |" for row in table.rows]
    return "\n".join(lines)
