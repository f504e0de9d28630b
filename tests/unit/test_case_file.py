"""The fictional case file: validated as fiction, never naming a real State, shown with its fiction label."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from course.kb import load
from course.kb.validate import validate
from course.paths import DATA_DIR

CASE_TABLES = ["case_profile", "case_themes", "case_findings", "case_recommendations", "case_events",
               "case_regions", "tasks"]
REAL_STATES = [line.strip() for line in (Path(__file__).parent / "real_state_names.txt").read_text("utf-8").splitlines()
               if line.strip() and not line.startswith("#")]


def real_states_in(text: str) -> list[str]:
    return [name for name in REAL_STATES if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)]


def test_the_list_of_real_states_is_complete_enough():
    # 193 members and 2 observers, plus common short forms
    assert len(REAL_STATES) >= 195 and "Holy See" in REAL_STATES and "State of Palestine" in REAL_STATES


def test_the_check_finds_a_real_state():
    assert real_states_in("The NPM of Norway visited") == ["Norway"]
    assert real_states_in("Nigerian") == [] and real_states_in("Port Ardel") == []


@pytest.mark.parametrize("table", CASE_TABLES)
def test_case_tables_name_no_real_state(table):
    found = {}
    for row in load()[table].astype(str).to_dict("records"):
        for column, cell in row.items():
            names = real_states_in(cell)
            if names:
                found[f"{row['id']}.{column}"] = names
    assert not found, f"{table} names real States: {found}"


def test_case_tables_are_marked_fiction_and_cite_nothing():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] in CASE_TABLES:
            fields = {f["name"] for f in resource["schema"]["fields"]}
            assert resource.get("fiction") is True, resource["name"]
            assert not fields & {"source_id", "source_ids"}, resource["name"]


def copy_data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_descriptor(data_dir: Path, edit) -> None:
    path = data_dir / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit({r["name"]: r for r in descriptor["resources"]})
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def messages(data_dir: Path, file: str) -> list[str]:
    return [p.message for p in validate(data_dir) if p.severity == "error" and p.file == file]


def test_a_table_without_sources_needs_the_fiction_mark(tmp_path):
    data_dir = copy_data(tmp_path)
    edit_descriptor(data_dir, lambda r: r["case_findings"].pop("fiction"))
    assert any("no source column" in m for m in messages(data_dir, "case_findings.csv"))


def test_a_fiction_table_may_not_cite_sources(tmp_path):
    data_dir = copy_data(tmp_path)
    edit_descriptor(data_dir, lambda r: r["figures"].__setitem__("fiction", True))
    assert any("fiction table cites no sources" in m for m in messages(data_dir, "figures.csv"))


def test_every_variant_is_there():
    assert set(load()["case_regions"]["id"]) == {"european", "inter_american", "african", "none"}


def test_the_case_covers_what_the_tasks_need():
    kb = load()
    assert 4 <= len(kb["case_themes"]) <= 6
    assert {"ignored", "rejected"} <= set(kb["case_recommendations"]["status"])
    events = " ".join(kb["case_events"]["event_en"])
    for needed in ["list of issues prior to reporting", "UPR", "Special Rapporteur", "disciplinary cell"]:
        assert needed in events, needed
