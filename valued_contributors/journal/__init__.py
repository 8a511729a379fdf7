"""The learner's journal: every version of every answer, kept in SQLite on their own machine."""

from valued_contributors.core.answer import Answer, now
from valued_contributors.journal.location import ENV_VAR, data_dir, journal_path
from valued_contributors.journal.store import Journal, JournalError

__all__ = ["ENV_VAR", "Answer", "Journal", "JournalError", "data_dir", "journal_path", "now"]
