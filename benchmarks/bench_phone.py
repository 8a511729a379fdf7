"""Step 4b: the book as a phone on a weak signal meets it, served gzipped as a real host serves
it: bytes per page cold (gzipped and raw), Lighthouse's mobile audit of four pages, and the time
to a usable first activity on a slow network with a slow CPU, each beside jupyterquiz's page.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import bench_quiz
from bench_browser import CHROMIUM, LAUNCH_ARGS, TIMEOUT_MS, VC_READY, WATCH
from bench_common import log, median

LIGHTHOUSE = "lighthouse@12.2.3"  # 13.x needs Node 22
LIGHTHOUSE_PAGES = [
    "book/intro.html",
    "notebooks/01_why_every_voice_counts.html",
    "notebooks/06_putting_it_into_practice.html",
    "notebooks/07_my_learning_record.html",
]
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".webmanifest", ".map", ".ico"}
# 1.6 Mbps down, 750 kbps up, 150 ms round trip; the CPU four times slower.
SLOW_NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
CPU_SLOWDOWN = 4


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed (level 6, as common hosts do), without logging."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        with suppress(BrokenPipeError, ConnectionResetError):  # the page closed before the end
            self._send()

    def _send(self) -> None:
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_gzipped(folder: Path) -> Iterator[str]:
    """Serve a folder gzipped over HTTP on 127.0.0.1 and yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _cold_load(browser: Any, url: str, ready: str | None, slow: bool) -> dict[str, Any]:
    """One load in a fresh context: bytes on the wire and raw, and when the page was usable."""
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    if ready:
        context.add_init_script(WATCH % ready)
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    try:
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS * 4)
        if ready:
            page.wait_for_function("window.__benchUsableAt !== undefined", timeout=TIMEOUT_MS * 4)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS * 4)
        usable = page.evaluate("window.__benchUsableAt ?? null")
        wire = raw = 0
        for response in responses:
            try:
                wire += response.request.sizes()["responseBodySize"]
                raw += len(response.body())
            except Exception:  # noqa: BLE001 - redirects have no body
                continue
    finally:
        context.close()
    return {"bytes_wire": wire, "bytes_raw": raw, "requests": len(responses), "usable_ms": usable}


def _bytes(browser: Any, base: str, pages: list[str]) -> dict[str, Any]:
    """One cold load of each page on a fast network."""
    return {page: _cold_load(browser, base + page, None, slow=False) for page in pages}


def _slow(browser: Any, base: str, checks: dict[str, str], repeats: int) -> dict[str, Any]:
    """Interleaved cold loads on the slow profile; median time to the first usable activity."""
    samples: dict[str, list[float]] = {name: [] for name in checks}
    for _ in range(repeats):
        for name, ready in checks.items():
            result = _cold_load(browser, base + bench_quiz.PAGES[name], ready, slow=True)
            if result["usable_ms"] is not None:
                samples[name].append(result["usable_ms"])
    return {
        name: {"usable_ms": median(values) if values else None, "samples_ms": values}
        for name, values in samples.items()
    }


def lighthouse_command(tmp: Path) -> list[str] | None:
    """Lighthouse, installed from npm into a temporary folder (None without npm)."""
    npm = shutil.which("npm")
    if not npm:
        return None
    folder = tmp / "lighthouse"
    folder.mkdir(exist_ok=True)
    subprocess.run(
        [npm, "install", "--silent", "--no-audit", "--no-fund", "-E", LIGHTHOUSE],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return [str(folder / "node_modules" / ".bin" / "lighthouse")]


def _lighthouse(command: list[str], url: str, out: Path) -> dict[str, Any]:
    """Lighthouse's default (mobile, simulated slow 4G) performance audit of one page."""
    flags = " ".join(["--headless=new", *LAUNCH_ARGS])
    subprocess.run(
        [
            *command,
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        timeout=600,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    return {
        "performance": None if score is None else round(score * 100),
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
        "total_bytes": audits["total-byte-weight"].get("numericValue"),
    }


def measure(html: Path, pages: list[str], tmp: Path, repeats: int) -> dict[str, Any]:
    """Every phone figure for a built book that already holds the comparison pages."""
    from playwright.sync_api import sync_playwright

    checks = {"course_check": VC_READY}
    if bench_quiz.available():
        checks["jupyterquiz_check"] = bench_quiz.ready_js()
    compared = [bench_quiz.PAGES[name] for name in checks]
    result: dict[str, Any] = {}
    with serve_gzipped(html) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            try:
                log(f"phone: bytes of {len(pages) + len(compared)} pages, served gzipped")
                result["bytes"] = _bytes(browser, base, pages + compared)
                log(f"phone: {repeats} slow-profile loads of each check page")
                result["slow"] = _slow(browser, base, checks, repeats)
            finally:
                browser.close()
        command = lighthouse_command(tmp)
        if command is None:
            result["lighthouse_error"] = "npm is not installed"
            return result
        result["lighthouse"] = {}
        for page in LIGHTHOUSE_PAGES + compared[1:]:
            log(f"phone: Lighthouse (mobile) on {page}")
            out = tmp / f"lighthouse-{page.replace('/', '-')}.json"
            try:
                result["lighthouse"][page] = _lighthouse(command, base + page, out)
            except (OSError, ValueError, KeyError, subprocess.SubprocessError) as error:
                result["lighthouse"][page] = {"error": str(error)}
    return result
