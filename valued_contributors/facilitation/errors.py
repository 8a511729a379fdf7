"""The one error the facilitator tools raise: a single sentence saying what to do."""

from __future__ import annotations


class FacilitationError(ValueError):
    """A facilitator tool cannot go on; the message is one sentence saying what to do."""
