"""Tools for facilitators: World Café seating, Open Space agenda walls and team profiles.

Each tool reads plain input (a number, a list, a CSV file or a folder), returns a plain object,
and has a printable HTML page and a Markdown version. Nothing is sent anywhere.
"""

from valued_contributors.facilitation.contribution import make_contribution
from valued_contributors.facilitation.errors import FacilitationError
from valued_contributors.facilitation.openspace import Topic, build, clashes
from valued_contributors.facilitation.people import Person, participants
from valued_contributors.facilitation.team import team_profile
from valued_contributors.facilitation.worldcafe import lower_bound, plan, repeat_meetings

__all__ = [
    "FacilitationError",
    "Person",
    "Topic",
    "build",
    "clashes",
    "lower_bound",
    "make_contribution",
    "participants",
    "plan",
    "repeat_meetings",
    "team_profile",
]
