"""The built book: it builds with warnings as errors, holds every activity and loads nothing
from any other site.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.helpers.notebooks import NOTEBOOKS, shown_ids

LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src"}


class Loads(HTMLParser):
    """Collects every address a page would fetch by itself (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.widget_state = False
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in LOADING and values.get(LOADING[tag]):
            self.addresses.append(values[LOADING[tag]] or "")
        if tag == "link" and values.get("rel") in {"stylesheet", "preload", "icon", "prefetch"}:
            self.addresses.append(values.get("href") or "")
        if tag == "img" and not (values.get("alt") or "").strip():
            self.images_without_alt.append(values.get("src") or "")
        if tag == "script" and "widget-state" in (values.get("type") or ""):
            self.widget_state = True


def pages(html_dir: Path) -> list[Path]:
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts)


def test_the_book_builds_with_every_activity(built_book: Path) -> None:
    for notebook in NOTEBOOKS:
        page = built_book / "notebooks" / notebook.with_suffix(".html").name
        text = page.read_text(encoding="utf-8")
        for activity in shown_ids(notebook):
            assert f"data-vc-activity='{activity}'" in text, f"{activity} missing from {page.name}"
        assert "application/vnd.jupyter.widget-view+json" not in text
    assert (built_book / "_static" / "valued-contributors.js").exists()
    first_activity = (built_book / "notebooks" / f"{NOTEBOOKS[1].stem}.html").read_text("utf-8")
    assert '</section><script src="../_static/valued-contributors.js"></script>' in first_activity
    assert (built_book / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an icon file


def test_no_page_loads_anything_from_another_site(built_book: Path) -> None:
    checked = 0
    for page in pages(built_book):
        parser = Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [a for a in parser.addresses if "://" in a or a.startswith("//")]
        assert external == [], f"{page.name} loads {external}"
        assert not parser.widget_state, f"{page.name} carries notebook widget state"
        assert parser.images_without_alt == [], f"{page.name}: images without alt text"
        checked += 1
    assert checked >= 5


def test_pages_load_only_what_they_use(built_book: Path) -> None:
    """No fontawesome.js, the search index on the search page only, no assets of unused
    extensions, no fullscreen or download buttons, and a description on every page.
    """
    assert not (built_book / "_static" / "scripts" / "fontawesome.js").exists()
    assert not (built_book / "_sources").exists()
    unused = ("sphinx-design", "design-tabs.js", "togglebutton", "sphinx-thebe", "fontawesome.js")
    for page in pages(built_book):
        if page.name == "index.html" and page.parent == built_book:
            continue  # the redirect to the first page
        parser = Loads()
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        loaded = " ".join(parser.addresses)
        assert not [name for name in unused if name in loaded], f"{page.name} loads {unused}"
        assert ("searchindex.js" in loaded) == (page.name == "search.html"), page.name
        assert ("copybutton.js" in loaded) == ('<div class="highlight' in text), page.name
        assert "btn-fullscreen-button" not in text, page.name
        assert ".ipynb" not in text, page.name
        assert '<meta name="description" content="A free self-study course' in text, page.name


def test_the_icon_font_holds_every_icon_the_pages_use_and_no_more(built_book: Path) -> None:
    from fontTools.ttLib import TTFont

    from valued_contributors.book import ICON_FONT, icon_codepoints

    wanted = icon_codepoints(built_book)
    assert {0xF0C9, 0xF002, 0xF185} <= wanted  # the menu, search and light-mode icons
    for suffix in (".woff2", ".ttf"):
        font = TTFont(built_book / (ICON_FONT + suffix))
        assert wanted <= set(font.getBestCmap()), suffix
        assert len(font.getBestCmap()) <= len(wanted) + 2, suffix
    assert (built_book / (ICON_FONT + ".woff2")).stat().st_size < 10_000
