"""A knowledge check: questions with one right answer or several ("choose all that apply").
One check can be the course's final assessment, whose pass mark decides the statement of
completion. Marking is defined here once, for the notebook, the book and every export.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from valued_contributors.core import wording
from valued_contributors.core.html import BLOCK, INLINE, attr, block, dom_id, inline
from valued_contributors.kinds.base import (
    FIELD,
    Kind,
    Option,
    Problem,
    Texts,
    Value,
    activity_schema,
    book_option,
    options,
    printed_feedback,
    printed_key,
    printed_options,
    section_of,
    unique,
)
from valued_contributors.kinds.base import VALUE_SLUG as SLUG

if TYPE_CHECKING:
    from valued_contributors.document import Block as Node
    from valued_contributors.kinds.widgetkit import Saving, Widget

RIGHT = wording.text("verdict.right")
NOT_YET = wording.text("verdict.not_yet")
NO_ANSWER = wording.text("verdict.no_answer")
SUMMARY = wording.text("verdict.summary")
NOT_ANSWERED = wording.text("record.not_answered")
QUESTION = wording.text("check.question")
"""A question's number as every view shows it ("Question {n}"), followed by a full stop."""
ANSWERS_LATER = "The answers, with feedback on every option, are at the end of this section."
RIGHT_ANSWER = "Right answer"
RIGHT_ANSWERS = "Right answers"
CHOOSE_ALL = "(Choose all that apply.)"
CHECK_BUTTON = "Check my answers"


class Question(NamedTuple):
    """One knowledge-check question; ``multiple`` means "choose all that apply"."""

    id: str
    text: str
    options: tuple[Option, ...]
    multiple: bool = False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


class Check(NamedTuple):
    """A knowledge check of one or more questions; ``assessment`` marks the final assessment,
    whose ``pass_mark`` (a share of the questions, 0 to 1) decides the statement of completion.
    """

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    questions: tuple[Question, ...] = ()
    assessment: str | None = None
    pass_mark: float | None = None
    kind: Literal["check"] = "check"

    @property
    def section(self) -> str:
        return section_of(self.id)


class QuestionResult(NamedTuple):
    """The verdict on one question and the feedback for each option the learner chose."""

    question: Question
    chosen: tuple[Option, ...]
    correct: bool

    @property
    def verdict(self) -> str:
        if not self.chosen:
            return NO_ANSWER
        return RIGHT if self.correct else NOT_YET


class CheckResult(NamedTuple):
    """Every question's result and the score across them."""

    questions: tuple[QuestionResult, ...]

    @property
    def score(self) -> int:
        return sum(r.correct for r in self.questions)

    @property
    def out_of(self) -> int:
        return len(self.questions)

    @property
    def summary(self) -> str:
        return SUMMARY.format(score=self.score, out_of=self.out_of)


def mark_question(question: Question, selected: Sequence[str]) -> QuestionResult:
    """A question is right when the chosen options are exactly the correct ones."""
    chosen = tuple(o for o in question.options if o.id in set(selected))
    correct = bool(chosen) and {o.id for o in chosen} == question.correct_ids
    return QuestionResult(question, chosen, correct)


def mark(check: Check, selected: dict[str, list[str]]) -> CheckResult:
    """Mark every question of a knowledge check from the learner's selections."""
    return CheckResult(tuple(mark_question(q, selected.get(q.id, [])) for q in check.questions))


def needed(check: Check) -> int:
    """How many questions a learner must get right to reach the check's pass mark."""
    return math.ceil(round((check.pass_mark or 0) * len(check.questions), 9))


def verdicts() -> dict[str, str]:
    """The verdict sentences, handed to the book's script so it never words them itself."""
    return {"right": RIGHT, "notYet": NOT_YET, "noAnswer": NO_ANSWER, "summary": SUMMARY}


def final_assessment(activities: Iterable[Any]) -> Check | None:
    """The knowledge check marked ``assessment: final`` among these activities, if any."""
    return next((a for a in activities if isinstance(a, Check) and a.assessment), None)


def build(common: dict[str, Any], raw: dict[str, Any]) -> Check:
    questions = tuple(
        Question(q["id"], q["text"], options(q["options"]), q.get("multiple", False))
        for q in raw["questions"]
    )
    return Check(
        **common,
        questions=questions,
        assessment=raw.get("assessment"),
        pass_mark=raw.get("pass_mark"),
    )


def check(a: Check) -> None:
    """A final assessment has a pass mark; ids differ; every question has its right answer."""
    if (a.assessment is None) != (a.pass_mark is None):
        raise Problem(
            "a final assessment needs both assessment: final and a pass_mark",
            "pass_mark" if a.assessment else "assessment",
        )
    unique((q.id for q in a.questions), "question", "questions")
    for n, q in enumerate(a.questions):
        field = f"questions.{n}.options"
        unique((o.id for o in q.options), "option", field)
        right = len(q.correct_ids)
        if right == 0:
            raise Problem("no option is marked correct: true", field)
        if right > 1 and not q.multiple:
            raise Problem(
                "more than one option is correct; add multiple: true to the question", field
            )


def one_final(checks: list[Check]) -> None:
    """A course has at most one final assessment."""
    finals = [c for c in checks if c.assessment]
    if len(finals) > 1:
        first, second = finals[:2]
        raise Problem(
            f"only one check can be the final assessment, but {first.id} and "
            f"{second.id} both say assessment: final",
            "assessment",
            second.id,
        )


def texts(a: Check) -> Texts:
    for question in a.questions:
        yield INLINE, question.text
        for option in question.options:
            yield INLINE, option.text
            yield BLOCK, option.feedback


def book(a: Check) -> str:
    questions = []
    for n, q in enumerate(a.questions, start=1):
        name = dom_id(a.id, q.id)
        input_type = "checkbox" if q.multiple else "radio"
        hint = f" <span class='vc-hint'>{CHOOSE_ALL}</span>" if q.multiple else ""
        choices = "".join(book_option(name, input_type, o) for o in q.options)
        questions.append(
            f"<fieldset class='vc-question' id='{dom_id(a.id, q.id, 'question')}' "
            f"data-vc-question='{attr(q.id)}' "
            f"data-vc-correct='{attr(' '.join(sorted(q.correct_ids)))}'>"
            f"<legend><span class='vc-question-number'>{QUESTION.format(n=n)}.</span> "
            f"{inline(q.text)}{hint}</legend>{choices}"
            f"<p class='vc-verdict'></p></fieldset>"
        )
    status_id = dom_id(a.id, "status")
    summary = (
        f"<div class='vc-check-summary' id='{dom_id(a.id, 'summary')}' tabindex='-1' hidden>"
        "<p class='vc-score'></p><ul class='vc-summary-list'></ul></div>"
    )
    return (
        summary
        + "".join(questions)
        + "<button type='button' class='vc-button vc-check-answers vc-needs-script'>"
        f"{CHECK_BUTTON}</button>"
        f"<p class='vc-status' id='{status_id}'></p>"
    )


def worksheet(a: Check) -> str:
    questions = "".join(
        f"<div class='vc-question'><p><strong>{QUESTION.format(n=n)}.</strong> {inline(q.text)}"
        f"{' ' + CHOOSE_ALL if q.multiple else ''}</p>{printed_options(q.options)}</div>"
        for n, q in enumerate(a.questions, start=1)
    )
    return f"{questions}<p class='vc-later'>{ANSWERS_LATER}</p>"


def answers(a: Check) -> str:
    parts = []
    for n, q in enumerate(a.questions, start=1):
        label = RIGHT_ANSWERS if len(q.correct_ids) > 1 else RIGHT_ANSWER
        parts.append(
            f"<p class='vc-question-number'>{QUESTION.format(n=n)}. {inline(q.text)}</p>"
            f"{printed_key(label, q.options, [o.correct for o in q.options])}"
            f"{printed_feedback(q.options)}"
        )
    return "".join(parts)


def describe(a: Check, value: Value | None) -> tuple[Node, ...]:
    from valued_contributors.document import Strong
    from valued_contributors.kinds import recordkit as rk

    if value is None:
        return (rk.answer(rk.NOT_ANSWERED),)
    result = mark(a, value.get("selected", {}))
    marked = []
    for r in result.questions:
        chosen = wording.text("record.choices_joined").join(o.text for o in r.chosen)
        words = wording.text(
            "record.choice", choice=chosen or wording.text("record.no_choice"), verdict=r.verdict
        )
        marked.append(rk.labelled(r.question.text, Strong(words)))
    return (rk.answer(result.summary), rk.lines(*marked))


def slots(a: Check) -> tuple[Node, ...]:
    from valued_contributors.document import Paragraph, Strong, slot
    from valued_contributors.kinds import recordkit as rk

    questions = (
        rk.labelled(
            q.text,
            Strong(wording.text("record.no_choice"), slot("choice")),
            (
                ("data-vc-question", q.id),
                ("data-vc-correct", " ".join(sorted(q.correct_ids))),
                ("data-vc-options", json.dumps({o.id: o.text for o in q.options})),
            ),
        )
        for q in a.questions
    )
    return (Paragraph(rk.NOT_ANSWERED, slot("result")), rk.lines(*questions))


def slot_data(a: Check) -> tuple[tuple[str, str | None], ...]:
    """The pass mark of the final assessment, for the statement of completion."""
    return (("data-vc-needed", str(needed(a))),) if a.assessment else ()


def feedback_html(result: QuestionResult) -> str:
    """The verdict and the chosen options' feedback, as both views show them."""
    return f"<p><strong>{result.verdict}</strong></p>" + "".join(
        block(o.feedback) for o in result.chosen
    )


def unanswered_note(left: int) -> str:
    """What the notebook adds to the score while some questions have no answer."""
    if not left:
        return ""
    return (
        f" {left} question{'s are' if left != 1 else ' is'} not answered yet; answer every "
        "question to count this check as done."
    )


def widget(a: Check, saver: Saving) -> list[Widget]:
    import ipywidgets as widgets

    from valued_contributors.kinds import widgetkit

    saved: dict[str, list[str]] = (saver.load() or {}).get("selected", {})
    discussion = widgetkit.discussion(a)
    score = widgets.HTML()
    pickers: dict[str, Any] = {}
    feedback: dict[str, widgets.HTML] = {}
    parts: list[Widget] = []
    for n, q in enumerate(a.questions, start=1):
        chosen = saved.get(q.id, [])
        picker: widgets.RadioButtons | list[widgets.Checkbox]
        if q.multiple:
            picker = [
                widgets.Checkbox(
                    value=o.id in chosen,
                    description=inline(o.text),
                    description_allow_html=True,
                    indent=False,
                    layout=widgetkit.FULL_WIDTH,
                )
                for o in q.options
            ]
            hint = f" <em>{CHOOSE_ALL}</em>"
        else:
            picker = widgets.RadioButtons(
                options=[(o.text, o.id) for o in q.options],
                value=chosen[0] if chosen else None,
                layout=widgetkit.FULL_WIDTH,
            )
            hint = ""
        pickers[q.id] = picker
        feedback[q.id] = widgets.HTML()
        controls = picker if isinstance(picker, list) else [picker]
        parts += [
            widgets.HTML(f"<p><strong>{QUESTION.format(n=n)}.</strong> {inline(q.text)}{hint}</p>"),
            *controls,
            feedback[q.id],
        ]

    def selections() -> dict[str, list[str]]:
        chosen: dict[str, list[str]] = {}
        for q in a.questions:
            picker = pickers[q.id]
            if isinstance(picker, list):
                chosen[q.id] = [o.id for o, box in zip(q.options, picker, strict=True) if box.value]
            else:
                chosen[q.id] = [picker.value] if picker.value else []
        return chosen

    def show(selected: dict[str, list[str]]) -> None:
        result = mark(a, selected)
        for r in result.questions:
            feedback[r.question.id].value = feedback_html(r)
        left = sum(not selected.get(q.id) for q in a.questions)
        score.value = f"<p><strong>{result.summary}</strong>{unanswered_note(left)}</p>"
        widgetkit.reveal(discussion)

    def checked(_: Any) -> None:
        selected = selections()
        saver.save({"selected": selected})
        show(selected)

    def apply(value: dict[str, Any]) -> None:
        selected = value.get("selected", {})
        for q in a.questions:
            picker = pickers[q.id]
            chosen = selected.get(q.id, [])
            if isinstance(picker, list):
                for option, box in zip(q.options, picker, strict=True):
                    box.value = option.id in chosen
            else:
                picker.value = chosen[0] if chosen else None
        show(selected)

    button = widgets.Button(description=CHECK_BUTTON, button_style="primary")
    button.on_click(checked)
    saver.apply = apply
    if saved:
        show(saved)
    return [*parts, button, score, saver.status, saver.newer, discussion]


QUESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "text", "options"],
    "additionalProperties": False,
    "properties": {
        "id": FIELD["slug"],
        "text": FIELD["text"],
        "multiple": {"type": "boolean"},
        "options": {"type": "array", "minItems": 2, "items": FIELD["option"]},
    },
}

KIND: Kind[Check] = Kind(
    name="check",
    label=wording.text("kinds.check"),
    model=Check,
    value_key="selected",
    value={
        "type": "object",
        "propertyNames": SLUG,
        "additionalProperties": {"type": "array", "items": SLUG, "uniqueItems": True},
    },
    done={"rule": "all-answered", "over": "questions"},
    schema=activity_schema(
        "check",
        ["questions"],
        {
            "questions": {"type": "array", "minItems": 1, "items": QUESTION_SCHEMA},
            "assessment": {
                "enum": ["final"],
                "description": "Marks the end-of-course assessment: the check whose score "
                "decides the statement of completion. Give pass_mark with it.",
            },
            "pass_mark": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "The share of questions a learner must get right in the final "
                "assessment, from 0 to 1 (0.5 means half).",
            },
        },
    ),
    build=build,
    check=check,
    texts=texts,
    book=book,
    worksheet=worksheet,
    answers=answers,
    describe=describe,
    slots=slots,
    widget=widget,
    course_rule=one_final,
    slot_data=slot_data,
    always_has_answers=True,
)
