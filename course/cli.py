"""`python -m course ...`: the course's command line. Each command prints what it did and exits 0, or prints
what went wrong (never a traceback) and exits 1."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from .errors import UserError
from .i18n import LANGUAGES
from .kb.validate import DEFAULT_STALE_MONTHS, validate
from .paths import DATA_DIR, ROOT


def cmd_validate(args) -> int:
    data_dir = Path(args.data_dir or DATA_DIR)
    problems = validate(data_dir, stale_months=args.stale_months)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{data_dir}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    print(f"{data_dir}: valid ({warnings} warning(s))")
    return 0


def cmd_lab(lab_args: list[str]) -> int:
    """Open JupyterLab on the course folder (modules, quizzes, case file), for learners without make."""
    command = [sys.executable, "-m", "jupyter", "lab", *lab_args]
    return subprocess.call(command, cwd=ROOT)


def cmd_build(args) -> int:
    from .publish.build import book, preview

    languages = tuple(args.lang or LANGUAGES)
    html = preview(languages) if args.incremental else book(languages=languages)
    print(f"\nThe course is built. Open {html / 'index.html'} in a browser "
          f"(French: {html / 'fr' / 'index.html'}, Spanish: {html / 'es' / 'index.html'}).")
    return 0


def cmd_pdf(args) -> int:
    from .publish.pdf import build_pdf

    target = build_pdf(Path(args.out_dir) if args.out_dir else None, args.lang)
    print(f"\nThe PDF of the course is {target}")
    return 0


def cmd_quiz_generate(args) -> int:
    from .quiz.generate import generate_all

    for path in generate_all():
        print(f"released {path.relative_to(ROOT)}")
    return 0


# What the browser tests need from Debian, and how to tell each is there: the Chromium they drive, and the
# library Playwright's bundled Node.js driver loads, which a minimal Debian lacks.
BROWSER_PACKAGES = {
    "chromium": lambda: Path("/usr/bin/chromium").exists(),
    "libatomic1": lambda: _has_library("atomic"),
}


def _has_library(name: str) -> bool:
    import ctypes.util

    return ctypes.util.find_library(name) is not None


def missing_browser_packages() -> list[str]:
    """The Debian packages the browser tests need that are not installed (none off Linux: no such tests)."""
    if not sys.platform.startswith("linux"):
        return []
    return [package for package, installed in BROWSER_PACKAGES.items() if not installed()]


def cmd_setup_browser(args) -> int:
    """Install what the browser tests need from Debian (Playwright's own browser download does not work
    offline): quiet, and nothing to do when it is all there. Not root: say what to install."""
    import os
    import shutil

    missing = missing_browser_packages()
    if not missing:
        return 0
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing what the browser tests need (apt-get install {' '.join(missing)})...")
        quiet = {"capture_output": True, "text": True, "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}}
        subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
        result = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], **quiet)
        missing = missing_browser_packages()
        if not missing:
            return 0
        print((result.stderr or "")[-2000:], file=sys.stderr)  # apt's own reason, shown only when it failed
    print(f"note: the browser tests will be skipped: they need {' and '.join(missing)}. "
          f"On Debian or Ubuntu: sudo apt-get install {' '.join(missing)}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m course", description="NPM engagement course tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the tables in data/ (or DATA_DIR) against datapackage.json")
    p.add_argument("data_dir", nargs="?", help="folder with datapackage.json (default: the course's data/)")
    p.add_argument("--stale-months", type=int, default=DEFAULT_STALE_MONTHS,
                   help=f"warn about figures older than this (default {DEFAULT_STALE_MONTHS})")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("lab", help="open the course in JupyterLab")
    p.add_argument("lab_args", nargs=argparse.REMAINDER, help="passed on to jupyter lab")
    p.set_defaults(func=lambda args: cmd_lab(args.lab_args))
    p = sub.add_parser("setup-browser",
                       help="install what the browser tests need from Debian (Chromium, libatomic1), if root")
    p.set_defaults(func=cmd_setup_browser)
    p = sub.add_parser("build", help="build the book's three editions into _build/html (English), _build/html/fr "
                                     "and _build/html/es, from a clean _build")
    p.add_argument("--incremental", action="store_true",
                   help="rebuild over the last build, re-running only changed notebooks (make preview)")
    p.add_argument("--lang", action="append", choices=LANGUAGES,
                   help="build only this edition (repeat for several; default: all three)")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("pdf", help="print one edition of the course to one PDF (_build/pdf), with Debian's Chromium")
    p.add_argument("--out-dir", help="build under OUT_DIR/_build instead of the project's _build")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="the edition to print (default: en)")
    p.set_defaults(func=cmd_pdf)
    from .classroom import cli as classroom_cli
    from .classroom import doctor
    from .hub import cli as hub_cli

    classroom_cli.register(sub)
    doctor.register(sub)
    hub_cli.register(sub)
    quiz = sub.add_parser("quiz", help="quiz tools").add_subparsers(dest="quiz_command", required=True)
    p = quiz.add_parser("generate", help="generate quiz sources from quizzes/specs and their release versions")
    p.set_defaults(func=cmd_quiz_generate)
    return parser


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["lab"] and not {"-h", "--help"} & set(argv[1:2]):
        # Everything after `lab` goes to JupyterLab as typed: argparse would take `--no-browser` as its own.
        return cmd_lab([a for a in argv[1:] if a != "--"])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
