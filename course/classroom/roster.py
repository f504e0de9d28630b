"""The class roster: who takes part. Kept in ROOT/roster.csv (id,name,institution,email) and as students in
nbgrader's gradebook, so that collect can match returned files and the report can name people."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from .common import ClassroomError
from .gradebook import open_gradebook
from .strings import TEXT

COLUMNS = ["id", "name", "institution", "email"]
ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+$")


ALIASES = {"e-mail": "email", "mail": "email", "courriel": "email", "correo": "email"}


def suggest_id(name: str) -> str:
    """An id made from a name, as the roster needs it: `José Pérez` -> `jose-perez`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:32].strip("-")


def read_text(path: Path) -> tuple[str, str]:
    """(text, how it was read) of a CSV file as Excel or a mail program saves it.

    UTF-8 with or without a BOM is read as it is. Excel's plain "CSV" on Windows is Windows-1252, which is
    read as such when every byte makes sense in it; anything else is refused with the way to save it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ClassroomError(TEXT("ro.no_file", path=path)) from None
    except OSError as exc:
        raise ClassroomError(TEXT("ro.unreadable", path=path, why=exc.strerror)) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), TEXT("ro.utf16")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ClassroomError(TEXT("ro.encoding", path=path)) from None
    return text, TEXT("ro.cp1252")


def read_rows(path: Path) -> list[dict]:
    """The participants in a roster file, checked; ClassroomError lists every bad row by line and reason.

    Excel's ways of saving are all accepted: `;` or `,` between columns (a French or Spanish Excel uses `;`),
    UTF-8 with or without a BOM, Windows-1252."""
    path = Path(path)
    text, _ = read_text(path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",")
                                                                else ",")
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in (reader.fieldnames or [])]
    missing = [c for c in ("id", "name", "institution") if c not in header]
    if missing:
        hint = ""
        if "id" in missing and "name" in header:
            names = [(r.get(reader.fieldnames[header.index("name")]) or "").strip() for r in reader][:3]
            hint = TEXT("ro.suggest_ids", examples=", ".join(f"{n} -> {suggest_id(n)}" for n in names if n)) \
                if any(names) else ""
        raise ClassroomError(TEXT("ro.header", path=path, missing=", ".join(missing), hint=hint))
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ClassroomError(TEXT("ro.unknown", path=path, unknown=", ".join(unknown), columns=",".join(COLUMNS)))
    reader.fieldnames = header
    rows, problems, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if None in record:
            problems.append(TEXT("ro.cells", path=path, line=line))
            continue
        row = {c: (record.get(c) or "").strip() for c in COLUMNS}
        if not any(row.values()):
            continue
        reasons = []
        suggestion = TEXT("ro.suggested", id=suggest_id(row["name"])) if suggest_id(row["name"]) else ""
        if not row["id"]:
            reasons.append(TEXT("ro.id_empty", suggestion=suggestion))
        elif not ID.match(row["id"]):
            reasons.append(TEXT("ro.id_bad", id=row["id"], suggestion=suggestion))
        elif row["id"] in seen:
            reasons.append(TEXT("ro.id_used", id=row["id"], line=seen[row["id"]]))
        if not row["name"]:
            reasons.append(TEXT("ro.name_empty"))
        if not row["institution"]:
            reasons.append(TEXT("ro.inst_empty"))
        if row["email"] and not EMAIL.match(row["email"]):
            reasons.append(TEXT("ro.email", email=row["email"]))
        if reasons:
            problems.append(TEXT("ro.line", path=path, line=line, reasons="; ".join(reasons)))
        else:
            seen[row["id"]] = line
            rows.append(row)
    if problems:
        raise ClassroomError(TEXT("ro.bad_rows", n=len(problems)) + "\n" + "\n".join(problems))
    if not rows:
        raise ClassroomError(TEXT("ro.nobody", path=path))
    return rows


def load(root: Path) -> dict[str, dict]:
    """{id: row} of the roster kept in the course root (empty if there is none yet)."""
    path = Path(root) / "roster.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
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
    with target.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel then reads UTF-8
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(current[k] for k in sorted(current))
    return added, updated
