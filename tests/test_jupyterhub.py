"""A real JupyterHub serves the notebooks to two learners: each journal stays in its owner's home.

The Hub runs on 127.0.0.1 with the settings in deploy/jupyterhub/jupyterhub_config.py, the
dummy authenticator and a local-process spawner whose homes are temporary folders. Both
servers are started through the Hub's REST API; an activity is answered in each learner's own
kernel through the Jupyter server's kernel websocket, as JupyterLab does.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import requests

from tests.helpers.paths import ROOT
from tests.helpers.processes import free_port, start_server, stop
from valued_contributors.content.compiled import course
from valued_contributors.journal import Journal
from valued_contributors.journal.location import FILE_NAME

EXAMPLE = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
pytestmark = pytest.mark.slow
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
LEARNERS = ("alice", "bob")
READY_SECONDS = 90
SERVICE = "course-admin"
JOURNAL_FOLDER = "valued-contributors-journal"  # what the example sets, under each home


def needed_tools() -> None:
    """The proxy comes from npm (.ci/run and make test install it); never skipped under CI."""
    if PROXY.exists() and shutil.which("node") and shutil.which("git"):
        return
    reason = "needs npm's configurable-http-proxy (npm ci), node and git"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the JupyterHub test {reason}")
    pytest.skip(reason)


class Hub:
    """A running JupyterHub and a client that speaks to it as the admin service."""

    def __init__(self, url: str, token: str, homes: Path, process: subprocess.Popen):
        self.url, self.homes, self.process = url, homes, process
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {token}"

    def hub_api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.api.request(method, f"{self.url}/hub/api{path}", timeout=30, **kwargs)

    def start_server(self, name: str) -> None:
        assert self.hub_api("POST", f"/users/{name}").status_code in (201, 409)
        started = self.hub_api("POST", f"/users/{name}/server")
        assert started.status_code in (201, 202), started.text
        # The Hub's progress stream says when the server is ready (or that it failed).
        progress = f"{self.url}/hub/api/users/{name}/server/progress"
        with self.api.get(progress, stream=True, timeout=READY_SECONDS) as events:
            said = [
                json.loads(line[len("data:") :])
                for line in events.iter_lines(decode_unicode=True)
                if line and line.startswith("data:")
            ]
        assert said, f"{name}'s server did not start: {said}"
        assert said[-1].get("ready"), f"{name}'s server did not start: {said}"

    def run_code(self, name: str, code: str) -> str:
        """Run ``code`` in a new kernel on ``name``'s server; return what it printed."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        server = f"{self.url}/user/{name}/api"
        kernel = self.api.post(f"{server}/kernels", json={"name": "python3"}, timeout=60)
        assert kernel.status_code == 201, kernel.text
        kernel_id = kernel.json()["id"]
        socket_url = server.replace("http://", "ws://") + f"/kernels/{kernel_id}/channels"
        message_id = uuid.uuid4().hex

        async def execute() -> str:
            request = HTTPRequest(
                socket_url, headers=dict(self.api.headers), request_timeout=READY_SECONDS
            )
            connection = await websocket_connect(request)
            header = {
                "msg_id": message_id,
                "msg_type": "execute_request",
                "username": name,
                "session": uuid.uuid4().hex,
                "date": "",
                "version": "5.3",
            }
            content = {"code": code, "silent": False, "store_history": False}
            content |= {"user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
            request_message = {"header": header, "parent_header": {}, "metadata": {}}
            request_message |= {"content": content, "channel": "shell", "buffers": []}
            connection.write_message(json.dumps(request_message))
            printed, errors = [], []
            while True:
                raw = await connection.read_message()
                assert raw is not None, "the kernel's websocket closed before the code finished"
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != message_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind == "stream":
                    printed.append(message["content"]["text"])
                elif kind == "error":
                    errors.append("\n".join(message["content"]["traceback"]))
                elif kind == "status" and message["content"]["execution_state"] == "idle":
                    break
            connection.close()
            while await connection.read_message() is not None:  # until the socket has closed
                pass
            assert not errors, errors
            return "".join(printed)

        # A thread of its own: the browser tests' Playwright owns this thread's event loop.
        try:
            with ThreadPoolExecutor(1) as worker:
                return worker.submit(asyncio.run, execute()).result(timeout=READY_SECONDS)
        finally:
            self.api.delete(f"{server}/kernels/{kernel_id}", timeout=30)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """JupyterHub on 127.0.0.1 with the example settings and the test's own sign-in and homes."""
    needed_tools()
    place = tmp_path_factory.mktemp("hub")
    homes = place / "homes"
    homes.mkdir()
    token = secrets.token_hex(32)
    port, hub_port, proxy_api = free_port(), free_port(), free_port()
    spawner_args = ["--allow-root"] if os.geteuid() == 0 else []
    settings = f"""
c = get_config()
load_subconfig({str(EXAMPLE)!r})
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(place / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{place / "jupyterhub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(place / "cookie_secret")!r}
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / "{username}")!r}
c.Spawner.cmd = [{str(BIN / "jupyterhub-singleuser")!r}]
c.Spawner.args = {spawner_args!r}
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL"]
c.JupyterHub.services = [{{"name": {SERVICE!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": {SERVICE!r},
    "scopes": ["admin:users", "admin:servers", "access:servers"],
    "services": [{SERVICE!r}],
}}]
"""
    config = place / "jupyterhub_config.py"
    config.write_text(settings, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VALUED_CONTRIBUTORS_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    process = start_server(
        [str(BIN / "jupyterhub"), "-f", str(config)],
        place / "jupyterhub.log",
        "JupyterHub is now running at",
        timeout=READY_SECONDS,
        cwd=place,
        env=env,
    )
    try:
        running = Hub(f"http://127.0.0.1:{port}", token, homes, process)
        with running.api:
            assert running.hub_api("GET", "/").status_code == 200
            yield running
    finally:
        stop(process)


KERNEL_SAVE = """
import json
import ipywidgets
from valued_contributors.content.compiled import course
from valued_contributors.journal.location import journal_path
from valued_contributors.views import saving, widgets

view = widgets.build(course().get({activity!r}))
stack = [view]
while stack:
    widget = stack.pop()
    if isinstance(widget, ipywidgets.Textarea):
        widget.value = {answer!r}
    stack.extend(getattr(widget, "children", ()))
saving.flush_all()
print(json.dumps({{"journal": str(journal_path())}}))
"""


def test_each_learners_journal_is_private_and_in_their_own_home(hub: Hub) -> None:
    reflection = next(a for a in course().activities.values() if a.kind == "reflection")
    answers = {
        name: f"{name.title()} from Lochendie: we plan rotas with families." for name in LEARNERS
    }
    for name in LEARNERS:
        hub.start_server(name)
    for name in LEARNERS:
        code = KERNEL_SAVE.format(activity=reflection.id, answer=answers[name])
        reported = json.loads(hub.run_code(name, code).strip().splitlines()[-1])
        home = hub.homes / name
        expected = home / JOURNAL_FOLDER / FILE_NAME
        assert Path(reported["journal"]) == expected
        assert expected.exists()
        assert stat.S_IMODE(expected.stat().st_mode) == 0o600
        assert stat.S_IMODE(expected.parent.stat().st_mode) == 0o700
    for name in LEARNERS:
        others = [answers[n] for n in LEARNERS if n != name]
        with Journal(hub.homes / name / JOURNAL_FOLDER / FILE_NAME) as journal:
            saved = journal.answers()
        assert [(a.activity, a.value) for a in saved] == [(reflection.id, {"text": answers[name]})]
        files = [p for p in (hub.homes / name).rglob(f"{FILE_NAME}*") if p.is_file()]
        everything = b"".join(p.read_bytes() for p in files)
        assert all(other.encode() not in everything for other in others)
    assert not list((hub.homes.parent).glob(FILE_NAME))


def test_the_nbgitpuller_link_puts_the_course_in_a_learners_space(hub: Hub, tmp_path: Path) -> None:
    """The documented link, followed after signing in, clones the course into the learner's home."""
    source = tmp_path / "valued-contributors"
    subprocess.run(["git", "init", "-q", "-b", "main", str(source)], check=True)
    (source / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", source / "notebooks")
    git = ["git", "-C", str(source), "-c", "user.name=Course", "-c", "user.email=course@localhost"]
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Course"], check=True)
    readme = (EXAMPLE.parent / "README.md").read_text(encoding="utf-8")
    documented = next(line for line in readme.splitlines() if "/git-pull?" in line)
    link = documented.replace("https://YOUR-HUB", hub.url).replace(
        quote("https://YOUR-GIT-HOST/valued-contributors.git", safe=""),
        quote(f"file://{source}", safe=""),
    )
    name = "carol"
    hub.start_server(name)
    with requests.Session() as browser:
        login = browser.get(f"{hub.url}/hub/login", timeout=30)
        assert login.status_code == 200
        signed_in = browser.post(
            f"{hub.url}/hub/login",
            data={"username": name, "password": "any", "_xsrf": browser.cookies.get("_xsrf", "")},
            timeout=30,
        )
        assert signed_in.status_code == 200, signed_in.text[:500]
        landing = browser.get(link, timeout=60)
        assert landing.status_code == 200
        assert urlsplit(landing.url).path == f"/user/{name}/git-pull"
        query = {k: v[0] for k, v in parse_qs(urlsplit(landing.url).query).items()}
        api = f"{hub.url}/user/{name}/git-pull/api"
        params = {
            "repo": query["repo"],
            "branch": query["branch"],
            "targetpath": query["targetPath"],
        }
        with browser.get(api, params=params, stream=True, timeout=READY_SECONDS) as events:
            phases = [
                json.loads(line[len("data:") :])["phase"]
                for line in events.iter_lines(decode_unicode=True)
                if line and line.startswith("data:")
            ]
    assert phases[-1] == "finished", phases
    opened = query["urlpath"].removeprefix("lab/tree/")
    assert (hub.homes / name / opened).is_file()
    assert (hub.homes / name / query["targetPath"] / ".git").is_dir()


def test_the_settings_add_to_an_earlier_configuration(tmp_path: Path) -> None:
    """Loaded after other settings (as The Littlest JupyterHub loads its snippets), the example
    adds the journal's location without dropping variables set before it.
    """
    from jupyterhub.app import JupyterHub
    from jupyterhub.spawner import Spawner

    main = tmp_path / "jupyterhub_config.py"
    main.write_text(
        "c = get_config()\n"
        'c.Spawner.environment = {"EARLIER": "kept"}\n'
        f"load_subconfig({str(EXAMPLE)!r})\n",
        encoding="utf-8",
    )
    app = JupyterHub()
    app.load_config_file(str(main))
    spawner = Spawner(config=app.config)
    assert spawner.environment == {
        "EARLIER": "kept",
        "VALUED_CONTRIBUTORS_DATA": f"~/{JOURNAL_FOLDER}",
    }
    assert spawner.default_url == "/lab"
