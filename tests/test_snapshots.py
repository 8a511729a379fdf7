"""Snapshots of every document the package writes: the learning record (HTML, the book page's
template, Markdown, Word) and the three facilitator reports, byte for byte.

Regenerate them with ``pytest tests/test_snapshots.py --force-regen`` only when a change to what
a learner or facilitator sees is meant.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from pytest_regressions.common import check_text_files
from pytest_regressions.file_regression import FileRegressionFixture

from valued_contributors.content.compiled import course
from valued_contributors.content.loader import load_course
from valued_contributors.content.model import Confidence, Course
from valued_contributors.core.answer import Answer
from valued_contributors.document import Html
from valued_contributors.facilitation import (
    openspace,
    openspace_report,
    team,
    team_report,
    worldcafe,
    worldcafe_report,
)
from valued_contributors.facilitation.contribution import dumps, make_contribution
from valued_contributors.facilitation.page import Report
from valued_contributors.facilitation.people import Person, from_csv
from valued_contributors.record import build_record, html, markdown, word
from valued_contributors.record.model import LearningRecord
from valued_contributors.views.record import BOOK_PAGE

FIXTURES = Path(__file__).parent / "fixtures"
MADE_ON = date(2026, 11, 30)
SPECIALS = (
    "# not a heading\n> not a quote\n- not a list\n1. not a list either\n"
    "<script>alert('x')</script> &amp; & `code` *em* _under_ [link](https://example.org) "
    "| pipe ~strike~ $x$ {braces} \\backslash\n\n  indented, then Windows\r\nline ends\rend\x07"
)


def snapshot(file_regression: FileRegressionFixture, text: str, extension: str) -> None:
    """Compare ``text`` with its stored snapshot byte for byte, showing a line diff if not."""

    def exactly(obtained: Path, expected: Path) -> None:
        check_text_files(obtained, expected, encoding="utf-8")
        assert obtained.read_bytes() == expected.read_bytes(), "the files differ in line ends"

    file_regression.check(text, extension=extension, encoding="utf-8", newline="", check_fn=exactly)


@pytest.fixture(scope="module")
def snapshot_course() -> Course:
    return load_course(FIXTURES / "snapshot-course")


def _answers(state: str) -> list[Answer]:
    if state == "empty":
        return []
    partly = [
        Answer("start/hopes", {"text": SPECIALS}, "2026-11-02T10:00:00Z"),
        Answer("start/hopes", {"text": "an older try"}, "2026-11-01T10:00:00Z"),
        Answer("start/baseline", {"ratings": {"listen": 2}}, "2026-11-02T09:00:00.500Z"),
        Answer("practice/final", {"selected": {"one": ["b"]}}, "2026-11-03T10:00:00Z"),
        Answer("practice/next", {"text": "   "}, "2026-11-03T11:00:00Z"),
    ]
    if state == "partly":
        return partly
    return [
        *partly,
        Answer("start/baseline", {"ratings": {"listen": 2, "plan": 3}}, "2026-11-04T09:00:00Z"),
        Answer("practice/rota", {"choice": "talk"}, "2026-11-04T10:00:00Z"),
        Answer(
            "practice/final", {"selected": {"one": ["a"], "many": ["a"]}}, "2026-11-05T10:00:00Z"
        ),
        Answer("practice/after", {"ratings": {"listen": 4, "plan": 3}}, "2026-11-06T10:00:00Z"),
        Answer("practice/next", {"text": "Talk to my *manager* <soon>."}, "2026-11-07T10:00:00Z"),
    ]


STATES = {
    "empty": ("", ""),
    "partly": ("", "Care worker"),
    "complete": ("<b>Morag</b> & *friend*", "# Carer | [x](y)"),
}


def _record(course: Course, state: str) -> LearningRecord:
    name, role = STATES[state]
    record = build_record(course, _answers(state), name, role)
    return dataclasses.replace(record, made_on=MADE_ON)


def _word_text(content: bytes) -> str:
    """A Word file as text: every paragraph's style, runs (bold in **) and page breaks, and
    every table's style and cells, in document order.
    """
    document = docx.Document(io.BytesIO(content))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            runs = "".join(f"**{r.text}**" if r.bold else r.text for r in paragraph.runs)
            breaks = " [page break]" * len(block.xpath(".//w:br[@w:type='page']"))
            style = paragraph.style.name if paragraph.style else ""
            lines.append(f"[{style}] {runs}{breaks}")
        elif tag == "tbl":
            table = Table(block, document)
            lines.append(f"[table: {table.style.name if table.style else ''}]")
            lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("state", STATES)
def test_the_record_as_a_web_page(
    file_regression: FileRegressionFixture, snapshot_course: Course, state: str
) -> None:
    snapshot(file_regression, html.render(_record(snapshot_course, state)), ".html")


@pytest.mark.parametrize("state", STATES)
def test_the_record_in_a_notebook(
    file_regression: FileRegressionFixture, snapshot_course: Course, state: str
) -> None:
    snapshot(file_regression, html.body(_record(snapshot_course, state)), ".html")


@pytest.mark.parametrize("state", STATES)
def test_the_record_as_the_book_page_template(
    file_regression: FileRegressionFixture, snapshot_course: Course, state: str
) -> None:
    record = _record(snapshot_course, state)
    page = html.template(record, None, BOOK_PAGE)
    page += "\n" + html.template(record, (Html("<section>chart</section>"),), BOOK_PAGE)
    page += "\n" + html.completion_template(record) + "\n"
    snapshot(file_regression, page, ".html")


@pytest.mark.parametrize("state", STATES)
def test_the_record_in_markdown(
    file_regression: FileRegressionFixture, snapshot_course: Course, state: str
) -> None:
    snapshot(file_regression, markdown.render(_record(snapshot_course, state)), ".markdown")


@pytest.mark.parametrize("state", STATES)
def test_the_record_in_word(
    file_regression: FileRegressionFixture, snapshot_course: Course, state: str
) -> None:
    snapshot(file_regression, _word_text(word.render(_record(snapshot_course, state))), ".txt")


# Facilitator reports ---------------------------------------------------------------------------

HTML_FORMS = {
    "page": Report.page,
    "notebook": Report.block,
}


def _cafe(show_roles: bool) -> worldcafe.Plan:
    people = from_csv(FIXTURES / "facilitation" / "people.csv")
    people.append(Person('<Rab> & "Jo" *Smith*', "carer | friend"))
    return worldcafe.plan(people, 5, 3)


@pytest.mark.parametrize("show_roles", [False, True], ids=["names", "roles"])
@pytest.mark.parametrize("form", HTML_FORMS)
def test_the_worldcafe_report_as_html(
    file_regression: FileRegressionFixture, form: str, show_roles: bool
) -> None:
    report = worldcafe_report.report(_cafe(show_roles), "Café <plan> & *more*", show_roles)
    page = HTML_FORMS[form](report)
    snapshot(file_regression, page, ".html")


@pytest.mark.parametrize("show_roles", [False, True], ids=["names", "roles"])
def test_the_worldcafe_report_in_markdown(
    file_regression: FileRegressionFixture, show_roles: bool
) -> None:
    report = worldcafe_report.report(_cafe(show_roles), "Café <plan> & *more*", show_roles)
    page = report.markdown()
    snapshot(file_regression, page, ".markdown")


def _wall(crowded: bool | None) -> openspace.Agenda:
    """A wall where every topic fits, one too crowded for them all (None: one where a
    convener cannot avoid a clash).
    """
    if crowded is None:
        topics = [openspace.Topic(f"Topic {n}", "<Morag>") for n in range(3)]
        return openspace.build(topics, ["Garden room", "Library"], ["Morning", "Afternoon"])
    topics = openspace.topics_from_csv(FIXTURES / "facilitation" / "topics.csv")
    if not crowded:
        return openspace.build(topics, "Garden room, Library, Kitchen", "Morning, Afternoon")
    topics += [
        openspace.Topic("<b>Pay</b> & *time* | rest", "Morag Campbell"),
        openspace.Topic("Nobody's topic #1"),
        openspace.Topic("One too many", "Ann"),
    ]
    return openspace.build(topics, "Garden room, Library", "Morning, Afternoon, Evening <late>")


@pytest.mark.parametrize("crowded", [False, True, None], ids=["fits", "crowded", "clash"])
@pytest.mark.parametrize("form", HTML_FORMS)
def test_the_openspace_report_as_html(
    file_regression: FileRegressionFixture, form: str, crowded: bool
) -> None:
    theme = "Rotas & <families>" if crowded else None
    page = HTML_FORMS[form](openspace_report.report(_wall(crowded), "Open <Space> & *wall*", theme))
    snapshot(file_regression, page, ".html")


@pytest.mark.parametrize("crowded", [False, True, None], ids=["fits", "crowded", "clash"])
def test_the_openspace_report_in_markdown(
    file_regression: FileRegressionFixture, crowded: bool
) -> None:
    theme = "Rotas & <families>" if crowded else None
    page = openspace_report.report(_wall(crowded), "Open <Space> & *wall*", theme).markdown()
    snapshot(file_regression, page, ".markdown")


def _team(folder: Path, people: int) -> team.Profile:
    """A team whose person n rated every statement n % 5 + 1 before and 5 after; some broken
    files; reflections full of Markdown and HTML.
    """
    baseline = course().get("start/baseline")
    assert isinstance(baseline, Confidence)
    statements = [s.id for s in baseline.statements]
    folder.mkdir()
    for n in range(people):
        answers = [
            Answer(
                "start/baseline",
                {"ratings": dict.fromkeys(statements, n % 5 + 1)},
                "2026-01-05T10:00:00Z",
            ),
            Answer(
                "practice/after",
                {"ratings": dict.fromkeys(statements[:3], 5)},
                "2026-02-05T10:00:00Z",
            ),
            Answer("start/hopes", {"text": f"Hope {n}: {SPECIALS}"}, "2026-01-05T10:00:00Z"),
            Answer("voices/ripple", {"text": f"Ripple {n}"}, "2026-01-05T10:00:00Z"),
        ]
        shared = ["start/baseline", "practice/after", "start/hopes"]
        if n < 3:
            shared.append("voices/ripple")
        document = make_contribution(answers, shared)
        (folder / f"person-{n}.json").write_text(dumps(document), encoding="utf-8")
    for broken in (FIXTURES / "facilitation" / "broken-contributions").iterdir():
        shutil.copy(broken, folder / broken.name)
    (folder / "<odd> & name.json").write_text("{", encoding="utf-8")
    return team.team_profile(folder)


@pytest.mark.parametrize("people", [6, 3], ids=["team", "too-few"])
@pytest.mark.parametrize("form", HTML_FORMS)
def test_the_team_profile_as_html(
    file_regression: FileRegressionFixture, tmp_path: Path, form: str, people: int
) -> None:
    page = HTML_FORMS[form](
        team_report.report(_team(tmp_path / "in", people), "Team <one> & *two*")
    )
    snapshot(file_regression, page, ".html")


@pytest.mark.parametrize("people", [6, 3], ids=["team", "too-few"])
def test_the_team_profile_in_markdown(
    file_regression: FileRegressionFixture, tmp_path: Path, people: int
) -> None:
    page = team_report.report(_team(tmp_path / "in", people), "Team <one> & *two*").markdown()
    snapshot(file_regression, page, ".markdown")
