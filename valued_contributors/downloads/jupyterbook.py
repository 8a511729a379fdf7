"""Run Jupyter Book for one builder, as ``make book`` does: warnings are errors and the
notebooks run with an empty, temporary journal (their outputs come from the execution cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from valued_contributors.downloads import Project


class BuildError(RuntimeError):
    """Jupyter Book stopped; the message holds its warnings and errors."""


def build(project: Project, builder: str, custom: str | None = None) -> Path:
    """Build the course with ``builder`` beside the web book; returns the output folder."""
    jupyter_book = shutil.which("jupyter-book", path=str(Path(sys.executable).parent))
    if jupyter_book is None:
        raise BuildError("Jupyter Book is not installed here; run `make book` first.")
    command = [jupyter_book, "build", str(project.root), "--path-output", str(project.build.parent)]
    command += ["--builder", builder] + (["--custom-builder", custom] if custom else [])
    command += ["--warningiserror", "--nitpick", "--keep-going"]
    with tempfile.TemporaryDirectory(prefix="vc-journal-") as journal:
        env = {**os.environ, "VALUED_CONTRIBUTORS_DATA": journal}
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).splitlines()
        problems = [line for line in lines if "WARNING" in line or "ERROR" in line]
        raise BuildError("\n".join(problems or lines[-30:]))
    return project.build / (custom or builder)
