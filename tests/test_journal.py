"""The journal's guarantees: history, privacy, round trips, idempotent imports, migrations."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT
from valued_contributors.core.answer import Answer
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as answers_file
from valued_contributors.journal import Journal, JournalError, journal_path, migrations


def contents(journal: Journal) -> list[Answer]:
    return journal.answers()


def test_every_version_is_kept_with_its_time(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.save("voices/ripple", {"text": "first"}, saved_at="2026-01-01T10:00:00.000Z")
        journal.save("voices/ripple", {"text": "second"}, saved_at="2026-01-01T10:05:00.000Z")
        journal.save("voices/ripple", {"text": "second"}, saved_at="2026-01-01T10:06:00.000Z")
        history = journal.history("voices/ripple")
    assert [a.value["text"] for a in history] == ["first", "second"]
    assert [a.saved_at for a in history] == ["2026-01-01T10:00:00.000Z", "2026-01-01T10:05:00.000Z"]


def test_the_latest_answer_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        journal.save("start/hopes", {"text": "to listen better"})
    with Journal(path) as journal:
        assert journal.latest("start/hopes").value == {"text": "to listen better"}
        assert journal.latest("start/other") is None


def test_the_latest_answer_is_the_newest_even_when_imported_out_of_order(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.save("voices/ripple", {"text": "noon"}, saved_at="2026-01-01T12:00:00.000Z")
        journal.merge(
            [
                Answer("voices/ripple", {"text": "morning"}, "2026-01-01T09:00:00.000Z", "book"),
                Answer("voices/ripple", {"text": "evening"}, "2026-01-01T18:00:00.000Z", "book"),
                Answer("voices/ripple", {"text": "evening, again"}, "2026-01-01T18:00:00.000Z"),
            ]
        )
        latest = journal.latest("voices/ripple")
        assert latest == journal.history("voices/ripple")[-1]
    assert latest.value == {"text": "evening, again"}
    assert latest.origin == "notebook"


def test_the_journal_is_private_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "new" / "j.sqlite3"
    with Journal(path) as journal:
        journal.save("start/hopes", {"text": "x"})
        mode = journal._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_data_folder_follows_the_environment(data_dir: Path) -> None:
    assert journal_path() == data_dir / "journal.sqlite3"


def test_the_default_journal_is_outside_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VALUED_CONTRIBUTORS_DATA")
    assert ROOT not in journal_path().parents


def test_export_then_import_into_an_empty_journal_gives_the_same_export(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as first:
        first.save("voices/ripple", {"text": "Gàidhlig, عربى, 🙂 and <b>tags</b>\x00"})
        first.save("voices/ripple", {"text": "changed my mind"})
        first.save("start/baseline", {"ratings": {"coaching": 2, "world-cafe": 5}})
        first.save("voices/check", {"selected": {"q1": ["a"], "q3": ["b", "c"]}})
        first.save("voices/rota", {"choice": "c"}, origin="book")
        exported = answers_file.to_document(first.answers())
    path = tmp_path / "export.json"
    path.write_text(answers_file.dumps(exported), encoding="utf-8")
    with Journal(tmp_path / "b.sqlite3") as second:
        assert second.merge(answers_file.read_file(path)) == 5
        again = answers_file.to_document(second.answers())
    assert again["answers"] == exported["answers"]


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as journal:
        journal.save("voices/ripple", {"text": "one"})
        document = answers_file.to_document(journal.answers())
    answers = answers_file.from_document(json.loads(answers_file.dumps(document)))
    with Journal(tmp_path / "b.sqlite3") as other:
        assert other.merge(answers) == 1
        before = other.answers()
        assert other.merge(answers) == 0
        assert other.answers() == before


BAD_DOCUMENTS = {
    "foreign file": ({"name": "a shopping list"}, "not a Valued Contributors answers file"),
    "wrong version": (
        {"format": "valued-contributors/answers", "version": 99, "answers": []},
        "version 99",
    ),
    "wrong value type": (
        {
            "format": "valued-contributors/answers",
            "version": 1,
            "answers": [
                {
                    "activity": "voices/ripple",
                    "kind": "reflection",
                    "value": {"text": 5},
                    "saved_at": "2026-01-01T10:00:00.000Z",
                }
            ],
        },
        "damaged at answer 1 (value/text): it must be text",
    ),
    "kind does not match value": (
        {
            "format": "valued-contributors/answers",
            "version": 1,
            "answers": [
                {
                    "activity": "voices/ripple",
                    "kind": "scenario",
                    "value": {"text": "hello"},
                    "saved_at": "2026-01-01T10:00:00.000Z",
                }
            ],
        },
        "does not match its kind",
    ),
}


@pytest.mark.parametrize("case", BAD_DOCUMENTS, ids=list(BAD_DOCUMENTS))
def test_a_bad_file_gives_one_sentence_and_leaves_the_journal_unchanged(
    tmp_path: Path, case: str
) -> None:
    document, words = BAD_DOCUMENTS[case]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.save("voices/ripple", {"text": "keep me"})
        before = journal.answers()
        with pytest.raises(FormatError) as raised:
            journal.merge(answers_file.read_file(path))
        assert journal.answers() == before
    message = str(raised.value)
    assert words in message
    assert message.count(". ") == 0
    assert message.endswith(".")


def test_malformed_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "valued-contributors/answers", ', encoding="utf-8")
    with pytest.raises(FormatError, match="not valid JSON"):
        answers_file.read_file(path)


def test_a_failing_import_rolls_back_every_answer(tmp_path: Path) -> None:
    good = Answer("voices/ripple", {"text": "new"}, "2026-01-01T10:00:00.000Z")
    unstorable = Answer("voices/other", {"text": object()}, "2026-01-01T10:00:00.000Z")
    with Journal(tmp_path / "j.sqlite3") as journal:
        with pytest.raises(TypeError):
            journal.merge([good, unstorable])
        assert journal.answers() == []


def test_an_older_journal_is_migrated_and_keeps_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(db, target=1)
    db.execute(
        "INSERT INTO answers (activity, value, saved_at) VALUES (?, ?, ?)",
        ("voices/ripple", '{"text":"written in version 1"}', "2025-06-01T09:00:00.000Z"),
    )
    db.close()
    with Journal(path) as journal:
        assert journal.schema_version() == migrations.LATEST
        [answer] = journal.answers()
    assert answer.value == {"text": "written in version 1"}
    assert answer.origin == "notebook"


def test_a_journal_from_a_newer_course_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    db.close()
    with pytest.raises(JournalError, match="newer version"):
        Journal(path)


def test_a_damaged_journal_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with Journal(path) as journal:
        journal.save("voices/ripple", {"text": "fresh start"})
        notice = journal.notice
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not a database")
    assert str(kept[0]) in notice


def test_an_unusable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(JournalError, match="cannot be saved in .*VALUED_CONTRIBUTORS_DATA"):
        Journal(blocker / "journal.sqlite3")


def test_forget_deletes_every_answer(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        journal.save("voices/ripple", {"text": "private thought"})
        journal.save("voices/ripple", {"text": "another private thought"})
        assert journal.forget() == 2
        assert journal.answers() == []
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"private thought" not in raw
    assert os.path.exists(path)
