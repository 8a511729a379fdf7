"""One object, two views: the widget view saves to the journal; the HTML view is safe and
carries exactly the feedback the scoring module gives.
"""

from __future__ import annotations

import asyncio
import re
import threading
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as widgets

from tests.helpers.content import BY_NAME, SAMPLE
from tests.helpers.paths import FIXTURES
from tests.helpers.text import visible_text
from tests.helpers.widgets import find
from valued_contributors import show
from valued_contributors.content.scoring import mark_check
from valued_contributors.journal import Journal
from valued_contributors.views import html, saving
from valued_contributors.views.widgets import build

WIDGET = "application/vnd.jupyter.widget-view+json"


def test_show_carries_both_views() -> None:
    bundle = show("voices/ripple")._repr_mimebundle_()
    assert WIDGET in bundle
    assert "data-vc-activity='voices/ripple'" in bundle["text/html"]
    assert "voices/ripple" in bundle["text/plain"]


def test_an_unknown_id_is_one_sentence_with_the_closest_id() -> None:
    bundle = show("voices/rippl")._repr_mimebundle_()
    assert bundle["text/plain"] == "No activity 'voices/rippl'. Did you mean 'voices/ripple'?"
    assert "role='alert'" in bundle["text/html"]
    assert WIDGET not in bundle
    far = show("nothing/like-it")._repr_mimebundle_()["text/plain"]
    assert far == "No activity 'nothing/like-it'. Check the activity id in the cell."


def test_a_reflection_saves_and_comes_back_after_a_restart(data_dir: Path) -> None:
    box = build(BY_NAME["thoughts"])
    [area] = find(box, widgets.Textarea)
    area.value = "Listening first"
    statuses = [w.value for w in find(box, widgets.HTML) if "Saved at" in w.value]
    assert statuses, "no 'Saved at' status after typing"
    saving._open_journals.clear()
    again = build(BY_NAME["thoughts"])
    assert find(again, widgets.Textarea)[0].value == "Listening first"
    with Journal() as journal:
        assert journal.latest("sample/thoughts").value == {"text": "Listening first"}


def in_own_event_loop(coroutine_function) -> object:
    """Run a coroutine as a kernel would, on an event loop of its own (in its own thread)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(coroutine_function())))
    thread.start()
    thread.join()
    assert result, "the coroutine failed; see the thread's traceback above"
    return result[0]


class SaveListener:
    """Sets an event when the notebook view reports a save (as progress and the record hear)."""

    def __init__(self) -> None:
        self.saved = asyncio.Event()

    def refresh(self) -> None:
        self.saved.set()


def test_typing_is_saved_once_after_a_pause(data_dir: Path) -> None:
    saver = saving.Saver("sample/thoughts", delay=0.05)

    async def type_quickly() -> list:
        listener = SaveListener()
        saving.when_saved(listener)
        for text in ("L", "Li", "Lis", "List", "Listen"):
            saver.save({"text": text})
        assert "Saving" in saver.status.value
        with Journal() as journal:
            assert journal.history("sample/thoughts") == [], "saved before the pause"
        await asyncio.wait_for(listener.saved.wait(), timeout=30)
        with Journal() as journal:
            return journal.history("sample/thoughts")

    history = in_own_event_loop(type_quickly)
    assert [a.value["text"] for a in history] == ["Listen"]
    assert "Saved at" in saver.status.value


def test_a_pending_save_is_written_when_the_kernel_stops(data_dir: Path) -> None:
    saver = saving.Saver("sample/thoughts", delay=60)

    async def type_and_leave() -> bool:
        saver.save({"text": "typed just before closing"})
        return True

    in_own_event_loop(type_and_leave)
    saving.flush_all()
    with Journal() as journal:
        assert journal.latest("sample/thoughts").value == {"text": "typed just before closing"}


def test_the_discussion_appears_only_after_an_answer(data_dir: Path) -> None:
    box = build(BY_NAME["thoughts"])
    discussion = [w for w in find(box, widgets.HTML) if "Discussion" in w.value][0]
    assert discussion.layout.display == "none"
    find(box, widgets.Textarea)[0].value = "An answer"
    assert discussion.layout.display is None


def test_a_check_gives_the_scoring_modules_feedback(data_dir: Path) -> None:
    quiz = BY_NAME["quiz"]
    box = build(quiz)
    [radio] = find(box, widgets.RadioButtons)
    radio.value = "b"
    first, second, _ = find(box, widgets.Checkbox)
    first.value = second.value = True
    [button] = [b for b in find(box, widgets.Button) if b.description == "Check my answers"]
    button.click()
    shown = " ".join(visible_text(w.value) for w in find(box, widgets.HTML))
    result = mark_check(quiz, {"one": ["b"], "many": ["a", "b"]})
    assert result.summary in shown
    for question in result.questions:
        assert question.verdict in shown
        for option in question.chosen:
            assert visible_text(option.feedback) in shown
    with Journal() as journal:
        saved = journal.latest("sample/quiz").value
    assert saved == {"selected": {"one": ["b"], "many": ["a", "b"]}}


def test_a_scenario_choice_saves_and_shows_its_feedback(data_dir: Path) -> None:
    box = build(BY_NAME["story"])
    [radio] = find(box, widgets.RadioButtons)
    radio.value = "wait"
    assert any("Waiting delays things." in w.value for w in find(box, widgets.HTML))
    saving._open_journals.clear()
    assert find(build(BY_NAME["story"]), widgets.RadioButtons)[0].value == "wait"


def test_a_confidence_rating_saves(data_dir: Path) -> None:
    box = build(BY_NAME["scale"])
    first = find(box, widgets.RadioButtons)[0]
    assert [label for label, _ in first.options][0] == "1 not at all confident"
    first.value = 4
    with Journal() as journal:
        assert journal.latest("sample/scale").value == {"ratings": {"listen": 4}}


def test_a_failed_save_keeps_the_text_and_saves_it_next_time(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("VALUED_CONTRIBUTORS_DATA", str(blocked))
    box = build(BY_NAME["thoughts"])
    area = find(box, widgets.Textarea)[0]
    area.value = "Do not lose this"
    assert any("Not saved yet" in w.value for w in find(box, widgets.HTML))
    assert area.value == "Do not lose this"
    monkeypatch.setenv("VALUED_CONTRIBUTORS_DATA", str(data_dir))
    area.value = "Do not lose this, please"
    with Journal() as journal:
        assert journal.latest("sample/thoughts").value == {"text": "Do not lose this, please"}


def test_the_html_escapes_author_markup_and_holds_every_feedback() -> None:
    story = html.render(BY_NAME["story"])
    assert "<b>care</b>" not in story
    assert "&lt;b&gt;care&lt;/b&gt;" in story
    quiz = html.render(BY_NAME["quiz"])
    for question in BY_NAME["quiz"].questions:
        for option in question.options:
            assert option.feedback in unescape(quiz)
    assert "data-vc-correct='a b'" in quiz


class Labels(HTMLParser):
    """Every form control in a document, with whether a label names it: a ``<label for>``
    pointing at its id, or a ``<label>`` around it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[tuple[str, str | None, bool]] = []  # (markup, id, inside a label)
        self.label_for: set[str] = set()
        self.open_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if found.get("for"):
                self.label_for.add(str(found["for"]))
        elif tag in ("input", "textarea", "select") and found.get("type") != "hidden":
            markup = self.get_starttag_text() or tag
            self.controls.append((markup, found.get("id"), self.open_labels > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def unlabelled(self) -> list[str]:
        return [
            markup
            for markup, control_id, wrapped in self.controls
            if not wrapped and (control_id is None or control_id not in self.label_for)
        ]


def test_every_input_in_the_html_has_a_label() -> None:
    controls = []
    for activity in SAMPLE.activities:
        labels = Labels()
        labels.feed(html.render(activity))
        assert labels.unlabelled() == [], f"{activity.id}: controls without a label"
        controls += labels.controls
    assert any(inside for _, _, inside in controls), "no rating (inside its label) was checked"
    assert any(not inside for _, _, inside in controls), "no option (label for) was checked"


def test_the_label_check_finds_a_control_without_a_label() -> None:
    labels = Labels()
    labels.feed("<label for='a'>A</label><input id='a'><label><input type='radio'></label>")
    assert labels.unlabelled() == []
    labels.feed("<input type='radio' id='b'><textarea></textarea>")
    assert labels.unlabelled() == ["<input type='radio' id='b'>", "<textarea>"]


def test_the_comparison_pairs_before_and_after_in_a_table(data_dir: Path) -> None:
    from valued_contributors.views.compare import ComparisonView

    scale, again = BY_NAME["scale"], load_course_sample().get("sample/scale-again")
    with Journal() as journal:
        journal.save("sample/scale", {"ratings": {"listen": 2, "plan": 3}})
        journal.save("sample/scale-again", {"ratings": {"listen": 4}})
    saving._open_journals.clear()
    view = ComparisonView(scale, again)
    bundle = view._repr_mimebundle_()
    assert WIDGET in bundle
    figure = bundle["text/html"]
    assert "data-vc-before='sample/scale'" in figure
    assert "<table" in figure
    assert figure.count("data-vc-statement=") == 2
    [live_table] = [w for w in find(view._widget(), widgets.HTML) if "<table" in w.value]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", live_table.value)
    assert cells[:3] == ["2 (a little confident)", "4 (confident)", "+2"]
    assert cells[3:] == ["3 (fairly confident)", "Not rated yet", "–"]


def load_course_sample():
    from valued_contributors.content import load_course

    return load_course(FIXTURES)
