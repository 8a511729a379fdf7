"""Readable labels on the references page: "Arnstein 1969", not a string of initials.

pybtex's default labels squeeze an organisation's name into initials; a learner cannot read
them. This style labels each entry with its authors' names and year, as the citations do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle

NAME = "vc-author-year"


def _surname(person: Any) -> str:
    return " ".join(person.last_names) or " ".join(person.first_names)


def author_year(entry: Any) -> str:
    """A label such as "Boyle and Harris 2009" or "Leamy and others 2011"."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p).replace("{", "").replace("}", "") for p in people]
    if len(names) > 2:
        who = f"{names[0]} and others"
    else:
        who = " and ".join(names) or entry.fields.get("title", "Untitled")
    return f"{who} {entry.fields.get('year', '')}".strip()


class AuthorYearLabels(BaseLabelStyle):
    """Labels such as "Arnstein 1969", from the authors' (or the organisation's) names."""

    def format_labels(self, sorted_entries: Iterable[Any]) -> Iterator[str]:
        """Each entry's author and year, numbered where two entries would share a label."""
        labels = [author_year(entry) for entry in sorted_entries]
        seen: dict[str, int] = {}
        for label in labels:
            if labels.count(label) == 1:
                yield label
                continue
            seen[label] = seen.get(label, 0) + 1
            yield f"{label}, {seen[label]}"


class Style(UnsrtStyle):
    """pybtex's plain formatting, sorted by author and year, with readable labels."""

    default_label_style = AuthorYearLabels
    default_sorting_style = "author_year_title"


def setup(app: Any) -> dict[str, Any]:
    """Register the style with pybtex, for sphinxcontrib-bibtex to use."""
    register_plugin("pybtex.style.formatting", NAME, Style)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
