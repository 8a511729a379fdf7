"""Benchmark the course: book builds, kernel start, journal, the built book in Chromium, tests.

Run with the project's venv: `.venv/bin/python benchmarks/run.py [--quick]` (or `make bench`).
Results go to benchmarks/results/latest.json and latest.md; the table is printed on stdout.
Everything happens in temporary folders: the repo's _build and the learner's journal are never
touched (VALUED_CONTRIBUTORS_DATA points at a temporary folder for every child process).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench_book
import bench_browser
import bench_journal
import bench_kernel
import bench_report
import bench_tests
from bench_common import DATA_ENV, RESULTS, log, machine

STEPS = ("book", "kernel", "journal", "browser", "tests")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: which steps to run and how many repeats."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="skip the book builds (step 1) and the tests (step 5)"
    )
    parser.add_argument(
        "--with-tests",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time the test suite (step 5; default: on, off with --quick)",
    )
    parser.add_argument("--only", choices=STEPS, nargs="+", help="run only these steps")
    parser.add_argument("--repeats", type=int, default=9, help="repeats for kernel and browser")
    parser.add_argument("--build-repeats", type=int, default=1, help="repeats of step 1")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def chosen_steps(args: argparse.Namespace) -> list[str]:
    """The steps this run takes, in order."""
    if args.only:
        return [s for s in STEPS if s in args.only]
    skipped = {"book", "tests"} if args.quick else set()
    if not args.with_tests:
        skipped.add("tests")
    return [s for s in STEPS if s not in skipped]


def step_runners(args: argparse.Namespace) -> dict[str, Callable[[Path], dict[str, Any]]]:
    """Each step as a function of its own temporary folder."""
    return {
        "book": lambda tmp: bench_book.measure(tmp, args.build_repeats),
        "kernel": lambda tmp: bench_kernel.measure(tmp, args.repeats),
        "journal": lambda tmp: bench_journal.measure(tmp, max(3, args.repeats // 3)),
        "browser": lambda tmp: bench_browser.measure(tmp, args.repeats),
        "tests": bench_tests.measure,
    }


def run_steps(steps: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Run each step in its own folder; a failed step is recorded and the others still run."""
    results: dict[str, Any] = {"machine": machine(), "steps": steps, "errors": {}, "seconds": {}}
    runners = step_runners(args)
    for step in steps:
        if step == "browser" and not Path(bench_browser.CHROMIUM).exists():
            results["errors"][step] = (
                f"{bench_browser.CHROMIUM} is missing (apt-get install chromium)"
            )
            continue
        begin = time.perf_counter()
        try:
            results[step] = runners[step](tmp / step)
        except Exception:  # noqa: BLE001 - report every failure, carry on with the other steps
            results["errors"][step] = traceback.format_exc()
            log(f"{step} failed:\n{results['errors'][step]}")
        results["seconds"][step] = time.perf_counter() - begin
    return results


def write(results: dict[str, Any]) -> str:
    """Save the JSON results and the Markdown table; return the table with its machine line."""
    made = bench_report.rows(results)
    results["goals"] = bench_report.goals(made)
    text = (
        f"Machine: {bench_report.machine_line(results['machine'])}\n\n{bench_report.table(made)}\n"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    """Run the chosen steps in a temporary folder, then print and save the results."""
    args = parse_args(argv)
    steps = chosen_steps(args)
    tmp = Path(tempfile.mkdtemp(prefix="vc-bench-"))
    os.environ[DATA_ENV] = str(tmp / "journal")
    log(f"steps: {', '.join(steps)}; temporary folder {tmp}")
    try:
        results = run_steps(steps, args, tmp)
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(write(results))
    for step, error in results["errors"].items():
        print(f"{step}: failed; see benchmarks/results/latest.json ({error.splitlines()[-1]})")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
