"""The registry of activity kinds: one module per kind, in the order the course introduces them.

Everything that differs between kinds (the model, the schemas, the load checks, the views, the
record, the "done" rule and the shape of an answer) is found through ``REGISTRY`` or ``of``.
A new kind is one more module here, added to ``REGISTRY``, and its handler in the book's script.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from valued_contributors.core.html import BLOCK, INLINE
from valued_contributors.kinds import check, confidence, reflection, scenario
from valued_contributors.kinds.base import Kind, Option, Problem, Value
from valued_contributors.kinds.check import Check, Question
from valued_contributors.kinds.confidence import Confidence, Statement
from valued_contributors.kinds.reflection import Reflection
from valued_contributors.kinds.scenario import Scenario

__all__ = [
    "REGISTRY",
    "Activity",
    "Check",
    "Confidence",
    "Kind",
    "Option",
    "Problem",
    "Question",
    "Reflection",
    "Scenario",
    "Statement",
    "Value",
    "author_texts",
    "done_rules",
    "is_done",
    "kind_of_value",
    "of",
    "value_key",
    "value_schemas",
]

Activity = Reflection | Confidence | Check | Scenario
"""Any of the kinds. Each starts with the same four fields: a stable id (``section/name``), a
title, a time estimate in minutes and an optional discussion; ``kind`` names its kind."""

REGISTRY: dict[str, Kind[Any]] = {
    k.name: k for k in (reflection.KIND, confidence.KIND, check.KIND, scenario.KIND)
}


def of(activity: Activity) -> Kind[Any]:
    """The kind of an activity."""
    return REGISTRY[activity.kind]


def value_key(name: str) -> str:
    """The one key of an answer of this kind, e.g. ``text`` for a reflection."""
    return REGISTRY[name].value_key


def value_schemas() -> dict[str, dict[str, Any]]:
    """Kind name → the JSON Schema of a whole answer value of that kind."""
    return {name: kind.value_schema for name, kind in REGISTRY.items()}


def kind_of_value(value: Value) -> str:
    """The kind an answer belongs to: its one key tells it."""
    for name, kind in REGISTRY.items():
        if kind.value_key in value:
            return name
    keys = ", ".join(k.value_key for k in REGISTRY.values())
    raise ValueError(f"An answer value must have one of {keys}.")


def done_rules() -> dict[str, dict[str, str]]:
    """Kind name → its "done" rule as data, for the book's script to evaluate the same way."""
    return {name: dict(kind.done) for name, kind in REGISTRY.items()}


def is_done(activity: Activity, value: Value | None) -> bool:
    """Whether an answer makes its activity count as done, by the kind's rule:
    ``saved`` (any saved answer), ``not-blank`` (text with something besides spaces) or
    ``all-answered`` (every item listed in the activity's ``over`` field has a non-empty
    answer).
    """
    if value is None:
        return False
    kind = of(activity)
    given = value.get(kind.value_key)
    match kind.done["rule"]:
        case "saved":
            return True
        case "not-blank":
            return isinstance(given, str) and bool(given.strip())
        case "all-answered":
            answered = given if isinstance(given, dict) else {}
            return all(answered.get(item.id) for item in getattr(activity, kind.done["over"]))
    raise ValueError(f"The kind {kind.name!r} has an unknown done rule {kind.done!r}.")


def author_texts(activity: Activity) -> Iterator[tuple[str, str]]:
    """Every Markdown text of an activity that the views render, with its mode."""
    yield INLINE, activity.title
    if activity.discussion:
        yield BLOCK, activity.discussion
    for mode, text in of(activity).texts(activity):
        if text:
            yield mode, text
