"""Session plans whose timings add up: each fits its length with the breaks counted, and each module, task and
quiz in it takes exactly the time the course computes for it."""
from __future__ import annotations

import pytest

from course.classroom.common import ClassroomError
from course.classroom.kit import PLANS, load_plans, plans_markdown
from course.practice import times


def test_the_four_formats_are_there_and_each_fits_its_length():
    plans = {p.id: p for p in load_plans()}
    assert {p.length for p in plans.values()} == {90, 210, 450, 120}
    assert any("online" in p.format.lower() for p in plans.values())
    for plan in plans.values():
        assert plan.planned <= plan.length, f"{plan.id}: {plan.planned} minutes planned in {plan.length}"
        assert plan.planned >= plan.length - 40, f"{plan.id}: {plan.length - plan.planned} minutes unplanned"
        if plan.length > 120:
            assert any(a.is_break for a in plan.activities), f"{plan.id}: a long session needs a break"


def test_every_module_task_and_quiz_takes_the_courses_computed_time():
    compute = {"module": times.module_minutes, "task": times.task_minutes, "quiz": times.quiz_minutes}
    page = plans_markdown()
    for plan in load_plans():
        start = 0
        for activity in plan.activities:
            if activity.ref:
                kind, item = activity.ref
                assert activity.minutes == compute[kind](item), (plan.id, item)
            end = start + activity.minutes
            assert f"**{start // 60}:{start % 60:02d}-{end // 60}:{end % 60:02d}** ({activity.minutes} minutes)" in page
            start = end


def test_a_plan_that_states_minutes_for_a_module_is_refused(tmp_path):
    bad = tmp_path / "plans.yml"
    bad.write_text("plans:\n  - {id: x, title: X, format: f, length: 60, activities: "
                   "[{module: upr, minutes: 10, what: w}]}\n", encoding="utf-8")
    with pytest.raises(ClassroomError, match="not both"):
        load_plans(bad)


def test_the_page_is_generated_from_the_plans_file():
    page = plans_markdown()
    for plan in load_plans(strict=False):
        assert f"## {plan.title}" in page
    assert PLANS.name == "session_plans.yml"
