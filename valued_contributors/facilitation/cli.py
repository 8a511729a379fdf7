"""The facilitator commands: ``worldcafe``, ``openspace`` and ``team-profile``.

``add_commands(commands)`` adds them to the ``valued-contributors`` command's subparsers.
Each prints Markdown to the screen, or writes HTML or Markdown to the file given with -o.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from valued_contributors.core import files
from valued_contributors.core.text import printable
from valued_contributors.facilitation import (
    openspace,
    openspace_report,
    team,
    team_report,
    worldcafe,
    worldcafe_report,
)
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.facilitation.page import Report
from valued_contributors.facilitation.people import participants
from valued_contributors.journal import data_dir

MARKDOWN_SUFFIXES = {".md", ".markdown", ".txt"}
TABLE_SIZE = 5


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output in (None, "-"):
        return "markdown"
    return "markdown" if Path(args.output).suffix.lower() in MARKDOWN_SUFFIXES else "html"


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The files a command reads, which its output must never overwrite."""
    named = [getattr(args, name, None) for name in ("people", "topics")]
    inputs = [Path(p) for p in named if p and not str(p).strip().isdigit()]
    folder = getattr(args, "folder", None)
    if folder and Path(folder).is_dir():
        inputs += [p for p in Path(folder).iterdir() if p.suffix.lower() == ".json"]
    return inputs


def _deliver(args: argparse.Namespace, report: Report, what: str) -> None:
    """Write the page to the screen or to the file the user asked for; never over the files
    it was made from or anything in the learner's data folder.
    """
    kind = _format(args)
    page = (report.page() if kind == "html" else report.markdown()).encode("utf-8")
    try:
        if args.output in (None, "-"):
            files.write_stdout(page)
            return
        files.refuse_protected(args.output, [data_dir()], _inputs(args))
        files.write_bytes(args.output, page, "plan.html" if kind == "html" else "plan.md")
    except files.FileProblem as problem:
        raise FacilitationError(str(problem)) from None
    print(f"Wrote {what} to {printable(args.output)}.", file=sys.stderr)


def _guarded(run: Callable[[argparse.Namespace], None]) -> Callable[[argparse.Namespace], int]:
    """Turn a command's FacilitationError into one line on stderr and exit code 2."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            run(args)
        except FacilitationError as error:
            print(f"valued-contributors: {printable(error)}", file=sys.stderr)
            return 2
        return 0

    guarded.__doc__ = run.__doc__
    return guarded


@_guarded
def run_worldcafe(args: argparse.Namespace) -> None:
    """Plan the seating for a World Café."""
    people = participants(args.people)
    tables = args.tables if args.tables is not None else max(2, round(len(people) / TABLE_SIZE))
    plan = worldcafe.plan(people, tables, args.rounds, seed=args.seed)
    repeats, bound = worldcafe.repeat_meetings(plan), worldcafe.lower_bound(plan).total
    _deliver(
        args,
        worldcafe_report.report(plan, args.title, args.show_roles),
        f"the seating plan ({len(people)} people, {tables} tables, {args.rounds} rounds; "
        f"{repeats} repeat meetings, lower bound {bound})",
    )


@_guarded
def run_openspace(args: argparse.Namespace) -> None:
    """Build an Open Space agenda wall."""
    topics = [openspace.parse_topic(t) for t in args.topic or []]
    if args.topics:
        topics += openspace.topics_from_csv(args.topics)
    if not topics:
        raise FacilitationError(
            "Give some topics, with --topic 'Fair rotas | Morag' or --topics topics.csv."
        )
    agenda = openspace.build(topics, args.spaces, args.slots)
    clashes, left = len(openspace.clashes(agenda)), len(agenda.unplaced)
    _deliver(
        args,
        openspace_report.report(agenda, args.title, args.theme),
        f"the agenda wall ({len(agenda.placed)} topics placed, {clashes} clashes, "
        f"{left} did not fit)",
    )


@_guarded
def run_team_profile(args: argparse.Namespace) -> None:
    """Build a team profile from a folder of contribution files."""
    profile = team.team_profile(args.folder)
    for skipped in profile.skipped:
        print(f"Skipped {printable(skipped.file)}: {skipped.reason}.", file=sys.stderr)
    _deliver(
        args,
        team_report.report(profile, args.title),
        f"the team profile ({len(profile.skipped)} files skipped)",
    )


def _outputs(command: argparse.ArgumentParser, title: str) -> None:
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE: .html to print, .md for Markdown (default: Markdown on the screen)",
    )
    command.add_argument(
        "--format", choices=["html", "markdown"], help="choose the format instead of the file name"
    )
    command.add_argument("--title", default=title, help=f"the page title (default: {title!r})")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``worldcafe``, ``openspace`` and ``team-profile`` to a subparsers object."""
    cafe = commands.add_parser(
        "worldcafe",
        help="plan World Café seating: hosts stay, everyone else moves",
        description="Plan who sits where in each round of a World Café. Each table has a host "
        "who stays; everyone else moves each round. Roles are mixed at every table and repeat "
        "meetings are kept as few as possible.",
        epilog="Example: valued-contributors worldcafe people.csv --tables 6 --rounds 3 "
        "-o plan.html. The CSV needs a 'name' column; 'role' (worker, manager, person who "
        "uses services, carer, or your own) and 'host' (yes for volunteers) are optional.",
    )
    cafe.add_argument(
        "people", metavar="PEOPLE", help="how many people are coming, or a CSV file of names"
    )
    cafe.add_argument(
        "--tables", type=int, help=f"number of tables (default: one for every {TABLE_SIZE} people)"
    )
    cafe.add_argument("--rounds", type=int, default=3, help="number of rounds (default: 3)")
    cafe.add_argument(
        "--seed", type=int, default=worldcafe.SEED, help="change it for a different plan"
    )
    cafe.add_argument(
        "--show-roles",
        action="store_true",
        help="print each person's role beside their name (for the facilitator's copy only)",
    )
    _outputs(cafe, worldcafe_report.TITLE)
    cafe.set_defaults(run=run_worldcafe)

    space = commands.add_parser(
        "openspace",
        help="build an Open Space agenda wall of time slots and spaces",
        description="Place every topic on an agenda wall of time slots and spaces, keeping "
        "each convener in one place at a time. Clashes that cannot be avoided are flagged; "
        "topics that do not fit are listed.",
        epilog="Example: valued-contributors openspace --topics topics.csv --spaces "
        "'Garden room,Library,Kitchen' --slots 2 -o wall.html. The CSV needs a 'topic' "
        "column and a 'convener' column.",
    )
    space.add_argument(
        "--topic", action="append", metavar="'TOPIC | CONVENER'", help="a topic (repeat for more)"
    )
    space.add_argument("--topics", metavar="CSV", help="a CSV file with topic and convener columns")
    space.add_argument(
        "--spaces", required=True, help="how many spaces, or their names separated by commas"
    )
    space.add_argument(
        "--slots", required=True, help="how many time slots, or their names separated by commas"
    )
    space.add_argument("--theme", help="the event's theme, printed at the top")
    _outputs(space, openspace_report.TITLE)
    space.set_defaults(run=run_openspace)

    profile = commands.add_parser(
        "team-profile",
        help="sum up a team's shared contributions, hiding groups of fewer than 5",
        description="Read a folder of contribution files (*.json) that people chose to share "
        "and sum them up: confidence before and after, shared reflections and counts. Any "
        f"group of fewer than {team.MINIMUM} is hidden. Broken files are skipped and named.",
        epilog="Example: valued-contributors team-profile contributions/ -o team.html",
    )
    profile.add_argument("folder", metavar="FOLDER", help="the folder of contribution files")
    _outputs(profile, team_report.TITLE)
    profile.set_defaults(run=run_team_profile)
