"""Printable pages: one self-contained HTML document (no requests) and safe Markdown text."""

from __future__ import annotations

from html import escape

from valued_contributors.core import markdown

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


def text(value: object) -> str:
    """Any text made safe for HTML, quotes included."""
    return escape(str(value), quote=True)


def heading(level: int, depth: int, words: str, css: str = "") -> str:
    """A heading ``depth`` below the page's top ``level`` (h6 at most), its words escaped.

    The class carries the depth, so a plan looks the same whether it starts at h1 on its own
    page or at h4 inside a notebook.
    """
    tag = f"h{min(max(level + depth, 1), 6)}"
    return f"<{tag} class='vcf-depth-{depth}{' ' + css if css else ''}'>{text(words)}</{tag}>"


def document(title: str, body: str, wide: bool = False) -> str:
    """A whole HTML page that needs nothing else: styles inside, no scripts, no links out."""
    landscape = " style='page: wide'" if wide else ""
    return (
        "<!DOCTYPE html>\n<html lang='en-GB'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{text(title)}</title>\n<style>{PAGE_STYLE}{STYLE}</style>\n</head>\n"
        f"<body class='vcf'><main{landscape}>\n{body}\n</main></body>\n</html>\n"
    )


def fragment(body: str) -> str:
    """The same content as a block to show inside a notebook or the book's page."""
    return f"<div class='vcf'><style>{STYLE}</style>\n{body}\n</div>"


def md(value: object) -> str:
    """Text for one line of Markdown: shown exactly as written, line breaks made spaces."""
    return markdown.inline(value)


def md_quote(value: str) -> str:
    """A block of someone's words as a Markdown quotation, shown exactly as written."""
    return markdown.quote(value)


def md_heading(level: int, words: str) -> str:
    return f"{'#' * min(max(level, 1), 6)} {md(words)}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 table", "3 tables"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
