"""The EPUB 3 e-book: Sphinx's epub builder through Jupyter Book, activities as worksheets."""

from __future__ import annotations

import shutil
from pathlib import Path

from valued_contributors.downloads import jupyterbook

BASENAME = "valued-contributors"  # the builder's file name, set by downloads/book.py


def make(project, target: Path) -> None:
    folder = jupyterbook.build(project, "custom", "epub")
    shutil.copyfile(folder / f"{BASENAME}.epub", target)
