"""JupyterLab and Notebook 7 on a copy of the course, and the steps a learner takes in them."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.helpers.paths import ROOT
from tests.helpers.processes import free_port, start_server, stop, wait_until_listening

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
INTERFACES = ["lab", "notebook"]
THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}


def user_settings(folder: Path, theme: str) -> None:
    """The theme, no news pop-up, and every cell laid out (so all can be measured at once)."""
    settings = {
        "apputils-extension/themes": {"theme": THEMES[theme]},
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "notebook-extension/tracker": {"windowingMode": "none"},
    }
    for name, value in settings.items():
        path = folder / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")


@contextmanager
def jupyter(interface: str, theme: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """JupyterLab or Notebook 7 on a copy of the course; yields its URL and its root folder.

    The server serves a copy (so saving never touches the repository) with the project's own
    server configuration, the one ``make lab`` uses.
    """
    root = tmp_path / "course"
    for folder in ("notebooks", "book"):
        shutil.copytree(ROOT / folder, root / folder)
    user_settings(tmp_path / "settings", theme)
    port = free_port()
    module = "jupyterlab" if interface == "lab" else "notebook"
    command = [sys.executable, "-m", module, "--no-browser", "--allow-root", f"--port={port}"]
    command += ["--ServerApp.token=", "--ServerApp.password=", "--ip=127.0.0.1"]
    command += [f"--ServerApp.root_dir={root}"]
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_CONFIG_PATH": str(ROOT / "jupyter"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    url = f"http://127.0.0.1:{port}/"
    # The server prints its address ("Jupyter Server … is running at: <url>") once it has
    # started, then binds its port on its event loop's first turn.
    server = start_server(command, tmp_path / "server.log", url, timeout=60, env=env)
    try:
        wait_until_listening(port)
        yield url, root
    finally:
        stop(server)


def open_notebook(page: Any, url: str, interface: str, name: str) -> None:
    """Open a course notebook in a fresh workspace and wait for its first cell."""
    if interface == "lab":
        page.goto(f"{url}lab/workspaces/t{time.monotonic_ns()}/tree/notebooks/{name}?reset")
    else:
        page.goto(f"{url}notebooks/notebooks/{name}")
    page.locator(f"{PANEL} .jp-Cell").first.wait_for(timeout=90_000)
