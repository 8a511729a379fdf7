"""What every file format shares: its error, the shared definitions and limits, reading a JSON
file within a size limit, and upgrading an older version step by step to the latest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from valued_contributors.core import files, jsontext
from valued_contributors.core.answer import Answer
from valued_contributors.kinds import kind_of_value as kind_of
from valued_contributors.kinds.reflection import MAX_TEXT

__all__ = [
    "MAX_TEXT",
    "Document",
    "FormatError",
    "Imported",
    "Upgrade",
    "Versions",
    "kind_of",
    "read_json",
]


class FormatError(ValueError):
    """A file cannot be read; the message says what to do (or, for a list of skipped files,
    what is wrong in a few words).
    """


class Imported(list[Answer]):
    """The answers read from a file, and how many broken characters had to be replaced."""

    mended: int = 0


Document = dict[str, Any]
Upgrade = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Versions:
    """A format's name, the version the course writes, and the steps that bring each older
    version one version nearer to it (``steps[n]`` turns version ``n`` into ``n + 1``).
    """

    name: str
    latest: int
    steps: Mapping[int, Upgrade]

    def upgrade(self, document: Document) -> Document:
        """``document`` brought up, one version at a time, as far as the steps go; the reader
        refuses a document that is still not the latest version.
        """
        version = document.get("version")
        while isinstance(version, int) and version in self.steps and version < self.latest:
            document = self.steps[version](document)
            version = document.get("version")
        return document


def read_json(path: Path | str, limit: int, what: str) -> Any:
    """The JSON document in a regular file of at most ``limit`` bytes.

    Raises files.FileProblem or jsontext.NotJSON, for the format to word.
    """
    return jsontext.parse(files.read_bytes(path, limit, what))


def where(path: tuple[str, ...]) -> str:
    """A place in a file in plain words: "answer 3 (saved_at)"."""
    if len(path) >= 2 and path[0] == "answers" and path[1].isdigit():
        rest = "/".join(path[2:])
        return f"answer {int(path[1]) + 1}" + (f" ({rest})" if rest else "")
    return "/".join(path) or "the top level"
