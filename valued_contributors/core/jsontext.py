"""JSON from a file someone gave us, parsed without crashing on hostile input."""

from __future__ import annotations

import json
from typing import Any


class NotJSON(ValueError):
    """The bytes are not a JSON document; the message is a short reason ("is not valid JSON")."""


def parse(data: bytes) -> Any:
    """The JSON document in ``data`` (UTF-8, a byte order mark allowed); NotJSON otherwise.

    Nesting deeper than Python's recursion limit, or numbers too long to convert, are reported
    like any other damage instead of crashing.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotJSON("is not text in UTF-8, so it is not a JSON file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise NotJSON(f"is not valid JSON (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise NotJSON("is nested too deeply to be a file this course made") from None
    except ValueError:
        raise NotJSON("is not valid JSON (it holds a number too long to read)") from None
