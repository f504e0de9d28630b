"""Build steps shared by `make book`, the benchmark and the tests, so that all three build the same way."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

from ..errors import UserError
from ..i18n import LANGUAGES, NAMES, Text, number
from ..paths import ROOT, edition_root
from ..practice.templates import prepare as practice_files
from ..tools import tool, tool_env
from . import editions

JS_DIR = ROOT / "js"
AXE = JS_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Files made at build time and copied as they are into the book's html folder (html_extra_path).
GENERATED = ROOT / "_generated"
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


def planner_js(generated: Path = GENERATED, lang: str = "en") -> Path:
    """The book's planner: js/planner.js and the rules it ranks by, written from data/ in LANG (planner.rules())
    as one JSON object in rules.js, a classic script so that the page also works opened from disk."""
    from ..planner import rules

    target = generated / "planner"
    shutil.rmtree(generated / "widgets", ignore_errors=True)  # the widget renderer older builds copied here
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(JS_DIR / "planner.js", target / "planner.js")
    data = json.dumps(rules(lang=lang), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (target / "rules.js").write_text(f"window.COURSE_PLANNER_RULES = {data};\n", encoding="utf-8")
    return target


# What a learner needs to run the course in JupyterLab, without make: the steps are the book's set-up page
# (setup.md), which the kit carries as its README. `pip install -e .` of the kit installs course/ only.
# The widgets' one stylesheet comes along, so that JupyterLab shows them as the book does; the templates sit in
# templates/, where the module notebooks link them. Each edition has its own kit, in its language: its pages
# (modules, case file, set-up page), its quizzes and its templates; the package and the data are shared.
KIT_PAGES = ["case_file.ipynb"]
KIT_SHARED = ["pyproject.toml", "requirements.lock", "_static/course.css"]
KIT_SHARED_FOLDERS = {"data": "**/*", "course": "**/*.py"}
KIT_NAME = "npm-course-learner-kit.zip"
KIT_LINK = re.compile(r'<a href="downloads/npm-course-learner-kit\.zip" download>(.*?)</a>')
KIT_SIZE = "{{ kit_size }}"


SIZE = Text(__name__, {
    "unknown": {"en": "a few megabytes", "fr": "quelques mégaoctets", "es": "unos pocos megabytes"},
    "megabytes": {"en": "{n}\u00a0MB", "fr": "{n}\u00a0Mo", "es": "{n}\u00a0MB"},
})


def kit_size(kit: Path, lang: str = "en") -> str:
    """The kit's download size as the set-up page states it: "1.4 MB", "1,4 Mo", "1,4 MB"."""
    if not kit.exists():
        return SIZE("unknown", lang)  # an author's preview before the first full build
    return SIZE("megabytes", lang, n=number(kit.stat().st_size / 1e6, 1, lang))


def kit_readme(setup_page: Path, size: str) -> str:
    """The set-up page as plain Markdown for the kit: no MyST labels, the size filled in, no link to itself."""
    text = setup_page.read_text(encoding="utf-8")
    text = re.sub(r"^\([\w-]+\)=\n", "", text, flags=re.M)
    return KIT_LINK.sub(r"\1", text).replace(KIT_SIZE, size)


def learner_kit(generated: Path = GENERATED, lang: str = "en") -> Path:
    """One archive with the edition's module notebooks, its quizzes as released, the data, the package and the
    set-up steps as its README. Written twice: the README states the size of the archive it is in."""
    root = edition_root(lang)
    kit = generated / "downloads" / KIT_NAME
    kit.parent.mkdir(parents=True, exist_ok=True)
    files = [(root / name, name) for name in KIT_PAGES] + [(ROOT / name, name) for name in KIT_SHARED]
    files += [(path, f"modules/{path.name}") for path in sorted((root / "modules").glob("*.ipynb"))]
    for folder, pattern in KIT_SHARED_FOLDERS.items():
        files += [(path, f"{folder}/{path.relative_to(ROOT / folder).as_posix()}")
                  for path in sorted((ROOT / folder).glob(pattern))
                  if path.is_file() and "__pycache__" not in path.parts]
    for release in editions.release_folders(lang):
        files += [(path, path.relative_to(ROOT).as_posix()) for path in sorted(release.rglob("*.ipynb"))]
    files += [(path, f"templates/{path.name}") for path in sorted((generated / "templates").glob("*"))
              if path.is_file()]
    size = "?"
    for _ in range(2):
        with zipfile.ZipFile(kit, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("npm-course/README.md", kit_readme(root / "setup.md", size))
            for path, name in files:
                archive.write(path, f"npm-course/{name}")
        size = kit_size(kit, lang)
    return kit


def site_archive(html: Path) -> Path:
    """The whole site, every edition, in one archive, to copy to a USB stick and open from disk; pages link
    to it."""
    target = html / "downloads" / SITE_ARCHIVE_NAME
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(html.rglob("*")):
            if path.is_file() and path != target:
                archive.write(path, f"npm-course-site/{path.relative_to(html)}")
    return target


def check_edition(lang: str) -> None:
    """Everything the edition shows exists in its language, before any page is built: its pages, its book
    strings, every data table and its quizzes. Raises TranslationMissing naming the file, row and column."""
    from .. import kb
    from ..quiz.generate import check as check_quizzes

    if lang != "en":
        editions.check_pages(lang)
        editions.book_strings(lang)
    kb.load(lang=lang)
    check_quizzes(lang)


def prepare_edition(lang: str, source: Path) -> None:
    """What the edition's pages use that the build makes: the planner's script and rules, the quiz pages (and
    their paper versions and keys), the templates, the start page's times, and the learner kit."""
    from ..quiz.pages import prepare as quiz_pages

    generated = source / "_generated"
    planner_js(generated, lang)
    quiz_pages(generated, JS_DIR / "node_modules" / "js-sha256" / "build" / "sha256.min.js", lang=lang,
               pages_dir=source / "quizzes" / "pages")
    practice_files(generated, lang)  # templates to take to work, and the start page's computed times
    learner_kit(generated, lang)


def edition_paths(lang: str, out_dir: Path) -> tuple[Path, Path]:
    """An edition's book source and output folder: English builds from the project root into OUT_DIR/_build,
    another edition from its staged source into OUT_DIR/_build/editions/LANG/_build."""
    if lang == "en":
        return ROOT, out_dir
    output = out_dir / "_build" / "editions" / lang
    return editions.stage(lang, output), output


def build_editions(jobs: list[tuple[str, Path, Path]]) -> None:
    """Run Jupyter Book for each (lang, source, output), as many at once as the machine has cores. One build
    alone prints to the terminal; builds run side by side each write a log, printed in part if it fails."""
    command = [tool("jupyter-book"), "build", "{source}", "--path-output", "{output}", "-n", "-W", "--keep-going"]
    env = tool_env(COURSE_STATIC_BOOK="1")
    if len(jobs) == 1:
        lang, source, output = jobs[0]
        started = time.perf_counter()
        _run([c.format(source=source, output=output) for c in command], source, env=env,
             what=f"jupyter-book build ({NAMES[lang]})")
        print(f"{NAMES[lang]} edition built in {time.perf_counter() - started:.0f} s")
        return
    waiting, running, failed = list(jobs), [], []
    slots = max(1, min(len(jobs), os.cpu_count() or 1))
    while waiting or running:
        while waiting and len(running) < slots:
            lang, source, output = waiting.pop(0)
            log = output / "_build" / f"build-{lang}.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("w", encoding="utf-8") as out:
                process = subprocess.Popen([c.format(source=source, output=output) for c in command], cwd=source,
                                           env=env, stdout=out, stderr=subprocess.STDOUT)
            running.append((lang, log, process, time.perf_counter()))
            print(f"building the {NAMES[lang]} edition (log: {log})", flush=True)
        time.sleep(0.5)
        for job in [j for j in running if j[2].poll() is not None]:
            running.remove(job)
            lang, log, process, started = job
            if process.returncode == 0:
                print(f"{NAMES[lang]} edition built in {time.perf_counter() - started:.0f} s", flush=True)
            else:
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-60:]
                print("\n".join(tail), flush=True)
                failed.append(f"jupyter-book build ({NAMES[lang]}) failed (exit {process.returncode}); the end of "
                              f"its log is above, all of it in {log}")
    if failed:
        raise BuildError("\n".join(failed))


def book(out_dir: Path | None = None, clean: bool = True, prepare: bool = True,
         languages: tuple[str, ...] = LANGUAGES) -> Path:
    """Build every edition into OUT_DIR/_build/html (English), html/fr and html/es (default OUT_DIR: the
    project); returns the html folder.

    prepare=False skips the scripts, quizzes, templates, learner kits and site archive (an author's quick
    rebuild; see preview). Every edition is checked for missing translations first, so that a gap fails in
    seconds, naming its place, rather than after the English edition's build. The editions then build side
    by side (each with its own notebook cache)."""
    from ..quiz.generate import generate_all

    started = time.perf_counter()
    for lang in languages:
        check_edition(lang)
    out_dir = Path(out_dir or ROOT)
    if clean and (out_dir / "_build").exists():
        shutil.rmtree(out_dir / "_build")  # a rebuild over an old _build hides notebook failures
    if prepare:
        node_modules()
        generate_all()
    jobs = []
    for lang in languages:
        source, output = edition_paths(lang, out_dir)
        if prepare:
            prepare_edition(lang, source)
        jobs.append((lang, source, output))
    build_editions(jobs)
    html = out_dir / "_build" / "html"
    for lang, _source, output in jobs:
        if lang != "en":
            shutil.rmtree(html / lang, ignore_errors=True)
            html.mkdir(parents=True, exist_ok=True)
            shutil.copytree(output / "_build" / "html", html / lang)
    if prepare:
        site_archive(html)
    print(f"built in {time.perf_counter() - started:.0f} s")
    return html


def preview(languages: tuple[str, ...] = LANGUAGES) -> Path:
    """`make preview`: rebuild over the last build on Jupyter Book's cache, so that only the notebooks that
    changed run again. The first time (no build yet) it prepares everything as `make book` does."""
    return book(clean=False, prepare=not (ROOT / "_build" / "html" / "index.html").exists(), languages=languages)
