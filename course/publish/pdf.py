"""One PDF of the whole course, built offline: a single-page HTML build printed by Debian's Chromium.

(Jupyter Book's own HTML-to-PDF downloads a browser, and its LaTeX route needs TeX Live.)"""
from __future__ import annotations

from pathlib import Path

from ..paths import ROOT
from ..tools import tool, tool_env
from .build import BuildError, _run, learner_kit, planner_js

CHROMIUM = Path("/usr/bin/chromium")
PDF_NAME = "npm-engagement-course.pdf"


def build_pdf(out_dir: Path | None = None) -> Path:
    """Build the single-page HTML book into OUT_DIR/_build/singlehtml and print it to OUT_DIR/_build/pdf."""
    from ..quiz.generate import generate_all

    if not CHROMIUM.exists():
        raise BuildError("the PDF is printed by Chromium, which is not installed at /usr/bin/chromium: "
                         "on Debian or Ubuntu run `sudo apt-get install chromium`")
    planner_js()
    generate_all()
    learner_kit()
    out_dir = Path(out_dir or ROOT)
    _run([tool("jupyter-book"), "build", str(ROOT), "--path-output", str(out_dir), "--builder", "singlehtml",
          "-n", "--keep-going"], ROOT, env=tool_env(COURSE_STATIC_BOOK="1"), what="jupyter-book build (single page)")
    page = out_dir / "_build" / "singlehtml" / "index.html"
    target = out_dir / "_build" / "pdf" / PDF_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    print_to_pdf(page, target)
    return target


def print_to_pdf(page: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(500)  # let the views and tables set themselves up
            # Paper cannot be clicked: open every "in words" section so that the text alternatives print.
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            tab.emulate_media(media="print")
            tab.pdf(path=str(target), format="A4", print_background=True,
                    margin={"top": "18mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        finally:
            browser.close()
