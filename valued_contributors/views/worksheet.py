"""The printed view of every activity, for the EPUB and the PDF: a worksheet with space to
write, and the answers and feedback gathered at the end of the section.

Every word comes from the activity data and the shared view helpers, so a worksheet asks
exactly what the web book and the notebooks ask. The HTML is also valid XHTML, as EPUB needs.
"""

from __future__ import annotations

import re
import string

from valued_contributors.content.model import (
    CONFIDENCE_LABELS,
    Activity,
    Check,
    Confidence,
    Option,
    Reflection,
    Scenario,
)
from valued_contributors.core.html import attr, block, dom_id, inline, minutes
from valued_contributors.views.html import KIND_NAMES

ANSWERS_TITLE = "Answers and feedback"
ANSWERS_LATER = "The answers, with feedback on every option, are at the end of this section."
CHOICES_LATER = "Feedback on every choice is at the end of this section."
DISCUSSION_LATER = (
    "When you have answered, compare your thoughts with the discussion at the end of this section."
)
WRITE_HERE = "Write your answer here."
RIGHT_ANSWER = "Right answer"
RIGHT_ANSWERS = "Right answers"
BEST_CHOICE = "Best choice"
ACTIVITY_MARK = re.compile(r"data-vc-activity='([^']+)'")
INTERACTIVE_ONLY = ("class='vc-progress",)
NOT_IN_PRINT = {
    "vc-compare": (
        "In the web book and the notebooks, a chart here compares your two confidence scales. "
        "On paper, set your two worksheets side by side and note where your ratings changed."
    ),
    "vc-record-page": (
        "In the web book and the notebooks, this page gathers your answers into a learning "
        "record you can print or save. On paper, your completed worksheets are your record: "
        "keep them together, with the date you finished each section."
    ),
}


def letter(n: int) -> str:
    return string.ascii_uppercase[n]


def _lines(rows: int) -> str:
    return f"<p class='vc-write-label'>{WRITE_HERE}</p><div class='vc-lines vc-lines-{rows}'></div>"


def _options(options: tuple[Option, ...]) -> str:
    items = "".join(
        f"<li><span class='vc-letter'>{letter(n)}.</span> {inline(o.text)}</li>"
        for n, o in enumerate(options)
    )
    return f"<ul class='vc-choices'>{items}</ul>"


def _reflection(a: Reflection) -> str:
    guidance = (
        f"<div class='vc-guidance'><p><strong>Guidance</strong></p>{block(a.guidance)}</div>"
        if a.guidance
        else ""
    )
    return f"<div class='vc-prompt'>{block(a.prompt)}</div>{guidance}{_lines(8)}"


def _confidence(a: Confidence) -> str:
    head = "".join(
        f"<th scope='col'><span class='vc-rating-number'>{n}</span> {attr(label)}</th>"
        for n, label in CONFIDENCE_LABELS.items()
    )
    boxes = "<td class='vc-box'></td>" * len(CONFIDENCE_LABELS)
    rows = "".join(f"<tr><th scope='row'>{inline(s.text)}</th>{boxes}</tr>" for s in a.statements)
    prompt = f"<div class='vc-prompt'>{block(a.prompt)}</div>" if a.prompt else ""
    return (
        f"{prompt}<p>Tick one box in each row.</p><table class='vc-scale'>"
        f"<thead><tr><th scope='col'>Statement</th>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table>"
    )


def _check(a: Check) -> str:
    questions = "".join(
        f"<div class='vc-question'><p><strong>Question {n}.</strong> {inline(q.text)}"
        f"{' (Choose all that apply.)' if q.multiple else ''}</p>{_options(q.options)}</div>"
        for n, q in enumerate(a.questions, start=1)
    )
    return f"{questions}<p class='vc-later'>{ANSWERS_LATER}</p>"


def _scenario(a: Scenario) -> str:
    return (
        f"<div class='vc-situation'>{block(a.situation)}</div>"
        f"<p><strong>{inline(a.question)}</strong></p>{_options(a.choices)}"
        f"<p class='vc-later'>{CHOICES_LATER}</p>"
    )


RENDERERS = {
    "reflection": _reflection,
    "confidence": _confidence,
    "check": _check,
    "scenario": _scenario,
}


def render(activity: Activity) -> str:
    """One activity as a worksheet."""
    later = (
        f"<p class='vc-later'>{DISCUSSION_LATER}</p>"
        if activity.discussion and activity.kind in {"reflection", "confidence"}
        else ""
    )
    return (
        f"<section class='vc-worksheet vc-{activity.kind}' id='{dom_id(activity.id)}'>"
        f"<p class='vc-title'><span class='vc-kind'>{KIND_NAMES[activity.kind]}</span> "
        f"{inline(activity.title)}</p><p class='vc-time'>{minutes(activity.minutes)}</p>"
        f"{RENDERERS[activity.kind](activity)}{later}</section>"
    )


def _feedback(options: tuple[Option, ...]) -> str:
    items = "".join(
        f"<li><p><span class='vc-letter'>{letter(n)}.</span> {inline(o.text)}</p>"
        f"{block(o.feedback)}</li>"
        for n, o in enumerate(options)
    )
    return f"<ul class='vc-choices vc-answer-feedback'>{items}</ul>"


def _key(label: str, options: tuple[Option, ...], chosen: list[bool]) -> str:
    letters = ", ".join(letter(n) for n, o in enumerate(options) if chosen[n])
    return f"<p><strong>{label}: {letters}.</strong></p>"


def answers(activity: Activity) -> str:
    """The answers, feedback and discussion for one activity, for the end of its section."""
    parts = []
    if isinstance(activity, Check):
        for n, q in enumerate(activity.questions, start=1):
            label = RIGHT_ANSWERS if len(q.correct_ids) > 1 else RIGHT_ANSWER
            parts.append(
                f"<p class='vc-question-number'>Question {n}. {inline(q.text)}</p>"
                f"{_key(label, q.options, [o.correct for o in q.options])}{_feedback(q.options)}"
            )
    elif isinstance(activity, Scenario):
        if any(c.best for c in activity.choices):
            parts.append(_key(BEST_CHOICE, activity.choices, [c.best for c in activity.choices]))
        parts.append(_feedback(activity.choices))
    if activity.discussion:
        parts.append(f"<div class='vc-discussion'>{block(activity.discussion)}</div>")
    return "".join(parts)


def has_answers(activity: Activity) -> bool:
    return bool(activity.discussion) or activity.kind in {"check", "scenario"}


def activity_in(html: str) -> str | None:
    """The id of the activity a book output shows, if it shows one."""
    match = ACTIVITY_MARK.search(html)
    return match.group(1) if match else None


def print_note(html: str) -> str | None:
    """What paper says in place of an interactive-only output: a note, "" to drop it, or None
    when the output prints as it is."""
    if any(mark in html for mark in INTERACTIVE_ONLY):
        return ""
    for css_class, note in NOT_IN_PRINT.items():
        if f"class='{css_class}" in html or f'class="{css_class}' in html:
            return f"<p class='vc-print-note'>{note}</p>"
    return None
