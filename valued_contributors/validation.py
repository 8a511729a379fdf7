"""JSON Schema validation of the course's data files, with errors a person can act on.

The schemas ship with the package and refer to one another (``definitions.schema.json`` holds
what they share); every reference is resolved from the package, never fetched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import fastjsonschema

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
BASE_URI = "https://valued-contributors.example/schemas/"


class Problem(NamedTuple):
    """The first thing wrong with a document: where (a list of keys) and what."""

    path: tuple[str, ...]
    message: str

    @property
    def where(self) -> str:
        return ".".join(self.path)


TYPE_WORDS = {
    "string": "text in quotation marks",
    "integer": "a whole number",
    "array": "a list in square brackets",
    "object": "a group of named fields in curly brackets",
}


def schema(name: str) -> dict[str, Any]:
    """A schema shipped with the package, e.g. ``schema("exchange")``."""
    loaded: dict[str, Any] = json.loads(
        (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def definitions() -> dict[str, Any]:
    """The shared definitions (ids, times, limits, value shapes), by name."""
    found: dict[str, Any] = schema("definitions")["$defs"]
    return found


def _shipped(uri: str) -> dict[str, Any]:
    """Resolve a reference to one of the package's schemas; anything else is refused."""
    name = uri.removeprefix(BASE_URI).split("#")[0]
    if not uri.startswith(BASE_URI) or not name.endswith(".schema.json"):
        raise ValueError(f"{uri} is not one of the course's schemas")
    return schema(name.removesuffix(".schema.json"))


@cache
def _compiled(name: str, definition: str | None) -> Callable[[Any], Any]:
    import fastjsonschema

    chosen = schema(name)
    if definition:
        chosen = {"$id": chosen["$id"], "$defs": chosen["$defs"], "$ref": f"#/$defs/{definition}"}
    compiled: Callable[[Any], Any] = fastjsonschema.compile(chosen, handlers={"https": _shipped})
    return compiled


def first_problem(name: str, data: Any, definition: str | None = None) -> Problem | None:
    """Validate ``data`` against a schema (or one of its definitions); None if it is valid."""
    import fastjsonschema  # imported and compiled only by code that validates

    try:
        _compiled(name, definition)(data)
    except fastjsonschema.JsonSchemaValueException as error:
        return _explain(error)
    return None


def _explain(error: fastjsonschema.JsonSchemaValueException) -> Problem:
    path = tuple(error.path[1:])
    rule, value, definition = error.rule, error.value, error.definition or {}
    if rule == "required" and isinstance(value, dict):
        missing = [k for k in definition.get("required", []) if k not in value]
        return Problem((*path, missing[0]), "is missing")
    if rule == "additionalProperties" and isinstance(value, dict):
        extra = sorted(set(value) - set(definition.get("properties", {})))
        return Problem((*path, extra[0]), "is not a known field here; check its spelling")
    if rule == "pattern" and "T" in definition.get("pattern", ""):
        return Problem(path, "must be a date and time written like 2026-03-01T09:30:00.000Z")
    if rule == "pattern" and r"\d{4}" in definition.get("pattern", ""):
        return Problem(path, "must be a date written like 2026-03-01")
    if rule == "pattern":
        return Problem(path, "must use only lowercase letters, digits and single hyphens")
    if rule == "type" and definition.get("type") in TYPE_WORDS:
        return Problem(path, f"must be {TYPE_WORDS[definition['type']]}")
    if rule in ("minProperties", "maxProperties") and definition.get("maxProperties") == 1:
        return Problem(path, f"must hold exactly one of: {', '.join(definition['properties'])}")
    if rule in ("oneOf", "anyOf"):
        return Problem(path, "is not in a form this course can read")
    if rule == "enum":
        return Problem(path, f"must be one of: {', '.join(map(str, definition['enum']))}")
    return Problem(path, error.message.removeprefix(error.name or "").strip())
