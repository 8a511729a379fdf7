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
from valued_contributors.journal import Answer, Journal, JournalError, journal_path

if TYPE_CHECKING:
    import asyncio

TEXT_DELAY_SECONDS = 0.8
ORIGINS = {"book": "in the book", "notebook": "in another notebook or kernel"}
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


def refresh_listeners() -> None:
    """Bring progress and the record up to date (after a save, an import or a deletion)."""
    for listener in list(_listeners):
        listener.refresh()


class Saver:
    """Saves one activity's answer and reports the outcome on its status line.

    A value that could not be saved stays pending and is written by the next successful save,
    so nothing typed is lost while the data folder is unavailable. Before writing, it checks
    that the journal's latest version is still the one this widget showed: if a newer one came
    in (an import, or another notebook), it asks before replacing it.
    """

    def __init__(self, activity_id: str, delay: float = 0.0):
        self.activity_id = activity_id
        self.delay = delay
        self.status = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.apply: Callable[[dict[str, Any]], None] | None = None
        load_newer = widgets.Button(description="Load the newer answer", button_style="primary")
        keep_mine = widgets.Button(description="Keep what is here and save it")
        load_newer.on_click(lambda _: self.load_newer())
        keep_mine.on_click(lambda _: self.flush(replace_newer=True))
        self.newer = widgets.HBox(
            [load_newer, keep_mine], layout=widgets.Layout(display="none", flex_flow="row wrap")
        )
        self._pending: dict[str, Any] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._shown: tuple[str, dict[str, Any]] | None = None  # the version on screen
        self._newer: Answer | None = None
        _pending.add(self)

    def load(self) -> dict[str, Any] | None:
        """The latest saved value, or None; shows when it was saved or why it could not be read."""
        try:
            journal = current_journal()
            answer = journal.latest(self.activity_id)
        except JournalError as error:
            self._show(str(error), problem=True)
            return None
        self._shown = (answer.saved_at, answer.value) if answer else None
        if journal.notice:
            self._show(journal.notice, problem=True)
        elif answer:
            self._show(f"Saved at {local_time(answer.saved_at)}")
        return answer.value if answer else None

    def load_newer(self) -> None:
        """Show the newer version found in the journal, dropping what was waiting to be saved."""
        newer, self._newer = self._newer, None
        self.newer.layout.display = "none"
        if newer is None:
            return
        self._pending, self._shown = None, (newer.saved_at, newer.value)
        if self.apply:
            self.apply(newer.value)
        self._pending = None
        self._show(f"Showing the answer saved at {local_time(newer.saved_at)}.")

    def _newer_version(self, journal: Journal) -> Answer | None:
        """The journal's latest version if it is newer than the one shown and different."""
        latest = journal.latest(self.activity_id)
        if latest is None or latest.value == self._pending:
            return None
        if self._shown == (latest.saved_at, latest.value):
            return None
        return latest

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

    def flush(self, replace_newer: bool = False) -> bool:
        """Write the pending value, if any; True when nothing is left unsaved.

        With ``replace_newer``, it is saved even over a newer version (which the journal keeps
        in its history).
        """
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
            journal = current_journal()
            newer = None if replace_newer else self._newer_version(journal)
            if newer is not None:
                self._ask_about(newer)
                return False
            answer = journal.save(self.activity_id, self._pending)
        except JournalError as error:
            self._show(
                f"Not saved yet. {error} What you typed is still here and will be saved "
                "with your next change.",
                problem=True,
            )
            return False
        self._pending, self._newer, self._shown = None, None, (answer.saved_at, answer.value)
        self.newer.layout.display = "none"
        self._show(f"Saved at {local_time(answer.saved_at)}")
        refresh_listeners()
        return True

    def _ask_about(self, newer: Answer) -> None:
        self._newer = newer
        where = ORIGINS.get(newer.origin, "from an imported file")
        self._show(
            f"Not saved yet: a newer answer to this activity was saved at "
            f"{local_time(newer.saved_at)} ({where}). Load the newer answer, or keep what is "
            "here and save it; the other version stays in your journal's history.",
            problem=True,
        )
        self.newer.layout.display = None

    def _show(self, message: str, problem: bool = False) -> None:
        kind, role = ("vc-problem", "alert") if problem else ("vc-saved", "status")
        self.status.value = f"<span role='{role}' class='{kind}'>{escape(message)}</span>"


def flush_all() -> None:
    """Write every pending answer (called when the kernel shuts down); nothing typed is lost."""
    for saver in list(_pending):
        saver.flush(replace_newer=True)


atexit.register(flush_all)
