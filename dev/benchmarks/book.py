"""The book's figures: build times, each module's execution time, the PDF, and what pages weigh (gzip)."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import nbformat

from course.kb import load
from course.paths import ROOT
from dev.bench import benchmark


def _module_notebooks() -> list[Path]:
    return [ROOT / f"{m.path}.ipynb" for m in load()["modules"].itertuples() if (ROOT / f"{m.path}.ipynb").exists()]


def execution_times() -> list[tuple[str, float, str]]:
    """Each module executed as the book executes it (static mode, fresh kernel)."""
    from nbclient import NotebookClient

    rows = []
    env = {**os.environ, "COURSE_STATIC_BOOK": "1"}
    for path in _module_notebooks():
        nb = nbformat.read(path, as_version=4)
        started = time.perf_counter()
        NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
        rows.append((f"execute {path.stem} (target 3 s)", time.perf_counter() - started, "s"))
    return rows


# A slow mobile link, as issue 15 measured it: 1.6 Mbit/s down, 150 ms latency.
SLOW_LINK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
PHONE = {"width": 390, "height": 844}
# The page's first contentful paint in ms, waiting for it if the page has not painted yet (a page busy running
# a large script can be idle on the network before it paints).
FIRST_PAINT = """() => new Promise(resolve => {
  new PerformanceObserver(list => list.getEntries().forEach(e => {
    if (e.name === "first-contentful-paint") resolve(e.startTime);
  })).observe({type: "paint", buffered: true});
  setTimeout(() => resolve(-1000), 60000);
})"""


# Bytes over the wire (headers included, compressed) for the page and everything it loaded; 0 for what came
# from the browser's cache.
TRANSFERRED = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
  .reduce((total, entry) => total + (entry.transferSize || 0), 0)"""


def _visit(context, url: str) -> tuple[float, int]:
    """Open url in a tab of `context` over the slow link; (first contentful paint in s, bytes transferred),
    counting everything the page loads until the network is idle (lazily loaded scripts included)."""
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    tab.goto(url, wait_until="networkidle", timeout=120000)
    fcp = tab.evaluate(FIRST_PAINT)
    tab.wait_for_timeout(1000)  # anything a script starts late
    transferred = tab.evaluate(TRANSFERRED)
    tab.close()
    return fcp / 1000, transferred


def page_weights(html: Path) -> list[tuple[str, float, str]]:
    """Each module page in Chromium on a phone over the slow link, from a local server that gzips as web hosts
    do: first contentful paint and bytes of a first visit (empty cache), and bytes of the same page visited
    after the start page (a second page, cache warm)."""
    from course.publish.pdf import CHROMIUM
    from dev.serve import serve

    if not CHROMIUM.exists():
        return [("page weights skipped: Chromium is not installed", 0, "")]
    from playwright.sync_api import sync_playwright

    pages = [f"{m.path}.html" for m in load()["modules"].itertuples() if (html / f"{m.path}.html").exists()]
    rows = []
    with serve(html) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        for page_path in pages:
            context = browser.new_context(viewport=PHONE)
            fcp, first = _visit(context, f"{base}/{page_path}")
            context.close()
            context = browser.new_context(viewport=PHONE)
            _visit(context, f"{base}/start.html")
            _, second = _visit(context, f"{base}/{page_path}")
            context.close()
            rows += [(f"{page_path}: first contentful paint (target 3 s)", fcp, "s"),
                     (f"{page_path}: first visit (target 700 KB)", first / 1000, "KB"),
                     (f"{page_path}: after the start page (target 150 KB)", second / 1000, "KB")]
        browser.close()
    return rows


@benchmark("book")
def book_figures() -> list[tuple[str, float, str]]:
    from course.publish.build import book
    from course.publish.pdf import CHROMIUM, build_pdf

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        book(out_dir=Path(tmp), languages=("en",))
        one = time.perf_counter() - started
        rows.append(("clean build of one edition (English), quizzes included", one, "s"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        html = book(out_dir=out)
        three = time.perf_counter() - started
        rows.append(("clean build of the three editions (make book)", three, "s"))
        rows.append(("three editions / one edition (target at most 3)", three / one, "x"))
        # An author's edit loop: change one sentence of a module, rebuild over the cache.
        module = _module_notebooks()[0]
        original = module.read_bytes()
        nb = nbformat.read(module, as_version=4)
        first_markdown = next(c for c in nb.cells if c.cell_type == "markdown")
        first_markdown.source += " "
        try:
            nbformat.write(nb, module)
            started = time.perf_counter()
            book(out_dir=out, clean=False, prepare=False, languages=("en",))
            rows.append((f"cached rebuild of the English edition after editing {module.stem}",
                         time.perf_counter() - started, "s"))
        finally:
            module.write_bytes(original)
        rows += page_weights(html)
    rows += execution_times()
    if CHROMIUM.exists():
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_pdf(Path(tmp))
            rows.append(("PDF of the whole course (English edition)", time.perf_counter() - started, "s"))
    return rows
