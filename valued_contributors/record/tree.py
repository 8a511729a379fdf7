"""The learning record as one document tree, which every format writes: the web page, the
notebook's preview, Markdown, Word, and the book's page (as a template of empty slots that the
book's script fills from the reader's browser storage)."""

from __future__ import annotations

import json

from valued_contributors.content.model import Check, Confidence, Reflection, Scenario
from valued_contributors.content.scoring import needed
from valued_contributors.core import wording
from valued_contributors.core.html import attr
from valued_contributors.document import (
    Aside,
    AuthorMarkdown,
    Block,
    BulletList,
    Cell,
    Content,
    Group,
    Html,
    Inline,
    Item,
    Lines,
    Paragraph,
    Row,
    Section,
    Span,
    Strong,
    Table,
    css,
    slot,
)
from valued_contributors.record.model import Block as Piece
from valued_contributors.record.model import Entry, LearningRecord, SectionRecord, rating_words
from valued_contributors.record.text import (
    changes_rows,
    completion_statement,
    duration,
    entry_heading,
    headline,
    long_date,
)

ANSWER_LABEL = "Your answer"
NOT_ANSWERED = wording.text("record.not_answered")
CHANGES_TITLE = "Confidence before and after"
CHANGES_CAPTION = "Confidence rated from 1 (not at all) to 5 (very), at the start and the end"
CHANGES_HEAD = ("Statement", "Before", "After", "Change")
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


def record_tree(
    record: LearningRecord, template: bool = False, changes: tuple[Block, ...] | None = None
) -> Section:
    """The whole record. With ``template`` the answers are empty, labelled slots for the book;
    ``changes`` replaces the table of confidence before and after (the book shows a chart)."""
    return Section(
        headline(),
        (
            _about(record, template),
            *(_changes(record) if changes is None else changes),
            *(_section(s, template) for s in record.sections),
            _sign_off(),
        ),
        tag="article",
        attrs=css("vc-record"),
    )


def _about(record: LearningRecord, template: bool) -> Lines:
    """Who, when and how much: the lines at the top of every record."""
    lines = []
    if template:
        lines += [Paragraph((), slot("name", ("hidden", None)))]
        lines += [Paragraph((), slot("role", ("hidden", None)))]
    if record.name:
        lines.append(Paragraph(wording.text("record.name", value=record.name), slot("name")))
    if record.role:
        lines.append(Paragraph(wording.text("record.role", value=record.role), slot("role")))
    lines.append(Paragraph(f"Made on {long_date(record.made_on)}."))
    done = wording.text(
        "record.activities_done",
        done=record.done,
        total=record.total,
        duration=duration(record.minutes_done),
    )
    lines.append(Paragraph(done, slot("activities")))
    if record.complete:
        lines.append(Paragraph(Strong(completion_statement(record)), css("vc-record-complete")))
    if template:
        lines.append(
            Paragraph((), css("vc-record-complete", ("data-vc-slot", "complete"), ("hidden", None)))
        )
    return Lines(tuple(lines))


def _changes(record: LearningRecord) -> tuple[Section, ...]:
    if not record.changes:
        return ()
    rows = tuple(
        Row((Cell(row[0], header=True), *(Cell(cell) for cell in row[1:])))
        for row in changes_rows(record)
    )
    table = Table(rows, CHANGES_HEAD, CHANGES_CAPTION)
    return (Section(CHANGES_TITLE, (table,), tag="section", attrs=css("vc-record-changes")),)


def changes_section(chart: str) -> Section:
    """The confidence before and after as a chart the page made, in place of the table."""
    return Section(CHANGES_TITLE, (Html(chart),), tag="section", attrs=css("vc-record-changes"))


def _section(section: SectionRecord, template: bool) -> Section:
    progress = Strong(section.progress, slot("progress", ("data-vc-total", str(section.total))))
    body: list[Block] = [Paragraph(progress)]
    if section.supports:
        items = tuple(
            Item((Strong(f"{name}:"), f" {'; '.join(items)}")) for name, items in section.supports
        )
        body.append(BulletList(items, attrs=css("vc-record-supports")))
    body += [_slots(e) if template else _entry(e) for e in section.entries]
    return Section(
        section.section.title,
        tuple(body),
        tag="section",
        attrs=css("vc-record-section"),
        new_page=True,
    )


def _answer_box(text: Content, attrs: tuple[tuple[str, str | None], ...] = ()) -> Group:
    """A learner's own words, in a labelled box that keeps their line breaks."""
    return Group(
        (
            Paragraph(ANSWER_LABEL, css("vc-record-label")),
            Paragraph(text, css("vc-record-answer", *attrs)),
        ),
        css("vc-record-answer-box"),
    )


def _prompt(text: str) -> Aside:
    return Aside((AuthorMarkdown(text),), css("vc-record-prompt"))


def _feedback(text: str) -> Group:
    return Group((Strong("Feedback:"), AuthorMarkdown(text)), css("vc-record-feedback"))


def _labelled(label: str, value: Inline) -> Item:
    return Item((label, " — ", value))


def _entry(entry: Entry) -> Section:
    """One activity with the learner's latest answer, from the pieces its kind describes."""
    body: list[Block] = []
    items: list[Item] = []
    for piece in entry.blocks:
        if piece.label and piece.kind != "feedback":
            items.append(_labelled(piece.label, Strong(piece.text)))
            continue
        if items:
            body.append(BulletList(tuple(items)))
            items = []
        body.append(_piece(piece))
    if items:
        body.append(BulletList(tuple(items)))
    return Section(entry_heading(entry), tuple(body), tag="section", attrs=css("vc-record-entry"))


def _piece(piece: Piece) -> Block:
    if piece.kind == "prompt":
        return _prompt(piece.text)
    if piece.kind == "feedback":
        return _feedback(piece.text)
    return _answer_box(piece.text)


def _share(activity_id: str) -> Html:
    return Html(
        f"<p class='vc-share vc-needs-script'><label><input type='checkbox' class='vc-share-box' "
        f"value='{attr(activity_id)}'> Share this answer with my team</label></p>"
    )


def _slots(entry: Entry) -> Section:
    """An activity as empty answer slots for the book, which fills them from the reader's
    browser storage."""
    activity = entry.activity
    body: list[Block] = []
    if isinstance(activity, Reflection):
        body = [_prompt(activity.prompt), _answer_box(NOT_ANSWERED, slot("text"))]
    elif isinstance(activity, Confidence):
        items = tuple(
            Item(
                (s.text, " — ", Strong(rating_words(None), slot("rating"))),
                (("data-vc-statement", s.id),),
            )
            for s in activity.statements
        )
        body = [BulletList(items)]
    elif isinstance(activity, Check):
        items = tuple(
            Item(
                (q.text, " — ", Strong(wording.text("record.no_choice"), slot("choice"))),
                (
                    ("data-vc-question", q.id),
                    ("data-vc-correct", " ".join(sorted(q.correct_ids))),
                    ("data-vc-options", json.dumps({o.id: o.text for o in q.options})),
                ),
            )
            for q in activity.questions
        )
        body = [Paragraph(NOT_ANSWERED, slot("result")), BulletList(items)]
    elif isinstance(activity, Scenario):
        body = [_prompt(activity.question), Paragraph(NOT_ANSWERED, slot("result"))]
        body += [
            Group(
                (BulletList((_labelled("Your choice", Strong(c.text)),)), _feedback(c.feedback)),
                css("vc-record-choice", ("data-vc-option", c.id), ("hidden", None)),
            )
            for c in activity.choices
        ]
    attrs = [
        ("data-vc-entry", activity.id),
        ("data-vc-kind", activity.kind),
        ("data-vc-minutes", str(activity.minutes)),
    ]
    if isinstance(activity, Check) and activity.assessment:
        attrs.append(("data-vc-needed", str(needed(activity))))
    heading = (entry_heading(entry).removesuffix(")"), Span((), slot("saved")), ")")
    return Section(
        heading,
        (*body, _share(activity.id)),
        tag="section",
        attrs=css("vc-record-entry", *attrs),
    )


def _sign_off() -> Section:
    """Room for the hours, the date and a supervisor's or manager's comment and signature."""
    rows = tuple(
        Row((Cell(label, header=True), Cell(())), css(style)) for label, style in SIGN_OFF_FIELDS
    )
    return Section(
        SIGN_OFF_TITLE,
        (Paragraph(SIGN_OFF_NOTE), Table(rows)),
        tag="section",
        attrs=css("vc-record-signoff"),
    )
