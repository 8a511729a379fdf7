"""The journal database: every saved version of every answer, with its time and origin."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from valued_contributors.core import times
from valued_contributors.core.answer import NEWEST_FIRST_SQL, Answer, now
from valued_contributors.core.text import mend, printable
from valued_contributors.journal import migrations
from valued_contributors.journal.location import journal_path

BUSY_TIMEOUT_SECONDS = 30
LOCKED_RETRIES = 5


class JournalError(RuntimeError):
    """The journal cannot be opened or written; the message says what to do."""


LATEST = (  # the latest version of one answer, under core.answer's one rule
    "SELECT value, saved_at, origin FROM answers WHERE activity = ? "
    f"ORDER BY {NEWEST_FIRST_SQL} LIMIT 1"
)


def canonical(value: dict[str, Any]) -> str:
    """The one JSON spelling of a value, so equal answers are stored equally; half characters
    (lone surrogates), which cannot be stored, become U+FFFD.
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return canonical(mend(value)[0])
    return text


def stored_time(saved_at: str) -> str:
    """A time in the journal's one spelling; ValueError (one sentence) if it is not real."""
    return times.normalise(saved_at)


def _create_private(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)


class Journal:
    """A learner's journal in SQLite (WAL mode, one transaction per change)."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else journal_path()
        self.notice: str | None = None
        self._lock = threading.RLock()
        try:
            _create_private(self.path)
            self._db = self._open()
        except sqlite3.OperationalError as error:
            raise self._cannot(error) from None
        except sqlite3.DatabaseError:
            self._db = self._replace_damaged()
        except OSError as error:
            raise self._cannot(error) from None
        except RuntimeError as error:
            raise JournalError(str(error)) from None

    def _cannot(self, error: Exception) -> JournalError:
        return JournalError(
            f"Your answers cannot be saved in {printable(self.path.parent)} ({error}); "
            "check that this folder exists, is yours and has free space, "
            "or set VALUED_CONTRIBUTORS_DATA to another folder."
        )

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the journal file failed its integrity check")
            migrations.migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def _replace_damaged(self) -> sqlite3.Connection:
        """Move a damaged file aside (never deleting it, never over an earlier copy) and start a
        fresh journal.
        """
        kept = self._keep_aside()
        self.notice = (
            f"Your journal file was damaged, so it was moved to {printable(kept)} and a new "
            "journal was started; keep that file if you want to recover older answers."
        )
        _create_private(self.path)
        return self._open()

    def _keep_aside(self) -> Path:
        """Rename the damaged journal (and its -wal and -shm files) to a name no earlier copy
        has: the time to the microsecond, then a number if even that is taken.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        for attempt in range(1, 10_000):
            tail = "" if attempt == 1 else f"-{attempt}"
            kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}{tail}")
            try:
                os.link(self.path, kept)  # fails, rather than overwrites, if the name is taken
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links
                if any(Path(f"{kept}{s}").exists() for s in ("", "-wal", "-shm")):
                    continue
                self.path.rename(kept)
            else:
                self.path.unlink()
            for suffix in ("-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.rename(f"{kept}{suffix}")
            return kept
        raise OSError("too many damaged copies of the journal with the same name")

    def close(self) -> None:
        """Close the database; the journal cannot be used after this."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            for attempt in range(LOCKED_RETRIES):
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or attempt == LOCKED_RETRIES - 1:
                        raise self._cannot(error) from None
                except sqlite3.Error as error:
                    raise self._cannot(error) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise self._cannot(error) from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already undone it."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def save(
        self,
        activity: str,
        value: dict[str, Any],
        *,
        saved_at: str | None = None,
        origin: str = "notebook",
    ) -> Answer:
        """Store a new version of an answer, unless it equals the latest one."""
        answer = Answer(activity, value, stored_time(saved_at) if saved_at else now(), origin)
        text = canonical(value)
        with self._transaction() as db:
            last = db.execute(LATEST, (activity,)).fetchone()
            if last and last[0] == text:
                return Answer(activity, value, last[1], last[2])
            db.execute(
                "INSERT INTO answers (activity, value, saved_at, origin) VALUES (?, ?, ?, ?)",
                (activity, text, answer.saved_at, origin),
            )
        return answer

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[Answer]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT activity, value, saved_at, origin FROM answers {where} "
                "ORDER BY activity, saved_at, id",
                params,
            ).fetchall()
        return [Answer(a, json.loads(v), s, o) for a, v, s, o in rows]

    def history(self, activity: str) -> list[Answer]:
        """Every saved version of one answer, oldest first."""
        return self._select("WHERE activity = ?", (activity,))

    def latest(self, activity: str) -> Answer | None:
        """The newest version of one answer, or None if it was never answered.

        Reads one row, not the whole history: a notebook asks for it each time it shows an
        activity, and a long reflection may have hundreds of saved versions.
        """
        with self._lock:
            row = self._db.execute(LATEST, (activity,)).fetchone()
        return Answer(activity, json.loads(row[0]), row[1], row[2]) if row else None

    def answers(self) -> list[Answer]:
        """Every version of every answer, by activity and then time."""
        return self._select()

    def merge(self, answers: Iterable[Answer]) -> int:
        """Add answers from elsewhere in one transaction; return how many were new."""
        added = 0
        rows = [
            (a.activity, canonical(a.value), stored_time(a.saved_at), a.origin) for a in answers
        ]
        with self._transaction() as db:
            for row in rows:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO answers (activity, value, saved_at, origin) "
                    "VALUES (?, ?, ?, ?)",
                    row,
                )
                added += cursor.rowcount
        return added

    def forget(self) -> int:
        """Delete every answer and return how many versions were deleted."""
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM answers").rowcount
        with self._lock:
            self._db.execute("VACUUM")
        return deleted

    def schema_version(self) -> int:
        """The version of the journal's database layout."""
        with self._lock:
            version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        return version
