"""Step 3: journal save latency, and export and import of a journal with 10,000 answers."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from bench_common import BIN, child_env, log, median, percentile, run_child, run_timed

SAVES = 5_000
ANSWERS = 10_000
FORMAT_CHOICES = re.compile(r"--format\s+\{([^}]*)\}")


def export_formats(env: dict[str, str]) -> list[str]:
    """The formats `valued-contributors export --help` offers today (json at least)."""
    _, done = run_timed([str(BIN / "valued-contributors"), "export", "--help"], env)
    if done.returncode != 0:
        _, done = run_timed([sys.executable, "-m", "valued_contributors.cli", "export", "-h"], env)
    found = FORMAT_CHOICES.search(done.stdout)
    return [f.strip() for f in found.group(1).split(",")] if found else ["json"]


def save_latency(tmp: Path) -> dict[str, Any]:
    """p50, p99 and max of SAVES saves to a fresh journal file."""
    folder = tmp / "save"
    log(f"journal: {SAVES:,} saves")
    args = ["save", str(SAVES), str(folder / "journal.sqlite3")]
    report = run_child("child_journal.py", args, child_env(folder))
    latencies = report["latencies_ms"]
    return {
        "count": len(latencies),
        "p50_ms": percentile(latencies, 50),
        "p90_ms": percentile(latencies, 90),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies),
        "mean_ms": sum(latencies) / len(latencies),
    }


def _timed_runs(args: list[str], env: dict[str, str], repeats: int) -> dict[str, Any]:
    """Median time and worst peak memory over repeats, plus one traced run."""
    runs = [run_child("child_journal.py", args, env) for _ in range(repeats)]
    traced = run_child("child_journal.py", [*args, "--trace"], env)
    return {
        "seconds": median([r["seconds"] for r in runs]),
        "process_wall_s": median([r["process_wall_s"] for r in runs]),
        "maxrss_mib": max(r["maxrss_mib"] for r in runs),
        "tracemalloc_peak_mib": traced["tracemalloc_peak_mib"],
        "samples_s": [r["seconds"] for r in runs],
        **{k: v for k, v in runs[0].items() if k in ("bytes", "added", "read")},
    }


def exchange(tmp: Path, repeats: int) -> dict[str, Any]:
    """Export a 10,000-answer journal to every format, then import the JSON export."""
    data = tmp / "big"
    env = child_env(data)
    log(f"journal: making a journal with {ANSWERS:,} answers")
    made = run_child("child_journal.py", ["make", str(ANSWERS), str(data / "journal.sqlite3")], env)
    result: dict[str, Any] = {"answers": made["added"], "journal_bytes": made["bytes"]}
    result["formats"] = export_formats(env)
    result["export"] = {}
    for fmt in result["formats"]:
        log(f"journal: export --format {fmt}")
        out = tmp / f"export.{fmt}"
        result["export"][fmt] = _timed_runs(["export", fmt, str(out)], env, repeats)
    if "json" in result["formats"]:
        log("journal: import the JSON export into an empty journal")
        target = tmp / "imported"
        args = ["import", str(tmp / "export.json"), str(target / "journal.sqlite3")]
        result["import_json"] = _fresh_imports(args, env, target, repeats)
    return result


def _fresh_imports(args: list[str], env: dict[str, str], target: Path, repeats: int) -> dict:
    """Import runs, each into an empty journal (no tracemalloc run: it is ten times slower)."""
    runs = []
    for _ in range(repeats):
        for part in target.glob("journal.sqlite3*"):
            part.unlink()
        runs.append(run_child("child_journal.py", args, env))
    return {
        "seconds": median([r["seconds"] for r in runs]),
        "process_wall_s": median([r["process_wall_s"] for r in runs]),
        "maxrss_mib": max(r["maxrss_mib"] for r in runs),
        "added": runs[0]["added"],
        "samples_s": [r["seconds"] for r in runs],
    }


def measure(tmp: Path, repeats: int) -> dict[str, Any]:
    """Save latency and the 10,000-answer exchange figures."""
    return {"save": save_latency(tmp), "exchange": exchange(tmp, repeats)}
