"""Schema versions of the journal; each step upgrades a database by one version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            activity TEXT NOT NULL,
            value TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            UNIQUE (activity, saved_at, value)
        )"""
    )
    db.execute("CREATE INDEX answers_by_activity ON answers (activity, saved_at)")


def _v2(db: sqlite3.Connection) -> None:
    """Record where each answer came from (notebook, book or another journal)."""
    db.execute("ALTER TABLE answers ADD COLUMN origin TEXT NOT NULL DEFAULT 'notebook'")


def _v3(db: sqlite3.Connection) -> None:
    """Spell every saved time one way (to the millisecond), so times sort as text in the order
    they happened; a copy that differs only in spelling is a duplicate and is dropped. A time
    that is not a real date is left as it was: nothing is deleted for it.
    """
    from valued_contributors.core import times

    rows = db.execute("SELECT id, activity, value, saved_at FROM answers").fetchall()
    for row_id, activity, value, saved_at in rows:
        try:
            spelled = times.normalise(saved_at)
        except ValueError:
            continue
        if spelled == saved_at:
            continue
        twin = db.execute(
            "SELECT id FROM answers WHERE activity = ? AND saved_at = ? AND value = ?",
            (activity, spelled, value),
        ).fetchone()
        if twin:
            db.execute("DELETE FROM answers WHERE id = ?", (row_id,))
        else:
            db.execute("UPDATE answers SET saved_at = ? WHERE id = ?", (spelled, row_id))


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
LATEST = len(STEPS)


def migrate(db: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the database up to ``target`` in one transaction; return the version it had before.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    before: int = db.execute("PRAGMA user_version").fetchone()[0]
    if before > LATEST:
        raise RuntimeError(
            f"The journal was written by a newer version of the course (schema {before}); "
            "update the course software to open it."
        )
    if before >= target:
        return before
    db.execute("BEGIN IMMEDIATE")
    try:
        for version in range(before + 1, target + 1):
            STEPS[version - 1](db)
        db.execute(f"PRAGMA user_version = {int(target)}")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return before
