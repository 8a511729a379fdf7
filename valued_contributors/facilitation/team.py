"""A team profile from shared contributions, with every group of fewer than five hidden.

A facilitator points this at a folder of contribution files (``*.json``), one a person. It
reads each one, skips (and names) any that are broken, and adds up the rest: confidence
before and after for each statement, what people wrote in shared reflections, and how many
answered each activity. Any number below ``MINIMUM`` is withheld here, before any report sees
it, so no report can show it by mistake.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from valued_contributors.content.compiled import course
from valued_contributors.core import files as reading
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.formats import FormatError, contribution
from valued_contributors.kinds import is_done
from valued_contributors.kinds.confidence import Confidence, before_after

MINIMUM = 5
HIDDEN = f"fewer than {MINIMUM} — hidden so no one can be singled out"
MAX_SHOWN = 4000


class Unusable(Exception):
    """A contribution file that cannot be used; the message is the reason, in a few words."""


@dataclass(frozen=True)
class Skipped:
    """A file left out of the profile, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Rating:
    """One statement: the mean rating before and after, and how many people gave each.

    A count or mean is None when fewer than ``MINIMUM`` people gave that rating.
    """

    statement: str
    text: str
    before_people: int | None
    before_mean: float | None
    after_people: int | None
    after_mean: float | None


@dataclass(frozen=True)
class Reflections:
    """What people wrote for one reflection, in alphabetical order; empty if hidden."""

    activity: str
    title: str
    count: int | None
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Answered:
    """How many people shared an answer to one activity (None if fewer than ``MINIMUM``)."""

    activity: str
    title: str
    count: int | None


@dataclass(frozen=True)
class Profile:
    """The whole team profile, with small groups already hidden."""

    folder: str
    people: int | None
    skipped: tuple[Skipped, ...]
    ratings: tuple[Rating, ...]
    reflections: tuple[Reflections, ...]
    answered: tuple[Answered, ...]
    other_answers: int | None


def shown(count: int) -> int | None:
    """A count if it is big enough to show, otherwise None."""
    return count if count >= MINIMUM else None


def read_contribution(path: Path) -> list[dict[str, Any]]:
    """A contribution file's answers; raise Unusable with a short reason if it is not one."""
    try:
        return contribution.read_file(path)
    except FormatError as reason:
        raise Unusable(str(reason)) from None


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if len(values) >= MINIMUM else None


def team_profile(folder: Path | str) -> Profile:
    """Read every ``*.json`` file in a folder (not its subfolders) and build the team profile."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FacilitationError(
            f"There is no folder at {reading.shown(folder)}; give the folder that holds the "
            "contribution files."
        )
    try:
        files = sorted(
            p
            for p in folder.iterdir()
            if p.suffix.lower() == ".json" and not p.name.startswith(".")
        )
    except OSError as error:
        raise FacilitationError(
            f"The folder {reading.shown(folder)} could not be read ({error.strerror or error}); "
            "check it is yours."
        ) from None
    activities = course().activities
    scales = before_after(activities)
    ratings: dict[str, dict[str, list[int]]] = {scale.id: {} for scale in scales or ()}
    texts: dict[str, list[str]] = {}
    answered: Counter[str] = Counter()
    other = 0
    skipped, used = [], 0
    for path in files:
        try:
            answers = read_contribution(path)
        except Unusable as reason:
            skipped.append(Skipped(path.name, str(reason)))
            continue
        used += 1
        for answer in answers:
            activity, value = answer["activity"], answer["value"]
            if activity not in activities:
                other += 1
                continue
            if not is_done(activities[activity], value):
                continue
            answered[activity] += 1
            if activity in ratings and "ratings" in value:
                for statement, rating in value["ratings"].items():
                    ratings[activity].setdefault(statement, []).append(rating)
            if "text" in value and activities[activity].kind == "reflection":
                texts.setdefault(activity, []).append(value["text"].strip())
    return Profile(
        folder=str(folder),
        people=shown(used),
        skipped=tuple(skipped),
        ratings=_ratings(scales, ratings),
        reflections=tuple(
            _reflections(a.id, a.title, texts.get(a.id, []))
            for a in activities.values()
            if a.kind == "reflection"
        ),
        answered=tuple(Answered(a.id, a.title, shown(answered[a.id])) for a in activities.values()),
        other_answers=shown(other),
    )


def _ratings(
    scales: tuple[Confidence, Confidence] | None, ratings: dict[str, dict[str, list[int]]]
) -> tuple[Rating, ...]:
    """Each statement's ratings before and after, from the scale the content repeats."""
    if scales is None:
        return ()
    first, again = scales
    rows = []
    for statement in first.statements:
        before = ratings[first.id].get(statement.id, [])
        after = ratings[again.id].get(statement.id, [])
        rows.append(
            Rating(
                statement.id,
                statement.text,
                shown(len(before)),
                _mean(before),
                shown(len(after)),
                _mean(after),
            )
        )
    return tuple(rows)


def _reflections(activity: str, title: str, found: list[str]) -> Reflections:
    if len(found) < MINIMUM:
        return Reflections(activity, title, None, ())
    ordered = sorted(found, key=str.casefold)
    clipped = tuple(t if len(t) <= MAX_SHOWN else t[:MAX_SHOWN].rstrip() + " …" for t in ordered)
    return Reflections(activity, title, len(found), clipped)
