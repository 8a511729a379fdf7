"""The learning record as Markdown (learner text escaped so it shows exactly as typed)."""

from __future__ import annotations

from valued_contributors.document import markdown
from valued_contributors.record.model import LearningRecord
from valued_contributors.record.tree import record_tree


def render(record: LearningRecord) -> str:
    """The learning record as Markdown."""
    return markdown.write((record_tree(record),))
