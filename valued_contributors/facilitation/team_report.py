"""A team profile to print: counts, confidence before and after (chart and table), reflections."""

from __future__ import annotations

from valued_contributors.document import (
    Aside,
    BarChart,
    Block,
    BulletList,
    Cell,
    Item,
    Paragraph,
    Quote,
    Row,
    Section,
    Table,
    css,
)
from valued_contributors.facilitation.page import Report, plural
from valued_contributors.facilitation.team import HIDDEN, MINIMUM, Profile, Rating

TITLE = "Team profile"
PRIVACY = (
    f"Any group of fewer than {MINIMUM} people or answers is hidden, so no one can be singled "
    "out. Reflections are listed in alphabetical order, not file by file, so no answer can be "
    "matched to a file. Share this profile only in the way the team agreed."
)
CAPTION = "Confidence before and after the course: mean rating from 1 (not at all) to 5 (very)"
INTRO = (
    "Each statement was rated at the start of the course and again near the end. "
    "The chart shows the same numbers as the table below it."
)


def count(value: int | None) -> str:
    """A number, or the words that say it is hidden."""
    return HIDDEN if value is None else str(value)


def mean(value: float | None) -> str:
    """A mean to one decimal place, or the words for a group too small to show."""
    return HIDDEN if value is None else f"{value:.1f}"


def change(row: Rating) -> str:
    """After minus before, when both are shown."""
    if row.before_mean is None or row.after_mean is None:
        return "–"
    return f"{row.after_mean - row.before_mean:+.1f}"


def counts(profile: Profile) -> list[tuple[str, str]]:
    """The headline counts, each as (what, how many)."""
    return [
        ("People (one contribution file each)", count(profile.people)),
        ("Files skipped because they could not be used", str(len(profile.skipped))),
        (
            "Answers to activities this version of the course does not have",
            count(profile.other_answers),
        ),
    ]


def hidden_reflections(profile: Profile) -> str:
    """The sentence before the list of reflections whose answers are hidden."""
    some = any(g.count is not None for g in profile.reflections)
    return f"{'Every other reflection' if some else 'Every reflection'}: {HIDDEN}."


def other_activities(profile: Profile) -> str:
    """The sentence for activities whose counts are hidden."""
    some = any(a.count is not None for a in profile.answered)
    return f"{'Every other activity' if some else 'Every activity'}: {HIDDEN}."


def _ratings(profile: Profile) -> tuple[BarChart, Table]:
    chart = BarChart(
        INTRO,
        (("Before", "before"), ("After", "after")),
        tuple((r.text, (r.before_mean, r.after_mean)) for r in profile.ratings),
        scale=5,
    )
    number = css("vcf-number")
    table = Table(
        tuple(
            Row(
                (
                    Cell(r.text, header=True),
                    Cell(mean(r.before_mean), attrs=number),
                    Cell(count(r.before_people), attrs=number),
                    Cell(mean(r.after_mean), attrs=number),
                    Cell(count(r.after_people), attrs=number),
                    Cell(change(r), attrs=number),
                )
            )
            for r in profile.ratings
        ),
        ("Statement", "Mean before", "People before", "Mean after", "People after", "Change"),
        CAPTION,
    )
    return chart, table


def _reflections(profile: Profile) -> Section:
    body: list[Block] = [
        Section(
            group.title,
            (
                Paragraph(f"{plural(group.count, 'answer')}, in alphabetical order."),
                *(Quote(t) for t in group.texts),
            ),
        )
        for group in profile.reflections
        if group.count is not None
    ]
    hidden = [g.title for g in profile.reflections if g.count is None]
    if hidden:
        body.append(Paragraph(hidden_reflections(profile), css("vcf-hidden")))
        body.append(BulletList(tuple(Item(t) for t in hidden)))
    return Section("What people said", tuple(body), new_page=True)


def _answered(profile: Profile) -> Section:
    body: list[Block] = []
    shown = [a for a in profile.answered if a.count is not None]
    if shown:
        rows = tuple(
            Row(
                (
                    Cell(a.title, header=True),
                    Cell(a.activity),
                    Cell(count(a.count), attrs=css("vcf-number")),
                )
            )
            for a in shown
        )
        caption = "How many people shared an answer to each activity"
        body.append(Table(rows, ("Activity", "Id", "People"), caption))
    body.append(Paragraph(other_activities(profile), css("vcf-hidden")))
    return Section("Answers shared for each activity", tuple(body), new_page=True)


def report(profile: Profile, title: str = TITLE) -> Report:
    """The team profile to print, show or send."""
    counted = Table(
        tuple(
            Row((Cell(what, header=True), Cell(n, attrs=css("vcf-number"))))
            for what, n in counts(profile)
        ),
        caption="What the profile is made from",
    )
    skipped: Block = Paragraph("None: every file could be used.")
    if profile.skipped:
        skipped = BulletList(tuple(Item((s.file, ": ", s.reason, ".")) for s in profile.skipped))
    tree = Section(
        title,
        (
            Aside((Paragraph(PRIVACY),), css("vcf-summary")),
            Section("Counts", (counted,)),
            Section("Confidence before and after", _ratings(profile)),
            _reflections(profile),
            _answered(profile),
            Section("Files skipped", (skipped,)),
        ),
    )
    return Report(tree)
