"""The built module pages in a real browser (Debian's Chromium through Playwright), served on loopback and
opened from disk: widgets render from embedded state, the stage control works, nothing leaves the page."""
from __future__ import annotations

import pytest

from course.kb import load

pytestmark = pytest.mark.browser
MODULE = "modules/treaty_bodies"


def test_stage_control_changes_the_shown_stage(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    slider = page.locator(".widget-slider .noUi-handle").first
    slider.wait_for(timeout=15000)
    heading = page.locator(".course-stage-details h4:visible", has_text="Stage ").first
    assert heading.inner_text().startswith("Stage 1 of")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert page.locator(".course-stage-details h4:visible", has_text="Stage ").first.inner_text().startswith("Stage 3 of")
    assert watched_page.outside == [], watched_page.outside
    assert watched_page.errors == [], watched_page.errors


def test_body_picker_switches_cards(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{MODULE}.html")
    picker = page.locator(".widget-select select").first
    picker.wait_for(timeout=15000)
    spt = load().body("spt")
    picker.select_option(index=1)
    page.wait_for_timeout(300)
    assert page.locator(".course-card h4:visible", has_text=spt["acronym_en"]).count() >= 1
    # The tables that need no kernel are there and searchable.
    assert page.locator("table.dataTable, table.display").count() >= 1
    assert watched_page.outside == [] and watched_page.errors == []


def test_page_works_opened_from_disk(browser, book_html):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto((book_html / f"{MODULE}.html").as_uri())
    page.locator(".widget-slider").first.wait_for(timeout=15000)
    assert outside == []
    context.close()
