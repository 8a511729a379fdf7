"""The files the course writes and reads, each versioned in one place.

``answers``: every saved version of every answer (``valued-contributors export``, the book's
"Export my answers"); ``contribution``: what a learner shares with a facilitator. Each has one
module per version, a reader that upgrades older versions step by step, and ``LATEST``, the
version the course writes. ``common`` holds what they share; ``contract`` is the same rules as
data for the book's script.
"""

from valued_contributors.formats.common import FormatError

__all__ = ["FormatError"]
