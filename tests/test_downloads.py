"""The downloads a learner can carry: the offline zip, the EPUB and the PDF."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from valued_contributors.downloads import Project, by_name, human_size

REFLECTION_TEXT = "On the night shift I note what families tell me."


def toc_pages() -> list[str]:
    """Every page of the book in reading order, as paths without a suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc["parts"]:
        pages += [chapter["file"] for chapter in part["chapters"]]
    return pages


@pytest.fixture(scope="session")
def project(built_book: Path) -> Project:
    """The test run's built book as a project whose downloads go beside it."""
    return Project(ROOT, built_book.parent)


@pytest.fixture(scope="session")
def offline_zip(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    (download,) = by_name(["valued-contributors-offline.zip"])
    target = tmp_path_factory.mktemp("downloads") / download.filename
    download.make(project, target)
    return target


def test_the_offline_zip_holds_every_page_and_no_sources(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
    assert "valued-contributors/index.html" in names
    missing = [p for p in toc_pages() if f"valued-contributors/{p}.html" not in names]
    assert missing == []
    assert not [n for n in names if "/_sources/" in n or n.endswith((".map", ".ipynb"))]


@pytest.mark.browser
def test_the_unzipped_book_works_from_disk(browser, offline_zip: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(tmp_path)
    start = (tmp_path / "valued-contributors" / "index.html").as_uri()
    context = browser.new_context()
    tab = context.new_page()
    failed = []
    tab.on("requestfailed", lambda r: failed.append(r.url))
    tab.goto(start)
    tab.wait_for_url("**/book/intro.html")
    links = tab.locator("nav.bd-docs-nav a.reference.internal")
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    base = (tmp_path / "valued-contributors").as_uri() + "/"
    reached = {h.split("#")[0].removeprefix(base).removesuffix(".html") for h in hrefs}
    assert set(toc_pages()) - {toc_pages()[0]} <= reached

    for href in dict.fromkeys(h.split("#")[0] for h in hrefs):
        tab.goto(href)
        heading = tab.locator("article h1").first
        assert heading.is_visible(), f"no heading on {href}"
    assert failed == [], f"missing from the zip: {failed}"

    tab.goto(base + "notebooks/01_why_every_voice_counts.html")
    reflection = tab.locator("section.vc-reflection").first
    reflection.locator("textarea").fill(REFLECTION_TEXT)
    reflection.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()
    tab.reload()
    assert tab.locator("section.vc-reflection").first.locator("textarea").input_value() == (
        REFLECTION_TEXT
    )
    tab.goto(base + "book/your-answers.html")
    stored = "() => Object.values(localStorage).join(' ')"
    assert REFLECTION_TEXT in tab.evaluate(stored), "other pages on disk share the answers"
    context.close()


def test_sizes_read_as_a_learner_expects() -> None:
    assert human_size(1_730_000) == "1.7 MB"
    assert human_size(820_400) == "820 KB"
    assert human_size(12) == "1 KB"
