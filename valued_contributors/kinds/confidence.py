"""A confidence scale: statements rated from 1 to 5. A later scale can repeat an earlier one
(``repeats:``), and the pair of them is how the course shows confidence before and after.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from valued_contributors.core import wording
from valued_contributors.core.html import BLOCK, INLINE, attr, block, dom_id, inline
from valued_contributors.kinds.base import (
    FIELD,
    Kind,
    Problem,
    Texts,
    Value,
    activity_schema,
    section_of,
    unique,
)
from valued_contributors.kinds.base import VALUE_SLUG as SLUG

if TYPE_CHECKING:
    from valued_contributors.document import Block as Node
    from valued_contributors.kinds.widgetkit import Saving, Widget

LABELS: dict[int, str] = {int(n): label for n, label in wording.group("confidence.labels").items()}


class Statement(NamedTuple):
    """One statement a learner rates on the confidence scale."""

    id: str
    text: str


class Confidence(NamedTuple):
    """Statements rated from 1 to 5; ``repeats`` names the earlier scale this one repeats."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    prompt: str | None = None
    statements: tuple[Statement, ...] = ()
    repeats: str | None = None
    kind: Literal["confidence"] = "confidence"

    @property
    def section(self) -> str:
        return section_of(self.id)


def build(common: dict[str, Any], raw: dict[str, Any]) -> Confidence:
    statements = tuple(Statement(s["id"], s["text"]) for s in raw.get("statements", []))
    return Confidence(
        **common, prompt=raw.get("prompt"), statements=statements, repeats=raw.get("repeats")
    )


def check(a: Confidence) -> None:
    if bool(a.statements) == bool(a.repeats):
        raise Problem(
            "give either a list of statements or repeats: naming an earlier scale", "statements"
        )
    unique((s.id for s in a.statements), "statement", "statements")


def link(a: Confidence, activities: Mapping[str, Any]) -> Confidence:
    """A repeated scale takes the statements (and, unless it has its own, the prompt) of the
    scale it repeats.
    """
    if not a.repeats:
        return a
    original = activities.get(a.repeats)
    if not isinstance(original, Confidence) or original.repeats:
        raise Problem(
            f"must name a confidence scale with its own statements, not {a.repeats!r}",
            "repeats",
        )
    return a._replace(prompt=a.prompt or original.prompt, statements=original.statements)


def before_after(activities: Mapping[str, Any]) -> tuple[Confidence, Confidence] | None:
    """The course's first scale and the later one that repeats it, if the course has both."""
    for after in activities.values():
        if isinstance(after, Confidence) and after.repeats:
            before = activities.get(after.repeats)
            if isinstance(before, Confidence):
                return before, after
    return None


class Change(NamedTuple):
    """One statement's confidence before and after (None where it was not rated)."""

    statement: str
    before: int | None
    after: int | None

    @property
    def difference(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def changes(scale: Confidence, before: dict[str, int], after: dict[str, int]) -> list[Change]:
    """Pair the two ratings of every statement of a scale, in the scale's order."""
    return [Change(s.text, before.get(s.id), after.get(s.id)) for s in scale.statements]


def rating_words(value: int | None) -> str:
    """A rating as the record shows it, e.g. "3 – Fairly confident"."""
    if value is None:
        return wording.text("record.not_rated")
    return wording.text("record.rating", n=value, label=LABELS[value])


def texts(a: Confidence) -> Texts:
    yield BLOCK, a.prompt
    for statement in a.statements:
        yield INLINE, statement.text


def book(a: Confidence) -> str:
    rows = []
    for s in a.statements:
        name = dom_id(a.id, s.id)
        choices = "".join(
            f"<label class='vc-rating'><input type='radio' name='{name}' value='{n}' "
            f"data-vc-statement='{attr(s.id)}'><span class='vc-rating-number'>{n}</span>"
            f"<span class='vc-rating-words'>{attr(label)}</span></label>"
            for n, label in LABELS.items()
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


def worksheet(a: Confidence) -> str:
    head = "".join(
        f"<th scope='col'><span class='vc-rating-number'>{n}</span> {attr(label)}</th>"
        for n, label in LABELS.items()
    )
    boxes = "<td class='vc-box'></td>" * len(LABELS)
    rows = "".join(f"<tr><th scope='row'>{inline(s.text)}</th>{boxes}</tr>" for s in a.statements)
    prompt = f"<div class='vc-prompt'>{block(a.prompt)}</div>" if a.prompt else ""
    return (
        f"{prompt}<p>Tick one box in each row.</p><table class='vc-scale'>"
        f"<thead><tr><th scope='col'>Statement</th>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table>"
    )


def answers(a: Confidence) -> str:
    return ""


def describe(a: Confidence, value: Value | None) -> tuple[Node, ...]:
    from valued_contributors.document import Strong
    from valued_contributors.kinds import recordkit as rk

    ratings = (value or {}).get("ratings", {})
    rated = (rk.labelled(s.text, Strong(rating_words(ratings.get(s.id)))) for s in a.statements)
    return (rk.lines(*rated),)


def slots(a: Confidence) -> tuple[Node, ...]:
    from valued_contributors.document import Strong, slot
    from valued_contributors.kinds import recordkit as rk

    rated = (
        rk.labelled(
            s.text, Strong(rating_words(None), slot("rating")), (("data-vc-statement", s.id),)
        )
        for s in a.statements
    )
    return (rk.lines(*rated),)


def widget(a: Confidence, saver: Saving) -> list[Widget]:
    import ipywidgets as widgets

    from valued_contributors.kinds import widgetkit

    ratings: dict[str, int] = dict((saver.load() or {}).get("ratings", {}))
    discussion = widgetkit.discussion(a)
    rows: list[Widget] = []
    pickers: dict[str, widgets.RadioButtons] = {}
    options = [(f"{n} {label.lower()}", n) for n, label in LABELS.items()]
    for statement in a.statements:
        picker = widgets.RadioButtons(
            options=options, value=ratings.get(statement.id), layout=widgetkit.FULL_WIDTH
        )
        pickers[statement.id] = picker

        def rated(value: int | None, statement_id: str = statement.id) -> None:
            if value is not None and ratings.get(statement_id) != value:
                ratings[statement_id] = value
                saver.save({"ratings": dict(ratings)})
                widgetkit.reveal(discussion)

        widgetkit.on_change(picker, rated)
        row = widgets.VBox([widgets.HTML(f"<p>{inline(statement.text)}</p>"), picker])
        row.add_class("vc-scale")
        rows.append(row)

    def apply(value: dict[str, Any]) -> None:
        ratings.clear()
        ratings.update(value.get("ratings", {}))
        for statement_id, picker in pickers.items():
            picker.value = ratings.get(statement_id)

    saver.apply = apply
    widgetkit.reveal(discussion, bool(ratings))
    return [widgets.HTML(block(a.prompt)), *rows, saver.status, saver.newer, discussion]


STATEMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "text"],
    "additionalProperties": False,
    "properties": {"id": FIELD["slug"], "text": FIELD["text"]},
}

KIND: Kind[Confidence] = Kind(
    name="confidence",
    label=wording.text("kinds.confidence"),
    model=Confidence,
    value_key="ratings",
    value={
        "type": "object",
        "propertyNames": SLUG,
        "additionalProperties": {"type": "integer", "minimum": min(LABELS), "maximum": max(LABELS)},
    },
    done={"rule": "saved"},
    schema=activity_schema(
        "confidence",
        [],
        {
            "prompt": FIELD["text"],
            "statements": {"type": "array", "minItems": 1, "items": STATEMENT_SCHEMA},
            "repeats": {"type": "string", "pattern": "^[a-z0-9-]+/[a-z0-9-]+$"},
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
    link=link,
    print_discussion_later=True,
)
