"""The NHRI comparison widget: access rules, the comparison table, the views, and both modes."""
from __future__ import annotations

import ipywidgets as w
import pytest

from course import Profile
from course.widgets import nhri_comparison as nc
from course.widgets.views import esc
from dev.views_check import read_switch


@pytest.mark.parametrize("who,grade,expected", [
    ("any_npm", None, "own"), ("any_npm", "B", "own"), ("any_npm", "A", "own"),
    ("a_status_nhri", None, "closed"), ("a_status_nhri", "B", "closed"), ("a_status_nhri", "A", "own"),
    ("nhri", None, "closed"), ("nhri", "B", "own"), ("nhri", "A", "own"),
    ("ecosoc_or_nhri", None, "partner"), ("ecosoc_or_nhri", "B", "partner"), ("ecosoc_or_nhri", "A", "own"),
    ("prior_submitter", None, "conditional"), ("on_invitation", "A", "conditional"),
])
def test_access_rules(who, grade, expected):
    assert nc.access(who, Profile(nhri_grade=grade)) == expected


def test_unknown_who_is_an_error():
    with pytest.raises(KeyError):
        nc.access("anyone", Profile())


def test_comparison_covers_every_upr_opening_in_stage_order(kb):
    table = nc.comparison(kb, "upr")
    assert set(table["id"]) == set(kb.opportunities(cycle_id="upr")["id"])
    assert list(table["stage_order"]) == sorted(table["stage_order"])
    for kind in nc.NPM_KINDS:
        assert set(table[kind.key]) <= set(nc.ACCESS_WORDS)


def test_a_status_npm_speaks_right_after_the_state_and_others_cannot(kb):
    table = nc.comparison(kb, "upr").set_index("id")
    speak = kb.opportunities(cycle_id="upr")
    speak_id = speak[speak["who"] == "a_status_nhri"]["id"].item()
    assert table.at[speak_id, "a_status"] == "own"
    assert table.at[speak_id, "b_status"] == table.at[speak_id, "not_nhri"] == "closed"


def test_a_status_npm_never_has_less_than_the_others(kb):
    rank = {"closed": 0, "partner": 1, "conditional": 2, "own": 3}
    table = nc.comparison(kb)
    for other in ("not_nhri", "b_status"):
        assert (table["a_status"].map(rank) >= table[other].map(rank)).all()


def test_tally_and_differences_agree(kb):
    table = nc.comparison(kb, "upr")
    for kind in nc.NPM_KINDS:
        assert sum(nc.tally(table, kind.key).values()) == len(table)
    diff = nc.differences(table, "a_status", "not_nhri")
    assert not diff.empty and (diff["a_status"] != diff["not_nhri"]).all()
    assert nc.differences(table, "b_status", "not_nhri").empty  # at the Council, B status gives no standing


def test_comparison_of_all_cycles_and_unknown_cycle(kb):
    assert set(nc.comparison(kb)["cycle_id"]) <= set(kb["cycles"]["id"])
    assert len(nc.comparison(kb)) == len(kb["opportunities"])
    with pytest.raises(KeyError):
        nc.comparison(kb, "no_such_cycle")


def test_view_highlights_the_chosen_kind_and_lists_every_opening(kb):
    table = nc.comparison(kb, "upr")
    view = nc.comparison_view(kb, "a_status", "upr")
    assert "What an NPM that is also an A-status NHRI can do" in view
    assert all(esc(name) in view for name in table["opening"])
    assert view.count('class="course-me"') == len(table) + 1  # one header cell and one cell per row
    assert "<caption>" in view and 'scope="col"' in view
    assert "no difference" in nc.comparison_view(kb, "b_status", "upr")  # B status equals not-NHRI at the UPR


def test_static_widget_offers_a_list_of_kinds_and_one_view_each():
    comparison = nc.NhriComparison("upr", live=False)
    switch = read_switch(comparison.html())
    assert switch.control == "select" and switch.names == [k.label for k in nc.NPM_KINDS]
    assert len(switch.views) == len(nc.NPM_KINDS)
    assert all(f"What {k.label} can do" in view for k, view in zip(nc.NPM_KINDS, switch.views))
    assert comparison.cycle is None  # no control that would need a kernel


def test_live_widget_links_picker_and_views_in_the_browser():
    comparison = nc.NhriComparison("upr", live=True)
    assert len(comparison.stack.children) == len(nc.NPM_KINDS)
    assert isinstance(comparison.picker, w.Dropdown)
    assert any(link.source == (comparison.picker, "index") and link.target == (comparison.stack, "selected_index")
               for link in comparison.links)


def test_live_widget_filters_by_cycle(kb):
    comparison = nc.NhriComparison("upr", live=True)
    cat = kb.opportunities(cycle_id="cat_reporting")["name_en"].iloc[0]
    views = comparison.stack.children
    assert cat not in views[0].value
    comparison.cycle.value = "cat_reporting"
    assert all(cat in view.value for view in views)
    comparison.cycle.value = None
    upr = kb.opportunities(cycle_id="upr")["name_en"].iloc[0]
    assert upr in views[2].value and cat in views[2].value


def test_reading_table_uses_words(kb):
    table = nc.table_for_reading(nc.comparison(kb, "upr"))
    assert "An NPM that is also an A-status NHRI" in table.columns
    assert set(table["An NPM that is not an NHRI"]) <= set(nc.ACCESS_WORDS.values())
