"""`python -m course doctor`: a participant's laptop, checked before the session, with what to fix in plain words.

It checks what a session needs, in the order a problem would show: the Python version, the course's packages,
that a notebook kernel starts, and that a quiz opens and its check works in that kernel."""
from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..paths import QUIZ_ROOT, ROOT
from .strings import TEXT

OLDEST = (3, 11, 2)  # Debian 12's Python, the oldest the course supports
# Import name -> distribution name: what a learner's notebook needs (not the facilitator's nbgrader).
NEEDED = {"pandas": "pandas", "ipywidgets": "ipywidgets", "matplotlib": "matplotlib", "yaml": "pyyaml",
          "nbformat": "nbformat", "jupyterlab": "jupyterlab", "ipykernel": "ipykernel"}
HOW_TO_INSTALL = TEXT("doc.install", "en")  # in the language in use: how_to_install()


def how_to_install() -> str:
    return TEXT("doc.install")


@dataclass
class Check:
    what: str
    ok: bool
    detail: str
    fix: str = ""


def check_python(version=None) -> Check:
    version = tuple(version or sys.version_info[:3])
    shown = ".".join(map(str, version))
    if version >= OLDEST:
        return Check("Python", True, TEXT("doc.version", v=shown))
    return Check("Python", False, TEXT("doc.too_old", v=shown, oldest=".".join(map(str, OLDEST))),
                 TEXT("doc.new_python"))


def pinned() -> dict[str, str]:
    """{distribution: version} pinned in the course's requirements.lock (empty if there is none)."""
    path = ROOT / "requirements.lock"
    if not path.is_file():
        return {}
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, version = line.strip().partition("==")
        if version:
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def check_packages() -> Check:
    pins = pinned()
    missing, other = [], []
    for module, dist in NEEDED.items():
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            missing.append(dist)
            continue
        wanted = pins.get(dist)
        if wanted and version != wanted:
            other.append(TEXT("doc.other_version", dist=dist, version=version, wanted=wanted))
    if missing:
        return Check("Packages", False, TEXT("doc.missing", dists=", ".join(missing)), how_to_install())
    if other:
        return Check("Packages", True, TEXT("doc.other_versions", which="; ".join(other)))
    return Check("Packages", True, TEXT("doc.all_there", n=len(NEEDED)))


def find_quiz() -> Path | None:
    """A released quiz notebook: in the course folder, or in the learner kit."""
    for folder in (QUIZ_ROOT / "release", ROOT / "quizzes" / "release"):
        found = sorted(folder.glob("*/*.ipynb")) if folder.is_dir() else []
        if found:
            return found[0]
    return None


def check_kernel_and_quiz(quiz: Path | None = None, timeout: float = 60) -> list[Check]:
    """Start a kernel as Jupyter would, then open a quiz in it: its first cell, and one check of an answer."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    try:
        manager, client = start_new_kernel(kernel_name="python3", startup_timeout=timeout, cwd=str(ROOT),
                                           stderr=subprocess.DEVNULL)  # the kernel's own notices are not for us
    except Exception as exc:  # no kernel spec, a blocked port, a broken install: all said the same way
        return [Check("Notebook kernel", False, TEXT("doc.no_kernel", why=str(exc).splitlines()[0][:200]),
                      TEXT("doc.kernel_fix"))]
    checks = [Check("Notebook kernel", True, TEXT("doc.kernel_ok"))]
    try:
        quiz = quiz or find_quiz()
        if quiz is None:
            checks.append(Check("Quiz", False, TEXT("doc.no_quiz"), TEXT("doc.quiz_fix")))
            return checks
        nb = nbformat.read(quiz, as_version=4)
        first = next(c.source for c in nb.cells if c.cell_type == "code")
        outputs = []
        reply = client.execute_interactive(first + "\nprint('quiz-ready')", timeout=timeout,
                                           output_hook=outputs.append)
        said = " ".join(o["content"].get("text", "") for o in outputs if o["msg_type"] == "stream")
        errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
        if reply["content"]["status"] == "ok" and "quiz-ready" in said:
            checks.append(Check("Quiz", True, TEXT("doc.quiz_ok", quiz=quiz.stem)))
        else:
            why = f"{errors[0]['ename']}: {errors[0]['evalue']}" if errors else TEXT("doc.no_reply")
            checks.append(Check("Quiz", False, TEXT("doc.quiz_fails", quiz=quiz.stem, why=why),
                                TEXT("doc.lab_fix", install=how_to_install())))
    except Exception as exc:
        checks.append(Check("Quiz", False, TEXT("doc.not_opened", why=str(exc).splitlines()[0][:200]),
                            how_to_install()))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return checks


def run_checks() -> list[Check]:
    checks = [check_python(), check_packages()]
    if all(c.ok for c in checks):
        checks += check_kernel_and_quiz()
    return checks


def cmd_doctor(args) -> int:
    before = i18n.language()
    i18n.use(getattr(args, "lang", None) or before)
    try:
        checks = run_checks()
        for c in checks:
            what = TEXT(f"doc.what.{c.what}") if f"doc.what.{c.what}" in TEXT else c.what
            print(f"{TEXT('doc.ok') if c.ok else TEXT('doc.problem')} {what}{TEXT('colon')}{c.detail}")
            if c.fix:
                print(TEXT("doc.todo", fix=c.fix))
        if all(c.ok for c in checks):
            print(TEXT("doc.all_set"))
            return 0
        print(TEXT("doc.fix_it"))
        return 1
    finally:
        i18n.use(before)


def register(subparsers) -> None:
    p = subparsers.add_parser("doctor", help="check this computer before a session: Python, packages, kernel, a quiz")
    p.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                   help="the language to speak (en, fr, es; default: the language in use)")
    p.set_defaults(func=cmd_doctor)
