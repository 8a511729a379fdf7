"""Every bad input gets one clear sentence, and nothing a learner wrote is ever lost.

Each refusal is checked the same way: a non-zero exit, one sentence on stderr that says what to
do, no traceback, and the journal's JSON export the same before and after (its time aside).
"""

from __future__ import annotations

import json
import os
import pty
import re
import sqlite3
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from valued_contributors.cli import main
from valued_contributors.content import compiled
from valued_contributors.content.loader import activity_files
from valued_contributors.facilitation import team, team_report
from valued_contributors.facilitation.contribution import dumps, make_contribution
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as answers_format
from valued_contributors.journal import Answer, Journal
from valued_contributors.kinds.reflection import MAX_TEXT
from valued_contributors.record.export import export

READ_SECONDS = 5
TRACES = ("Traceback", "Error:", "[Errno")
DEEP = {
    "brackets": "[" * 100_000,
    "objects": '{"a":' * 100_000,
    "inside a valid file": (
        '{"format": "valued-contributors/answers", "version": 1, "answers": [], "extra": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    ),
}


def answers_file(answers: list[dict], **extra: object) -> str:
    document = {"format": "valued-contributors/answers", "version": 1, "answers": answers}
    return json.dumps({**document, **extra})


def reflection(text: str, saved_at: str = "2026-11-02T10:00:00.000Z", activity="voices/ripple"):
    return {
        "activity": activity,
        "kind": "reflection",
        "value": {"text": text},
        "saved_at": saved_at,
    }


def journal_export() -> bytes:
    """The journal's JSON export with its own time taken out."""
    with Journal() as journal:
        raw = export(journal, "json")
    return re.sub(rb'"exported_at": "[^"]*"', b"", raw)


def one_sentence(message: str) -> bool:
    """One line that ends in a full stop, with no second sentence and nothing technical."""
    line = message.strip()
    return (
        "\n" not in line
        and line.endswith(".")
        and not re.search(r"\. [A-Z]", line.removeprefix("valued-contributors: "))
        and not any(trace in line for trace in TRACES)
    )


def within(seconds: float, work: Callable[[], object]) -> object:
    """Run ``work`` in a thread; fail if it has not finished in ``seconds`` (a hang)."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # reported below, in the test's own thread
            outcome["error"] = error

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@pytest.fixture
def kept(data_dir: Path) -> Callable[[list[str]], str]:
    """Run a command that must be refused; returns its stderr after checking every rule."""
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "Kept safe: every word of this. 🙂"})
        journal.save("start/baseline", {"ratings": {"coaching": 2}})

    def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
        before = journal_export()
        status = within(READ_SECONDS, lambda: main(argv))
        err = capsys.readouterr().err
        assert status != 0, err
        assert one_sentence(err), err
        assert journal_export() == before
        return err

    return refused


# Data loss -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm", "notes.md"]
)
def test_export_never_writes_into_the_data_folder(
    kept, data_dir: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_bytes = (data_dir / "journal.sqlite3").read_bytes()
    err = kept(["export", "--format", "md", "-o", str(data_dir / target)], capsys)
    assert "folder that keeps your answers" in err
    assert "choose a file somewhere else" in err
    assert (data_dir / "journal.sqlite3").read_bytes() == journal_bytes
    assert not (data_dir / "notes.md").exists()


def test_export_refuses_a_link_to_the_journal_and_a_relative_name(
    kept, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    link = tmp_path / "answers.json"
    link.symlink_to(data_dir / "journal.sqlite3")
    kept(["export", "-o", str(link)], capsys)
    monkeypatch.chdir(data_dir)
    kept(["export", "--format", "html", "-o", "journal.sqlite3"], capsys)
    with Journal() as journal:
        assert journal.latest("voices/ripple").value["text"].startswith("Kept safe")


def test_facilitator_output_never_overwrites_its_input_or_the_journal(
    kept, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("name\n" + "\n".join(f"Person {n}" for n in range(10)), encoding="utf-8")
    original = people.read_bytes()
    kept(["worldcafe", str(people), "-o", str(people)], capsys)
    assert people.read_bytes() == original
    kept(["worldcafe", "10", "-o", str(data_dir / "journal.sqlite3")], capsys)


def test_every_damaged_copy_is_kept_even_within_one_second(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    damage = [os.urandom(4096) for _ in range(4)]
    for garbage in damage:
        path.write_bytes(garbage)
        with Journal(path) as journal:
            assert "was damaged, so it was moved to" in journal.notice
    copies = sorted(tmp_path.glob("journal.sqlite3.damaged-*[!lm]"))
    assert sorted(p.read_bytes() for p in copies) == sorted(damage)


# Reading files people give us ------------------------------------------------------------------


def special_files(tmp_path: Path, name: str) -> dict[str, Path]:
    """A pipe with no writer, a link to an endless device, a folder, each named like the file."""
    fifo = tmp_path / "fifo" / name
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    endless = tmp_path / "zero" / name
    endless.parent.mkdir()
    endless.symlink_to("/dev/zero")
    folder = tmp_path / "folder" / name
    folder.mkdir(parents=True)
    return {"pipe": fifo, "endless device": endless, "folder": folder}


SPECIAL_WORDS = {"pipe": "not an ordinary file", "endless device": "not an ordinary file"}
SPECIAL_WORDS["folder"] = "is a folder, not a file"


@pytest.mark.parametrize("kind", list(SPECIAL_WORDS))
@pytest.mark.parametrize(
    "command",
    [
        ["import", "{}"],
        ["worldcafe", "{}"],
        ["openspace", "--topics", "{}", "--spaces", "2", "--slots", "2"],
    ],
    ids=["import", "worldcafe", "openspace"],
)
def test_a_pipe_a_device_or_a_folder_is_refused_at_once(
    kept, tmp_path: Path, kind: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = special_files(tmp_path, "answers.json" if command[0] == "import" else "people.csv")[kind]
    err = kept([part.replace("{}", str(path)) for part in command], capsys)
    assert SPECIAL_WORDS[kind] in err


@pytest.mark.parametrize("page", ["notebooks/00_waiting.ipynb", "book/waiting.md"])
def test_the_readability_report_refuses_a_pipe_named_like_a_page(
    kept, tmp_path: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("notebooks", "book"):
        (tmp_path / folder).mkdir()
    os.mkfifo(tmp_path / page)
    err = kept(["readability", str(tmp_path)], capsys)
    assert "not an ordinary file" in err
    assert "waiting" in err


def test_an_unreadable_file_is_one_sentence(
    kept, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    locked = tmp_path / "answers.json"
    locked.write_text(answers_file([]), encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the file system say no, as it would
        real_open = os.open

        def denied(path, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", denied)
    err = kept(["import", str(locked)], capsys)
    assert "you do not have permission" in err
    assert "copy the answers file" in err


def test_team_profile_skips_special_files_by_name_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "contributions"
    contribute(folder, 5)
    os.mkfifo(folder / "waiting.json")
    (folder / "endless.json").symlink_to("/dev/zero")
    (folder / "inside.json").mkdir()
    assert within(READ_SECONDS, lambda: main(["team-profile", str(folder)])) == 0
    captured = capsys.readouterr()
    assert "Skipped waiting.json: is not an ordinary file." in captured.err
    assert "Skipped endless.json: is not an ordinary file." in captured.err
    assert "Skipped inside.json: is a folder, not a file." in captured.err
    assert "People (one contribution file each): 5" in captured.out


def test_a_file_just_over_the_limit_gives_its_real_size(
    kept, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as out:
        out.truncate(answers_format.MAX_BYTES + 1)
    err = kept(["import", str(huge)], capsys)
    assert "is 50.0 MB (52,428,801 bytes), more than the 50 MB an answers file can be" in err


def test_a_file_of_too_many_tiny_answers_is_refused_before_it_is_checked(
    kept, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = answers_format.LATEST.MAX_ANSWERS + 1
    tiny = {"activity": "voices/ripple", "kind": "reflection", "value": {"text": "a"}}
    answers = [{**tiny, "saved_at": f"2026-01-01T00:00:00.{n % 1000:03d}Z"} for n in range(many)]
    crowded = tmp_path / "crowded.json"
    crowded.write_text(
        json.dumps(
            {"format": answers_format.FORMAT, "version": answers_format.VERSION, "answers": answers}
        ),
        encoding="utf-8",
    )
    err = kept(["import", str(crowded)], capsys)
    assert f"holds {many:,} saved versions, more than the {many - 1:,}" in err


def test_a_value_with_two_shapes_is_named_in_plain_words() -> None:
    entry = {"activity": "voices/ripple", "kind": "reflection", "saved_at": "2026-01-01T00:00:00Z"}
    document = {"format": answers_format.FORMAT, "version": answers_format.VERSION}
    for value in ({}, {"text": "a", "choice": "b"}):
        with pytest.raises(FormatError) as refused:
            answers_format.from_document({**document, "answers": [{**entry, "value": value}]})
        assert "must hold exactly one of: text, ratings, selected, choice" in str(refused.value)


@pytest.mark.parametrize("case", list(DEEP))
def test_deeply_nested_json_is_one_sentence(
    kept, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP[case], encoding="utf-8")
    err = kept(["import", str(deep)], capsys)
    assert "cannot be an answers file" in err
    if case == "inside a valid file":
        assert "nested too deeply" in err


def test_a_deeply_nested_contribution_is_skipped(tmp_path: Path) -> None:
    contribute(tmp_path, 5)
    (tmp_path / "deep.json").write_text(DEEP["objects"], encoding="utf-8")
    profile = team.team_profile(tmp_path)
    assert profile.people == 5
    assert [(s.file, s.reason) for s in profile.skipped] == [
        ("deep.json", "is nested too deeply to be a file this course made")
    ]


@pytest.mark.parametrize("damage", ["nested", "pipe", "folder", "half", "wrong shapes"])
def test_a_damaged_course_cache_is_rebuilt(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "course.json"
    if damage == "nested":
        cache.write_text('{"key":' * 100_000, encoding="utf-8")
    elif damage == "pipe":
        os.mkfifo(cache)
    elif damage == "folder":
        cache.mkdir()
    elif damage == "half":
        good = tmp_path / "good.json"
        compiled.load(activity_files(), good)
        cache.write_bytes(good.read_bytes()[:5000])
    else:
        key = compiled.fingerprint(activity_files())
        cache.write_text(json.dumps({"key": key, "sections": [], "markdown": [1]}), "utf-8")
    course = within(READ_SECONDS * 4, lambda: compiled.load(activity_files(), cache))
    assert "voices/ripple" in course.activities
    if damage not in ("pipe", "folder"):
        assert json.loads(cache.read_text(encoding="utf-8"))["key"] == compiled.fingerprint(
            activity_files()
        )


def test_a_half_character_is_mended_on_import_and_reported(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(answers_file([reflection("before \\ud800 after")]), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("\\\\ud800", "\\ud800"), "utf-8")
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 new answer version" in out
    assert "1 broken character (half of an emoji or another symbol" in out
    with Journal() as journal:
        assert journal.latest("voices/ripple").value["text"] == "before \ufffd after"


def test_a_half_character_saved_from_python_is_stored(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.save("voices/ripple", {"text": "half \udc00 emoji"})
        assert journal.latest("voices/ripple").value["text"] == "half \ufffd emoji"


def test_one_contribution_with_a_half_character_does_not_stop_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contribute(tmp_path, 4)
    odd = {
        "format": "valued-contributors/contribution",
        "version": 1,
        "answers": [{"activity": "start/hopes", "kind": "reflection", "value": {"text": "x"}}],
    }
    odd["answers"][0]["saved_on"] = "2026-01-05"
    (tmp_path / "odd.json").write_text(
        json.dumps(odd).replace('"text": "x"', '"text": "half \\udc00 here"'), encoding="utf-8"
    )
    for output in ("profile.html", "profile.md"):
        assert main(["team-profile", str(tmp_path), "-o", str(tmp_path / output)]) == 0
        assert "half \ufffd here" in (tmp_path / output).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "saved_at", ["2026-99-99T99:99:99Z", "2026-02-30T10:00:00Z", "2026-01-01T24:00:00.000Z"]
)
def test_an_impossible_date_is_refused_on_the_way_in(
    kept, tmp_path: Path, saved_at: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(answers_file([reflection("a", saved_at)]), encoding="utf-8")
    err = kept(["import", str(path)], capsys)
    assert f"answer 1 (saved_at): {saved_at} is not a real date and time" in err
    with pytest.raises(ValueError, match="not a real date"), Journal() as journal:
        journal.save("voices/ripple", {"text": "b"}, saved_at=saved_at)


@pytest.mark.parametrize("format", ["md", "html", "docx", "json"])
def test_an_export_never_fails_because_of_stored_data(
    data_dir: Path, tmp_path: Path, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "Written before dates were checked."})
    db = sqlite3.connect(data_dir / "journal.sqlite3")
    db.execute("UPDATE answers SET saved_at = '2026-99-99T99:99:99Z'")
    db.commit()
    db.close()
    out = tmp_path / f"record.{format}"
    assert main(["export", "--format", format, "-o", str(out)]) == 0
    data = out.read_bytes()
    if format == "docx":
        data = zipfile.ZipFile(BytesIO(data)).read("word/document.xml")
    assert b"Written before dates were checked." in data


def test_saved_times_are_spelled_one_way_so_they_sort_in_time_order(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(
        answers_file(
            [
                reflection("later, at half past", "2026-11-02T10:00:00.500Z"),
                reflection("on the second", "2026-11-02T10:00:00Z"),
            ]
        ),
        encoding="utf-8",
    )
    assert main(["import", str(path)]) == 0
    with Journal() as journal:
        assert journal.latest("voices/ripple").value["text"] == "later, at half past"
        assert [a.saved_at for a in journal.history("voices/ripple")] == [
            "2026-11-02T10:00:00.000Z",
            "2026-11-02T10:00:00.500Z",
        ]
    with Journal() as journal:
        record = export(journal, "md").decode("utf-8")
    assert "later, at half past" in record
    assert "on the second" not in record


def test_an_old_journal_has_its_times_spelled_one_way(tmp_path: Path) -> None:
    from valued_contributors.journal import migrations

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(db, target=2)
    rows = [
        ("voices/ripple", '{"text":"a"}', "2026-01-01T10:00:00Z"),
        ("voices/ripple", '{"text":"a"}', "2026-01-01T10:00:00.000Z"),
        ("voices/ripple", '{"text":"b"}', "2026-01-01T10:00:00.5Z"),
        ("voices/ripple", '{"text":"c"}', "2026-99-99T99:99:99Z"),
    ]
    db.executemany("INSERT INTO answers (activity, value, saved_at) VALUES (?, ?, ?)", rows)
    db.close()
    with Journal(path) as journal:
        assert [(a.value["text"], a.saved_at) for a in journal.answers()] == [
            ("a", "2026-01-01T10:00:00.000Z"),
            ("b", "2026-01-01T10:00:00.500Z"),
            ("c", "2026-99-99T99:99:99Z"),
        ]


UNICODE_TEXT = (
    "name\trole\r\nMòrag Dùghlas\tcarer\r\nZoë Ahmed\tmanager\r\nEilidh\tworker\r\n"
    "Kofi\tperson who uses services\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excel_unicode_text_is_read(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    people = tmp_path / "people.txt"
    data = UNICODE_TEXT.encode(encoding)
    people.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    assert main(["worldcafe", str(people), "--tables", "2", "--show-roles"]) == 0
    out = capsys.readouterr().out
    assert "Mòrag Dùghlas" in out
    assert "Zoë Ahmed" in out
    assert "carer" in out


def test_an_excel_workbook_says_how_to_save_as_csv(
    kept, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "people.xlsx"
    with zipfile.ZipFile(workbook, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
    err = kept(["worldcafe", str(workbook)], capsys)
    assert "is an Excel workbook, not a CSV file" in err
    assert "CSV UTF-8" in err


@pytest.mark.parametrize("command", ["import", "worldcafe", "team-profile"])
def test_control_codes_in_file_names_are_shown_escaped(
    kept, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "bad\x1b[31mname\x07\u202e.json"
    path = tmp_path / name
    path.write_text("not json", encoding="utf-8")
    if command == "team-profile":
        contribute(tmp_path, 5)
        assert main(["team-profile", str(tmp_path)]) == 0
        err = capsys.readouterr().err
    else:
        err = kept([command, str(path)], capsys)
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "\u202e" not in err
    assert "bad\\x1b[31mname\\x07\\u202e.json" in err


# Writing exports -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing/record.html", "does not exist; create it first"),
        (".", "is a folder; give a file name inside it"),
        ("/dev/full", "not enough space on the disk"),
    ],
)
@pytest.mark.parametrize("command", ["export", "worldcafe"])
def test_an_export_that_cannot_be_written_is_one_sentence(
    kept, tmp_path: Path, where: str, words: str, command: str, capsys
) -> None:
    target = where if where.startswith("/") else str(tmp_path / where)
    argv = ["export", "--format", "html"] if command == "export" else ["worldcafe", "12"]
    err = kept([*argv, "-o", target], capsys)
    assert words in err


def test_an_export_that_fails_leaves_the_old_file_as_it_was(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    record = tmp_path / "record.md"
    record.write_text("my earlier record", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["export", "--format", "md", "-o", str(record)]) == 2
    assert record.read_text(encoding="utf-8") == "my earlier record"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "record.md"]


def cli(*argv: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run([sys.executable, "-m", "valued_contributors", *argv], **options)


def test_a_word_document_goes_to_standard_output_as_bytes(data_dir: Path) -> None:
    result = cli("export", "--format", "docx", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert zipfile.ZipFile(BytesIO(result.stdout)).read("word/document.xml")


def test_a_word_document_is_not_shown_on_a_terminal(data_dir: Path) -> None:
    leader, follower = pty.openpty()
    try:
        result = cli(
            "export", "--format", "docx", "-o", "-", stdout=follower, stderr=subprocess.PIPE
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    message = result.stderr.decode("utf-8")
    assert one_sentence(message)
    assert "add -o my-learning-record.docx" in message


def test_text_exports_reach_a_screen_that_cannot_show_every_character(data_dir: Path) -> None:
    with Journal() as journal:
        journal.save("voices/ripple", {"text": "Gàidhlig 🙂"})
    result = cli("export", "--format", "md", env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Gàidhlig 🙂" in result.stdout.decode("utf-8")


# Markdown shows exactly what was typed ---------------------------------------------------------

TYPED = [
    "Heading\n===\nRule\n---\n- not a list\n1. not numbered\n+ nor this",
    "~~~\nnot code\n~~~\n```\nnor this\n```",
    "    four spaces\n\ttab\n> not a quote\n# not a heading",
    "&lt;script&gt; means <script> & [a link](http://example.com) *not* _emphasis_ `code`",
    "<b>bold?</b> <http://example.com> | a | b |\n|---|---|\n$x$ ~~struck~~ \\escaped\\",
    "ends with two spaces  \nand a backslash\\\nand 2026) a date",
    "Gàidhlig 🙂 عربى\n\nA second paragraph.",
]


class Visible:
    """The visible text of rendered HTML, and every tag in it."""

    def __init__(self, page: str):
        from html.parser import HTMLParser

        self.tags: list[str] = []
        self.text: list[str] = []
        parser = HTMLParser(convert_charrefs=True)
        parser.handle_starttag = lambda tag, attrs: self.tags.append(tag)
        parser.handle_data = self.text.append
        parser.feed(page)
        parser.close()


def rendered(markdown_text: str) -> list[Visible]:
    return [
        Visible(MarkdownIt(preset).render(markdown_text)) for preset in ("commonmark", "js-default")
    ]


@pytest.mark.parametrize("text", TYPED, ids=range(len(TYPED)))
def test_learner_text_in_markdown_renders_as_typed(text: str) -> None:
    from valued_contributors.core import markdown as md

    for view in rendered(md.paragraphs(text)):
        assert set(view.tags) <= {"p", "br"}, view.tags
        shown = "".join(view.text).replace("\n", "")
        assert shown == text.replace("\n\n", "").replace("\n", ""), shown
    for view in rendered(md.quote(text)):
        assert set(view.tags) <= {"blockquote", "p", "br"}, view.tags
    for view in rendered("- " + md.inline(text)):
        assert set(view.tags) <= {"ul", "li"}
        assert "".join(view.text).strip() == " ".join(text.split())


def test_the_markdown_record_shows_name_role_and_reflection_as_typed(data_dir: Path) -> None:
    typed = TYPED[0] + "\n" + TYPED[3]
    with Journal() as journal:
        journal.save("voices/ripple", {"text": typed})
        page = export(journal, "md", "<script>alert(1)</script>", "[Carer](http://x.example)")
    for view in rendered(page.decode("utf-8")):
        assert not {"script", "a", "hr", "pre", "code", "h4", "h5"} & set(view.tags)
        text = "".join(view.text)
        assert "Name: <script>alert(1)</script>" in text
        assert "Role: [Carer](http://x.example)" in text
        assert typed.replace("\n", "") in text.replace("\n", "")


def test_the_team_profile_markdown_shows_reflections_as_typed(tmp_path: Path) -> None:
    contribute(tmp_path, 5, hope=TYPED[0] + "\n" + TYPED[3])
    page = team_report.report(team.team_profile(tmp_path)).markdown()
    for view in rendered(page):
        assert not {"script", "a", "hr", "ol", "pre", "code", "h4"} & set(view.tags)
        assert "&lt;script&gt; means <script> &" in "".join(view.text)


# Messages a care worker can act on -------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (reflection("x" * 1_000_001), "is a reflection of 1,000,001 characters, more than the"),
        (
            {**reflection(""), "kind": "confidence", "value": {"ratings": {"coaching": 9}}},
            "not a whole number from 1 to 5",
        ),
        ({**reflection("x"), "value": {"text": "x", "extra": 1}}, "must hold exactly one of"),
        ({**reflection(""), "value": {"text": 5}}, "(value/text): it must be text in quotation"),
        (reflection("x", "yesterday"), "must be a date and time written like"),
    ],
)
def test_a_damaged_answer_is_described_in_plain_words(
    kept, tmp_path: Path, answer: dict, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(answers_file([answer]), encoding="utf-8")
    err = kept(["import", str(path)], capsys)
    assert words in err
    assert "definition" not in err
    assert "pattern" not in err


def test_a_million_characters_with_emoji_are_one_million_characters(
    data_dir: Path, tmp_path: Path
) -> None:
    text = "🙂" * MAX_TEXT
    path = tmp_path / "answers.json"
    path.write_text(answers_file([reflection(text)]), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    with Journal() as journal:
        assert journal.latest("voices/ripple").value["text"] == text


# Helpers ---------------------------------------------------------------------------------------


def contribute(folder: Path, people: int, hope: str = "My hope") -> None:
    """Contributions from made-up people, each sharing a hope."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(people):
        answers = [Answer("start/hopes", {"text": f"{hope} {n}"}, "2026-01-05T10:00:00.000Z")]
        document = make_contribution(answers, ["start/hopes"])
        (folder / f"person-{n}.json").write_text(dumps(document), encoding="utf-8")


def test_a_name_with_a_half_character_still_exports(data_dir: Path) -> None:
    with Journal() as journal:
        for format in ("md", "html", "docx"):
            assert export(journal, format, "Mòrag \udcff", "carer \ud800")


def test_checking_a_folder_that_is_not_there_is_one_sentence(
    kept, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = kept(["check", str(tmp_path / "no-such-folder")], capsys)
    assert "There is no folder at" in err
    pipe = tmp_path / "activities"
    pipe.mkdir()
    os.mkfifo(pipe / "01_waiting.yaml")
    err = kept(["check", str(pipe)], capsys)
    assert "01_waiting.yaml" in err
    assert "not an ordinary file" in err
