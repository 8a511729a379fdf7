"""The words printed on plans and agenda walls, read from ``questions.yaml`` and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from valued_contributors.facilitation.errors import FacilitationError

FILE = "questions.yaml"


@dataclass(frozen=True)
class Principle:
    """One Open Space principle: a short name and what it means in practice."""

    name: str
    meaning: str


@dataclass(frozen=True)
class Guidance:
    """Everything the World Café and Open Space pages print besides the plan itself."""

    questions: tuple[str, ...]
    etiquette: tuple[str, ...]
    host_role: str
    guest_role: str
    principles: tuple[Principle, ...]
    law_of_two_feet: str
    bumblebees: str
    butterflies: str

    def question_for(self, round_index: int) -> str:
        """The question for a round (counting from 0); the list repeats if rounds outnumber it."""
        return self.questions[round_index % len(self.questions)]


def _text(data: Any, *path: str) -> str:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    if not isinstance(data, str) or not data.strip():
        raise FacilitationError(
            f"{FILE} needs some text at {'.'.join(path)}; add it and try again."
        )
    return " ".join(data.split())


def _texts(data: Any, *path: str) -> tuple[str, ...]:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    if not isinstance(data, list) or not data or not all(isinstance(x, str) for x in data):
        raise FacilitationError(
            f"{FILE} needs a list of lines at {'.'.join(path)}; add at least one and try again."
        )
    return tuple(" ".join(x.split()) for x in data)


def _principle(raw: Any, number: int) -> Principle:
    if not isinstance(raw, dict):
        raw = {}
    where = f"open_space.principles item {number}"
    name, meaning = raw.get("name"), raw.get("meaning")
    if not (
        isinstance(name, str) and name.strip() and isinstance(meaning, str) and meaning.strip()
    ):
        raise FacilitationError(f"{FILE} needs a name and a meaning in {where}; add both.")
    return Principle(" ".join(name.split()), " ".join(meaning.split()))


def parse(data: Any) -> Guidance:
    """Check the parsed file and build the guidance; FacilitationError names what is missing."""
    raw = (data or {}).get("open_space", {}) if isinstance(data, dict) else {}
    principles = raw.get("principles") if isinstance(raw, dict) else None
    if not isinstance(principles, list) or not principles:
        raise FacilitationError(f"{FILE} needs a list at open_space.principles; add the four.")
    return Guidance(
        questions=_texts(data, "world_cafe", "questions"),
        etiquette=_texts(data, "world_cafe", "etiquette"),
        host_role=_text(data, "world_cafe", "roles", "host"),
        guest_role=_text(data, "world_cafe", "roles", "guest"),
        principles=tuple(_principle(p, n) for n, p in enumerate(principles, start=1)),
        law_of_two_feet=_text(data, "open_space", "law_of_two_feet"),
        bumblebees=_text(data, "open_space", "bumblebees"),
        butterflies=_text(data, "open_space", "butterflies"),
    )


@cache
def guidance() -> Guidance:
    """The course's own wording, loaded once."""
    text = (resources.files("valued_contributors.facilitation") / FILE).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise FacilitationError(f"{FILE} is not valid YAML; check its indentation.") from None
    return parse(data)
