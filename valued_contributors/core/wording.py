"""The wording catalogue: every interface sentence shared by Python and the book's script,
read once from ``wording.json`` beside this module (JSON, so a kernel that shows an
activity never has to import a YAML parser).

A key is a dotted path into the file (``"verdict.right"``). An entry with ``one`` and
``other`` is a plural: :func:`plural` picks the form for a count. The whole catalogue goes
into the book's contract block, so the script shows exactly the words Python shows.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).with_name("wording.json")


@cache
def catalogue() -> dict[str, Any]:
    """The whole catalogue as nested dictionaries (read once per process)."""
    loaded: dict[str, Any] = json.loads(SOURCE.read_text(encoding="utf-8"))
    return loaded


def entry(key: str) -> Any:
    """The entry at a dotted key: a sentence, a plural pair or a group of sentences."""
    found: Any = catalogue()
    for part in key.split("."):
        try:
            found = found[part]
        except (KeyError, TypeError):
            raise KeyError(f"The wording catalogue has no entry {key!r}.") from None
    return found


def text(key: str, **fields: object) -> str:
    """One sentence, with its ``{fields}`` filled in when any are given."""
    sentence = entry(key)
    if not isinstance(sentence, str):
        raise KeyError(f"The wording catalogue entry {key!r} is not one sentence.")
    return sentence.format(**fields) if fields else sentence


def plural(key: str, count: int, **fields: object) -> str:
    """The form of a plural entry for ``count`` (as ``{count}``), with its fields filled in."""
    forms = entry(key)
    if not isinstance(forms, dict) or set(forms) != {"one", "other"}:
        raise KeyError(f"The wording catalogue entry {key!r} is not a plural.")
    form: str = forms["one" if count == 1 else "other"]
    return form.format(count=count, **fields)


def group(key: str) -> dict[Any, str]:
    """A group of sentences by name (such as the kinds' names)."""
    found = entry(key)
    if not isinstance(found, dict):
        raise KeyError(f"The wording catalogue entry {key!r} is not a group.")
    return dict(found)
