"""The course's notebooks stay as authored: outputs are stripped whenever one is saved.

JupyterLab and Notebook 7 save open notebooks every two minutes, outputs included, and a
learner's answers are in those outputs. ``make lab`` runs the server with the configuration in
``jupyter/``, whose pre-save hook is ``strip_before_save``.
"""

from __future__ import annotations

from typing import Any

PACKAGE = "valued_contributors"
RUN_METADATA = ("execution", "collapsed", "scrolled")


def uses_the_course(notebook: dict[str, Any]) -> bool:
    """A notebook that shows the course's activities (a learner's own notebooks are left alone)."""
    return any(
        cell.get("cell_type") == "code" and PACKAGE in "".join(cell.get("source", ""))
        for cell in notebook.get("cells", [])
    )


def strip_outputs(notebook: dict[str, Any]) -> dict[str, Any]:
    """Remove outputs, execution counts and saved widget state, in place; return the notebook."""
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in RUN_METADATA:
            cell.get("metadata", {}).pop(key, None)
    return notebook


def strip_before_save(model: dict[str, Any], **kwargs: Any) -> None:
    """A Jupyter server ``pre_save_hook``: strip a course notebook before it reaches the disk."""
    content = model.get("content")
    if model.get("type") == "notebook" and isinstance(content, dict) and uses_the_course(content):
        strip_outputs(content)
