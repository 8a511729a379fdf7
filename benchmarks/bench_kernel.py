"""Step 2: import the course and make the first activity's MIME bundle in a fresh process,
beside importing ipywidgets and making one plain widget's bundle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench_common import CACHE_ENV, child_env, log, median, run_child

CASES = ("course", "ipywidgets")


def _runs(env: dict[str, str], repeats: int, *flags: str) -> dict[str, list[dict[str, Any]]]:
    """Alternate the two cases, so machine noise falls on both alike."""
    runs: dict[str, list[dict[str, Any]]] = {case: [] for case in CASES}
    for case in CASES:
        run_child("child_kernel.py", [case, *flags], env)  # warm the file cache; not counted
    for _ in range(repeats):
        for case in CASES:
            runs[case].append(run_child("child_kernel.py", [case, *flags], env))
    return runs


def _summary(runs: list[dict[str, Any]], traced: dict[str, Any]) -> dict[str, Any]:
    """Median time and peak memory of one case's runs."""
    return {
        "seconds": median([r["seconds"] for r in runs]),
        "process_wall_s": median([r["process_wall_s"] for r in runs]),
        "maxrss_mib": median([r["maxrss_mib"] for r in runs]),
        "tracemalloc_peak_mib": traced["tracemalloc_peak_mib"],
        "modules": runs[0]["modules"],
        "samples_s": [r["seconds"] for r in runs],
    }


def measure(tmp: Path, repeats: int) -> dict[str, Any]:
    """Both cases in fresh processes, several repeats, medians and ratios; plus diagnostics."""
    env = child_env(tmp / "kernel-data", bytecode=True)
    log(f"kernel: {repeats} fresh processes for each case")
    runs = _runs(env, repeats)
    traced = {case: run_child("child_kernel.py", [case, "--trace"], env) for case in CASES}
    result = {case: _summary(runs[case], traced[case]) for case in CASES}
    course, peer = result["course"], result["ipywidgets"]
    result["ratio_time"] = course["seconds"] / peer["seconds"]
    result["ratio_wall"] = course["process_wall_s"] / peer["process_wall_s"]
    result["ratio_rss"] = course["maxrss_mib"] / peer["maxrss_mib"]
    log("kernel: diagnostics (phases; with ipykernel already imported)")
    phase_runs = [run_child("child_kernel.py", ["phases"], env)["phases"] for _ in range(repeats)]
    result["phases_s"] = {k: median([p[k] for p in phase_runs]) for k in phase_runs[0]}
    preloaded = _runs(env, repeats, "--kernel-preloaded")
    pre = {case: median([r["seconds"] for r in preloaded[case]]) for case in CASES}
    result["kernel_preloaded_s"] = pre
    result["kernel_preloaded_ratio"] = pre["course"] / pre["ipywidgets"]
    log("kernel: first start, before the compiled course exists")
    cold = [
        run_child("child_kernel.py", ["course"], {**env, CACHE_ENV: str(tmp / f"empty-cache-{n}")})
        for n in range(max(3, repeats // 3))
    ]
    result["no_compiled_copy_s"] = median([r["seconds"] for r in cold])
    result["no_compiled_copy_ratio"] = result["no_compiled_copy_s"] / peer["seconds"]
    return result
