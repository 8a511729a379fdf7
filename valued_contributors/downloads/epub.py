"""The EPUB 3 e-book: Sphinx's epub builder through Jupyter Book, activities as worksheets."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from valued_contributors.downloads import jupyterbook

if TYPE_CHECKING:
    from valued_contributors.downloads import Project

BASENAME = "valued-contributors"  # the builder's file name, set by downloads/book.py


def make(project: Project, target: Path) -> None:
    """Build the EPUB and copy it to ``target``."""
    folder = jupyterbook.build(project, "custom", "epub")
    shutil.copyfile(folder / f"{BASENAME}.epub", target)
