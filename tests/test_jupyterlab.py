"""The notebooks in JupyterLab 4 and Notebook 7, driven by a real browser, as a learner sees them.

Each server serves a copy of the course (so saving never touches the repository) with the
project's own server configuration, the one ``make lab`` uses (see tests/helpers/jupyter.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers.jupyter import INTERFACES, PANEL, THEMES, jupyter, open_notebook
from tests.helpers.paths import ROOT
from valued_contributors.content.compiled import course
from valued_contributors.content.model import Check, Scenario
from valued_contributors.journal import Journal

pytestmark = pytest.mark.browser
LONGEST_OPTIONS = ["02_co_production.ipynb", "06_putting_it_into_practice.ipynb"]


def wait_until_idle(page, interface: str) -> None:
    if interface == "lab":
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    else:
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)


def run_all(page) -> None:
    page.locator(f"{PANEL} .jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()


def shown_activities(name: str) -> list[str]:
    notebook = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    code = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    return re.findall(r'show\("([^"]+)"\)', code)


def option_texts(activity_ids: list[str]) -> list[str]:
    texts = []
    for activity in (course().get(i) for i in activity_ids):
        if isinstance(activity, Scenario):
            texts += [c.text for c in activity.choices]
        elif isinstance(activity, Check):
            texts += [o.text for q in activity.questions for o in q.options]
    return texts


MEASURE = """() => {
  const panel = document.querySelector(arguments_panel);
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const labels = [...panel.querySelectorAll(".vc-activity .widget-radio-box label, " +
    ".vc-activity .widget-checkbox label.widget-label-basic")];
  return {
    options: labels.map((l) => ({
      text: l.innerText.replace(/\\s+/g, " ").trim(), box: box(l),
      control: box(l.querySelector("input")), cut: l.scrollWidth > l.clientWidth + 1,
      area: box(l.closest(".jp-OutputArea-output")) })),
    buttons: [...panel.querySelectorAll(".vc-nb button")].filter((b) => b.offsetParent)
      .map((b) => ({text: b.innerText.trim(), cut: b.scrollWidth > b.clientWidth + 1})),
    charts: [...panel.querySelectorAll(".vc-chart img, .vc-chart svg")].map((i) => ({
      box: box(i), natural: i.naturalWidth || 0 })),
  };
}"""


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"] - 1
        and inner["y"] >= outer["y"] - 1
        and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + 1
        and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + 1
    )


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] - 1
        and b["x"] < a["x"] + a["w"] - 1
        and a["y"] < b["y"] + b["h"] - 1
        and b["y"] < a["y"] + a["h"] - 1
    )


def rate_both_scales() -> None:
    with Journal() as journal:
        for scale, base in (("start/baseline", 1), ("practice/after", 3)):
            statements = course().get(scale).statements
            ratings = {s.id: base + n % 3 for n, s in enumerate(statements)}
            journal.save(scale, {"ratings": ratings})


@pytest.mark.parametrize("interface", INTERFACES)
def test_every_option_is_whole_and_apart_and_the_chart_is_a_picture(
    interface: str, browser, data_dir: Path, tmp_path: Path
) -> None:
    rate_both_scales()
    with jupyter(interface, "light", tmp_path) as (url, _):
        page = browser.new_page(viewport={"width": 1024, "height": 900})
        for name in LONGEST_OPTIONS:
            open_notebook(page, url, interface, name)
            run_all(page)  # pressed while the kernel may still be starting
            activities = shown_activities(name)
            page.locator(f"{PANEL} .vc-activity").nth(len(activities) - 1).wait_for(timeout=90_000)
            wait_until_idle(page, interface)
            if name.startswith("06"):  # the chart's picture can arrive after the kernel is idle
                page.locator(f"{PANEL} .vc-chart img, {PANEL} .vc-chart svg").first.wait_for()
            found = page.evaluate(MEASURE.replace("arguments_panel", json.dumps(PANEL)))
            texts = [o["text"] for o in found["options"]]
            for text in option_texts(activities):
                assert " ".join(text.split()) in texts, f"{name}: not shown whole: {text}"
            for option in found["options"]:
                assert not option["cut"], f"{name}: cut off: {option['text']}"
                assert option["box"]["h"] > 0
                assert inside(option["control"], option["box"])
                assert inside(option["box"], option["area"]), f"{name}: {option['text']}"
            options = found["options"]
            for n, first in enumerate(options):
                for second in options[n + 1 :]:
                    assert not overlap(first["box"], second["box"]), (
                        f"{name}: {first['text']!r} overlaps {second['text']!r}"
                    )
            assert found["buttons"]
            assert not [b["text"] for b in found["buttons"] if b["cut"]]
            if name.startswith("06"):
                [chart] = found["charts"]
                assert chart["box"]["w"] > 100
                assert chart["box"]["h"] > 100
                assert chart["natural"] > 0
            page.screenshot(path=str(tmp_path / f"{interface}-{name}.png"), full_page=True)
        page.close()


@pytest.mark.parametrize("interface", INTERFACES)
def test_a_reflection_survives_a_restart_and_the_saved_file_has_no_outputs(
    interface: str, browser, data_dir: Path, tmp_path: Path
) -> None:
    name = "01_why_every_voice_counts.ipynb"
    with jupyter(interface, "light", tmp_path) as (url, root):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_notebook(page, url, interface, name)
        wait_until_idle(page, interface)
        run_all(page)
        box = page.locator(f"{PANEL} .widget-textarea textarea").first
        box.wait_for(timeout=60_000)
        box.click()
        box.type("Written in the notebook", delay=20)
        page.locator(f"{PANEL} .vc-saved").filter(has_text="Saved at").first.wait_for()

        page.get_by_role("menuitem", name="Kernel", exact=True).click()
        page.get_by_text("Restart Kernel and Clear Outputs of All Cells…").click()
        page.locator(".jp-Dialog .jp-mod-accept").click()
        page.locator(f"{PANEL} .widget-textarea").first.wait_for(state="detached")
        wait_until_idle(page, interface)
        run_all(page)
        box = page.locator(f"{PANEL} .widget-textarea textarea").first
        box.wait_for(timeout=60_000)
        assert box.input_value() == "Written in the notebook"
        page.locator(f"{PANEL} .vc-activity").nth(len(shown_activities(name)) - 1).wait_for()

        with page.expect_response(
            lambda r: "/api/contents/notebooks/" in r.url and r.request.method == "PUT"
        ) as saved:
            page.locator(f"{PANEL} .jp-Notebook").first.click()
            page.keyboard.press("Control+s")
        assert saved.value.ok
        on_disk = json.loads((root / "notebooks" / name).read_text(encoding="utf-8"))
        assert "widgets" not in on_disk["metadata"]
        for cell in on_disk["cells"]:
            assert not cell.get("outputs"), f"saved with outputs: {cell['source']}"
        assert "Written in the notebook" not in json.dumps(on_disk)
        page.close()
    with Journal() as journal:
        versions = [a.value["text"] for a in journal.history("voices/knowledge")]
    assert versions[-1] == "Written in the notebook"
    assert all("Written in the notebook".startswith(v) for v in versions), "a pause saves a part"


@pytest.mark.parametrize("theme", list(THEMES))
def test_widget_colours_pass_axe_and_a_newer_answer_is_offered(
    theme: str, browser, data_dir: Path, tmp_path: Path
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    name = "01_why_every_voice_counts.ipynb"
    with Journal() as journal:
        journal.save("voices/knowledge", {"text": "First thoughts"})
        journal.save("voices/ripple", {"text": "Saved earlier"})
    with jupyter("lab", theme, tmp_path) as (url, _):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_notebook(page, url, "lab", name)
        wait_until_idle(page, "lab")
        run_all(page)
        box = page.locator(f"{PANEL} .widget-textarea textarea").first
        box.wait_for(timeout=60_000)
        assert box.input_value() == "First thoughts"
        page.locator(f"{PANEL} .vc-activity").nth(len(shown_activities(name)) - 1).wait_for()
        with Journal() as journal:
            journal.save("voices/knowledge", {"text": "Imported from the book"}, origin="book")
        box.click()
        box.press("End")
        box.type(" and more", delay=20)
        warning = page.locator(f"{PANEL} .vc-problem").filter(has_text="a newer answer")
        warning.wait_for()
        assert "in the book" in warning.inner_text()
        page.screenshot(path=str(tmp_path / f"lab-{theme}.png"), full_page=True)
        rule = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
        result = Axe().run(page, context=f"{PANEL} .jp-OutputArea", options=rule).response
        problems = [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in result["violations"]]
        assert not problems, problems
        assert result["passes"], "axe checked nothing"

        page.get_by_role("button", name="Load the newer answer").first.click()
        page.wait_for_function(
            "(s) => document.querySelector(s).value === 'Imported from the book'",
            arg=f"{PANEL} .widget-textarea textarea",
        )
        page.close()
    with Journal() as journal:
        assert journal.latest("voices/knowledge").value == {"text": "Imported from the book"}
