"""What every kind of activity provides, and the small parts the kinds share.

A kind is one module (``reflection``, ``confidence``, ``check``, ``scenario``) that builds one
``Kind``: its model, the schema of its part of an activity file and of its answer, its load
checks, its author texts, its views and its "done" rule. Nothing here imports a view library:
the widget builders import ipywidgets only when a notebook asks for widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from valued_contributors.core.html import attr, block, inline

if TYPE_CHECKING:
    from valued_contributors.document import Attrs
    from valued_contributors.document import Block as Node
    from valued_contributors.kinds.widgetkit import Saving, Widget

Value = dict[str, Any]
"""A learner's answer to one activity, e.g. ``{"text": "..."}``; its one key tells the kind."""
Texts = Iterator[tuple[str, str | None]]
"""Author Markdown texts with their mode (``block`` or ``inline``); empty ones are skipped."""

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
VALUE_SLUG: dict[str, Any] = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 100}
"""An id inside an answer (a statement, question or option), as answers files allow it."""
FIELD = {
    "slug": {"$ref": "#/$defs/slug"},
    "text": {"$ref": "#/$defs/text"},
    "minutes": {"$ref": "#/$defs/minutes"},
    "option": {"$ref": "#/$defs/option"},
}
"""References to the shared definitions of the activity file's schema."""
OPTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "text", "feedback"],
    "additionalProperties": False,
    "properties": {
        "id": FIELD["slug"],
        "text": FIELD["text"],
        "correct": {"type": "boolean"},
        "best": {"type": "boolean"},
        "feedback": FIELD["text"],
    },
}
SHARED_DEFINITIONS: dict[str, Any] = {
    "slug": {"type": "string", "pattern": SLUG_PATTERN},
    "text": {"type": "string", "minLength": 1},
    "minutes": {"type": "integer", "minimum": 1, "maximum": 240},
    "option": OPTION_SCHEMA,
}
"""What the kinds' schemas refer to (``#/$defs/...``), defined once for the activity file."""


class Option(NamedTuple):
    """One answer to a question or one choice in a scenario, with the feedback it earns."""

    id: str
    text: str
    feedback: str
    correct: bool = False
    best: bool = False


def options(raw: list[dict[str, Any]]) -> tuple[Option, ...]:
    """Options as an author wrote them in an activity file."""
    return tuple(
        Option(o["id"], o["text"], o["feedback"], o.get("correct", False), o.get("best", False))
        for o in raw
    )


def section_of(activity_id: str) -> str:
    """The section part of an activity id (``voices`` in ``voices/ripple``)."""
    return activity_id.split("/", 1)[0]


class Problem(ValueError):
    """Something in an activity that the schema cannot catch; the loader names the file."""

    def __init__(self, message: str, field: str, activity: str | None = None):
        self.message, self.field, self.activity = message, field, activity
        super().__init__(message)


def duplicate(ids: Iterable[str]) -> str | None:
    """The first id that appears twice, or None."""
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            return item
        seen.add(item)
    return None


def unique(ids: Iterable[str], what: str, field: str) -> None:
    """Raise a Problem if two of these ids are the same."""
    if twice := duplicate(ids):
        raise Problem(f"{what} id {twice!r} is used twice", field)


def activity_schema(name: str, required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """The schema of one kind's activity: the fields every activity has, then its own."""
    return {
        "type": "object",
        "required": ["id", "kind", "title", "minutes", *required],
        "additionalProperties": False,
        "properties": {
            "id": FIELD["slug"],
            "kind": {"const": name},
            "title": FIELD["text"],
            "minutes": FIELD["minutes"],
            **properties,
            "discussion": FIELD["text"],
        },
    }


def value_schema(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of one kind's answer: an object with just its one key."""
    return {
        "type": "object",
        "required": [key],
        "additionalProperties": False,
        "properties": {key: schema},
    }


A = TypeVar("A")


def _no_links(activity: A, activities: Mapping[str, Any]) -> A:
    return activity


def _no_course_rule(activities: list[A]) -> None:
    return None


def _no_slot_data(activity: A) -> Attrs:
    return ()


class Kind(NamedTuple, Generic[A]):
    """Everything the course knows about one kind of activity.

    ``done`` is the rule for "this activity is done" as data (``{"rule": "saved"}``,
    ``{"rule": "not-blank"}`` or ``{"rule": "all-answered", "over": "questions"}``), so that
    the book's script can be handed the same rule; ``kinds.is_done`` evaluates it.
    """

    name: str
    label: str
    """The kind as a learner reads it above each activity, e.g. "Knowledge check"."""
    model: type[A]
    value_key: str
    value: dict[str, Any]
    """The JSON Schema of the part of an answer under ``value_key``."""
    done: dict[str, str]
    schema: dict[str, Any]
    """The JSON Schema of an activity of this kind in an activity file."""
    build: Callable[[dict[str, Any], dict[str, Any]], A]
    """The model from the fields every activity has and the author's data."""
    check: Callable[[A], None]
    """Rules the schema cannot express; raises Problem."""
    texts: Callable[[A], Texts]
    """The kind's own author texts, after the title and the discussion."""
    book: Callable[[A], str]
    """The book's HTML for the activity's body; the page's script brings it to life."""
    worksheet: Callable[[A], str]
    """The printed worksheet's body."""
    answers: Callable[[A], str]
    """The printed answers and feedback for the end of the section, before the discussion."""
    describe: Callable[[A, Value | None], tuple[Node, ...]]
    """The learning record's document nodes for one answer (or none yet)."""
    slots: Callable[[A], tuple[Node, ...]]
    """The book's record page: the same nodes with empty, labelled slots that the page's
    script fills from the reader's browser storage."""
    widget: Callable[[A, Saving], list[Widget]]
    """The notebook's widgets for the activity's body, filled in from the saver."""
    link: Callable[[A, Mapping[str, Any]], A] = _no_links
    """The activity completed from the rest of the course (all activities by id)."""
    course_rule: Callable[[list[A]], None] = _no_course_rule
    """A rule over every activity of the kind in a course; raises Problem naming one."""
    slot_data: Callable[[A], Attrs] = _no_slot_data
    """More of what the book's script needs to fill the record's slots, as attributes."""
    debounced: bool = False
    """Whether the notebook saves after a pause in typing rather than at each change."""
    print_discussion_later: bool = False
    """Whether a worksheet points to the discussion printed at the end of the section."""
    always_has_answers: bool = False
    """Whether the printed answers list it even without a discussion."""

    @property
    def value_schema(self) -> dict[str, Any]:
        """The JSON Schema of a whole answer value of this kind."""
        return value_schema(self.value_key, self.value)


def letter(n: int) -> str:
    """The letter a printed option is known by: A, B, C and so on."""
    return chr(ord("A") + n)


def book_option(name: str, input_type: str, option: Option) -> str:
    """One option in the book, with its feedback ready to open once the learner has chosen."""
    input_id = f"{name}-{option.id}"
    return (
        f"<div class='vc-option'><input type='{input_type}' id='{input_id}' name='{name}' "
        f"value='{attr(option.id)}'><label for='{input_id}'>{inline(option.text)}</label>"
        f"<details class='vc-feedback' data-vc-option='{attr(option.id)}'>"
        f"<summary>Feedback on this answer</summary>{block(option.feedback)}</details></div>"
    )


def printed_options(choices: tuple[Option, ...]) -> str:
    """Options on a worksheet, lettered, without their feedback."""
    items = "".join(
        f"<li><span class='vc-letter'>{letter(n)}.</span> {inline(o.text)}</li>"
        for n, o in enumerate(choices)
    )
    return f"<ul class='vc-choices'>{items}</ul>"


def printed_feedback(choices: tuple[Option, ...]) -> str:
    """Every option with its feedback, for the printed answers."""
    items = "".join(
        f"<li><p><span class='vc-letter'>{letter(n)}.</span> {inline(o.text)}</p>"
        f"{block(o.feedback)}</li>"
        for n, o in enumerate(choices)
    )
    return f"<ul class='vc-choices vc-answer-feedback'>{items}</ul>"


def printed_key(label: str, choices: tuple[Option, ...], chosen: list[bool]) -> str:
    """The letters of the right (or best) options, e.g. "Right answers: A, C."."""
    letters = ", ".join(letter(n) for n, o in enumerate(choices) if chosen[n])
    return f"<p><strong>{label}: {letters}.</strong></p>"
