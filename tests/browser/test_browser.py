"""The built module pages in a real browser (Debian's Chromium through Playwright), served on loopback and
opened from disk: the views switch, tables sort and search, the planner makes a plan, nothing leaves the page."""
from __future__ import annotations

from datetime import date

import pytest

from course import planner
from course.kb import load

pytestmark = pytest.mark.browser
MODULE = "modules/treaty_bodies"


def stage_heading(page) -> str:
    return page.locator(".course-stage-details h4:visible", has_text="Stage ").first.inner_text()


def test_stage_control_changes_the_shown_stage(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    steps = page.locator(".course-steps:visible").first
    steps.wait_for(timeout=15000)
    assert stage_heading(page).startswith("Stage 1 of")
    steps.get_by_role("button", name="Next").click()
    steps.get_by_role("button", name="Next").click()
    assert stage_heading(page).startswith("Stage 3 of")
    assert steps.locator("select").evaluate("s => s.selectedIndex") == 2
    steps.get_by_role("button", name="Previous").click()
    assert stage_heading(page).startswith("Stage 2 of")
    # A click on a numbered stage of the timeline shows that stage.
    page.locator("svg.course-timeline:visible [data-course-go='4']").first.click()
    assert stage_heading(page).startswith("Stage 5 of")
    assert watched_page.outside == [], watched_page.outside
    assert watched_page.errors == [], watched_page.errors


def test_body_picker_switches_cards(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    picker = page.locator(".course-pick select").first
    picker.wait_for(timeout=15000)
    spt = load().body("spt")
    picker.select_option(index=1)
    assert page.locator(".course-card h4:visible", has_text=spt["acronym_en"]).count() == 1
    assert page.locator(".course-card h4:visible", has_text="(CAT)").count() == 0
    assert watched_page.outside == [] and watched_page.errors == []


def test_tables_sort_by_heading_text_and_search(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    table = page.locator("[data-course-table]").first
    rows = table.locator("tbody tr")
    names = rows.locator("th").all_inner_texts()
    table.get_by_role("button", name="Acronym").click()  # the heading's text, not a small arrow
    assert rows.locator("th").all_inner_texts() == sorted(names, key=str.lower)
    assert table.locator("th[aria-sort='ascending']").count() == 1
    table.get_by_role("button", name="Acronym").click()
    assert rows.locator("th").all_inner_texts() == sorted(names, key=str.lower, reverse=True)
    table.get_by_role("searchbox").fill("child")
    shown = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(shown) < len(names) and all("child" in r.inner_text().lower() for r in shown)
    assert "rows shown" in table.locator(".course-count").inner_text()
    assert watched_page.errors == []


def test_tabs_switch_with_the_keyboard(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    tabs = page.locator(".course-tabs [role=tab]")
    first = tabs.first
    first.focus()
    page.keyboard.press("ArrowRight")
    assert tabs.nth(1).get_attribute("aria-selected") == "true" and first.get_attribute("aria-selected") == "false"
    assert page.evaluate("document.activeElement.textContent") == tabs.nth(1).inner_text()


def test_planner_makes_the_python_planners_plan_in_the_page(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/modules/planning.html", wait_until="networkidle")
    form = page.locator("form[data-course-planner]")
    form.get_by_role("button", name="Make my plan").click()
    assert "Please fix the profile first" in page.locator("[data-course-plan-output]").inner_text()
    form.locator("select[name=region]").select_option("europe")
    form.get_by_label("Council of Europe").check()
    form.get_by_label("The NPM is also a national human rights institution (NHRI)").check()
    form.locator("select[name=grade]").select_option("A")
    for theme in ("npm_mandate", "police_custody"):
        form.locator(f"input[name=theme][value={theme}]").check()
    form.locator("input[name=days]").fill("30")
    form.locator("input[data-anchor=cat_review]").fill("2027-11-09")
    form.locator("input[name=today]").fill("2026-09-01")
    form.get_by_role("button", name="Make my plan").click()
    output = page.locator("[data-course-plan-output]")
    expected = planner.make_plan(planner.NPMProfile(
        region="europe", systems=("coe",), nhri=True, nhri_grade="A", themes=("npm_mandate", "police_custody"),
        staff_days=30, dates={"cat_review": "2027-11-09"}), today=date(2026, 9, 1)).items
    shown = output.locator("tbody th").all_inner_texts()
    assert [s.split("\n")[0] for s in shown] == list(expected["opportunity"])
    assert output.locator("a[download$='.csv']").count() == 1 and output.locator("a[download$='.ics']").count() == 1
    with page.expect_download() as download:
        output.locator("a[download$='.ics']").click()
    assert "BEGIN:VEVENT" in open(download.value.path(), encoding="utf-8").read()
    assert watched_page.outside == [] and watched_page.errors == []


def test_page_works_opened_from_disk(browser, book_html):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto((book_html / f"{MODULE}.html").as_uri())
    page.locator(".course-steps:visible").first.get_by_role("button", name="Next").click()
    assert stage_heading(page).startswith("Stage 2 of")
    page.goto((book_html / "modules" / "planning.html").as_uri())
    assert page.evaluate("typeof window.coursePlanner.makePlan") == "function"
    assert outside == []
    context.close()
