"""Readability report for course authors: words, Flesch Reading Ease and sentence length per page.

Run ``valued-contributors readability`` (or ``make readability``). Each section must score at
least 50 and the course as a whole at least 60.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from valued_contributors.content.loader import ACTIVITY_DIR, load_section
from valued_contributors.core import files, jsontext
from valued_contributors.kinds import Activity, author_texts

SECTION_MINIMUM = 50
COURSE_MINIMUM = 60
MAX_BYTES = 16 * 1024 * 1024  # a course notebook or page is well under 1 MB


def _read(path: Path, what: str) -> bytes:
    return files.read_bytes(path, MAX_BYTES, what)


def read_text(path: Path) -> str:
    """A page's text, read within the size limit; FileProblem if it is not UTF-8 text."""
    try:
        return _read(path, "page").decode("utf-8")
    except UnicodeDecodeError:
        raise files.FileProblem(
            f"{files.shown(path)} is not text in UTF-8; save it as UTF-8 and try again.",
            "is not text in UTF-8",
        ) from None


def read_notebook(path: Path) -> Any:
    """A notebook's JSON, read within the size limit; FileProblem if it is not JSON."""
    try:
        return jsontext.parse(_read(path, "notebook"))
    except jsontext.NotJSON as problem:
        raise files.FileProblem(
            f"{files.shown(path)} {problem}, so it cannot be a notebook; check the file.",
            str(problem),
        ) from None


@dataclass(frozen=True)
class Score:
    """The readability of one page."""

    page: str
    words: int
    ease: float
    sentence_length: float


def plain(markdown: str) -> str:
    """Markdown and MyST reduced to the sentences a reader sees."""
    text = re.sub(r"```(?!\{glossary\}).*?```", " ", markdown, flags=re.S)
    text = re.sub(r"^```.*$", "", text, flags=re.M)
    text = re.sub(r"\{cite:[pt]\}`[^`]*`", "", text)
    text = re.sub(r"\{\w+\}`([^`<]*)(?:<[^>]*>)?`", r"\1", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(#+|[-*]|\d+\.|\|)\s*", "", text, flags=re.M)
    lines = [line.strip() for line in text.splitlines()]
    sentences = [
        line if line.endswith((".", "?", "!", ":")) else f"{line}." for line in lines if line
    ]
    return re.sub(r"[*_`|]", "", " ".join(sentences))


def activity_text(activity: Activity) -> list[str]:
    """Every piece of prose an activity shows: the author texts the views render."""
    return [text for _, text in author_texts(activity)]


def notebook_text(path: Path) -> str:
    """A section's prose: its Markdown cells and the activities in its activity file."""
    cells = read_notebook(path)["cells"]
    parts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    activities = ACTIVITY_DIR / path.with_suffix(".yaml").name
    if activities.exists():
        for activity in load_section(activities).activities:
            parts += activity_text(activity)
    return "\n\n".join(plain(p) for p in parts)


def score(page: str, text: str) -> Score:
    """How easy ``text`` is to read: its words, Flesch Reading Ease and sentence length."""
    import textstat

    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    return Score(page, words, textstat.flesch_reading_ease(text), words / sentences)


def report(root: Path) -> tuple[list[Score], list[Score], Score]:
    """Scores for every section notebook, every book page, and the course as a whole."""
    sections, texts = [], []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        text = notebook_text(path)
        texts.append(text)
        sections.append(score(path.stem, text))
    pages = []
    for path in sorted((root / "book").glob("*.md")):
        text = plain(read_text(path))
        if len(text.split()) >= 50:
            pages.append(score(f"book/{path.stem}", text))
    return sections, pages, score("whole course (sections)", "\n\n".join(texts))


def table(rows: list[Score]) -> str:
    """The scores as a Markdown table."""
    lines = ["| Page | Words | Flesch Reading Ease | Words per sentence |", "|---|---:|---:|---:|"]
    lines += [f"| {r.page} | {r.words} | {r.ease:.1f} | {r.sentence_length:.1f} |" for r in rows]
    return "\n".join(lines)


def main(root: Path) -> int:
    """Print the report; 1 if a section or the course reads less easily than it must."""
    sections, pages, whole = report(root)
    print(table([*sections, *pages, whole]))
    weak = [s.page for s in sections if s.ease < SECTION_MINIMUM]
    if weak or whole.ease < COURSE_MINIMUM:
        print(
            f"\nToo hard to read: {', '.join(weak) or 'the course as a whole'}. Sections need "
            f"{SECTION_MINIMUM} or more and the course {COURSE_MINIMUM} or more: use shorter "
            "sentences and everyday words."
        )
        return 1
    return 0
