"""Turn the measurements into goal verdicts and a Markdown table."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MB = 1_000_000
KB = 1_000
MIB_TO_MB = 2**20 / MB


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, what it is compared with, the goal and the verdict."""

    figure: str
    value: str
    peer: str = ""
    ratio: str = ""
    goal: str = ""
    met: bool | None = None

    @property
    def status(self) -> str:
        return {True: "met", False: "**not met**", None: ""}[self.met]


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _ms(ms: float) -> str:
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.0f} ms"


def _mb(mib: float) -> str:
    return f"{mib * MIB_TO_MB:.0f} MB"


def _kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def _quartiles(page: dict[str, Any]) -> str:
    """The text " (first–third quartile)" of a page's load times, when there are enough loads."""
    quartiles = page.get("usable_quartiles_ms")
    return f" ({quartiles[0]:.0f}–{quartiles[1]:.0f} ms)" if quartiles else ""


def _size(n: float) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else _kb(n)


def book_rows(book: dict[str, Any]) -> list[Row]:
    """Step 1: the four builds beside the floor, with the goals on rebuilds."""
    sec, cold, floor = book["seconds"], book["seconds"]["cold"], book["seconds"]["floor"]
    of_floor, of_cold = book["of_floor"], book["of_cold"]

    def ratio(kind: str) -> str:
        return f"{of_cold[kind]:.0%} of cold · {of_floor[kind]:.2f}× floor"

    prose = book["prose_edit_executed"]
    code = book["code_edit_executed"]
    return [
        Row("Book: rendering floor (execution off, cold)", _s(floor)),
        Row("Book: cold build", _s(cold), f"floor {_s(floor)}", f"{of_floor['cold']:.2f}× floor"),
        Row(
            "Book: no-change rebuild",
            _s(sec["no_change"]),
            f"cold {_s(cold)}",
            ratio("no_change"),
            "≤ 15% of cold",
            of_cold["no_change"] <= 0.15,
        ),
        Row(
            f"Book: rebuild after a code edit (re-executed {len(code)} notebook)",
            _s(sec["code_edit"]),
            f"cold {_s(cold)}",
            ratio("code_edit"),
            "≤ 40% of cold",
            of_cold["code_edit"] <= 0.40,
        ),
        Row(
            "Book: rebuild after a prose-only edit",
            f"{_s(sec['prose_edit'])}; re-executed: {', '.join(prose) or 'nothing'}",
            f"cold {_s(cold)}",
            ratio("prose_edit"),
            "re-executes nothing",
            not prose,
        ),
    ]


def kernel_rows(kernel: dict[str, Any]) -> list[Row]:
    """Step 2: the course's first activity beside one plain ipywidget."""
    course, peer = kernel["course"], kernel["ipywidgets"]
    return [
        Row(
            "Kernel: import + first activity's bundle (fresh process, median)",
            f"{_s(course['seconds'])}, {_mb(course['maxrss_mib'])} peak RSS",
            f"ipywidgets + Textarea: {_s(peer['seconds'])}, {_mb(peer['maxrss_mib'])}",
            f"{kernel['ratio_time']:.2f}× time · {kernel['ratio_rss']:.2f}× memory",
            "≤ 1.3× time",
            kernel["ratio_time"] <= 1.3,
        ),
        Row(
            "Kernel: the same with ipykernel already imported (as in Jupyter)",
            _s(kernel["kernel_preloaded_s"]["course"]),
            f"ipywidgets: {_s(kernel['kernel_preloaded_s']['ipywidgets'])}",
            f"{kernel['kernel_preloaded_ratio']:.2f}× time",
        ),
        Row(
            "Kernel: first start after installing or editing the course (no compiled copy yet)",
            _s(kernel["no_compiled_copy_s"]),
            f"ipywidgets + Textarea: {_s(peer['seconds'])}",
            f"{kernel['no_compiled_copy_ratio']:.2f}× time",
        ),
    ]


def journal_rows(journal: dict[str, Any]) -> list[Row]:
    """Step 3: save latency and the 10,000-answer export and import."""
    save, ex = journal["save"], journal["exchange"]
    rows = [
        Row(
            f"Journal: save latency p99 ({save['count']:,} saves)",
            _ms(save["p99_ms"]),
            f"p50 {_ms(save['p50_ms'])}, max {_ms(save['max_ms'])}",
            "",
            "≤ 10 ms",
            save["p99_ms"] <= 10,
        )
    ]
    for fmt, run in ex["export"].items():
        peak_mb = run["maxrss_mib"] * MIB_TO_MB
        rows.append(
            Row(
                f"Journal: export {ex['answers']:,} answers as {fmt}",
                f"{_s(run['seconds'])}, {_mb(run['maxrss_mib'])} peak RSS",
                f"file {_size(run['bytes'])}; Python heap peak {_mb(run['tracemalloc_peak_mib'])}",
                "",
                "≤ 2 s and ≤ 200 MB",
                run["seconds"] <= 2 and peak_mb <= 200,
            )
        )
    if "import_json" in ex:
        run = ex["import_json"]
        rows.append(
            Row(
                "Journal: import that JSON into an empty journal",
                f"{_s(run['seconds'])}, {_mb(run['maxrss_mib'])} peak RSS",
                f"{run['added']:,} answers added",
            )
        )
    return rows


def browser_rows(browser: dict[str, Any]) -> list[Row]:
    """Step 4: page weight, the course's assets, the check beside jupyterquiz, other hosts."""
    assets = browser["course_assets"]
    heaviest = max(browser["pages"].items(), key=lambda kv: kv[1]["bytes"])
    foreign = browser["foreign_requests_course"]
    quiz = browser["compare"].get("jupyterquiz_check")
    jq_assets = browser.get("jupyterquiz_assets")
    return [
        Row(
            "Browser: course JS + CSS (valued_contributors/static)",
            f"{_kb(assets['gzip'])} gzipped ({_kb(assets['raw'])} raw)",
            f"jupyterquiz JS + CSS: {_kb(jq_assets['gzip'])} gzipped" if jq_assets else "",
            "",
            "≤ 15 KB gzipped",
            assets["gzip"] <= 15 * KB,
        ),
        *(_versus_quiz(browser) if quiz else [Row("Browser: jupyterquiz", "not installed")]),
        Row(
            f"Browser: requests to other hosts ({len(browser['pages']) + 1} course pages)",
            str(len(foreign)),
            f"jupyterquiz page: {len(quiz['foreign_requests'])}" if quiz else "",
            "",
            "zero",
            not foreign,
        ),
        Row(
            "Browser: heaviest page of the book (cold cache)",
            f"{heaviest[1]['bytes'] / MB:.2f} MB ({heaviest[0]})",
            f"largest file: {heaviest[1]['largest'][0]['url'].split('?')[0]} "
            f"{heaviest[1]['largest'][0]['bytes'] / MB:.2f} MB",
        ),
    ]


def _versus_quiz(browser: dict[str, Any]) -> list[Row]:
    """The course's knowledge check beside the same check made with jupyterquiz."""
    added = browser["added_bytes"]
    course, quiz = browser["compare"]["course_check"], browser["compare"]["jupyterquiz_check"]
    ours, theirs = added["course_check_added"], added["jupyterquiz_check_added"]
    return [
        Row(
            "Browser: bytes the knowledge check adds to a page",
            _kb(ours),
            f"jupyterquiz: {_kb(theirs)}",
            f"{ours / theirs:.2f}×",
            "fewer than jupyterquiz",
            ours < theirs,
        ),
        Row(
            "Browser: whole check page transferred (cold cache)",
            f"{course['bytes'] / MB:.2f} MB ({course['requests']} requests)",
            f"jupyterquiz page: {quiz['bytes'] / MB:.2f} MB",
            f"{course['bytes'] / quiz['bytes']:.3f}×",
        ),
        Row(
            "Browser: navigation to first activity usable (median; quartiles)",
            f"{_ms(course['usable_ms'])}{_quartiles(course)}",
            f"jupyterquiz: {_ms(quiz['usable_ms'])}{_quartiles(quiz)}",
            f"{course['usable_ms'] / quiz['usable_ms']:.2f}×",
            "no slower than jupyterquiz",
            course["usable_ms"] <= quiz["usable_ms"],
        ),
    ]


GZIP_GOAL = 250 * KB
LIGHTHOUSE_GOAL = 90
SLOW_GOAL_MS = 1500


def phone_rows(browser: dict[str, Any]) -> list[Row]:
    """Step 4b: bytes served gzipped, Lighthouse mobile, time to usable on the slow profile."""
    phone = browser.get("phone")
    if not phone:
        return []
    made = []
    sizes = phone["bytes"]
    quiz_page = next((p for p in sizes if "jupyterquiz" in p), None)
    peer = sizes[quiz_page] if quiz_page else None
    sections = {p: v for p, v in sizes.items() if p.startswith("notebooks/")}
    if sections:
        page, worst = max(sections.items(), key=lambda kv: kv[1]["bytes_wire"])
        made.append(
            Row(
                f"Phone: heaviest section page, cold, served gzipped ({page})",
                f"{_kb(worst['bytes_wire'])} gzipped, {_size(worst['bytes_raw'])} raw",
                f"jupyterquiz page: {_kb(peer['bytes_wire'])} gzipped" if peer else "",
                f"{worst['bytes_wire'] / peer['bytes_wire']:.2f}×" if peer else "",
                "≤ 250 KB gzipped per section page",
                worst["bytes_wire"] <= GZIP_GOAL,
            )
        )
    for page, audit in phone.get("lighthouse", {}).items():
        if "jupyterquiz" in page:
            continue
        theirs = next((v for p, v in phone["lighthouse"].items() if "jupyterquiz" in p), None)
        if "error" in audit or audit.get("performance") is None:
            made.append(Row(f"Phone: Lighthouse 12.2.3 mobile, {page}", "failed", met=False))
            continue
        made.append(
            Row(
                f"Phone: Lighthouse 12.2.3 mobile performance, {page}",
                f"{audit['performance']} (LCP {_s(audit['lcp_ms'] / 1000)}, "
                f"{_kb(audit['total_bytes'])})",
                f"jupyterquiz page: {theirs['performance']} (LCP {_s(theirs['lcp_ms'] / 1000)})"
                if theirs and theirs.get("performance") is not None
                else "",
                "",
                "≥ 90",
                audit["performance"] >= LIGHTHOUSE_GOAL,
            )
        )
    slow = phone.get("slow", {})
    ours, theirs = slow.get("course_check"), slow.get("jupyterquiz_check")
    if ours and ours["usable_ms"] is not None:
        peer = theirs["usable_ms"] if theirs else None
        made.append(
            Row(
                "Phone: first activity usable, slow profile (1.6 Mbps, 150 ms, CPU ÷4; median)",
                _ms(ours["usable_ms"]),
                f"jupyterquiz: {_ms(peer)}" if peer else "",
                f"{ours['usable_ms'] / peer:.2f}×" if peer else "",
                "≤ 1.5 s",
                ours["usable_ms"] <= SLOW_GOAL_MS,
            )
        )
    return made


def test_rows(tests: dict[str, Any]) -> list[Row]:
    """Step 5: the suite's wall time."""
    return [
        Row(
            "Tests: pytest -q (CI=true), wall time",
            _s(tests["pytest_seconds"]),
            tests["pytest_summary"],
            f"ruff {_s(tests['ruff_seconds'])}",
        )
    ]


def rows(results: dict[str, Any]) -> list[Row]:
    """Every row for the steps that ran."""
    makers = {
        "book": book_rows,
        "kernel": kernel_rows,
        "journal": journal_rows,
        "browser": browser_rows,
        "phone": phone_rows,
        "tests": test_rows,
    }
    made: list[Row] = []
    for step, maker in makers.items():
        source = "browser" if step == "phone" else step
        if results.get(source):
            made += maker(results[source])
    return made


def table(made: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| Figure | Value | Beside (peer or floor) | Ratio | Goal | Status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in made:
        cells = [r.figure, r.value, r.peer, r.ratio, r.goal, r.status]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def machine_line(machine: dict[str, Any]) -> str:
    """One line naming the machine and the code measured."""
    dirty = " (with uncommitted changes)" if machine["dirty"] else ""
    return (
        f"{machine['date']} · {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['ram_gib']} GiB RAM · Python {machine['python']} · "
        f"commit {machine['commit']}{dirty}"
    )


def goals(made: list[Row]) -> list[dict[str, Any]]:
    """The rows that carry a goal, as plain data for the JSON results."""
    return [asdict(r) | {"status": r.status} for r in made if r.met is not None]
