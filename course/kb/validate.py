"""Check the knowledge base against data/datapackage.json and report every problem as FILE:ROW:COLUMN.

The rules live in the Data Package schema and Frictionless applies them. This module only adds what the
schema language cannot say by itself: references inside `;`-lists, stages whose paths and anchors belong to
their own cycle, and warnings about figures that have grown old. ROW is the line number in the file
(line 1 is the header); `-` stands where a problem concerns a whole file or a whole row.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

DEFAULT_STALE_MONTHS = 24


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{row}:{self.column or '-'}: {prefix}{self.message}"


class DataError(UserError):
    """The knowledge base is not valid. `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"the knowledge base has {len(errors)} problem(s):\n{lines}{more}")


def read_descriptor(data_dir: Path) -> tuple[dict | None, list[Problem]]:
    path = data_dir / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return None, [Problem("datapackage.json", None, None, f"no datapackage.json in {data_dir}")]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem("datapackage.json", getattr(exc, "lineno", None), None, f"not valid JSON: {exc}")]


def _first_bad_line(raw: bytes, exc: UnicodeDecodeError) -> int:
    return raw[: exc.start].count(b"\n") + 1


def _read_files(data_dir: Path, descriptor: dict) -> tuple[dict[str, list[dict]], list[Problem]]:
    """Read each table as text rows, catching what would stop Frictionless from reading it at all."""
    tables, problems = {}, []
    for resource in descriptor["resources"]:
        name = resource["path"]
        path = data_dir / name
        if not path.is_file():
            problems.append(Problem(name, None, None, "file is missing"))
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, _first_bad_line(raw, exc), None,
                                    f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"))
            continue
        tables[name] = list(csv.DictReader(text.lstrip("\ufeff").splitlines()))
    return tables, problems


def _frictionless_problems(data_dir: Path, descriptor: dict, readable: set[str]) -> list[Problem]:
    import frictionless  # imported here: it is slow to import and only validation needs it

    resources = [r for r in descriptor["resources"] if r["path"] in readable]
    # Foreign keys to unreadable tables would only repeat the problem already reported for them.
    for r in resources:
        r["schema"]["foreignKeys"] = [fk for fk in r["schema"].get("foreignKeys", [])
                                      if fk["reference"]["resource"] in {x["name"] for x in resources}]
    package = frictionless.Package({**descriptor, "resources": resources}, basepath=str(data_dir))
    report = package.validate()
    problems = []
    for task in report.tasks:
        file = Path(task.place).name if task.place else task.name
        for error in task.errors:
            problems.append(_describe(file, error))
    return problems


def _describe(file: str, error) -> Problem:
    """Turn a Frictionless error into a sentence a data editor can act on."""
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    note = getattr(error, "note", "")
    kind = error.type
    if kind == "missing-label":
        return Problem(file, 1, column, "column is missing from the header")
    if kind == "extra-label":
        return Problem(file, 1, getattr(error, "label", None), "column is not in the schema")
    if kind in ("incorrect-label", "duplicate-label", "blank-label"):
        return Problem(file, 1, getattr(error, "label", None) or column, f"bad header: {note or error.title}")
    if kind == "extra-cell":
        return Problem(file, row, None, "row has more values than the header has columns (a stray comma?)")
    if kind == "missing-cell":
        return Problem(file, row, column, "row ends before this column (too few values)")
    if kind == "blank-row":
        return Problem(file, row, None, "row is blank")
    if kind == "type-error":
        return Problem(file, row, column, f"{cell!r} is not a valid {note.split('/')[0].replace('type is ', '').strip(chr(34))}")
    if kind == "constraint-error":
        if "required" in note:
            return Problem(file, row, column, "a value is required here")
        if "enum" in note or "in" in note and "constraint" in note:
            return Problem(file, row, column, f"{cell!r} is not allowed: {note}")
        return Problem(file, row, column, f"{cell!r} breaks a rule: {note}")
    if kind in ("unique-error", "primary-key"):
        id_ = cell if cell is not None else (getattr(error, "cells", None) or ["?"])[0]
        return Problem(file, row, column or "id", f"duplicate id {id_!r}: {note}")
    if kind == "foreign-key":
        values = getattr(error, "cells", None) or [cell]
        names = getattr(error, "field_names", None) or [column]
        return Problem(file, row, names[0], f"unknown id {values[0]!r}: {note}")
    if kind in ("encoding-error", "scheme-error", "source-error", "format-error"):
        return Problem(file, None, None, note or error.message)
    return Problem(file, row, column, error.message)


def _list_problems(descriptor: dict, tables: dict[str, list[dict]]) -> list[Problem]:
    """Check ;-separated lists whose items must be ids of another table (Frictionless cannot)."""
    ids = {r["name"]: {row.get("id") for row in tables.get(r["path"], [])} for r in descriptor["resources"]}
    problems = []
    for resource in descriptor["resources"]:
        rows = tables.get(resource["path"])
        if rows is None:
            continue
        for field in resource["schema"]["fields"]:
            target = field.get("x-references", {}).get("resource")
            if field.get("type") != "list" or target is None or resource_path(descriptor, target) not in tables:
                continue
            for line, row in enumerate(rows, start=2):
                cell = row.get(field["name"]) or ""
                for item in filter(None, cell.split(";")):
                    if item != item.strip():
                        problems.append(Problem(resource["path"], line, field["name"],
                                                f"{item!r}: no spaces around ';' in a list"))
                    elif item not in ids[target]:
                        problems.append(Problem(resource["path"], line, field["name"],
                                                f"unknown id {item!r}: no such id in {target}.csv"))
    return problems


def resource_path(descriptor: dict, name: str) -> str | None:
    return next((r["path"] for r in descriptor["resources"] if r["name"] == name), None)


def _cycle_problems(tables: dict[str, list[dict]]) -> list[Problem]:
    """A stage may only use the paths and anchors of its own cycle."""
    if not {"stages.csv", "paths.csv", "anchors.csv"} <= tables.keys():
        return []
    path_cycle = {r["id"]: r["cycle_id"] for r in tables["paths.csv"]}
    anchor_cycle = {r["id"]: r["cycle_id"] for r in tables["anchors.csv"]}
    problems = []
    for line, stage in enumerate(tables["stages.csv"], start=2):
        cycle = stage.get("cycle_id")
        for path in filter(None, (stage.get("path_ids") or "").split(";")):
            if path in path_cycle and path_cycle[path] != cycle:
                problems.append(Problem("stages.csv", line, "path_ids",
                                        f"path {path!r} belongs to cycle {path_cycle[path]!r}, not {cycle!r}"))
        anchor = stage.get("anchor_id")
        if anchor in anchor_cycle and anchor_cycle[anchor] != cycle:
            problems.append(Problem("stages.csv", line, "anchor_id",
                                    f"anchor {anchor!r} belongs to cycle {anchor_cycle[anchor]!r}, not {cycle!r}"))
    return problems


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def _stale_warnings(tables: dict[str, list[dict]], stale_months: int, today: dt.date) -> list[Problem]:
    warnings = []
    for line, row in enumerate(tables.get("figures.csv", []), start=2):
        try:
            as_of = dt.date.fromisoformat(row.get("as_of") or "")
        except ValueError:
            continue  # the schema check reports a bad date
        age = _months_between(as_of, today)
        if age > stale_months:
            warnings.append(Problem("figures.csv", line, "as_of",
                                    f"figure {row.get('id')!r} is {age} months old (as of {as_of}); check it again",
                                    severity="warning"))
    return warnings


def validate(data_dir: Path, stale_months: int = DEFAULT_STALE_MONTHS,
             today: dt.date | None = None) -> list[Problem]:
    """Every problem in the tables under data_dir, errors and warnings, in file and row order."""
    data_dir = Path(data_dir)
    descriptor, problems = read_descriptor(data_dir)
    if descriptor is None:
        return problems
    tables, problems = _read_files(data_dir, descriptor)
    problems += _frictionless_problems(data_dir, json.loads(json.dumps(descriptor)), set(tables))
    problems += _list_problems(descriptor, tables)
    problems += _source_problems(descriptor)
    problems += _cycle_problems(tables)
    problems += _stale_warnings(tables, stale_months, today or dt.date.today())
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


SOURCE_COLUMNS = ("source_id", "source_ids")


def _source_problems(descriptor: dict) -> list[Problem]:
    """Every table cites its sources in a column of its own, unless its descriptor says why it need not: the
    course's own invention (`"fiction": true`, the case file and its tasks) or its own structure
    (`"x-no-sources"`, with the reason). Fiction cites nothing, so a fiction table has no source column."""
    problems = []
    for resource in descriptor["resources"]:
        if resource["name"] == "sources":
            continue
        columns = {f["name"] for f in resource["schema"]["fields"]}
        cites = bool(columns & set(SOURCE_COLUMNS))
        fiction = resource.get("fiction", False)
        if fiction not in (True, False):
            problems.append(Problem(resource["path"], None, None, "\"fiction\" must be true or false"))
        elif fiction and cites:
            problems.append(Problem(resource["path"], None, None,
                                    "a fiction table cites no sources: drop its source column or its \"fiction\" mark"))
        elif not fiction and not cites and not resource.get("x-no-sources"):
            problems.append(Problem(resource["path"], None, None,
                                    "no source column (source_id or source_ids): every row of fact needs a source; "
                                    "mark the table \"fiction\": true only if the course invented it"))
    return problems
