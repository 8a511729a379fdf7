"""The learning record as a Word document (python-docx), which Word and LibreOffice open."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt

from valued_contributors.record.model import LearningRecord
from valued_contributors.record.text import about_line, changes_rows, entry_heading, headline

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Word files cannot hold control characters; show each as a visible replacement mark."""
    return CONTROL.sub("\ufffd", text)


def plain(markdown: str) -> str:
    return re.sub(r"[*_`]", "", markdown).strip()


def render(record: LearningRecord) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(headline(), level=0)
    for line in about_line(record):
        paragraph = document.add_paragraph(clean(line))
        if line.startswith("Statement of completion"):
            paragraph.runs[0].bold = True
    if record.changes:
        document.add_heading("Confidence before and after", level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ("Statement", "Before", "After", "Change"), strict=True
        ):
            cell.text = text
        for row in changes_rows(record):
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = clean(text)
    for section in record.sections:
        document.add_page_break()
        document.add_heading(f"{section.section.title} ({section.progress})", level=1)
        for name, items in section.supports:
            document.add_paragraph(f"{name}: {'; '.join(items)}", style="List Bullet")
        for entry in section.entries:
            document.add_heading(clean(entry_heading(entry)), level=2)
            for item in entry.blocks:
                if item.kind == "prompt":
                    document.add_paragraph(plain(item.text), style="Intense Quote")
                elif item.label:
                    text = plain(item.text) if item.kind == "feedback" else item.text
                    document.add_paragraph(clean(f"{item.label} — {text}"), style="List Bullet")
                else:
                    document.add_paragraph(clean(item.text))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
