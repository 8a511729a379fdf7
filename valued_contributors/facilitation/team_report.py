"""A team profile to print: counts, confidence before and after (chart and table), reflections."""

from __future__ import annotations

from valued_contributors.facilitation.page import (
    document,
    fragment,
    heading,
    md,
    md_heading,
    md_quote,
    plural,
    text,
)
from valued_contributors.facilitation.team import HIDDEN, MINIMUM, Profile, Rating

TITLE = "Team profile"
PRIVACY = (
    f"Any group of fewer than {MINIMUM} people or answers is hidden, so no one can be singled "
    "out. Reflections are listed in alphabetical order, not file by file, so no answer can be "
    "matched to a file. Share this profile only in the way the team agreed."
)
CAPTION = "Confidence before and after the course: mean rating from 1 (not at all) to 5 (very)"


def count(value: int | None) -> str:
    """A number, or the words that say it is hidden."""
    return HIDDEN if value is None else str(value)


def mean(value: float | None) -> str:
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


def _bar(kind: str, value: float | None) -> str:
    if value is None:
        return "<div class='vcf-track'></div>"
    width = f"{value / 5 * 100:.0f}%"
    bar = f"<div class='vcf-bar vcf-{kind}' style='width: {width}'></div>"
    return f"<div class='vcf-track'>{bar}</div>"


def _chart(profile: Profile) -> str:
    rows = "".join(
        f"<div class='vcf-chart-row'><div>{text(r.text)}</div>"
        f"<div>{_bar('before', r.before_mean)}{_bar('after', r.after_mean)}</div></div>"
        for r in profile.ratings
    )
    key = (
        "<p class='vcf-key'><span class='vcf-before'></span>Before"
        "<span class='vcf-after'></span>After</p>"
    )
    return f"<div class='vcf-chart' aria-hidden='true'>{key}{rows}</div>"


def _ratings_table(profile: Profile) -> str:
    rows = "".join(
        f"<tr><th scope='row'>{text(r.text)}</th>"
        f"<td class='vcf-number'>{text(mean(r.before_mean))}</td>"
        f"<td class='vcf-number'>{text(count(r.before_people))}</td>"
        f"<td class='vcf-number'>{text(mean(r.after_mean))}</td>"
        f"<td class='vcf-number'>{text(count(r.after_people))}</td>"
        f"<td class='vcf-number'>{text(change(r))}</td></tr>"
        for r in profile.ratings
    )
    return (
        f"<table><caption>{text(CAPTION)}</caption><thead><tr><th scope='col'>Statement</th>"
        "<th scope='col'>Mean before</th><th scope='col'>People before</th>"
        "<th scope='col'>Mean after</th><th scope='col'>People after</th>"
        f"<th scope='col'>Change</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def render_html(
    profile: Profile, title: str = TITLE, level: int = 1, standalone: bool = True
) -> str:
    """The team profile as a printable HTML page, or a block for a notebook."""
    parts = [heading(level, 0, title), f"<p class='vcf-summary'>{text(PRIVACY)}</p>"]
    parts.append(heading(level, 1, "Counts"))
    rows = "".join(
        f"<tr><th scope='row'>{text(what)}</th><td class='vcf-number'>{text(n)}</td></tr>"
        for what, n in counts(profile)
    )
    parts.append(
        f"<table><caption>What the profile is made from</caption><tbody>{rows}</tbody></table>"
    )
    parts.append(heading(level, 1, "Confidence before and after"))
    parts.append(
        "<p>Each statement was rated at the start of the course and again near the end. "
        "The chart shows the same numbers as the table below it.</p>"
    )
    parts.append(_chart(profile))
    parts.append(_ratings_table(profile))
    parts.append(heading(level, 1, "What people said", "vcf-new-page"))
    for group in profile.reflections:
        if group.count is not None:
            parts.append(heading(level, 2, group.title))
            parts.append(f"<p>{text(plural(group.count, 'answer'))}, in alphabetical order.</p>")
            parts.append("".join(f"<blockquote>{text(t)}</blockquote>" for t in group.texts))
    hidden = [g.title for g in profile.reflections if g.count is None]
    if hidden:
        parts.append(f"<p class='vcf-hidden'>{text(hidden_reflections(profile))}</p>")
        parts.append("<ul>" + "".join(f"<li>{text(title)}</li>" for title in hidden) + "</ul>")
    parts.append(heading(level, 1, "Answers shared for each activity", "vcf-new-page"))
    rows = "".join(
        f"<tr><th scope='row'>{text(a.title)}</th><td>{text(a.activity)}</td>"
        f"<td class='vcf-number'>{text(count(a.count))}</td></tr>"
        for a in profile.answered
        if a.count is not None
    )
    if rows:
        parts.append(
            "<table><caption>How many people shared an answer to each activity</caption>"
            "<thead><tr><th scope='col'>Activity</th><th scope='col'>Id</th>"
            f"<th scope='col'>People</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    parts.append(f"<p class='vcf-hidden'>{text(other_activities(profile))}</p>")
    parts.append(heading(level, 1, "Files skipped"))
    if profile.skipped:
        parts.append(
            "<ul>"
            + "".join(f"<li>{text(s.file)}: {text(s.reason)}.</li>" for s in profile.skipped)
            + "</ul>"
        )
    else:
        parts.append("<p>None: every file could be used.</p>")
    body = "\n".join(parts)
    return document(title, body) if standalone else fragment(body)


def render_markdown(profile: Profile, title: str = TITLE) -> str:
    """The same team profile as Markdown."""
    lines = [md_heading(1, title), "", f"> {md(PRIVACY)}", "", md_heading(2, "Counts"), ""]
    lines += ["| What | How many |", "| --- | --- |"]
    lines += [f"| {md(what)} | {md(n)} |" for what, n in counts(profile)]
    lines += ["", md_heading(2, "Confidence before and after"), "", md(CAPTION), ""]
    lines += ["| Statement | Mean before | People before | Mean after | People after | Change |"]
    lines += ["| --- | --- | --- | --- | --- | --- |"]
    lines += [
        f"| {md(r.text)} | {md(mean(r.before_mean))} | {md(count(r.before_people))} | "
        f"{md(mean(r.after_mean))} | {md(count(r.after_people))} | {md(change(r))} |"
        for r in profile.ratings
    ]
    lines += ["", md_heading(2, "What people said")]
    for group in profile.reflections:
        if group.count is not None:
            lines += ["", md_heading(3, group.title), ""]
            lines += [f"{plural(group.count, 'answer')}, in alphabetical order.", ""]
            lines += ["\n\n".join(md_quote(t) for t in group.texts)]
    hidden = [g.title for g in profile.reflections if g.count is None]
    if hidden:
        lines += ["", md(hidden_reflections(profile)), ""] + [f"- {md(t)}" for t in hidden]
    lines += ["", md_heading(2, "Answers shared for each activity"), ""]
    shown = [a for a in profile.answered if a.count is not None]
    if shown:
        lines += ["| Activity | Id | People |", "| --- | --- | --- |"]
        lines += [f"| {md(a.title)} | {md(a.activity)} | {md(count(a.count))} |" for a in shown]
        lines.append("")
    lines.append(md(other_activities(profile)))
    lines += ["", md_heading(2, "Files skipped"), ""]
    lines += [f"- {md(s.file)}: {md(s.reason)}." for s in profile.skipped] or [
        "None: every file could be used."
    ]
    return "\n".join(lines) + "\n"
