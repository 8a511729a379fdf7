"""An Open Space agenda wall to print: the grid, clashes, topics that did not fit, how it works."""

from __future__ import annotations

from valued_contributors.document import (
    Aside,
    Block,
    BulletList,
    Cell,
    Inline,
    Item,
    Paragraph,
    Row,
    Section,
    Span,
    Strong,
    Table,
    css,
)
from valued_contributors.facilitation.guidance import guidance
from valued_contributors.facilitation.openspace import Agenda, Clash, clashes
from valued_contributors.facilitation.page import Report, plural

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


def _cell(agenda: Agenda, slot: int, space: int, clashing: set[tuple[int, str]]) -> Cell:
    placement = agenda.at(slot, space)
    if placement is None:
        return Cell(FREE, attrs=css("vcf-free"))
    topic = placement.topic
    content: list[Inline] = [
        Strong(topic.title),
        " ",
        Span(("Convener: ", topic.convener or NO_CONVENER), css("vcf-convener")),
    ]
    if (slot, topic.convener_key or "") in clashing:
        clash = f"Clash: {topic.convener} is due in two places in this slot."
        content += [" ", Span(clash, css("vcf-clash"))]
    return Cell(tuple(content))


def _how_it_works() -> Section:
    words = guidance()
    principles = tuple(Item((Strong((p.name, ".")), " ", p.meaning)) for p in words.principles)
    return Section(
        "How Open Space works",
        (
            Section("The four principles", (BulletList(principles),)),
            Section("The law of two feet", (Paragraph(words.law_of_two_feet),)),
            Section(
                "Bumblebees and butterflies",
                (Paragraph(words.bumblebees), Paragraph(words.butterflies)),
            ),
        ),
    )


def report(agenda: Agenda, title: str = TITLE, theme: str | None = None) -> Report:
    """The agenda wall to print (landscape), show or send."""
    clashing = _clashing(agenda)
    wall = Table(
        tuple(
            Row(
                (
                    Cell(slot, header=True),
                    *(_cell(agenda, s, p, clashing) for p in range(len(agenda.spaces))),
                )
            )
            for s, slot in enumerate(agenda.slots)
        ),
        ("Time slot", *agenda.spaces),
        "Agenda wall: time slots down the side, spaces across the top",
    )
    body: list[Block] = []
    if theme:
        body.append(Paragraph((Strong("Theme:"), " ", theme)))
    body += [
        Paragraph(overview(agenda)),
        Aside(tuple(Paragraph(line) for line in clash_lines(agenda)), css("vcf-summary")),
        wall,
    ]
    if agenda.unplaced:
        left = tuple(
            Item((t.title, " (convener: ", t.convener or NO_CONVENER, ")")) for t in agenda.unplaced
        )
        body.append(Section("Topics that did not fit", (BulletList(left), Paragraph(TIP))))
    body.append(_how_it_works())
    return Report(Section(title, tuple(body)), wide=True)
