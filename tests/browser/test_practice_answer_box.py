"""The Your turn answer box in the built book: what the learner writes survives a reload (localStorage), the
model answer stays folded until opened, and the template linked under it downloads."""
from __future__ import annotations

import urllib.request

import pytest

pytestmark = pytest.mark.browser
PAGE = "modules/treaty_bodies.html"


def test_the_answer_is_kept_and_the_model_answer_is_folded(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{PAGE}")
    box = page.get_by_label("Your answer", exact=False).first
    box.wait_for(timeout=15000)
    assert box.get_attribute("data-course-answer") == "cat_loipr"
    box.fill("Police custody: no lawyer before questioning.")
    page.reload()
    assert page.get_by_label("Your answer", exact=False).first.input_value() == \
        "Police custody: no lawyer before questioning."
    details = page.locator("details.course-model-answer").first
    assert details.get_attribute("open") is None
    rubric = details.locator("li").last  # the rubric's last point, inside the folded part
    assert not rubric.is_visible()
    details.locator("summary").click()
    assert rubric.is_visible()
    assert watched_page.outside == [] and watched_page.errors == []


def test_the_linked_template_downloads(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/{PAGE}")
    href = page.locator("a[href$='cat-submission.docx']").first.get_attribute("href")
    url = f"{watched_page.origin}/modules/{href}"
    with urllib.request.urlopen(url) as response:  # loopback: the test's own server
        assert response.status == 200 and response.read(2) == b"PK"  # a .docx is a zip archive
