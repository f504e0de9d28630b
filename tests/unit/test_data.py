"""The query API returns what the tables say."""
from __future__ import annotations

import csv

import pytest

from course import Profile
from course.paths import DATA_DIR


def rows(table):
    with open(DATA_DIR / f"{table}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_bodies_by_kind_system_region(kb):
    raw = rows("bodies")
    assert set(kb.bodies(kind="treaty_body")["id"]) == {r["id"] for r in raw if r["kind"] == "treaty_body"}
    assert set(kb.bodies(system="coe")["id"]) == {r["id"] for r in raw if r["system"] == "coe"}
    both = kb.bodies(system=["oas", "au"], region="americas")
    assert set(both["id"]) == {r["id"] for r in raw if r["system"] in ("oas", "au") and r["region"] == "americas"}


def test_every_body_the_source_text_names_is_there(kb):
    required = {"cat", "spt", "hrcttee", "cedaw", "crc", "crpd", "hrc", "upr", "special_procedures", "sr_torture",
                "wgeid", "wgad", "cpt", "cpta", "iachr", "iachr_pdl", "achpr", "ecthr", "iacthr", "afchpr", "ganhri",
                "ioi", "afcndh", "see_npm_network", "unicef", "undp", "ohchr", "mandela_rules"}
    assert required <= set(kb["bodies"]["id"])
    # The guide's "ACHPR" for the Court is the Commission's acronym: the course keeps them apart.
    assert kb.body("achpr")["kind"] == "commission" and kb.body("afchpr")["acronym_en"] == "AfCHPR"
    assert kb.body("cpta")["parent_id"] == "achpr"


def test_figures_hold_todays_values_and_say_what_changed(kb):
    coe = kb.figure("cpt", "member_states")
    assert coe["value"] == 46 and coe["guide_value"] == 47 and "Russia" in coe["change_en"]
    upr = kb.figure("upr", "cycle_years")
    assert upr["value"] == 4.5 and upr["guide_value"] == 4


def test_stages_in_order_and_by_path(kb):
    raw = [r for r in rows("stages") if r["cycle_id"] == "cat_reporting"]
    simplified = kb.stages("cat_reporting", "cat_simplified")
    expected = sorted((r for r in raw if "cat_simplified" in r["path_ids"].split(";")), key=lambda r: int(r["order"]))
    assert list(simplified["id"]) == [r["id"] for r in expected]
    assert list(simplified["order"]) == sorted(simplified["order"])
    standard = set(kb.stages("cat_reporting", "cat_standard")["id"])
    assert "cat_private_briefing" in standard & set(simplified["id"])   # shared by both paths
    assert set(simplified["id"]) != standard                              # but the paths differ
    with pytest.raises(KeyError):
        kb.stages("cat_reporting", "upr_main")


def test_every_cycle_named_in_the_issue_is_modelled(kb):
    assert {"cat_reporting", "upr", "sp_visit", "cpt_visit", "iachr_engagement"} <= set(kb["cycles"]["id"])
    assert {"cpt_periodic", "cpt_ad_hoc"} <= set(kb.paths("cpt_visit")["id"])
    assert len(kb.stages("upr")) >= 5


def test_opportunities_for_a_profile(kb):
    plenary = kb.opportunities(cycle_id="upr")
    a_only = plenary[plenary["who"] == "a_status_nhri"]
    assert not a_only.empty
    not_nhri = kb.opportunities(cycle_id="upr", profile=Profile(nhri_grade=None))
    a_status = kb.opportunities(cycle_id="upr", profile=Profile(nhri_grade="A"))
    assert set(a_only["id"]).isdisjoint(not_nhri["id"])
    assert set(a_only["id"]) <= set(a_status["id"])
    assert set(not_nhri["id"]) <= set(a_status["id"])


def test_opportunities_by_theme(kb):
    found = kb.opportunities(themes=["reprisals"])
    assert not found.empty and all("reprisals" in t for t in found["themes"])


def test_glossary_lookup_ignores_case(kb):
    assert kb.glossary("loipr")["term_en"] == "LOIPR"
    with pytest.raises(KeyError, match="not in the glossary"):
        kb.glossary("no such term")


def test_unknown_ids_raise_clear_errors(kb):
    with pytest.raises(KeyError, match="no bodies row with id 'nobody'"):
        kb.body("nobody")
    with pytest.raises(KeyError, match="no cycles row"):
        kb.stages("no_cycle")


def test_load_refuses_invalid_data(data_copy):
    from course.kb import load
    from course.kb.validate import DataError

    (data_copy / "themes.csv").write_text("id,name_en\n", encoding="utf-8")
    with pytest.raises(DataError, match="themes.csv"):
        load(data_copy)


def test_every_acronym_the_course_uses_is_in_the_glossary(kb, project_root):
    import glob
    import re

    import nbformat

    known = {t.casefold() for t in kb.glossary_entries()["term_en"]}
    not_acronyms = {"ii", "iii", "iv", "jupyterlab"}  # numerals and product names, not course terms
    missing = {}
    paths = glob.glob(str(project_root / "modules" / "*.ipynb")) + glob.glob(str(project_root / "quizzes/specs/*.yml"))
    for path in paths:
        if path.endswith(".ipynb"):
            text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        else:
            text = open(path, encoding="utf-8").read()
        text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's address (../README.md) is not prose
        for token in re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", text):
            word = token.casefold()
            if word not in known and word.removesuffix("s") not in known and word not in not_acronyms:
                missing.setdefault(token, set()).add(path.rsplit("/", 1)[-1])
    assert not missing, f"acronyms without a glossary entry: {missing}"
