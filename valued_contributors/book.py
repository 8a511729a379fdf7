"""Sphinx extension for the built book: serve the activities' script and styles, give every web
page the contract the scripts read (valued_contributors/contract.py), and keep every page
self-contained (no widget state, no scripts that point at another site).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from valued_contributors.contract import script_block
from valued_contributors.downloads.book import printed
from valued_contributors.views.html import OPENING

STATIC = Path(__file__).parent / "static"
SCRIPT = "valued-contributors.js"
STYLES = "valued-contributors.css"
# Assets of extensions jupyter-book turns on that this book never uses (thebe also points at a
# CDN); copy buttons are kept only on pages that show code.
UNWANTED_FILES = {
    "sphinx-thebe.js",
    "sphinx-thebe.css",
    "sphinx-design.min.css",
    "design-tabs.js",
    "togglebutton.js",
    "togglebutton.css",
}
UNWANTED_BODIES = ("THEBE_JS_URL", "toggleHint", "toggleOpenOnPrint", "togglebuttonSelector")
CODE_ONLY_FILES = {"clipboard.min.js", "copybutton.js", "copybutton.css"}
CODE_BLOCK = '<div class="highlight'
DROPPED_FILES = ("_static/scripts/fontawesome.js",)  # the theme's icon font draws the icons
# The theme's solid icon font (156 KB) is cut down to the few icons the pages use.
ICON_FONT = "_static/vendor/fontawesome/webfonts/fa-solid-900"
ICON_CODES = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\([0-9a-f]+)"\}')
ICON_NAMES = re.compile(r"\bfa-([a-z0-9-]+)")
UNWANTED_TYPES = {"application/vnd.jupyter.widget-state+json"}
CITATION_ROLE = ('role="doc-biblioentry"', 'role="listitem"')  # a list's items must be listitems


def _name(asset: Any) -> str:
    return Path(str(getattr(asset, "filename", asset) or "").split("?")[0]).name


def _ours(asset: Any) -> bool:
    return _name(asset) == SCRIPT


def _wanted(asset: Any, shows_code: bool = True) -> bool:
    """False for assets the page does not use, anything from another site and the notebook's
    widget state (the book uses HTML).
    """
    name = _name(asset)
    attributes = getattr(asset, "attributes", {}) or {}
    body = attributes.get("body", "") or ""
    return (
        name not in UNWANTED_FILES
        and (shows_code or name not in CODE_ONLY_FILES)
        and attributes.get("type") not in UNWANTED_TYPES
        and not any(marker in body for marker in UNWANTED_BODIES)
        and "://" not in str(getattr(asset, "filename", "") or "")
    )


def _self_contained(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    shows_code = CODE_BLOCK in context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if _wanted(a, shows_code) and not _ours(a)]
    if "body" in context:
        context["body"] = context["body"].replace(*CITATION_ROLE)
    context["vc_web_book"] = not printed(app)  # book/_templates/layout.html reads it
    if "body" in context and not printed(app):
        source = context["pathto"](f"_static/{SCRIPT}", 1)
        context["body"] = script_block() + with_script(context["body"], source)
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
    first = body.find(OPENING)
    end = body.find("</section>", first) if first >= 0 else -1
    if end < 0:
        return body + tag
    end += len("</section>")
    return body[:end] + tag + body[end:]


def _drop_unused_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and not printed(app):
        for name in DROPPED_FILES:
            for path in Path(app.outdir).glob(name + "*"):
                path.unlink()
        subset_icon_font(Path(app.outdir))


def icon_codepoints(outdir: Path) -> set[int]:
    """The code points of every icon the built pages and the theme's scripts name."""
    stylesheet = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    if not stylesheet.exists():
        return set()
    css = stylesheet.read_text("utf-8")
    codes = {}
    for selectors, code in ICON_CODES.findall(css):
        for name in re.findall(r"\.fa-([a-z0-9-]+):before", selectors):
            codes[name] = int(code, 16)
    texts = [p.read_text("utf-8") for p in outdir.rglob("*.html") if "_static" not in p.parts]
    texts += [p.read_text("utf-8") for p in (outdir / "_static" / "scripts").glob("*.js")]
    used = {name for text in texts for name in ICON_NAMES.findall(text)}
    return {codes[name] for name in used if name in codes}


def subset_icon_font(outdir: Path) -> None:
    """Keep only the icons in use in the theme's solid icon font (both formats)."""
    from fontTools import subset

    unicodes = icon_codepoints(outdir)
    for suffix, flavor in ((".woff2", "woff2"), (".ttf", None)):
        path = outdir / (ICON_FONT + suffix)
        if not path.exists() or not unicodes:
            continue
        options = subset.Options()
        options.flavor = flavor
        font = subset.load_font(str(path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(unicodes))
        subsetter.subset(font)
        subset.save_font(font, str(path), options)
        font.close()  # the font file stays open until then


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension: its script and styles, and the handlers that keep pages lean."""
    app.setup_extension("valued_contributors.downloads.book")
    app.setup_extension("valued_contributors.bibliography")
    app.connect("builder-inited", lambda app: app.config.html_static_path.append(str(STATIC)))
    app.add_js_file(SCRIPT)
    app.add_css_file(STYLES)
    app.connect("html-page-context", _self_contained, priority=900)
    app.connect("build-finished", _drop_unused_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
