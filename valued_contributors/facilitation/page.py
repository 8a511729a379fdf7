"""Printable pages: a report as one self-contained HTML document (no requests), a block for a
notebook, or Markdown, all written from the same document tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from valued_contributors.document import Section, plain
from valued_contributors.document import html as html_writer
from valued_contributors.document import markdown as markdown_writer
from valued_contributors.document.html import Style

STYLE = """
.vcf { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1b1b1b; background: #ffffff; line-height: 1.45; padding: 0.5rem 0.75rem; }
.vcf h1, .vcf h2, .vcf h3, .vcf h4, .vcf h5, .vcf h6 { color: #0b3d52; line-height: 1.25;
  margin: 1.2rem 0 0.5rem; }
.vcf .vcf-depth-0 { font-size: 1.6rem; }
.vcf .vcf-depth-1 { font-size: 1.3rem; }
.vcf .vcf-depth-2 { font-size: 1.1rem; }
.vcf table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.25rem; }
.vcf caption { text-align: left; font-weight: 600; padding: 0.25rem 0; color: #1b1b1b; }
.vcf th, .vcf td { border: 1px solid #767676; padding: 0.35rem 0.5rem; text-align: left;
  vertical-align: top; color: #1b1b1b; background: #ffffff; }
.vcf thead th, .vcf tbody th { background: #e8f0f3; }
.vcf td.vcf-number, .vcf th.vcf-number { text-align: right; }
.vcf .vcf-summary { border-left: 0.35rem solid #0b5a78; padding: 0.4rem 0.8rem; margin: 0.75rem 0;
  background: #f3f7f9; }
.vcf .vcf-clash { color: #8a0010; font-weight: 700; }
.vcf .vcf-free { color: #4a4a4a; font-style: italic; }
.vcf .vcf-hidden { color: #4a4a4a; font-style: italic; }
.vcf .vcf-convener { display: block; font-size: 0.9rem; }
.vcf blockquote { margin: 0.5rem 0; padding: 0.4rem 0.8rem; border-left: 0.25rem solid #767676;
  border-radius: 0; background: #f6f6f6; color: #1b1b1b; font-size: 1rem; white-space: pre-wrap; }
.vcf .vcf-chart { margin: 0.5rem 0 1rem; }
.vcf .vcf-chart-row { display: grid; grid-template-columns: minmax(8rem, 18rem) 1fr;
  gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
.vcf .vcf-track { background: #eeeeee; border: 1px solid #767676; height: 0.9rem;
  margin: 0.15rem 0; }
.vcf .vcf-bar { height: 100%; }
.vcf .vcf-before { background: #0b5a78; }
.vcf .vcf-after { background: repeating-linear-gradient(45deg, #b3400b 0 6px, #d9733c 6px 10px); }
.vcf .vcf-key span { display: inline-block; width: 1.5rem; height: 0.8rem; margin: 0 0.3rem 0 1rem;
  vertical-align: middle; border: 1px solid #767676; }
@media print {
  .vcf { font-size: 10.5pt; padding: 0; }
  .vcf .vcf-new-page { break-before: page; }
  .vcf tr, .vcf li, .vcf blockquote, .vcf .vcf-chart-row { break-inside: avoid; }
  .vcf h1, .vcf h2, .vcf h3, .vcf h4 { break-after: avoid; }
  .vcf .vcf-bar, .vcf .vcf-key span {
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

PAGE_STYLE = "@page { size: A4; margin: 14mm; }\n@page wide { size: A4 landscape; }\n"


def _style(level: int) -> Style:
    """Headings from ``level`` down, each classed by its depth so a plan looks the same
    whether it starts at h1 on its own page or at h4 inside a notebook.
    """
    return Style(level, "\n", depth_class="vcf-depth-", new_page_class="vcf-new-page")


@dataclass(frozen=True, slots=True)
class Report:
    """A facilitator's report as one document tree, written in any format."""

    tree: Section
    wide: bool = False
    """Printed on landscape pages."""

    def page(self) -> str:
        """A whole HTML page that needs nothing else: styles inside, no scripts, no links out."""
        landscape = " style='page: wide'" if self.wide else ""
        return (
            "<!DOCTYPE html>\n<html lang='en-GB'>\n<head>\n<meta charset='utf-8'>\n"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
            f"<title>{escape(plain(self.tree.title))}</title>\n"
            f"<style>{PAGE_STYLE}{STYLE}</style>\n</head>\n"
            f"<body class='vcf'><main{landscape}>\n{html_writer.write((self.tree,), _style(1))}\n"
            "</main></body>\n</html>\n"
        )

    def block(self, level: int = 4) -> str:
        """The same content as a block to show inside a notebook or the book's page, its
        first heading at ``level``.
        """
        body = html_writer.write((self.tree,), _style(level))
        return f"<div class='vcf'><style>{STYLE}</style>\n{body}\n</div>"

    def _repr_html_(self) -> str:
        return self.block()

    def markdown(self) -> str:
        """The same content as Markdown, for a screen, an email or a document."""
        return markdown_writer.write((self.tree,))


def plural(count: int, one: str, many: str | None = None) -> str:
    """A count and its noun: "1 table", "3 tables"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
