"""The course content: activities loaded from data files and validated against a schema."""

from valued_contributors.content.loader import ContentError, load_course, load_section
from valued_contributors.content.model import (
    Activity,
    Check,
    Confidence,
    Course,
    Option,
    Question,
    Reflection,
    Scenario,
    Section,
    Statement,
)

__all__ = [
    "Activity",
    "Check",
    "Confidence",
    "ContentError",
    "Course",
    "Option",
    "Question",
    "Reflection",
    "Scenario",
    "Section",
    "Statement",
    "load_course",
    "load_section",
]
