"""The document tree as HTML: every text escaped here, author Markdown rendered here."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from valued_contributors.core.html import attr
from valued_contributors.core.html import block as author_markdown
from valued_contributors.document import (
    Aside,
    Attrs,
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


@dataclass(frozen=True, slots=True)
class Style:
    """How a page lays out its tree: the level of its first heading, what goes between the
    blocks of a section, and the classes that mark a heading's depth and a new printed page.
    """

    start: int = 1
    separator: str = ""
    depth_class: str | None = None
    new_page_class: str | None = None


def attributes(attrs: Attrs) -> str:
    """An element's attributes as HTML, each value escaped."""
    return "".join(
        f" {name}" if value is None else f" {name}='{attr(value)}'" for name, value in attrs
    )


def inline(content: Content) -> str:
    """Inline content as HTML; text is escaped, quotes included."""
    out = []
    for part in parts(content):
        if isinstance(part, str):
            out.append(escape(part))
        elif isinstance(part, Strong):
            out.append(f"<strong{attributes(part.attrs)}>{inline(part.content)}</strong>")
        else:
            out.append(f"<span{attributes(part.attrs)}>{inline(part.content)}</span>")
    return "".join(out)


PLAIN = Style()


def write(blocks: tuple[Block, ...], style: Style = PLAIN) -> str:
    """Blocks as HTML, their top sections' headings at ``style.start``."""
    return _Writer(style).blocks(blocks, 0)


class _Writer:
    def __init__(self, style: Style) -> None:
        self.style = style

    def blocks(self, blocks: tuple[Block, ...], depth: int) -> str:
        return self.style.separator.join(self.block(b, depth) for b in blocks)

    def heading(self, section: Section, depth: int) -> str:
        tag = f"h{min(max(self.style.start + depth, 1), 6)}"
        classes = []
        if self.style.depth_class is not None:
            classes.append(f"{self.style.depth_class}{depth}")
        if section.new_page and self.style.new_page_class is not None:
            classes.append(self.style.new_page_class)
        attrs: Attrs = (("class", " ".join(classes)),) if classes else ()
        return f"<{tag}{attributes(attrs)}>{inline(section.title)}</{tag}>"

    def block(self, node: Block, depth: int) -> str:
        match node:
            case Section():
                inside = self.style.separator.join(
                    [self.heading(node, depth)] + [self.block(b, depth + 1) for b in node.body]
                )
                if node.tag is None:
                    return inside
                return f"<{node.tag}{attributes(node.attrs)}>{inside}</{node.tag}>"
            case Paragraph():
                return f"<p{attributes(node.attrs)}>{inline(node.content)}</p>"
            case Lines():
                return "".join(self.block(line, depth) for line in node.lines)
            case BulletList():
                tag = "ol" if node.ordered else "ul"
                items = "".join(
                    f"<li{attributes(i.attrs)}>{inline(i.content)}</li>" for i in node.items
                )
                return f"<{tag}{attributes(node.attrs)}>{items}</{tag}>"
            case Table():
                return _table(node)
            case Quote():
                return f"<blockquote{attributes(node.attrs)}>{escape(node.text)}</blockquote>"
            case AuthorMarkdown():
                return author_markdown(node.text)
            case Aside() | Group():
                inside = "".join(
                    inline(b) if isinstance(b, Strong) else self.block(b, depth) for b in node.body
                )
                return f"<div{attributes(node.attrs)}>{inside}</div>"
            case BarChart():
                return f"<p>{escape(node.intro)}</p>{self.style.separator}{_chart(node)}"
            case Html():
                return node.markup


def _table(table: Table) -> str:
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    head = ""
    if table.head:
        cells = "".join(f"<th scope='col'>{escape(h)}</th>" for h in table.head)
        head = f"<thead><tr>{cells}</tr></thead>"
    rows = "".join(
        f"<tr{attributes(row.attrs)}>"
        + "".join(
            f"<th scope='row'{attributes(c.attrs)}>{inline(c.content)}</th>"
            if c.header
            else f"<td{attributes(c.attrs)}>{inline(c.content)}</td>"
            for c in row.cells
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table{attributes(table.attrs)}>{caption}{head}<tbody>{rows}</tbody></table>"


def _chart(chart: BarChart) -> str:
    """Bars drawn with CSS alone (no script, no image), hidden from screen readers, which
    read the table of the same numbers beside it.
    """
    p = chart.prefix

    def bar(kind: str, value: float | None) -> str:
        if value is None:
            return f"<div class='{p}track'></div>"
        width = f"{value / chart.scale * 100:.0f}%"
        filled = f"<div class='{p}bar {p}{kind}' style='width: {width}'></div>"
        return f"<div class='{p}track'>{filled}</div>"

    key = "".join(f"<span class='{p}{kind}'></span>{escape(name)}" for name, kind in chart.series)
    rows = "".join(
        f"<div class='{p}chart-row'><div>{escape(label)}</div><div>"
        + "".join(bar(kind, v) for (_, kind), v in zip(chart.series, values, strict=True))
        + "</div></div>"
        for label, values in chart.rows
    )
    return f"<div class='{p}chart' aria-hidden='true'><p class='{p}key'>{key}</p>{rows}</div>"
