"""The book's figures: build times, each module's execution time, the PDF, and what pages weigh (gzip)."""
from __future__ import annotations

import gzip
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


def page_weights(html: Path) -> list[tuple[str, float, str]]:
    """Bytes (gzip) a first visit to each module page transfers, and what a further page adds."""
    from course.publish.pdf import CHROMIUM

    if not CHROMIUM.exists():
        return [("page weights skipped: Chromium is not installed", 0, "")]
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = [f"{m.path}.html" for m in load()["modules"].itertuples() if (html / f"{m.path}.html").exists()]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        seen: set[str] = set()
        for n, page_path in enumerate(pages):
            tab = browser.new_page()
            loaded: dict[str, int] = {}

            def record(response):
                if response.url.startswith(base) and response.ok:
                    try:
                        loaded[response.url] = len(gzip.compress(response.body(), 6))
                    except Exception:  # a response without a body (redirect) weighs nothing
                        pass
            tab.on("response", record)
            tab.goto(f"{base}/{page_path}", wait_until="networkidle")
            tab.close()
            first = sum(loaded.values())
            further = sum(size for url, size in loaded.items() if url not in seen)
            seen.update(loaded)
            rows.append((f"{page_path}: first visit (target 1500 KB)", first / 1000, "KB"))
            if n:
                rows.append((f"{page_path}: after another page (target 300 KB)", further / 1000, "KB"))
        browser.close()
    server.shutdown()
    return rows


@benchmark("book")
def book_figures() -> list[tuple[str, float, str]]:
    from course.publish.build import book
    from course.publish.pdf import CHROMIUM, build_pdf

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        html = book(out_dir=out)
        rows.append(("clean build, quizzes included (target 60 s)", time.perf_counter() - started, "s"))
        # An author's edit loop: change one sentence of a module, rebuild over the cache.
        module = _module_notebooks()[0]
        original = module.read_bytes()
        nb = nbformat.read(module, as_version=4)
        first_markdown = next(c for c in nb.cells if c.cell_type == "markdown")
        first_markdown.source += " "
        try:
            nbformat.write(nb, module)
            started = time.perf_counter()
            book(out_dir=out, clean=False, prepare=False)
            rows.append((f"cached rebuild after editing {module.stem} (target 5 s)", time.perf_counter() - started, "s"))
        finally:
            module.write_bytes(original)
        rows += page_weights(html)
    rows += execution_times()
    if CHROMIUM.exists():
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_pdf(Path(tmp))
            rows.append(("PDF of the whole course", time.perf_counter() - started, "s"))
    return rows
