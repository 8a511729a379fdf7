"""The content model: valid activity files load; each kind of broken file names what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.content import sample_data, write
from tests.helpers.paths import ROOT, SAMPLE_FILE
from valued_contributors.content import (
    Check,
    Confidence,
    ContentError,
    Reflection,
    Scenario,
    load_course,
    load_section,
)
from valued_contributors.content.scoring import mark_check, scenario_choice


def test_a_valid_file_loads_every_kind() -> None:
    section = load_section(SAMPLE_FILE)
    kinds = [type(a) for a in section.activities]
    assert kinds == [Reflection, Confidence, Confidence, Check, Scenario]
    assert section.activities[0].id == "sample/thoughts"
    assert section.activities[3].questions[1].correct_ids == {"a", "b"}


def test_a_repeated_scale_takes_the_statements_of_the_first(tmp_path: Path) -> None:
    write(tmp_path, sample_data(), "01_sample.yaml")
    course = load_course(tmp_path)
    again = course.get("sample/scale-again")
    assert [s.id for s in again.statements] == ["listen", "plan"]
    assert again.prompt == "Rate each statement."


def test_the_course_content_is_valid() -> None:
    course = load_course()
    assert len(course.sections) >= 2
    assert all(a.minutes > 0 for a in course.activities.values())


def broken(change) -> dict:
    data = sample_data()
    change(data)
    return data


CASES = {
    "missing prompt": (
        lambda d: d["activities"][0].pop("prompt"),
        "sample/thoughts",
        "prompt",
        "missing",
    ),
    "minutes not a number": (
        lambda d: d["activities"][1].update(minutes="ten"),
        "sample/scale",
        "minutes",
        "must be a whole number",
    ),
    "unknown field": (
        lambda d: d["activities"][0].update(colour="red"),
        "sample/thoughts",
        "colour",
        "not a known field",
    ),
    "unknown kind": (
        lambda d: d["activities"][0].update(kind="essay"),
        "sample/thoughts",
        "kind",
        "must be one of",
    ),
    "bad id": (
        lambda d: d["activities"][0].update(id="My Thoughts"),
        "sample/My Thoughts",
        "id",
        "lowercase letters",
    ),
    "option without feedback": (
        lambda d: d["activities"][3]["questions"][0]["options"][1].pop("feedback"),
        "sample/quiz",
        "questions.0.options.1.feedback",
        "missing",
    ),
    "no correct option": (
        lambda d: d["activities"][3]["questions"][0]["options"][0].pop("correct"),
        "sample/quiz",
        "questions.0.options",
        "no option is marked correct",
    ),
    "two correct in single choice": (
        lambda d: d["activities"][3]["questions"][1].pop("multiple"),
        "sample/quiz",
        "questions.1.options",
        "more than one option is correct",
    ),
    "duplicate option id": (
        lambda d: d["activities"][4]["choices"][1].update(id="talk"),
        "sample/story",
        "choices",
        "used twice",
    ),
    "duplicate activity id": (
        lambda d: d["activities"][1].update(id="thoughts"),
        "sample/thoughts",
        "id",
        "defined twice",
    ),
    "scale with neither statements nor repeats": (
        lambda d: d["activities"][2].pop("repeats"),
        "sample/scale-again",
        "statements",
        "either a list of statements or repeats",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_broken_file_names_the_file_activity_and_field(tmp_path: Path, case: str) -> None:
    change, activity, field, words = CASES[case]
    path = write(tmp_path, broken(change))
    with pytest.raises(ContentError) as raised:
        load_section(path)
    error = raised.value
    assert error.file == "10_broken.yaml"
    assert error.activity == activity
    assert error.field == field
    assert words in str(error)
    assert str(error).startswith("10_broken.yaml, activity ")


def test_invalid_yaml_gives_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "section: x\ntitle: [unclosed\nactivities: []\n")
    with pytest.raises(ContentError, match=r"10_broken.yaml: is not valid YAML near line \d"):
        load_section(path)


def test_a_missing_top_level_field_is_named(tmp_path: Path) -> None:
    data = sample_data()
    del data["title"]
    with pytest.raises(ContentError) as raised:
        load_section(write(tmp_path, data))
    assert raised.value.field == "title"


def test_a_repeat_of_an_unknown_scale_is_named(tmp_path: Path) -> None:
    data = sample_data()
    data["activities"][2]["repeats"] = "sample/nowhere"
    write(tmp_path, data, "01_sample.yaml")
    with pytest.raises(ContentError) as raised:
        load_course(tmp_path)
    assert (raised.value.activity, raised.value.field) == ("sample/scale-again", "repeats")


def test_two_files_may_not_share_a_section(tmp_path: Path) -> None:
    write(tmp_path, sample_data(), "01_a.yaml")
    write(tmp_path, sample_data(), "02_b.yaml")
    with pytest.raises(ContentError, match="02_b.yaml: section 'sample' is also used by 01_a.yaml"):
        load_course(tmp_path)


def test_marking_needs_exactly_the_correct_options() -> None:
    quiz = load_section(SAMPLE_FILE).activities[3]
    result = mark_check(quiz, {"one": ["a"], "many": ["a"]})
    assert [r.correct for r in result.questions] == [True, False]
    assert result.summary == "You got 1 of 2 right."
    assert [o.id for o in result.questions[1].chosen] == ["a"]
    assert mark_check(quiz, {"many": ["b", "a"]}).questions[1].correct
    assert mark_check(quiz, {}).questions[0].verdict == "Choose an answer first."


def test_scenario_feedback_comes_from_the_choice() -> None:
    story = load_section(SAMPLE_FILE).activities[4]
    assert scenario_choice(story, "wait").feedback == "Waiting delays things."
    assert scenario_choice(story, "nothing") is None


def test_open_space_principles_have_one_wording_everywhere() -> None:
    """The facilitator tools' wording is the one definition; section 4 and the guide use it."""
    import json

    from valued_contributors.facilitation.guidance import guidance

    notebook = json.loads((ROOT / "notebooks" / "04_conversation_based_tools.ipynb").read_text())
    section = "".join("".join(c["source"]) for c in notebook["cells"])
    guide = (ROOT / "book" / "facilitator-guide.md").read_text(encoding="utf-8")
    names = [p.name for p in guidance().principles]
    assert len(names) == 4
    for name in names:
        assert f"**{name}.**" in section, f"section 4 words {name!r} differently"
        assert f"**{name}**" in guide, f"the facilitator guide words {name!r} differently"


NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
NUMBERS.update({"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12})


def markdown_of(notebook: Path) -> str:
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def section_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("0[0-7]_*.ipynb"))


def test_the_stated_course_time_is_the_sum_of_the_sections() -> None:
    import re

    minutes = []
    for notebook in section_notebooks():
        found = re.search(r"takes about \*\*(\d+) minutes\*\*", markdown_of(notebook))
        assert found, f"{notebook.name} does not say how many minutes it takes"
        minutes.append(int(found.group(1)))
    hours = sum(minutes) / 60
    places = [markdown_of(section_notebooks()[0])]
    for page in ("intro.md", "how-to-use.md"):
        places.append((ROOT / "book" / page).read_text(encoding="utf-8"))
    for text in places:
        stated = re.search(r"whole course takes about \*\*(\d+) hours\*\*", text)
        assert stated, (sum(minutes), text[:60])
        assert int(stated.group(1)) == round(hours), (sum(minutes), text[:60])


def test_each_section_counts_its_own_activities() -> None:
    import re

    for notebook in section_notebooks()[1:7]:
        text = markdown_of(notebook)
        stated = re.search(r"including (\w+) activities", text)
        headings = re.findall(r"^### Activity (\d+):", text, flags=re.M)
        assert stated, notebook.name
        assert NUMBERS[stated.group(1)] == len(headings), notebook.name
        assert headings == [str(n) for n in range(1, len(headings) + 1)], notebook.name


def test_every_teaching_section_has_a_described_figure_drawn_for_the_course() -> None:
    import re

    for notebook in section_notebooks()[1:7]:
        pattern = r"!\[([^\]]+)\]\((\.\./book/_images/[\w-]+\.svg)\)\n\n\*Figure \d+\."
        images = re.findall(pattern, markdown_of(notebook))
        assert images, f"{notebook.name} has no figure with alt text and a caption"
        for alt, path in images:
            svg = (notebook.parent / path).resolve().read_text(encoding="utf-8")
            assert len(alt.split()) >= 12, f"{path}: alt text too short to describe the figure"
            assert "<title" in svg, path
            assert "<desc" in svg, path
            assert 'role="img"' in svg, path
            assert "http" not in svg.replace("http://www.w3.org/2000/svg", ""), path


def test_no_question_repeats_the_hint_the_views_add() -> None:
    """The views add "(Choose all that apply.)" to every choose-all question, so a question's
    own text must not say it too, or learners read it twice.
    """
    from valued_contributors.kinds.check import CHOOSE_ALL

    hint = CHOOSE_ALL.strip("().").lower()
    repeated = [
        f"{activity.id} {question.id}"
        for activity in load_course().activities.values()
        if isinstance(activity, Check)
        for question in activity.questions
        if question.multiple and hint in question.text.lower()
    ]
    assert repeated == [], f"These questions repeat the hint {CHOOSE_ALL!r}: {repeated}"
