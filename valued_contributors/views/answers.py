"""Your answers, managed inside the notebook: where they are, import, export, and delete.

It uses the same journal, answers file and exports as the ``valued-contributors`` command,
so a learner never needs a terminal (on a JupyterHub there may not be one).
"""

from __future__ import annotations

import base64
import mimetypes
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from valued_contributors.content.compiled import cache_dir, course
from valued_contributors.core.html import attr
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as answers_file
from valued_contributors.journal import ENV_VAR, JournalError, journal_path
from valued_contributors.record.export import FORMATS, export
from valued_contributors.views.saving import current_journal, refresh_listeners
from valued_contributors.views.styles import notebook_box

MIME_TYPES = {".md": "text/markdown", ".json": "application/json"}


def plural(count: int, word: str) -> str:
    """``count`` and the word, with an -s unless there is one ("1 answer", "2 answers")."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def say(message: str, problem: bool = False) -> str:
    """A status line: announced politely, or at once when something went wrong."""
    kind, role = ("vc-problem", "alert") if problem else ("vc-saved", "status")
    return f"<p role='{role}' class='{kind}'>{message}</p>"


def download_link(path: Path, content: bytes) -> str:
    """A link that downloads the file from this page: it works on a JupyterHub too, where
    the file's folder on the server may not be the learner's computer.
    """
    mime = MIME_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
    data = base64.b64encode(content).decode("ascii")
    return (
        f"<a download='{attr(path.name)}' href='data:{mime or 'application/octet-stream'};"
        f"base64,{data}'>Download {escape(path.name)}</a>"
    )


def save_file(content: bytes, name: str, folder: Path | None = None) -> Path:
    """Write an export next to the notebook (the folder the kernel runs in)."""
    path = (folder or Path.cwd()) / name
    path.write_bytes(content)
    return path


def import_answers(data: bytes, file_name: str) -> str:
    """Add the answers in an uploaded file to the journal; one sentence says what happened."""
    answers = answers_file.read_bytes(data, file_name)
    added = current_journal().merge(answers)
    refresh_listeners()
    message = f"Imported {plural(added, 'new answer version')} from {file_name}."
    if answers.mended:
        message += (
            f" {plural(answers.mended, 'broken character')} (half of an emoji or another "
            "symbol) had to be replaced by the sign \ufffd; the rest of the text is as it was."
        )
    if answers and not added:
        message += " Everything in this file was already in your journal, so nothing changed."
    unknown = sorted({a.activity for a in answers} - set(course().activities))
    if unknown:
        message += (
            f" {plural(len(unknown), 'answer')} are for activities this version of the course "
            "does not have; they were kept, not shown."
        )
    if added:
        message += " Run the other notebooks again (Run → Run All Cells) to see them there."
    return message


class AnswersView:
    """Where the journal is, and buttons to import, export and delete every answer."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.upload = widgets.FileUpload(
            accept=".json,application/json", multiple=False, description="Choose a file"
        )
        self.upload.layout.width = "auto"
        self.import_status = widgets.HTML()
        self.format = widgets.Dropdown(
            options=[(label.capitalize(), key) for key, (label, _) in FORMATS.items()],
            value="json",
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self.export_status = widgets.HTML()
        self.forget_status = widgets.HTML()
        self.confirm = widgets.HBox(layout=widgets.Layout(display="none", flex_flow="row wrap"))

    def where(self) -> str:
        """Where the answers and the course's own copy are kept, and how to move them."""
        return (
            f"<p>Your answers are kept in <code>{escape(str(journal_path()))}</code>, a file only "
            f"you can read. To keep them somewhere else, set the environment variable "
            f"<code>{ENV_VAR}</code> to a folder before starting JupyterLab. A copy of the "
            f"course's own text (none of your answers) is kept in "
            f"<code>{escape(str(cache_dir()))}</code>.</p>"
        )

    def uploaded(self, files: Any) -> None:
        """Import the file the learner chose, and say what came of it."""
        if not files:
            return
        upload = files[0]
        try:
            message = import_answers(bytes(upload["content"]), upload["name"])
        except (FormatError, JournalError) as error:
            self.import_status.value = say(f"Not imported: {escape(str(error))}", problem=True)
        else:
            self.import_status.value = say(escape(message))
        self.upload.value = ()

    def save(self, _: Any = None) -> Path | None:
        """Export every answer in the chosen format beside the notebook, with a link to it."""
        label, name = FORMATS[self.format.value]
        try:
            content = export(current_journal(), self.format.value)
            path = save_file(content, name, self.folder)
        except (JournalError, OSError) as error:
            self.export_status.value = say(f"Not saved: {escape(str(error))}", problem=True)
            return None
        self.export_status.value = say(
            f"Saved {escape(label)} to <code>{escape(str(path))}</code>. "
            f"{download_link(path, content)}"
        )
        return path

    def ask(self, _: Any = None) -> None:
        """Ask before deleting every answer."""
        yes = widgets.Button(description="Yes, delete every answer", button_style="danger")
        no = widgets.Button(description="No, keep my answers")
        yes.on_click(self.forget)
        no.on_click(self.cancel)
        self.confirm.children = [yes, no]
        self.confirm.layout.display = None
        self.forget_status.value = say(
            f"Delete every answer saved in {escape(str(journal_path()))}? This cannot be undone. "
            "Export your answers first if you may want them again.",
            problem=True,
        )

    def cancel(self, _: Any = None) -> None:
        """Keep every answer after all."""
        self.confirm.layout.display = "none"
        self.forget_status.value = say("Nothing was deleted.")

    def forget(self, _: Any = None) -> int | None:
        """Delete every answer; the number of versions deleted, or None if it failed."""
        self.confirm.layout.display = "none"
        try:
            deleted = current_journal().forget()
        except JournalError as error:
            self.forget_status.value = say(f"Nothing was deleted: {escape(str(error))}", True)
            return None
        refresh_listeners()
        self.forget_status.value = say(f"Deleted {plural(deleted, 'saved answer version')}.")
        return deleted

    def _widget(self) -> widgets.VBox:
        self.upload.observe(lambda change: self.uploaded(change["new"]), names="value")
        save = widgets.Button(description="Save and download", button_style="primary")
        save.on_click(self.save)
        forget = widgets.Button(description="Delete all my answers…")
        forget.on_click(self.ask)
        heading = "<h3>{}</h3>".format
        return notebook_box(
            [
                widgets.HTML(heading("Where your answers are") + self.where()),
                widgets.HTML(
                    heading("Bring in answers from the book")
                    + "<p>In the book, use <strong>Export my answers</strong> to download an "
                    "answers file. Then choose that file here. Answers you already have are "
                    "kept; newer versions are added.</p>"
                ),
                self.upload,
                self.import_status,
                widgets.HTML(
                    heading("Save a copy")
                    + "<p>Choose what to save. The file is saved next to this notebook, and a "
                    "link lets you download it to your own device.</p>"
                ),
                widgets.HBox([self.format, save], layout=widgets.Layout(flex_flow="row wrap")),
                self.export_status,
                widgets.HTML(heading("Delete your answers")),
                forget,
                self.forget_status,
                self.confirm,
            ],
            "vc-answers",
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        bundle["text/html"] = (
            "<p>In the book, the <strong>Your answers</strong> panel exports, imports and "
            "deletes your answers. In the notebooks, this cell does the same.</p>"
        )
        bundle["text/plain"] = "Your answers: where they are kept, import, export and delete"
        return bundle


def answers() -> AnswersView:
    """Manage your answers without a terminal: import, export, where they are, delete."""
    return AnswersView()
