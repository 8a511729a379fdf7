"""The parts of the learning record the kinds share, as document nodes: a prompt set apart,
a learner's answer in its labelled box, feedback, and "label — value" lines.

Imported only when a record is written, never on the way to showing an activity.
"""

from __future__ import annotations

from valued_contributors.core import wording
from valued_contributors.document import (
    Aside,
    Attrs,
    AuthorMarkdown,
    BulletList,
    Content,
    Group,
    Inline,
    Item,
    Paragraph,
    Strong,
    css,
)

ANSWER_LABEL = "Your answer"
FEEDBACK_LABEL = "Feedback:"
YOUR_CHOICE = "Your choice"
NOT_ANSWERED = wording.text("record.not_answered")


def prompt(text: str) -> Aside:
    """The author's question or prompt, set apart from the answer."""
    return Aside((AuthorMarkdown(text),), css("vc-record-prompt"))


def answer(text: Content, attrs: Attrs = ()) -> Group:
    """A learner's own words (or how they did), in a labelled box that keeps line breaks."""
    return Group(
        (
            Paragraph(ANSWER_LABEL, css("vc-record-label")),
            Paragraph(text, css("vc-record-answer", *attrs)),
        ),
        css("vc-record-answer-box"),
    )


def feedback(text: str) -> Group:
    """The author's feedback on the learner's choice."""
    return Group((Strong(FEEDBACK_LABEL), AuthorMarkdown(text)), css("vc-record-feedback"))


def labelled(label: str, value: Inline, attrs: Attrs = ()) -> Item:
    """One line of "label — value", the value in bold."""
    return Item((label, " — ", value), attrs)


def lines(*items: Item) -> BulletList:
    """The items as one bulleted list."""
    return BulletList(items)


__all__ = [
    "ANSWER_LABEL",
    "NOT_ANSWERED",
    "YOUR_CHOICE",
    "answer",
    "feedback",
    "labelled",
    "lines",
    "prompt",
]
