"""A World Café plan to print: how it works, the questions, each round's tables, find your seat."""

from __future__ import annotations

from valued_contributors.document import (
    Aside,
    BulletList,
    Cell,
    Item,
    Paragraph,
    Row,
    Section,
    Strong,
    Table,
    css,
)
from valued_contributors.facilitation.guidance import guidance
from valued_contributors.facilitation.page import Report, plural
from valued_contributors.facilitation.worldcafe import (
    Plan,
    fewest_roles,
    lower_bound,
    pairs_meeting_again,
    repeat_meetings,
    role_spread,
)

TITLE = "World Café seating plan"


def _name(plan: Plan, person: int, show_roles: bool) -> str:
    someone = plan.people[person]
    return f"{someone.name} ({someone.role})" if show_roles and someone.role else someone.name


def overview(plan: Plan) -> str:
    """One sentence: how many people, tables and rounds."""
    return (
        f"{plural(len(plan.people), 'person', 'people')} at "
        f"{plural(plan.tables, 'table')} for {plural(len(plan.rounds), 'round')}. "
        "Table hosts stay at their table all session; everyone else moves to a new table "
        "each round."
    )


def quality(plan: Plan) -> list[str]:
    """Plain sentences on how well the plan mixes people, with the bound it is measured against."""
    repeats, bound, again = repeat_meetings(plan), lower_bound(plan), pairs_meeting_again(plan)
    lines = [
        f"Repeat meetings: {repeats} (lower bound {bound.total}). A repeat meeting is each time "
        f"two people share a table after the first time; {plural(again, 'pair')} of people "
        "meet more than once."
    ]
    if repeats == bound.total:
        lines.append("No seating with these table sizes can do better.")
    if any(p.role for p in plan.people):
        fewest = fewest_roles(plan)
        lines.append(f"Every table has people in at least {plural(fewest, 'role')} in every round.")
        if role_spread(plan) <= 1:
            lines.append("Each role is spread across the tables as evenly as the numbers allow.")
        else:
            lines.append(
                "Some tables have more people in one role than others: the numbers, or keeping "
                "repeat meetings down, did not allow a perfectly even spread."
            )
    return lines


def how_the_bound_works(plan: Plan) -> list[str]:
    """The lower bound, derived in plain words with this plan's numbers."""
    b, rounds, tables = lower_bound(plan), len(plan.rounds), plan.tables
    return [
        "Hosts never share a table, so every meeting is between a host and a guest (someone "
        "who moves), or between two guests. Each kind is counted on its own.",
        f"Host and guest: each of the {b.guests} guests meets one host a round, over {rounds} "
        f"rounds, and there are {tables} hosts, so at least {b.by_guest} of these meetings "
        "must repeat. Counting from the hosts' side (each host meets everyone at the table "
        f"every round, but there are only {b.guests} guests) gives {b.by_host}. "
        f"The larger, {b.host_guest}, is a floor.",
        f"Guest and guest: the table sizes seat {b.guest_pairs_seated} pairs of guests together "
        f"across the rounds, but there are only {b.guest_pairs_possible} different pairs of "
        f"guests. Counting from each guest's side gives {b.by_each_guest}. The larger of these "
        f"and the difference, {b.guest_guest}, is a floor.",
        f"So no plan with these table sizes can have fewer than {b.total} repeat meetings.",
    ]


def _seat_finder(plan: Plan) -> list[tuple[int, list[str]]]:
    """For each person, alphabetically, where they sit in every round."""
    rows = []
    for person in sorted(range(len(plan.people)), key=lambda p: plan.people[p].name.casefold()):
        host = person in plan.hosts
        places = [
            f"Table {plan.table_of(k, person) + 1}{' (host)' if host else ''}"
            for k in range(len(plan.rounds))
        ]
        rows.append((person, places))
    return rows


def report(plan: Plan, title: str = TITLE, show_roles: bool = False) -> Report:
    """The plan to print, show or send."""
    words, rounds = guidance(), len(plan.rounds)

    def name(person: int) -> str:
        return _name(plan, person, show_roles)

    hosts = Table(
        tuple(
            Row((Cell(str(t + 1), header=True), Cell(name(h)))) for t, h in enumerate(plan.hosts)
        ),
        ("Table", "Host"),
    )
    sittings = [
        Section(
            f"Round {k + 1}",
            (
                Paragraph((Strong("Question:"), " ", words.question_for(k))),
                Table(
                    tuple(
                        Row(
                            (
                                Cell(str(t + 1), header=True),
                                Cell(name(seated[0])),
                                Cell(", ".join(name(p) for p in seated[1:])),
                            )
                        )
                        for t, seated in enumerate(tables)
                    ),
                    ("Table", "Host", "Guests"),
                    f"Who sits where in round {k + 1}",
                ),
            ),
            new_page=True,
        )
        for k, tables in enumerate(plan.rounds)
    ]
    seats = Table(
        tuple(
            Row((Cell(name(p), header=True), *(Cell(place) for place in places)))
            for p, places in _seat_finder(plan)
        ),
        ("Name", *(f"Round {k + 1}" for k in range(rounds))),
        "Everyone, in alphabetical order",
    )
    tree = Section(
        title,
        (
            Paragraph(overview(plan)),
            Aside(tuple(Paragraph(line) for line in quality(plan)), css("vcf-summary")),
            Section(
                "How the café works",
                (
                    Paragraph(words.host_role),
                    Paragraph(words.guest_role),
                    Section(
                        "Café etiquette", (BulletList(tuple(Item(e) for e in words.etiquette)),)
                    ),
                    Section(
                        "Questions for each round",
                        (
                            BulletList(
                                tuple(Item(words.question_for(k)) for k in range(rounds)),
                                ordered=True,
                            ),
                        ),
                    ),
                ),
            ),
            Section("Table hosts", (hosts,)),
            *sittings,
            Section("Find your seat", (seats,), new_page=True),
            Section(
                "About the lower bound",
                tuple(Paragraph(line) for line in how_the_bound_works(plan)),
            ),
        ),
    )
    return Report(tree)
