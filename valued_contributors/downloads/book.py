"""Sphinx extension for carrying the course: keep the web book on the reader's device (a
service worker and a web app manifest), and list the downloads with their sizes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx.application import Sphinx

from valued_contributors.downloads import offline

WORKER = "sw.js"
WORKER_TEMPLATE = Path(__file__).with_name("service-worker.js")
MANIFEST = "manifest.webmanifest"
REGISTRATION = "valued-contributors-offline.js"
ICONS = {192: "_static/vc-icon-192.png", 512: "_static/vc-icon-512.png"}
THEME_COLOUR = "#0a5a7a"
FONT_FALLBACKS = {".ttf", ".eot", ".woff"}  # browsers that run service workers use .woff2
NOT_KEPT_FOLDERS = {"_static/locales"}  # the theme's translations; this book is in English
WEB_BUILDERS = {"html"}


def _is_web_book(app: Sphinx) -> bool:
    return app.builder.name in WEB_BUILDERS


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


def _head_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any):
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
    (html / MANIFEST).write_text(json.dumps(web_manifest(app), indent=2), encoding="utf-8")
    (html / WORKER).write_text(service_worker(kept_files(html)), encoding="utf-8")


def _add_registration(app: Sphinx) -> None:
    if _is_web_book(app):
        app.add_js_file(REGISTRATION, defer="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _add_registration)
    app.connect("html-page-context", _head_links)
    app.connect(
        "build-finished", _write_offline_files, priority=900
    )  # after the theme rewrites pygments.css
    return {"parallel_read_safe": True, "parallel_write_safe": True}
