"""The class roster: who takes part. Kept in ROOT/roster.csv (id,name,institution,email) and as students in
nbgrader's gradebook, so that collect can match returned files and the report can name people."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .common import ClassroomError
from .gradebook import open_gradebook

COLUMNS = ["id", "name", "institution", "email"]
ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+$")


def read_rows(path: Path) -> list[dict]:
    """The participants in a roster file, checked; ClassroomError lists every bad row by line and reason."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClassroomError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClassroomError(f"{path}: cannot read it as UTF-8 text ({exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("id", "name", "institution") if c not in header]
    if missing:
        raise ClassroomError(f"{path}:1: the header must name the columns id,name,institution (email is optional); "
                         f"missing: {', '.join(missing)}")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ClassroomError(f"{path}:1: unknown column(s) {', '.join(unknown)} (the columns are {','.join(COLUMNS)})")
    reader.fieldnames = header
    rows, problems, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if None in record:
            problems.append(f"{path}:{line}: more cells than columns (a comma inside a name needs quotes)")
            continue
        row = {c: (record.get(c) or "").strip() for c in COLUMNS}
        if not any(row.values()):
            continue
        reasons = []
        if not row["id"]:
            reasons.append("the id is empty")
        elif not ID.match(row["id"]):
            reasons.append(f"the id {row['id']!r} must be lowercase letters, digits and hyphens (not at either end), "
                           "at most 32 characters, e.g. 'ana-silva'")
        elif row["id"] in seen:
            reasons.append(f"the id {row['id']!r} is already used on line {seen[row['id']]}")
        if not row["name"]:
            reasons.append("the name is empty")
        if not row["institution"]:
            reasons.append("the institution is empty")
        if row["email"] and not EMAIL.match(row["email"]):
            reasons.append(f"{row['email']!r} is not an e-mail address")
        if reasons:
            problems.append(f"{path}:{line}: {'; '.join(reasons)}")
        else:
            seen[row["id"]] = line
            rows.append(row)
    if problems:
        raise ClassroomError(f"{len(problems)} bad row(s); nobody was added:\n" + "\n".join(problems))
    if not rows:
        raise ClassroomError(f"{path}: no participants in it")
    return rows


def load(root: Path) -> dict[str, dict]:
    """{id: row} of the roster kept in the course root (empty if there is none yet)."""
    path = Path(root) / "roster.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def add(root: Path, source: Path) -> tuple[list[str], list[str]]:
    """Add (or update) the participants in source; returns (added ids, updated ids)."""
    rows = read_rows(source)
    current = load(root)
    added = [r["id"] for r in rows if r["id"] not in current]
    updated = [r["id"] for r in rows if r["id"] in current]
    current.update({r["id"]: r for r in rows})
    with open_gradebook(root) as gb:
        for row in rows:
            gb.update_or_create_student(row["id"], first_name=row["name"], last_name="",
                                        email=row["email"] or None)
    target = Path(root) / "roster.csv"
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(current[k] for k in sorted(current))
    return added, updated
