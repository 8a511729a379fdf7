"""The shared schema definitions, written from the rules' own modules so none is copied by hand.

The ids and value shapes come from the kinds registry, the time from ``core.times``; the rest
(days, origins) is written here. ``python -m valued_contributors.formats.definitions`` rewrites
``schemas/definitions.schema.json``, and a test fails if the committed file differs from it.
"""

from __future__ import annotations

import json
from typing import Any

from valued_contributors import kinds
from valued_contributors.core import times
from valued_contributors.kinds.base import SLUG_PATTERN, VALUE_SLUG
from valued_contributors.validation import BASE_URI, SCHEMA_DIR

NAME = "definitions"
SLUG_REF = {"$ref": "#/$defs/slug"}


def _shared(node: Any) -> Any:
    """A value shape with every id inside it pointing at the one slug definition."""
    if node == VALUE_SLUG:
        return SLUG_REF
    if isinstance(node, dict):
        return {key: _shared(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_shared(value) for value in node]
    return node


def build() -> dict[str, Any]:
    """The definitions schema, as a JSON-ready dict."""
    slug = SLUG_PATTERN.removeprefix("^").removesuffix("$")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_URI}{NAME}.schema.json",
        "title": "Valued Contributors shared definitions",
        "description": (
            "Every id, time, limit and answer value shape the answers file and the contribution "
            "file share, written once; both schemas refer here with $ref. Written by "
            "valued_contributors/formats/definitions.py: do not edit by hand."
        ),
        "$defs": {
            "slug": {
                **VALUE_SLUG,
                "description": "An id of lowercase letters, digits and single hyphens.",
            },
            "activity": {
                "type": "string",
                "pattern": f"^{slug}/{slug}$",
                "maxLength": 2 * VALUE_SLUG["maxLength"],
                "description": "An activity's id: its section's slug, a slash, and its own slug.",
            },
            "time": {
                "type": "string",
                "pattern": times.SPELLINGS,
                "description": f"UTC time in ISO 8601, for example {times.EXAMPLE}.",
            },
            "day": {
                "type": "string",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
                "description": "A day with no time of day, for example 2026-03-01.",
            },
            "origin": {
                "enum": ["notebook", "book", "import"],
                "description": "Where an answer was saved.",
            },
            "kind": {"enum": list(kinds.REGISTRY)},
            "value": {
                "type": "object",
                "description": (
                    "Exactly one of these fields; which one depends on the activity's kind."
                ),
                "minProperties": 1,
                "maxProperties": 1,
                "additionalProperties": False,
                "properties": {
                    kind.value_key: _shared(kind.value) for kind in kinds.REGISTRY.values()
                },
            },
        },
    }


def text() -> str:
    """The definitions schema as the committed file spells it."""
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Write the shared definitions schema beside the others."""
    (SCHEMA_DIR / f"{NAME}.schema.json").write_text(text(), encoding="utf-8")


if __name__ == "__main__":
    main()
