"""Small forms for facilitators in the notebook: a World Café seating plan and an Open Space
agenda wall from the facilitator's own numbers, names or CSV, saved as a page to print.

The planning and the pages are the facilitation package's; these forms only collect input.
"""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from valued_contributors.facilitation import (
    openspace,
    openspace_report,
    worldcafe,
    worldcafe_report,
)
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.facilitation.people import Person, participants
from valued_contributors.views.answers import download_link, save_file, say
from valued_contributors.views.styles import notebook_box

WIDE = widgets.Layout(width="100%")
LABELLED = {"description_width": "initial"}
PEOPLE_HEADER = "name,role,host"


def people_text(people: list[Person]) -> str:
    """People as the CSV lines the form shows (and the command line reads)."""
    lines = [PEOPLE_HEADER]
    for p in people:
        lines.append(",".join([p.name, p.role or "", "yes" if p.volunteer else ""]).rstrip(","))
    return "\n".join(lines)


def people_from(text: str) -> list[Person]:
    """People from the form: a number, or CSV lines (a ``name`` header is added if missing)."""
    text = text.strip()
    if text.isdigit():
        return participants(int(text))
    if not text:
        raise FacilitationError("Write how many people are coming, or their names, one a line.")
    if "name" not in text.splitlines()[0].lower():
        text = f"{PEOPLE_HEADER}\n{text}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_text(text, encoding="utf-8")
        return participants(str(path))


def topics_from(text: str) -> list[openspace.Topic]:
    """Topics from the form, one a line as "topic | convener"."""
    return [openspace.parse_topic(line) for line in text.splitlines() if line.strip()]


def uploaded_text(change: dict[str, Any], into: widgets.Textarea, status: widgets.HTML) -> None:
    """Put an uploaded CSV file's text into the form's text box."""
    files = change["new"]
    if not files:
        return
    try:
        into.value = bytes(files[0]["content"]).decode("utf-8-sig")
        status.value = say(f"Read {escape(files[0]['name'])}. Now make the plan.")
    except UnicodeDecodeError:
        status.value = say("That file is not a CSV text file; save it as CSV (UTF-8).", True)


class Planner:
    """A form, a button that makes a page from it, and one that saves the page."""

    file_name = "plan.html"
    what = "plan"

    def __init__(self) -> None:
        self.result = widgets.HTML()
        self.status = widgets.HTML()
        self.page: str | None = None

    def fields(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def render(self, standalone: bool) -> str:
        raise NotImplementedError

    def make(self, _: Any = None) -> bool:
        try:
            self.result.value = self.render(standalone=False)
            self.page = self.render(standalone=True)
        except FacilitationError as error:
            self.page = None
            self.status.value = say(f"No {self.what} yet: {escape(str(error))}", problem=True)
            return False
        self.status.value = say(f"Here is your {self.what}. Save it to print it or share it.")
        return True

    def save(self, _: Any = None, folder: Path | None = None) -> Path | None:
        if not self.make():
            return None
        content = (self.page or "").encode("utf-8")
        try:
            path = save_file(content, self.file_name, folder)
        except OSError as error:
            self.status.value = say(f"Not saved: {escape(str(error))}", problem=True)
            return None
        self.status.value = say(
            f"Saved the {self.what} to <code>{escape(str(path))}</code>, ready to print. "
            f"{download_link(path, content)}"
        )
        return path

    def _widget(self) -> widgets.VBox:
        make = widgets.Button(description=f"Make the {self.what}", button_style="primary")
        save = widgets.Button(description=f"Save the {self.what} as a web page")
        make.on_click(self.make)
        save.on_click(self.save)
        self.make()
        buttons = widgets.HBox([make, save], layout=widgets.Layout(flex_flow="row wrap"))
        return notebook_box([*self.fields(), buttons, self.status, self.result], "vc-planner")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = self._widget()._repr_mimebundle_()
        bundle["text/html"] = self.render(standalone=False)
        bundle["text/plain"] = f"A form that makes a {self.what}"
        return bundle


def _upload(into: widgets.Textarea, status: widgets.HTML) -> widgets.FileUpload:
    upload = widgets.FileUpload(accept=".csv,text/csv", description="Read a CSV file")
    upload.layout.width = "auto"
    upload.observe(lambda change: uploaded_text(change, into, status), names="value")
    return upload


def _labelled(text: str, control: widgets.Widget) -> widgets.VBox:
    return widgets.VBox([widgets.HTML(f"<p>{text}</p>"), control], layout=WIDE)


class CafePlanner(Planner):
    """The World Café seating planner as a form."""

    file_name = "cafe-plan.html"
    what = "seating plan"

    def __init__(
        self, people: list[Person] | int, tables: int, rounds: int, title: str, show_roles: bool
    ):
        super().__init__()
        start = str(people) if isinstance(people, int) else people_text(people)
        self.people = widgets.Textarea(
            value=start, layout=widgets.Layout(width="100%", height="12em")
        )
        self.tables = widgets.BoundedIntText(
            value=tables, min=1, max=200, description="Tables", style=LABELLED
        )
        self.rounds = widgets.BoundedIntText(
            value=rounds, min=1, max=12, description="Rounds", style=LABELLED
        )
        self.title = widgets.Text(value=title, description="Title", style=LABELLED, layout=WIDE)
        self.show_roles = widgets.Checkbox(
            value=show_roles, description="Show roles (for your own copy only)", indent=False
        )

    def fields(self) -> list[widgets.Widget]:
        hint = (
            "<strong>People</strong>: how many are coming (a number), or one person a line as "
            "<code>name, role, host</code>. Role and host are optional; write <code>yes</code> "
            "under host for a volunteer host. You can also read a CSV file."
        )
        return [
            _labelled(hint, self.people),
            _upload(self.people, self.status),
            widgets.HBox([self.tables, self.rounds], layout=widgets.Layout(flex_flow="row wrap")),
            self.title,
            self.show_roles,
        ]

    def render(self, standalone: bool) -> str:
        people = people_from(self.people.value)
        plan = worldcafe.plan(people, self.tables.value, self.rounds.value)
        title = self.title.value or worldcafe_report.TITLE
        report = worldcafe_report.report(plan, title, self.show_roles.value)
        return report.page() if standalone else report.block()


class WallBuilder(Planner):
    """The Open Space agenda builder as a form."""

    file_name = "agenda-wall.html"
    what = "agenda wall"

    def __init__(
        self,
        topics: list[openspace.Topic],
        spaces: list[str],
        slots: list[str],
        title: str,
        theme: str,
    ):
        super().__init__()
        lines = "\n".join(f"{t.title} | {t.convener}" if t.convener else t.title for t in topics)
        self.topics = widgets.Textarea(
            value=lines, layout=widgets.Layout(width="100%", height="12em")
        )
        self.spaces = widgets.Text(
            value=", ".join(spaces), description="Spaces", style=LABELLED, layout=WIDE
        )
        self.slots = widgets.Text(
            value=", ".join(slots), description="Time slots", style=LABELLED, layout=WIDE
        )
        self.title = widgets.Text(value=title, description="Title", style=LABELLED, layout=WIDE)
        self.theme = widgets.Text(value=theme, description="Theme", style=LABELLED, layout=WIDE)

    def fields(self) -> list[widgets.Widget]:
        hint = (
            "<strong>Topics</strong>: one a line, as <code>topic | convener</code> (the "
            "convener is optional). Spaces and slots: a number, or names with commas between."
        )
        return [_labelled(hint, self.topics), self.spaces, self.slots, self.title, self.theme]

    def render(self, standalone: bool) -> str:
        agenda = openspace.build(
            topics_from(self.topics.value), self.spaces.value, self.slots.value
        )
        title = self.title.value or openspace_report.TITLE
        report = openspace_report.report(agenda, title, self.theme.value or None)
        return report.page() if standalone else report.block()


def worldcafe_planner(
    people: list[Person] | int,
    tables: int,
    rounds: int = 3,
    title: str = worldcafe_report.TITLE,
    show_roles: bool = False,
) -> CafePlanner:
    """A World Café seating form, filled in with an example the facilitator can change."""
    return CafePlanner(people, tables, rounds, title, show_roles)


def openspace_builder(
    topics: list[openspace.Topic],
    spaces: list[str],
    slots: list[str],
    title: str = openspace_report.TITLE,
    theme: str = "",
) -> WallBuilder:
    """An Open Space agenda form, filled in with an example the facilitator can change."""
    return WallBuilder(topics, spaces, slots, title, theme)


__all__ = ["openspace_builder", "worldcafe_planner"]
