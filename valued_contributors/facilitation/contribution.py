"""A contribution: what a learner chooses to share with a facilitator, and nothing more.

The file itself is ``formats.contribution``; this is the facilitator tools' way to make one,
with its problems as FacilitationError.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from valued_contributors.core.answer import Answer
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.formats import FormatError, contribution
from valued_contributors.formats.contribution import dumps

__all__ = ["dumps", "make_contribution"]


def make_contribution(answers: Iterable[Answer], shared_ids: Iterable[str]) -> dict[str, Any]:
    """A contribution document of the latest answer to each shared activity, dated to the day."""
    try:
        return contribution.make(answers, shared_ids)
    except FormatError as error:
        raise FacilitationError(str(error)) from None
