"""Reading the facilitator kit's roster (CSV: id,name,institution,email), for the hub's set-up.

Uses the kit's reader, `course.facilitator.roster.read_rows`, when it is installed; otherwise this minimal
reader, which accepts the same format: a header row, then one participant a row; `id` is lowercase letters, digits and
hyphens and is unique; `email` may be left out or empty."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

ID = re.compile(r"[a-z0-9][a-z0-9-]*$")
COLUMNS = ("id", "name", "institution")


class RosterError(ValueError):
    pass


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    institution: str
    email: str = ""


def read_roster(path: Path) -> list[Participant]:
    """The kit's reader (course.facilitator.roster.read_rows) when it is there, else the minimal one here."""
    try:
        from course.facilitator.roster import read_rows
        from course.facilitator.common import ClassError
    except ImportError:
        return _read(Path(path))
    try:
        rows = read_rows(Path(path))
    except ClassError as exc:
        raise RosterError(str(exc)) from None
    return [Participant(r["id"], r["name"], r.get("institution", ""), r.get("email", "")) for r in rows]


def _read(path: Path) -> list[Participant]:
    where = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"{where}: cannot read: {exc}") from None
    rows = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (rows.fieldnames or [])]
    if missing:
        raise RosterError(f"{where}:1: missing column(s) {', '.join(missing)} (expected id,name,institution,email)")
    out, seen = [], set()
    for line, row in enumerate(rows, start=2):
        pid = (row.get("id") or "").strip()
        if not ID.match(pid):
            raise RosterError(f"{where}:{line}: id {pid!r} must be lowercase letters, digits and hyphens")
        if pid in seen:
            raise RosterError(f"{where}:{line}: id {pid!r} appears twice")
        seen.add(pid)
        name = (row.get("name") or "").strip()
        if not name:
            raise RosterError(f"{where}:{line}: name is empty")
        out.append(Participant(pid, name, (row.get("institution") or "").strip(), (row.get("email") or "").strip()))
    if not out:
        raise RosterError(f"{where}: no participants")
    return out
