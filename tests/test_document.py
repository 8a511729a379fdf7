"""The document model's writers: headings from nesting, text escaped once per writer, only the
author's Markdown made into markup, and HTML attributes that only the HTML writer writes.
"""

from __future__ import annotations

import io

import docx

from valued_contributors.core import markdown as core_markdown
from valued_contributors.document import (
    Aside,
    AuthorMarkdown,
    BulletList,
    Cell,
    Group,
    Html,
    Item,
    Lines,
    Paragraph,
    Quote,
    Row,
    Section,
    Span,
    Strong,
    Table,
    css,
    html,
    markdown,
    plain,
    slot,
    word,
)

SOMEONE = "# <b>Mine</b> & *yours* | [x](y)\nsecond line"
TREE = Section(
    "Top",
    (
        Paragraph(SOMEONE, slot("text")),
        Section(
            ("Middle ", Strong("bold", slot("b"))),
            (
                Section("Bottom", (AuthorMarkdown("An *author's* <b>words</b>"),)),
                BulletList((Item(("Name: ", Span(SOMEONE, css("who")))),), ordered=True),
            ),
            new_page=True,
        ),
    ),
)


def test_headings_come_from_nesting_and_the_writer_picks_the_first_level() -> None:
    assert [line for line in markdown.write((TREE,)).splitlines() if line.startswith("#")] == [
        "# Top",
        "## Middle **bold**",
        "### Bottom",
    ]
    page = html.write((TREE,), html.Style(start=3, depth_class="d", new_page_class="new"))
    assert "<h3 class='d0'>Top</h3>" in page
    assert "<h4 class='d1 new'>Middle <strong data-vc-slot='b'>bold</strong></h4>" in page
    assert "<h5 class='d2'>Bottom</h5>" in page
    assert "<h7" not in html.write((Section("a", (Section("b", (Section("c"),)),)),), html.Style(5))
    paragraphs = docx.Document(io.BytesIO(word.write((TREE,)))).paragraphs
    styles = [str(p.style.name if p.style else "") for p in paragraphs]
    assert [s for s in styles if s.startswith(("Title", "Heading"))] == [
        "Title",
        "Heading 1",
        "Heading 2",
    ]


def test_text_is_escaped_once_by_each_writer() -> None:
    page = html.write((TREE,))
    assert "<p data-vc-slot='text'># &lt;b&gt;Mine&lt;/b&gt; &amp; *yours* | [x](y)\nsecond" in page
    assert "<span class='who'># &lt;b&gt;Mine&lt;/b&gt;" in page
    text = markdown.write((TREE,))
    assert core_markdown.paragraphs(SOMEONE) in text  # its line break kept
    assert f"1. Name: {core_markdown.inline(SOMEONE)}" in text  # on one line
    assert "<b>Mine" not in text
    assert "data-vc-slot" not in text
    assert "who" not in text
    document = docx.Document(io.BytesIO(word.write((TREE, Paragraph("bell \x07")))))
    words = [p.text for p in document.paragraphs]
    assert SOMEONE in words
    assert "bell \ufffd" in words
    assert f"Name: {SOMEONE}" in words


def test_only_the_authors_markdown_becomes_markup() -> None:
    page = html.write((TREE,))
    assert "<p>An <em>author's</em> &lt;b&gt;words&lt;/b&gt;</p>" in page
    assert "An *author's* <b>words</b>" in markdown.write((TREE,))
    words = [p.text for p in docx.Document(io.BytesIO(word.write((TREE,)))).paragraphs]
    assert "An author's <b>words</b>" in words


def test_groups_asides_and_quotes() -> None:
    blocks = (
        Aside((Paragraph("one"), Paragraph("two")), css("box")),
        Group((Strong("Label:"), Paragraph("value")), css("group")),
        Quote("said\nthis <b>"),
        Lines((Paragraph("first"), Paragraph("second"))),
        Html("<input type='checkbox'>"),
    )
    page = html.write(blocks)
    assert page == (
        "<div class='box'><p>one</p><p>two</p></div>"
        "<div class='group'><strong>Label:</strong><p>value</p></div>"
        "<blockquote>said\nthis &lt;b&gt;</blockquote><p>first</p><p>second</p>"
        "<input type='checkbox'>"
    )
    assert markdown.write(blocks) == (
        "> one\n>\n> two\n\n**Label:**\n\nvalue\n\n> said\\\n> this \\<b\\>\n\nfirst\\\nsecond\n"
    )


def test_tables_with_and_without_column_headings() -> None:
    rows = (
        Row((Cell("Hours", header=True), Cell(())), css("tall")),
        Row((Cell("Date", True), Cell("1 | 2"))),
    )
    page = html.write((Table(rows, caption="Sign <here>"),))
    assert page == (
        "<table><caption>Sign &lt;here&gt;</caption><tbody><tr class='tall'><th scope='row'>"
        "Hours</th><td></td></tr><tr><th scope='row'>Date</th><td>1 | 2</td></tr></tbody></table>"
    )
    assert markdown.write((Table(rows, caption="Sign <here>"),)) == (
        "Sign \\<here\\>\n\n- Hours:\n- Date: 1 \\| 2\n"
    )
    assert markdown.write((Table(rows, ("What", "Value")),)) == (
        "| What | Value |\n| --- | --- |\n| Hours |  |\n| Date | 1 \\| 2 |\n"
    )
    table = docx.Document(io.BytesIO(word.write((Table(rows, ("What", "Value")),)))).tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["What", "Value"],
        ["Hours", ""],
        ["Date", "1 | 2"],
    ]


def test_plain_words_of_inline_content() -> None:
    assert plain(("a ", Strong(("b", Span("c"))), " d")) == "a bc d"


def test_markdown_escapes_what_starts_a_block_only_at_the_start_of_a_line() -> None:
    assert markdown.write((Paragraph(("1. first", ": ", "# not a heading")),)) == (
        "1\\. first: # not a heading\n"
    )
