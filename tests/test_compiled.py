"""The compiled course: the same content as the activity files, refreshed when they change,
and never a reason for the course to fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from valued_contributors.content import ContentError, load_course
from valued_contributors.content.compiled import FILE_NAME, load
from valued_contributors.content.loader import ACTIVITY_DIR, activity_files


@pytest.fixture
def activities(tmp_path: Path) -> Path:
    """A copy of the course's activity files that a test may edit."""
    folder = tmp_path / "activities"
    shutil.copytree(ACTIVITY_DIR, folder)
    return folder


def test_the_compiled_copy_holds_the_same_course_as_the_files(
    activities: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "cache" / FILE_NAME
    first = load(activity_files(activities), copy)
    assert copy.is_file()
    stored = json.loads(copy.read_text(encoding="utf-8"))
    assert len(stored["sections"]) == len(activity_files(activities))
    again = load(activity_files(activities), copy)
    assert again == first == load_course(activities)


def test_an_edited_file_is_read_again(activities: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cache" / FILE_NAME
    load(activity_files(activities), copy)
    start = activities / "00_start_here.yaml"
    text = start.read_text(encoding="utf-8")
    first_title = load_course(activities).sections[0].activities[0].title
    start.write_text(text.replace(first_title, "A new title for the first activity", 1), "utf-8")
    changed = load(activity_files(activities), copy)
    assert changed.sections[0].activities[0].title == "A new title for the first activity"


def test_a_broken_file_is_reported_even_when_an_older_copy_exists(
    activities: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "cache" / FILE_NAME
    load(activity_files(activities), copy)
    start = activities / "00_start_here.yaml"
    start.write_text(start.read_text(encoding="utf-8").replace("minutes:", "minutez:", 1), "utf-8")
    with pytest.raises(ContentError, match="00_start_here.yaml"):
        load(activity_files(activities), copy)


@pytest.mark.parametrize("garbage", ["", "{not json", '{"key": 1}', '{"key": "x", "sections": 3}'])
def test_a_damaged_copy_is_replaced(activities: Path, tmp_path: Path, garbage: str) -> None:
    copy = tmp_path / "cache" / FILE_NAME
    expected = load(activity_files(activities), copy)
    key = json.loads(copy.read_text(encoding="utf-8"))["key"]
    damaged = garbage.replace('"x"', json.dumps(key))
    copy.write_text(damaged, encoding="utf-8")
    assert load(activity_files(activities), copy) == expected
    assert json.loads(copy.read_text(encoding="utf-8"))["key"] == key


def test_an_unusable_cache_folder_only_costs_time(activities: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    course = load(activity_files(activities), blocker / FILE_NAME)
    assert course == load_course(activities)
    assert blocker.is_file()
    assert not list(tmp_path.glob("**/*.partial"))


SHOW_EVERYTHING = """
import json, sys
from valued_contributors.content.compiled import course
from valued_contributors.views import html, widgets
pages = {a.id: html.render(a) for a in course().activities.values()}
for activity in course().activities.values():
    widgets.build(activity)._repr_mimebundle_()
slow = [m for m in ("yaml", "fastjsonschema", "markdown_it") if m in sys.modules]
print(json.dumps({"slow": slow, "pages": pages}))
"""


def _show_everything(env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SHOW_EVERYTHING], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_kernel_with_a_current_copy_skips_yaml_the_schema_and_markdown(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "VALUED_CONTRIBUTORS_CACHE": str(tmp_path / "cache"),
        "VALUED_CONTRIBUTORS_DATA": str(tmp_path / "data"),
    }
    first = _show_everything(env)
    assert first["slow"] == ["yaml", "fastjsonschema", "markdown_it"]
    second = _show_everything(env)
    assert second["slow"] == []
    assert second["pages"] == first["pages"]
