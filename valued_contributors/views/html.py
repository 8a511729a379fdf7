"""The book view: each activity as self-contained HTML that the book's script brings to life.

Every word shown (prompts, options, feedback, verdicts) comes from the activity data and the
scoring module, so the book and the notebook give exactly the same feedback.
"""

from __future__ import annotations

import json

from valued_contributors.content import scoring
from valued_contributors.content.model import (
    CONFIDENCE_LABELS,
    MAX_TEXT,
    Activity,
    Check,
    Confidence,
    Option,
    Reflection,
    Scenario,
)
from valued_contributors.core import wording
from valued_contributors.core.html import attr, block, dom_id, inline, minutes

NOSCRIPT = (
    "<noscript><p class='vc-warning'>This page's script is not running in your browser, so "
    "nothing you write or choose here is saved. You can still open each Feedback and Discussion "
    "to read it. To keep your answers, turn on JavaScript or use the notebooks.</p></noscript>"
)
# Wording the book's script shows; it composes no sentence of its own.
SCRIPT_TEXTS = {
    "question": wording.text("check.question"),
    "chooseFirst": wording.text("scenario.choose_first"),
    "feedback": wording.text("scenario.feedback"),
    "verdictWords": {
        "right": wording.text("verdict_words.right"),
        "notYet": wording.text("verdict_words.not_yet"),
        "noAnswer": wording.text("verdict_words.no_answer"),
    },
}
LIVE = "<p class='vc-live' role='status' aria-live='polite'></p>"  # the activity's one live region


def _discussion(activity: Activity) -> str:
    if not activity.discussion:
        return ""
    return (
        f"<details class='vc-discussion' id='{dom_id(activity.id, 'discussion')}'>"
        "<summary class='vc-discussion-title'>Discussion</summary>"
        f"{block(activity.discussion)}</details>"
    )


def _reflection(a: Reflection) -> str:
    guidance = (
        f"<details class='vc-guidance'><summary>Guidance</summary>{block(a.guidance)}</details>"
        if a.guidance
        else ""
    )
    prompt_id, text_id, status_id = (dom_id(a.id, p) for p in ("prompt", "text", "status"))
    return (
        f"<div class='vc-prompt' id='{prompt_id}'>{block(a.prompt)}</div>{guidance}"
        f"<label class='vc-field-label' for='{text_id}'>Your reflection</label>"
        f"<textarea class='vc-text' id='{text_id}' rows='6' maxlength='{MAX_TEXT}' "
        f"aria-describedby='{prompt_id} {status_id}'></textarea>"
        f"<p class='vc-status' id='{status_id}'></p>"
    )


def _confidence(a: Confidence) -> str:
    rows = []
    for s in a.statements:
        name = dom_id(a.id, s.id)
        choices = "".join(
            f"<label class='vc-rating'><input type='radio' name='{name}' value='{n}' "
            f"data-vc-statement='{attr(s.id)}'><span class='vc-rating-number'>{n}</span>"
            f"<span class='vc-rating-words'>{attr(label)}</span></label>"
            for n, label in CONFIDENCE_LABELS.items()
        )
        rows.append(
            f"<fieldset class='vc-statement'><legend>{inline(s.text)}</legend>"
            f"<div class='vc-ratings'>{choices}</div></fieldset>"
        )
    status_id = dom_id(a.id, "status")
    return (
        f"<div class='vc-prompt'>{block(a.prompt)}</div>{''.join(rows)}"
        f"<p class='vc-status' id='{status_id}'></p>"
    )


def _option(name: str, kind: str, option: Option) -> str:
    input_id = f"{name}-{option.id}"
    return (
        f"<div class='vc-option'><input type='{kind}' id='{input_id}' name='{name}' "
        f"value='{attr(option.id)}'><label for='{input_id}'>{inline(option.text)}</label>"
        f"<details class='vc-feedback' data-vc-option='{attr(option.id)}'>"
        f"<summary>Feedback on this answer</summary>{block(option.feedback)}</details></div>"
    )


def _check(a: Check) -> str:
    questions = []
    for n, q in enumerate(a.questions, start=1):
        name = dom_id(a.id, q.id)
        kind = "checkbox" if q.multiple else "radio"
        hint = " <span class='vc-hint'>(Choose all that apply.)</span>" if q.multiple else ""
        options = "".join(_option(name, kind, o) for o in q.options)
        questions.append(
            f"<fieldset class='vc-question' id='{dom_id(a.id, q.id, 'question')}' "
            f"data-vc-question='{attr(q.id)}' "
            f"data-vc-correct='{attr(' '.join(sorted(q.correct_ids)))}'>"
            f"<legend><span class='vc-question-number'>Question {n}.</span> "
            f"{inline(q.text)}{hint}</legend>{options}"
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
        "Check my answers</button>"
        f"<p class='vc-status' id='{status_id}'></p>"
    )


def _scenario(a: Scenario) -> str:
    name = dom_id(a.id, "choice")
    options = "".join(_option(name, "radio", c) for c in a.choices)
    return (
        f"<div class='vc-situation'>{block(a.situation)}</div>"
        f"<fieldset class='vc-question'><legend>{inline(a.question)}</legend>{options}</fieldset>"
        "<button type='button' class='vc-button vc-show-feedback vc-needs-script'>Show feedback"
        f"</button><p class='vc-status' id='{dom_id(a.id, 'status')}'></p>"
    )


RENDERERS = {
    "reflection": _reflection,
    "confidence": _confidence,
    "check": _check,
    "scenario": _scenario,
}


def render(activity: Activity) -> str:
    """The book's HTML for one activity; the answers themselves live in the reader's browser."""
    title_id = dom_id(activity.id, "title")
    body = RENDERERS[activity.kind](activity)
    texts = attr(json.dumps({**scoring.verdicts(), **SCRIPT_TEXTS}))
    return (
        f"<section class='vc-activity vc-{activity.kind}' data-vc-activity='{attr(activity.id)}' "
        f"data-vc-kind='{activity.kind}' data-vc-texts='{texts}' aria-labelledby='{title_id}'>"
        f"<p class='vc-title' id='{title_id}'><span class='vc-kind'>{KIND_NAMES[activity.kind]}"
        f"</span> {inline(activity.title)}</p>"
        f"<p class='vc-time'>{minutes(activity.minutes)}</p>"
        f"{NOSCRIPT}{body}{_discussion(activity)}{LIVE}</section>"
    )


KIND_NAMES: dict[str, str] = wording.group("kinds")
