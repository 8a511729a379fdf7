"""A real browser reads the built book: answers, feedback, reload, export and import."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers.browser import SECTION_PAGE, assert_stays_home
from tests.helpers.text import plain
from valued_contributors.cli import main
from valued_contributors.content.compiled import course
from valued_contributors.content.scoring import mark_check
from valued_contributors.journal import Journal

pytestmark = pytest.mark.browser


def words(text: str) -> str:
    return " ".join(text.split())


def test_answers_and_feedback_come_back_after_a_reload(
    page, site: str, data_dir: Path, tmp_path: Path
) -> None:
    page.goto(site + SECTION_PAGE)
    reflection = page.locator("section.vc-reflection").first
    reflection_id = reflection.get_attribute("data-vc-activity")
    reflection.locator("textarea").fill("Our team in Lochendie listens to families first.")
    status = reflection.locator(".vc-status")
    status.filter(has_text="Saved in this browser").wait_for()
    assert reflection.locator(".vc-discussion").is_visible()

    check = page.locator("section.vc-check").first
    check_id = check.get_attribute("data-vc-activity")
    activity = course().get(check_id)
    selected = {}
    for question in activity.questions:
        option = question.options[-1]
        selected[question.id] = [option.id]
        fieldset = check.locator(f"fieldset[data-vc-question='{question.id}']")
        fieldset.locator(f"input[value='{option.id}']").check()
    check.get_by_role("button", name="Check my answers").click()

    def shown_feedback() -> tuple[list[str], list[str], str]:
        verdicts = [words(v) for v in check.locator(".vc-verdict").all_inner_texts()]
        feedback = [words(f.inner_text()) for f in check.locator(".vc-feedback:visible").all()]
        return verdicts, feedback, words(check.locator(".vc-score").inner_text())

    expected = mark_check(activity, selected)
    verdicts, feedback, score = shown_feedback()
    assert verdicts == [r.verdict for r in expected.questions]
    assert feedback == [plain(o.feedback) for r in expected.questions for o in r.chosen]
    assert score == expected.summary

    page.reload()
    reflection = page.locator(f"section[data-vc-activity='{reflection_id}']")
    assert reflection.locator("textarea").input_value() == (
        "Our team in Lochendie listens to families first."
    )
    check = page.locator(f"section[data-vc-activity='{check_id}']")
    assert shown_feedback() == (verdicts, feedback, score)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    exported = tmp_path / "book-export.json"
    download.value.save_as(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["source"] == "book"
    assert main(["import", str(exported)]) == 0
    with Journal() as journal:
        assert journal.latest(reflection_id).value["text"].endswith("families first.")
        assert journal.latest(check_id).value == {"selected": selected}
    assert_stays_home(page, site)


def test_a_notebook_export_imports_into_the_book(
    page, site: str, data_dir: Path, tmp_path: Path
) -> None:
    with Journal() as journal:
        journal.save("voices/rota", {"choice": "c"})
    exported = tmp_path / "from-notebooks.json"
    assert main(["export", "--format", "json", "-o", str(exported)]) == 0
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(exported))
    page.locator(".vc-panel-status").filter(has_text="Imported 1 answer").wait_for()
    scenario = page.locator("section[data-vc-activity='voices/rota']")
    assert scenario.locator("input[value='c']").is_checked()
    assert scenario.locator(".vc-feedback:visible").count() == 1
    page.locator(".vc-import-file").set_input_files(str(exported))
    page.locator(".vc-panel-status").filter(has_text="nothing changed").wait_for()

    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": "world"}', encoding="utf-8")
    page.locator(".vc-import-file").set_input_files(str(foreign))
    problem = page.locator(".vc-panel-status.vc-problem")
    problem.wait_for()
    assert "not a Valued Contributors answers file" in problem.inner_text()
    assert scenario.locator("input[value='c']").is_checked()
    assert_stays_home(page, site)


def test_every_page_stays_on_its_own_site(page, site: str, built_book: Path) -> None:
    visited = 0
    for html_page in sorted(built_book.rglob("*.html")):
        relative = html_page.relative_to(built_book).as_posix()
        if relative.startswith("_static") or relative in {"genindex.html", "search.html"}:
            continue
        page.goto(site + relative)
        page.wait_for_load_state("networkidle")
        visited += 1
    assert visited >= 5
    assert_stays_home(page, site)


def test_confidence_before_and_after_fill_the_chart_and_table(page, site: str) -> None:
    baseline = course().get("start/baseline")
    first = baseline.statements[0].id
    page.goto(site + "notebooks/00_start_here.html")
    scale = page.locator("section[data-vc-activity='start/baseline']")
    scale.locator(f"input[data-vc-statement='{first}'][value='2']").check()
    scale.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()

    page.goto(site + "notebooks/06_putting_it_into_practice.html")
    after = page.locator("section[data-vc-activity='practice/after']")
    after.locator(f"input[data-vc-statement='{first}'][value='4']").check()
    row = page.locator(f"figure.vc-compare tr[data-vc-statement='{first}']")
    assert [words(c) for c in row.locator("td").all_inner_texts()] == [
        "2 (a little confident)",
        "4 (confident)",
        "+2",
    ]
    bars = page.locator("figure.vc-compare .vc-bars").first.locator(".vc-bar")
    assert bars.nth(0).inner_text() == "2"
    assert bars.nth(1).inner_text() == "4"
    assert page.locator("figure.vc-compare .vc-compare-chart").get_attribute("aria-hidden")
    assert page.locator("figure.vc-compare tr[data-vc-statement]").count() == len(
        baseline.statements
    )
    assert_stays_home(page, site)


def test_the_record_page_gathers_answers_from_other_pages(page, site: str, tmp_path: Path) -> None:
    page.goto(site + "notebooks/00_start_here.html")
    hopes = page.locator("section[data-vc-activity='start/hopes'] textarea")
    hopes.fill("To <b>listen</b> better")
    page.locator("section[data-vc-activity='start/hopes'] .vc-status").filter(
        has_text="Saved"
    ).wait_for()
    assert "1 of 2 activities done in this section" not in page.locator(".vc-progress").inner_text()
    assert "1 of" in page.locator(".vc-progress").inner_text()

    page.goto(site + SECTION_PAGE)
    page.locator("section[data-vc-activity='voices/rota'] input[value='c']").check()
    page.locator("section[data-vc-activity='voices/rota'] .vc-show-feedback").click()
    assert "1 of 5 activities done in this section" in page.locator(".vc-progress").inner_text()

    page.goto(site + "notebooks/07_my_learning_record.html")
    page.locator(".vc-record-name").fill("Morag <Reid>")
    entry = page.locator("[data-vc-entry='start/hopes']")
    assert entry.locator("[data-vc-slot=text]").inner_text() == "To <b>listen</b> better"
    assert "saved on" in entry.locator("h3, h4, h5").inner_text()
    rota = page.locator("[data-vc-entry='voices/rota'] .vc-record-choice:visible")
    assert rota.count() == 1
    sections = page.locator(".vc-record-section [data-vc-slot=progress]").all_inner_texts()
    assert sections[:2] == ["1 of 2 activities done", "1 of 5 activities done"]
    assert "Name: Morag <Reid>" in page.locator("[data-vc-slot=name]").inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my record (HTML)").click()
    saved = tmp_path / "record.html"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "<h1>Learning record: Valued Contributors</h1>" in text
    assert "To &lt;b&gt;listen&lt;/b&gt; better" in text
    assert "<b>listen" not in text
    assert "Morag &lt;Reid&gt;" in text
    assert "://" not in text

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete my answers").click()
    page.locator(".vc-panel-status").filter(has_text="Deleted").wait_for()
    assert entry.locator("[data-vc-slot=text]").inner_text() == "Not answered yet."
    page.reload()
    ours = "() => Object.keys(localStorage).filter(k => k.startsWith('valued-contributors'))"
    assert page.evaluate(ours) == []
    assert_stays_home(page, site)


def test_a_contribution_holds_only_the_ticked_answers(page, site: str, tmp_path: Path) -> None:
    from valued_contributors.validation import first_problem

    page.goto(site + SECTION_PAGE)
    page.locator("section[data-vc-activity='voices/knowledge'] textarea").fill("share me")
    page.locator("section[data-vc-activity='voices/ripple'] textarea").fill("keep me private")
    page.locator("section[data-vc-activity='voices/ripple'] .vc-status").filter(
        has_text="Saved"
    ).wait_for()
    page.goto(site + "notebooks/07_my_learning_record.html")
    page.locator(".vc-record-name").fill("Morag Reid")
    page.locator(".vc-share-box[value='voices/knowledge']").check()
    page.locator(".vc-share-box[value='skills/check']").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my contribution").click()
    saved = tmp_path / "contribution.json"
    download.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert first_problem("contribution", document) is None
    assert [a["activity"] for a in document["answers"]] == ["voices/knowledge"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", document["answers"][0]["saved_on"])
    text = saved.read_text(encoding="utf-8")
    assert "keep me private" not in text
    assert "Morag" not in text
    assert_stays_home(page, site)
