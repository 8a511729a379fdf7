"""The book reads what the command line writes, and says so when stored answers were set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.browser import SECTION_PAGE
from valued_contributors.cli import main
from valued_contributors.content.model import MAX_TEXT
from valued_contributors.journal import Journal

pytestmark = pytest.mark.browser
RECORD_PAGE = "notebooks/07_my_learning_record.html"
PREFIX = "valued-contributors:v1:"
NOTICE = "Some answers saved in this browser could not be read"


def test_a_million_emoji_from_the_command_line_import_into_the_book(
    page, site: str, data_dir: Path, tmp_path: Path
) -> None:
    text = "🙂" * MAX_TEXT  # one million characters, two million UTF-16 code units
    with Journal() as journal:
        journal.save("voices/ripple", {"text": text})
    exported = tmp_path / "answers.json"
    assert main(["export", "--format", "json", "-o", str(exported)]) == 0
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(exported))
    status = page.locator(".vc-panel-status")
    status.filter(has_text="Imported 1 answer").wait_for()
    assert "damaged" not in status.inner_text()
    shown = page.locator("section[data-vc-activity='voices/ripple'] textarea")
    assert shown.evaluate("(area) => Array.from(area.value).length") == MAX_TEXT
    assert shown.evaluate("(area) => area.value === '🙂'.repeat(1000000)")


def test_answers_that_could_not_be_read_are_reported_once(page, site: str, tmp_path: Path) -> None:
    good = {
        "activity": "voices/ripple",
        "kind": "reflection",
        "value": {"text": "still here"},
        "saved_at": "2026-01-01T10:00:00.000Z",
    }
    page.goto(site + SECTION_PAGE)
    page.evaluate(
        "([prefix, good]) => { localStorage.setItem(prefix + 'voices/knowledge', '{broken'); "
        "localStorage.setItem(prefix + 'voices/rota', JSON.stringify({activity: 'voices/rota'}));"
        "localStorage.setItem(prefix + 'voices/ripple', JSON.stringify(good)); }",
        [PREFIX, good],
    )
    page.reload()
    notice = page.get_by_role("status").filter(has_text=NOTICE)
    notice.wait_for()
    assert notice.count() == 1
    assert notice.is_visible()
    words = notice.inner_text()
    assert "kept aside (not deleted)" in words
    assert "Export my answers" in words
    assert page.get_by_text(NOTICE).count() == 1
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [a["value"] for a in document["answers"]] == [{"text": "still here"}]
    kept = page.evaluate("(k) => localStorage.getItem(k)", f"{PREFIX}damaged:voices/knowledge")
    assert kept == "{broken"

    page.goto(site + RECORD_PAGE)
    assert page.get_by_text(NOTICE).count() == 0
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-panel-status").wait_for(state="attached")
    assert page.get_by_text(NOTICE).count() == 0


def answers_file(path: Path, *entries: tuple[str, str]) -> Path:
    answers = [
        {"activity": "voices/ripple", "kind": "reflection", "value": {"text": t}, "saved_at": s}
        for t, s in entries
    ]
    document = {"format": "valued-contributors/answers", "version": 1, "answers": answers}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_book_refuses_impossible_dates_and_keeps_the_newest_answer(
    page, site: str, tmp_path: Path
) -> None:
    page.goto(site + SECTION_PAGE)
    chooser = page.locator(".vc-import-file")
    chooser.set_input_files(str(answers_file(tmp_path / "bad.json", ("a", "2026-02-30T10:00:00Z"))))
    page.locator(".vc-panel-status.vc-problem").filter(has_text="damaged").wait_for()
    area = page.locator("section[data-vc-activity='voices/ripple'] textarea")
    assert area.input_value() == ""
    later = answers_file(
        tmp_path / "later.json", ("half a second later", "2026-11-02T10:00:00.500Z")
    )
    chooser.set_input_files(str(later))
    page.locator(".vc-panel-status").filter(has_text="Imported 1 answer").wait_for()
    earlier = answers_file(tmp_path / "earlier.json", ("on the second", "2026-11-02T10:00:00Z"))
    chooser.set_input_files(str(earlier))
    page.locator(".vc-panel-status").filter(has_text="nothing changed").wait_for()
    assert area.input_value() == "half a second later"
