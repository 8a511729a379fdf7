"""The built book as learners meet it: on a phone, in dark mode, with a keyboard and a screen
reader, without JavaScript, with storage blocked, and printed on paper.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers.browser import SECTION_PAGE, assert_stays_home
from tests.helpers.paths import ROOT
from valued_contributors.content.compiled import course

pytestmark = pytest.mark.browser
RECORD_PAGE = "notebooks/07_my_learning_record.html"
WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
ARTICLE = {"include": [["article.bd-article"]]}
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
BLOCKED_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
  });
}
"""
SAVES = """
window.__saves = 0;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("valued-contributors:v1:")) window.__saves += 1;
  return setItem.call(this, key, value);
};
"""


def book_pages(built_book: Path) -> list[str]:
    """Every page a reader can open (the site root only redirects)."""
    return [
        p.relative_to(built_book).as_posix()
        for p in sorted(built_book.rglob("*.html"))
        if "_static" not in p.parts and p.relative_to(built_book).as_posix() != "index.html"
    ]


def toc_pages() -> list[str]:
    """The pages _toc.yml lists, as built paths."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc["parts"]:
        files += [chapter["file"] for chapter in part["chapters"]]
    return [f"{name}.html" for name in files]


def violations(page, axe, context: dict | None = None) -> list[str]:
    found = axe.run(page, context=context, options=WCAG_22_AA).response["violations"]
    return [f"{v['id']} ({v['help']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


def answer_every_activity(page) -> int:
    """Answer each activity on the page the way a reader would; returns how many."""
    boxes = page.locator("section.vc-activity")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        kind = box.get_attribute("data-vc-kind")
        if kind == "reflection":
            box.locator("textarea").fill("First thought.\n\nSecond thought.")
        elif kind == "confidence":
            for statement in box.locator("fieldset").all():
                statement.locator("input[value='3']").check()
        elif kind == "check":
            for question in box.locator("fieldset.vc-question").all():
                question.locator("input").first.check()
            box.get_by_role("button", name="Check my answers").click()
            box.locator(".vc-check-summary:not([hidden])").wait_for()
        elif kind == "scenario":
            box.locator("input[type=radio]").first.check()
            box.get_by_role("button", name="Show feedback").click()
        box.locator(".vc-status").filter(has_text="Saved").wait_for()
    return boxes.count()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_meets_wcag_22_aa_before_and_after_answering(
    browser, site: str, built_book: Path, width: int, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(
        viewport={"width": width, "height": 812}, color_scheme=scheme, is_mobile=width < 400
    )
    page = context.new_page()
    problems, answered = [], 0
    pages = book_pages(built_book)
    for relative in pages:
        page.goto(site + relative)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        problems += [f"{relative}: {v}" for v in violations(page, axe)]
    for relative in pages:
        page.goto(site + relative)
        if page.locator("section.vc-activity").count():
            answered += answer_every_activity(page)
            problems += [f"{relative} answered: {v}" for v in violations(page, axe, ARTICLE)]
    page.goto(site + RECORD_PAGE)
    page.locator("[data-vc-entry][data-vc-done]").first.wait_for()
    problems += [f"{RECORD_PAGE} filled: {v}" for v in violations(page, axe, ARTICLE)]
    context.close()
    assert len(pages) >= 15
    assert answered >= 20
    assert problems == [], "\n".join(problems)


def on_top(page, locator) -> bool:
    """The element is inside the viewport and is what a tap at its centre would hit."""
    box = locator.bounding_box()
    viewport = page.viewport_size
    if not box or box["width"] == 0:
        return False
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if not (0 <= x <= viewport["width"] and 0 <= y <= viewport["height"]):
        return False
    return locator.evaluate(
        "(el, [x, y]) => { const hit = document.elementFromPoint(x, y);"
        " return hit === el || el.contains(hit); }",
        [x, y],
    )


def test_the_phone_menu_and_contents_buttons_open_their_lists(browser, site: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site + SECTION_PAGE)
    link = page.locator("#pst-primary-sidebar-modal a", has_text="2. Co-production")
    assert not link.count() or not on_top(page, link)
    page.locator(".primary-toggle:visible").tap()
    page.locator("#pst-primary-sidebar-modal[open]").wait_for()
    link.wait_for()
    assert on_top(page, link)
    link.tap()
    page.wait_for_url("**/02_co_production.html")

    page.locator(".secondary-toggle:visible").tap()
    page.locator("#pst-secondary-sidebar-modal[open]").wait_for()
    entry = page.locator("#pst-secondary-sidebar-modal a.nav-link").first
    assert on_top(page, entry)
    context.close()


def test_the_wide_screen_menu_button_hides_and_shows_the_sections(page, site: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site + SECTION_PAGE)
    link = page.locator("#pst-primary-sidebar a", has_text="2. Co-production")
    assert on_top(page, link)
    off_screen = "document.querySelector('#pst-primary-sidebar').getBoundingClientRect().right"
    page.locator(".primary-toggle:visible").click()
    page.wait_for_function(f"{off_screen} <= 0")
    page.locator(".primary-toggle:visible").click()
    page.wait_for_function(f"{off_screen} > 0")
    page.wait_for_function("el => el.getBoundingClientRect().left >= 0", arg=link.element_handle())
    assert on_top(page, link)
    assert_stays_home(page, site)


def test_without_javascript_the_footer_lists_every_section_and_feedback_opens(
    browser, site: str
) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site + SECTION_PAGE)
    listed = page.locator("nav.vc-sections a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname.replace(/^\\//, ''))"
    )
    assert sorted(listed) == sorted(toc_pages())
    note = page.locator(".vc-activity .vc-warning").first
    assert note.is_visible()
    assert "nothing you write or choose here is saved" in note.inner_text()
    for name in ("Check my answers", "Show feedback"):
        buttons = page.locator("button", has_text=name)
        assert buttons.count() > 0
        assert not any(b.is_visible() for b in buttons.all())

    scenario = page.locator("section.vc-scenario").first
    feedback = scenario.locator(".vc-feedback").first
    body = feedback.locator("p").first
    assert not body.is_visible()
    feedback.locator("summary").click()
    assert body.is_visible()
    assert body.inner_text().strip()
    discussion = scenario.locator(".vc-discussion")
    discussion.locator("summary").click()
    assert discussion.locator("p").first.is_visible()

    page.locator("nav.vc-sections a", has_text="2. Co-production").click()
    page.wait_for_url("**/02_co_production.html")
    context.close()


def stored(page, activity_id: str):
    return page.evaluate("(k) => localStorage.getItem(k)", f"valued-contributors:v1:{activity_id}")


def test_arrowing_through_a_scenario_saves_nothing_until_show_feedback(page, site: str) -> None:
    page.goto(site + SECTION_PAGE)
    scenario = page.locator("section.vc-scenario").first
    scenario_id = scenario.get_attribute("data-vc-activity")
    scenario.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert stored(page, scenario_id) is None
    assert scenario.locator(".vc-feedback:visible").count() == 0
    assert scenario.locator(".vc-discussion:visible").count() == 0
    chosen = scenario.locator("input[type=radio]:checked").get_attribute("value")

    scenario.get_by_role("button", name="Show feedback").click()
    assert '"choice":"' + chosen + '"' in stored(page, scenario_id)
    shown = scenario.locator(".vc-feedback:visible")
    assert shown.count() == 1
    assert shown.get_attribute("data-vc-option") == chosen
    live = scenario.locator("[role=status]")
    assert live.count() == 1
    assert live.inner_text() == "Feedback: " + " ".join(shown.inner_text().split())
    assert scenario.locator(".vc-discussion").is_visible()


def test_a_scenario_without_a_choice_says_what_to_do(page, site: str) -> None:
    page.goto(site + SECTION_PAGE)
    scenario = page.locator("section.vc-scenario").first
    scenario.get_by_role("button", name="Show feedback").click()
    note = scenario.locator(".vc-status.vc-problem")
    assert note.inner_text() == "Choose one of the options first, then press Show feedback."
    assert scenario.locator("[role=status]").inner_text() == note.inner_text()
    assert stored(page, scenario.get_attribute("data-vc-activity")) is None


def test_saved_is_announced_once_for_a_burst_of_typing(page, site: str) -> None:
    page.add_init_script(SAVES)
    page.goto(site + SECTION_PAGE)
    reflection = page.locator("section.vc-reflection").first
    live = reflection.locator("[role=status]")
    assert live.count() == 1
    assert (
        page.locator("section.vc-activity").count()
        == page.locator("section.vc-activity [aria-live]").count()
    )
    live.evaluate(
        "el => { window.__said = []; new MutationObserver(() => window.__said.push(el.textContent))"
        ".observe(el, {childList: true, characterData: true, subtree: true}); }"
    )
    area = reflection.locator("textarea")
    area.click()
    for n, word in enumerate(["One", " two", " three"], start=1):
        page.keyboard.type(word)
        page.wait_for_function(f"window.__saves >= {n}")
    said = page.evaluate("window.__said")
    assert len(said) == 1
    assert said[0].startswith("Saved in this browser")
    page.locator("section.vc-activity").nth(1).locator("input, textarea").first.focus()
    area.click()
    page.keyboard.type(" four")
    page.wait_for_function("window.__saves >= 4")
    assert len(page.evaluate("window.__said")) == 2  # a new visit to the activity, a new burst


def test_check_my_answers_moves_focus_to_a_summary_with_links(page, site: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site + SECTION_PAGE)
    check = page.locator("section.vc-check").first
    activity = course().get(check.get_attribute("data-vc-activity"))
    for question in activity.questions:
        right = sorted(question.correct_ids)[0]
        wrong = next(o.id for o in question.options if o.id not in question.correct_ids)
        pick = right if question is activity.questions[0] else wrong
        check.locator(f"fieldset[data-vc-question='{question.id}'] input[value='{pick}']").check()
    check.get_by_role("button", name="Check my answers").click()

    summary = check.locator(".vc-check-summary")
    assert page.evaluate("document.activeElement.classList.contains('vc-check-summary')")
    assert on_top(page, summary.locator(".vc-score"))
    first_question = check.locator("fieldset.vc-question").first.bounding_box()
    assert summary.bounding_box()["y"] < first_question["y"]
    links = summary.locator("a")
    assert links.count() == len(activity.questions)
    for n in range(links.count()):
        target = links.nth(n).get_attribute("href")
        assert check.locator(f"fieldset{target}").count() == 1
        assert links.nth(n).inner_text() == f"Question {n + 1}"
    marks = check.locator(".vc-verdict").evaluate_all(
        "ps => ps.map(p => getComputedStyle(p, '::before').content + p.textContent)"
    )
    assert marks[0].startswith('"✓ "Correct')
    assert all(m.startswith('"✗ "Not quite') for m in marks[1:])
    links.nth(1).click()
    assert page.url.endswith(links.nth(1).get_attribute("href"))
    assert_stays_home(page, site)


def test_search_and_the_colour_toggle_work_when_storage_is_blocked(page, site: str) -> None:
    page.add_init_script(BLOCKED_STORAGE)
    page.goto(site + SECTION_PAGE)
    before = page.evaluate("document.documentElement.dataset.mode")
    page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.mode") != before
    box = page.locator("section.vc-reflection").first
    box.locator("textarea").fill("Only on the page")
    assert "Not saved" in box.locator(".vc-status.vc-problem").inner_text()

    page.goto(site + "search.html?q=co-production")
    page.locator("#search-results li").first.wait_for()
    assert page.locator("#search-results li").count() > 0
    assert_stays_home(page, site)


def pdf_text(pdf: Path) -> tuple[str, str, str]:
    """The PDF's text in reading order, laid out as on the page, and its document information."""

    def run(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    return (
        run("pdftotext", str(pdf), "-"),
        run("pdftotext", "-layout", str(pdf), "-"),
        run("pdfinfo", str(pdf)),
    )


def test_print_my_record_prints_the_downloaded_record_alone_on_a4(
    page, site: str, tmp_path: Path
) -> None:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run does)")
    page.goto(site + SECTION_PAGE)
    reflection = page.locator("section.vc-reflection").first
    reflection.locator("textarea").fill("Listening first.\n\nThen we plan the rota together.")
    reflection.locator(".vc-status").filter(has_text="Saved").wait_for()
    scenario = page.locator("section.vc-scenario").first
    scenario.locator("input[type=radio]").first.check()
    scenario.get_by_role("button", name="Show feedback").click()
    check = page.locator("section.vc-check").first
    for question in check.locator("fieldset.vc-question").all():
        question.locator("input").first.check()
    check.get_by_role("button", name="Check my answers").click()

    page.goto(site + RECORD_PAGE)
    page.locator(".vc-record-name").fill("Morag Reid")
    page.evaluate("() => { window.__printed = 0; }")
    page.get_by_role("button", name="Print my record").click()
    frame = page.locator("iframe.vc-print-frame")
    frame.wait_for(state="attached")
    printed = frame.get_attribute("srcdoc")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my record (HTML)").click()
    saved = tmp_path / "my-learning-record.html"
    download.value.save_as(saved)
    assert printed == saved.read_text(encoding="utf-8")

    pdf = tmp_path / "record.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            saved.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    text, laid_out, info = pdf_text(pdf)
    flat = " ".join(text.split())
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info)
    assert "Learning record: Valued Contributors" in flat
    assert "Name: Morag Reid" in flat
    assert re.search(r"Listening first\.\s*\n\s*\n\s*Then we plan the rota together\.", laid_out)
    assert "YOUR ANSWER" in text
    assert re.search(r"— (Correct|Not quite)\b", flat)
    for label in (
        "Hours spent on this learning",
        "Date",
        "Supervisor's or manager's comment",
        "Supervisor's or manager's signature",
    ):
        assert label in flat
    assert "Not answered yet" not in flat
    assert "Not rated" not in flat
    for coaching in (
        "This page gathers everything",
        "Your name and role stay in this browser",
        "Share this answer with my team",
        "Print my record",
        "Feedback:",
        "try again if you like",
    ):
        assert coaching not in flat
    sections = [s.title for s in course().sections]
    assert sum(title in flat for title in sections) == 1  # only the section with answers
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 3
