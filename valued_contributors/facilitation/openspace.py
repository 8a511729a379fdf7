"""Open Space agenda wall: every topic in a time slot and a space, conveners never double-booked.

Placing avoids clashes (one convener in two places at once) whenever the wall allows it:
conveners with the most topics go first, each topic into the slot with the most free spaces
among the slots where its convener is still free. With equal slots this greedy finds a
clash-free wall whenever one exists (it is the Gale–Ryser construction). A convener with more
topics than there are slots must clash; those topics are placed anyway and flagged. Topics
beyond the number of places on the wall are listed as not fitting, in the order they came.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from valued_contributors.facilitation.csvfile import key, read_rows
from valued_contributors.facilitation.errors import FacilitationError

MAX_TOPICS = 1000
MAX_SPACES = 100
MAX_SLOTS = 50
MAX_WORDS = 200


@dataclass(frozen=True)
class Topic:
    """A topic someone will convene; ``convener`` is None if nobody has taken it on yet."""

    title: str
    convener: str | None = None

    @property
    def convener_key(self) -> str | None:
        """The convener compared without case or spacing, so "Morag" and "morag " match."""
        return key(self.convener) if self.convener else None


@dataclass(frozen=True)
class Placement:
    """A topic on the wall: which time slot and which space (both counted from 0)."""

    topic: Topic
    slot: int
    space: int


@dataclass(frozen=True)
class Clash:
    """One convener due in two or more places in the same time slot."""

    convener: str
    slot: int
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class Agenda:
    """The agenda wall: the slots, the spaces, what is placed where and what did not fit."""

    slots: tuple[str, ...]
    spaces: tuple[str, ...]
    placed: tuple[Placement, ...]
    unplaced: tuple[Topic, ...]

    def at(self, slot: int, space: int) -> Placement | None:
        """The topic in one place on the wall, or None if it is free."""
        for placement in self.placed:
            if placement.slot == slot and placement.space == space:
                return placement
        return None


def _words(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_WORDS:
        raise FacilitationError(
            f"The {what} {cleaned[:40]!r}… is longer than {MAX_WORDS} characters; shorten it."
        )
    return cleaned


def names(value: int | str | list[str] | tuple[str, ...], kind: str, most: int) -> list[str]:
    """Names for spaces or slots from a count ("3" gives "Space 1" to "Space 3") or a list."""
    if isinstance(value, str):
        text = value.strip()
        value = int(text) if text.isdigit() else [n for n in text.split(",") if n.strip()]
    if isinstance(value, int):
        if not 1 <= value <= most:
            raise FacilitationError(f"Give between 1 and {most} {kind}s, not {value}.")
        return [f"{kind.capitalize()} {n}" for n in range(1, value + 1)]
    found = [_words(str(n), kind) for n in value if str(n).strip()]
    if not found:
        raise FacilitationError(f"Give at least one {kind}: a number, or names with commas.")
    if len(found) > most:
        raise FacilitationError(f"Give at most {most} {kind}s, not {len(found)}.")
    twice = [n for n, c in Counter(key(n) for n in found).items() if c > 1]
    if twice:
        raise FacilitationError(f"The {kind} {twice[0]!r} is named twice; give each its own name.")
    return found


def parse_topic(text: str) -> Topic:
    """A typed topic, "Fair rotas | Morag", with the convener after a bar (optional)."""
    title, _, convener = text.partition("|")
    title = _words(title, "topic")
    if not title:
        raise FacilitationError(f"{text!r} has no topic before the '|'; write the topic first.")
    return Topic(title, _words(convener, "convener") or None)


def topics_from_csv(path: Path | str) -> list[Topic]:
    """Topics from a CSV file with a ``topic`` column and a ``convener`` (or convenor) column."""
    topics = []
    for row in read_rows(path, "topic"):
        title = row.get("topic", "")
        if not title:
            raise FacilitationError(
                f"Row {row['#row']} of {Path(path).name} has no topic; add one or delete the row."
            )
        convener = row.get("convener") or row.get("convenor") or ""
        topics.append(Topic(_words(title, "topic"), _words(convener, "convener") or None))
    if not topics:
        raise FacilitationError(f"{Path(path).name} has no topics; add one a row under 'topic'.")
    return topics


def build(
    topics: list[Topic],
    spaces: int | str | list[str],
    slots: int | str | list[str],
) -> Agenda:
    """Place every topic that fits on a wall of slots × spaces, avoiding clashes if possible."""
    space_names = names(spaces, "space", MAX_SPACES)
    slot_names = names(slots, "slot", MAX_SLOTS)
    if not topics:
        raise FacilitationError("There are no topics to place; add at least one.")
    if len(topics) > MAX_TOPICS:
        raise FacilitationError(
            f"There are {len(topics)} topics; the wall takes up to {MAX_TOPICS}."
        )
    capacity = len(space_names) * len(slot_names)
    fitting, unplaced = list(enumerate(topics[:capacity])), topics[capacity:]
    free = [list(range(len(space_names))) for _ in slot_names]
    busy: dict[str, Counter[int]] = {}
    by_convener: dict[str | None, list[tuple[int, Topic]]] = {}
    for index, topic in fitting:
        by_convener.setdefault(topic.convener_key, []).append((index, topic))
    named = sorted(
        (c for c in by_convener if c is not None),
        key=lambda c: (-len(by_convener[c]), by_convener[c][0][0]),
    )
    first, extra = [], []
    for convener in named:
        first += by_convener[convener][: len(slot_names)]
        extra += by_convener[convener][len(slot_names) :]
    placed: dict[int, Placement] = {}
    for index, topic in first + extra + by_convener.get(None, []):
        used = busy.setdefault(topic.convener_key or f"#{index}", Counter())
        open_slots = [s for s in range(len(slot_names)) if free[s]]
        slot = min(open_slots, key=lambda s: (used[s], -len(free[s]), s))
        placed[index] = Placement(topic, slot, free[slot].pop(0))
        used[slot] += 1
    return Agenda(
        slots=tuple(slot_names),
        spaces=tuple(space_names),
        placed=tuple(placed[i] for i in sorted(placed)),
        unplaced=tuple(unplaced),
    )


def clashes(agenda: Agenda) -> list[Clash]:
    """Every convener due in two places at once, slot by slot."""
    grouped: dict[tuple[int, str], list[Placement]] = {}
    for placement in agenda.placed:
        if placement.topic.convener_key:
            grouped.setdefault((placement.slot, placement.topic.convener_key), []).append(placement)
    return [
        Clash(group[0].topic.convener or "", slot, tuple(p.topic for p in group))
        for (slot, _), group in sorted(grouped.items())
        if len(group) > 1
    ]
