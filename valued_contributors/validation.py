"""JSON Schema validation of the course's data files, with errors a person can act on."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import fastjsonschema

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


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
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def _compiled(name: str, definition: str | None) -> Callable[[Any], Any]:
    import fastjsonschema

    chosen = schema(name)
    if definition:
        chosen = {"$defs": chosen["$defs"], "$ref": f"#/$defs/{definition}"}
    return fastjsonschema.compile(chosen)


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
    return Problem(path, error.message.removeprefix(error.name).strip())
