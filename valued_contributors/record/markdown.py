"""The learning record as Markdown (learner text escaped so it shows exactly as typed)."""

from __future__ import annotations

import re

from valued_contributors.record.model import LearningRecord
from valued_contributors.record.text import about_line, changes_rows, entry_heading, headline

SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so learner text never becomes markup."""
    return SPECIAL.sub(r"\\\1", text)


def render(record: LearningRecord) -> str:
    lines = [f"# {headline()}", "", *(f"{line}  " for line in about_line(record)), ""]
    if record.changes:
        lines += ["## Confidence before and after", "", "| Statement | Before | After | Change |"]
        lines += ["|---|---|---|---|"]
        lines += [f"| {' | '.join(escape(c) for c in row)} |" for row in changes_rows(record)]
        lines.append("")
    for section in record.sections:
        lines += [f"## {section.section.title} ({section.progress})", ""]
        for name, items in section.supports:
            lines.append(f"**{name}:** {'; '.join(items)}  ")
        lines.append("")
        for entry in section.entries:
            lines += [f"### {entry_heading(entry)}", ""]
            for block in entry.blocks:
                text = escape(block.text)
                if block.kind == "prompt":
                    lines += [f"> {line}".rstrip() for line in block.text.strip().splitlines()]
                    lines.append("")
                elif block.label:
                    lines += [f"- {escape(block.label)} — **{text}**"]
                else:
                    lines += [text.replace("\n", "  \n"), ""]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
