"""The contract between Python and the book's script: one JSON document, generated here.

It holds everything the browser must agree on with the Python tools: the answers file's and the
contribution's format names and versions, the limits and patterns of the JSON schemas, every
kind with the shape of its answer and its "done" rule, the rule for the latest version of an
answer, where the book keeps answers in the browser, and every sentence the script shows (the
wording catalogue). The Sphinx extension writes it into each web page as one
``<script type="application/json" id="vc-contract">`` block; the script, the offline script and
the SCORM bridge read it from there and hold no copy of their own.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from valued_contributors import kinds
from valued_contributors.core import files, wording
from valued_contributors.formats.contract import contract as formats_contract
from valued_contributors.validation import schema

ELEMENT_ID = "vc-contract"
STORAGE_PREFIX = "valued-contributors:v1:"
"""Every key the book keeps in the browser's localStorage starts with this."""
WRITER = "book"
"""How answers files and answers name the book as the view that wrote them."""
LANGUAGE = "en-GB"
"""The language of the wording, for the script's dates and numbers."""
TYPING_PAUSE_MS = 400
"""How long a pause in typing a reflection is before the book saves it."""


def _resolved(node: Any, document: dict[str, Any]) -> Any:
    """A schema with every reference (``#/$defs/...`` or ``other.schema.json#/$defs/...``)
    replaced by what it names, and without descriptions.
    """
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str):
            where, _, path = reference.partition("#")
            target: Any = schema(where.removesuffix(".schema.json")) if where else document
            base = target
            for part in path.strip("/").split("/"):
                target = target[part]
            return _resolved(target, base)
        return {k: _resolved(v, document) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_resolved(v, document) for v in node]
    return node


def _kinds() -> dict[str, Any]:
    """Every kind in the registry's order: its answer's one key, that answer's JSON Schema and
    its "done" rule as data.
    """
    schemas, rules = kinds.value_schemas(), kinds.done_rules()
    return {
        name: {"value_key": kinds.value_key(name), "value": schemas[name], "done": rules[name]}
        for name in kinds.REGISTRY
    }


@cache
def contract() -> dict[str, Any]:
    """The whole contract, JSON-ready (built once per process)."""
    exchange = schema("exchange")
    answer = _resolved(exchange["$defs"]["answer"], exchange)
    answer["properties"]["value"] = {"type": "object"}  # each kind's own shape is in "kinds"
    rules = formats_contract()
    return {
        "language": LANGUAGE,
        "storage": {"prefix": STORAGE_PREFIX, "writer": WRITER},
        "answers": {
            **rules["answers"],
            "max_bytes_words": files.limit_words(rules["answers"]["max_bytes"]),
            "answer": answer,
        },
        "contribution": rules["contribution"],
        "patterns": rules["patterns"],
        "latest": rules["latest"],
        "timing": {"typing_pause_ms": TYPING_PAUSE_MS},
        "kinds": _kinds(),
        "wording": wording.catalogue(),
    }


def script_block() -> str:
    """The contract as the HTML element the book's pages carry."""
    text = json.dumps(contract(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{ELEMENT_ID}">{text}</script>'
