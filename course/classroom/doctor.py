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

from ..paths import QUIZ_ROOT, ROOT

OLDEST = (3, 11, 2)  # Debian 12's Python, the oldest the course supports
# Import name -> distribution name: what a learner's notebook needs (not the facilitator's nbgrader).
NEEDED = {"pandas": "pandas", "ipywidgets": "ipywidgets", "matplotlib": "matplotlib", "yaml": "pyyaml",
          "nbformat": "nbformat", "jupyterlab": "jupyterlab", "ipykernel": "ipykernel"}
HOW_TO_INSTALL = ("in the course folder, run: make setup (or: python3 -m venv .venv, then "
                  ".venv/bin/pip install -c requirements.lock -e .)")


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
        return Check("Python", True, f"version {shown}")
    return Check("Python", False, f"version {shown} is too old: the course needs {'.'.join(map(str, OLDEST))} "
                 "or newer", "install a newer Python (python.org, or your system's packages), then set up the "
                 "course again")


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
            other.append(f"{dist} {version} (the course is tested with {wanted})")
    if missing:
        return Check("Packages", False, f"missing: {', '.join(missing)}", HOW_TO_INSTALL)
    if other:
        return Check("Packages", True, "all there; other versions than the course's: " + "; ".join(other)
                     + ". This usually works; if something misbehaves, set up the course again")
    return Check("Packages", True, f"all {len(NEEDED)} there")


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
        return [Check("Notebook kernel", False, f"it does not start ({str(exc).splitlines()[0][:200]})",
                      "run: python -m ipykernel install --user, then run this check again; if it still fails, "
                      "ask your facilitator for the hub or the USB copy")]
    checks = [Check("Notebook kernel", True, "it starts and runs Python")]
    try:
        quiz = quiz or find_quiz()
        if quiz is None:
            checks.append(Check("Quiz", False, "no quiz is in the course folder yet",
                                "run: python -m course quiz generate (or use the learner kit from the course's "
                                "start page, which has the quizzes)"))
            return checks
        nb = nbformat.read(quiz, as_version=4)
        first = next(c.source for c in nb.cells if c.cell_type == "code")
        outputs = []
        reply = client.execute_interactive(first + "\nprint('quiz-ready')", timeout=timeout,
                                           output_hook=outputs.append)
        said = " ".join(o["content"].get("text", "") for o in outputs if o["msg_type"] == "stream")
        errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
        if reply["content"]["status"] == "ok" and "quiz-ready" in said:
            checks.append(Check("Quiz", True, f"{quiz.stem} opens and its first cell runs"))
        else:
            why = f"{errors[0]['ename']}: {errors[0]['evalue']}" if errors else "no answer from the kernel"
            checks.append(Check("Quiz", False, f"{quiz.stem} opens, but its first cell fails ({why})",
                                "start JupyterLab from the course folder (python -m course lab), so that the "
                                "notebook finds the course; if it still fails, " + HOW_TO_INSTALL))
    except Exception as exc:
        checks.append(Check("Quiz", False, f"it could not be opened ({str(exc).splitlines()[0][:200]})",
                            HOW_TO_INSTALL))
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
    checks = run_checks()
    for c in checks:
        print(f"{'OK     ' if c.ok else 'PROBLEM'} {c.what}: {c.detail}")
        if c.fix:
            print(f"        What to do: {c.fix}")
    if all(c.ok for c in checks):
        print("All set: this computer is ready for the session.")
        return 0
    print("Fix the problem above, then run the check again (python -m course doctor). If you cannot, tell your "
          "facilitator what it says: they can lend you the hub or a ready copy.")
    return 1


def register(subparsers) -> None:
    p = subparsers.add_parser("doctor", help="check this computer before a session: Python, packages, kernel, a quiz")
    p.set_defaults(func=cmd_doctor)
