"""Every notebook as a learner runs it: twice in one kernel, with what each output shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.helpers.paths import ROOT
from valued_contributors.content.compiled import course
from valued_contributors.journal import Journal
from valued_contributors.notebook_files import strip_before_save, strip_outputs, uses_the_course

pytestmark = pytest.mark.notebook
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
HOW_TO_RUN = "**How to run this notebook:**"


def widget_texts(notebook: nbformat.NotebookNode) -> str:
    """Every string value held in the notebook's widget state (what the widgets show)."""
    state = notebook.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}
    )
    values = []
    for model in state.get("state", {}).values():
        for key in ("value", "description"):
            value = model.get("state", {}).get(key)
            if isinstance(value, str):
                values.append(value)
    return "\n".join(values)


def run_twice(path: Path) -> nbformat.NotebookNode:
    """Run every cell, then every cell again in the same kernel, as Run All pressed twice."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    with client.setup_kernel():
        for _ in range(2):
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
        client.set_widgets_metadata()
    return notebook


@pytest.fixture
def ratings(data_dir: Path) -> Path:
    """A journal with both confidence scales rated, so the chart has bars to draw."""
    with Journal() as journal:
        for scale, base in (("start/baseline", 1), ("practice/after", 3)):
            statements = course().get(scale).statements
            value = {s.id: base + n % 3 for n, s in enumerate(statements)}
            journal.save(scale, {"ratings": value})
    return data_dir


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_runs_twice_in_one_kernel(path: Path, ratings: Path) -> None:
    notebook = run_twice(path)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{path.name}: {output.get('evalue')}"
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            assert "Traceback" not in text, f"{path.name}: {text}"
            assert "<Figure size" not in text, f"{path.name}: {text}"
    shown = widget_texts(notebook)
    if path.stem.startswith(("06", "07")):
        assert "<img src='data:image/png;base64," in shown, f"{path.name}: no chart picture"
    if any("show(" in "".join(c.source) for c in notebook.cells if c.cell_type == "code"):
        assert "Saved at" in shown or "Your progress" in shown


def test_every_notebook_says_how_to_run_it_and_where_to_go_next() -> None:
    names = [p.name for p in NOTEBOOKS]
    for index, path in enumerate(NOTEBOOKS):
        cells = nbformat.read(path, as_version=4).cells
        first, last = cells[0], cells[-1]
        assert first.cell_type == "markdown", path.name
        assert first.source.startswith(HOW_TO_RUN), path.name
        links = re.findall(r"\]\(([^)]+\.ipynb)\)", last.source)
        if index > 0:
            assert names[index - 1] in links, f"{path.name} has no link back"
        if index + 1 < len(names):
            assert names[index + 1] in links, f"{path.name} has no link on"
        assert all((path.parent / link).exists() for link in links)
        for cell in (first, last):
            assert "remove-cell" in cell.metadata.get("tags", []), "the book has its own links"


def test_the_start_and_record_notebooks_hold_the_answer_tools() -> None:
    for stem in ("00_start_here", "07_my_learning_record"):
        code = [
            c.source
            for c in nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4).cells
            if c.cell_type == "code"
        ]
        assert any("course_map()" in c and "answers()" in c for c in code), stem


def test_the_book_links_in_the_notebooks_point_at_files_under_the_server_root() -> None:
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for link in re.findall(r"\]\((\.\./book/[^)#]+)", cell.source):
                assert (path.parent / link).exists(), f"{path.name}: {link} does not exist"


def test_saving_strips_outputs_and_widget_state_from_course_notebooks(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOKS[1], as_version=4)
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", text="my private answer")]
    notebook.cells[1].execution_count = 3
    notebook.metadata["widgets"] = {"state": "a learner's text"}
    model = {"type": "notebook", "content": json.loads(nbformat.writes(notebook))}
    strip_before_save(model, path="notebooks/01.ipynb", contents_manager=None)
    assert "my private answer" not in json.dumps(model)
    assert "widgets" not in json.dumps(model)
    assert all(c.get("execution_count") is None for c in model["content"]["cells"][1:2])

    own = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    own.cells[0].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"})]
    assert not uses_the_course(own)
    model = {"type": "notebook", "content": json.loads(nbformat.writes(own))}
    strip_before_save(model)
    assert model["content"]["cells"][0]["outputs"], "a learner's own notebook keeps its outputs"
    assert strip_outputs({"cells": []}) == {"cells": []}


def test_the_server_config_installs_the_hook() -> None:
    config = (ROOT / "jupyter" / "jupyter_server_config.py").read_text(encoding="utf-8")
    assert "pre_save_hook = strip_before_save" in config
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile[makefile.index("\nlab:") :].split("\n\n")[0]
    for part in ("PATH=", "JUPYTER_CONFIG_PATH=", "root_dir=", "notebooks/00_start_here.ipynb"):
        assert part in lab, f"make lab lacks {part}"
