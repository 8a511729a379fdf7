"""The notebook view: each activity as ipywidgets that save to the journal as the learner works."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from valued_contributors.content import scoring
from valued_contributors.content.model import (
    CONFIDENCE_LABELS,
    Activity,
    Check,
    Confidence,
    Reflection,
    Scenario,
)
from valued_contributors.core.html import block, inline, minutes
from valued_contributors.views.html import KIND_NAMES
from valued_contributors.views.saving import TEXT_DELAY_SECONDS, Saver, on_change
from valued_contributors.views.styles import notebook_box

FULL_WIDTH = widgets.Layout(width="100%")
HIDDEN = "none"


def _header(activity: Activity) -> widgets.HTML:
    return widgets.HTML(
        f"<p><strong>{KIND_NAMES[activity.kind]}: {inline(activity.title)}</strong><br>"
        f"<em>{minutes(activity.minutes)}</em></p>"
    )


def _discussion(activity: Activity) -> widgets.HTML:
    """The author's discussion, hidden until the learner has answered (empty if there is none)."""
    text = f"<div><strong>Discussion</strong>{block(activity.discussion)}</div>"
    panel = widgets.HTML(text if activity.discussion else "")
    panel.layout.display = HIDDEN
    return panel


def _reveal(panel: widgets.HTML, shown: bool = True) -> None:
    panel.layout.display = None if shown and panel.value else HIDDEN


def _reflection(a: Reflection, saver: Saver) -> list[widgets.Widget]:
    saved = saver.load() or {}
    parts: list[widgets.Widget] = [widgets.HTML(block(a.prompt))]
    if a.guidance:
        guidance = widgets.Accordion(
            children=[widgets.HTML(block(a.guidance))], titles=("Guidance",)
        )
        guidance.selected_index = None
        parts.append(guidance)
    box = widgets.Textarea(
        value=saved.get("text", ""),
        placeholder="Write your reflection here. It saves as you type.",
        description="Your reflection",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="100%", height="9em"),
    )
    discussion = _discussion(a)

    def changed(text: str) -> None:
        saver.save({"text": text})
        _reveal(discussion, bool(text.strip()))

    def apply(value: dict[str, Any]) -> None:
        box.value = value.get("text", "")

    on_change(box, changed)
    saver.apply = apply
    _reveal(discussion, bool(box.value.strip()))
    return [*parts, box, saver.status, saver.newer, discussion]


def _confidence(a: Confidence, saver: Saver) -> list[widgets.Widget]:
    ratings: dict[str, int] = dict((saver.load() or {}).get("ratings", {}))
    discussion = _discussion(a)
    rows: list[widgets.Widget] = []
    pickers: dict[str, widgets.RadioButtons] = {}
    options = [(f"{n} {label.lower()}", n) for n, label in CONFIDENCE_LABELS.items()]
    for statement in a.statements:
        picker = widgets.RadioButtons(
            options=options, value=ratings.get(statement.id), layout=FULL_WIDTH
        )
        pickers[statement.id] = picker

        def rated(value: int | None, statement_id: str = statement.id) -> None:
            if value is not None and ratings.get(statement_id) != value:
                ratings[statement_id] = value
                saver.save({"ratings": dict(ratings)})
                _reveal(discussion)

        on_change(picker, rated)
        row = widgets.VBox([widgets.HTML(f"<p>{inline(statement.text)}</p>"), picker])
        row.add_class("vc-scale")
        rows.append(row)

    def apply(value: dict[str, Any]) -> None:
        ratings.clear()
        ratings.update(value.get("ratings", {}))
        for statement_id, picker in pickers.items():
            picker.value = ratings.get(statement_id)

    saver.apply = apply
    _reveal(discussion, bool(ratings))
    return [
        widgets.HTML(block(a.prompt)),
        *rows,
        saver.status,
        saver.newer,
        discussion,
    ]


def feedback_html(result: scoring.QuestionResult) -> str:
    """The verdict and the chosen options' feedback, as both views show them."""
    return f"<p><strong>{result.verdict}</strong></p>" + "".join(
        block(o.feedback) for o in result.chosen
    )


def _check(a: Check, saver: Saver) -> list[widgets.Widget]:
    saved: dict[str, list[str]] = (saver.load() or {}).get("selected", {})
    discussion = _discussion(a)
    score = widgets.HTML()
    pickers: dict[str, Any] = {}
    feedback: dict[str, widgets.HTML] = {}
    parts: list[widgets.Widget] = []
    for n, q in enumerate(a.questions, start=1):
        chosen = saved.get(q.id, [])
        if q.multiple:
            picker = [
                widgets.Checkbox(
                    value=o.id in chosen,
                    description=inline(o.text),
                    description_allow_html=True,
                    indent=False,
                    layout=FULL_WIDTH,
                )
                for o in q.options
            ]
            hint = " <em>(Choose all that apply.)</em>"
        else:
            picker = widgets.RadioButtons(
                options=[(o.text, o.id) for o in q.options],
                value=chosen[0] if chosen else None,
                layout=FULL_WIDTH,
            )
            hint = ""
        pickers[q.id] = picker
        feedback[q.id] = widgets.HTML()
        controls = picker if isinstance(picker, list) else [picker]
        parts += [
            widgets.HTML(f"<p><strong>Question {n}.</strong> {inline(q.text)}{hint}</p>"),
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
        result = scoring.mark_check(a, selected)
        for r in result.questions:
            feedback[r.question.id].value = feedback_html(r)
        left = sum(not selected.get(q.id) for q in a.questions)
        unanswered = (
            f" {left} question{'s are' if left != 1 else ' is'} not answered yet; answer every "
            "question to count this check as done."
            if left
            else ""
        )
        score.value = f"<p><strong>{result.summary}</strong>{unanswered}</p>"
        _reveal(discussion)

    def checked(_: widgets.Button) -> None:
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

    button = widgets.Button(description="Check my answers", button_style="primary")
    button.on_click(checked)
    saver.apply = apply
    if saved:
        show(saved)
    return [*parts, button, score, saver.status, saver.newer, discussion]


def _scenario(a: Scenario, saver: Saver) -> list[widgets.Widget]:
    saved = (saver.load() or {}).get("choice")
    discussion = _discussion(a)
    feedback = widgets.HTML()
    picker = widgets.RadioButtons(
        options=[(c.text, c.id) for c in a.choices],
        value=saved if any(c.id == saved for c in a.choices) else None,
        layout=FULL_WIDTH,
    )

    def chose(choice: str | None) -> None:
        option = scoring.scenario_choice(a, choice)
        if option is None:
            return
        feedback.value = block(option.feedback)
        _reveal(discussion)

    def changed(choice: str | None) -> None:
        if choice is not None:
            saver.save({"choice": choice})
        chose(choice)

    def apply(value: dict[str, Any]) -> None:
        choice = value.get("choice")
        picker.value = choice if any(c.id == choice for c in a.choices) else None

    on_change(picker, changed)
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


BUILDERS = {
    "reflection": _reflection,
    "confidence": _confidence,
    "check": _check,
    "scenario": _scenario,
}


def build(activity: Activity) -> widgets.VBox:
    """The live widgets for one activity, filled in with the learner's saved answer."""
    saver = Saver(activity.id, delay=TEXT_DELAY_SECONDS if activity.kind == "reflection" else 0)
    children = BUILDERS[activity.kind](activity, saver)
    return notebook_box([_header(activity), *children], "vc-activity")
