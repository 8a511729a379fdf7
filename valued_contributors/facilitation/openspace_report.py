"""An Open Space agenda wall to print: the grid, clashes, topics that did not fit, how it works."""

from __future__ import annotations

from valued_contributors.facilitation.guidance import guidance
from valued_contributors.facilitation.openspace import Agenda, Clash, clashes
from valued_contributors.facilitation.page import (
    document,
    fragment,
    heading,
    md,
    md_heading,
    plural,
    text,
)

TITLE = "Open Space agenda wall"
FREE = "Free"
NO_CONVENER = "no convener yet"
TIP = (
    "To fit them in, merge topics that are alike, add a space or a time slot, or keep them "
    "for a later session."
)


def overview(agenda: Agenda) -> str:
    """One sentence: the size of the wall and how many topics are on it."""
    return (
        f"{plural(len(agenda.placed), 'topic')} in {plural(len(agenda.slots), 'time slot')} "
        f"and {plural(len(agenda.spaces), 'space')}."
    )


def clash_lines(agenda: Agenda) -> list[str]:
    """One sentence for each clash, or one saying there are none."""
    found = clashes(agenda)
    if not found:
        return ["No clashes: no convener is due in two places at once."]
    return [_clash_sentence(agenda, clash) for clash in found]


def _clash_sentence(agenda: Agenda, clash: Clash) -> str:
    titles = " and ".join(f"'{t.title}'" for t in clash.topics)
    return (
        f"Clash in {agenda.slots[clash.slot]}: {clash.convener} convenes {titles}. Ask "
        f"{clash.convener} to hand one over to someone else, or move it to another slot."
    )


def _clashing(agenda: Agenda) -> set[tuple[int, str]]:
    return {(c.slot, c.topics[0].convener_key or "") for c in clashes(agenda)}


def _principles_html(level: int) -> str:
    words = guidance()
    parts = [heading(level, 1, "How Open Space works"), heading(level, 2, "The four principles")]
    parts.append(
        "<ul>"
        + "".join(
            f"<li><strong>{text(p.name)}.</strong> {text(p.meaning)}</li>" for p in words.principles
        )
        + "</ul>"
    )
    parts.append(heading(level, 2, "The law of two feet"))
    parts.append(f"<p>{text(words.law_of_two_feet)}</p>")
    parts.append(heading(level, 2, "Bumblebees and butterflies"))
    parts.append(f"<p>{text(words.bumblebees)}</p><p>{text(words.butterflies)}</p>")
    return "\n".join(parts)


def render_html(
    agenda: Agenda,
    title: str = TITLE,
    theme: str | None = None,
    level: int = 1,
    standalone: bool = True,
) -> str:
    """The agenda wall as a printable HTML page (landscape), or a block for a notebook."""
    parts = [heading(level, 0, title)]
    if theme:
        parts.append(f"<p><strong>Theme:</strong> {text(theme)}</p>")
    parts.append(f"<p>{text(overview(agenda))}</p>")
    parts.append(
        "<div class='vcf-summary'>"
        + "".join(f"<p>{text(line)}</p>" for line in clash_lines(agenda))
        + "</div>"
    )
    clashing = _clashing(agenda)
    head = "".join(f"<th scope='col'>{text(space)}</th>" for space in agenda.spaces)
    rows = []
    for s, slot in enumerate(agenda.slots):
        cells = []
        for p in range(len(agenda.spaces)):
            placement = agenda.at(s, p)
            if placement is None:
                cells.append(f"<td class='vcf-free'>{FREE}</td>")
                continue
            topic = placement.topic
            flag = (
                f"<span class='vcf-clash'>Clash: {text(topic.convener)} is due in two "
                "places in this slot.</span>"
                if (s, topic.convener_key or "") in clashing
                else ""
            )
            cells.append(
                f"<td><strong>{text(topic.title)}</strong><span class='vcf-convener'>"
                f"Convener: {text(topic.convener or NO_CONVENER)}</span>{flag}</td>"
            )
        rows.append(f"<tr><th scope='row'>{text(slot)}</th>{''.join(cells)}</tr>")
    parts.append(
        "<table><caption>Agenda wall: time slots down the side, spaces across the top</caption>"
        f"<thead><tr><th scope='col'>Time slot</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    if agenda.unplaced:
        parts.append(heading(level, 1, "Topics that did not fit"))
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{text(t.title)} (convener: {text(t.convener or NO_CONVENER)})</li>"
                for t in agenda.unplaced
            )
            + f"</ul><p>{text(TIP)}</p>"
        )
    parts.append(_principles_html(level))
    body = "\n".join(parts)
    return document(title, body, wide=True) if standalone else fragment(body)


def render_markdown(agenda: Agenda, title: str = TITLE, theme: str | None = None) -> str:
    """The same agenda wall as Markdown."""
    words = guidance()
    lines = [md_heading(1, title), ""]
    if theme:
        lines += [f"Theme: {md(theme)}", ""]
    lines += [md(overview(agenda)), ""]
    lines.append("\n>\n".join(f"> {md(line)}" for line in clash_lines(agenda)))
    clashing = _clashing(agenda)
    lines += ["", "| Time slot | " + " | ".join(md(s) for s in agenda.spaces) + " |"]
    lines += ["| --- |" + " --- |" * len(agenda.spaces)]
    for s, slot in enumerate(agenda.slots):
        cells = []
        for p in range(len(agenda.spaces)):
            placement = agenda.at(s, p)
            if placement is None:
                cells.append(f"_{FREE}_")
                continue
            topic = placement.topic
            flag = " **CLASH**" if (s, topic.convener_key or "") in clashing else ""
            cells.append(f"**{md(topic.title)}** ({md(topic.convener or NO_CONVENER)}){flag}")
        lines.append(f"| {md(slot)} | " + " | ".join(cells) + " |")
    if agenda.unplaced:
        lines += ["", md_heading(2, "Topics that did not fit"), ""]
        lines += [
            f"- {md(t.title)} (convener: {md(t.convener or NO_CONVENER)})" for t in agenda.unplaced
        ]
        lines += ["", md(TIP)]
    lines += ["", md_heading(2, "How Open Space works"), "", md_heading(3, "The four principles")]
    lines += [""] + [f"- **{md(p.name)}.** {md(p.meaning)}" for p in words.principles]
    lines += ["", md_heading(3, "The law of two feet"), "", md(words.law_of_two_feet), ""]
    lines += [md_heading(3, "Bumblebees and butterflies"), "", md(words.bumblebees), ""]
    lines += [md(words.butterflies), ""]
    return "\n".join(lines)
