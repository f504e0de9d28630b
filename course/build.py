"""Build steps shared by `make book`, the benchmark and the tests, so that all three build the same way."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from .paths import ROOT
from .tools import tool, tool_env

JS_DIR = ROOT / "js"
JS_DIST = JS_DIR / "dist"  # copied as is into the book's html folder (html_extra_path)
WIDGET_JS = JS_DIST / "widgets"
HTML_MANAGER = JS_DIR / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist"


class BuildError(Exception):
    pass


def _run(command: list[str], cwd: Path, env: dict | None = None, what: str = "") -> None:
    result = subprocess.run(command, cwd=cwd, env=env or tool_env())
    if result.returncode != 0:
        raise BuildError(f"{what or command[0]} failed (exit {result.returncode}); its output is above")


def widget_js() -> Path:
    """Install the widget JavaScript from the npm lock file and copy what pages load into js/dist."""
    lock = JS_DIR / "package-lock.json"
    embed = WIDGET_JS / "embed.js"
    if embed.exists() and embed.stat().st_mtime >= lock.stat().st_mtime:
        return JS_DIST
    _run([tool("npm"), "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], JS_DIR,
         what="npm ci (widget JavaScript)")
    WIDGET_JS.mkdir(parents=True, exist_ok=True)
    # The fonts are Font Awesome's, which embed.js asks for beside itself when a widget shows an icon.
    for source in [HTML_MANAGER / "embed.js", HTML_MANAGER / "embed.js.LICENSE.txt", *HTML_MANAGER.glob("*.woff2")]:
        shutil.copy2(source, WIDGET_JS / source.name)
    return JS_DIST


def book(out_dir: Path | None = None, clean: bool = True) -> Path:
    """Build the whole book into OUT_DIR/_build (default: the project's _build); returns the html folder."""
    from .quiz.generate import generate_all

    widget_js()
    generate_all()
    out_dir = Path(out_dir or ROOT)
    if clean and (out_dir / "_build").exists():
        shutil.rmtree(out_dir / "_build")  # a rebuild over an old _build hides notebook failures
    env = tool_env(COURSE_STATIC_BOOK="1")
    started = time.perf_counter()
    _run([tool("jupyter-book"), "build", str(ROOT), "--path-output", str(out_dir), "-n", "-W", "--keep-going"],
         ROOT, env=env, what="jupyter-book build")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return out_dir / "_build" / "html"
