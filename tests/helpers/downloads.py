"""Making one of the course's downloads from a test run's built book."""

from __future__ import annotations

from pathlib import Path

import pytest

from valued_contributors.downloads import Project, by_name


def make_download(project: Project, name: str, factory: pytest.TempPathFactory) -> Path:
    """Make the download called ``name`` (a file name or a short name) in a fresh folder."""
    (download,) = by_name([name])
    target = factory.mktemp(name.split(".")[0]) / download.filename
    download.make(project, target)
    return target
