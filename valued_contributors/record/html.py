"""The learning record as one self-contained, print-ready HTML file.

Learner text is always escaped; only the course's own Markdown becomes markup.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from valued_contributors.content.model import Check, Confidence, Reflection, Scenario
from valued_contributors.content.scoring import needed
from valued_contributors.core.html import attr
from valued_contributors.core.html import block as markdown
from valued_contributors.record.model import (
    ASSESSED,
    COMPLETE,
    Block,
    Entry,
    LearningRecord,
    SectionRecord,
    rating_words,
)
from valued_contributors.record.text import about_line, changes_rows, entry_heading, headline

ANSWER_LABEL = "Your answer"
SIGN_OFF_TITLE = "Sign-off"
SIGN_OFF_NOTE = (
    "To use this record as evidence of your learning, fill in the hours you spent and ask your "
    "supervisor or manager to add a comment and sign it."
)
SIGN_OFF_FIELDS = (
    ("Hours spent on this learning", "vc-signoff-short"),
    ("Date", "vc-signoff-short"),
    ("Supervisor's or manager's comment", "vc-signoff-tall"),
    ("Supervisor's or manager's name", "vc-signoff-short"),
    ("Supervisor's or manager's signature", "vc-signoff-short"),
)


def styles() -> str:
    return (resources.files("valued_contributors") / "record" / "record.css").read_text("utf-8")


def _h(level: int, text: str, template: bool) -> str:
    """A heading; in the book the record sits under the page's own headings, two levels down."""
    level += 2 if template else 0
    return f"<h{level}>{text}</h{level}>"


def _block(item: Block) -> str:
    if item.kind == "prompt":
        return f"<div class='vc-record-prompt'>{markdown(item.text)}</div>"
    if item.kind == "feedback":
        return (
            f"<div class='vc-record-feedback'><strong>Feedback:</strong>{markdown(item.text)}</div>"
        )
    if item.label:
        return f"<li>{escape(item.label)} — <strong>{escape(item.text)}</strong></li>"
    return _answer(escape(item.text))


def _answer(text: str, slot: str = "") -> str:
    """A learner's own words, in a labelled box that keeps their line breaks."""
    return (
        f"<div class='vc-record-answer-box'><p class='vc-record-label'>{ANSWER_LABEL}</p>"
        f"<p class='vc-record-answer'{slot}>{text}</p></div>"
    )


def _slots(entry: Entry) -> list[str]:
    """Empty answer slots for the book, which fills them from the reader's browser storage."""
    activity = entry.activity
    if isinstance(activity, Reflection):
        return [
            _block(Block("prompt", activity.prompt)),
            _answer("Not answered yet.", " data-vc-slot='text'"),
        ]
    if isinstance(activity, Confidence):
        rows = "".join(
            f"<li data-vc-statement='{attr(s.id)}'>{escape(s.text)} — "
            f"<strong data-vc-slot='rating'>{rating_words(None)}</strong></li>"
            for s in activity.statements
        )
        return [f"<ul>{rows}</ul>"]
    if isinstance(activity, Check):
        rows = "".join(
            f"<li data-vc-question='{attr(q.id)}' "
            f"data-vc-correct='{attr(' '.join(sorted(q.correct_ids)))}' "
            f"data-vc-options='{attr(json.dumps({o.id: o.text for o in q.options}))}'>"
            f"{escape(q.text)} — <strong data-vc-slot='choice'>No answer</strong></li>"
            for q in activity.questions
        )
        return ["<p data-vc-slot='result'>Not answered yet.</p>", f"<ul>{rows}</ul>"]
    if isinstance(activity, Scenario):
        feedback = "".join(
            f"<div class='vc-record-choice' data-vc-option='{attr(c.id)}' hidden>"
            f"<ul><li>Your choice — <strong>{escape(c.text)}</strong></li></ul>"
            f"{_block(Block('feedback', c.feedback, 'Feedback'))}</div>"
            for c in activity.choices
        )
        return [
            _block(Block("prompt", activity.question)),
            f"<p data-vc-slot='result'>Not answered yet.</p>{feedback}",
        ]
    return []


def _share(activity_id: str) -> str:
    return (
        f"<p class='vc-share vc-needs-script'><label><input type='checkbox' class='vc-share-box' "
        f"value='{attr(activity_id)}'> Share this answer with my team</label></p>"
    )


def _entry(entry: Entry, template: bool = False) -> str:
    if template:
        activity = entry.activity
        final = ""
        if isinstance(activity, Check) and activity.assessment:
            final = f" data-vc-needed='{needed(activity)}'"
        return (
            f"<section class='vc-record-entry' data-vc-entry='{attr(activity.id)}' "
            f"data-vc-kind='{activity.kind}' data-vc-minutes='{activity.minutes}'{final}>"
            + _h(
                3,
                f"{escape(entry_heading(entry).removesuffix(')'))}"
                "<span data-vc-slot='saved'></span>)",
                template,
            )
            + f"{''.join(_slots(entry))}{_share(activity.id)}</section>"
        )
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
        f"<section class='vc-record-entry'>{_h(3, escape(entry_heading(entry)), template)}"
        f"{''.join(parts)}</section>"
    )


def _section(section: SectionRecord, template: bool = False) -> str:
    supports = "".join(
        f"<li><strong>{escape(name)}:</strong> {escape('; '.join(items))}</li>"
        for name, items in section.supports
    )
    return (
        f"<section class='vc-record-section'>{_h(2, escape(section.section.title), template)}"
        f"<p><strong data-vc-slot='progress' data-vc-total='{section.total}'>"
        f"{escape(section.progress)}</strong></p>"
        + (f"<ul class='vc-record-supports'>{supports}</ul>" if supports else "")
        + "".join(_entry(e, template) for e in section.entries)
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


def completion_template(record: LearningRecord) -> str:
    """The statement of completion with {date}, {score}, {out_of} and {needed} for the book's
    script to fill in, worded as every other format words it."""
    return COMPLETE + (ASSESSED if record.final_assessment else "") + "."


def _about(record: LearningRecord, template: bool) -> str:
    lines = about_line(record)
    html = ""
    if template:
        html = "<p data-vc-slot='name' hidden></p><p data-vc-slot='role' hidden></p>"
    for line in lines:
        if line.startswith("Statement of completion"):
            html += f"<p class='vc-record-complete'>{escape(line)}</p>"
        elif line.startswith(("Name:", "Role:", "Activities done")):
            slot = line.split(":")[0].split()[0].lower()
            html += f"<p data-vc-slot='{slot}'>{escape(line)}</p>"
        else:
            html += f"<p>{escape(line)}</p>"
    if template:
        html += "<p class='vc-record-complete' data-vc-slot='complete' hidden></p>"
    return html


def body(record: LearningRecord, template: bool = False, changes: str | None = None) -> str:
    """The record's content, ready to place in a page.

    With ``template`` the answers are left as empty, labelled slots for the book's script.
    """
    changes = _changes(record) if changes is None else changes
    return (
        f"<article class='vc-record'>{_h(1, escape(headline()), template)}"
        f"{_about(record, template)}{changes}"
        + "".join(_section(s, template) for s in record.sections)
        + _sign_off(template)
        + "</article>"
    )


def _sign_off(template: bool) -> str:
    """Room for the hours, the date and a supervisor's or manager's comment and signature."""
    rows = "".join(
        f"<tr class='{style}'><th scope='row'>{escape(label)}</th><td></td></tr>"
        for label, style in SIGN_OFF_FIELDS
    )
    return (
        f"<section class='vc-record-signoff'>{_h(2, SIGN_OFF_TITLE, template)}"
        f"<p>{escape(SIGN_OFF_NOTE)}</p><table>{rows}</table></section>"
    )


def render(record: LearningRecord) -> str:
    """A whole HTML document that needs nothing from any other site."""
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(headline())}</title><style>{styles()}</style></head>"
        f"<body>{body(record)}</body></html>\n"
    )
