"""Saving from the notebook view: debounced writes to the journal and a visible status line."""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from valued_contributors.content.model import MAX_TEXT
from valued_contributors.journal import Journal, JournalError, journal_path

if TYPE_CHECKING:
    import asyncio

TEXT_DELAY_SECONDS = 0.8
_open_journals: dict[Path, Journal] = {}
_pending: weakref.WeakSet[Saver] = weakref.WeakSet()
_listeners: weakref.WeakSet[Any] = weakref.WeakSet()


def when_saved(listener: Any) -> None:
    """Call ``listener.refresh()`` after every successful save (progress and the record use it)."""
    _listeners.add(listener)


def current_journal() -> Journal:
    """The journal for the current data folder, opened once per kernel."""
    path = journal_path()
    if path not in _open_journals:
        _open_journals[path] = Journal(path)
    return _open_journals[path]


def local_time(saved_at: str) -> str:
    """A stored UTC time as the learner's local HH:MM."""
    return datetime.fromisoformat(saved_at.replace("Z", "+00:00")).astimezone().strftime("%H:%M")


class Saver:
    """Saves one activity's answer and reports the outcome on its status line.

    A value that could not be saved stays pending and is written by the next successful save,
    so nothing typed is lost while the data folder is unavailable.
    """

    def __init__(self, activity_id: str, delay: float = 0.0):
        self.activity_id = activity_id
        self.delay = delay
        self.status = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self._pending: dict[str, Any] | None = None
        self._timer: asyncio.TimerHandle | None = None
        _pending.add(self)

    def load(self) -> dict[str, Any] | None:
        """The latest saved value, or None; shows when it was saved or why it could not be read."""
        try:
            journal = current_journal()
            answer = journal.latest(self.activity_id)
        except JournalError as error:
            self._show(str(error), problem=True)
            return None
        if journal.notice:
            self._show(journal.notice, problem=True)
        elif answer:
            self._show(f"Saved at {local_time(answer.saved_at)}")
        return answer.value if answer else None

    def save(self, value: dict[str, Any]) -> None:
        """Save now, or after a pause in typing when this saver has a delay."""
        self._pending = value
        if self._timer:
            self._timer.cancel()
            self._timer = None
        if self.delay:
            import asyncio  # a running kernel has it already; a plain import need not pay for it

            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                pass
            else:
                self._show("Saving…")
                self._timer = loop.call_later(self.delay, self.flush)
                return
        self.flush()

    def flush(self) -> bool:
        """Write the pending value, if any; True when nothing is left unsaved."""
        self._timer = None
        if self._pending is None:
            return True
        too_long = len(self._pending.get("text", "")) - MAX_TEXT
        if too_long > 0:
            self._show(
                f"Not saved: a reflection can be up to {MAX_TEXT:,} characters, and this one "
                f"is {too_long:,} over. Shorten it; your text is still here.",
                problem=True,
            )
            return False
        try:
            answer = current_journal().save(self.activity_id, self._pending)
        except JournalError as error:
            self._show(
                f"Not saved yet. {error} What you typed is still here and will be saved "
                "with your next change.",
                problem=True,
            )
            return False
        self._pending = None
        self._show(f"Saved at {local_time(answer.saved_at)}")
        for listener in list(_listeners):
            listener.refresh()
        return True

    def _show(self, message: str, problem: bool = False) -> None:
        style = "color:#a4000f" if problem else "color:#2d5016"
        role = "alert" if problem else "status"
        self.status.value = f"<span role='{role}' style='{style}'>{escape(message)}</span>"


def flush_all() -> None:
    """Write every pending answer (called when the kernel shuts down)."""
    for saver in list(_pending):
        saver.flush()


atexit.register(flush_all)


def on_change(widget: widgets.Widget, callback: Callable[[Any], None]) -> None:
    """Call ``callback(new_value)`` whenever the learner changes the widget's value."""
    widget.observe(lambda change: callback(change["new"]), names="value")
