"""The formats' rules as data, for the book's script: names, versions, limits, patterns and the
rule for the latest version of an answer. Everything here is read from the format modules and
the shared schema definitions, so the script never holds a second copy.
"""

from __future__ import annotations

from typing import Any

from valued_contributors.core.answer import LATEST_RULE
from valued_contributors.formats import answers, contribution
from valued_contributors.formats.common import MAX_TEXT
from valued_contributors.kinds import REGISTRY
from valued_contributors.validation import definitions


def contract() -> dict[str, Any]:
    """Everything the book's script needs to read and write the course's files the way the
    Python tools do (JSON-ready).
    """
    shared = definitions()
    value = shared["value"]["properties"]
    rating = value["ratings"]["additionalProperties"]
    return {
        "answers": {
            "format": answers.FORMAT,
            "version": answers.VERSION,
            "max_bytes": answers.MAX_BYTES,
            "max_answers": answers.LATEST.MAX_ANSWERS,
        },
        "contribution": {
            "format": contribution.FORMAT,
            "version": contribution.VERSION,
            "max_bytes": contribution.MAX_BYTES,
        },
        "patterns": {name: shared[name]["pattern"] for name in ("activity", "slug", "time", "day")},
        "limits": {
            "text": MAX_TEXT,
            "slug": shared["slug"]["maxLength"],
            "activity": shared["activity"]["maxLength"],
            "rating": [rating["minimum"], rating["maximum"]],
        },
        "unique_choices": value["selected"]["additionalProperties"]["uniqueItems"],
        "value_keys": {name: kind.value_key for name, kind in REGISTRY.items()},
        "origins": shared["origin"]["enum"],
        "latest": dict(LATEST_RULE),
    }
