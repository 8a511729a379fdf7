"""The downloads a learner can carry: the offline zip, the EPUB and the PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname
from xml.etree import ElementTree

import pytest
import yaml

from tests.helpers.downloads import make_download
from tests.helpers.paths import ROOT
from tests.helpers.text import plain
from valued_contributors.content.compiled import course
from valued_contributors.content.model import Check, Confidence, Reflection
from valued_contributors.downloads import Project, by_name, human_size, jupyterbook
from valued_contributors.downloads.book import NO_DOWNLOADS_WEB
from valued_contributors.views import worksheet

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
    return make_download(project, "valued-contributors-offline.zip", tmp_path_factory)


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
    # A request a quick navigation cuts short also fails; only absent files matter here.
    missing = [u for u in failed if not Path(url2pathname(urlparse(u).path)).is_file()]
    assert missing == [], f"missing from the zip: {missing}"

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


def prompts(activity) -> list[str]:
    """The words every worksheet must show for ``activity``."""
    if isinstance(activity, Reflection):
        return [activity.prompt] + ([activity.guidance] if activity.guidance else [])
    if isinstance(activity, Confidence):
        return [s.text for s in activity.statements]
    if isinstance(activity, Check):
        return [q.text for q in activity.questions]
    return [activity.situation, activity.question] + [c.text for c in activity.choices]


@pytest.fixture(scope="session")
def epub_file(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_download(project, "epub", tmp_path_factory)


def test_epubcheck_finds_no_errors(epub_file: Path) -> None:
    if not shutil.which("java"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Java is missing; install default-jre-headless")
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    epubcheck = Path(sys.executable).with_name("epubcheck")
    result = subprocess.run([str(epubcheck), str(epub_file)], capture_output=True, text=True)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "ERROR" not in report, report
    assert "FATAL" not in report, report


def test_the_epub_holds_every_section_and_every_worksheet(epub_file: Path) -> None:
    with zipfile.ZipFile(epub_file) as archive:
        assert archive.namelist()[0] == "mimetype"
        opf = archive.read("content.opf").decode("utf-8")
        pages = {
            n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("xhtml")
        }
    package = ElementTree.fromstring(opf)
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    files = {i.get("id"): i.get("href") for i in package.iterfind(".//opf:manifest/opf:item", ns)}
    spine = [files[i.get("idref")] for i in package.iterfind(".//opf:spine/opf:itemref", ns)]
    assert [p for p in toc_pages() if f"{p}.xhtml" not in spine] == []
    assert package.findtext(".//dc:title", namespaces=ns) == "Valued Contributors"
    properties = {m.get("property") for m in package.iterfind(".//opf:meta", ns)}
    assert {
        "schema:accessMode",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
        "schema:accessModeSufficient",
    } <= properties

    text = {}
    for name, xhtml in pages.items():
        tree = ElementTree.fromstring(xhtml)  # every page is well-formed XHTML
        text[name] = " ".join(" ".join(tree.itertext()).split())
        assert "<textarea" not in xhtml
        assert "<input" not in xhtml
        assert "<script" not in xhtml
        for image in tree.iter("{http://www.w3.org/1999/xhtml}img"):
            assert image.get("alt", "").strip(), f"a figure in {name} has no text alternative"
    everything = " ".join(text.values())
    missing = [
        (a.id, words[:60])
        for a in course().activities.values()
        for words in map(plain, prompts(a))
        if words not in everything
    ]
    assert missing == []
    for activity in course().activities.values():
        if isinstance(activity, Check):
            for option in (o for q in activity.questions for o in q.options):
                assert plain(option.feedback) in everything, f"feedback missing in {activity.id}"
    assert "Answers and feedback" in text["notebooks/01_why_every_voice_counts.xhtml"]
    assert "Glossary" in text["book/glossary.xhtml"]
    assert "References" in text["book/references.xhtml"]


def page_titles(html: Path) -> dict[str, str]:
    """Each book page's title, as its HTML gives it."""
    titles = {}
    for page in toc_pages():
        head = (html / f"{page}.html").read_text(encoding="utf-8")
        title = unescape(re.search(r"<title>(.*?)</title>", head, re.S).group(1))
        titles[page] = " ".join(title.rsplit(" \u2014 ", 1)[0].split())
    return titles


@pytest.fixture(scope="session")
def pdf_file(project: Project, tmp_path_factory: pytest.TempPathFactory, browser) -> Path:
    """The PDF; ``browser`` makes it skip or fail as every browser test does without Chromium."""
    return make_download(project, "pdf", tmp_path_factory)


@pytest.mark.browser
def test_the_pdf_is_a4_with_every_section_numbered_pages_and_worksheets(
    pdf_file: Path, built_book: Path, record_property
) -> None:
    info = subprocess.run(["pdfinfo", str(pdf_file)], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width - 595.3) < 2, info
    assert abs(height - 841.9) < 2, info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    record_property("pdf_pages", pages)
    print(f"The PDF has {pages} A4 pages.")
    text = subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    missing = [t for t in page_titles(built_book).values() if t not in flat]
    assert missing == []
    assert "Contents" in flat
    assert f"Page 1 of {pages}" in flat
    assert f"Page {pages} of {pages}" in flat
    reflections = [a for a in course().activities.values() if isinstance(a, Reflection)]
    assert flat.count(worksheet.WRITE_HERE) == len(reflections)
    assert flat.count(worksheet.ANSWERS_TITLE) >= 6
    checks = [a for a in course().activities.values() if isinstance(a, Check)]
    assert flat.count(worksheet.ANSWERS_LATER) == len(checks)


def test_the_landing_pages_link_each_download_with_its_size(
    project: Project, offline_zip: Path
) -> None:
    """Runs last here: it rebuilds the test run's book with a download beside it."""
    pages = ("book/intro.html", "book/how-to-use.html")
    for page in pages:
        assert NO_DOWNLOADS_WEB in (project.html / page).read_text(encoding="utf-8")
    project.downloads.mkdir(exist_ok=True)
    shutil.copyfile(offline_zip, project.downloads / offline_zip.name)
    jupyterbook.build(project, "html")
    (download,) = by_name([offline_zip.name])
    for page in pages:
        html = (project.html / page).read_text(encoding="utf-8")
        link = re.search(
            rf'href="\.\./downloads/{re.escape(offline_zip.name)}"><strong>(.*?)</strong></a>'
            r" \((.*?)\)",
            html,
        )
        assert link, f"{page} does not link the offline zip"
        assert link.groups() == (download.label, human_size(offline_zip.stat().st_size))
        assert NO_DOWNLOADS_WEB not in html
    served = project.html / "downloads" / offline_zip.name
    assert served.read_bytes() == offline_zip.read_bytes()
