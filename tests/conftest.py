"""Shared fixtures. Every test, and every notebook nbval runs, uses a throwaway journal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.paths import CHROMIUM, FIXTURE_COURSE, ROOT
from tests.helpers.serving import served
from valued_contributors.content.model import Course
from valued_contributors.downloads.pdf import LAUNCH_ARGS


def pytest_configure(config: pytest.Config) -> None:
    os.environ["VALUED_CONTRIBUTORS_DATA"] = tempfile.mkdtemp(prefix="vc-test-journal-")
    os.environ["VALUED_CONTRIBUTORS_CACHE"] = tempfile.mkdtemp(prefix="vc-test-cache-")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what ``make check`` leaves to ``make test``: tests of the whole built book (and a
    browser), and the notebooks nbval runs.
    """
    for item in items:
        if "built_book" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.book)
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebook)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder for one test; text saves at once (see the debounce test)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("VALUED_CONTRIBUTORS_DATA", str(folder))
    from valued_contributors.views import saving, widgets

    monkeypatch.setattr(saving, "_open_journals", {})
    monkeypatch.setattr(widgets, "TEXT_DELAY_SECONDS", 0)
    return folder


@pytest.fixture
def fixture_course(tmp_path: Path) -> Iterator[Course]:
    """The small fixture course (tests/fixtures/course) in place of the real one, for tests
    that need "a course" and must not depend on the course's own wording.
    """
    from valued_contributors.content import compiled, loader

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compiled, "activity_files", lambda: loader.activity_files(FIXTURE_COURSE))
        patch.setenv(compiled.ENV_VAR, str(tmp_path / "course-cache"))
        compiled.course.cache_clear()
        try:
            yield compiled.course()
        finally:
            compiled.course.cache_clear()


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


@pytest.fixture(scope="session")
def site(built_book: Path) -> Iterator[str]:
    """The built book, served on 127.0.0.1 as a reader's browser would fetch it."""
    with served(built_book) as address:
        yield address


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
