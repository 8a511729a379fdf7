"""The learning record as one self-contained, print-ready HTML file, and as the block the
notebook and the book's page show.

Learner text is always escaped; only the course's own Markdown becomes markup.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from valued_contributors.document import Block
from valued_contributors.document.html import PLAIN, Style, write
from valued_contributors.record.model import ASSESSED, COMPLETE, LearningRecord
from valued_contributors.record.text import headline
from valued_contributors.record.tree import record_tree


def styles() -> str:
    """The learning record's stylesheet, for screen and print."""
    return (resources.files("valued_contributors") / "record" / "record.css").read_text("utf-8")


def completion_template(record: LearningRecord) -> str:
    """The statement of completion with {date}, {score}, {out_of} and {needed} for the book's
    script to fill in, worded as every other format words it.
    """
    return COMPLETE + (ASSESSED if record.final_assessment else "") + "."


def body(record: LearningRecord, style: Style = PLAIN) -> str:
    """The record's content, ready to place in a page."""
    return write((record_tree(record),), style)


def template(record: LearningRecord, changes: tuple[Block, ...] | None, style: Style) -> str:
    """The record with its answers left as empty, labelled slots for the book's script;
    ``changes`` in place of the table of confidence before and after.
    """
    return write((record_tree(record, template=True, changes=changes),), style)


def render(record: LearningRecord) -> str:
    """A whole HTML document that needs nothing from any other site."""
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(headline())}</title><style>{styles()}</style></head>"
        f"<body>{body(record)}</body></html>\n"
    )
