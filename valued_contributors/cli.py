"""The ``valued-contributors`` command: see, export, import and delete your answers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from valued_contributors.content import ContentError, load_course
from valued_contributors.content.compiled import cache_dir, course
from valued_contributors.core import files
from valued_contributors.core.text import printable
from valued_contributors.formats import FormatError
from valued_contributors.formats import answers as answers_file
from valued_contributors.journal import ENV_VAR, Journal, JournalError, data_dir, journal_path

shown = files.shown


def _where(args: argparse.Namespace) -> int:
    path = journal_path()
    print(f"Your answers are kept in: {shown(path)}")
    print(f"To keep them somewhere else, set the environment variable {ENV_VAR} to a folder.")
    print(
        f"A copy of the course's own text (none of your answers) is kept in: {shown(cache_dir())}"
    )
    return 0


def _open() -> Journal:
    """The learner's journal; says so on stderr if a damaged file had to be moved aside."""
    journal = Journal()
    if journal.notice:
        print(printable(journal.notice), file=sys.stderr)
    return journal


def _export(args: argparse.Namespace) -> int:
    from valued_contributors.record.export import FORMATS, export

    description, example = FORMATS[args.format]
    output = args.output
    if output is None and args.format == "docx":
        output = example
    to_screen = output in (None, "-")
    if to_screen and args.format == "docx" and sys.stdout.isatty():
        raise files.FileProblem(
            f"A Word document cannot be shown on the screen; add -o {example} to save it to a "
            "file.",
            "cannot be shown on the screen",
        )
    if not to_screen:
        files.refuse_protected(output, [data_dir()], [])
    with _open() as journal:
        content = export(journal, args.format, args.name, args.role)
    if to_screen:
        files.write_stdout(content)
    else:
        files.write_bytes(output, content, example)
        print(f"Saved {description} to {shown(output)}.", file=sys.stderr)
    return 0


def _progress(args: argparse.Namespace) -> int:
    from valued_contributors.record import build_record

    with _open() as journal:
        record = build_record(course(), journal.answers())
    for section in record.sections:
        print(f"{section.section.title}: {section.progress}")
    print(f"Whole course: {record.done} of {record.total} activities done.")
    if record.complete:
        print("You have done every activity. Well done!")
    return 0


def _import(args: argparse.Namespace) -> int:
    answers = answers_file.read_file(Path(args.file))
    known = course().activities
    with _open() as journal:
        added = journal.merge(answers)
    unknown = sorted({a.activity for a in answers} - set(known))
    print(
        f"Imported {added} new answer version{'s' if added != 1 else ''} from {shown(args.file)}."
    )
    if answers.mended:
        print(
            f"{answers.mended} broken character{'s' if answers.mended != 1 else ''} (half of an "
            "emoji or another symbol, which cannot be stored) "
            f"{'were' if answers.mended != 1 else 'was'} replaced by the sign \ufffd; the rest "
            "of the text is as it was."
        )
    if not added and answers:
        print("Everything in this file was already in your journal, so nothing changed.")
    if unknown:
        print(
            f"{len(unknown)} of the answers are for activities this version of the course does "
            f"not have ({', '.join(unknown)}); they were kept, not shown."
        )
    return 0


def _forget(args: argparse.Namespace) -> int:
    path = journal_path()
    if not args.yes:
        reply = input(
            f"Delete every answer in {shown(path)}? This cannot be undone. Type yes to go on: "
        )
        if reply.strip().lower() not in {"yes", "y"}:
            print("Nothing was deleted.")
            return 1
    with Journal(path) as journal:
        deleted = journal.forget()
    print(
        f"Deleted {deleted} saved answer version{'s' if deleted != 1 else ''} from {shown(path)}."
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    if args.folder and not Path(args.folder).is_dir():
        raise files.FileProblem(
            f"There is no folder at {shown(args.folder)}; give the folder that holds the "
            "activity files (*.yaml).",
            "is not a folder",
        )
    course = load_course(Path(args.folder) if args.folder else None)
    count = len(course.activities)
    print(f"All {len(course.sections)} activity files are valid ({count} activities).")
    return 0


def _readability(args: argparse.Namespace) -> int:
    from valued_contributors import readability

    return readability.main(Path(args.root))


def parser() -> argparse.ArgumentParser:
    """The command line: every command, its options and its help."""
    top = argparse.ArgumentParser(
        prog="valued-contributors",
        description="Your answers to the Valued Contributors course (where they are kept, "
        "progress, export, import and delete) and tools for facilitators.",
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("where", help="show where your answers are kept").set_defaults(run=_where)
    export = commands.add_parser(
        "export", help="export your learning record (md, html, docx) or every answer (json)"
    )
    export.add_argument(
        "--format",
        choices=["json", "md", "html", "docx"],
        default="json",
        help="json: every answer, to import elsewhere; md, html, docx: your learning record",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: screen)")
    export.add_argument("--name", default="", help="your name on the record (optional)")
    export.add_argument("--role", default="", help="your role on the record (optional)")
    export.set_defaults(run=_export)
    imp = commands.add_parser("import", help="add answers from a book or journal export")
    imp.add_argument("file", metavar="FILE", help="a file made by 'Export my answers' or export")
    imp.set_defaults(run=_import)
    commands.add_parser("progress", help="show how many activities you have done").set_defaults(
        run=_progress
    )
    forget = commands.add_parser("forget", help="delete every answer you have saved")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    forget.set_defaults(run=_forget)
    check = commands.add_parser("check", help="validate the course's activity files")
    check.add_argument("folder", nargs="?", help="folder of activity files (default: the course's)")
    check.set_defaults(run=_check)
    from valued_contributors.facilitation.cli import add_commands

    add_commands(commands)
    readable = commands.add_parser("readability", help="report how easy each page is to read")
    readable.add_argument("root", nargs="?", default=".", help="the course folder (default: .)")
    readable.set_defaults(run=_readability)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; a problem is one sentence on standard error and exit status 2."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except (FormatError, files.FileProblem, JournalError, ContentError) as error:
        print(f"valued-contributors: {printable(error)}", file=sys.stderr)
        return 2
    except OSError as error:
        words = (error.strerror or str(error)).lower()
        where = f" ({shown(error.filename)})" if error.filename else ""
        print(
            f"valued-contributors: a file could not be used{where}: {words}; check the file "
            "and the folder, and try again.",
            file=sys.stderr,
        )
        return 2
    except (KeyboardInterrupt, EOFError):
        print("\nStopped; nothing was changed.", file=sys.stderr)
        return 130
