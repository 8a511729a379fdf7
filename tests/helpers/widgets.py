"""Looking inside the notebook view's widgets as a learner would see them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets


def walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """The widget and everything inside it, depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find(box: widgets.Widget, kind: type) -> list[Any]:
    """Every widget of this kind inside ``box``, in order."""
    return [w for w in walk(box) if isinstance(w, kind)]
