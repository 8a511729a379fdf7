"""The notebook view: each activity as ipywidgets that save to the journal as the learner works.

Each kind builds its own widgets (``valued_contributors.kinds``); this module gives them a
saver, the header and the box every activity sits in.
"""

from __future__ import annotations

import ipywidgets as widgets

from valued_contributors import kinds
from valued_contributors.kinds import Activity, widgetkit
from valued_contributors.views.saving import TEXT_DELAY_SECONDS, Saver
from valued_contributors.views.styles import notebook_box

__all__ = ["TEXT_DELAY_SECONDS", "build"]


def build(activity: Activity) -> widgets.VBox:
    """The live widgets for one activity, filled in with the learner's saved answer."""
    kind = kinds.of(activity)
    saver = Saver(activity.id, delay=TEXT_DELAY_SECONDS if kind.debounced else 0)
    children = kind.widget(activity, saver)
    return notebook_box([widgetkit.header(kind.label, activity), *children], "vc-activity")
