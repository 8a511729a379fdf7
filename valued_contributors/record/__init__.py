"""The learning record: every answer in one place, with progress, and exports a worker can keep."""

from valued_contributors.record.model import LearningRecord, build_record, is_done

__all__ = ["LearningRecord", "build_record", "is_done"]
