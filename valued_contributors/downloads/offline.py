"""The offline web book: the built HTML book in a zip, to unzip and open from disk."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from valued_contributors.downloads import Project

FOLDER = "valued-contributors"  # the folder the zip unpacks to
LEFT_OUT_FOLDERS = {"_sources", "downloads", ".doctrees", "_images_source"}
LEFT_OUT_NAMES = {".buildinfo", "objects.inv"}
LEFT_OUT_SUFFIXES = {".map", ".ipynb"}


def wanted(relative: PurePosixPath) -> bool:
    """True for files a reader's browser needs; not sources, source maps or other downloads."""
    return not (
        relative.parts[0] in LEFT_OUT_FOLDERS
        or relative.name in LEFT_OUT_NAMES
        or relative.suffix in LEFT_OUT_SUFFIXES
    )


def make(project: Project, target: Path) -> None:
    """Zip the built book under one folder, with ``index.html`` at its top."""
    html = project.html
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(html.rglob("*")):
            relative = PurePosixPath(path.relative_to(html).as_posix())
            if path.is_file() and wanted(relative):
                archive.write(path, f"{FOLDER}/{relative}")
