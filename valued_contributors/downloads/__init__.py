"""The course as files a learner can carry: every download format, defined once.

``python -m valued_contributors.downloads`` (``make downloads``) builds each format from the
project into ``_build/downloads/``. A format is one entry in ``FORMATS``: its file name, the
words the book's download list shows, and the function that makes the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from valued_contributors.downloads import epub, offline, pdf, scorm


class Project(NamedTuple):
    """Where the course's sources are and where its builds go."""

    root: Path
    build: Path

    @property
    def html(self) -> Path:
        return self.build / "html"

    @property
    def downloads(self) -> Path:
        return self.build / "downloads"


class Format(NamedTuple):
    """One download: ``make(project, target)`` writes the file ``target``."""

    filename: str
    label: str
    description: str
    make: Callable[[Project, Path], None]


FORMATS: tuple[Format, ...] = (
    Format(
        "valued-contributors.epub",
        "EPUB e-book",
        "for e-book readers and phone reading apps; activities as worksheets",
        epub.make,
    ),
    Format(
        "valued-contributors.pdf",
        "PDF, A4",
        "to print or read on screen; activities as worksheets with space to write",
        pdf.make,
    ),
    Format(
        "valued-contributors-offline.zip",
        "Offline web book (zip)",
        "unzip it and open index.html in Chrome or Edge; activities save as on the web",
        offline.make,
    ),
    Format(
        "valued-contributors-scorm2004.zip",
        "SCORM 2004 package for learning platforms (zip)",
        "for organisations: upload it to a learning platform; it reports progress, never answers",
        scorm.make,
    ),
)


def by_name(names: list[str] | None = None) -> list[Format]:
    """The formats called ``names`` (file names or their extensions), or all of them."""
    if not names:
        return list(FORMATS)
    chosen = []
    for name in names:
        matches = [f for f in FORMATS if name in (f.filename, Path(f.filename).suffix[1:])]
        if not matches:
            known = ", ".join(f.filename for f in FORMATS)
            raise SystemExit(f"There is no download called {name!r}; choose from {known}.")
        chosen += matches
    return chosen


def human_size(size: int) -> str:
    """A file size as the book shows it, e.g. ``1.4 MB`` or ``820 KB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"
