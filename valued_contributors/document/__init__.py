"""One document model for every output: a small tree that the HTML, Markdown and Word writers
each turn into their format.

Text (a plain ``str`` anywhere in the tree) is always shown exactly as written: each writer
escapes it in one place. Only ``AuthorMarkdown`` (the course's own words) becomes markup.
Headings come from the nesting of ``Section`` nodes; the writer chooses the level to start at.
``attrs`` are HTML attributes (a class, a ``data-vc-slot`` the book's script fills); the other
writers ignore them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

Attrs: TypeAlias = tuple[tuple[str, str | None], ...]
"""HTML attributes in order; a value of None writes a bare attribute such as ``hidden``."""


def css(name: str, *more: tuple[str, str | None]) -> Attrs:
    """A class attribute, then any more attributes."""
    return (("class", name), *more)


def slot(name: str, *more: tuple[str, str | None]) -> Attrs:
    """A place the book's script fills from the reader's browser storage."""
    return (("data-vc-slot", name), *more)


# Inline nodes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Strong:
    """Words that stand out (bold)."""

    content: Content
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Span:
    """Words with HTML attributes (a class or a slot); shown as plain words elsewhere."""

    content: Content
    attrs: Attrs = ()


Inline: TypeAlias = str | Strong | Span
Content: TypeAlias = Inline | tuple[Inline, ...]
"""One piece of inline content, or several in a row."""


def parts(content: Content) -> tuple[Inline, ...]:
    """Inline content as a sequence of pieces."""
    return content if isinstance(content, tuple) else (content,)


# Block nodes ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; text in it keeps its line breaks."""

    content: Content
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Lines:
    """Short paragraphs that belong together (who, when, how much): a line each."""

    lines: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One list item."""

    content: Content
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class BulletList:
    """A list, bulleted or numbered."""

    items: tuple[Item, ...]
    ordered: bool = False
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell; ``header`` makes it the heading of its row."""

    content: Content
    header: bool = False
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: its cells, and attributes for its ``<tr>``."""

    cells: tuple[Cell, ...]
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table with column headings (``head``) or, without them, a heading in each row."""

    rows: tuple[Row, ...]
    head: tuple[str, ...] = ()
    caption: str | None = None
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Someone's words as a block quotation, kept exactly as written, line breaks too."""

    text: str
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class AuthorMarkdown:
    """The course author's Markdown (prompts, feedback): the one thing that becomes markup."""

    text: str


@dataclass(frozen=True, slots=True)
class Aside:
    """Blocks set apart from the text around them (a prompt, a summary)."""

    body: tuple[Block, ...]
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Blocks kept together (an answer in its box); a division in HTML, nothing elsewhere."""

    body: tuple[Block | Strong, ...]
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars on a scale from 0 to ``scale``, introduced by a sentence; for the eye only, so it
    always sits beside a table of the same numbers, and writers that cannot draw it leave it
    out, sentence and all.
    """

    intro: str
    series: tuple[tuple[str, str], ...]
    """Each series' name and the class its bars take (after ``prefix``)."""
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]
    scale: float
    prefix: str = "vcf-"


@dataclass(frozen=True, slots=True)
class Html:
    """Markup the program made (a form control, a chart from a view) for the HTML writer only;
    never anyone's text.
    """

    markup: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what comes under it; sections inside it have the next level of heading.

    ``tag`` wraps it in an HTML element (``section``, ``article``) with ``attrs``;
    ``new_page`` starts it on a new page when printed.
    """

    title: Content
    body: tuple[Block, ...] = ()
    tag: str | None = None
    attrs: Attrs = ()
    new_page: bool = False


Block: TypeAlias = (
    Paragraph
    | Lines
    | BulletList
    | Table
    | Quote
    | AuthorMarkdown
    | Aside
    | Group
    | BarChart
    | Html
    | Section
)


def plain(content: Content) -> str:
    """The words of inline content, without any markup."""
    if isinstance(content, str):
        return content
    if isinstance(content, tuple):
        return "".join(plain(part) for part in content)
    return plain(content.content)


__all__ = [
    "Aside",
    "Attrs",
    "AuthorMarkdown",
    "BarChart",
    "Block",
    "BulletList",
    "Cell",
    "Content",
    "Group",
    "Html",
    "Inline",
    "Item",
    "Lines",
    "Paragraph",
    "Quote",
    "Row",
    "Section",
    "Span",
    "Strong",
    "Table",
    "css",
    "parts",
    "plain",
    "slot",
]
