"""The widgets live in JupyterLab, with a kernel: filtering through Python callbacks works in the real UI.

A JupyterLab server runs on loopback over a temporary copy of the module notebook (so that nothing is ever
saved into the committed one), and Debian's Chromium drives it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from course.paths import ROOT

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "modules" / "treaty_bodies.ipynb", folder / "treaty_bodies.ipynb")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={folder}", "--LabApp.expose_app_in_browser=True",
         "--ServerApp.disable_check_xsrf=True"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_body_explorer_filters_live(browser, lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{lab}/lab/tree/treaty_bodies.ipynb")
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)
        page.wait_for_function("() => { const w = window.jupyterapp.shell.currentWidget;"
                               " const k = w && w.sessionContext && w.sessionContext.session"
                               " && w.sessionContext.session.kernel; return k && k.status === 'idle'; }",
                               timeout=60000)
        # Start "run all" without waiting on its promise (it settles only when every cell has run).
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        keyword = page.locator(".widget-text input").first
        keyword.wait_for(timeout=90000)
        picker = page.locator(".widget-select select").first
        before = picker.locator("option").count()
        assert before >= 5
        keyword.fill("children")
        keyword.press("Enter")
        page.wait_for_function("n => document.querySelector('.widget-select select').options.length < n",
                               arg=before, timeout=15000)
        options = picker.locator("option").all_inner_texts()
        assert any(o.startswith("CRC") for o in options), options
        assert page.get_by_text(f"of {before} shown").count() >= 1
        # The live cycle explorer adds a profile filter that needs the kernel.
        assert page.locator(".widget-dropdown select").count() >= 2
    finally:
        context.close()
