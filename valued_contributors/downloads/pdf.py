"""The A4 PDF: the course as one HTML page, with worksheets, printed by Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from valued_contributors.downloads import jupyterbook

if TYPE_CHECKING:
    from valued_contributors.downloads import Project

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    """The path of Debian's Chromium, which prints the PDF; BuildError if it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise jupyterbook.BuildError(
            "The PDF is printed by Chromium, which is not installed; "
            "install it with `sudo apt-get install chromium`."
        )
    return found


def landing_page(project: Project) -> str:
    """The book's first page, which the single-page build names after it."""
    import yaml

    toc = yaml.safe_load((project.root / "_toc.yml").read_text(encoding="utf-8"))
    return str(toc["root"])


def at_top(folder: Path, docname: str) -> Path:
    """The single page, moved to the top of the build: its links are written from there."""
    page = folder / "valued-contributors.html"
    page.write_bytes((folder / f"{docname}.html").read_bytes())
    return page


def make(project: Project, target: Path) -> None:
    """Print the single page with Chromium: A4 and page numbers from the page's own styles,
    a PDF outline from its headings, and tags for screen readers.
    """
    folder = jupyterbook.build(project, "singlehtml")
    page = at_top(folder, landing_page(project))
    command = [chromium(), "--headless", *LAUNCH_ARGS, "--no-pdf-header-footer"]
    command += ["--generate-pdf-document-outline", "--export-tagged-pdf"]
    command += [f"--print-to-pdf={target}", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise jupyterbook.BuildError(f"Chromium could not print the PDF:\n{result.stderr[-2000:]}")
