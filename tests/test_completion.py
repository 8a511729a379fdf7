"""The statement of completion: every section done and at least the pass mark in the final
assessment, with the day it was earned, in every format and in both views.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.answers import DAY, Row, every_answer, fill
from tests.helpers.content import sample_data, write
from tests.helpers.paths import SAMPLE_FILE
from valued_contributors.content import ContentError, load_course, load_section
from valued_contributors.content.compiled import course
from valued_contributors.content.model import Check
from valued_contributors.content.scoring import needed
from valued_contributors.contract import contract
from valued_contributors.journal import Journal
from valued_contributors.record import build_record, html
from valued_contributors.record.export import export
from valued_contributors.views.record import record

LAST = "2026-11-27T16:30:00Z"


def final() -> Check:
    check = course().final_assessment
    assert check is not None, "no activity file has a check with assessment: final"
    return check


def answers_for(right: int, saved_at: str = DAY) -> list[Row]:
    """An answer to every activity, with ``right`` questions of the final assessment right; the
    last one saved a week later than the others.
    """
    rows = every_answer(course(), right, saved_at)
    rows[-1] = (rows[-1][0], rows[-1][1], LAST)
    return rows


def test_the_course_has_one_final_assessment_of_ten_to_fifteen_questions() -> None:
    check = final()
    assert check.pass_mark == 0.5
    assert 10 <= len(check.questions) <= 15
    assert needed(check) * 2 >= len(check.questions)
    assert load_section(SAMPLE_FILE).activities[3].assessment is None  # a plain check is not final


@pytest.mark.parametrize(("right", "earned"), [(0, False), ("below", False), ("mark", True)])
@pytest.mark.usefixtures("fixture_course")
def test_the_statement_needs_the_pass_mark(data_dir: Path, right, earned: bool) -> None:
    mark = needed(final())
    count = {"below": mark - 1, "mark": mark}.get(right, right)
    with Journal() as j:
        fill(j, answers_for(count))
        result = build_record(course(), j.answers())
        text = export(j, "md").decode("utf-8")
    assert result.done == result.total
    assert result.complete is earned
    assert ("Statement of completion" in text) is earned
    if earned:
        assert result.completed_on.isoformat() == LAST[:10]
        assert (
            "Statement of completion: on 27 November 2026, this learner completed every section "
            f"of Valued Contributors and scored {mark} out of {len(final().questions)} in the "
            f"final assessment, where the pass mark is {mark}." in text
        )


@pytest.mark.usefixtures("fixture_course")
def test_an_unfinished_section_withholds_the_statement(data_dir: Path) -> None:
    rows = [r for r in answers_for(len(final().questions)) if r[0] != "voices/knowledge"]
    with Journal() as j:
        fill(j, rows)
        assert not build_record(course(), j.answers()).complete


@pytest.mark.usefixtures("fixture_course")
def test_the_notebook_record_shows_the_statement_with_its_date(data_dir: Path) -> None:
    with Journal() as j:
        fill(j, answers_for(len(final().questions)))
    view = record()
    view.refresh()
    assert "vc-record-complete" in view.preview.value
    assert "on 27 November 2026, this learner completed every section" in view.preview.value


@pytest.mark.usefixtures("fixture_course")
def test_the_book_record_carries_the_pass_mark_and_the_wording(data_dir: Path) -> None:
    page = record()._html()
    check = final()
    assert f"data-vc-entry='{check.id}'" in page
    assert f"data-vc-needed='{needed(check)}'" in page
    assert "data-vc-slot='complete' hidden" in page
    wording = html.completion_template(build_record(course(), []))
    assert "{date}" in wording
    assert "{score}" in wording
    assert "{needed}" in wording
    sentences = contract()["wording"]["record"]
    book_wording = sentences["completion"].format(
        complete=sentences["complete"], assessed=sentences["assessed"]
    )
    assert book_wording == wording  # what the book's script composes from the page's contract


def test_a_final_assessment_needs_a_pass_mark(tmp_path: Path) -> None:
    data = sample_data()
    data["activities"][3]["assessment"] = "final"
    with pytest.raises(ContentError, match="needs both assessment: final and a pass_mark"):
        load_section(write(tmp_path, data))
    data["activities"][3]["pass_mark"] = 1.5
    with pytest.raises(ContentError, match="pass_mark"):
        load_section(write(tmp_path, data))


def test_only_one_check_can_be_the_final_assessment(tmp_path: Path) -> None:
    data = sample_data()
    data["activities"][3].update(assessment="final", pass_mark=0.5)
    write(tmp_path, data, "01_one.yaml")
    data["section"] = "other"
    write(tmp_path, data, "02_two.yaml")
    with pytest.raises(ContentError, match="only one check can be the final assessment"):
        load_course(tmp_path)


def test_the_book_record_page_shows_the_statement_once_earned(page, site: str) -> None:
    def store(rows: list[Row]) -> None:
        entries = [
            {"activity": a, "kind": course().get(a).kind, "value": v, "saved_at": t}
            for a, v, t in rows
        ]
        page.evaluate(
            "entries => entries.forEach(e => localStorage.setItem("
            "'valued-contributors:v1:' + e.activity, JSON.stringify(e)))",
            entries,
        )

    page.goto(site + "notebooks/07_my_learning_record.html")
    statement = page.locator(".vc-record-complete")
    mark, out_of = needed(final()), len(final().questions)
    store(answers_for(mark - 1))
    page.reload()
    page.locator("[data-vc-slot=activities]").filter(has_text="Activities done").wait_for()
    assert not statement.is_visible()

    store(answers_for(mark))
    page.reload()
    statement.wait_for()
    assert statement.inner_text() == (
        "Statement of completion: on 27 November 2026, this learner completed every section of "
        f"Valued Contributors and scored {mark} out of {out_of} in the final assessment, where "
        f"the pass mark is {mark}."
    )
