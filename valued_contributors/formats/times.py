"""The one spelling of a saved time: UTC, ISO 8601, to the millisecond, ending in Z.

Every time is stored in this spelling, so times sort as text in the order they happened
(``…:00Z`` and ``…:00.500Z`` would not).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

PATTERN = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z")
EXAMPLE = "2026-03-01T09:30:00.000Z"


def spell(moment: datetime) -> str:
    """A moment in the stored spelling."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def now() -> str:
    """The current time, spelled as it is stored."""
    return spell(datetime.now(UTC))


def parse(text: object) -> datetime:
    """A stored or imported time as a UTC datetime; ValueError (one sentence) if it is not a
    real date and time written like ``EXAMPLE``."""
    match = PATTERN.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a date and time written like {EXAMPLE}")
    *parts, fraction = match.groups()
    try:
        year, month, day, hour, minute, second = (int(p) for p in parts)
        micro = int((fraction or "0").ljust(6, "0"))
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)
    except ValueError:
        raise ValueError(f"{text} is not a real date and time") from None


def normalise(text: object) -> str:
    """A time in the stored spelling; ValueError if it is not a real date and time."""
    return spell(parse(text))


def day_of(text: object) -> date | None:
    """The day of a stored time, or None if it cannot be read (stored data never breaks an
    export)."""
    try:
        return parse(text).date()
    except ValueError:
        return None
