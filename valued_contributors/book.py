"""Sphinx extension for the built book: serve the activities' script and styles, and keep
every page self-contained (no widget state, no scripts that point at another site)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from valued_contributors.downloads.book import printed

STATIC = Path(__file__).parent / "static"
SCRIPT = "valued-contributors.js"
STYLES = "valued-contributors.css"
UNWANTED_FILES = {"sphinx-thebe.js", "sphinx-thebe.css"}
UNWANTED_TYPES = {"application/vnd.jupyter.widget-state+json"}
ACTIVITY_START = "<section class='vc-activity "  # how views/html.py opens every activity
CITATION_ROLE = ('role="doc-biblioentry"', 'role="listitem"')  # a list's items must be listitems


def _ours(asset: Any) -> bool:
    return Path(str(getattr(asset, "filename", asset) or "").split("?")[0]).name == SCRIPT


def _wanted(asset: Any) -> bool:
    """False for thebe (it points at a CDN) and the notebook's widget state (the book uses HTML)."""
    name = Path(str(getattr(asset, "filename", asset) or "").split("?")[0]).name
    attributes = getattr(asset, "attributes", {}) or {}
    body = attributes.get("body", "") or ""
    return (
        name not in UNWANTED_FILES
        and attributes.get("type") not in UNWANTED_TYPES
        and "THEBE_JS_URL" not in body
        and "://" not in str(getattr(asset, "filename", "") or "")
    )


def _self_contained(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any):
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if _wanted(a) and not _ours(a)]
    if "body" in context:
        context["body"] = context["body"].replace(*CITATION_ROLE)
    if "body" in context and not printed(app):
        source = context["pathto"](f"_static/{SCRIPT}", 1)
        context["body"] = with_script(context["body"], source)
        # Fetched from the start, at high priority, beside the stylesheets: ready when needed.
        preload = f'<link rel="preload" href="{source}" as="script">\n'
        context["metatags"] = preload + context.get("metatags", "")


def with_script(body: str, source: str) -> str:
    """The article with the course's script straight after its first activity, or at its end.

    A script placed there runs while the browser is still reading the page, so the first
    activity can be used before the rest of the page has loaded; the script binds the others
    when the page is complete. (Activity sections never contain another section.)
    """
    tag = f'<script src="{source}"></script>'
    first = body.find(ACTIVITY_START)
    end = body.find("</section>", first) if first >= 0 else -1
    if end < 0:
        return body + tag
    end += len("</section>")
    return body[:end] + tag + body[end:]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("valued_contributors.downloads.book")
    app.setup_extension("valued_contributors.bibliography")
    app.connect("builder-inited", lambda app: app.config.html_static_path.append(str(STATIC)))
    app.add_js_file(SCRIPT)
    app.add_css_file(STYLES)
    app.connect("html-page-context", _self_contained, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
