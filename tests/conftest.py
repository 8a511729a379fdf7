"""Shared fixtures. Every test, and every notebook nbval runs, uses a throwaway journal."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from valued_contributors.downloads.pdf import LAUNCH_ARGS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["VALUED_CONTRIBUTORS_DATA"] = tempfile.mkdtemp(prefix="vc-test-journal-")
    os.environ["VALUED_CONTRIBUTORS_CACHE"] = tempfile.mkdtemp(prefix="vc-test-cache-")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder for one test; text saves at once (see the debounce test)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("VALUED_CONTRIBUTORS_DATA", str(folder))
    from valued_contributors.views import saving, widgets

    monkeypatch.setattr(saving, "_open_journals", {})
    monkeypatch.setattr(widgets, "TEXT_DELAY_SECONDS", 0)
    return folder


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole book, built once per test run with warnings as errors; returns its html folder."""
    out = tmp_path_factory.mktemp("book")
    env = {**os.environ, "VALUED_CONTRIBUTORS_DATA": str(out / "journal")}
    jupyter_book = shutil.which("jupyter-book", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [jupyter_book, "build", str(ROOT), "--path-output", str(out)]
        + ["--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True,
        text=True,
        env=env,
    )
    output = (result.stdout + result.stderr).splitlines()
    problems = [line for line in output if "WARNING" in line or "ERROR" in line]
    problems = [line for line in problems if "IPKernelApp" not in line]
    assert result.returncode == 0, "\n".join(problems or output[-40:])
    return out / "_build" / "html"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped without it, except under CI=true."""
    if not CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Chromium is missing; install it with apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built book without logging every request."""

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(built_book: Path) -> Iterator[str]:
    """The built book, served on 127.0.0.1 as a reader's browser would fetch it."""
    handler = functools.partial(QuietHandler, directory=str(built_book))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def page(browser, site: str):
    """A fresh tab (own storage) that records requests, console errors and failed loads."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on(
        "console",
        lambda m: m.type == "error" and tab.errors.append(f"{m.text} at {m.location.get('url')}"),
    )
    tab.on("pageerror", lambda e: tab.errors.append(f"{e} at {e.stack}"))
    tab.on("response", lambda r: r.status >= 400 and tab.errors.append(f"{r.status} {r.url}"))
    yield tab
    context.close()
