"""A World Café plan to print: how it works, the questions, each round's tables, find your seat."""

from __future__ import annotations

from valued_contributors.facilitation.guidance import guidance
from valued_contributors.facilitation.page import (
    document,
    fragment,
    heading,
    md,
    md_heading,
    plural,
    text,
)
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


def render_html(
    plan: Plan,
    title: str = TITLE,
    show_roles: bool = False,
    level: int = 1,
    standalone: bool = True,
) -> str:
    """The plan as a printable HTML page (or a block for a notebook when not standalone)."""
    words, rounds = guidance(), len(plan.rounds)
    parts = [heading(level, 0, title), f"<p>{text(overview(plan))}</p>"]
    parts.append(
        "<div class='vcf-summary'>"
        + "".join(f"<p>{text(line)}</p>" for line in quality(plan))
        + "</div>"
    )
    parts.append(heading(level, 1, "How the café works"))
    parts.append(f"<p>{text(words.host_role)}</p><p>{text(words.guest_role)}</p>")
    parts.append(heading(level, 2, "Café etiquette"))
    parts.append("<ul>" + "".join(f"<li>{text(e)}</li>" for e in words.etiquette) + "</ul>")
    parts.append(heading(level, 2, "Questions for each round"))
    parts.append(
        "<ol>" + "".join(f"<li>{text(words.question_for(k))}</li>" for k in range(rounds)) + "</ol>"
    )
    parts.append(heading(level, 1, "Table hosts"))
    rows = "".join(
        f"<tr><th scope='row'>{t + 1}</th><td>{text(_name(plan, h, show_roles))}</td></tr>"
        for t, h in enumerate(plan.hosts)
    )
    parts.append(
        "<table><thead><tr><th scope='col'>Table</th><th scope='col'>Host</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    for k, tables in enumerate(plan.rounds):
        parts.append(heading(level, 1, f"Round {k + 1}", "vcf-new-page"))
        parts.append(f"<p><strong>Question:</strong> {text(words.question_for(k))}</p>")
        rows = "".join(
            f"<tr><th scope='row'>{t + 1}</th>"
            f"<td>{text(_name(plan, seated[0], show_roles))}</td>"
            f"<td>{text(', '.join(_name(plan, p, show_roles) for p in seated[1:]))}</td></tr>"
            for t, seated in enumerate(tables)
        )
        parts.append(
            f"<table><caption>Who sits where in round {k + 1}</caption><thead><tr>"
            "<th scope='col'>Table</th><th scope='col'>Host</th><th scope='col'>Guests</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
    parts.append(heading(level, 1, "Find your seat", "vcf-new-page"))
    head = "".join(f"<th scope='col'>Round {k + 1}</th>" for k in range(rounds))
    rows = "".join(
        f"<tr><th scope='row'>{text(_name(plan, p, show_roles))}</th>"
        + "".join(f"<td>{text(place)}</td>" for place in places)
        + "</tr>"
        for p, places in _seat_finder(plan)
    )
    parts.append(
        f"<table><caption>Everyone, in alphabetical order</caption><thead><tr>"
        f"<th scope='col'>Name</th>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
    parts.append(heading(level, 1, "About the lower bound"))
    parts.append("".join(f"<p>{text(line)}</p>" for line in how_the_bound_works(plan)))
    body = "\n".join(parts)
    return document(title, body) if standalone else fragment(body)


def render_markdown(plan: Plan, title: str = TITLE, show_roles: bool = False) -> str:
    """The same plan as Markdown, for a screen, an email or a document."""
    words, rounds = guidance(), len(plan.rounds)
    lines = [md_heading(1, title), "", md(overview(plan)), ""]
    lines.append("\n>\n".join(f"> {md(line)}" for line in quality(plan)))
    lines += ["", md_heading(2, "How the café works"), "", md(words.host_role), ""]
    lines += [md(words.guest_role), "", md_heading(3, "Café etiquette"), ""]
    lines += [f"- {md(e)}" for e in words.etiquette]
    lines += ["", md_heading(3, "Questions for each round"), ""]
    lines += [f"{k + 1}. {md(words.question_for(k))}" for k in range(rounds)]
    lines += ["", md_heading(2, "Table hosts"), "", "| Table | Host |", "| --- | --- |"]
    lines += [f"| {t + 1} | {md(_name(plan, h, show_roles))} |" for t, h in enumerate(plan.hosts)]
    for k, tables in enumerate(plan.rounds):
        lines += ["", md_heading(2, f"Round {k + 1}"), ""]
        lines += [f"Question: {md(words.question_for(k))}", ""]
        lines += ["| Table | Host | Guests |", "| --- | --- | --- |"]
        lines += [
            f"| {t + 1} | {md(_name(plan, seated[0], show_roles))} | "
            f"{md(', '.join(_name(plan, p, show_roles) for p in seated[1:]))} |"
            for t, seated in enumerate(tables)
        ]
    lines += ["", md_heading(2, "Find your seat"), ""]
    lines += ["| Name | " + " | ".join(f"Round {k + 1}" for k in range(rounds)) + " |"]
    lines += ["| --- |" + " --- |" * rounds]
    lines += [
        f"| {md(_name(plan, p, show_roles))} | " + " | ".join(places) + " |"
        for p, places in _seat_finder(plan)
    ]
    lines += ["", md_heading(2, "About the lower bound"), ""]
    for line in how_the_bound_works(plan):
        lines += [md(line), ""]
    return "\n".join(lines)
