"""Every section's figure is seen in both views: the built book and JupyterLab."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.jupyter import INTERFACES, PANEL, jupyter, open_notebook

pytestmark = pytest.mark.browser
SECTIONS = [
    "01_why_every_voice_counts",
    "02_co_production",
    "03_skills_for_collaborative_practice",
    "04_conversation_based_tools",
    "05_relational_approaches",
    "06_putting_it_into_practice",
]
LOADED = "img => img.complete && img.naturalWidth > 0"


@pytest.mark.parametrize("section", SECTIONS)
def test_the_book_shows_each_figure_with_alt_text(page, site: str, section: str) -> None:
    page.goto(f"{site}notebooks/{section}.html")
    figure = page.locator("img[src$='.svg'][alt]").first
    figure.scroll_into_view_if_needed()
    assert figure.evaluate(LOADED)
    assert len(figure.get_attribute("alt").split()) >= 12
    assert figure.bounding_box()["width"] > 200
    caption = page.locator("p:has(img[src$='.svg']) + p em").first
    assert caption.inner_text().startswith("Figure ")


@pytest.mark.parametrize("interface", INTERFACES)
def test_jupyter_shows_the_figure_from_its_relative_path(
    browser, tmp_path: Path, interface: str
) -> None:
    with jupyter(interface, "light", tmp_path) as (url, _):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_notebook(page, url, interface, f"{SECTIONS[0]}.ipynb")
        figure = page.locator(f"{PANEL} img[src*='voices-chain']").first
        figure.wait_for(timeout=90_000)
        figure.scroll_into_view_if_needed()
        page.wait_for_function(LOADED, arg=figure.element_handle())
        assert len(figure.get_attribute("alt").split()) >= 12
        assert figure.bounding_box()["width"] > 200
        page.close()
