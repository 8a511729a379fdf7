"""The notebook view's stylesheet: labels that wrap, and status colours readable in both themes.

ipywidgets draws option labels on one line of fixed height, so a long option is cut off or
overprints the next one. These rules let every label wrap. JupyterLab and Notebook 7 mark the
page with ``data-jp-theme-light``, so each colour has a light and a dark value.
"""

from __future__ import annotations

import ipywidgets as widgets

CSS = """
.vc-nb .widget-radio-box, .vc-nb .widget-checkbox, .vc-nb .vc-wrap { height: auto; }
.vc-nb .widget-radio-box label { flex-direction: row-reverse; justify-content: flex-end; }
.vc-nb .widget-radio-box label, .vc-nb .widget-checkbox label {
  display: flex; align-items: flex-start; gap: 0.5em; height: auto;
  min-height: var(--jp-widgets-inline-height, 28px); line-height: 1.4; white-space: normal;
  overflow: visible; text-overflow: clip; padding: 2px 0; margin-bottom: 4px;
}
.vc-nb .widget-radio-box label input, .vc-nb .widget-checkbox input {
  float: none; flex: none; align-self: flex-start; height: auto; margin: 0.25em 0 0 1px;
}
.vc-nb .widget-checkbox label span {
  white-space: normal; overflow: visible; text-overflow: clip; flex: 1 1 auto;
}
.vc-nb .vc-scale .widget-radio-box { flex-direction: row; flex-wrap: wrap; }
.vc-nb .vc-scale .widget-radio-box label { margin-right: 1.5em; width: auto; }
.vc-nb .widget-button, .vc-nb .jupyter-button {
  height: auto; min-height: var(--jp-widgets-inline-height, 28px); white-space: normal;
  overflow: visible; text-overflow: clip; width: auto; max-width: 100%; padding: 4px 12px;
  align-self: flex-start; flex: none;
}
.vc-nb .widget-html, .vc-nb .widget-html-content { height: auto; }
.vc-nb .widget-html-content {
  white-space: normal; overflow-wrap: break-word; line-height: 1.5; align-self: auto;
}
.vc-nb .widget-textarea, .vc-nb .widget-text { max-width: 100%; }
.vc-nb .vc-saved { color: #2d5016; }
.vc-nb .vc-problem { color: #a4000f; }
body[data-jp-theme-light="false"] .vc-nb .vc-saved { color: #9fdc8a; }
body[data-jp-theme-light="false"] .vc-nb .vc-problem { color: #ffb3b8; }
.vc-nb .vc-chart img { max-width: 100%; height: auto; background: #fff; }
.vc-nb table { border-collapse: collapse; }
.vc-nb th, .vc-nb td { padding: 2px 8px; text-align: left; vertical-align: top; }
.vc-nb .vc-count { white-space: nowrap; }
.vc-nb a { color: var(--jp-content-link-color, #0b57d0); text-decoration: underline; }
body[data-jp-theme-light="false"] .vc-nb a { color: #9cc3ff; }
"""


def stylesheet() -> widgets.HTML:
    """A tiny widget that carries the stylesheet with the view it sits in."""
    return widgets.HTML(f"<style>{CSS}</style>", layout=widgets.Layout(display="none"))


def notebook_box(children: list[widgets.Widget], *classes: str) -> widgets.VBox:
    """A full-width box of widgets, styled by the stylesheet it carries."""
    box = widgets.VBox([stylesheet(), *children], layout=widgets.Layout(width="100%"))
    for name in ("vc-nb", *classes):
        box.add_class(name)
    return box
