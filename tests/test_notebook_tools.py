"""The notebook's own tools: answers in and out without a terminal, a newer answer offered
before it is replaced, the course map, and the facilitator forms.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as widgets

from tests.helpers.content import BY_NAME
from tests.helpers.widgets import find
from valued_contributors import answers, course_map, show
from valued_contributors.facilitation import openspace
from valued_contributors.facilitation.people import Person
from valued_contributors.formats.answers import dumps, to_document
from valued_contributors.journal import Answer, Journal
from valued_contributors.views import saving
from valued_contributors.views.facilitation import openspace_builder, worldcafe_planner
from valued_contributors.views.widgets import build


def upload(name: str, content: bytes) -> tuple[dict, ...]:
    return (
        {
            "name": name,
            "type": "application/json",
            "size": len(content),
            "content": content,
            "last_modified": datetime.now(UTC),
        },
    )


def linked_file(status: str) -> bytes:
    [data] = re.findall(r"href='data:[^;]+;base64,([^']+)'", status)
    return base64.b64decode(data)


def test_answers_come_in_from_a_book_export_and_go_out_with_a_download_link(
    data_dir: Path, tmp_path: Path
) -> None:
    book = to_document(
        [Answer("voices/knowledge", {"text": "From the book"}, "2026-11-30T09:00:00Z", "book")],
        "book",
    )
    view = answers()
    view.folder = tmp_path
    view._repr_mimebundle_()
    view.upload.value = upload("my-answers.json", dumps(book).encode())
    assert "Imported 1 new answer version from my-answers.json." in view.import_status.value
    with Journal() as journal:
        assert journal.latest("voices/knowledge").value == {"text": "From the book"}
    assert view.upload.value == (), "the upload is cleared so the same file can be chosen again"

    view.upload.value = upload("notes.json", b"{not json")
    assert "role='alert'" in view.import_status.value
    assert "cannot be an answers file" in view.import_status.value

    view.format.value = "json"
    path = view.save()
    assert path == tmp_path / "my-answers.json"
    assert json.loads(linked_file(view.export_status.value))["answers"][0]["value"] == {
        "text": "From the book"
    }
    assert str(path) in view.export_status.value


def test_forgetting_asks_first_and_cancel_keeps_everything(data_dir: Path) -> None:
    with Journal() as journal:
        journal.save("voices/knowledge", {"text": "Keep me"})
    view = answers()
    view._repr_mimebundle_()
    view.ask()
    assert "cannot be undone" in view.forget_status.value
    assert view.confirm.layout.display is None
    view.cancel()
    with Journal() as journal:
        assert journal.latest("voices/knowledge") is not None
    view.ask()
    [yes] = [b for b in view.confirm.children if b.description.startswith("Yes")]
    yes.click()
    assert "Deleted 1 saved answer version." in view.forget_status.value
    with Journal() as journal:
        assert journal.latest("voices/knowledge") is None
    assert str(data_dir) in view.where()


def test_a_newer_answer_is_offered_before_it_is_replaced(data_dir: Path) -> None:
    box = build(BY_NAME["thoughts"])
    [area] = find(box, widgets.Textarea)
    area.value = "Mine"
    with Journal() as journal:
        journal.save("sample/thoughts", {"text": "From the book"}, origin="book")
    area.value = "Mine, and more"
    statuses = " ".join(w.value for w in find(box, widgets.HTML))
    assert "a newer answer to this activity was saved" in statuses
    assert "in the book" in statuses
    with Journal() as journal:
        assert journal.latest("sample/thoughts").value == {"text": "From the book"}
    [load] = [b for b in find(box, widgets.Button) if b.description == "Load the newer answer"]
    load.click()
    assert area.value == "From the book"
    area.value = "From the book, then mine"
    with Journal() as journal:
        assert journal.latest("sample/thoughts").value == {"text": "From the book, then mine"}


def test_keeping_mine_saves_it_and_the_newer_one_stays_in_the_history(data_dir: Path) -> None:
    box = build(BY_NAME["story"])
    [picker] = find(box, widgets.RadioButtons)
    with Journal() as journal:
        journal.save("sample/story", {"choice": "wait"}, origin="book")
    picker.value = [value for _, value in picker.options if value != "wait"][0]
    [keep] = [b for b in find(box, widgets.Button) if b.description.startswith("Keep what")]
    keep.click()
    with Journal() as journal:
        history = [a.value["choice"] for a in journal.history("sample/story")]
    assert history == ["wait", picker.value]
    saving.flush_all()


def test_the_course_map_lists_what_is_left_with_links(data_dir: Path) -> None:
    view = course_map()
    view._repr_mimebundle_()
    assert "<a href='01_why_every_voice_counts.ipynb'>1. Why every voice counts</a>" in (
        view.table.value
    )
    assert "What you know that planners may not" in view.table.value
    area = find(build(show("voices/knowledge").activity), widgets.Textarea)[0]
    area.value = "Done now"
    assert "What you know that planners may not" not in view.table.value


def test_the_facilitator_forms_make_and_save_plans_from_the_learners_own_input(
    tmp_path: Path,
) -> None:
    people = [Person("Morag", "carer"), Person("Isla", "worker", True), Person("Eilidh")]
    cafe = worldcafe_planner(people + [Person("Callum", "manager")], tables=2, rounds=2)
    assert "Morag" in cafe._repr_mimebundle_()["text/html"]
    cafe.people.value = "24"
    cafe.tables.value = 4
    path = cafe.save(folder=tmp_path)
    assert path == tmp_path / "cafe-plan.html"
    assert "Person 24" in path.read_text("utf-8")
    assert "download='cafe-plan.html'" in cafe.status.value
    cafe.people.value = "Ann, carer\nBea"
    assert not cafe.make()
    assert "role='alert'" in cafe.status.value

    wall = openspace_builder([openspace.Topic("Fair rotas", "Morag")], ["Garden"], ["10:00"])
    wall._repr_mimebundle_()
    wall.topics.value = "Fair rotas | Morag\nLocal jobs | Douglas"
    wall.spaces.value = "2"
    assert wall.make()
    assert "Local jobs" in wall.result.value
    assert "Douglas" in wall.result.value
    wall.slots.value = ""
    assert not wall.make()
    assert "slot" in wall.status.value


def test_a_check_with_a_question_left_says_so(data_dir: Path) -> None:
    box = build(BY_NAME["quiz"])
    [button] = [b for b in find(box, widgets.Button) if b.description == "Check my answers"]
    button.click()
    shown = " ".join(w.value for w in find(box, widgets.HTML))
    assert "2 questions are not answered yet" in shown
    find(box, widgets.RadioButtons)[0].value = "b"
    find(box, widgets.Checkbox)[0].value = True
    button.click()
    assert "not answered yet" not in " ".join(w.value for w in find(box, widgets.HTML))
