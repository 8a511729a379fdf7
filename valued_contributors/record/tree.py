"""The learning record as one document tree, which every format writes: the web page, the
notebook's preview, Markdown, Word, and the book's page (as a template of empty slots that the
book's script fills from the reader's browser storage).
"""

from __future__ import annotations

from valued_contributors import kinds
from valued_contributors.core import wording
from valued_contributors.core.html import attr
from valued_contributors.document import (
    Block,
    BulletList,
    Cell,
    Html,
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
from valued_contributors.record.model import Entry, LearningRecord, SectionRecord
from valued_contributors.record.text import (
    changes_rows,
    completion_statement,
    duration,
    entry_heading,
    headline,
    long_date,
)

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
    ``changes`` replaces the table of confidence before and after (the book shows a chart).
    """
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


def _entry(entry: Entry) -> Section:
    """One activity with the learner's latest answer, as its kind shows it."""
    return Section(entry_heading(entry), entry.blocks, tag="section", attrs=css("vc-record-entry"))


def _share(activity_id: str) -> Html:
    return Html(
        f"<p class='vc-share vc-needs-script'><label><input type='checkbox' class='vc-share-box' "
        f"value='{attr(activity_id)}'> Share this answer with my team</label></p>"
    )


def _slots(entry: Entry) -> Section:
    """An activity as empty answer slots for the book, which fills them from the reader's
    browser storage.
    """
    activity = entry.activity
    kind = kinds.of(activity)
    attrs = css(
        "vc-record-entry",
        ("data-vc-entry", activity.id),
        ("data-vc-kind", activity.kind),
        ("data-vc-minutes", str(activity.minutes)),
        *kind.slot_data(activity),
    )
    heading = (entry_heading(entry).removesuffix(")"), Span((), slot("saved")), ")")
    return Section(
        heading, (*kind.slots(activity), _share(activity.id)), tag="section", attrs=attrs
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
