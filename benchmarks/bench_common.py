"""Shared helpers for the benchmark: paths, timing, statistics, child processes, machine facts."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
RESULTS = HERE / "results"
DATA_ENV = "VALUED_CONTRIBUTORS_DATA"
CACHE_ENV = "VALUED_CONTRIBUTORS_CACHE"


def log(message: str) -> None:
    """Print a progress line to stderr, so stdout keeps only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence."""
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return float(ordered[0])
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def child_env(data_dir: Path, bytecode: bool = False, **extra: str) -> dict[str, str]:
    """The environment for a child process: throwaway journal and cache folders beside
    ``data_dir``, never the real ones.

    With ``bytecode``, caching is turned on (into a throwaway folder too) even where the machine
    sets PYTHONDONTWRITEBYTECODE: an installed package has its ``.pyc`` files, so neither case
    of a start-up comparison should pay for compiling its source on every start. Callers warm
    that folder with an uncounted run first.
    """
    env = {
        **os.environ,
        DATA_ENV: str(data_dir),
        CACHE_ENV: str(data_dir.with_name(f"{data_dir.name}-cache")),
    }
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(data_dir.with_name(f"{data_dir.name}-bytecode"))
    env.update(extra)
    return env


def run_timed(
    cmd: Sequence[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 3600
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run a command to completion; return its wall time in seconds and the finished process."""
    start = time.perf_counter()
    done = subprocess.run(
        list(cmd), env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    return time.perf_counter() - start, done


def run_child(script: str, args: Sequence[str], env: dict[str, str]) -> dict[str, Any]:
    """Run one of the benchmark's child scripts in a fresh interpreter; return its JSON report."""
    wall, done = run_timed([sys.executable, str(HERE / script), *args], env)
    if done.returncode != 0:
        raise RuntimeError(f"{script} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["process_wall_s"] = wall
    return report


def _cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's guess."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    """Total memory in GiB from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return 0.0


def _git(*args: str) -> str:
    """Output of a read-only git command in the repository, or '' when git is unavailable."""
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return done.stdout.strip()


def machine() -> dict[str, Any]:
    """The facts a reader needs to compare runs: CPU, cores, memory, Python, date, commit."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }
