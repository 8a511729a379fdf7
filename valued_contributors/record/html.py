"""The learning record as one self-contained, print-ready HTML file.

Learner text is always escaped; only the course's own Markdown becomes markup.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from valued_contributors.record.model import Block, Entry, LearningRecord, SectionRecord
from valued_contributors.record.text import about_line, changes_rows, entry_heading, headline
from valued_contributors.views.text import block as markdown


def styles() -> str:
    return (resources.files("valued_contributors") / "record" / "record.css").read_text("utf-8")


def _block(item: Block) -> str:
    if item.kind == "prompt":
        return f"<div class='vc-record-prompt'>{markdown(item.text)}</div>"
    if item.kind == "feedback":
        return (
            f"<div class='vc-record-feedback'><strong>Feedback:</strong>{markdown(item.text)}</div>"
        )
    if item.label:
        return f"<li>{escape(item.label)} — <strong>{escape(item.text)}</strong></li>"
    return f"<p class='vc-record-answer'>{escape(item.text)}</p>"


def _entry(entry: Entry) -> str:
    parts, items = [], []
    for item in entry.blocks:
        if item.label and item.kind != "feedback":
            items.append(_block(item))
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        parts.append(_block(item))
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return (
        f"<section class='vc-record-entry'><h3>{escape(entry_heading(entry))}</h3>"
        f"{''.join(parts)}</section>"
    )


def _section(section: SectionRecord) -> str:
    supports = "".join(
        f"<li><strong>{escape(name)}:</strong> {escape('; '.join(items))}</li>"
        for name, items in section.supports
    )
    return (
        f"<section class='vc-record-section'><h2>{escape(section.section.title)}</h2>"
        f"<p><strong>{escape(section.progress)}</strong></p>"
        + (f"<ul class='vc-record-supports'>{supports}</ul>" if supports else "")
        + "".join(_entry(e) for e in section.entries)
        + "</section>"
    )


def _changes(record: LearningRecord) -> str:
    if not record.changes:
        return ""
    rows = "".join(
        "<tr>"
        + f"<th scope='row'>{escape(row[0])}</th>"
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in changes_rows(record)
    )
    return (
        "<section class='vc-record-changes'><h2>Confidence before and after</h2><table>"
        "<caption>Confidence rated from 1 (not at all) to 5 (very), at the start and the end"
        "</caption><thead><tr><th scope='col'>Statement</th><th scope='col'>Before</th>"
        f"<th scope='col'>After</th><th scope='col'>Change</th></tr></thead><tbody>{rows}"
        "</tbody></table></section>"
    )


def body(record: LearningRecord) -> str:
    """The record's content, ready to place in a page."""
    about = "".join(f"<p>{escape(line)}</p>" for line in about_line(record))
    if record.complete:
        about = about.replace(
            "<p>Statement of completion", "<p class='vc-record-complete'>Statement of completion"
        )
    return (
        f"<article class='vc-record'><h1>{escape(headline())}</h1>{about}{_changes(record)}"
        + "".join(_section(s) for s in record.sections)
        + "</article>"
    )


def render(record: LearningRecord) -> str:
    """A whole HTML document that needs nothing from any other site."""
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(headline())}</title><style>{styles()}</style></head>"
        f"<body>{body(record)}</body></html>\n"
    )
