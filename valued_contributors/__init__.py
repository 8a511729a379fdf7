"""Valued Contributors: a self-study course on involving everyone in workforce planning."""

from valued_contributors.views.activity import ActivityView, show

__all__ = ["ActivityView", "show"]
__version__ = "0.1.0"
