"""Shared fixtures. The book is built once per test session and shared by every test that needs it."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from course.paths import DATA_DIR, ROOT

CHROMIUM = Path("/usr/bin/chromium")
TIERS = {"unit": "unit", "integration": "nbgrader", "book": "book", "browser": "browser", "hub": "hub"}


def pytest_collection_modifyitems(items):
    """Each test's tier is its folder: tests/unit, tests/integration (nbgrader), tests/book, tests/browser,
    tests/hub. `make test-fast` selects the unit tier."""
    for item in items:
        folder = Path(item.fspath).parent.name
        if folder not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: put the test in one of tests/{', tests/'.join(TIERS)}")
        item.add_marker(TIERS[folder])


@pytest.fixture(scope="session")
def kb():
    from course import load

    return load()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def book_html(tmp_path_factory) -> Path:
    """The whole book, built the way `make book` builds it, into a temporary folder. For an author re-running
    the book and browser tiers: COURSE_TEST_BOOK=_build/html tests that build instead (never in CI)."""
    import os

    from course.publish.build import book

    if os.environ.get("COURSE_TEST_BOOK"):
        return Path(os.environ["COURSE_TEST_BOOK"]).resolve()
    return book(out_dir=tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="session")
def book_server(book_html):
    """The built book served on loopback, as a reader's web server would."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(book_html))

    class Quiet(handler.func):  # type: ignore[misc,valid-type]
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(book_html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download does not work here)."""
    from course.cli import missing_browser_packages

    if missing := missing_browser_packages():
        pytest.skip(f"Debian's {' and '.join(missing)} not installed: run `make test` as root, or "
                    f"`apt-get install {' '.join(missing)}`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield b
        b.close()


class PageWatch:
    """A browser page that records every request leaving the page's origin and every console error."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request):
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.outside.append(request.url)


@pytest.fixture
def watched_page(browser, book_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield PageWatch(page, book_server)
    context.close()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
