"""The before / during / after checklist of NPM actions around a Special Procedures visit."""
from __future__ import annotations

import ipywidgets as w
import pytest

from course import Profile
from course.widgets.visit_checklist import (
    PHASES,
    VisitChecklist,
    checklist_items,
    phase_html,
    phase_of,
    phase_summary,
)
from dev.views_check import read_switch


@pytest.mark.parametrize("offset, unit, phase", [
    (-9, "months", "before"), (-1, "days", "before"), (0, "days", "during"), (10, "days", "during"),
    (3, "weeks", "during"), (4, "weeks", "after"), (9, "months", "after"), (1, "years", "after"),
])
def test_phase_of_splits_around_the_first_day_of_the_visit(offset, unit, phase):
    assert phase_of(offset, unit) == phase


def test_every_sp_visit_opportunity_is_in_exactly_one_phase(kb):
    items = checklist_items(kb, "sp_visit")
    assert set(items["id"]) == set(kb.opportunities(cycle_id="sp_visit")["id"])
    assert set(items["phase"]) == {"before", "during", "after"}
    phase = dict(zip(items["id"], items["phase"]))
    assert phase["sp_o_urge_invitation"] == "before" and phase["sp_o_suggest_places"] == "before"
    assert phase["sp_o_brief_holder"] == "during"
    assert phase["sp_o_follow_up_visits"] == "after" and phase["sp_o_reference"] == "after"


def test_items_follow_the_order_of_the_stages(kb):
    orders = list(checklist_items(kb, "sp_visit")["order"])
    assert orders == sorted(orders)


def test_summary_counts_and_adds_up_effort(kb):
    items = checklist_items(kb, "sp_visit")
    summary = phase_summary(items)
    assert sum(n for n, _ in summary.values()) == len(items)
    assert sum(days for _, days in summary.values()) == pytest.approx(items["effort_days"].sum())


def test_profile_hides_actions_reserved_for_a_status_nhris(kb):
    everyone = checklist_items(kb, "sp_visit")
    not_nhri = checklist_items(kb, "sp_visit", profile=Profile(nhri_grade=None))
    a_status = checklist_items(kb, "sp_visit", profile=Profile(nhri_grade="A"))
    assert "sp_o_speak_hrc" in set(everyone["id"]) and "sp_o_speak_hrc" in set(a_status["id"])
    assert "sp_o_speak_hrc" not in set(not_nhri["id"])


def test_phase_html_is_an_accessible_checklist(kb):
    items = checklist_items(kb, "sp_visit")
    html = phase_html(items, "after", "sp_visit")
    assert "<h4>After the visit</h4>" in html
    for o in items[items["phase"] == "after"].itertuples():
        assert o.name_en.replace("'", "&#x27;") in html
        # each box has a label tied to it, so screen readers and keyboards can use it
        assert f'id="chk-sp_visit-{o.id}"' in html and f'for="chk-sp_visit-{o.id}"' in html
    assert "Follow-up visits to places visited" in html and "reprisals" in html


def test_empty_phase_says_so(kb):
    items = checklist_items(kb, "sp_visit")
    html = phase_html(items.iloc[0:0], "during", "sp_visit")
    assert "No action in this phase" in html


def test_static_checklist_has_one_tab_per_phase_and_no_kernel_controls(kb):
    checklist = VisitChecklist("sp_visit", live=False, kb=kb)
    assert checklist.profile is None
    switch = read_switch(checklist.html())
    assert switch.control == "tabs" and len(switch.views) == len(PHASES)
    assert switch.names == [title for _, title in PHASES]


def test_live_checklist_has_one_tab_per_phase(kb):
    checklist = VisitChecklist("sp_visit", live=True, kb=kb)
    assert isinstance(checklist.tabs, w.Tab) and len(checklist.tabs.children) == len(PHASES)
    assert [checklist.tabs.get_title(i) for i in range(len(PHASES))] == [title for _, title in PHASES]


def test_live_checklist_rerenders_for_the_chosen_npm(kb):
    checklist = VisitChecklist("sp_visit", live=True, kb=kb)
    after = checklist.panes[2]
    assert "Speak after the State" in after.value
    checklist.profile.value = "not_nhri"
    assert "Speak after the State" not in after.value
    checklist.profile.value = "a_status"
    assert "Speak after the State" in after.value


def test_unknown_cycle_is_refused(kb):
    with pytest.raises(KeyError):
        VisitChecklist("no_such_cycle", live=False, kb=kb)
