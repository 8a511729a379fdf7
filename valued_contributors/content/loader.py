"""Read activity files, validate them against the schema and build the course model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
from valued_contributors.validation import first_problem

ACTIVITY_DIR = Path(__file__).resolve().parent.parent / "activities"
KINDS = ("reflection", "confidence", "check", "scenario")


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
    if kind not in KINDS:
        raise ContentError(file, f"must be one of {', '.join(KINDS)}", label, "kind")
    problem = first_problem("activities", raw, kind)
    if problem:
        raise ContentError(file, problem.message, label, problem.where)


def _options(raw: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(
        Option(
            id=o["id"],
            text=o["text"],
            feedback=o["feedback"],
            correct=o.get("correct", False),
            best=o.get("best", False),
        )
        for o in raw
    )


def _build(section: str, raw: dict[str, Any]) -> Activity:
    common = {
        "id": f"{section}/{raw['id']}",
        "title": raw["title"],
        "minutes": raw["minutes"],
        "discussion": raw.get("discussion"),
    }
    kind = raw["kind"]
    if kind == "reflection":
        return Reflection(**common, prompt=raw["prompt"], guidance=raw.get("guidance"))
    if kind == "confidence":
        statements = tuple(Statement(s["id"], s["text"]) for s in raw.get("statements", []))
        return Confidence(
            **common, prompt=raw.get("prompt"), statements=statements, repeats=raw.get("repeats")
        )
    if kind == "check":
        questions = tuple(
            Question(q["id"], q["text"], _options(q["options"]), q.get("multiple", False))
            for q in raw["questions"]
        )
        return Check(
            **common,
            questions=questions,
            assessment=raw.get("assessment"),
            pass_mark=raw.get("pass_mark"),
        )
    return Scenario(
        **common,
        situation=raw["situation"],
        question=raw["question"],
        choices=_options(raw["choices"]),
    )


def _duplicates(ids: list[str]) -> str | None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            return item
        seen.add(item)
    return None


def _check_meaning(file: str, activity: Activity) -> None:
    """Rules the schema cannot express: unique option ids and a right answer to every question."""
    if isinstance(activity, Check):
        if (activity.assessment is None) != (activity.pass_mark is None):
            raise ContentError(
                file,
                "a final assessment needs both assessment: final and a pass_mark",
                activity.id,
                "pass_mark" if activity.assessment else "assessment",
            )
        if twice := _duplicates([q.id for q in activity.questions]):
            raise ContentError(
                file, f"question id {twice!r} is used twice", activity.id, "questions"
            )
        for n, q in enumerate(activity.questions):
            field = f"questions.{n}.options"
            if twice := _duplicates([o.id for o in q.options]):
                raise ContentError(file, f"option id {twice!r} is used twice", activity.id, field)
            right = len(q.correct_ids)
            if right == 0:
                raise ContentError(file, "no option is marked correct: true", activity.id, field)
            if right > 1 and not q.multiple:
                raise ContentError(
                    file,
                    "more than one option is correct; add multiple: true to the question",
                    activity.id,
                    field,
                )
    if isinstance(activity, Scenario):
        if twice := _duplicates([c.id for c in activity.choices]):
            raise ContentError(file, f"choice id {twice!r} is used twice", activity.id, "choices")
    if isinstance(activity, Confidence):
        if bool(activity.statements) == bool(activity.repeats):
            raise ContentError(
                file,
                "give either a list of statements or repeats: naming an earlier scale",
                activity.id,
                "statements",
            )
        if twice := _duplicates([s.id for s in activity.statements]):
            raise ContentError(
                file, f"statement id {twice!r} is used twice", activity.id, "statements"
            )


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
    if twice := _duplicates([a.id for a in activities]):
        raise ContentError(file, "this id is defined twice", twice, "id")
    supports = {k: tuple(v) for k, v in raw.get("supports", {}).items()}
    return Section(section, raw["title"], file, tuple(activities), supports)


def _resolve_repeats(sections: list[Section]) -> list[Section]:
    """Give a repeated confidence scale the statements of the scale it repeats."""
    by_id = {a.id: a for s in sections for a in s.activities}
    resolved = []
    for section in sections:
        activities = []
        for activity in section.activities:
            if isinstance(activity, Confidence) and activity.repeats:
                original = by_id.get(activity.repeats)
                if not isinstance(original, Confidence) or original.repeats:
                    raise ContentError(
                        section.source,
                        f"must name a confidence scale with its own statements, "
                        f"not {activity.repeats!r}",
                        activity.id,
                        "repeats",
                    )
                activity = activity._replace(
                    prompt=activity.prompt or original.prompt, statements=original.statements
                )
            activities.append(activity)
        resolved.append(
            Section(section.id, section.title, section.source, tuple(activities), section.supports)
        )
    return resolved


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
    finals = [
        (s.source, a)
        for s in sections
        for a in s.activities
        if isinstance(a, Check) and a.assessment
    ]
    if len(finals) > 1:
        (_, first), (source, second) = finals[:2]
        raise ContentError(
            source,
            f"only one check can be the final assessment, but {first.id} and "
            f"{second.id} both say assessment: final",
            second.id,
            "assessment",
        )
    return Course(tuple(_resolve_repeats(sections)))


def load_course(directory: Path | None = None) -> Course:
    """Load and validate every activity file in a folder (the course's own by default)."""
    return build_course([load_section(p) for p in activity_files(directory)])
