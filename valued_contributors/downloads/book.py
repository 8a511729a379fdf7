"""Sphinx extension for carrying the course: keep the web book on the reader's device (a
service worker and a web app manifest), and list the downloads with their sizes.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from valued_contributors.downloads import FORMATS, human_size, offline

if TYPE_CHECKING:
    from sphinx.builders._epub_base import EpubBuilder

    from valued_contributors.content.model import Activity

WORKER = "sw.js"
WORKER_TEMPLATE = Path(__file__).with_name("service-worker.js")
MANIFEST = "manifest.webmanifest"
REGISTRATION = "valued-contributors-offline.js"
ICONS = {192: "_static/vc-icon-192.png", 512: "_static/vc-icon-512.png"}
THEME_COLOUR = "#0a5a7a"
FONT_FALLBACKS = {".ttf", ".eot", ".woff"}  # browsers that run service workers use .woff2
NOT_KEPT_FOLDERS = {"_static/locales"}  # the theme's translations; this book is in English
DOWNLOADS_FOLDER = "downloads"  # beside the web book's pages, and beside its build folder
NO_DOWNLOADS_WEB = "The copies to download are added when the course is published."
NO_DOWNLOADS_PRINT = "The web book offers the whole course to download: {labels}."
WEB_BUILDERS = {"html"}
PRINT_BUILDERS = {"epub", "singlehtml"}  # the EPUB, and the single page printed to PDF
PRINT_STYLES = "valued-contributors-print.css"
PDF_STYLES = "valued-contributors-pdf.css"
STYLE_ELEMENT = re.compile(r"<style\b.*?</style>", re.S)
SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script>", re.S)
START = "vc-section-start"  # marks where each page of the book begins in the single page
WITH_FIGURES = [("schema:accessMode", "visual"), ("schema:accessibilityFeature", "alternativeText")]
ACCESSIBILITY = [  # EPUB Accessibility 1.1 metadata (schema.org terms) for the e-book's package
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    (
        "schema:accessibilitySummary",
        "Text with headings in order, a table of contents, and activities set out as "
        "worksheets with their answers at the end of each section. Nothing flashes, moves "
        "or plays sound.",
    ),
]
NOT_IN_EPUB = [  # the web book's scripts and app icons; an e-book needs none of them
    "_static/valued-contributors.js",
    "_static/valued-contributors-offline.js",
    *ICONS.values(),
    "favicon.ico",
    f"_static/{PDF_STYLES}",
    "index.html",  # Jupyter Book's redirect to the landing page
]


def _is_web_book(app: Sphinx) -> bool:
    return app.builder.name in WEB_BUILDERS


def printed(app: Sphinx) -> bool:
    """True when this build makes a worksheet copy (EPUB or PDF) rather than the web book."""
    return app.builder.name in PRINT_BUILDERS


def kept_files(html: Path) -> dict[str, str]:
    """Every file the offline book needs, by path from the site root, with a content hash."""
    files = {}
    for path in sorted(html.rglob("*")):
        relative = PurePosixPath(path.relative_to(html).as_posix())
        if (
            path.is_file()
            and offline.wanted(relative)
            and relative.suffix not in FONT_FALLBACKS
            and str(relative) not in {WORKER}
            and not any(str(relative).startswith(f + "/") for f in NOT_KEPT_FOLDERS)
        ):
            files[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return files


def service_worker(files: dict[str, str]) -> str:
    """The service worker's source for this build; it changes whenever any kept file does."""
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    source = WORKER_TEMPLATE.read_text(encoding="utf-8")
    return source.replace("__VERSION__", version).replace(
        "__FILES__", json.dumps(files, indent=0, sort_keys=True)
    )


def web_manifest(app: Sphinx) -> dict[str, Any]:
    """What a phone needs to add the course to its home screen like an app."""
    name = app.config.html_title or app.config.project
    return {
        "name": name,
        "short_name": name,
        "lang": app.config.language,
        "start_url": app.builder.get_target_uri(app.config.root_doc),
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": src, "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any maskable"}
            for n, src in ICONS.items()
        ],
    }


def _head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not _is_web_book(app):
        return
    root = context["pathto"]("", 1)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="manifest" href="{root}{MANIFEST}">'
        f'\n<meta name="theme-color" content="{THEME_COLOUR}">'
        f'\n<link rel="apple-touch-icon" href="{root}{ICONS[192]}">\n'
    )


def _write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    if exception or not _is_web_book(app):
        return
    html = Path(app.outdir)
    _serve_downloads(app)
    (html / MANIFEST).write_text(json.dumps(web_manifest(app), indent=2), encoding="utf-8")
    (html / WORKER).write_text(service_worker(kept_files(html)), encoding="utf-8")


def _no_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """An e-book page runs no script (the theme's and the notebook tools' included) and links
    only files the e-book holds.
    """
    if app.builder.name == "epub":
        context["script_files"] = []
        # myst-nb writes its stylesheet when the build has finished, after the e-book is zipped.
        context["css_files"] = [c for c in context.get("css_files", []) if "mystnb." not in str(c)]
        if "body" in context:
            context["body"] = SCRIPT_ELEMENT.sub("", context["body"])


def _add_registration(app: Sphinx) -> None:
    if _is_web_book(app):
        app.add_js_file(REGISTRATION, defer="defer")
    if printed(app):
        app.add_css_file(PRINT_STYLES)
    if app.builder.name == "singlehtml":
        app.add_css_file(PDF_STYLES)
    if app.builder.name == "epub":
        epub = cast("EpubBuilder", app.builder)
        write_package = epub.build_content

        def with_fixes() -> None:
            # Jupyter Book's table of contents gives links such as "book/../notebooks/x.xhtml",
            # which the reading order (spine) would not find among the e-book's files.
            for refnode in epub.refnodes:
                refnode["refuri"] = posixpath.normpath(refnode["refuri"])
            write_package()
            add_accessibility(Path(epub.outdir) / "content.opf")

        epub.build_content = with_fixes  # type: ignore[method-assign]


def add_accessibility(package: Path) -> None:
    """Write the accessibility metadata into the e-book's package document."""
    from html import escape

    pages = package.parent.rglob("*.xhtml")
    figures = any("<img" in page.read_text(encoding="utf-8") for page in pages)
    terms = ACCESSIBILITY + (WITH_FIGURES if figures else [])
    metas = "".join(f'\n    <meta property="{p}">{escape(v)}</meta>' for p, v in terms)
    opf = package.read_text(encoding="utf-8")
    package.write_text(opf.replace("</metadata>", metas + "\n  </metadata>", 1), "utf-8")


def _section_starts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Mark where each page of the book begins in the single page, so print starts it afresh."""
    if app.builder.name == "singlehtml" and "body" in context:
        context["body"] = context["body"].replace(
            '<span id="document-', f'<span class="{START}" id="document-'
        )


def _page_of(node: nodes.Node) -> nodes.section | None:
    """The top section of the page (one notebook or Markdown file) that holds ``node``."""
    top = None
    while node is not None and not isinstance(node, addnodes.start_of_file | nodes.document):
        if isinstance(node, nodes.section):
            top = node
        node = node.parent
    return top


def _answers_section(activities: list[Activity]) -> nodes.section:
    from valued_contributors.core.html import dom_id, inline
    from valued_contributors.views import worksheet

    section = nodes.section(ids=[dom_id(activities[0].section, "answers")], classes=["vc-answers"])
    section += nodes.title("", worksheet.ANSWERS_TITLE)
    for activity in activities:
        part = nodes.section(ids=[dom_id(activity.id, "answers")])
        title = nodes.title("")
        title += nodes.raw("", inline(activity.title), format="html")
        part += title
        part += nodes.raw("", worksheet.answers(activity), format="html")
        section += part
    return section


def _worksheets(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In the EPUB and the PDF, every activity becomes a worksheet, outputs that only work on
    screen give way to a note, and each page ends with its answers and feedback.
    """
    if not printed(app):
        return
    from valued_contributors.content.compiled import course
    from valued_contributors.views import worksheet

    activities = course().activities
    pages: dict[int, tuple[nodes.section, list[Activity]]] = {}
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split():
            continue
        html = raw.astext()
        note = worksheet.print_note(html)
        activity_id = worksheet.activity_in(html) if note is None else None
        if app.builder.name == "epub" and "<style" in html:
            html = STYLE_ELEMENT.sub("", html)  # EPUB allows style only in the head
            unstyled = nodes.raw("", html, format="html")
            raw.replace_self(unstyled)
            raw = unstyled
        if note == "":
            raw.parent.remove(raw)
        elif note:
            raw.replace_self(nodes.raw("", note, format="html"))
        elif activity_id:
            activity = activities[activity_id]
            page = _page_of(raw)
            raw.replace_self(nodes.raw("", worksheet.render(activity), format="html"))
            if page is not None and worksheet.has_answers(activity):
                pages.setdefault(id(page), (page, []))[1].append(activity)
    for page, listed in pages.values():
        page += _answers_section(listed)


def _epub_settings(app: Sphinx, config: Any) -> None:
    """The e-book's title, author and package details, from the book's own settings."""
    from valued_contributors import __version__

    config.version = config.version or __version__
    if config.html_title and config.project == "Project name not set":
        config.project = config.html_title
    config.epub_title = config.project
    config.epub_author = config.author
    config.epub_publisher = config.author
    config.epub_copyright = config.copyright
    config.epub_basename = "valued-contributors"
    config.epub_identifier = config.epub_uid = "valued-contributors"
    config.epub_use_index = False
    config.epub_show_urls = "no"
    config.epub_exclude_files = NOT_IN_EPUB
    config.epub_description = config.project
    config.nb_mime_priority_overrides = list(config.nb_mime_priority_overrides) + [
        (builder, "application/vnd.jupyter.widget-view+json", 35) for builder in PRINT_BUILDERS
    ]


class download_list(nodes.General, nodes.Element):
    """Where the list of downloads goes; filled in for each builder when the page is written."""


class DownloadList(SphinxDirective):
    """``{course-downloads}``: the course's downloads, each linked with its size."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """A placeholder the download list fills in once the build knows the files."""
        pages: set[str] = getattr(self.env, "vc_download_pages", set())
        pages.add(self.env.docname)
        self.env.vc_download_pages = pages  # type: ignore[attr-defined]
        return [download_list()]


def _built_downloads(app: Sphinx) -> list[tuple[Any, Path]]:
    folder = Path(app.outdir).parent / DOWNLOADS_FOLDER
    return [(f, folder / f.filename) for f in FORMATS if (folder / f.filename).is_file()]


def _fill_download_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for placeholder in list(doctree.findall(download_list)):
        built = _built_downloads(app) if _is_web_book(app) else []
        if not built:
            labels = "; ".join(f.label for f in FORMATS)
            words = (
                NO_DOWNLOADS_WEB if _is_web_book(app) else NO_DOWNLOADS_PRINT.format(labels=labels)
            )
            placeholder.replace_self(nodes.paragraph("", words))
            continue
        items = nodes.bullet_list(classes=["vc-downloads"])
        here = app.builder.get_target_uri(docname)
        for download, path in built:
            uri = relative_uri(here, f"{DOWNLOADS_FOLDER}/{download.filename}")
            link = nodes.reference("", "", refuri=uri, internal=False)
            link += nodes.strong("", download.label)
            size = human_size(path.stat().st_size)
            item = nodes.paragraph("", "")
            item += [link, nodes.Text(f" ({size}): {download.description}.")]
            items += nodes.list_item("", item)
        placeholder.replace_self(items)


def _reread_download_pages(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages that list the downloads are read again on every build: the sizes may change."""
    return sorted(getattr(env, "vc_download_pages", set()) - removed)


def _forget_download_page(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "vc_download_pages", set()).discard(docname)


def _merge_download_pages(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.vc_download_pages = getattr(env, "vc_download_pages", set()) | getattr(
        other, "vc_download_pages", set()
    )


def _serve_downloads(app: Sphinx) -> None:
    """Put the built downloads beside the web book's pages, where its links point."""
    built = _built_downloads(app)
    if built:
        target = Path(app.outdir) / DOWNLOADS_FOLDER
        target.mkdir(exist_ok=True)
        for _, path in built:
            shutil.copyfile(path, target / path.name)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the event handlers with Sphinx."""
    app.add_node(download_list)
    app.add_directive("course-downloads", DownloadList)
    app.connect("env-get-outdated", _reread_download_pages)
    app.connect("env-purge-doc", _forget_download_page)
    app.connect("env-merge-info", _merge_download_pages)
    app.connect("doctree-resolved", _fill_download_lists)
    app.connect("config-inited", _epub_settings)
    app.connect("builder-inited", _add_registration)
    app.connect("doctree-resolved", _worksheets)
    app.connect("html-page-context", _head_links)
    app.connect("html-page-context", _section_starts)
    app.connect("html-page-context", _no_scripts, priority=950)
    app.connect(
        "build-finished", _write_offline_files, priority=900
    )  # after the theme rewrites pygments.css
    return {"parallel_read_safe": True, "parallel_write_safe": True}
