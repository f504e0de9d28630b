"""The court access widget: which courts, which openings, which verdict, in both live and static forms."""
from __future__ import annotations

import pytest

from course import Profile
from course.widgets import court_access as ca
from dev.views_check import read_switch


def test_courts_come_from_the_data(kb):
    courts = kb.bodies(kind="court", module="courts")
    assert set(courts["id"]) == {"ecthr", "iacthr", "afchpr"}


def test_paths_belong_to_a_court_by_id_prefix(kb):
    assert list(ca.court_paths(kb, "ecthr")["id"]) == ["ecthr_third_party"]
    assert list(ca.court_paths(kb, "iacthr")["id"]) == ["iacthr_amicus"]
    assert ca.court_paths(kb, "afchpr").empty


def test_openings_follow_stage_order_and_profile(kb):
    everything = ca.court_openings(kb, "ecthr")
    assert list(everything["order"]) == sorted(everything["order"])
    assert set(everything["path_id"]) == {"ecthr_third_party"}
    assert "ecthr_e_rule9" in set(everything["id"])  # open to NHRIs only
    not_nhri = ca.court_openings(kb, "ecthr", Profile(nhri_grade=None))
    assert "ecthr_e_rule9" not in set(not_nhri["id"])
    assert set(not_nhri["who"]) <= {w for w in everything["who"] if Profile(nhri_grade=None).may(w)}
    assert ca.court_openings(kb, "afchpr").empty


def test_verdict_follows_the_data(kb):
    for kind in (None, "not_nhri", "b_status", "a_status"):
        assert ca.may_intervene(kb, "ecthr", ca.profile_for(kind)) is True
        assert ca.may_intervene(kb, "iacthr", ca.profile_for(kind)) is True
        assert ca.may_intervene(kb, "afchpr", ca.profile_for(kind)) is None


def test_profile_for_maps_the_dropdown_values():
    assert ca.profile_for(None) is None
    assert ca.profile_for("not_nhri") == Profile(nhri_grade=None)
    assert ca.profile_for("a_status") == Profile(nhri_grade="A")
    with pytest.raises(KeyError, match="unknown kind of NPM"):
        ca.profile_for("none")


def test_view_shows_figures_with_dates_sources_and_terms(kb):
    html = ca.court_view(kb, "afchpr")
    figure = kb.figure("afchpr", "states_accepting_jurisdiction")
    assert f"<strong>{figure['value']:g}</strong>" in html and f"{figure['as_of']:%d %B %Y}" in html
    assert "Article 34(6) declaration" in html  # glossary term tied to the court
    assert "No step-by-step path" in html
    for source in kb.sources(kb.body("afchpr")["source_ids"]).itertuples():
        assert source.url in html
    ecthr = ca.court_view(kb, "ecthr")
    assert "Request for leave to intervene" in ecthr and "Yes:" in ecthr
    assert ecthr.count("<h5>") >= 3  # headings for the parts, below the court's h4


def test_view_hides_openings_the_profile_cannot_use(kb):
    assert "Rule 9" in ca.court_view(kb, "ecthr", Profile(nhri_grade="A"))
    assert "Send a Rule 9 communication" not in ca.court_view(kb, "ecthr", Profile(nhri_grade=None))


def test_static_widget_offers_a_list_of_courts_and_one_view_each_without_kernel_controls(kb):
    courts = kb.bodies(kind="court", module="courts")
    access = ca.CourtAccess(courts, live=False)
    switch = read_switch(access.html())
    assert switch.control == "select"
    assert switch.names == [f"{c.acronym_en}: {c.name_en}" for c in courts.itertuples()]
    assert len(switch.views) == len(courts) and switch.hidden == [False] + [True] * (len(courts) - 1)
    assert all(c.name_en in view for c, view in zip(courts.itertuples(), switch.views))
    assert access.profile is None


def test_live_widget_rerenders_for_the_chosen_npm(kb):
    courts = kb.bodies(kind="court", module="courts").reset_index(drop=True)
    access = ca.CourtAccess(courts, live=True)
    ecthr = list(courts["id"]).index("ecthr")
    assert any(link.source == (access.picker, "index") and link.target == (access.stack, "selected_index")
               for link in access.links)
    view = access.stack.children[ecthr]
    assert "Send a Rule 9 communication" in view.value
    access.profile.value = "not_nhri"
    assert "Send a Rule 9 communication" not in view.value
    access.profile.value = "b_status"
    assert "Send a Rule 9 communication" in view.value


def test_summary_table_has_a_row_per_court_and_kind(kb):
    courts = kb.bodies(kind="court", module="courts")
    table = ca.summary_table(kb, courts)
    assert len(table) == len(courts) * len(ca.NPM_KINDS)
    assert set(table.loc[table["Court"] == "AfCHPR", "May file a brief or ask to intervene?"]) == {"no path recorded: see the card"}
