"""Faults and bad input: the journal loses nothing it saved, and says clearly what is wrong."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import ipywidgets as widgets
import pytest

from tests.helpers.content import BY_NAME
from tests.helpers.widgets import find
from valued_contributors.cli import main
from valued_contributors.content.model import MAX_TEXT
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as answers_file
from valued_contributors.journal import Journal, JournalError
from valued_contributors.views import saving
from valued_contributors.views.widgets import build

CRASH_TRIALS = 50
WRITER = """
import sys
from valued_contributors.journal import Journal
journal = Journal(sys.argv[1])
start = int(sys.argv[2])
for n in range(start, start + 100000):
    journal.save(f"voices/crash-{n % 7}", {"text": f"answer {n} " + "x" * (n % 300)})
    print(n, flush=True)
"""
NASTY = [
    "Gàidhlig: Tha mi ag èisteachd.",
    "عربى: أنا أستمع",
    "עברית: אני מקשיב",
    "emoji 🙂👩🏽‍🦽🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "control \x01\x02\x1b[31m and NUL \x00 inside",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "\u202eright-to-left override",
]


@pytest.mark.slow
def test_a_writer_killed_at_random_never_loses_a_returned_save(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    confirmed: set[int] = set()
    rng = random.Random(20261129)
    start = 0
    for _ in range(CRASH_TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        wanted = rng.randint(1, 40)
        lines = []
        while len(lines) < wanted:
            line = writer.stdout.readline()
            if not line:
                break
            lines.append(int(line))
        time.sleep(rng.random() * 0.01)
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        confirmed |= set(lines) | {int(n) for n in rest.split()}
        start = max(confirmed, default=start) + 1
        with Journal(path) as journal:
            stored = {int(a.value["text"].split()[1]) for a in journal.answers()}
            assert journal.notice is None
        missing = confirmed - stored
        assert not missing, f"saves that returned but were lost: {sorted(missing)[:5]}"
    assert len(confirmed) >= CRASH_TRIALS


CONCURRENT = """
import sys
from valued_contributors.journal import Journal
journal = Journal(sys.argv[1])
for n in range(500):
    journal.save(f"voices/{sys.argv[2]}-{n % 10}", {"text": f"{sys.argv[2]} {n}"})
print("done")
"""


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT, str(path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    results = [w.communicate(timeout=120) for w in writers]
    for out, err in results:
        assert out.strip() == "done"
        assert err == ""
    with Journal(path) as journal:
        texts = {a.value["text"] for a in journal.answers()}
    assert len(texts) == 1000


def test_a_full_disk_shows_a_message_keeps_the_text_and_saves_it_later(data_dir: Path) -> None:
    box = build(BY_NAME["thoughts"])
    area = find(box, widgets.Textarea)[0]
    area.value = "small"
    journal = saving.current_journal()
    pages = journal._db.execute("PRAGMA page_count").fetchone()[0]
    journal._db.execute(f"PRAGMA max_page_count = {pages}")
    area.value = "a long reflection " * 5000
    statuses = " ".join(w.value for w in find(box, widgets.HTML))
    assert "Not saved yet" in statuses
    assert "full" in statuses
    assert "Traceback" not in statuses
    assert area.value.startswith("a long reflection")
    journal._db.execute("PRAGMA max_page_count = 1073741823")
    area.value += "and one more line"
    assert journal.latest("sample/thoughts").value["text"].endswith("and one more line")


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_any_text_is_stored_and_exported_exactly(tmp_path: Path, text: str) -> None:
    with Journal(tmp_path / "a.sqlite3") as journal:
        journal.save("voices/ripple", {"text": text})
        document = answers_file.to_document(journal.answers())
    path = tmp_path / "out.json"
    path.write_text(answers_file.dumps(document), encoding="utf-8")
    [answer] = answers_file.read_file(path)
    assert answer.value["text"] == text


def test_a_megabyte_of_text_round_trips(tmp_path: Path) -> None:
    text = ("Ceud mìle fàilte 🙂 " * 60000)[:MAX_TEXT]
    assert len(text.encode("utf-8")) > 1024 * 1024
    with Journal(tmp_path / "a.sqlite3") as journal:
        journal.save("voices/ripple", {"text": text})
        path = tmp_path / "out.json"
        path.write_text(answers_file.dumps(answers_file.to_document(journal.answers())), "utf-8")
    with Journal(tmp_path / "b.sqlite3") as other:
        assert other.merge(answers_file.read_file(path)) == 1
        assert other.latest("voices/ripple").value["text"] == text


def test_text_over_the_limit_is_refused_with_the_limit_and_kept(data_dir: Path) -> None:
    box = build(BY_NAME["thoughts"])
    area = find(box, widgets.Textarea)[0]
    area.value = "x" * (MAX_TEXT + 5)
    statuses = " ".join(w.value for w in find(box, widgets.HTML))
    assert "up to 1,000,000 characters" in statuses
    assert "5 over" in statuses
    assert len(area.value) == MAX_TEXT + 5


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(answers_file.MAX_BYTES + 1)
    with pytest.raises(FormatError, match="more than the 50 MB"):
        answers_file.read_file(huge)


def test_unknown_activities_are_kept_and_reported(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {
        "format": "valued-contributors/answers",
        "version": 1,
        "answers": [
            {
                "activity": "future/section",
                "kind": "reflection",
                "value": {"text": "from a newer course"},
                "saved_at": "2027-01-01T10:00:00.000Z",
            }
        ],
    }
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 of the answers are for activities this version of the course does not have" in out
    with Journal() as journal:
        assert journal.latest("future/section").value == {"text": "from a newer course"}


def test_a_damaged_journal_is_reported_by_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "journal.sqlite3").write_bytes(os.urandom(8192))
    assert main(["export"]) == 0
    err = capsys.readouterr().err
    assert "was damaged, so it was moved to" in err
    assert len(list(data_dir.glob("journal.sqlite3.damaged-*"))) == 1


LOCKED_WRITER = """
import sqlite3, sys
from valued_contributors.journal import Journal

def traced(*args, **kwargs):
    connection = sqlite3_connect(*args, **kwargs)
    connection.set_trace_callback(lambda sql: print("sql:", sql, flush=True))
    return connection

sqlite3_connect, sqlite3.connect = sqlite3.connect, traced
Journal(sys.argv[1]).save("voices/ripple", {"text": "waited"})
print("ok", flush=True)
"""


def test_a_locked_journal_waits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiter = subprocess.Popen(
        [sys.executable, "-c", LOCKED_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert waiter.stdout is not None
    said = []
    for line in waiter.stdout:  # until the writer starts its write transaction (and waits)
        said.append(line.strip())
        if line.strip() == "sql: BEGIN IMMEDIATE":
            break
    assert said[-1:] == ["sql: BEGIN IMMEDIATE"], said
    assert waiter.poll() is None, "the writer did not wait for the lock"
    holder.execute("COMMIT")
    holder.close()
    assert waiter.communicate(timeout=60)[0].split()[-1] == "ok"
    with Journal(path) as journal:
        assert journal.latest("voices/ripple").value == {"text": "waited"}


def test_a_journal_error_is_one_sentence_with_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(JournalError) as raised:
        Journal(blocker / "journal.sqlite3")
    message = str(raised.value)
    assert "\n" not in message
    assert message.endswith(".")
    assert "VALUED_CONTRIBUTORS_DATA" in message
