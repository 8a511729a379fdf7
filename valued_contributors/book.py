"""Sphinx extension for the built book: serve the activities' script and styles, and keep
every page self-contained (no widget state, no scripts that point at another site)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
SCRIPT = "valued-contributors.js"
STYLES = "valued-contributors.css"
UNWANTED_FILES = {"sphinx-thebe.js", "sphinx-thebe.css"}
UNWANTED_TYPES = {"application/vnd.jupyter.widget-state+json"}
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
        # At the end of the article the script runs as soon as the activities are parsed,
        # instead of waiting behind the theme's large deferred scripts in the head.
        source = context["pathto"](f"_static/{SCRIPT}", 1)
        context["body"] = context["body"].replace(*CITATION_ROLE) + (
            f'<script src="{source}"></script>'
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", lambda app: app.config.html_static_path.append(str(STATIC)))
    app.add_js_file(SCRIPT)
    app.add_css_file(STYLES)
    app.connect("html-page-context", _self_contained, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
