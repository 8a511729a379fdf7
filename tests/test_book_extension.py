"""The course's Sphinx extension on a two-page book built in-process (tests/roots/test-book): the
script straight after the first activity, and nothing the pages do not use. It takes seconds,
where the whole book (tests/test_book.py) takes minutes.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers.paths import TESTS
from valued_contributors import book
from valued_contributors.views.html import OPENING

ROOT = TESTS / "roots" / "test-book"
SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
STYLESHEET_TAG = re.compile(r"<link\b[^>]*rel=\"stylesheet\"[^>]*>")


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test book, built once for this module with warnings as errors; its html folder."""
    source = tmp_path_factory.mktemp("test-book")
    shutil.copytree(ROOT, source, dirs_exist_ok=True)
    warnings = io.StringIO()
    app = SphinxTestApp(
        "html", srcdir=source, freshenv=True, status=io.StringIO(), warning=warnings
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert not warnings.getvalue(), warnings.getvalue()
    return Path(app.outdir)


def assets(page: str) -> list[str]:
    """Every script and stylesheet a page loads, by file name."""
    tags = SCRIPT_TAG.findall(page) + STYLESHEET_TAG.findall(page)
    found = [re.search(r'(?:src|href)="([^"]+)"', tag) for tag in tags]
    return [Path(m.group(1).split("?")[0]).name for m in found if m]


def test_the_script_comes_straight_after_the_first_activity(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    tag = f'<script src="_static/{book.SCRIPT}"></script>'
    assert page.count(tag) == 1
    first, second = (m.start() for m in re.finditer(OPENING, page))
    first_end = page.index("</section>", first) + len("</section>")
    assert page.index(tag) == first_end, "the script is not right after the first activity"
    assert first_end < second
    assert f'<link rel="preload" href="_static/{book.SCRIPT}" as="script">' in page
    assert assets(page).count(book.SCRIPT) == 1, "the script is also in the page's head"
    assert (html / "_static" / book.SCRIPT).is_file()
    assert (html / "_static" / book.STYLES).is_file()


def test_a_page_without_activities_has_the_script_at_its_end(html: Path) -> None:
    page = (html / "code.html").read_text(encoding="utf-8")
    tag = f'<script src="_static/{book.SCRIPT}"></script>'
    assert page.count(tag) == 1
    article = page[: page.index("</article>")] if "</article>" in page else page
    assert tag in article


def test_assets_the_pages_do_not_use_are_dropped(html: Path) -> None:
    index = assets((html / "index.html").read_text(encoding="utf-8"))
    code = assets((html / "code.html").read_text(encoding="utf-8"))
    assert not set(index) & book.UNWANTED_FILES, "an unused extension's asset is loaded"
    assert not set(index) & book.CODE_ONLY_FILES, "copy buttons on a page without code"
    assert {"copybutton.js", "clipboard.min.js"} <= set(code), "the code page lost its copy button"
    assert book.STYLES in index
    assert not [a for a in index + code if "://" in a]
    for dropped in book.DROPPED_FILES:
        assert not list(html.glob(dropped + "*")), f"{dropped} is still in the build"


def test_the_icon_font_keeps_only_the_icons_in_use(html: Path) -> None:
    from fontTools.ttLib import TTFont

    font = html / (book.ICON_FONT + ".woff2")
    assert font.is_file()
    kept = set(TTFont(str(font)).getBestCmap())
    assert kept == book.icon_codepoints(html)
    assert 0 < len(kept) < 100
