"""The A4 PDF: the course as one HTML page, with worksheets, printed by Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

from valued_contributors.downloads import jupyterbook

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise jupyterbook.BuildError(
            "The PDF is printed by Chromium, which is not installed; "
            "install it with `sudo apt-get install chromium`."
        )
    return found


def make(project, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder = jupyterbook.build(project, "singlehtml")
    executable = chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.goto((folder / "index.html").as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(
                path=str(target),
                prefer_css_page_size=True,
                print_background=True,
                outline=True,
                tagged=True,
            )
        finally:
            browser.close()
