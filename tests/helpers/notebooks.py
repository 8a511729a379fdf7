"""The course's notebooks as files: their cells and the activities they show."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat

from tests.helpers.paths import NOTEBOOKS

__all__ = ["NOTEBOOKS", "SHOW", "cells", "shown_ids"]
SHOW = re.compile(r"""^show\(["']([a-z0-9-]+/[a-z0-9-]+)["']\)$""")


def cells(path: Path) -> list[Any]:
    """The notebook's cells, read as nbformat 4."""
    return list(nbformat.read(path, as_version=4).cells)


def shown_ids(path: Path) -> list[str]:
    """The ids of the activities the notebook shows, in order (one ``show("…")`` cell each)."""
    return [m.group(1) for c in cells(path) if c.cell_type == "code" if (m := SHOW.match(c.source))]
