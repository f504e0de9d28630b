"""The shipped data validate, and every class of bad input gets a clear FILE:ROW:COLUMN message."""
from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys

import pytest

from course.kb.validate import validate
from course.paths import DATA_DIR


def errors(data_dir, **kwargs):
    return [p for p in validate(data_dir, **kwargs) if p.severity == "error"]


def rewrite(path, edit):
    """Apply edit(rows) to a CSV (header included as rows[0]) and write it back."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def set_cell(path, row_id, column, value):
    def edit(rows):
        col = rows[0].index(column)
        for row in rows[1:]:
            if row[0] == row_id:
                row[col] = value
                return
        raise AssertionError(f"{row_id} not in {path}")
    rewrite(path, edit)


def line_of(path, row_id) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f), start=1):
            if row and row[0] == row_id:
                return n
    raise AssertionError(row_id)


def messages_at(data_dir, table, row_id, column) -> list[str]:
    """The error messages validation gives for one cell, found by its row's id."""
    line = line_of(data_dir / table, row_id)
    return [p.message for p in errors(data_dir) if (p.file, p.row, p.column) == (table, line, column)]


def test_shipped_data_is_valid():
    assert errors(DATA_DIR) == []


def test_cli_accepts_shipped_data():
    result = subprocess.run([sys.executable, "-m", "course", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_missing_file(data_copy):
    (data_copy / "stages.csv").unlink()
    problems = [str(p) for p in errors(data_copy)]
    assert "stages.csv:-:-: file is missing" in problems


def test_missing_column(data_copy):
    rewrite(data_copy / "bodies.csv", lambda rows: [r.pop(rows[0].index("seat_en")) for r in rows[::-1]])
    problems = errors(data_copy)
    assert any(p.file == "bodies.csv" and p.row == 1 and p.column == "seat_en" for p in problems), problems


def test_wrong_type(data_copy):
    set_cell(data_copy / "figures.csv", "fig_cat_experts", "value", "ten")
    messages = messages_at(data_copy, "figures.csv", "fig_cat_experts", "value")
    assert any("'ten'" in m for m in messages), messages


def test_empty_required_value(data_copy):
    set_cell(data_copy / "bodies.csv", "cat", "name_en", "")
    assert any("required" in m for m in messages_at(data_copy, "bodies.csv", "cat", "name_en"))


def test_duplicate_id(data_copy):
    def duplicate(rows):
        rows.append(list(rows[1]))
    rewrite(data_copy / "themes.csv", duplicate)
    problems = errors(data_copy)
    assert any(p.file == "themes.csv" and p.column == "id" and "duplicate id" in p.message for p in problems), problems


@pytest.mark.parametrize("table,row_id,column,value", [
    ("stages.csv", "cat_dialogue", "cycle_id", "no_such_cycle"),          # a stage of an unknown cycle
    ("opportunities.csv", None, "stage_id", "no_such_stage"),              # an opportunity at an unknown stage
    ("figures.csv", "fig_cat_experts", "source_id", "no_such_source"),     # an unknown source
    ("bodies.csv", "cat", "source_ids", "uncat_text;no_such_source"),      # an unknown source inside a list
    ("stages.csv", "cat_dialogue", "path_ids", "cat_standard;no_such_path"),
])
def test_unknown_reference(data_copy, table, row_id, column, value):
    path = data_copy / table
    if row_id is None:
        with open(path, encoding="utf-8") as f:
            row_id = next(csv.DictReader(f))["id"]
    set_cell(path, row_id, column, value)
    messages = messages_at(data_copy, table, row_id, column)
    assert any("unknown id" in m for m in messages), messages


def test_bad_date(data_copy):
    set_cell(data_copy / "figures.csv", "fig_cat_experts", "as_of", "2026-13-45")
    assert messages_at(data_copy, "figures.csv", "fig_cat_experts", "as_of")


def test_value_outside_allowed_set(data_copy):
    set_cell(data_copy / "bodies.csv", "cat", "kind", "spaceship")
    assert any("'spaceship'" in m for m in messages_at(data_copy, "bodies.csv", "cat", "kind"))


def test_not_utf8(data_copy):
    path = data_copy / "themes.csv"
    raw = path.read_bytes().replace("Children".encode(), "Childr\xe9n".encode("latin-1"), 1)
    path.write_bytes(raw)
    expected_line = raw[: raw.index(b"\xe9")].count(b"\n") + 1
    problems = errors(data_copy)
    assert any(p.file == "themes.csv" and p.row == expected_line and "not UTF-8" in p.message for p in problems)


def test_ragged_row(data_copy):
    def ragged(rows):
        rows[2].append("stray")
        del rows[3][-1]
    rewrite(data_copy / "themes.csv", ragged)
    problems = errors(data_copy)
    assert any(p.file == "themes.csv" and p.row == 3 and "more values" in p.message for p in problems), problems
    assert any(p.file == "themes.csv" and p.row == 4 and "too few" in p.message for p in problems), problems


def test_stage_cannot_use_another_cycles_anchor(data_copy):
    set_cell(data_copy / "stages.csv", "cat_dialogue", "anchor_id", "upr_review")
    messages = messages_at(data_copy, "stages.csv", "cat_dialogue", "anchor_id")
    assert any("belongs to cycle 'upr'" in m for m in messages), messages


def test_all_problems_are_reported_not_just_the_first(data_copy):
    set_cell(data_copy / "bodies.csv", "cat", "kind", "spaceship")
    set_cell(data_copy / "figures.csv", "fig_cat_experts", "value", "ten")
    (data_copy / "reasons.csv").unlink()
    files = {p.file for p in errors(data_copy)}
    assert {"bodies.csv", "figures.csv", "reasons.csv"} <= files


def test_stale_figures_warn_without_failing(data_copy):
    set_cell(data_copy / "figures.csv", "fig_cat_experts", "as_of", "2020-01-01")
    line = line_of(data_copy / "figures.csv", "fig_cat_experts")
    problems = validate(data_copy, stale_months=24, today=dt.date(2026, 11, 28))
    stale = [p for p in problems if p.severity == "warning" and p.row == line]
    assert stale and "months old" in stale[0].message
    assert not validate(data_copy, stale_months=1000, today=dt.date(2026, 11, 28))  # nothing else is wrong


def test_cli_reports_problems_without_traceback(data_copy):
    set_cell(data_copy / "bodies.csv", "cat", "kind", "spaceship")
    (data_copy / "paths.csv").write_bytes(b"\xff\xfe\x00broken")
    result = subprocess.run([sys.executable, "-m", "course", "validate", str(data_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("bodies.csv:") and ":kind: " in line for line in lines), lines
    assert any(line.startswith("paths.csv:1:-: not UTF-8") for line in lines), lines


def test_cli_without_datapackage(tmp_path):
    result = subprocess.run([sys.executable, "-m", "course", "validate", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 1 and "no datapackage.json" in result.stdout
    assert "Traceback" not in result.stderr


def test_every_row_cites_a_source_and_every_count_is_dated(kb):
    for table in ("bodies", "cycles", "paths", "stages", "opportunities", "reasons", "glossary"):
        empty = kb[table][kb[table]["source_ids"].apply(len) == 0]
        assert empty.empty, f"{table} rows without a source: {list(empty['id'])}"
    assert kb["figures"]["as_of"].notna().all() and kb["figures"]["source_id"].notna().all()


def test_schema_lists_every_table_file():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in descriptor["resources"]}
    assert described == {p.name for p in DATA_DIR.glob("*.csv")}
