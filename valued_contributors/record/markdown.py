"""The learning record as Markdown (learner text escaped so it shows exactly as typed)."""

from __future__ import annotations

from valued_contributors.core.markdown import inline, paragraphs
from valued_contributors.record.model import LearningRecord
from valued_contributors.record.text import about_line, changes_rows, entry_heading, headline


def escape(text: str) -> str:
    """One line of text that Markdown shows as typed (kept for callers of the old name)."""
    return inline(text)


def render(record: LearningRecord) -> str:
    lines = [f"# {inline(headline())}", ""]
    lines += [f"{inline(line)}\\" for line in about_line(record)]
    lines[-1] = lines[-1].removesuffix("\\")
    lines.append("")
    if record.changes:
        lines += ["## Confidence before and after", "", "| Statement | Before | After | Change |"]
        lines += ["|---|---|---|---|"]
        lines += [f"| {' | '.join(inline(c) for c in row)} |" for row in changes_rows(record)]
        lines.append("")
    for section in record.sections:
        lines += [f"## {inline(f'{section.section.title} ({section.progress})')}", ""]
        for name, items in section.supports:
            lines.append(f"**{inline(name)}:** {inline('; '.join(items))}  ")
        lines.append("")
        for entry in section.entries:
            lines += [f"### {inline(entry_heading(entry))}", ""]
            for block in entry.blocks:
                if block.kind == "prompt":
                    lines += [f"> {line}".rstrip() for line in block.text.strip().splitlines()]
                    lines.append("")
                elif block.label:
                    lines += [f"- {inline(block.label)} — **{inline(block.text)}**"]
                else:
                    lines += [paragraphs(block.text), ""]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
