"""Where the journal lives: the user's data folder, or one named by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "VALUED_CONTRIBUTORS_DATA"
FILE_NAME = "journal.sqlite3"


def data_dir() -> Path:
    """The folder that holds the learner's data."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    return Path(user_data_dir("valued-contributors", appauthor=False))


def journal_path() -> Path:
    """The journal file inside the data folder."""
    return data_dir() / FILE_NAME
