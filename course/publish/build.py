"""Build steps shared by `make book`, the benchmark and the tests, so that all three build the same way."""
from __future__ import annotations

import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

from ..errors import UserError
from ..paths import ROOT
from ..practice.templates import prepare as practice_files
from ..tools import tool, tool_env

JS_DIR = ROOT / "js"
AXE = JS_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Files made at build time and copied as they are into the book's html folder (html_extra_path).
GENERATED = ROOT / "_generated"
PLANNER_JS = GENERATED / "planner"
DOWNLOADS = GENERATED / "downloads"
LEARNER_KIT = DOWNLOADS / "npm-course-learner-kit.zip"
SITE_ARCHIVE_NAME = "npm-course-site.zip"


class BuildError(UserError):
    pass


def _run(command: list[str], cwd: Path, env: dict | None = None, what: str = "") -> None:
    result = subprocess.run(command, cwd=cwd, env=env or tool_env())
    if result.returncode != 0:
        raise BuildError(f"{what or command[0]} failed (exit {result.returncode}); its output is above")


def node_modules() -> None:
    """Install the JavaScript from npm with the lock file, unless the installed copy is current."""
    lock = JS_DIR / "package-lock.json"
    stamp = JS_DIR / "node_modules" / ".package-lock.json"  # npm writes it on every install
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime and AXE.exists():
        return
    _run([tool("npm"), "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], JS_DIR,
         what="npm ci (js/package-lock.json)")


def planner_js() -> Path:
    """The book's planner: js/planner.js and the rules it ranks by, written from data/ (planner.rules()) as one
    JSON object in rules.js, a classic script so that the page also works opened from disk."""
    from ..planner import rules

    shutil.rmtree(GENERATED / "widgets", ignore_errors=True)  # the widget renderer older builds copied here
    PLANNER_JS.mkdir(parents=True, exist_ok=True)
    shutil.copy2(JS_DIR / "planner.js", PLANNER_JS / "planner.js")
    data = json.dumps(rules(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (PLANNER_JS / "rules.js").write_text(f"window.COURSE_PLANNER_RULES = {data};\n", encoding="utf-8")
    return PLANNER_JS


# What a learner needs to run the course in JupyterLab: `pip install -c requirements.lock .` in the folder,
# then `python -m course lab`.
KIT_FILES = ["README.md", "pyproject.toml", "requirements.lock"]
KIT_FOLDERS = {"modules": "*.ipynb", "data": "*", "course": "**/*.py", "quizzes/release": "**/*.ipynb"}


def learner_kit() -> Path:
    """One archive with the module notebooks, the quizzes as released, the data and the package."""
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(LEARNER_KIT, "w", zipfile.ZIP_DEFLATED) as kit:
        for name in KIT_FILES:
            kit.write(ROOT / name, f"npm-course/{name}")
        for folder, pattern in KIT_FOLDERS.items():
            for path in sorted((ROOT / folder).glob(pattern)):
                if path.is_file() and "__pycache__" not in path.parts:
                    kit.write(path, f"npm-course/{path.relative_to(ROOT)}")
    return LEARNER_KIT


def site_archive(html: Path) -> Path:
    """The whole site in one archive, to copy to a USB stick and open from disk; pages link to it."""
    target = html / "downloads" / SITE_ARCHIVE_NAME
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(html.rglob("*")):
            if path.is_file() and path != target:
                archive.write(path, f"npm-course-site/{path.relative_to(html)}")
    return target


def book(out_dir: Path | None = None, clean: bool = True, prepare: bool = True) -> Path:
    """Build the whole book into OUT_DIR/_build (default: the project's _build); returns the html folder.

    prepare=False skips the planner's script, quizzes, learner kit and site archive (an author's quick
    rebuild; see preview)."""
    from ..quiz.generate import generate_all

    if prepare:
        node_modules()
        planner_js()
        generate_all()
        practice_files()  # templates to take to work, and the start page's computed times
        learner_kit()
    out_dir = Path(out_dir or ROOT)
    if clean and (out_dir / "_build").exists():
        shutil.rmtree(out_dir / "_build")  # a rebuild over an old _build hides notebook failures
    started = time.perf_counter()
    _run([tool("jupyter-book"), "build", str(ROOT), "--path-output", str(out_dir), "-n", "-W", "--keep-going"],
         ROOT, env=tool_env(COURSE_STATIC_BOOK="1"), what="jupyter-book build")
    html = out_dir / "_build" / "html"
    if prepare:
        site_archive(html)
    print(f"built in {time.perf_counter() - started:.0f} s")
    return html


def preview() -> Path:
    """`make preview`: rebuild over the last build on Jupyter Book's cache, so that only the notebooks that
    changed run again. The first time (no build yet) it prepares everything as `make book` does."""
    return book(clean=False, prepare=not (ROOT / "_build" / "html" / "index.html").exists())
