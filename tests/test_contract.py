"""One contract between Python and the browser: the page's block is what Python makes, the
scripts hold no copy of it, and the book refuses what the command line refuses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from valued_contributors import contract as book_contract
from valued_contributors.core import wording
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as exchange
from valued_contributors.formats.common import MAX_TEXT
from valued_contributors.validation import definitions, schema

PACKAGE = Path(book_contract.__file__).parent
SCRIPTS = [
    PACKAGE / "static" / "valued-contributors.js",
    PACKAGE / "static" / "valued-contributors-offline.js",
    PACKAGE / "downloads" / "scorm-bridge.js",
]
BLOCK = re.compile(r'<script type="application/json" id="vc-contract">(.*?)</script>', re.S)
SECTION_PAGE = "notebooks/01_why_every_voice_counts.html"


def python_contract() -> dict:
    """The contract as the page carries it: through JSON, so number keys become text."""
    return json.loads(json.dumps(book_contract.contract()))


def _leaves(tree):
    for value in tree.values():
        if isinstance(value, dict):
            yield from _leaves(value)
        else:
            yield value


def test_the_contract_takes_formats_limits_and_patterns_from_python_and_the_schemas() -> None:
    made = book_contract.contract()
    answers_schema, shared = schema("exchange"), definitions()
    value = shared["value"]["properties"]
    fields = answers_schema["properties"]
    assert made["answers"]["format"] == exchange.FORMAT == fields["format"]["const"]
    assert made["answers"]["version"] == exchange.VERSION == fields["version"]["const"]
    assert made["answers"]["max_bytes"] == exchange.MAX_BYTES == 50 * 1024 * 1024
    assert made["answers"]["max_bytes_words"] == "50 MB"
    assert made["answers"]["max_answers"] == fields["answers"]["maxItems"]
    assert made["contribution"]["format"] == schema("contribution")["properties"]["format"]["const"]
    kinds = made["kinds"]
    assert list(kinds) == shared["kind"]["enum"]
    text = kinds["reflection"]["value"]["properties"]["text"]
    assert text["maxLength"] == value["text"]["maxLength"] == MAX_TEXT == 1_000_000
    selected = kinds["check"]["value"]["properties"]["selected"]["additionalProperties"]
    assert selected["uniqueItems"] is True
    assert selected["items"]["pattern"] == shared["slug"]["pattern"]
    envelope = made["answers"]["answer"]["properties"]
    assert envelope["activity"]["maxLength"] == shared["activity"]["maxLength"]
    assert envelope["saved_at"]["pattern"] == made["patterns"]["time"] == shared["time"]["pattern"]
    assert "$ref" not in json.dumps(made)
    assert made["wording"] == wording.catalogue()


def _code(script: Path) -> str:
    """A script without its comments."""
    text = script.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"^\s*//.*$", "", text, flags=re.M)


def _is_english(literal: str) -> bool:
    """Two or more plain words: a sentence or part of one, not a class list or a selector."""
    words = [t for t in literal.split() if re.fullmatch(r"[A-Za-z]+[,.;:!?]?", t)]
    return len(words) >= 2


def test_the_scripts_hold_no_sentence_format_limit_or_pattern_of_their_own() -> None:
    made = book_contract.contract()
    sentences = [s for s in _leaves(made["wording"]) if " " in s.strip()]
    limits = {made["answers"]["max_bytes"], made["answers"]["max_answers"], 1_000_000, 200, 400}
    for script in SCRIPTS:
        code = _code(script)
        literals = re.findall(r'"((?:[^"\\]|\\.)*)"', code) + re.findall(r"`([^`]*)`", code)
        english = [s for s in literals if _is_english(s) and s != "use strict"]
        assert english == [], f"{script.name} words sentences of its own: {english}"
        for sentence in sentences:
            assert sentence not in code, f"{script.name} copies {sentence!r}"
        assert made["answers"]["format"] not in code
        assert made["storage"]["prefix"] not in code
        assert made["contribution"]["format"] not in code
        numbers = {int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.])", code)}
        assert numbers & limits == set(), f"{script.name} holds a limit of its own"
        for pattern in made["patterns"].values():
            core = pattern.strip("^$")
            assert core not in code, script.name
            assert core.replace("\\", "\\\\") not in code, script.name
    book = _code(SCRIPTS[0])
    assert "data-vc-texts" not in book
    assert book.count("data-vc-correct") == 1  # a check is marked in one place


def test_every_web_page_carries_the_contract_python_makes(built_book: Path) -> None:
    expected = python_contract()
    pages = [p for p in built_book.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if "valued-contributors.js" not in html:
            continue
        blocks = BLOCK.findall(html)
        assert len(blocks) == 1, path
        assert json.loads(blocks[0]) == expected, f"{path} carries another contract"
        assert "data-vc-texts" not in html, path


@pytest.mark.browser
def test_the_browser_reads_the_same_contract(page, site: str) -> None:
    page.goto(site + SECTION_PAGE)
    seen = page.evaluate("() => JSON.parse(document.getElementById('vc-contract').textContent)")
    assert seen == python_contract()


def _answers(*answers: dict) -> dict:
    return {"format": exchange.FORMAT, "version": exchange.VERSION, "answers": list(answers)}


def _reflection(text: str, saved_at: str = "2026-11-02T10:00:00.000Z") -> dict:
    return {
        "activity": "voices/ripple",
        "kind": "reflection",
        "value": {"text": text},
        "saved_at": saved_at,
    }


def _check(selected: dict) -> dict:
    return {
        "activity": "voices/knowledge",
        "kind": "check",
        "value": {"selected": selected},
        "saved_at": "2026-11-02T10:00:00.000Z",
    }


DAMAGED = wording.text("book_import.damaged")
REFUSED = {
    "a reflection over the length limit": (
        _answers(_reflection("x" * (MAX_TEXT + 1))),
        DAMAGED,
    ),
    "a selection that names an option twice": (
        _answers(_check({"q1": ["a", "a"]})),
        DAMAGED,
    ),
    "a rating off the scale": (
        _answers(
            {
                "activity": "start/baseline",
                "kind": "confidence",
                "value": {"ratings": {"listening": 6}},
                "saved_at": "2026-11-02T10:00:00Z",
            }
        ),
        DAMAGED,
    ),
    "an answer with a field the format does not have": (
        _answers({**_reflection("fine"), "learner": "Morag"}),
        DAMAGED,
    ),
    "an option id too long for the format": (
        _answers(_check({"q1": ["a" * 101]})),
        DAMAGED,
    ),
    "another version of the format": (
        {**_answers(_reflection("fine")), "version": 2},
        wording.text("book_import.wrong_version", version=2, expected=exchange.VERSION),
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", list(REFUSED))
def test_the_book_refuses_what_the_command_line_refuses(
    case: str, page, site: str, tmp_path: Path
) -> None:
    document, sentence = REFUSED[case]
    data = json.dumps(document).encode()
    with pytest.raises(FormatError):
        exchange.read_bytes(data, "answers.json")
    path = tmp_path / "answers.json"
    path.write_bytes(data)
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(path))
    status = page.locator(".vc-panel-status.vc-problem")
    status.wait_for()
    assert status.inner_text() == sentence
    prefix = book_contract.STORAGE_PREFIX
    kept = page.evaluate("(p) => Object.keys(localStorage).filter(k => k.startsWith(p))", prefix)
    assert kept == []


@pytest.mark.browser
def test_the_book_refuses_a_file_over_the_byte_limit_before_reading_it(
    page, site: str, tmp_path: Path
) -> None:
    text = json.dumps(_answers(_reflection("fine")))
    data = (text[:-1] + " " * (exchange.MAX_BYTES + 1 - len(text)) + "}").encode()
    assert len(data) == exchange.MAX_BYTES + 1
    with pytest.raises(FormatError, match="more than the 50 MB"):
        exchange.read_bytes(data, "answers.json")
    path = tmp_path / "answers.json"
    path.write_bytes(data)
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(path))
    status = page.locator(".vc-panel-status.vc-problem")
    status.wait_for()
    assert status.inner_text() == wording.text("book_import.too_big", limit="50 MB")
    path.write_bytes(data[: exchange.MAX_BYTES - 1] + b"}")  # at the limit: read, and imported
    page.locator(".vc-import-file").set_input_files(str(path))
    page.locator(".vc-panel-status").filter(has_text="Imported 1 answer").wait_for()


@pytest.mark.browser
@pytest.mark.parametrize("order", [1, -1])
def test_the_latest_version_is_the_latest_moment_not_the_latest_spelling(
    order: int, page, site: str, tmp_path: Path
) -> None:
    versions = [
        _reflection("half a second later", "2026-11-02T10:00:00.500Z"),
        _reflection("on the second", "2026-11-02T10:00:00Z"),
    ][::order]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(_answers(*versions)), encoding="utf-8")
    page.goto(site + SECTION_PAGE)
    page.locator(".vc-import-file").set_input_files(str(path))
    page.locator(".vc-panel-status").filter(has_text="Imported").wait_for()
    area = page.locator("section[data-vc-activity='voices/ripple'] textarea")
    assert area.input_value() == "half a second later"
