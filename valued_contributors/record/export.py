"""Every export format in one place, used by the command line and the record notebook."""

from __future__ import annotations

from collections.abc import Callable

from valued_contributors.content.compiled import course
from valued_contributors.core.text import mend
from valued_contributors.formats import answers as answers_file
from valued_contributors.journal import Journal
from valued_contributors.record import html, markdown, word
from valued_contributors.record.model import LearningRecord, build_record

FORMATS: dict[str, tuple[str, str]] = {
    "md": ("your learning record as a Markdown file", "my-learning-record.md"),
    "html": ("your learning record as a web page, ready to print", "my-learning-record.html"),
    "docx": ("your learning record as a Word document", "my-learning-record.docx"),
    "json": ("every answer as an answers file", "my-answers.json"),
}
RENDERERS: dict[str, Callable[[LearningRecord], str | bytes]] = {
    "md": markdown.render,
    "html": html.render,
    "docx": word.render,
}


def export(journal: Journal, format: str, name: str = "", role: str = "") -> bytes:
    """The learner's record (or, for json, every answer version) in one format, as bytes."""
    if format == "json":
        document = answers_file.to_document(journal.answers(), source="notebook")
        return answers_file.dumps(document).encode("utf-8")
    if format not in RENDERERS:
        raise ValueError(f"Choose a format from {', '.join(FORMATS)}, not {format!r}.")
    name, role = (mend(words)[0] for words in (name, role))  # half characters cannot be written
    record = build_record(course(), journal.answers(), name, role)
    result = RENDERERS[format](record)
    return result if isinstance(result, bytes) else result.encode("utf-8")
