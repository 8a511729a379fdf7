"""The command line: where, export, import and forget, with one clear sentence on errors."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from valued_contributors.cli import main, parser
from valued_contributors.journal import Journal, journal_path


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "valued_contributors", *args],
        capture_output=True,
        text=True,
        input=stdin,
    )


def listed_commands(help_text: str) -> dict[str, str]:
    """The help's list of commands: each name (at the start of its own line) and what it does."""
    listing = help_text.split("positional arguments:")[1].split("options:")[0]
    entries = re.findall(r"^ {4}(\S+)(.*(?:\n {5,}.*)*)", listing, flags=re.M)
    return {name: " ".join(words.split()) for name, words in entries}


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    listed = listed_commands(result.stdout)
    [commands] = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(listed) == list(commands.choices)
    assert {"where", "export", "import", "progress", "forget", "check"} <= set(listed)
    assert all(listed.values()), f"a command without a description: {listed}"


def test_the_help_check_finds_a_missing_command() -> None:
    text = "positional arguments:\n  COMMAND\n    where       show where\n\noptions:\n"
    assert listed_commands(text) == {"where": "show where"}
    assert "import" not in listed_commands(text.replace("show where", "where, export, import"))


def test_where_prints_the_journal_path(data_dir: Path) -> None:
    result = run("where")
    assert str(data_dir / "journal.sqlite3") in result.stdout
    assert os.environ["VALUED_CONTRIBUTORS_CACHE"] in result.stdout


def test_export_import_round_trip_through_files(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "my view"})
    out = tmp_path / "answers.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["answers"][0]["value"] == {"text": "my view"}
    with Journal() as journal:
        journal.forget()
    assert main(["import", str(out)]) == 0
    assert "Imported 1 new answer version from" in capsys.readouterr().out
    assert main(["import", str(out)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    with Journal() as journal:
        assert journal.latest("voices/ripple").value == {"text": "my view"}


def test_export_to_the_screen_is_valid_json(data_dir: Path) -> None:
    result = run("export", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["format"] == "valued-contributors/answers"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not json at all", "not valid JSON"),
        ('{"format": "something-else"}', "not a Valued Contributors answers file"),
        ('{"format": "valued-contributors/answers", "version": 7, "answers": []}', "version 7"),
    ],
)
def test_a_bad_file_is_one_sentence_and_changes_nothing(
    data_dir: Path, tmp_path: Path, content: str, words: str
) -> None:
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "keep"})
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run("import", str(bad))
    assert result.returncode == 2
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    with Journal() as journal:
        assert [a.value for a in journal.answers()] == [{"text": "keep"}]


def test_a_missing_file_is_one_sentence(data_dir: Path) -> None:
    result = run("import", "no-such-file.json")
    assert result.returncode == 2
    assert "There is no file at no-such-file.json" in result.stderr


def test_forget_asks_first_and_says_what_it_deleted(data_dir: Path) -> None:
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "one"})
        journal.save("voices/ripple", {"text": "two"})
    refused = run("forget", stdin="no\n")
    assert refused.returncode == 1
    assert "Nothing was deleted" in refused.stdout
    done = run("forget", "--yes")
    assert done.returncode == 0
    assert f"Deleted 2 saved answer versions from {journal_path()}" in done.stdout
    with Journal() as journal:
        assert journal.answers() == []


def test_check_validates_the_course() -> None:
    result = run("check")
    assert result.returncode == 0
    assert "valid" in result.stdout
