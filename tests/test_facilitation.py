"""Facilitator tools: World Café seating, Open Space agenda walls, contributions, team profiles."""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.paths import FIXTURES as ALL_FIXTURES
from valued_contributors.content.compiled import course
from valued_contributors.core.answer import Answer
from valued_contributors.facilitation import (
    guidance,
    openspace,
    openspace_report,
    team,
    team_report,
    worldcafe,
    worldcafe_report,
)
from valued_contributors.facilitation.cli import add_commands
from valued_contributors.facilitation.contribution import dumps, make_contribution
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.facilitation.people import Person, from_csv, participants, tidy_role
from valued_contributors.formats import contribution
from valued_contributors.validation import first_problem

FIXTURES = ALL_FIXTURES / "facilitation"
ROLES = ["worker", "manager", "person who uses services", "carer"]
STATEMENTS = [s.id for s in course().get("start/baseline").statements]


def one_sentence(message: str) -> bool:
    """One line, ending in a full stop, with no second sentence after it."""
    return "\n" not in message and message.endswith(".") and not re.search(r"\. [A-Z]", message)


def run(*argv: str) -> int:
    """The lead's main() in miniature: our commands on a fresh parser."""
    top = argparse.ArgumentParser(prog="valued-contributors")
    add_commands(top.add_subparsers(dest="command", required=True))
    args = top.parse_args(list(argv))
    return args.run(args)


# World Café ------------------------------------------------------------------------------------


def recount(plan: worldcafe.Plan) -> int:
    """Repeat meetings counted afresh from the seating, without the planner's own helpers."""
    together: Counter[frozenset[int]] = Counter()
    for tables in plan.rounds:
        for seated in tables:
            for a, b in itertools.combinations(seated, 2):
                together[frozenset((a, b))] += 1
    return sum(n - 1 for n in together.values())


def assert_valid(plan: worldcafe.Plan, people: int, tables: int, rounds: int) -> None:
    assert len(plan.rounds) == rounds
    assert plan.tables == tables
    assert len(set(plan.hosts)) == tables
    for k, seating in enumerate(plan.rounds):
        everyone = [p for seated in seating for p in seated]
        assert sorted(everyone) == list(range(people)), f"round {k + 1}: not everyone once"
        sizes = [len(seated) for seated in seating]
        assert max(sizes) - min(sizes) <= 1, f"round {k + 1}: sizes {sizes}"
        for t, seated in enumerate(seating):
            assert seated[0] == plan.hosts[t], "the host must stay at the same table"
        if k:
            for p in set(range(people)) - set(plan.hosts):
                assert plan.table_of(k, p) != plan.table_of(k - 1, p), "a guest did not move"


def reported(markdown: str) -> tuple[int, int]:
    found = re.search(r"Repeat meetings: (\d+) \(lower bound (\d+)\)", markdown)
    assert found, "the report must give repeat meetings and the lower bound"
    return int(found.group(1)), int(found.group(2))


def mixed(count: int, seed: int = 1) -> list[Person]:
    rng = random.Random(seed)
    return [Person(f"Person {n}", rng.choices(ROLES, (50, 15, 20, 15))[0]) for n in range(count)]


@pytest.mark.parametrize(
    ("people", "tables", "rounds"),
    [(24, 6, 3), (7, 2, 3), (13, 3, 4), (30, 5, 5), (21, 4, 2), (10, 5, 1)],
)
def test_the_seating_keeps_every_rule(people: int, tables: int, rounds: int) -> None:
    plan = worldcafe.plan(mixed(people), tables, rounds)
    assert_valid(plan, people, tables, rounds)
    count, bound = reported(worldcafe_report.report(plan).markdown())
    assert count == recount(plan) == worldcafe.repeat_meetings(plan)
    assert bound == worldcafe.lower_bound(plan).total
    assert count >= bound


def test_two_hundred_people_at_forty_tables_for_four_rounds() -> None:
    plan = worldcafe.plan(mixed(200), 40, 4)
    assert_valid(plan, 200, 40, 4)
    count, bound = reported(worldcafe_report.report(plan).markdown())
    assert count == recount(plan) >= bound
    assert count == 0, "with this much room nobody needs to meet anyone twice"
    assert worldcafe.fewest_roles(plan) >= 3


def test_roles_are_mixed_at_every_table_when_the_numbers_allow() -> None:
    people = [Person(f"Person {n}", ROLES[n % 4]) for n in range(40)]
    plan = worldcafe.plan(people, 8, 3)
    for seating in plan.rounds:
        for seated in seating:
            assert {people[p].role for p in seated} == set(ROLES)
    assert worldcafe.role_spread(plan) <= 1


def test_hosts_spread_across_roles_and_volunteers_come_first() -> None:
    people = from_csv(FIXTURES / "people.csv")
    plan = worldcafe.plan(people, 6, 3)
    host_roles = {people[h].role for h in plan.hosts}
    assert set(ROLES) <= host_roles
    volunteers = {n for n, p in enumerate(people) if p.volunteer}
    assert volunteers
    assert volunteers <= set(plan.hosts)


def test_the_same_input_gives_the_same_plan() -> None:
    assert worldcafe.plan(mixed(30), 6, 3) == worldcafe.plan(mixed(30), 6, 3)


def _brute_force_fewest(people: int, sizes: list[list[int]]) -> int:
    """The fewest repeat meetings of any seating with these sizes and one host a table."""
    guests = list(range(len(sizes[0]), people))
    options = []
    for row in sizes:
        ways = []
        for order in itertools.permutations(guests):
            start, seating = 0, []
            for t, size in enumerate(row):
                seating.append(tuple(sorted((t, *order[start : start + size - 1]))))
                start += size - 1
            ways.append(tuple(seating))
        options.append(set(ways))
    best = None
    for choice in itertools.product(*options):
        together = Counter(
            p for seating in choice for s in seating for p in itertools.combinations(s, 2)
        )
        repeats = sum(n - 1 for n in together.values())
        best = repeats if best is None else min(best, repeats)
    return best


@pytest.mark.parametrize(
    ("people", "tables", "rounds"),
    [(5, 2, 3), (6, 2, 3), (6, 3, 4), (7, 3, 2), (7, 2, 2), (8, 3, 3)],
)
def test_the_lower_bound_is_never_above_the_best_possible(
    people: int, tables: int, rounds: int
) -> None:
    sizes = [worldcafe.table_sizes(people, tables, k) for k in range(rounds)]
    bound = worldcafe.bound_for(people, sizes).total
    assert bound <= _brute_force_fewest(people, sizes)


def test_the_lower_bound_counts_forced_host_meetings() -> None:
    sizes = [worldcafe.table_sizes(12, 3, k) for k in range(5)]
    bound = worldcafe.bound_for(12, sizes)
    assert bound.by_guest == 9 * 2, "nine guests, five rounds, three hosts: two repeats each"
    assert bound.total >= 18


def test_people_from_a_csv_are_read_forgivingly() -> None:
    people = from_csv(FIXTURES / "people.csv")
    assert len(people) == 24, "the blank row is left out"
    roles = Counter(p.role for p in people)
    assert roles["carer"] == 5
    assert roles["person who uses services"] == 6
    assert roles["Student"] == 1, "unknown roles are kept as given"
    assert roles["student"] == 1, "unknown roles are kept as given"
    assert tidy_role("  PEOPLE_who-use services ") == "person who uses services"
    assert people[1].volunteer
    assert not people[0].volunteer


def test_a_csv_with_a_byte_order_mark_and_semicolons_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffname;role\nMòrag Ó Dònaill;Carer\nIain Beag;worker\n".encode())
    assert from_csv(path) == [Person("Mòrag Ó Dònaill", "carer"), Person("Iain Beag", "worker")]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no 'name' column"),
        ("name,role\nMorag,carer\nmorag ,worker\n", "appears twice"),
        ("name,role\n,carer\n", "has no name"),
        ("", "is empty"),
        ("name\n\n", "lists nobody"),
    ],
)
def test_a_bad_csv_gives_one_sentence(tmp_path: Path, content: str | None, words: str) -> None:
    path = FIXTURES / "no-name-column.csv" if content is None else tmp_path / "people.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FacilitationError) as caught:
        participants(str(path))
    assert words in str(caught.value)
    assert one_sentence(str(caught.value))


@pytest.mark.parametrize(
    ("people", "tables", "rounds", "words"),
    [
        (3, 2, 3, "at least 4 people"),
        (9, 5, 3, "use 4 tables or fewer"),
        (20, 1, 3, "tables"),
        (20, 4, 0, "rounds"),
        (20, 4, 99, "rounds"),
        (100, 2, 3, "use 9 tables or more"),
    ],
)
def test_impossible_cafes_say_what_to_do(people: int, tables: int, rounds: int, words: str) -> None:
    with pytest.raises(FacilitationError) as caught:
        worldcafe.plan(participants(people), tables, rounds)
    assert words in str(caught.value)
    assert one_sentence(str(caught.value))


def test_the_plan_page_escapes_names_and_loads_nothing(tmp_path: Path) -> None:
    people = [Person("<script>alert('x')</script>", "<b>carer</b>")] + mixed(11)
    plan = worldcafe.plan(people, 3, 2)
    page = worldcafe_report.report(plan, title="<i>Café</i>", show_roles=True).page()
    assert "<script" not in page
    assert "<b>carer" not in page
    assert "<i>Café" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "@media print" in page
    for outside in ("http://", "https://", "src=", "href=", "@import", "url("):
        assert outside not in page
    words = guidance.guidance()
    assert all(q in page for q in words.questions[:2])
    assert words.etiquette[0] in page
    markdown = worldcafe_report.report(plan).markdown()
    assert re.search(r"(?<!\\)<script", markdown) is None
    assert "\\<script\\>" in markdown


def test_roles_are_printed_only_when_asked() -> None:
    plan = worldcafe.plan(from_csv(FIXTURES / "people.csv"), 5, 2)
    assert "(carer)" not in worldcafe_report.report(plan).markdown()
    assert "(carer)" in worldcafe_report.report(plan, show_roles=True).markdown()


def test_the_worldcafe_command_writes_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "plan.html"
    people = str(FIXTURES / "people.csv")
    assert run("worldcafe", people, "--tables", "6", "--rounds", "3", "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "lower bound" in capsys.readouterr().err
    assert run("worldcafe", "12", "--rounds", "2") == 0
    assert "| Person 1 |" in capsys.readouterr().out


def test_the_worldcafe_command_fails_in_one_line(capsys: pytest.CaptureFixture) -> None:
    assert run("worldcafe", str(FIXTURES / "no-name-column.csv")) == 2
    err = capsys.readouterr().err
    assert err.startswith("valued-contributors: ")
    assert len(err.strip().splitlines()) == 1


def test_the_cafe_questions_are_the_courses() -> None:
    words = guidance.guidance()
    assert 3 <= len(words.questions) <= 4
    assert "What do we know about our service that planners may not?" in words.questions
    assert len(words.principles) == 4


def test_broken_guidance_names_what_is_missing() -> None:
    with pytest.raises(FacilitationError, match="world_cafe.questions"):
        guidance.parse({"open_space": {"principles": [{"name": "a", "meaning": "b"}]}})


# Open Space ------------------------------------------------------------------------------------


def test_clashes_are_avoided_when_the_wall_allows() -> None:
    topics = [
        openspace.Topic(t, c)
        for t, c in [("A1", "Ann"), ("A2", "ann "), ("B1", "Bo"), ("B2", "Bo")]
    ]
    agenda = openspace.build(topics, 2, 2)
    assert openspace.clashes(agenda) == []
    assert agenda.unplaced == ()
    slots = {p.topic.title: p.slot for p in agenda.placed}
    assert slots["A1"] != slots["A2"]
    assert slots["B1"] != slots["B2"]


def test_an_unavoidable_clash_is_placed_and_flagged() -> None:
    topics = [openspace.Topic(f"Topic {n}", "Morag") for n in range(3)]
    agenda = openspace.build(topics, ["Garden room", "Library"], ["Morning", "Afternoon"])
    found = openspace.clashes(agenda)
    assert len(agenda.placed) == 3
    assert len(found) == 1
    assert len(found[0].topics) == 2
    assert "Clash: Morag" in openspace_report.report(agenda).page()
    assert "Clash in" in openspace_report.report(agenda).markdown()


def _clash_free_exists(topics: list[openspace.Topic], slots: int, spaces: int) -> bool:
    for choice in itertools.product(range(slots), repeat=len(topics)):
        load = Counter(choice)
        pairs = Counter((s, t.convener_key) for s, t in zip(choice, topics, strict=True))
        if max(load.values()) <= spaces and max(pairs.values()) == 1:
            return True
    return False


def test_placing_finds_a_clash_free_wall_whenever_there_is_one() -> None:
    rng = random.Random(5)
    for _ in range(150):
        slots, spaces = rng.randint(1, 3), rng.randint(1, 3)
        count = rng.randint(1, min(7, slots * spaces))
        topics = [openspace.Topic(f"T{n}", rng.choice("ABCD")) for n in range(count)]
        agenda = openspace.build(topics, spaces, slots)
        assert (openspace.clashes(agenda) == []) == _clash_free_exists(topics, slots, spaces)


def test_topics_that_do_not_fit_are_listed() -> None:
    topics = [openspace.Topic(f"Topic {n}", f"Person {n}") for n in range(7)]
    agenda = openspace.build(topics, 2, 3)
    assert len(agenda.placed) == 6
    assert [t.title for t in agenda.unplaced] == ["Topic 6"]
    assert "Topics that did not fit" in openspace_report.report(agenda).page()


def test_topics_come_from_a_csv_or_typed_text() -> None:
    topics = openspace.topics_from_csv(FIXTURES / "topics.csv")
    assert len(topics) == 6
    assert topics[3].convener_key == topics[0].convener_key
    agenda = openspace.build(topics, "Garden room, Library, Kitchen", "2")
    assert openspace.clashes(agenda) == []
    assert openspace.parse_topic(" Fair rotas |  Morag ") == openspace.Topic("Fair rotas", "Morag")
    assert openspace.parse_topic("No one yet").convener is None


@pytest.mark.parametrize(
    ("spaces", "slots", "words"),
    [("Hall, hall", 2, "named twice"), (0, 2, "between 1 and"), (" , ", 2, "at least one")],
)
def test_bad_spaces_or_slots_give_one_sentence(spaces: object, slots: object, words: str) -> None:
    with pytest.raises(FacilitationError) as caught:
        openspace.build([openspace.Topic("x")], spaces, slots)
    assert words in str(caught.value)
    assert one_sentence(str(caught.value))


def test_the_agenda_page_explains_open_space_and_escapes(tmp_path: Path) -> None:
    agenda = openspace.build([openspace.Topic("<script>x</script>", "<b>Ann</b>")], 1, 1)
    page = openspace_report.report(agenda, theme="<em>theme</em>").page()
    assert "<script" not in page
    assert "<b>Ann" not in page
    assert "<em>theme" not in page
    for words in ("law of two feet", "Bumblebees", "Butterflies", "four principles"):
        assert words.lower() in page.lower()
    out = tmp_path / "wall.md"
    assert (
        run(
            "openspace",
            "--topics",
            str(FIXTURES / "topics.csv"),
            "--spaces",
            "2",
            "--slots",
            "Morning,Afternoon",
            "-o",
            str(out),
        )
        == 0
    )
    assert "| Time slot | Space 1 | Space 2 |" in out.read_text(encoding="utf-8")


def test_the_openspace_command_needs_topics(capsys: pytest.CaptureFixture) -> None:
    assert run("openspace", "--spaces", "2", "--slots", "2") == 2
    assert capsys.readouterr().err.startswith("valued-contributors: Give some topics")


# Contributions ---------------------------------------------------------------------------------


def test_a_contribution_holds_only_the_latest_shared_answers_dated_to_the_day() -> None:
    answers = [
        Answer("start/hopes", {"text": "first try"}, "2026-03-01T09:30:00.000Z", "book"),
        Answer("start/hopes", {"text": "second try"}, "2026-03-02T23:59:59.999Z", "notebook"),
        Answer("voices/knowledge", {"text": "never shared"}, "2026-03-03T10:00:00.000Z"),
        Answer("start/baseline", {"ratings": {"coaching": 2}}, "2026-03-01T10:00:00Z"),
    ]
    made = make_contribution(answers, ["start/hopes", "start/baseline", "voices/ripple"])
    assert first_problem("contribution", made) is None
    text = dumps(made)
    assert "never shared" not in text
    assert "first try" not in text
    assert "voices/knowledge" not in text
    assert [a["activity"] for a in made["answers"]] == ["start/baseline", "start/hopes"]
    assert made["answers"][1] == {
        "activity": "start/hopes",
        "kind": "reflection",
        "value": {"text": "second try"},
        "saved_on": "2026-03-02",
    }
    assert "T" not in "".join(a["saved_on"] for a in made["answers"])
    assert "origin" not in text
    assert "notebook" not in text
    assert "name" not in made


def test_a_contribution_of_nothing_shared_is_empty() -> None:
    answers = [Answer("start/hopes", {"text": "private"}, "2026-03-01T09:30:00.000Z")]
    assert make_contribution(answers, [])["answers"] == []


# Team profile ----------------------------------------------------------------------------------


def contribute(folder: Path, people: int, shared: list[str], name: str = "person") -> None:
    """Write made-up contributions; person n rates every statement n % 5 + 1 before."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(people):
        answers = [
            Answer(
                "start/baseline",
                {"ratings": dict.fromkeys(STATEMENTS, n % 5 + 1)},
                "2026-01-05T10:00:00Z",
            ),
            Answer(
                "practice/after", {"ratings": dict.fromkeys(STATEMENTS, 5)}, "2026-02-05T10:00:00Z"
            ),
            Answer("start/hopes", {"text": f"My hope, from {name} {n}."}, "2026-01-05T10:00:00Z"),
            Answer(
                "voices/knowledge", {"text": f"Kept back by {name} {n}."}, "2026-01-05T10:00:00Z"
            ),
        ]
        document = make_contribution(answers, shared)
        (folder / f"{name}-{n}.json").write_text(dumps(document), encoding="utf-8")


def test_groups_of_five_are_shown(tmp_path: Path) -> None:
    contribute(tmp_path, 5, ["start/baseline", "practice/after", "start/hopes"])
    profile = team.team_profile(tmp_path)
    assert profile.people == 5
    assert profile.skipped == ()
    first = profile.ratings[0]
    assert (first.before_people, first.before_mean, first.after_people, first.after_mean) == (
        5,
        3.0,
        5,
        5.0,
    )
    hopes = next(r for r in profile.reflections if r.activity == "start/hopes")
    assert hopes.count == 5
    assert len(hopes.texts) == 5
    page = team_report.report(profile).page()
    assert "My hope, from person 4." in page
    assert "Kept back" not in page
    assert "aria-hidden='true'" in page
    assert "<table" in page
    assert "+2.0" in page


def test_groups_under_five_are_hidden(tmp_path: Path) -> None:
    contribute(tmp_path, 6, ["start/baseline", "start/hopes"])
    contribute(tmp_path, 4, ["practice/after", "voices/knowledge"], name="other")
    profile = team.team_profile(tmp_path)
    assert profile.people == 10
    first = profile.ratings[0]
    assert first.before_people == 6
    assert first.after_people is None
    assert first.after_mean is None
    knowledge = next(r for r in profile.reflections if r.activity == "voices/knowledge")
    assert knowledge.count is None
    assert knowledge.texts == ()
    for page in (team_report.report(profile).page(), team_report.report(profile).markdown()):
        assert "Kept back" not in page
        assert "fewer than 5 — hidden so no one can be singled out" in page
    small = tmp_path / "small"
    contribute(small, 4, ["start/baseline", "start/hopes"])
    profile = team.team_profile(small)
    assert profile.people is None
    assert profile.ratings[0].before_mean is None
    assert all(a.count is None for a in profile.answered)
    assert "My hope" not in team_report.report(profile).page()


def test_malformed_files_are_named_counted_and_skipped(tmp_path: Path) -> None:
    contribute(tmp_path, 5, ["start/baseline", "start/hopes"])
    for broken in (FIXTURES / "broken-contributions").iterdir():
        shutil.copy(broken, tmp_path / broken.name)
    (tmp_path / "a-folder.json").mkdir()
    (tmp_path / "notes.txt").write_text("not a contribution", encoding="utf-8")
    (tmp_path / "<script>.json").write_text("{}", encoding="utf-8")
    profile = team.team_profile(tmp_path)
    assert profile.people == 5
    reasons = {s.file: s.reason for s in profile.skipped}
    assert set(reasons) == {
        "a-list.json",
        "cut-short.json",
        "full-export.json",
        "future-version.json",
        "time-not-day.json",
        "not-text.json",
        "a-folder.json",
        "<script>.json",
    }
    assert "not valid JSON" in reasons["cut-short.json"]
    assert "full answers export" in reasons["full-export.json"]
    assert "version 2" in reasons["future-version.json"]
    assert "damaged at answers/0/saved_on" in reasons["time-not-day.json"]
    assert "is a folder, not a file" in reasons["a-folder.json"]
    assert all("\n" not in r for r in reasons.values())
    page = team_report.report(profile).page()
    assert "&lt;script&gt;.json" in page
    assert "<script" not in page
    assert all(name.replace("<", "&lt;").replace(">", "&gt;") in page for name in reasons)


def test_a_contribution_that_mislabels_its_kind_is_skipped(tmp_path: Path) -> None:
    answer = {
        "activity": "start/hopes",
        "kind": "confidence",
        "value": {"text": "x"},
        "saved_on": "2026-01-01",
    }
    path = tmp_path / "odd.json"
    document = {"format": contribution.FORMAT, "version": 1, "answers": [answer, answer]}
    path.write_text(json.dumps(document))
    with pytest.raises(team.Unusable, match="does not match its kind"):
        team.read_contribution(path)


def test_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(FacilitationError) as caught:
        team.team_profile(tmp_path / "nowhere")
    assert one_sentence(str(caught.value))


def test_the_team_profile_command(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    contribute(tmp_path / "in", 5, ["start/baseline", "practice/after"])
    (tmp_path / "in" / "bad.json").write_text("{", encoding="utf-8")
    out = tmp_path / "team.html"
    assert run("team-profile", str(tmp_path / "in"), "-o", str(out)) == 0
    assert "Skipped bad.json: is not valid JSON" in capsys.readouterr().err
    assert "Confidence before and after" in out.read_text(encoding="utf-8")
    assert run("team-profile", str(tmp_path / "missing")) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
