"""The engagement planner: ranking, dates, exports, and clear messages for bad profiles."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from icalendar import Calendar

from course import planner
from course.kb import load
from course.planner import NPMProfile, PlanError, make_plan, plan_or_message, stage_date

TODAY = date(2026, 9, 1)


def europe(**changes) -> NPMProfile:
    base = dict(region="europe", systems=("coe",), nhri=True, nhri_grade="A",
                themes=("npm_mandate", "police_custody"), staff_days=30, dates={"cat_review": "2027-11-09"})
    base.update(changes)
    return NPMProfile(**base)


# --- dates -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("offset, unit, expected", [
    (-2, "months", date(2027, 9, 9)), (-1, "days", date(2027, 11, 8)), (2, "weeks", date(2027, 11, 23)),
    (12, "months", date(2028, 11, 9)), (1, "years", date(2028, 11, 9)), (0, "days", date(2027, 11, 9))])
def test_stage_date_moves_the_anchor_by_the_offset(offset, unit, expected):
    assert stage_date(date(2027, 11, 9), offset, unit) == expected


def test_month_offsets_keep_to_the_calendar():
    assert stage_date(date(2027, 3, 31), -1, "months") == date(2027, 2, 28)


def test_every_item_is_dated_from_its_stage_offset(kb):
    plan = make_plan(europe(), today=TODAY)
    stages = kb["stages"].set_index("id")
    assert not plan.items.empty
    for row in plan.items.itertuples():
        s = stages.loc[row.stage_id]
        assert s["anchor_id"] == "cat_review"
        assert row.date == stage_date(date(2027, 11, 9), s["offset"], s["offset_unit"])
        assert row.date >= TODAY
        assert planner.BASIS_WORDS[s["timing_basis"]] in row.date_basis


def test_passed_openings_are_left_out_and_counted():
    early, late = make_plan(europe(), today=date(2025, 1, 1)), make_plan(europe(), today=TODAY)
    assert late.passed > 0 and len(early.items) > len(late.items)
    assert early.items["date"].min() >= date(2025, 1, 1)


# --- ranking -----------------------------------------------------------------------------------------
def test_ranked_best_first_with_a_reason_each():
    plan = make_plan(europe(), today=TODAY)
    items = plan.items
    assert list(items["rank"]) == list(range(1, len(items) + 1))
    assert list(items["score"]) == sorted(items["score"], reverse=True)
    for row in items.itertuples():
        assert row.reason.startswith(f"Rank {row.rank}:") and "of your priorities" in row.reason
        assert row.first_steps and row.stage and row.opportunity


def test_more_priorities_served_ranks_higher_at_equal_cost(kb):
    plan = make_plan(europe(themes=("npm_mandate", "police_custody", "prisons", "conditions")), today=TODAY)
    items = plan.items.set_index("opportunity_id")
    # Same stage, same action: the written report serves more of the four themes than the suggested recommendations.
    assert items.at["cat_o_written_report", "rank"] < items.at["cat_o_suggest_recs", "rank"]


def test_only_openings_serving_a_priority_are_ranked(kb):
    plan = make_plan(europe(themes=("children",)), today=TODAY)
    opportunities = kb["opportunities"].set_index("id")
    assert all("children" in opportunities.at[o, "themes"] for o in plan.items["opportunity_id"])
    assert plan.off_priority > 0


def test_profile_decides_who_may(kb):
    upr = {"upr_review": "2027-05-05"}
    a_status = make_plan(europe(themes=("npm_mandate",), dates=upr), today=TODAY)
    not_nhri = make_plan(europe(themes=("npm_mandate",), nhri=False, nhri_grade=None, dates=upr), today=TODAY)
    assert "upr_o_speak_a_status" in set(a_status.items["opportunity_id"])
    assert "upr_o_speak_a_status" not in set(not_nhri.items["opportunity_id"])
    partner = not_nhri.items[not_nhri.items["who"] == "ecosoc_or_nhri"]
    assert not partner.empty and partner["first_steps"].str.contains("ECOSOC").all()


def test_budget_fills_from_the_top_and_keeps_a_reserve():
    plan = make_plan(europe(staff_days=5), today=TODAY)
    planned = plan.planned
    assert planned["staff_days"].sum() == plan.days_planned <= 5
    assert (plan.items["in_plan"] == "reserve").any()
    reserve = plan.items[plan.items["in_plan"] == "reserve"]
    assert reserve["reason"].str.contains("budget|written information", regex=True).all()


def test_private_briefing_needs_written_information_in_the_plan():
    plan = make_plan(europe(themes=("police_custody",), staff_days=40), today=TODAY)
    items = plan.items.set_index("opportunity_id")
    assert items.at["cat_o_private_briefing", "in_plan"] == "yes"
    assert items.at["cat_o_written_report", "in_plan"] == "yes"
    tight = make_plan(europe(themes=("police_custody",), staff_days=3), today=TODAY).items.set_index("opportunity_id")
    assert tight.at["cat_o_private_briefing", "in_plan"] == "reserve"


def test_regional_cycles_follow_the_systems_and_undated_cycles_are_listed():
    latin = planner.EXAMPLES["A specialised Latin American NPM that is not an NHRI"]
    plan = make_plan(latin, today=planner.EXAMPLE_TODAY)
    assert set(plan.items["body"]) == {"IACHR"}
    assert "CPT" not in set(plan.undated["body"]) and "CAT" in set(plan.undated["body"])
    assert "IACtHR" in set(plan.undated["body"]) and "ECtHR" not in set(plan.undated["body"])


def test_worked_examples_differ():
    plans = [make_plan(p, today=planner.EXAMPLE_TODAY) for p in planner.EXAMPLES.values()]
    assert all(not p.items.empty for p in plans)
    assert set(plans[0].items["body"]).isdisjoint(plans[1].items["body"])


# --- exports -----------------------------------------------------------------------------------------
def test_csv_export(tmp_path):
    plan = make_plan(europe(), today=TODAY)
    path = tmp_path / "plan.csv"
    text = plan.to_csv(path)
    back = pd.read_csv(path)
    assert path.read_text(encoding="utf-8") == text
    assert list(back.columns) == planner.CSV_COLUMNS
    assert len(back) == len(plan.items)
    assert list(back["opportunity"]) == list(plan.items["opportunity"])
    assert list(back["date"]) == [d.isoformat() for d in plan.items["date"]]


def test_ics_parses_back_and_holds_the_planned_items(tmp_path):
    plan = make_plan(europe(staff_days=12), today=TODAY)
    path = tmp_path / "plan.ics"
    plan.to_ics(path)
    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.planned) > 0
    got = sorted((e.decoded("dtstart"), str(e.get("summary"))) for e in events)
    want = sorted((r.date, f"{r.body}: {r.opportunity}") for r in plan.planned.itertuples())
    assert got == want
    assert len({str(e.get("uid")) for e in events}) == len(events)
    for e in events:
        assert "Why:" in str(e.get("description")) and "First steps:" in str(e.get("description"))


# --- bad input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("profile, words", [
    (NPMProfile(), ["empty"]),
    (europe(region="oceania"), ["oceania", "region"]),
    (europe(region=""), ["region"]),
    (europe(nhri=False, nhri_grade="A"), ["grade", "not an NHRI"]),
    (europe(nhri_grade="C"), ["'C'", "grade"]),
    (europe(systems=("oas",)), ["OAS", "does not cover", "europe"]),
    (europe(systems=("xyz",)), ["'xyz'"]),
    (europe(staff_days=0), ["Staff days"]),
    (europe(staff_days=-3), ["Staff days"]),
    (europe(staff_days="many"), ["Staff days", "'many'"]),
    (europe(themes=()), ["priority"]),
    (europe(themes=("sports",)), ["'sports'"]),
    (europe(dates={"cat_review": "next spring"}), ["not a date", "next spring"]),
    (europe(dates={"moon_landing": "2027-01-01"}), ["'moon_landing'"]),
    (europe(dates={"iachr_visit_start": "2027-01-01"}), ["IACHR", "OAS"]),
])
def test_bad_profile_gets_a_message_naming_the_problem(profile, words):
    with pytest.raises(PlanError) as caught:
        make_plan(profile, today=TODAY)
    message = str(caught.value)
    for word in words:
        assert word in message, (word, message)
    plan, text = plan_or_message(profile, today=TODAY)
    assert plan is None and text == message and "Traceback" not in text


def test_all_problems_are_listed_at_once():
    _, text = plan_or_message(NPMProfile(region="mars", nhri_grade="Z", staff_days=0), today=TODAY)
    assert "'mars'" in text and "'Z'" in text and "Staff days" in text


def test_planner_form_shows_a_message_not_a_traceback(tmp_path):
    from course.widgets.planner_widget import PlannerForm

    form = PlannerForm(out_dir=tmp_path)
    form.make()
    assert "Please fix the profile" in form.output.value and form.save.disabled
    form.region.value, form.systems.value, form.themes.value = "europe", ("coe",), ("police_custody",)
    form.today.value, form.dates["cat_review"].value = TODAY, date(2027, 11, 9)
    form.make()
    assert "Ranked engagement opportunities" in form.output.value and not form.save.disabled
    form.write()
    assert (tmp_path / "my_engagement_plan.csv").exists() and (tmp_path / "my_engagement_plan.ics").exists()
    form.nhri.value, form.grade.value = False, "B"
    form.make()
    assert "not an NHRI" in form.output.value


def test_static_worked_examples_switch_in_the_browser(monkeypatch):
    from course.widgets import planner_widget
    from dev.views_check import read_switch

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, *a, **k: shown.append(obj))
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1")
    planner_widget.worked_examples()
    switches = [read_switch(o.data) for o in shown if "data-course-switch" in getattr(o, "data", "")]
    assert len(switches) == 1 and switches[0].control == "tabs"
    assert switches[0].names == ["Example 1: Europe", "Example 2: The Americas"]
    markup = shown[-1].data
    assert markup.count("Ranked engagement opportunities") == len(planner.EXAMPLES)
    assert markup.count("data:text/calendar") == len(planner.EXAMPLES)


def test_static_planner_is_a_form_that_loads_the_browser_planner(monkeypatch):
    from course.widgets import planner_widget

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, *a, **k: shown.append(obj))
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1")
    planner_widget.engagement_planner()
    form = shown[-1].data
    assert "data-course-planner" in form and '<button type="submit"' in form
    assert 'src="../planner/rules.js"' in form and 'src="../planner/planner.js"' in form
    for anchor in load()["anchors"]["id"]:
        assert f'data-anchor="{anchor}"' in form
    assert "JupyterLab" not in form and ".csv" not in form
