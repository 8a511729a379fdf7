"""Child process for step 3: journal saves, a large journal, its export and its import.

Usage (prints one JSON line):
  child_journal.py save COUNT JOURNAL         time COUNT saves, as a learner typing would make
  child_journal.py make COUNT JOURNAL         fill a journal with COUNT realistic answers
  child_journal.py export FORMAT OUT [--trace]   export the journal in $VALUED_CONTRIBUTORS_DATA
  child_journal.py import FILE JOURNAL [--trace] read an export and merge it into a journal
"""

from __future__ import annotations

import json
import random
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from peak_memory import peak_rss_mib

WORDS = (  # noqa: SIM905 - a line of words reads better than a list of 24 strings
    "people who use services carers workers planning voice trust rota visit shift team "
    "support listening coaching change value time road winter evening manager training"
).split()


def _text(rng: random.Random, words: int) -> str:
    """A reflection-like paragraph of roughly this many words."""
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _value(activity: Any, rng: random.Random) -> dict[str, Any]:
    """A valid answer value for an activity of any kind."""
    if activity.kind == "reflection":
        return {"text": _text(rng, rng.randint(40, 250))}
    if activity.kind == "confidence":
        return {"ratings": {s.id: rng.randint(1, 5) for s in activity.statements}}
    if activity.kind == "check":
        return {"selected": {q.id: [rng.choice(q.options).id] for q in activity.questions}}
    return {"choice": rng.choice(activity.choices).id}


def _answers(count: int) -> list[Any]:
    """COUNT answer versions spread over the course's real activities, one minute apart."""
    from valued_contributors.content import load_course
    from valued_contributors.journal import Answer

    rng = random.Random(20260301)
    activities = list(load_course().activities.values())
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    answers = []
    for n in range(count):
        activity = activities[n % len(activities)]
        when = (start + timedelta(minutes=n)).isoformat(timespec="milliseconds")
        answers.append(Answer(activity.id, _value(activity, rng), when.replace("+00:00", "Z")))
    return answers


def save(count: int, path: Path) -> dict[str, Any]:
    """Time each of COUNT saves of a growing reflection, as debounced typing would save it."""
    from valued_contributors.journal import Journal

    rng = random.Random(1)
    ids = ["voices/knowledge", "voices/ripple", "voices/everyday", "start/hopes"]
    latencies = []
    with Journal(path) as journal:
        for n in range(count):
            value = {"text": f"Draft {n}. " + _text(rng, 60 + n % 200)}
            begin = time.perf_counter_ns()
            journal.save(ids[n % len(ids)], value)
            latencies.append((time.perf_counter_ns() - begin) / 1e6)
    return {"latencies_ms": latencies}


def make(count: int, path: Path) -> dict[str, Any]:
    """Fill a journal with COUNT answers in one merge."""
    from valued_contributors.journal import Journal

    with Journal(path) as journal:
        added = journal.merge(_answers(count))
    return {"added": added, "bytes": path.stat().st_size}


def export(fmt: str, out: Path) -> dict[str, Any]:
    """Export the journal with the command line's own code, in the given format."""
    from valued_contributors import cli

    status = cli.main(["export", "--format", fmt, "-o", str(out)])
    if status != 0:
        raise SystemExit(f"export --format {fmt} failed with status {status}")
    return {"bytes": out.stat().st_size}


def import_(source: Path, path: Path) -> dict[str, Any]:
    """Read an exchange file and merge it into a journal, as 'valued-contributors import' does."""
    from valued_contributors.formats import answers as answers_file
    from valued_contributors.journal import Journal

    answers = answers_file.read_file(source)
    with Journal(path) as journal:
        added = journal.merge(answers)
    return {"added": added, "read": len(answers)}


def main() -> None:
    """Run one mode, timing it, and print the result with peak memory as JSON."""
    mode, first, second = sys.argv[1:4]
    actions = {
        "save": lambda: save(int(first), Path(second)),
        "make": lambda: make(int(first), Path(second)),
        "export": lambda: export(first, Path(second)),
        "import": lambda: import_(Path(first), Path(second)),
    }
    trace = "--trace" in sys.argv
    if trace:
        tracemalloc.start()
    begin = time.perf_counter()
    report = actions[mode]()
    report["seconds"] = time.perf_counter() - begin
    report["maxrss_mib"] = peak_rss_mib()
    if trace:
        report["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(json.dumps(report))


if __name__ == "__main__":
    main()
