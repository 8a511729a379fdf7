"""The notebooks' structure: stored clean, built to the learning design, ids that resolve."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.helpers.notebooks import NOTEBOOKS, SHOW, cells, shown_ids
from valued_contributors.content.compiled import course
from valued_contributors.content.loader import ACTIVITY_DIR

SECTIONS = [nb for nb in NOTEBOOKS if nb.name[:2] in {"01", "02", "03", "04", "05", "06"}]


def markdown(path: Path) -> str:
    return "\n".join(c.source for c in cells(path) if c.cell_type == "markdown")


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == [
        "00_start_here.ipynb",
        "01_why_every_voice_counts.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path: Path) -> None:
    for cell in cells(path):
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source
            assert cell.execution_count is None, cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_is_hidden_from_book_readers(path: Path) -> None:
    for cell in cells(path):
        if cell.cell_type == "code":
            tags = set(cell.metadata.get("tags", []))
            assert tags & {"remove-input", "remove-cell"}, f"visible code: {cell.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_headings_go_down_one_level_at_a_time(path: Path) -> None:
    levels = [len(m) for m in re.findall(r"^(#+) ", markdown(path), flags=re.M)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading jumps from level {before} to {after}"


@pytest.mark.parametrize("path", SECTIONS, ids=lambda p: p.name)
def test_every_section_follows_the_learning_design(path: Path) -> None:
    text = markdown(path)
    for heading in ("## Learning outcomes", "## Summary", "## Further resources"):
        assert heading in text, f"{path.name} has no '{heading}'"
    assert re.search(r"\{cite:[pt]\}`", text), f"{path.name} cites nothing"
    assert re.search(r"takes about \*\*[^*]+\*\*", text), f"{path.name} gives no time estimate"
    outcomes = text.split("## Learning outcomes", 1)[1].split("\n## ", 1)[0]
    assert 3 <= len(re.findall(r"^- ", outcomes, flags=re.M)) <= 5, "3 to 5 learning outcomes"
    activities = [course().get(i) for i in shown_ids(path)]
    reflections = [a for a in activities if a.kind == "reflection"]
    assert len(reflections) >= 3
    assert all(r.guidance and r.discussion for r in reflections), "reflections need both"
    checks = [a for a in activities if a.kind == "check"]
    assert checks
    assert max(len(c.questions) for c in checks) >= 4
    assert any(a.kind == "scenario" for a in activities)


ACTIVITY_HEADING = re.compile(r"^###\s+Activity \d+: .+\((\d+) minutes?\)\s*$", flags=re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_activity_headings_give_the_activitys_own_time(path: Path) -> None:
    minutes = None
    for cell in cells(path):
        if cell.cell_type == "markdown":
            found = ACTIVITY_HEADING.findall(cell.source)
            minutes = int(found[-1]) if found else minutes
        elif match := SHOW.match(cell.source):
            activity = course().get(match.group(1))
            assert minutes == activity.minutes, f"{activity.id}: heading says {minutes} minutes"
            minutes = None


def test_the_course_takes_a_few_hours_of_activities() -> None:
    total = sum(a.minutes for a in course().activities.values())
    assert total <= 8 * 60


def test_every_activity_shown_exists_and_every_activity_is_shown() -> None:
    known = set(course().activities)
    used = [i for nb in NOTEBOOKS for i in shown_ids(nb)]
    assert set(used) <= known, f"unknown ids: {sorted(set(used) - known)}"
    assert set(used) == known, f"never shown: {sorted(known - set(used))}"
    assert len(used) == len(set(used)), "an activity is shown twice"


def test_no_id_is_defined_twice_across_files() -> None:
    ids = []
    for path in sorted(ACTIVITY_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids += [f"{data['section']}/{a['id']}" for a in data["activities"]]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_the_start_has_the_baseline_confidence_scale() -> None:
    kinds = [course().get(i).kind for i in shown_ids(NOTEBOOKS[0])]
    assert "confidence" in kinds
