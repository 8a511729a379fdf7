"""Read activity files, validate them against the schema and build the course model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from valued_contributors.content.model import Activity, Course, Section
from valued_contributors.kinds import REGISTRY, Problem
from valued_contributors.kinds.base import duplicate
from valued_contributors.validation import first_problem

ACTIVITY_DIR = Path(__file__).resolve().parent.parent / "activities"


class ContentError(ValueError):
    """An activity file is broken; the message names the file, the activity and the field."""

    def __init__(self, file: str, message: str, activity: str | None = None, field: str = ""):
        self.file, self.activity, self.field = file, activity, field
        where = [file]
        if activity:
            where.append(f"activity {activity!r}")
        if field:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}")


def _check_activity(file: str, section: str, index: int, raw: Any) -> None:
    label = (
        f"{section}/{raw['id']}" if isinstance(raw, dict) and "id" in raw else f"number {index + 1}"
    )
    if not isinstance(raw, dict):
        raise ContentError(file, "must be a mapping of fields", label)
    kind = raw.get("kind")
    if kind not in REGISTRY:
        raise ContentError(file, f"must be one of {', '.join(REGISTRY)}", label, "kind")
    problem = first_problem("activities", raw, kind)
    if problem:
        raise ContentError(file, problem.message, label, problem.where)


def _build(section: str, raw: dict[str, Any]) -> Activity:
    common = {
        "id": f"{section}/{raw['id']}",
        "title": raw["title"],
        "minutes": raw["minutes"],
        "discussion": raw.get("discussion"),
    }
    activity: Activity = REGISTRY[raw["kind"]].build(common, raw)
    return activity


def _check_meaning(file: str, activity: Activity) -> None:
    """Rules the schema cannot express (unique ids, a right answer to every question…),
    each kind's own.
    """
    try:
        REGISTRY[activity.kind].check(activity)
    except Problem as problem:
        raise ContentError(file, problem.message, activity.id, problem.field) from None


MAX_FILE_BYTES = 5 * 1024 * 1024


def read_file(path: Path) -> Any:
    """The data in one activity file, parsed but not yet checked."""
    import yaml  # only when files are read; a kernel usually starts from the compiled course

    from valued_contributors.core import files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ten times faster
    try:
        data = files.read_bytes(path, MAX_FILE_BYTES, "activity file")
    except files.FileProblem as problem:
        raise ContentError(
            files.shown(path.name), f"{problem.reason}; give activity files saved on a disk."
        ) from None
    try:
        return yaml.load(data.decode("utf-8"), Loader=loader)
    except UnicodeDecodeError:
        raise ContentError(
            files.shown(path.name), "is not text in UTF-8; save it as UTF-8"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark else ""
        raise ContentError(
            path.name, f"is not valid YAML{line}; check indentation and colons"
        ) from None


def load_section(path: Path) -> Section:
    """Load and validate one activity file; raise ContentError naming what is wrong."""
    return build_section(path.name, read_file(path))


def build_section(file: str, raw: Any, validate: bool = True) -> Section:
    """One section from a file's data; ``validate=False`` trusts data validated before."""
    if not isinstance(raw, dict):
        raise ContentError(file, "must start with section:, title: and activities:")
    for key in ("section", "title", "activities"):
        if key not in raw:
            raise ContentError(file, "is missing", field=key)
    problem = first_problem("activities", raw, "section") if validate else None
    if problem:
        raise ContentError(file, problem.message, field=problem.where)
    section = raw["section"]
    activities = []
    for index, item in enumerate(raw["activities"]):
        if validate:
            _check_activity(file, section, index, item)
        activity = _build(section, item)
        _check_meaning(file, activity)
        activities.append(activity)
    if twice := duplicate(a.id for a in activities):
        raise ContentError(file, "this id is defined twice", twice, "id")
    supports = {k: tuple(v) for k, v in raw.get("supports", {}).items()}
    return Section(section, raw["title"], file, tuple(activities), supports)


def _link(sections: list[Section]) -> list[Section]:
    """Complete each activity from the rest of the course (a repeated scale takes the
    statements of the scale it repeats), by its kind's rule.
    """
    by_id = {a.id: a for s in sections for a in s.activities}
    linked = []
    for section in sections:
        activities = []
        for activity in section.activities:
            try:
                activities.append(REGISTRY[activity.kind].link(activity, by_id))
            except Problem as problem:
                raise ContentError(
                    section.source, problem.message, activity.id, problem.field
                ) from None
        linked.append(section._replace(activities=tuple(activities)))
    return linked


def _course_rules(sections: list[Section]) -> None:
    """Rules over all the activities of one kind in a course (one final assessment)."""
    sources = {a.id: s.source for s in sections for a in s.activities}
    for name, kind in REGISTRY.items():
        try:
            kind.course_rule([a for s in sections for a in s.activities if a.kind == name])
        except Problem as problem:
            source = sources[problem.activity] if problem.activity else sections[0].source
            raise ContentError(source, problem.message, problem.activity, problem.field) from None


def activity_files(directory: Path | None = None) -> list[Path]:
    """The activity files of a folder (the course's own by default), in the order they load."""
    return sorted((directory or ACTIVITY_DIR).glob("*.yaml"))


def build_course(sections: list[Section]) -> Course:
    """The course from its sections: section ids must differ; repeated scales are filled in."""
    seen: dict[str, str] = {}
    for section in sections:
        if section.id in seen:
            raise ContentError(
                section.source, f"section {section.id!r} is also used by {seen[section.id]}"
            )
        seen[section.id] = section.source
    _course_rules(sections)
    return Course(tuple(_link(sections)))


def load_course(directory: Path | None = None) -> Course:
    """Load and validate every activity file in a folder (the course's own by default)."""
    return build_course([load_section(p) for p in activity_files(directory)])
