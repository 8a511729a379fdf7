"""Text from outside: shown on a terminal without its control codes, stored without broken
characters.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 control codes, DEL, lone surrogates and the bidirectional controls that can make a
# file name look like another.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    r"""Text safe to print on a terminal: control codes shown as escapes such as ``\x1b``."""
    return _UNPRINTABLE.sub(_escaped, str(text))


def mend(value: Any) -> tuple[Any, int]:
    """``value`` with every lone surrogate (half of a character, such as half an emoji) in its
    strings replaced by U+FFFD, and how many were replaced; such text cannot be stored.
    """
    if isinstance(value, str):
        return _LONE_SURROGATE.subn(REPLACEMENT, value)
    if isinstance(value, (list, dict)):
        try:  # the usual case, at C speed: nothing to mend
            json.dumps(value, ensure_ascii=False).encode("utf-8")
            return value, 0
        except (UnicodeEncodeError, TypeError, ValueError, RecursionError):
            pass
    if isinstance(value, list):
        mended = [mend(item) for item in value]
        return [item for item, _ in mended], sum(n for _, n in mended)
    if isinstance(value, dict):
        total, result = 0, {}
        for key, item in value.items():
            key, n = mend(key)
            result[key], m = mend(item)
            total += n + m
        return result, total
    return value, 0
