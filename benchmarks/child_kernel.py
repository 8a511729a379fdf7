"""Child process for step 2: import and make one MIME bundle, then report time and peak memory.

Usage: child_kernel.py course|ipywidgets|phases [--trace] [--kernel-preloaded].
Prints one JSON line. With --kernel-preloaded, ipykernel (what every Jupyter kernel has already
imported) is imported before the clock starts, so only the course's own cost is timed.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from typing import Any

from peak_memory import peak_rss_mib


def course_bundle() -> dict[str, Any]:
    """Import the course and make the first activity's bundle, as a notebook cell does."""
    from valued_contributors import show

    return show("voices/ripple")._repr_mimebundle_()


def ipywidgets_bundle() -> dict[str, Any]:
    """Import ipywidgets and make one plain widget's bundle: the peer figure."""
    import ipywidgets

    return ipywidgets.Textarea()._repr_mimebundle_()


def phases() -> dict[str, float]:
    """The course figure split into its parts, in seconds, to show where the time goes."""
    marks = [time.perf_counter()]
    import ipywidgets  # noqa: F401

    marks.append(time.perf_counter())
    from valued_contributors.views import activity

    marks.append(time.perf_counter())
    chosen = activity.course().get("voices/ripple")
    marks.append(time.perf_counter())
    activity.widgets.build(chosen)._repr_mimebundle_()
    marks.append(time.perf_counter())
    activity.html.render(chosen)
    marks.append(time.perf_counter())
    names = ["import_ipywidgets", "import_course_modules", "load_course", "widgets", "html"]
    return {name: marks[i + 1] - marks[i] for i, name in enumerate(names)}


def main() -> None:
    """Run the chosen case and print its timings and peak memory as JSON."""
    case = sys.argv[1]
    if "--kernel-preloaded" in sys.argv:
        import ipykernel.ipkernel  # noqa: F401
    trace = "--trace" in sys.argv
    if trace:
        tracemalloc.start()
    begin = time.perf_counter()
    result = {"course": course_bundle, "ipywidgets": ipywidgets_bundle, "phases": phases}[case]()
    seconds = time.perf_counter() - begin
    report: dict[str, Any] = {
        "case": case,
        "seconds": seconds,
        "maxrss_mib": peak_rss_mib(),
        "modules": len(sys.modules),
    }
    report["phases" if case == "phases" else "bundle_types"] = (
        result if case == "phases" else sorted(result)
    )
    if trace:
        report["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(report))


if __name__ == "__main__":
    main()
