"""Reading the facilitator kit's roster (CSV: id,name,institution,email) for the hub's set-up, through the
kit's own reader, `course.facilitator.roster.read_rows`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class RosterError(ValueError):
    pass


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    institution: str
    email: str = ""


def read_roster(path: Path) -> list[Participant]:
    """The participants of a roster, read and checked by the facilitator kit's reader (one place for the
    format's rules)."""
    from course.facilitator.common import ClassError
    from course.facilitator.roster import read_rows

    try:
        rows = read_rows(Path(path))
    except ClassError as exc:
        raise RosterError(str(exc)) from None
    return [Participant(r["id"], r["name"], r.get("institution", ""), r.get("email", "")) for r in rows]
