"""The one spelling of a saved time: UTC, ISO 8601, to the millisecond, ending in Z.

Every time is stored in this spelling, so times sort as text in the order they happened
(``…:00Z`` and ``…:00.500Z`` would not).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

SPELLINGS = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"
"""Every spelling of a time a file may hold (the shared schema definitions take it from here)."""
PATTERN = re.compile(SPELLINGS)
EXAMPLE = "2026-03-01T09:30:00.000Z"


def spell(moment: datetime) -> str:
    """A moment in the stored spelling."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def now() -> str:
    """The current time, spelled as it is stored."""
    return spell(datetime.now(UTC))


def parse(text: object) -> datetime:
    """A stored or imported time as a UTC datetime; ValueError (one sentence) if it is not a
    real date and time written like ``EXAMPLE``.
    """
    if not isinstance(text, str) or PATTERN.fullmatch(text) is None:
        raise ValueError(f"{text!r} is not a date and time written like {EXAMPLE}")
    try:
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    except ValueError:
        raise ValueError(f"{text} is not a real date and time") from None


def normalise(text: object) -> str:
    """A time in the stored spelling; ValueError if it is not a real date and time."""
    moment = parse(text)
    return text if isinstance(text, str) and len(text) == len(EXAMPLE) else spell(moment)


def day_of(text: object) -> date | None:
    """The day of a stored time, or None if it cannot be read (stored data never breaks an
    export).
    """
    try:
        return parse(text).date()
    except ValueError:
        return None
