"""The comparison pages for step 4: the voices/check knowledge check made by the course and by
jupyterquiz, and an empty page, added to a temporary copy of the book.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import yaml

ACTIVITY = "voices/check"
FOLDER = "bench"
PAGES = {
    "course_check": f"{FOLDER}/course_check.html",
    "jupyterquiz_check": f"{FOLDER}/jupyterquiz_check.html",
    "empty_page": f"{FOLDER}/empty_page.html",
}
HEADING = "# Knowledge check\n\nAnswer four questions on the main ideas of the section."


def available() -> bool:
    """Whether jupyterquiz is installed (`.venv/bin/pip install jupyterquiz`)."""
    return importlib.util.find_spec("jupyterquiz") is not None


def pages() -> dict[str, str]:
    """The comparison pages this run can build (no jupyterquiz page without jupyterquiz)."""
    return {k: v for k, v in PAGES.items() if k != "jupyterquiz_check" or available()}


def questions() -> list[dict[str, Any]]:
    """The voices/check questions in jupyterquiz's JSON format, options in the same order."""
    from valued_contributors.content import load_course

    check = load_course().get(ACTIVITY)
    return [
        {
            "question": q.text.strip(),
            "type": "many_choice" if q.multiple else "multiple_choice",
            "answers": [
                {"answer": o.text.strip(), "correct": o.correct, "feedback": o.feedback.strip()}
                for o in q.options
            ],
        }
        for q in check.questions
    ]


def ready_js() -> str:
    """A JS expression true once jupyterquiz has drawn every option of every question."""
    count = sum(len(q["answers"]) for q in questions())
    return f"document.querySelectorAll('.MCButton').length >= {count}"


def asset_files() -> list[Path]:
    """The jupyterquiz package's script and style files (it inlines them into each quiz)."""
    import jupyterquiz

    folder = Path(jupyterquiz.__file__).parent
    return sorted((folder / "js").glob("*.js")) + [folder / "styles.css"]


def _notebook(cells: list[tuple[str, str, list[str]]], metadata: dict[str, Any]) -> dict:
    """A notebook (as JSON) from (cell type, source, tags) triples."""
    made = []
    for kind, source, tags in cells:
        cell: dict[str, Any] = {"cell_type": kind, "metadata": {"tags": tags}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        made.append(cell)
    return {"cells": made, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def _write(path: Path, notebook: dict[str, Any]) -> None:
    """Write a notebook file, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def add_pages(src: Path) -> None:
    """Write the three comparison notebooks into src/bench and add them to the copy's _toc.yml."""
    reference = json.loads((src / "notebooks" / "00_start_here.ipynb").read_text("utf-8"))
    meta = reference.get("metadata", {})
    quiz = f"display_quiz({questions()!r}, shuffle_answers=False)"
    notebooks = {
        "course_check": [
            ("code", "from valued_contributors import show", ["remove-cell"]),
            ("markdown", HEADING, []),
            ("code", f'show("{ACTIVITY}")', ["remove-input"]),
        ],
        "jupyterquiz_check": [
            ("code", "from jupyterquiz import display_quiz", ["remove-cell"]),
            ("markdown", HEADING, []),
            ("code", quiz, ["remove-input"]),
        ],
        "empty_page": [("markdown", HEADING, [])],
    }
    for name, cells in notebooks.items():
        if name in pages():
            _write(src / FOLDER / f"{name}.ipynb", _notebook(cells, meta))
    toc_path = src / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    chapters = [{"file": page.removesuffix(".html")} for page in pages().values()]
    toc["parts"].append({"caption": "Benchmark", "chapters": chapters})
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
