"""Step 5: wall time of the test suite (pytest as `make test` runs it) and of the lint step."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench_common import BIN, ROOT, child_env, log, run_timed


def _last_line(text: str) -> str:
    """The last non-empty line of some output (pytest's summary)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def measure(tmp: Path) -> dict[str, Any]:
    """Time ruff and `pytest -q -p no:cacheprovider` from the repo root with CI=true."""
    env = child_env(tmp / "test-data", CI="true")
    log("tests: ruff check and ruff format --check")
    lint_s, lint = run_timed([str(BIN / "ruff"), "check", "."], env, cwd=ROOT)
    fmt_s, fmt = run_timed([str(BIN / "ruff"), "format", "--check", "."], env, cwd=ROOT)
    log("tests: pytest (CI=true), this takes a few minutes")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    seconds, done = run_timed(cmd, env, cwd=ROOT)
    return {
        "pytest_seconds": seconds,
        "pytest_returncode": done.returncode,
        "pytest_summary": _last_line(done.stdout),
        "pytest_failed": [line for line in done.stdout.splitlines() if line.startswith("FAILED")],
        "ruff_seconds": lint_s + fmt_s,
        "ruff_ok": lint.returncode == 0 and fmt.returncode == 0,
    }
