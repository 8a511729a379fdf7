"""The learning record as a Word document (python-docx), which Word and LibreOffice open."""

from __future__ import annotations

from valued_contributors.document import word
from valued_contributors.record.model import LearningRecord
from valued_contributors.record.tree import record_tree


def render(record: LearningRecord) -> bytes:
    """The learning record as a Word document."""
    return word.write((record_tree(record),))
