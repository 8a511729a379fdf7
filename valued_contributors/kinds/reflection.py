"""A reflection: a free-text answer to a prompt, with optional guidance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from valued_contributors.core import wording
from valued_contributors.core.html import BLOCK, block, dom_id
from valued_contributors.kinds.base import Kind, Texts, Value, activity_schema, section_of

if TYPE_CHECKING:
    from valued_contributors.document import Block as Node
    from valued_contributors.kinds.widgetkit import Saving, Widget

MAX_TEXT = 1_000_000
"""The most characters one reflection holds; the answers file's schema says the same."""
NOT_ANSWERED = wording.text("record.not_answered")
WRITE_HERE = "Write your answer here."


class Reflection(NamedTuple):
    """A free-text reflection with optional guidance."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    prompt: str = ""
    guidance: str | None = None
    kind: Literal["reflection"] = "reflection"

    @property
    def section(self) -> str:
        return section_of(self.id)


def build(common: dict[str, Any], raw: dict[str, Any]) -> Reflection:
    return Reflection(**common, prompt=raw["prompt"], guidance=raw.get("guidance"))


def check(activity: Reflection) -> None:
    """Everything a reflection needs, the schema checks."""


def texts(a: Reflection) -> Texts:
    yield BLOCK, a.prompt
    yield BLOCK, a.guidance


def book(a: Reflection) -> str:
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


def lines(rows: int) -> str:
    """Ruled space to write in on a printed worksheet."""
    return f"<p class='vc-write-label'>{WRITE_HERE}</p><div class='vc-lines vc-lines-{rows}'></div>"


def worksheet(a: Reflection) -> str:
    guidance = (
        f"<div class='vc-guidance'><p><strong>Guidance</strong></p>{block(a.guidance)}</div>"
        if a.guidance
        else ""
    )
    return f"<div class='vc-prompt'>{block(a.prompt)}</div>{guidance}{lines(8)}"


def answers(a: Reflection) -> str:
    return ""


def describe(a: Reflection, value: Value | None) -> tuple[Node, ...]:
    from valued_contributors.kinds import recordkit as rk

    text = (value or {}).get("text", "")
    return (rk.prompt(a.prompt), rk.answer(text or rk.NOT_ANSWERED))


def slots(a: Reflection) -> tuple[Node, ...]:
    from valued_contributors.document import slot
    from valued_contributors.kinds import recordkit as rk

    return (rk.prompt(a.prompt), rk.answer(rk.NOT_ANSWERED, slot("text")))


def widget(a: Reflection, saver: Saving) -> list[Widget]:
    import ipywidgets as widgets

    from valued_contributors.kinds import widgetkit

    saved = saver.load() or {}
    parts: list[Widget] = [widgets.HTML(block(a.prompt))]
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
    discussion = widgetkit.discussion(a)

    def changed(text: str) -> None:
        saver.save({"text": text})
        widgetkit.reveal(discussion, bool(text.strip()))

    def apply(value: dict[str, Any]) -> None:
        box.value = value.get("text", "")

    widgetkit.on_change(box, changed)
    saver.apply = apply
    widgetkit.reveal(discussion, bool(box.value.strip()))
    return [*parts, box, saver.status, saver.newer, discussion]


KIND: Kind[Reflection] = Kind(
    name="reflection",
    label=wording.text("kinds.reflection"),
    model=Reflection,
    value_key="text",
    value={"type": "string", "maxLength": MAX_TEXT},
    done={"rule": "not-blank"},
    schema=activity_schema(
        "reflection",
        ["prompt"],
        {"prompt": {"$ref": "#/$defs/text"}, "guidance": {"$ref": "#/$defs/text"}},
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
    debounced=True,
    print_discussion_later=True,
)
