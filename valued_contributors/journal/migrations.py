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


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
LATEST = len(STEPS)


def migrate(db: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the database up to ``target`` in one transaction; return the version it had before.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    before = db.execute("PRAGMA user_version").fetchone()[0]
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
