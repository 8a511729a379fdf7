"""The SCORM 2004 4th Edition package: the web book as one SCO for an organisation's platform.

The zip holds ``imsmanifest.xml`` (one organisation, one SCO, every file listed), a launch page
that frames the built book, and a small script that tells the platform's runtime how far the
learner has got. The rules it applies are data written here from the course (which activities
count, the final assessment and how many right answers it needs), so the platform sees the same
completion as the statement of completion. No answer is ever sent.
"""

from __future__ import annotations

import json
import zipfile
from html import escape
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

from valued_contributors.content import scoring
from valued_contributors.content.compiled import course
from valued_contributors.content.model import Course
from valued_contributors.downloads.offline import wanted

if TYPE_CHECKING:
    from valued_contributors.downloads import Project

TITLE = "Valued Contributors"
LAUNCH = "scorm-launch.html"
BRIDGE = "valued-contributors-scorm.js"
BRIDGE_SOURCE = Path(__file__).with_name("scorm-bridge.js")
METADATA = "valued-contributors-metadata.xml"
COURSE = "course"  # the folder the built book goes into
DESCRIPTION = (
    "A free self-study course on involving workers, people who use services and carers as "
    "partners in social services workforce planning. The course tells the learning platform "
    "only how far a learner has got: completion, progress, and the score and result of the "
    "final assessment. Reflections, ratings and chosen answers are never sent: they stay in "
    "the learner's web browser, on their device, as in the web book."
)

NAMESPACES = {
    "": ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
    "adlcp": ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
    "adlseq": ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
    "adlnav": ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
    "imsss": ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
}


def rules(the_course: Course) -> dict[str, Any]:
    """What the launch page's script needs to decide completion, progress and success.

    "Completed" follows record.model.LearningRecord.complete: every activity of every section
    done and, if the course has a final assessment, at least its pass mark (scoring.needed).
    """
    activities = [a.id for s in the_course.sections for a in s.activities]
    final = the_course.final_assessment
    assessment = None
    if final is not None:
        assessment = {
            "activity": final.id,
            "questions": len(final.questions),
            "needed": scoring.needed(final),
            "correct": {q.id: sorted(q.correct_ids) for q in final.questions},
        }
    return {
        "title": TITLE,
        "start": f"{COURSE}/index.html",
        "activities": activities,
        "final": assessment,
    }


def launch_page(data: dict[str, Any]) -> str:
    """The SCO's page: the course in a frame, the rules as JSON, and the reporting script."""
    contract = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    start = escape(data["start"])
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(TITLE)}</title>
<style>
html, body {{ margin: 0; height: 100%; }}
#vc-course {{ display: block; width: 100%; height: 100%; border: 0; }}
</style>
<script type="application/json" id="vc-scorm-rules">{contract}</script>
<script src="{BRIDGE}"></script>
</head>
<body>
<noscript><p><a href="{start}">Open the course</a>. Your learning platform can only record
your progress when this page runs its script.</p></noscript>
</body>
</html>
"""


def metadata() -> str:
    """The package's description (IEEE LOM), which platforms show beside the course."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="en-GB">{escape(TITLE)}</string></title>
    <language>en-GB</language>
    <description><string language="en-GB">{escape(DESCRIPTION)}</string></description>
  </general>
</lom>
"""


def manifest(files: list[str]) -> str:
    """``imsmanifest.xml``: one organisation with one item, launching the one SCO."""
    declarations = " ".join(
        f'xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, (uri, _) in NAMESPACES.items()
    )
    locations = " ".join(f"{uri} {xsd}" for uri, xsd in NAMESPACES.values())
    listed = "\n".join(f"      <file href={quoteattr(quote(f, safe='/'))}/>" for f in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="valued-contributors" version="1" {declarations}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <adlcp:location>{METADATA}</adlcp:location>
  </metadata>
  <organizations default="valued-contributors-course">
    <organization identifier="valued-contributors-course">
      <title>{escape(TITLE)}</title>
      <item identifier="valued-contributors-item" identifierref="valued-contributors-sco">
        <title>{escape(TITLE)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="valued-contributors-sco" type="webcontent" adlcp:scormType="sco" \
href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""


def make(project: Project, target: Path) -> None:
    """Zip the built book with its launch page, script, description and manifest."""
    book = [
        (path, f"{COURSE}/{relative}")
        for path in sorted(project.html.rglob("*"))
        if path.is_file()
        and wanted(relative := PurePosixPath(path.relative_to(project.html).as_posix()))
    ]
    extra = {
        LAUNCH: launch_page(rules(course())),
        BRIDGE: BRIDGE_SOURCE.read_text(encoding="utf-8"),
        METADATA: metadata(),
    }
    files = [*extra, *(name for _, name in book)]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("imsmanifest.xml", manifest(files))
        for name, text in extra.items():
            archive.writestr(name, text)
        for path, name in book:
            archive.write(path, name)
