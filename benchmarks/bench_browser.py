"""Step 4: the built book in Chromium: bytes per page, the course's own script and styles,
time to a usable activity, and the same knowledge check made with jupyterquiz beside it.
"""

from __future__ import annotations

import gzip
import re
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import bench_quiz
import yaml
from bench_book import build, copy_book
from bench_common import ROOT, log, median

from valued_contributors.downloads.pdf import LAUNCH_ARGS

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 30_000
# One cold load varies by ±100 ms on a busy machine; five loads per repeat steady the median.
COMPARE_LOADS_PER_REPEAT = 5
STATIC = ROOT / "valued_contributors" / "static"
LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:\d+/)(?!data:)(?!blob:)(?!about:)")
VC_READY = (
    "(() => { const box = document.querySelector('section.vc-activity');"
    " const f = box && box.querySelector('textarea, input');"
    " return !!f && !f.disabled && box.hasAttribute('data-vc-live'); })()"
)
WATCH = """(() => {
  const ready = () => { try { return %s; } catch (e) { return false; } };
  const mark = () => {
    if (window.__benchUsableAt === undefined && ready()) {
      window.__benchUsableAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {childList: true, subtree: true, attributes: true});
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("load", mark);
})();"""
TIMING = """() => {
  const n = performance.getEntriesByType("navigation")[0];
  const script = performance.getEntriesByType("resource")
    .find((r) => r.name.includes("valued-contributors.js"));
  return {interactive_ms: n.domInteractive, dcl_ms: n.domContentLoadedEventEnd,
          load_ms: n.loadEventEnd, course_js_loaded_ms: script ? script.responseEnd : null,
          usable_ms: window.__benchUsableAt === undefined ? null : window.__benchUsableAt,
          activities: document.querySelectorAll("section.vc-activity").length};
}"""


def asset_sizes(files: list[Path]) -> dict[str, Any]:
    """Raw and gzipped (level 9) bytes of a set of files, each file compressed on its own."""
    raw = [f.read_bytes() for f in files]
    return {
        "files": [f.name for f in files],
        "raw": sum(len(b) for b in raw),
        "gzip": sum(len(gzip.compress(b, 9)) for b in raw),
    }


def course_assets() -> dict[str, Any]:
    """The bytes the course's own script and stylesheet add to a page."""
    return asset_sizes(sorted(STATIC.glob("*.js")) + sorted(STATIC.glob("*.css")))


def _files(entries: list[dict[str, Any]]) -> list[str]:
    """The `file` of each toc entry and of its nested sections, in order."""
    found = []
    for entry in entries:
        if "file" in entry:
            found.append(entry["file"])
        found += _files(entry.get("sections", []))
    return found


def toc_pages(src: Path) -> list[str]:
    """Every page of the book in _toc.yml order, as paths of built HTML files."""
    toc = yaml.safe_load((src / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"], *_files(toc.get("chapters", []))]
    for part in toc.get("parts", []):
        pages += _files(part.get("chapters", []))
    return [f"{page}.html" for page in pages]


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 and yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _body_size(response: Any) -> tuple[int, int]:
    """Raw and gzipped size of one response body (0 for redirects and failures)."""
    try:
        body = response.body()
    except Exception:  # noqa: BLE001 - redirects and aborted loads have no body
        return 0, 0
    return len(body), len(gzip.compress(body, 6))


def load(
    browser: Any, url: str, ready: str | None, wait: bool = True, intercept: bool = True
) -> dict[str, Any]:
    """Load one page in a fresh context (empty cache); return bytes, timings, foreign requests.

    With a `ready` expression, the time it first became true is recorded; with `wait`, the
    load also waits for it (at most TIMEOUT_MS). With `intercept`, requests to other hosts are
    aborted; routing holds every request until Playwright lets it go, so timed loads only
    listen (this machine has no route to other hosts anyway).
    """
    context = browser.new_context()
    foreign: list[str] = []
    if intercept:
        context.route(LOCAL, lambda route: (foreign.append(route.request.url), route.abort()))
    else:
        context.on(
            "request",
            lambda request: foreign.append(request.url) if LOCAL.match(request.url) else None,
        )
    if ready:
        context.add_init_script(WATCH % ready)
    page = context.new_page()
    responses: list[Any] = []
    errors: list[str] = []
    page.on("response", lambda response: responses.append(response))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        if ready and wait:
            page.wait_for_function("window.__benchUsableAt !== undefined", timeout=TIMEOUT_MS)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        timing = page.evaluate(TIMING)
        sizes = [(r.url, *_body_size(r)) for r in responses]
    finally:
        context.close()
    largest = sorted(sizes, key=lambda s: -s[1])[:5]
    return {
        "bytes": sum(s[1] for s in sizes),
        "bytes_gzip": sum(s[2] for s in sizes),
        "requests": len(sizes),
        "foreign_requests": foreign,
        "errors": errors,
        "largest": [{"url": u.split("/", 3)[-1], "bytes": b} for u, b, _ in largest],
        **timing,
    }


def _all_pages(browser: Any, base: str, pages: list[str]) -> dict[str, Any]:
    """One cold load of every page of the book."""
    return {page: load(browser, base + page, VC_READY, wait=False) for page in pages}


def _compare(browser: Any, base: str, checks: dict[str, str], repeats: int) -> dict[str, Any]:
    """Interleaved cold loads of the comparison pages; medians of bytes and time to usable."""
    loads: dict[str, list[dict[str, Any]]] = {name: [] for name in checks}
    for _ in range(repeats):
        for name, ready in checks.items():
            loads[name].append(load(browser, base + bench_quiz.PAGES[name], ready, intercept=False))
    return {name: _page_summary(runs) for name, runs in loads.items()}


def _page_summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over repeated loads of one page, with the first load's details."""
    usable = [r["usable_ms"] for r in runs if r["usable_ms"] is not None]
    return {
        "bytes": int(median([r["bytes"] for r in runs])),
        "bytes_gzip": int(median([r["bytes_gzip"] for r in runs])),
        "requests": runs[0]["requests"],
        "usable_ms": median(usable) if usable else None,
        "usable_quartiles_ms": statistics.quantiles(usable, n=4)[::2] if len(usable) > 1 else None,
        "usable_samples_ms": usable,
        "dcl_ms": median([r["dcl_ms"] for r in runs]),
        "load_ms": median([r["load_ms"] for r in runs]),
        "foreign_requests": sorted({u for r in runs for u in r["foreign_requests"]}),
        "errors": sorted({e for r in runs for e in r["errors"]}),
        "largest": runs[0]["largest"],
    }


def _browse(html: Path, pages: list[str], repeats: int) -> dict[str, Any]:
    """Start Chromium against a local server and take every browser figure."""
    from playwright.sync_api import sync_playwright

    ready = {"course_check": VC_READY, "empty_page": None}
    if bench_quiz.available():
        ready["jupyterquiz_check"] = bench_quiz.ready_js()
    checks = {name: ready[name] for name in bench_quiz.pages()}
    with serve(html) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            log(f"browser: one cold load of each of {len(pages)} pages")
            every = _all_pages(browser, base, pages)
            loads = repeats * COMPARE_LOADS_PER_REPEAT
            log(f"browser: {loads} interleaved loads of the course and jupyterquiz checks")
            compared = _compare(browser, base, checks, loads)
        finally:
            browser.close()
    return {"pages": every, "compare": compared}


def _derived(result: dict[str, Any]) -> dict[str, Any]:
    """Bytes each check adds to an otherwise empty page of the same book."""
    compare, assets = result["compare"], result["course_assets"]
    empty = compare["empty_page"]["bytes"]
    # The empty page already carries the course's script and styles (every page does), so they
    # are added back for the course's check and not counted for jupyterquiz's.
    added = {"course_check_added": compare["course_check"]["bytes"] - empty + assets["raw"]}
    if "jupyterquiz_check" in compare:
        added["jupyterquiz_check_added"] = compare["jupyterquiz_check"]["bytes"] - empty
    return added


def embedded_urls(html: Path) -> dict[str, list[str]]:
    """Absolute URLs in each comparison page's scripts (what it could fetch from elsewhere)."""
    found = {}
    for name, page in bench_quiz.pages().items():
        text = (html / page).read_text(encoding="utf-8")
        scripts = " ".join(re.findall(r"<script[^>]*>(.*?)</script>", text, flags=re.S))
        found[name] = sorted(set(re.findall(r"https?://[^\s'\"<>)]+", scripts)))
    return found


def measure(tmp: Path, repeats: int) -> dict[str, Any]:
    """Build a copy of the book with the comparison pages, then measure it in Chromium."""
    src = copy_book(tmp / "src")
    bench_quiz.add_pages(src)
    log("browser: building a copy of the book with the comparison pages")
    built = build(src, tmp / "out", tmp / "data")
    result: dict[str, Any] = {"build_warnings": built["warnings"]}
    result["course_assets"] = course_assets()
    if bench_quiz.available():
        result["jupyterquiz_assets"] = asset_sizes(bench_quiz.asset_files())
    pages = [p for p in toc_pages(src) if p not in bench_quiz.PAGES.values()]
    html = tmp / "out" / "_build" / "html"
    result.update(_browse(html, pages, repeats))
    import bench_phone  # it reuses this module's settings

    result["phone"] = bench_phone.measure(html, pages, tmp, max(3, repeats // 3))
    result["urls_in_page_scripts"] = embedded_urls(html)
    result["added_bytes"] = _derived(result)
    result["foreign_requests_course"] = sorted(
        {u for page in result["pages"].values() for u in page["foreign_requests"]}
        | set(result["compare"]["course_check"]["foreign_requests"])
    )
    return result
