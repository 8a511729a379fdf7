"""Plain language, measured: every section and the course as a whole are easy to read."""

from __future__ import annotations

import pytest

from tests.helpers.paths import ROOT
from valued_contributors.readability import COURSE_MINIMUM, SECTION_MINIMUM, plain, report


def test_markup_is_removed_before_scoring() -> None:
    text = plain("## Title\n\nSee {term}`co-production` and [the SSSC](https://x.y) {cite:p}`a`.")
    assert text == "Title. See co-production and the SSSC ."


@pytest.mark.slow
def test_every_section_and_the_course_are_easy_to_read() -> None:
    sections, pages, whole = report(ROOT)
    assert len(sections) >= 2
    assert pages
    for section in sections:
        assert section.ease >= SECTION_MINIMUM, f"{section.page} scores {section.ease:.1f}"
    assert whole.ease >= COURSE_MINIMUM, f"the course scores {whole.ease:.1f}"
