"""The document tree as a Word file (python-docx), which Word and LibreOffice open.

Text goes in as written; only the control characters a Word file cannot hold are replaced.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph

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
    plain,
)

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SET_APART = "Intense Quote"


def clean(text: str) -> str:
    """Word files cannot hold control characters; show each as a visible replacement mark."""
    return CONTROL.sub("\ufffd", text)


def markdown_words(text: str) -> str:
    """Author Markdown as the words it shows (emphasis and code marks dropped)."""
    return re.sub(r"[*_`]", "", text).strip()


def write(blocks: tuple[Block, ...]) -> bytes:
    """Blocks as a .docx file; the top sections' headings are the document's title."""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    writer = _Writer(document)
    for block in blocks:
        writer.block(block, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, document: WordDocument) -> None:
        self.document = document

    def paragraph(self, content: Content, style: str | None = None) -> WordParagraph:
        paragraph = self.document.add_paragraph(style=style)
        for part in parts(content):
            text = plain(part)
            if text:
                paragraph.add_run(clean(text)).bold = True if isinstance(part, Strong) else None
        return paragraph

    def block(self, node: Block | Strong, depth: int, style: str | None = None) -> None:
        match node:
            case Section():
                if node.new_page:
                    self.document.add_page_break()  # type: ignore[no-untyped-call]
                self.document.add_heading(clean(plain(node.title)), level=min(depth, 9))
                for child in node.body:
                    self.block(child, depth + 1)
            case Strong():
                self.paragraph(node, style)
            case Paragraph():
                self.paragraph(node.content, style)
            case Lines():
                for line in node.lines:
                    self.paragraph(line.content, style)
            case BulletList():
                for item in node.items:
                    self.paragraph(item.content, "List Number" if node.ordered else "List Bullet")
            case Table():
                self.table(node)
            case Quote():
                self.document.add_paragraph(clean(node.text), style="Quote")
            case AuthorMarkdown():
                self.document.add_paragraph(markdown_words(node.text), style=style)
            case Aside():
                for part in node.body:
                    self.block(part, depth, SET_APART)
            case Group():
                for member in node.body:
                    self.block(member, depth, style)
            case BarChart() | Html():
                pass

    def table(self, node: Table) -> None:
        if node.caption:
            self.document.add_paragraph(clean(node.caption), style="Caption")
        columns = len(node.head) or max((len(r.cells) for r in node.rows), default=1)
        table = self.document.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        if node.head:
            for cell, text in zip(table.add_row().cells, node.head, strict=True):
                cell.text = text
        for row in node.rows:
            for cell, value in zip(table.add_row().cells, row.cells, strict=True):
                cell.text = clean(plain(value.content))
