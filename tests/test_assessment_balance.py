"""A content lint for fair assessment: the activity files must not let a learner pass by
pattern. Right answers spread over the positions, the right option is seldom the longest,
few multi-selects have every option but one right, and wrong options carry no give-away
absolutes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import pytest

from valued_contributors.content import load_course
from valued_contributors.content.model import Check, Option, Scenario

MOST_IN_ONE_POSITION = 0.40
MOST_LONGEST_RIGHT = 1 / 3
MOST_ALL_BUT_ONE = 0.5
ABSOLUTES = re.compile(r"\b(only|none|nothing|always|never)\b", re.IGNORECASE)


class Item(NamedTuple):
    """One question or scenario with a single right (or best) option."""

    where: str
    options: tuple[Option, ...]
    right: int


def single_answer_items() -> list[Item]:
    items = []
    for activity in load_course().activities.values():
        if isinstance(activity, Check):
            for q in activity.questions:
                if not q.multiple:
                    right = next(i for i, o in enumerate(q.options) if o.correct)
                    items.append(Item(f"{activity.id} {q.id}", q.options, right))
        elif isinstance(activity, Scenario):
            best = [i for i, c in enumerate(activity.choices) if c.best]
            if len(best) == 1:
                items.append(Item(activity.id, activity.choices, best[0]))
    return items


def multi_selects():
    return [
        (f"{a.id} {q.id}", q)
        for a in load_course().activities.values()
        if isinstance(a, Check)
        for q in a.questions
        if q.multiple
    ]


def wrong_options():
    for activity in load_course().activities.values():
        if isinstance(activity, Check):
            for q in activity.questions:
                for o in q.options:
                    if not o.correct:
                        yield f"{activity.id} {q.id} {o.id}", o
        elif isinstance(activity, Scenario):
            for c in activity.choices:
                if not c.best:
                    yield f"{activity.id} {c.id}", c


def test_the_course_has_enough_items_to_judge() -> None:
    assert len(single_answer_items()) >= 20
    assert len(multi_selects()) >= 4


def test_no_position_holds_more_than_two_fifths_of_right_answers() -> None:
    items = single_answer_items()
    counts = Counter(item.right for item in items)
    shares = {chr(97 + p): round(n / len(items), 2) for p, n in sorted(counts.items())}
    assert max(counts.values()) <= MOST_IN_ONE_POSITION * len(items), shares


def test_every_position_holds_a_right_answer() -> None:
    items = single_answer_items()
    positions = set(range(min(len(item.options) for item in items)))
    used = {item.right for item in items}
    assert positions <= used, f"no right answer in position(s) {sorted(positions - used)}"


def test_the_right_option_is_seldom_the_longest() -> None:
    items = single_answer_items()
    longest = [
        item.where
        for item in items
        if all(
            len(item.options[item.right].text) > len(o.text)
            for i, o in enumerate(item.options)
            if i != item.right
        )
    ]
    assert len(longest) <= MOST_LONGEST_RIGHT * len(items), longest


def test_few_multi_selects_have_every_option_but_one_right() -> None:
    questions = multi_selects()
    all_but_one = [w for w, q in questions if len(q.correct_ids) == len(q.options) - 1]
    assert len(all_but_one) <= MOST_ALL_BUT_ONE * len(questions), all_but_one


@pytest.mark.parametrize(("where", "option"), list(wrong_options()), ids=lambda v: str(v)[:40])
def test_no_wrong_option_gives_itself_away_with_an_absolute(where: str, option: Option) -> None:
    found = ABSOLUTES.search(option.text)
    assert found is None, f"{where}: {found.group(0)!r} in {option.text!r}"
