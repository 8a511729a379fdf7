"""The versioned formats: files written by earlier code still read the same, every time enters
in one spelling, the shared definitions are written once, and "latest" means one thing.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from valued_contributors import kinds
from valued_contributors.content.compiled import course
from valued_contributors.core import times
from valued_contributors.core.answer import LATEST_RULE, Answer, latest
from valued_contributors.facilitation import team
from valued_contributors.facilitation.contribution import make_contribution
from valued_contributors.formats import FormatError, answers, contribution
from valued_contributors.formats import definitions as generated_definitions
from valued_contributors.formats.common import Versions
from valued_contributors.formats.contract import contract
from valued_contributors.journal import Journal
from valued_contributors.kinds.reflection import MAX_TEXT
from valued_contributors.record import build_record
from valued_contributors.validation import SCHEMA_DIR, definitions, first_problem

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
RIPPLE = "voices/ripple"
NEWER = {"text": "The newer answer, saved half a second later."}


def rows(found: list[Answer]) -> list[list[Any]]:
    return [[a.activity, a.value, a.saved_at, a.origin] for a in found]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("answers-*.json")))
def test_every_answers_file_written_earlier_imports_with_the_same_answers(name: str) -> None:
    assert rows(answers.read_file(FIXTURES / name)) == EXPECTED[name]["answers"]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("contribution-*.json")))
def test_every_contribution_written_earlier_reads_the_same(name: str) -> None:
    assert contribution.read_file(FIXTURES / name) == EXPECTED[name]["answers"]
    assert team.read_contribution(FIXTURES / name) == EXPECTED[name]["answers"]


def test_the_journal_written_earlier_opens_with_the_same_answers(tmp_path: Path) -> None:
    copy = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / "journal-v3.sqlite3", copy)
    expected = EXPECTED["journal-v3.sqlite3"]
    with Journal(copy) as journal:
        assert journal.schema_version() == 3
        assert rows(journal.answers()) == expected["answers"]
        for activity, (value, saved_at, origin) in expected["latest"].items():
            assert journal.latest(activity) == Answer(activity, value, saved_at, origin)


def test_the_export_of_the_journal_written_earlier_imports_unchanged(tmp_path: Path) -> None:
    copy = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / "journal-v3.sqlite3", copy)
    with Journal(copy) as journal:
        exported = answers.to_document(journal.answers())
        again = answers.from_document(json.loads(answers.dumps(exported)))
    assert rows(again) == EXPECTED["answers-cli-v1.json"]["answers"]


def _profile_of_five(folder: Path, document: dict[str, Any]) -> team.Profile:
    """A team profile of five people who shared the same contribution (the smallest group a
    profile shows).
    """
    folder.mkdir()
    for person in range(team.MINIMUM):
        (folder / f"person-{person}.json").write_text(contribution.dumps(document), "utf-8")
    return team.team_profile(folder)


def test_the_issues_two_times_give_one_latest_answer_everywhere(tmp_path: Path) -> None:
    """``…:00.500Z`` (listed first) is half a second after ``…:00Z``: it is the latest answer in
    the journal, the record, the contribution and the team profile.
    """
    imported = answers.read_file(FIXTURES / "answers-two-times-v1.json")
    assert [a.saved_at for a in imported] == [
        "2026-11-02T10:00:00.500Z",
        "2026-11-02T10:00:00.000Z",
    ]
    assert latest(imported)[RIPPLE].value == NEWER
    with Journal(tmp_path / "journal.sqlite3") as journal:
        assert journal.merge(imported) == 2
        assert journal.latest(RIPPLE).value == NEWER
        saved = journal.answers()
    record = build_record(course(), saved)
    [entry] = [e for s in record.sections for e in s.entries if e.activity.id == RIPPLE]
    assert entry.answer is not None
    assert entry.answer.value == NEWER
    shared = make_contribution(saved, [RIPPLE])
    assert shared["answers"] == [
        {"activity": RIPPLE, "kind": "reflection", "value": NEWER, "saved_on": "2026-11-02"}
    ]
    profile = _profile_of_five(tmp_path / "team", shared)
    [reflections] = [r for r in profile.reflections if r.activity == RIPPLE]
    assert reflections.texts == (NEWER["text"],) * team.MINIMUM


def test_the_same_moment_goes_to_the_version_saved_last(tmp_path: Path) -> None:
    """Two versions at the same moment, one spelled without milliseconds: the one saved (or
    listed) last is the latest, in the file, the journal and the record alike.
    """
    first = Answer(RIPPLE, {"text": "first"}, "2026-11-02T10:00:00Z", "book")
    second = Answer(RIPPLE, {"text": "second"}, "2026-11-02T10:00:00.000Z", "book")
    assert latest([first, second])[RIPPLE] == second
    finer = Answer(RIPPLE, {"text": "a ten-thousandth later"}, "2026-11-02T10:00:00.0002Z")
    coarser = Answer(RIPPLE, {"text": "listed last"}, "2026-11-02T10:00:00.0001Z")
    assert latest([finer, coarser])[RIPPLE] == coarser
    with Journal(tmp_path / "journal.sqlite3") as journal:
        journal.merge([first, second])
        assert journal.latest(RIPPLE).value == {"text": "second"}
        assert latest(journal.answers())[RIPPLE].value == {"text": "second"}


def test_the_journal_and_the_one_rule_agree_on_every_answer(tmp_path: Path) -> None:
    """Many versions in both spellings, some at the same moment, saved in a shuffled order: the
    journal's SQL picks what ``latest`` picks, from its history and from the order saved.
    """
    rng = random.Random(11)
    activities = ["start/hopes", RIPPLE, "voices/knowledge"]
    saved: list[Answer] = []
    with Journal(tmp_path / "journal.sqlite3") as journal:
        for number in range(200):
            second = rng.randrange(4)
            spelled = rng.choice(
                [
                    f"2026-11-02T10:00:0{second}Z",
                    f"2026-11-02T10:00:0{second}.{rng.choice('05')}00Z",
                ]
            )
            answer = Answer(rng.choice(activities), {"text": f"v{number}"}, spelled, "book")
            journal.merge([answer])
            saved.append(answer)
        for activity in activities:
            assert journal.latest(activity) == latest(journal.history(activity))[activity]
            assert journal.latest(activity).value == latest(saved)[activity].value


def test_every_time_entering_the_journal_is_spelled_one_way(tmp_path: Path) -> None:
    with Journal(tmp_path / "journal.sqlite3") as journal:
        journal.save(RIPPLE, {"text": "saved"}, saved_at="2026-11-02T10:00:00Z")
        journal.merge([Answer("start/hopes", {"text": "merged"}, "2026-11-02T10:00:00.5Z")])
        assert [a.saved_at for a in journal.answers()] == [
            "2026-11-02T10:00:00.500Z",
            "2026-11-02T10:00:00.000Z",
        ]


def test_an_answers_file_from_a_newer_course_is_refused_in_one_sentence() -> None:
    document = json.loads((FIXTURES / "answers-two-times-v1.json").read_text("utf-8"))
    with pytest.raises(FormatError, match=r"is version 2, but this course reads version 1;"):
        answers.from_document({**document, "version": 2})
    with pytest.raises(FormatError, match=r"is version 2, but this tool reads version 1"):
        contribution.read({"format": contribution.FORMAT, "version": 2, "answers": []})


def test_older_versions_are_upgraded_one_step_at_a_time() -> None:
    """The reader's machinery, with two made-up steps: each runs once, in order."""
    steps = {
        1: lambda d: {**d, "version": 2, "seen": [*d["seen"], 1]},
        2: lambda d: {**d, "version": 3, "seen": [*d["seen"], 2]},
    }
    versions = Versions("example/format", 3, steps)
    assert versions.upgrade({"version": 1, "seen": []}) == {"version": 3, "seen": [1, 2]}
    assert versions.upgrade({"version": 3, "seen": []}) == {"version": 3, "seen": []}
    assert versions.upgrade({"version": 9, "seen": []})["version"] == 9


def test_only_version_one_has_ever_been_written() -> None:
    assert answers.UPGRADES == {}
    assert contribution.UPGRADES == {}
    assert answers.LATEST.VERSION == answers.VERSION == 1
    assert contribution.LATEST.VERSION == contribution.VERSION == 1


RULES = {"pattern", "maxLength", "minLength", "minimum", "maximum", "uniqueItems", "enum"}


def _rules(node: Any, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        found += [key for key in node if key in RULES]
        for value in node.values():
            _rules(value, found)
    elif isinstance(node, list):
        for value in node:
            _rules(value, found)
    return found


@pytest.mark.parametrize("name", ["exchange", "contribution"])
def test_no_pattern_or_limit_is_written_outside_the_shared_definitions(name: str) -> None:
    """Each format's schema holds only its own fields and refers to the shared definitions for
    every id, time, limit and value shape (``source``, the book or the notebook, is the answers
    file's own).
    """
    document = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
    document["properties"].pop("source", None)
    assert _rules(document, []) == []
    refs = re.findall(r'"\$ref": "([^"#]*)#', json.dumps(document))
    assert refs
    assert set(refs) <= {"", "definitions.schema.json"}


def test_the_contract_for_the_book_is_the_formats_own_rules() -> None:
    terms = contract()
    shared = definitions()
    assert terms["answers"] == {
        "format": answers.FORMAT,
        "version": answers.VERSION,
        "max_bytes": answers.MAX_BYTES,
        "max_answers": answers.LATEST.MAX_ANSWERS,
    }
    assert terms["contribution"]["format"] == contribution.FORMAT
    assert terms["limits"]["text"] == shared["value"]["properties"]["text"]["maxLength"]
    assert terms["latest"] == LATEST_RULE
    for name, pattern in terms["patterns"].items():
        assert pattern == shared[name]["pattern"]
    assert re.fullmatch(terms["patterns"]["time"][1:-1], "2026-11-02T10:00:00Z")
    document = answers.to_document([Answer(RIPPLE, NEWER, "2026-11-02T10:00:00.500Z")])
    assert first_problem("exchange", document) is None
    assert json.loads(json.dumps(terms)) == terms


def test_the_committed_definitions_are_what_the_kinds_and_times_say() -> None:
    """``schemas/definitions.schema.json`` is written from the kinds registry and core.times:
    run ``python -m valued_contributors.formats.definitions`` after changing either.
    """
    committed = (SCHEMA_DIR / "definitions.schema.json").read_text("utf-8")
    assert committed == generated_definitions.text()
    shared = definitions()
    assert shared["time"]["pattern"] == times.PATTERN.pattern
    assert shared["value"]["properties"]["text"]["maxLength"] == MAX_TEXT
    assert shared["kind"]["enum"] == list(kinds.REGISTRY)


def test_the_answers_and_contribution_formats_are_named_by_their_schemas() -> None:
    for module, name in ((answers.LATEST, "exchange"), (contribution.LATEST, "contribution")):
        fields = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))["properties"]
        assert (
            fields["format"]["const"],
            fields["version"]["const"],
        ) == (module.FORMAT, module.VERSION)
