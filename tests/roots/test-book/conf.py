"""A two-page book built in-process by tests/test_book_extension.py: the course's Sphinx extension
with the theme and the extensions jupyter-book turns on, and activities from the fixture course.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

project = "Test book"
extensions = [
    "myst_nb",
    "valued_contributors.book",
    "sphinx_design",
    "sphinx_togglebutton",
    "sphinx_copybutton",
]
html_theme = "sphinx_book_theme"
language = "en-GB"


class Activity(SphinxDirective):
    """``.. activity:: voices/ripple`` shows that fixture activity as the notebook's output
    would be in the book: the HTML view, as views/html.py writes it.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """The activity's HTML view, as raw HTML in the page."""
        from tests.helpers.paths import FIXTURE_COURSE
        from valued_contributors.content import load_course
        from valued_contributors.views import html

        activity = load_course(FIXTURE_COURSE).get(self.arguments[0])
        return [nodes.raw("", html.render(activity), format="html")]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``activity`` directive."""
    app.add_directive("activity", Activity)
    return {"parallel_read_safe": True}
