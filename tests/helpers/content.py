"""Activity files for content tests: the sample section and broken copies of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.helpers.paths import SAMPLE_FILE
from valued_contributors.content import load_section

SAMPLE = load_section(SAMPLE_FILE)
BY_NAME = {a.id.split("/")[1]: a for a in SAMPLE.activities}  # "thoughts", "scale", "quiz", …


def sample_data() -> dict[str, Any]:
    """The sample section's file as data, to change before writing it out again."""
    data: dict[str, Any] = yaml.safe_load(SAMPLE_FILE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: object, name: str = "10_broken.yaml") -> Path:
    """Write an activity file (data, or raw text as it is) into ``tmp_path``."""
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path
