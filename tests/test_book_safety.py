"""The built book under attack and under strain: injected markup, broken or missing storage,
and keyboard-only use (test_book_reading.py scans every page for accessibility).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.browser import SECTION_PAGE, assert_stays_home
from valued_contributors.content.compiled import course

pytestmark = pytest.mark.browser
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
PREFIX = "valued-contributors:v1:"
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""
NO_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("Storage is turned off.", "SecurityError"); }
});
"""


def pwned(page) -> bool:
    return page.evaluate("() => window.__pwned !== undefined")


def export_text(page, tmp_path: Path) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_markup_typed_into_a_reflection_never_runs(page, site: str) -> None:
    page.goto(site + SECTION_PAGE)
    images_before = page.locator("img").count()
    box = page.locator("section.vc-reflection textarea").first
    box.fill(PAYLOAD)
    page.locator("section.vc-reflection .vc-status").first.filter(has_text="Saved").wait_for()
    page.reload()
    box = page.locator("section.vc-reflection textarea").first
    assert box.input_value() == PAYLOAD
    assert page.locator("img").count() == images_before
    assert not pwned(page)
    assert_stays_home(page, site)


def test_an_imported_file_with_markup_never_runs(page, site: str, tmp_path: Path) -> None:
    first = course().get("voices/knowledge")
    hostile = {
        "format": "valued-contributors/answers",
        "version": 1,
        "answers": [
            {
                "activity": first.id,
                "kind": "reflection",
                "value": {"text": PAYLOAD},
                "saved_at": "2026-01-01T10:00:00.000Z",
            }
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile), encoding="utf-8")
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(path))
    page.locator(".vc-panel-status").filter(has_text="Imported 1 answer").wait_for()
    assert page.locator(f"section[data-vc-activity='{first.id}'] textarea").input_value() == PAYLOAD

    hostile["answers"][0]["activity"] = "<img src=x onerror=alert(1)>/x"
    hostile["answers"][0]["saved_at"] = "2026-01-02T10:00:00.000Z"
    path.write_text(json.dumps(hostile), encoding="utf-8")
    page.locator(".vc-import-file").set_input_files(str(path))
    page.locator(".vc-panel-status.vc-problem").filter(has_text="damaged").wait_for()
    assert not pwned(page)
    assert_stays_home(page, site)


@pytest.mark.parametrize("script", [FULL_STORAGE, NO_STORAGE], ids=["full", "turned-off"])
def test_without_storage_the_answer_stays_and_export_still_works(
    page, site: str, tmp_path: Path, script: str
) -> None:
    page.add_init_script(script)
    page.goto(site + SECTION_PAGE)
    box = page.locator("section.vc-reflection").first
    box.locator("textarea").fill("Kept on the page")
    problem = box.locator(".vc-status.vc-problem")
    problem.wait_for()
    assert "Not saved" in problem.inner_text()
    assert "Export my answers" in problem.inner_text()
    assert box.locator("textarea").input_value() == "Kept on the page"
    document = export_text(page, tmp_path)
    assert [a["value"] for a in document["answers"]] == [{"text": "Kept on the page"}]
    assert_stays_home(page, site, only_our_errors=True)  # the theme's own script may complain


def test_a_corrupted_stored_answer_is_set_aside_without_losing_the_others(page, site) -> None:
    first, second = (course().get(i) for i in ("voices/knowledge", "voices/ripple"))
    page.goto(site + SECTION_PAGE)
    good = {
        "activity": second.id,
        "kind": "reflection",
        "value": {"text": "still here"},
        "saved_at": "2026-01-01T10:00:00.000Z",
    }
    page.evaluate(
        "([a, b, good]) => { localStorage.setItem(a, '{broken'); "
        "localStorage.setItem(b, JSON.stringify(good)); }",
        [PREFIX + first.id, PREFIX + second.id, good],
    )
    page.reload()
    assert page.locator(f"section[data-vc-activity='{second.id}'] textarea").input_value() == (
        "still here"
    )
    assert page.locator(f"section[data-vc-activity='{first.id}'] textarea").input_value() == ""
    kept = page.evaluate("(k) => localStorage.getItem(k)", f"{PREFIX}damaged:{first.id}")
    assert kept == "{broken"
    assert_stays_home(page, site)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_is_visible(page) -> bool:
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [s.outlineStyle, s.outlineWidth]; }"
    )
    return style[0] != "none" and style[1] != "0px"


def test_every_kind_of_activity_works_by_keyboard_alone(page, site: str) -> None:
    page.goto(site + "notebooks/00_start_here.html")
    scale = "section[data-vc-activity='start/baseline']"
    tab_to(page, f"{scale} input[type=radio]")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.locator(f"{scale} .vc-status").filter(has_text="Saved").wait_for()
    assert page.locator(f"{scale} input[value='2']").first.is_checked()

    page.goto(site + SECTION_PAGE)
    tab_to(page, "section.vc-reflection textarea")
    page.keyboard.type("Typed with the keyboard")
    page.locator("section.vc-reflection .vc-status").first.filter(has_text="Saved").wait_for()

    scenario = "section.vc-scenario"
    tab_to(page, f"{scenario} input[type=radio]")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.locator(f"{scenario} .vc-feedback:visible").count() == 0
    tab_to(page, f"{scenario} .vc-show-feedback")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.locator(f"{scenario} .vc-feedback:visible").count() == 1

    check = course().get("voices/check")
    for question in check.questions:
        group = f"section.vc-check fieldset[data-vc-question='{question.id}'] input"
        tab_to(page, group)
        page.keyboard.press("Space")
    tab_to(page, "section.vc-check .vc-check-answers")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    verdicts = page.locator("section.vc-check .vc-verdict").all_inner_texts()
    assert len(verdicts) == len(check.questions)
    assert all(verdicts)
    assert_stays_home(page, site)
