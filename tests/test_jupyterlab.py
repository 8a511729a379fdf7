"""JupyterLab, driven by a real browser: a reflection typed into the widget survives a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from valued_contributors.journal import Journal

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/01_why_every_voice_counts.ipynb"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(data_dir: Path, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root"]
    command += ["--ServerApp.token=", "--ServerApp.password=", f"--port={port}", "--ip=127.0.0.1"]
    command += [f"--ServerApp.root_dir={ROOT}", "--LabApp.news_url=None"]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "api", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_all(page) -> None:
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    page.locator(PANEL).first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()


def test_a_reflection_survives_a_kernel_restart(lab: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{lab}lab/workspaces/test-{int(time.time())}/tree/{NOTEBOOK}?reset")
    run_all(page)
    box = page.locator(f"{PANEL} .widget-textarea textarea").first
    box.wait_for(timeout=60_000)
    box.click()
    box.type("Written in JupyterLab", delay=20)
    page.locator(f"{PANEL} .widget-html").filter(has_text="Saved at").first.wait_for()

    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_text("Restart Kernel and Clear Outputs of All Cells…").click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator(f"{PANEL} .widget-textarea").first.wait_for(state="detached")
    run_all(page)
    box = page.locator(f"{PANEL} .widget-textarea textarea").first
    box.wait_for(timeout=60_000)
    assert box.input_value() == "Written in JupyterLab"
    page.close()
    with Journal() as journal:
        [answer] = journal.history("voices/knowledge")
    assert answer.value == {"text": "Written in JupyterLab"}
