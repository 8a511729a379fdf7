"""The activity files' JSON Schema, composed from the section's own fields and each kind's part.

The schema ships as ``schemas/activities.schema.json`` (authors' editors and check-jsonschema
read it); this module writes it, and a test fails if the committed file differs. Run
``python -m valued_contributors.content.schema`` after changing a kind's schema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from valued_contributors.kinds import REGISTRY
from valued_contributors.kinds.base import FIELD, SHARED_DEFINITIONS

PATH = Path(__file__).resolve().parent.parent / "schemas" / "activities.schema.json"
SUPPORTS = ("codes", "capabilities", "standards")

SECTION: dict[str, Any] = {
    "type": "object",
    "required": ["section", "title", "activities"],
    "additionalProperties": False,
    "properties": {
        "section": FIELD["slug"],
        "title": FIELD["text"],
        "activities": {"type": "array", "minItems": 1, "items": {"type": "object"}},
        "supports": {
            "type": "object",
            "additionalProperties": False,
            "description": "What the section supports, for a learning record: SSSC Codes of "
            "Practice, Continuous Learning Framework capabilities and Health and Social Care "
            "Standards statements.",
            "properties": {
                name: {"type": "array", "minItems": 1, "items": FIELD["text"]} for name in SUPPORTS
            },
        },
    },
}


def activities_schema() -> dict[str, Any]:
    """The whole schema of one section's activity file."""
    activity = {
        "type": "object",
        "required": ["id", "kind"],
        "properties": {"kind": {"enum": list(REGISTRY)}},
        "oneOf": [{"$ref": f"#/$defs/{name}"} for name in REGISTRY],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://valued-contributors.example/schemas/activities.schema.json",
        "title": "One section's activities",
        "description": "The activities of one course section, as an author writes them in "
        "valued_contributors/activities/*.yaml.",
        "$defs": {
            "section": SECTION,
            **SHARED_DEFINITIONS,
            "activity": activity,
            **{name: kind.schema for name, kind in REGISTRY.items()},
        },
        "allOf": [
            {"$ref": "#/$defs/section"},
            {"properties": {"activities": {"items": {"$ref": "#/$defs/activity"}}}},
        ],
    }


def text() -> str:
    """The schema file's contents, as committed."""
    return json.dumps(activities_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the activities schema from the kinds' fragments."""
    PATH.write_text(text(), encoding="utf-8")
    print(f"Wrote {PATH.name}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
