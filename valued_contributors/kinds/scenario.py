"""A scenario: a situation and a choice of responses, each with feedback (one may be best)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from valued_contributors.core import wording
from valued_contributors.core.html import BLOCK, INLINE, block, dom_id, inline
from valued_contributors.kinds.base import (
    FIELD,
    Kind,
    Option,
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

CHOICES_LATER = "Feedback on every choice is at the end of this section."
BEST_CHOICE = "Best choice"
NOT_ANSWERED = wording.text("record.not_answered")


class Scenario(NamedTuple):
    """A situation and a choice of responses, each with feedback."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    situation: str = ""
    question: str = ""
    choices: tuple[Option, ...] = ()
    kind: Literal["scenario"] = "scenario"

    @property
    def section(self) -> str:
        return section_of(self.id)


def choice_made(scenario: Scenario, choice: str | None) -> Option | None:
    """The choice the learner made, whose feedback is shown beneath the scenario."""
    return next((c for c in scenario.choices if c.id == choice), None)


def build(common: dict[str, Any], raw: dict[str, Any]) -> Scenario:
    return Scenario(
        **common,
        situation=raw["situation"],
        question=raw["question"],
        choices=options(raw["choices"]),
    )


def check(a: Scenario) -> None:
    unique((c.id for c in a.choices), "choice", "choices")


def texts(a: Scenario) -> Texts:
    yield BLOCK, a.situation
    yield INLINE, a.question
    for choice in a.choices:
        yield INLINE, choice.text
        yield BLOCK, choice.feedback


def book(a: Scenario) -> str:
    name = dom_id(a.id, "choice")
    choices = "".join(book_option(name, "radio", c) for c in a.choices)
    return (
        f"<div class='vc-situation'>{block(a.situation)}</div>"
        f"<fieldset class='vc-question'><legend>{inline(a.question)}</legend>{choices}</fieldset>"
        "<button type='button' class='vc-button vc-show-feedback vc-needs-script'>Show feedback"
        f"</button><p class='vc-status' id='{dom_id(a.id, 'status')}'></p>"
    )


def worksheet(a: Scenario) -> str:
    return (
        f"<div class='vc-situation'>{block(a.situation)}</div>"
        f"<p><strong>{inline(a.question)}</strong></p>{printed_options(a.choices)}"
        f"<p class='vc-later'>{CHOICES_LATER}</p>"
    )


def answers(a: Scenario) -> str:
    best = [c.best for c in a.choices]
    key = printed_key(BEST_CHOICE, a.choices, best) if any(best) else ""
    return key + printed_feedback(a.choices)


def describe(a: Scenario, value: Value | None) -> tuple[Node, ...]:
    from valued_contributors.document import Strong
    from valued_contributors.kinds import recordkit as rk

    option = choice_made(a, (value or {}).get("choice"))
    if option is None:
        return (rk.prompt(a.question), rk.answer(rk.NOT_ANSWERED))
    return (
        rk.prompt(a.question),
        rk.lines(rk.labelled(rk.YOUR_CHOICE, Strong(option.text))),
        rk.feedback(option.feedback),
    )


def slots(a: Scenario) -> tuple[Node, ...]:
    from valued_contributors.document import Group, Paragraph, Strong, css, slot
    from valued_contributors.kinds import recordkit as rk

    choices = (
        Group(
            (rk.lines(rk.labelled(rk.YOUR_CHOICE, Strong(c.text))), rk.feedback(c.feedback)),
            css("vc-record-choice", ("data-vc-option", c.id), ("hidden", None)),
        )
        for c in a.choices
    )
    return (rk.prompt(a.question), Paragraph(rk.NOT_ANSWERED, slot("result")), *choices)


def widget(a: Scenario, saver: Saving) -> list[Widget]:
    import ipywidgets as widgets

    from valued_contributors.kinds import widgetkit

    saved = (saver.load() or {}).get("choice")
    discussion = widgetkit.discussion(a)
    feedback = widgets.HTML()
    picker = widgets.RadioButtons(
        options=[(c.text, c.id) for c in a.choices],
        value=saved if any(c.id == saved for c in a.choices) else None,
        layout=widgetkit.FULL_WIDTH,
    )

    def chose(choice: str | None) -> None:
        option = choice_made(a, choice)
        if option is None:
            return
        feedback.value = block(option.feedback)
        widgetkit.reveal(discussion)

    def changed(choice: str | None) -> None:
        if choice is not None:
            saver.save({"choice": choice})
        chose(choice)

    def apply(value: dict[str, Any]) -> None:
        choice = value.get("choice")
        picker.value = choice if any(c.id == choice for c in a.choices) else None

    widgetkit.on_change(picker, changed)
    saver.apply = apply
    chose(picker.value)
    return [
        widgets.HTML(block(a.situation)),
        widgets.HTML(f"<p><strong>{inline(a.question)}</strong></p>"),
        picker,
        feedback,
        saver.status,
        saver.newer,
        discussion,
    ]


KIND: Kind[Scenario] = Kind(
    name="scenario",
    label=wording.text("kinds.scenario"),
    model=Scenario,
    value_key="choice",
    value=SLUG,
    done={"rule": "saved"},
    schema=activity_schema(
        "scenario",
        ["situation", "question", "choices"],
        {
            "situation": FIELD["text"],
            "question": FIELD["text"],
            "choices": {"type": "array", "minItems": 2, "items": FIELD["option"]},
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
    always_has_answers=True,
)
