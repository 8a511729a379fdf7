"""``python -m valued_contributors.downloads [FORMAT ...]``: build the downloads from the book."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from valued_contributors.downloads import Project, by_name, human_size, jupyterbook
from valued_contributors.downloads.jupyterbook import BuildError


def main(argv: list[str] | None = None) -> int:
    """Build the downloads named (every one by default) beside the built book; 1, with the
    reason, if one cannot be built.
    """
    parser = argparse.ArgumentParser(
        prog="python -m valued_contributors.downloads",
        description="Build the course's downloads into BUILD/downloads from the built book.",
    )
    parser.add_argument("formats", nargs="*", help="file names or extensions (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    parser.add_argument("--build", type=Path, help="the build folder (default: ROOT/_build)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    project = Project(root, (args.build or root / "_build").resolve())
    if not (project.html / "index.html").is_file():
        print(f"There is no built book in {project.html}; run `make book` first.", file=sys.stderr)
        return 1
    project.downloads.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for download in by_name(args.formats):
        began = time.perf_counter()
        target = project.downloads / download.filename
        partial = target.with_name(target.name + ".part")
        try:
            download.make(project, partial)
        except BuildError as problem:
            print(f"{download.filename} could not be built:\n{problem}", file=sys.stderr)
            return 1
        partial.replace(target)
        size = human_size(target.stat().st_size)
        print(f"{target}  {size}  ({time.perf_counter() - began:.1f} s)")
    try:
        jupyterbook.build(project, "html")  # the web book links the downloads, with their sizes
    except BuildError as problem:
        print(f"The web book could not link the downloads:\n{problem}", file=sys.stderr)
        return 1
    print(f"Downloads ready in {time.perf_counter() - started:.1f} s; the web book links them.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
