"""The course ready to use: validated once, then kept with its Markdown rendered in the user's
cache folder, so a kernel shows its first activity without reading YAML, compiling the schema
or importing the Markdown parser.

The copy is keyed on the size and modification time of the activity files, the schema and the
code that builds and renders them (as Python keys its ``.pyc`` files); a change to any of them
makes a new copy. If the cache folder cannot be used, the course is read from its files as
before. Only the course's own content is kept here, never anything a learner writes.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from valued_contributors.content import markdown
from valued_contributors.content.loader import (
    activity_files,
    build_course,
    build_section,
    read_file,
)
from valued_contributors.content.model import Course
from valued_contributors.core import files, jsontext
from valued_contributors.core.html import preload

ENV_VAR = "VALUED_CONTRIBUTORS_CACHE"
FILE_NAME = "course.json"
FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024  # the compiled course is well under 1 MB
PACKAGE_DIR = Path(__file__).resolve().parent.parent
CODE_FILES = (
    "content/loader.py",
    "content/model.py",
    "content/markdown.py",
    "core/html.py",
    "schemas/activities.schema.json",
)
CODE_FOLDERS = ("kinds",)
"""The code a compiled copy depends on: what builds, checks and lists the texts of the course
(every module in ``CODE_FOLDERS`` too, so a new kind needs no change here)."""


def cache_dir() -> Path:
    """The folder for the compiled course: the user's cache folder, or one named by ENV_VAR."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("valued-contributors", appauthor=False))


def fingerprint(files: list[Path]) -> str:
    """What the compiled copy depends on: every file's name, size and modification time."""
    spec = find_spec("markdown_it")
    parser = [Path(spec.origin)] if spec and spec.origin else []
    parts = [f"format {FORMAT}"]
    code = [PACKAGE_DIR / name for name in CODE_FILES]
    code += sorted(p for folder in CODE_FOLDERS for p in (PACKAGE_DIR / folder).glob("*.py"))
    for path in [*code, *parser, *files]:
        info = path.stat()
        parts.append(f"{path} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts)


def _from_copy(path: Path, key: str) -> Course | None:
    """The course from a compiled copy made for this key, or None if there is no usable one.

    The copy is read like any file from outside (a regular file, bounded); whatever is wrong
    with it (cut short, nested too deeply, a pipe or a folder in its place), it is not used and
    a new one is made.
    """
    try:
        stored = jsontext.parse(files.read_bytes(path, MAX_BYTES))
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        sections = [build_section(file, raw, validate=False) for file, raw in stored["sections"]]
        built = build_course(sections)
        rendered = stored["markdown"]
        if not all(
            isinstance(rendered.get(mode), dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in rendered[mode].items())
            for mode in (markdown.BLOCK, markdown.INLINE)
        ):
            return None
        preload(rendered)
    except (ValueError, LookupError, TypeError, AttributeError, RecursionError):
        return None
    return built


def _save_copy(path: Path, stored: dict[str, Any]) -> None:
    """Write the compiled copy in one step, so a reader never sees half a file; skip on error."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except (OSError, TypeError, ValueError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def compile_course(files: list[Path], path: Path, key: str) -> Course:
    """Read and validate the activity files, render their Markdown and keep a compiled copy."""
    raws = [(file.name, read_file(file)) for file in files]
    built = build_course([build_section(name, raw) for name, raw in raws])
    rendered = markdown.render_all(list(built.activities.values()))
    preload(rendered)
    _save_copy(path, {"format": FORMAT, "key": key, "sections": raws, "markdown": rendered})
    return built


def load(files: list[Path], path: Path) -> Course:
    """The course from these activity files, taken from the compiled copy at ``path`` when it
    was made from them as they are now, else read, validated and compiled afresh.
    """
    key = fingerprint(files)
    built = _from_copy(path, key)
    return built if built is not None else compile_course(files, path, key)


@cache
def course() -> Course:
    """The course's own content, loaded once per process."""
    return load(activity_files(), cache_dir() / FILE_NAME)
