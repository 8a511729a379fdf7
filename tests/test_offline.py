"""The web book keeps working with no signal after one visit, and a new build replaces it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.serving import served
from valued_contributors.downloads.book import MANIFEST, kept_files, service_worker

START = "book/intro.html"
SECTIONS = [
    "notebooks/02_co_production.html",
    "notebooks/03_skills_for_collaborative_practice.html",
    "notebooks/05_relational_approaches.html",
]
CHANGED = SECTIONS[-1]  # where the learner answers
NEW_WORDS = "This paragraph arrived with the new version of the course."
ANSWER = "When the signal drops on my round I still write my notes here."


@pytest.fixture
def own_site(built_book: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built book on its own port (its own origin), which a test may rebuild."""
    folder = tmp_path / "site"
    shutil.copytree(built_book, folder)
    with served(folder) as address:
        yield folder, address


def rebuild_with_a_changed_page(folder: Path) -> None:
    """What a new build does: a page changes, and the service worker is written afresh."""
    page = folder / CHANGED
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", f"</h1><p id='vc-new'>{NEW_WORDS}</p>", 1), "utf-8")
    (folder / "sw.js").write_text(service_worker(kept_files(folder)), encoding="utf-8")


def kept_on_device(tab) -> None:
    tab.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller")


def test_every_kept_file_is_listed_and_sources_are_not(built_book: Path) -> None:
    files = kept_files(built_book)
    pages = {p.relative_to(built_book).as_posix() for p in built_book.rglob("*.html")}
    assert pages <= set(files)
    assert "_static/valued-contributors.js" in files
    assert MANIFEST in files
    assert not [f for f in files if f.startswith("_sources/") or f.endswith(".map")]
    source = (built_book / "sw.js").read_text(encoding="utf-8")
    assert source == service_worker(files), "the written worker lists this build's files"
    assert "://" not in source.split("*/", 1)[1], "the worker fetches nothing from elsewhere"


def test_the_manifest_lets_a_phone_install_the_course(built_book: Path) -> None:
    manifest = json.loads((built_book / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "Valued Contributors"
    assert (built_book / manifest["start_url"]).is_file()
    assert {i["sizes"] for i in manifest["icons"]} == {"192x192", "512x512"}
    assert all((built_book / i["src"]).stat().st_size > 0 for i in manifest["icons"])
    intro = (built_book / START).read_text(encoding="utf-8")
    assert f'<link rel="manifest" href="../{MANIFEST}">' in intro


@pytest.mark.browser
def test_after_one_visit_the_book_works_offline_and_updates_cleanly(browser, own_site) -> None:
    folder, site = own_site
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(site + START)
    kept_on_device(tab)

    context.set_offline(True)
    for section in SECTIONS:
        tab.goto(site + section)
        assert tab.locator("article h1").first.is_visible()
        assert tab.locator("section.vc-activity").count() > 0
    reflection = tab.locator("section.vc-reflection").first
    reflection.locator("textarea").fill(ANSWER)
    reflection.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()
    tab.reload()
    assert tab.locator("section.vc-reflection textarea").first.input_value() == ANSWER
    assert tab.locator("#vc-new").count() == 0

    rebuild_with_a_changed_page(folder)
    context.set_offline(False)
    tab.goto(site + START)
    notice = tab.get_by_role("status").filter(has_text="A new version of the course is ready")
    notice.wait_for()
    context.set_offline(True)
    tab.goto(site + CHANGED)
    assert tab.locator("#vc-new").inner_text() == NEW_WORDS
    assert tab.locator("section.vc-reflection textarea").first.input_value() == ANSWER
    copies = tab.evaluate("caches.keys()")
    assert len([c for c in copies if c.startswith("valued-contributors-")]) == 1, copies
    assert errors == []
    context.close()
