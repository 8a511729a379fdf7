"""The learning record: every format from a journal with every kind of answer.

Every test here reads the small fixture course (tests/fixtures/course), not the real one.
"""

from __future__ import annotations

import io
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import docx
import ipywidgets as widgets
import pytest

from tests.helpers.answers import every_answer, fill
from tests.helpers.widgets import find
from valued_contributors.cli import main
from valued_contributors.content.compiled import course
from valued_contributors.journal import Journal
from valued_contributors.record import build_record, html, is_done, markdown, word
from valued_contributors.record.export import export
from valued_contributors.views.progress import progress
from valued_contributors.views.record import record

pytestmark = pytest.mark.usefixtures("fixture_course")
LONG = "Tha an obair seo cudromach. " * 4000
SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\""
REFLECTIONS = {
    "start/hopes": "Gàidhlig agus عربى agus 中文 agus 🙂",
    "voices/knowledge": SCRIPT,
    "voices/ripple": LONG,
    "voices/everyday": "line one\nline two\n\n  indented",
}


@pytest.fixture
def journal(data_dir: Path) -> Journal:
    """A journal with every kind of answer, some sections left empty."""
    with Journal() as j:
        for activity, text in REFLECTIONS.items():
            j.save(activity, {"text": text})
        j.save("start/baseline", {"ratings": {"coaching": 2, "world-cafe": 1}})
        j.save("practice/after", {"ratings": {"coaching": 4}})
        j.save(
            "voices/check",
            {"selected": {"q1": ["b"], "q2": ["a"], "q3": ["a", "b", "c"], "q4": ["d"]}},
        )
        j.save("voices/rota", {"choice": "c"})
    journal = Journal()
    yield journal
    journal.close()


class Elements(HTMLParser):
    """Every element and attribute in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attributes += attrs


def test_the_record_groups_answers_by_section_with_progress(journal: Journal) -> None:
    result = build_record(course(), journal.answers(), "Morag", "Care worker")
    by_id = {s.section.id: s for s in result.sections}
    assert by_id["start"].progress == "2 of 2 activities done"
    assert by_id["voices"].progress == "5 of 5 activities done"
    assert by_id["skills"].done == 0
    assert result.done == 8
    assert not result.complete
    assert result.minutes_done == sum(
        course().get(i).minutes
        for i in [*REFLECTIONS, "start/baseline", "voices/check", "voices/rota", "practice/after"]
    )
    coaching = [c for c in result.changes if "coaching" in c.statement]
    assert coaching[0].difference == 2


def test_markdown_holds_every_answer_escaped(journal: Journal) -> None:
    text = export(journal, "md", "Morag").decode("utf-8")
    assert "Name: Morag" in text
    assert "Gàidhlig agus عربى agus 中文 agus 🙂" in text
    assert r"\<script\>" in text
    assert "<script>" not in text
    assert text.count("Tha an obair seo cudromach.") == 4000
    skills = next(s for s in course().sections if s.id == "skills")
    assert f"## {skills.title}\n\n**0 of {len(skills.activities)} activities done**" in text
    assert "SSSC Codes of Practice" in text


def test_html_is_self_contained_and_no_learner_text_becomes_markup(journal: Journal) -> None:
    page = export(journal, "html", "<b>Morag</b>", "Carer & friend").decode("utf-8")
    parser = Elements()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "img" not in parser.tags
    assert "b" not in parser.tags
    assert not any(name.startswith("on") for name, _ in parser.attributes)
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page)
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;Morag&lt;/b&gt;" in page
    assert "@media print" in page
    assert "size: A4" in page
    for text in REFLECTIONS.values():
        assert escape(text.split("\n")[0])[:40] in page


def test_docx_reopens_with_every_reflection(journal: Journal) -> None:
    document = docx.Document(io.BytesIO(export(journal, "docx", "Morag")))
    text = "\n".join(p.text for p in document.paragraphs)
    for reflection in REFLECTIONS.values():
        assert reflection.strip().split("\n")[0] in text
    assert "Morag" in text
    assert any("Before" in c.text for t in document.tables for c in t.rows[0].cells)


def test_control_characters_cannot_break_the_word_file(data_dir: Path) -> None:
    with Journal() as j:
        j.save("voices/ripple", {"text": "bell \x07 and NUL \x00 here"})
        content = export(j, "docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert "bell \ufffd and NUL \ufffd here" in text


def test_json_is_the_exchange_format(journal: Journal) -> None:
    document = json.loads(export(journal, "json"))
    assert document["format"] == "valued-contributors/answers"
    assert len(document["answers"]) == 8


def test_an_empty_journal_gives_an_empty_record(data_dir: Path) -> None:
    with Journal() as j:
        for form in ("md", "html", "docx"):
            assert export(j, form)
        assert "Activities done: 0 of" in export(j, "md").decode("utf-8")


def test_every_done_activity_and_a_pass_complete_the_record(data_dir: Path) -> None:
    with Journal() as j:
        fill(j, every_answer(course()))
        text = export(j, "md").decode("utf-8")
    assert "Statement of completion" in text


def test_a_check_with_an_unanswered_question_is_not_done() -> None:
    check = course().get("voices/check")
    answered = {q.id: ["a"] for q in check.questions}
    assert is_done(check, {"selected": answered})
    assert not is_done(check, {"selected": {**answered, "q2": []}})
    assert not is_done(check, {"selected": {"q1": ["a"], "q3": ["b"]}})


def test_the_command_line_exports_every_format(journal: Journal, tmp_path: Path) -> None:
    for form in ("md", "html", "docx", "json"):
        out = tmp_path / f"record.{form}"
        assert main(["export", "--format", form, "-o", str(out), "--name", "Morag"]) == 0
        assert out.stat().st_size > 1000


def test_progress_command_summarises(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    voices = next(s for s in course().sections if s.id == "voices")
    assert f"{voices.title}: 5 of 5 activities done" in out
    assert f"Whole course: 8 of {len(course().activities)} activities done." in out


def test_forget_leaves_nothing_behind(journal: Journal, data_dir: Path) -> None:
    journal.close()
    assert main(["forget", "--yes"]) == 0
    raw = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    for text in ("Gàidhlig", "cudromach", "onerror"):
        assert text.encode("utf-8") not in raw
    with Journal() as j:
        assert j.answers() == []


def test_progress_in_the_notebook_follows_each_save(data_dir: Path) -> None:
    from valued_contributors.views.widgets import build

    view = progress("voices")
    view._repr_mimebundle_()
    assert "0 of 5 activities done in this section" in view.label.value
    with Journal() as j:
        j.save("voices/ripple", {"text": "x"})
    view.refresh()
    assert "1 of 5" in view.label.value
    with Journal() as j:
        j.save("skills/coaching-skill", {"text": "another section's answer"})
    view.refresh()
    assert "1 of 5" in view.label.value, "an answer in another section counted here"
    box = build(course().get("voices/knowledge"))
    find(box, widgets.Textarea)[0].value = "typed now"
    assert "2 of 5" in view.label.value


def test_the_record_notebook_saves_the_chosen_format(journal: Journal, tmp_path: Path) -> None:
    view = record()
    bundle = view._repr_mimebundle_()
    assert "data-vc-entry='voices/ripple'" in bundle["text/html"]
    assert "<figure class='vc-compare'" in bundle["text/html"]
    tables = [w.value for w in find(view._widget(), widgets.HTML) if "vc-compare-table" in w.value]
    assert tables
    assert "2 (a little confident)" in tables[0]
    assert "+2" in tables[0]
    assert "&lt;script&gt;" in view.preview.value
    view.format.value = "docx"
    path = view.save(folder=tmp_path)
    assert path == tmp_path / "my-learning-record.docx"
    assert path.exists()
    assert "Saved your learning record as a Word document" in view.status.value


def test_the_book_template_has_no_answers_in_it(journal: Journal) -> None:
    template = record()._html()
    for text in REFLECTIONS.values():
        assert text.split("\n")[0][:20] not in template


def test_html_and_markdown_renderers_agree_on_progress(journal: Journal) -> None:
    result = build_record(course(), journal.answers())
    page, text = html.render(result), markdown.render(result)
    for section in result.sections:
        assert section.progress in page
        assert section.progress in text
    assert word.render(result)


def test_the_record_notebook_saves_only_the_shared_answers(
    journal: Journal, tmp_path: Path
) -> None:
    view = record()
    view._repr_mimebundle_()
    assert "start/hopes" in view.share_boxes
    assert "skills/coaching-skill" not in view.share_boxes
    labels = [box.description for box in view.share_boxes.values()]
    assert all("/" not in label for label in labels), "ids are not shown to learners"
    view.share_boxes["voices/knowledge"].value = True
    path = view.save_contribution(folder=tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [a["activity"] for a in document["answers"]] == ["voices/knowledge"]
    assert "cudromach" not in path.read_text(encoding="utf-8")
    assert "download='my-contribution.json'" in view.share_status.value
    view.share_boxes["voices/knowledge"].value = False
    assert view.save_contribution(folder=tmp_path) is None
    assert "Tick at least one answer" in view.share_status.value
