"""Build steps shared by `make book`, the benchmark and the tests, so that all three build the same way."""
from __future__ import annotations

import json
import re
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


# What a learner needs to run the course in JupyterLab, without make: the steps are the book's set-up page
# (setup.md), which the kit carries as its README. `pip install -e .` of the kit installs course/ only.
KIT_SETUP_PAGE = ROOT / "setup.md"
# The widgets' one stylesheet comes along, so that JupyterLab shows them as the book does; the templates sit in
# templates/, where the module notebooks link them.
KIT_FILES = ["pyproject.toml", "requirements.lock", "case_file.ipynb", "_static/course.css"]
KIT_FOLDERS = {"modules": "*.ipynb", "data": "*", "course": "**/*.py", "quizzes/release": "**/*.ipynb",
               "_generated/templates": "*"}
KIT_RENAMED = {"_generated/templates": "templates"}
KIT_LINK = re.compile(r'<a href="downloads/npm-course-learner-kit\.zip" download>(.*?)</a>')
KIT_SIZE = "{{ kit_size }}"


def kit_size() -> str:
    """The kit's download size as the set-up page states it, e.g. "1.4 MB"."""
    if not LEARNER_KIT.exists():
        return "a few megabytes"  # an author's preview before the first full build
    return f"{LEARNER_KIT.stat().st_size / 1e6:.1f} MB"


def kit_readme(size: str) -> str:
    """The set-up page as plain Markdown for the kit: no MyST labels, the size filled in, no link to itself."""
    text = KIT_SETUP_PAGE.read_text(encoding="utf-8")
    text = re.sub(r"^\([\w-]+\)=\n", "", text, flags=re.M)
    return KIT_LINK.sub(r"\1", text).replace(KIT_SIZE, size)


def learner_kit() -> Path:
    """One archive with the module notebooks, the quizzes as released, the data, the package and the set-up
    steps as its README. Written twice: the README states the size of the archive it is in."""
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    files = [(ROOT / name, name) for name in KIT_FILES]
    for folder, pattern in KIT_FOLDERS.items():
        target = KIT_RENAMED.get(folder, folder)
        files += [(path, f"{target}/{path.relative_to(ROOT / folder).as_posix()}")
                  for path in sorted((ROOT / folder).glob(pattern))
                  if path.is_file() and "__pycache__" not in path.parts]
    size = "?"
    for _ in range(2):
        with zipfile.ZipFile(LEARNER_KIT, "w", zipfile.ZIP_DEFLATED) as kit:
            kit.writestr("npm-course/README.md", kit_readme(size))
            for path, name in files:
                kit.write(path, f"npm-course/{name}")
        size = kit_size()
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
