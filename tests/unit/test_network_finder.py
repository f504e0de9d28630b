"""The network finder: which networks an NPM could join, by kind of institution and region, in both modes."""
from __future__ import annotations

import pytest

from course.widgets import network_finder as nf
from dev.views_check import read_switch


def ids(kb, institution, region):
    return list(nf.networks_for(kb, institution, region)["network_id"])


def test_every_rule_names_a_network_of_the_module(kb):
    rules = kb["network_eligibility"]
    assert set(rules["network_id"]) <= set(kb.bodies(kind="network")["id"])
    assert set(rules["network_id"]) == set(kb.bodies(module="networks")["id"])  # every network has a rule


def test_nhri_gets_ganhri_and_its_own_regional_network_only(kb):
    regional = {"europe": "ennhri", "africa": "nanhri", "americas": "ridhca", "asia_pacific": "apf"}
    for region, network in regional.items():
        found = ids(kb, "nhri", region)
        assert "ganhri" in found and network in found and "afcndh" in found
        assert not (set(regional.values()) - {network}) & set(found), f"another region's network shown for {region}"


def test_ombuds_institution_gets_ioi_and_nhri_networks_only_if_also_nhri(kb):
    rows = nf.networks_for(kb, "ombuds", "africa").set_index("network_id")
    assert rows.at["ioi", "route"] == "member"
    assert rows.at["ganhri", "route"] == rows.at["nanhri", "route"] == "if_nhri"
    assert list(rows["route"].map(nf.ROUTE_ORDER)) == sorted(rows["route"].map(nf.ROUTE_ORDER))  # open ones first


def test_specialised_body_is_offered_only_npm_networks(kb):
    assert ids(kb, "specialised_npm", "europe") == ["see_npm_network"]
    for region in ("africa", "americas", "asia_pacific"):
        assert ids(kb, "specialised_npm", region) == []
        assert "None of the networks" in nf.answer_view(kb, "specialised_npm", region)


def test_unknown_case_is_refused(kb):
    with pytest.raises(ValueError):
        nf.networks_for(kb, "court", "europe")
    with pytest.raises(ValueError):
        nf.networks_for(kb, "nhri", "antarctica")


def test_answer_shows_conditions_sources_and_dated_accreditation_counts(kb):
    view = nf.answer_view(kb, "nhri", "europe")
    rule = kb["network_eligibility"].set_index("id").loc["ennhri_nhri"]
    assert nf.views.esc(rule["condition_en"]) in view
    for source in kb.sources(rule["source_ids"]).itertuples():
        assert source.url in view
    a_status = kb.figure("ganhri", "a_status_members")
    assert f"{a_status['value']:g}" in view and f"{a_status['as_of']:%d %B %Y}" in view
    assert "<h4>" in view and "aria-label" in view
    assert "Accreditation" not in nf.answer_view(kb, "specialised_npm", "europe")


def test_static_finder_offers_one_list_and_one_view_per_case(kb):
    finder = nf.NetworkFinder(live=False, kb=kb)
    switch = read_switch(finder.html())
    assert switch.control == "select"
    assert len(switch.views) == len(switch.names) == len(nf.cases()) == 12
    assert finder.kind is None and finder.region is None  # nothing that would need a kernel
    for label, view in zip(switch.names, switch.views):
        assert label in view


def test_live_finder_moves_the_stack_from_kind_and_region(kb):
    finder = nf.NetworkFinder(live=True, kb=kb)
    finder.kind.value, finder.region.value = "ombuds", "americas"
    assert finder.stack.selected_index == nf.cases().index(("ombuds", "americas"))
    assert "RINDHCA" in finder.stack.children[finder.stack.selected_index].value
    assert finder.widget().children[0].children == (finder.kind, finder.region)
