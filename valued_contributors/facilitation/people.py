"""The people at an event: names and roles from a number or a CSV file, roles tidied up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from valued_contributors.facilitation.csvfile import key, read_rows
from valued_contributors.facilitation.errors import FacilitationError

MAX_PEOPLE = 2000
MAX_NAME = 100
YES = {"yes", "y", "true", "1", "host", "x"}

# The course's four roles, and the ways people write them in a spreadsheet.
ROLES = {
    "worker": "worker",
    "workers": "worker",
    "manager": "manager",
    "managers": "manager",
    "person who uses services": "person who uses services",
    "people who use services": "person who uses services",
    "person using services": "person who uses services",
    "people using services": "person who uses services",
    "carer": "carer",
    "carers": "carer",
}


@dataclass(frozen=True)
class Person:
    """One participant; ``role`` is None when none was given, ``volunteer`` if they will host."""

    name: str
    role: str | None = None
    volunteer: bool = False

    @property
    def role_key(self) -> str | None:
        """The role compared without case or spacing, so "Carer" and "carers " match."""
        return key(self.role) if self.role else None


def tidy_role(text: str | None) -> str | None:
    """One of the course's four roles if it is one (any case or spacing), else the text as given."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return None
    return ROLES.get(key(cleaned), cleaned)


def numbered(count: int) -> list[Person]:
    """Placeholder people, "Person 1" to "Person N", when only a number is known."""
    if not 0 < count <= MAX_PEOPLE:
        raise FacilitationError(
            f"The number of people must be between 1 and {MAX_PEOPLE}, not {count}."
        )
    return [Person(f"Person {n}") for n in range(1, count + 1)]


def from_csv(path: Path | str) -> list[Person]:
    """People from a CSV file with a ``name`` column and optional ``role`` and ``host`` columns."""
    people: list[Person] = []
    seen: dict[str, str] = {}
    for row in read_rows(path, "name"):
        name, where = row.get("name", ""), f"Row {row['#row']} of {Path(path).name}"
        if not name:
            raise FacilitationError(f"{where} has no name; add one or delete the row.")
        if len(name) > MAX_NAME:
            raise FacilitationError(
                f"{where} has a name longer than {MAX_NAME} characters; shorten it."
            )
        if key(name) in seen:
            raise FacilitationError(
                f"{name!r} appears twice ({seen[key(name)]} and row {row['#row']}); add an "
                "initial or surname so each person can find their own seat."
            )
        seen[key(name)] = f"row {row['#row']}"
        volunteer = key(row.get("host", "")) in YES
        people.append(Person(name, tidy_role(row.get("role")), volunteer))
    if not people:
        raise FacilitationError(f"{Path(path).name} lists nobody; add one name a row under 'name'.")
    if len(people) > MAX_PEOPLE:
        raise FacilitationError(
            f"{Path(path).name} lists {len(people)} people; this planner seats up to "
            f"{MAX_PEOPLE}, so split the event into smaller cafés."
        )
    return people


def participants(source: int | str | Path | list[Person]) -> list[Person]:
    """People from a count, a CSV path (a string of digits counts as a number) or a list."""
    if isinstance(source, list):
        return source
    if isinstance(source, int):
        return numbered(source)
    text = str(source).strip()
    if text.isdigit():
        return numbered(int(text))
    return from_csv(text)
