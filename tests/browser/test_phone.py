"""Every page of the book on a phone (390 px wide): nothing scrolls sideways, the course's own text is at least
13 px, tab labels wrap rather than cut, controls are at least 44 px, timeline labels never collide, wide tables
fit or scroll in a container of their own, and the page has a favicon. (The speed figures are in `make bench`.)"""
from __future__ import annotations

import pytest

from dev.toc import toc_pages

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
COURSE = (".course-card, .course-table, .course-switch, .course-plan, .course-planner, .course-glossary, "
          ".course-reasons, .course-downloads, .course-report, .course-words, .course-checklist")


LAYOUT = """async (course) => {
  const problems = [];
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const name = el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined && el.className
                     ? "." + String(el.className).split(" ")[0] : "") + " '" + (el.textContent || "").trim().slice(0, 40) + "'";
  if (document.documentElement.scrollWidth > innerWidth)
    problems.push("page scrolls sideways: " + document.documentElement.scrollWidth + " px wide");
  for (const box of document.querySelectorAll(course)) {
    for (const el of [box, ...box.querySelectorAll("*")]) {
      if (!visible(el)) continue;
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (own && parseFloat(getComputedStyle(el).fontSize) < 13)
        problems.push("text under 13 px: " + name(el) + " at " + getComputedStyle(el).fontSize);
    }
    for (const el of box.querySelectorAll("button, select, input:not([type=checkbox]), summary")) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 1) problems.push("control runs off the screen: " + name(el));
      if (r.height < 44 || (el.tagName === "BUTTON" && r.width < 44)) problems.push("small target: " + name(el) + " " + Math.round(r.width) + "x" + Math.round(r.height));
    }
    for (const el of box.querySelectorAll("input[type=checkbox]")) {
      const label = el.closest("label");
      if (visible(el) && (!label || label.getBoundingClientRect().height < 44)) problems.push("small checkbox: " + name(el.parentNode));
    }
    for (const el of box.querySelectorAll("table, svg, img")) {
      if (visible(el) && !el.closest(".course-scroll") && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        problems.push("runs off the screen: " + name(el));
    }
    for (const scroller of box.querySelectorAll(".course-scroll")) {
      if (visible(scroller) && scroller.scrollWidth > scroller.clientWidth + 1) problems.push("table wider than a phone: " + name(scroller));
    }
  }
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    if (visible(tab) && (tab.scrollWidth > tab.clientWidth + 1 || getComputedStyle(tab).textOverflow === "ellipsis"))
      problems.push("tab label cut: " + name(tab));
  }
  for (const table of document.querySelectorAll("article table")) {
    if (!visible(table) || table.closest(".course-scroll")) continue;
    const parent = table.parentElement;
    if (table.getBoundingClientRect().right > innerWidth && getComputedStyle(parent).overflowX !== "auto")
      problems.push("table cut off: " + name(table));
  }
  for (const svg of document.querySelectorAll("svg.course-timeline")) {
    if (!visible(svg)) continue;
    const boxes = [...svg.querySelectorAll("text")].map(t => t.getBoundingClientRect());
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        problems.push("timeline labels collide in " + svg.getAttribute("aria-label").slice(0, 40));
    }));
  }
  const icon = document.querySelector('link[rel~="icon"]');
  if (!icon) problems.push("no favicon");
  else if (!(await fetch(icon.href)).ok) problems.push("favicon missing: " + icon.href);
  return problems;
}"""


@pytest.fixture(scope="module")
def phone(browser, book_server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", toc_pages())
def test_page_is_made_for_phones(phone, book_server, path):
    phone.goto(f"{book_server}/{path}.html", wait_until="networkidle")
    problems = phone.evaluate(LAYOUT, COURSE)
    # Views a reader switches to must pass too: show each view of each switch in turn.
    switches = phone.locator("[data-course-switch] select")
    for i in range(min(switches.count(), 6)):
        select = switches.nth(i)
        if not select.is_visible():
            continue
        for option in range(1, select.locator("option").count()):
            select.select_option(index=option)
            problems += phone.evaluate(LAYOUT, COURSE)
    assert not sorted(set(problems)), f"{path}:\n" + "\n".join(sorted(set(problems)))
