"""Step 1: build a temporary copy of the book cold, unchanged, after a code edit and after a
prose edit, beside the rendering floor (the same book with notebook execution turned off).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from bench_common import BIN, ROOT, child_env, log, median, run_timed

BOOK_PARTS = ("_config.yml", "_toc.yml", "book", "notebooks")
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "_build", ".jupyter_cache")
CODE_EDIT_NOTEBOOK = "notebooks/01_why_every_voice_counts.ipynb"
PROSE_EDIT_NOTEBOOK = "notebooks/02_co_production.ipynb"
EXECUTED = re.compile(r"(\S+\.ipynb): Executed notebook in ([\d.]+) seconds")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def copy_book(dest: Path) -> Path:
    """Copy the book's sources (config, toc, book/, notebooks/) into dest and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in BOOK_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=IGNORED)
        else:
            shutil.copy2(source, dest / part)
    return dest


def floor_config(src: Path) -> Path:
    """Write a copy of the book's config with notebook execution off; return its path."""
    config = yaml.safe_load((src / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    path = src / "_config_floor.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def build(src: Path, out: Path, data: Path, config: Path | None = None) -> dict[str, Any]:
    """Build src into out with jupyter-book; return wall time and what it executed."""
    cmd = [str(BIN / "jupyter-book"), "build", str(src), "--path-output", str(out)]
    if config is not None:
        cmd += ["--config", str(config)]
    before = cache_records(out)
    seconds, done = run_timed(cmd, child_env(data))
    text = ANSI.sub("", done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"jupyter-book build failed:\n{text[-4000:]}")
    executed = [Path(name).name for name, _ in EXECUTED.findall(text)]
    new_records = sorted(set(cache_records(out)) - set(before))
    return {
        "seconds": seconds,
        "executed_by_log": executed,
        "kernel_seconds": sum(float(s) for _, s in EXECUTED.findall(text)),
        "new_cache_records": [Path(uri).name for _, uri in new_records],
        "warnings": sum("WARNING" in line for line in text.splitlines()),
    }


def cache_records(out: Path) -> list[tuple[int, str]]:
    """The (primary key, notebook) pairs in the build's jupyter-cache, or [] if there is none."""
    folder = out / "_build" / ".jupyter_cache"
    if not folder.exists():
        return []
    from jupyter_cache import get_cache

    return [(r.pk, r.uri) for r in get_cache(str(folder)).list_cache_records()]


def _edit_notebook(path: Path, cell_type: str, edit: str, match: str = "") -> None:
    """Append text to the first cell of this type (whose source contains match)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == cell_type and match in source:
            cell["source"] = source + edit
            break
    else:
        raise ValueError(f"no {cell_type} cell containing {match!r} in {path}")
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_code(src: Path) -> None:
    """A harmless code edit: a comment after an activity's show() call."""
    _edit_notebook(src / CODE_EDIT_NOTEBOOK, "code", "  # benchmark edit", "show(")


def edit_prose(src: Path) -> None:
    """A prose-only edit: one sentence appended to a Markdown cell."""
    _edit_notebook(src / PROSE_EDIT_NOTEBOOK, "markdown", "\n\nA sentence the benchmark added.")


def one_round(tmp: Path) -> dict[str, Any]:
    """One full sequence: floor, cold, no-change, code edit, prose edit, in fresh folders."""
    src = copy_book(tmp / "src")
    data = tmp / "data"
    runs: dict[str, Any] = {}
    log("book: rendering floor (execution off, cold)")
    runs["floor"] = build(src, tmp / "out-floor", data, floor_config(src))
    log("book: cold build (no cache)")
    runs["cold"] = build(src, tmp / "out", data)
    log("book: no-change rebuild")
    runs["no_change"] = build(src, tmp / "out", data)
    edit_code(src)
    log("book: rebuild after a code edit in one notebook")
    runs["code_edit"] = build(src, tmp / "out", data)
    edit_prose(src)
    log("book: rebuild after a prose-only edit")
    runs["prose_edit"] = build(src, tmp / "out", data)
    return runs


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Median seconds per build kind across rounds, ratios to cold and floor, executions."""
    kinds = rounds[0].keys()
    seconds = {k: median([r[k]["seconds"] for r in rounds]) for k in kinds}
    cold, floor = seconds["cold"], seconds["floor"]
    return {
        "seconds": seconds,
        "of_cold": {k: v / cold for k, v in seconds.items()},
        "of_floor": {k: v / floor for k, v in seconds.items()},
        "prose_edit_executed": sorted(
            {n for r in rounds for n in r["prose_edit"]["executed_by_log"]}
            | {n for r in rounds for n in r["prose_edit"]["new_cache_records"]}
        ),
        "code_edit_executed": sorted(
            {n for r in rounds for n in r["code_edit"]["executed_by_log"]}
        ),
        "rounds": rounds,
    }


def measure(tmp: Path, repeats: int) -> dict[str, Any]:
    """Run the build sequence `repeats` times in fresh temp folders and summarise."""
    rounds = [one_round(tmp / f"round-{n}") for n in range(repeats)]
    return summarise(rounds)
