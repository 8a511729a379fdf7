"""The registry of activity kinds: each rule defined once, in its kind's module, and every file
that depends on the kinds agreeing with them.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from valued_contributors import kinds
from valued_contributors.content import compiled
from valued_contributors.content import schema as activities_schema
from valued_contributors.content.compiled import course
from valued_contributors.core.html import INLINE
from valued_contributors.document import Paragraph, slot
from valued_contributors.kinds import REGISTRY, Check, Confidence, Reflection, Scenario
from valued_contributors.kinds.base import FIELD, Kind, activity_schema
from valued_contributors.kinds.confidence import before_after
from valued_contributors.validation import schema

PACKAGE = Path(kinds.__file__).resolve().parent.parent
KIND_MODULES = sorted(Path(kinds.__file__).parent.glob("*.py"))


def test_the_kinds_come_in_course_order_with_their_models() -> None:
    assert list(REGISTRY) == ["reflection", "confidence", "check", "scenario"]
    assert [k.model for k in REGISTRY.values()] == [Reflection, Confidence, Check, Scenario]
    for activity in course().activities.values():
        assert kinds.of(activity) is REGISTRY[activity.kind]
        assert isinstance(activity, kinds.of(activity).model)


def test_the_committed_activity_schema_is_the_one_the_kinds_make() -> None:
    committed = activities_schema.PATH.read_text(encoding="utf-8")
    assert committed == activities_schema.text(), (
        "schemas/activities.schema.json differs from the kinds' schemas; run "
        "python -m valued_contributors.content.schema"
    )
    assert schema("activities")["$defs"]["activity"]["properties"]["kind"]["enum"] == list(REGISTRY)


def test_the_answers_file_schema_allows_exactly_the_kinds_values() -> None:
    answer = schema("exchange")["$defs"]["answer"]["properties"]
    assert answer["kind"] == {"$ref": "definitions.schema.json#/$defs/kind"}
    assert answer["value"] == {"$ref": "definitions.schema.json#/$defs/value"}
    shared = schema("definitions")["$defs"]
    assert shared["kind"]["enum"] == list(REGISTRY)
    values = shared["value"]["properties"]
    slug = {k: v for k, v in shared["slug"].items() if k != "description"}

    def resolved(part: object) -> object:
        if isinstance(part, dict):
            if part.get("$ref") == "#/$defs/slug":
                return slug
            return {k: resolved(v) for k, v in part.items()}
        if isinstance(part, list):
            return [resolved(v) for v in part]
        return part

    assert {k.value_key: k.value for k in REGISTRY.values()} == resolved(values)
    for name, value_schema in kinds.value_schemas().items():
        assert value_schema["required"] == [kinds.value_key(name)]
        assert value_schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({"text": ""}, "reflection"),
        ({"ratings": {}}, "confidence"),
        ({"selected": {}}, "check"),
        ({"choice": "a"}, "scenario"),
    ],
)
def test_an_answer_value_tells_its_kind(value: dict, kind: str) -> None:
    assert kinds.kind_of_value(value) == kind
    assert kinds.value_key(kind) == next(iter(value))


def test_a_value_of_no_kind_is_one_sentence() -> None:
    with pytest.raises(ValueError, match="must have one of text, ratings, selected, choice"):
        kinds.kind_of_value({"colour": "blue"})


def test_the_done_rules_are_data_and_the_evaluator_follows_them() -> None:
    rules = kinds.done_rules()
    assert rules == {
        "reflection": {"rule": "not-blank"},
        "confidence": {"rule": "saved"},
        "check": {"rule": "all-answered", "over": "questions"},
        "scenario": {"rule": "saved"},
    }
    json.dumps(rules)  # the book's script is handed them as they are
    activities = course().activities.values()
    reflection = next(a for a in activities if isinstance(a, Reflection))
    check = next(a for a in activities if isinstance(a, Check) and len(a.questions) > 1)
    scale = next(a for a in activities if isinstance(a, Confidence))
    scenario = next(a for a in activities if isinstance(a, Scenario))
    assert not kinds.is_done(reflection, None)
    assert not kinds.is_done(reflection, {"text": " \n "})
    assert kinds.is_done(reflection, {"text": "Listening"})
    first, *rest = check.questions
    assert not kinds.is_done(check, {"selected": {first.id: [first.options[0].id]}})
    every = {q.id: [q.options[0].id] for q in check.questions}
    assert kinds.is_done(check, {"selected": every})
    assert not kinds.is_done(check, {"selected": {**every, rest[0].id: []}})
    assert kinds.is_done(scale, {"ratings": {}})
    assert kinds.is_done(scenario, {"choice": scenario.choices[0].id})


def test_the_before_and_after_scales_come_from_the_content() -> None:
    pair = before_after(course().activities)
    assert pair is not None
    before, after = pair
    assert after.repeats == before.id
    assert not before.repeats
    assert after.statements == before.statements
    assert list(course().activities).index(before.id) < list(course().activities).index(after.id)


def test_no_course_id_is_written_in_the_code() -> None:
    ids = set(course().activities)
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        strings = {
            node.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert not ids & strings, f"{path.relative_to(PACKAGE)} names {ids & strings}"


def imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", KIND_MODULES, ids=lambda p: p.name)
def test_a_kind_imports_nothing_above_it(path: Path) -> None:
    above = ("content", "journal", "formats", "record", "views", "facilitation", "book", "cli")
    for name in imports(path):
        layer = name.removeprefix("valued_contributors.").split(".")[0]
        assert not (name.startswith("valued_contributors.") and layer in above), name


def test_the_kinds_load_without_widgets_or_the_markdown_parser() -> None:
    code = (
        "import sys, valued_contributors.kinds, valued_contributors.content.compiled as c; "
        "c.course(); print(sorted(m for m in ('ipywidgets', 'markdown_it', 'yaml') "
        "if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # makes the compiled copy
    shown = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert shown.stdout.decode().strip() == "[]"


def test_the_compiled_course_depends_on_every_kind_module() -> None:
    key = compiled.fingerprint([])
    for path in KIND_MODULES:
        assert f"{path} " in key
    assert all((PACKAGE / name).exists() for name in compiled.CODE_FILES)


class Poll(NamedTuple):
    """A kind the course does not have, to show that a new kind is one registry entry."""

    id: str
    title: str
    minutes: int
    discussion: str | None = None
    question: str = ""
    kind: str = "poll"


POLL = Kind(
    name="poll",
    label="Quick poll",
    model=Poll,
    value_key="vote",
    value={"type": "string"},
    done={"rule": "not-blank"},
    schema=activity_schema("poll", ["question"], {"question": FIELD["text"]}),
    build=lambda common, raw: Poll(**common, question=raw["question"]),
    check=lambda activity: None,
    texts=lambda activity: iter([(INLINE, activity.question)]),
    book=lambda activity: f"<p class='vc-poll'>{activity.question}</p>",
    worksheet=lambda activity: f"<p>{activity.question}</p>",
    answers=lambda activity: "",
    describe=lambda activity, value: (Paragraph((value or {}).get("vote", "None yet")),),
    slots=lambda activity: (Paragraph("None yet", slot("vote")),),
    widget=lambda activity, saver: [],
)


def test_a_new_kind_is_one_entry_in_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    from valued_contributors.record.model import describe
    from valued_contributors.views import html, worksheet

    monkeypatch.setitem(REGISTRY, "poll", POLL)
    poll = Poll("town/poll", "Where next?", 2, question="Which hall suits you?")
    book = html.render(poll)  # type: ignore[arg-type]
    assert "<span class='vc-kind'>Quick poll</span>" in book
    assert "vc-poll" in book
    assert "Which hall suits you?" in worksheet.render(poll)  # type: ignore[arg-type]
    assert kinds.kind_of_value({"vote": "east"}) == "poll"
    assert kinds.is_done(poll, {"vote": "east"})
    assert not kinds.is_done(poll, {"vote": " "})
    assert describe(poll, {"vote": "east"}) == (Paragraph("east"),)  # type: ignore[arg-type]
    assert list(kinds.author_texts(poll)) == [  # type: ignore[arg-type]
        (INLINE, "Where next?"),
        (INLINE, "Which hall suits you?"),
    ]
    composed = activities_schema.activities_schema()["$defs"]
    assert composed["poll"]["required"][-1] == "question"
    assert {"$ref": "#/$defs/poll"} in composed["activity"]["oneOf"]
