"""Reading the facilitator kit's roster (CSV: id,name,institution,email) for the hub's set-up, through the
kit's own reader, `course.classroom.roster.read_rows`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    institution: str
    email: str = ""


def read_roster(path: Path) -> list[Participant]:
    """The participants of a roster, read and checked by the facilitator kit's reader (one place for the
    format's rules; its errors name each bad row and reach the user through course.cli)."""
    from course.classroom.roster import read_rows

    rows = read_rows(Path(path))
    return [Participant(r["id"], r["name"], r.get("institution", ""), r.get("email", "")) for r in rows]
