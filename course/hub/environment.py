"""The hub's software: a Python environment made from the system's python3 (pinned), configurable-http-proxy
from npm (package-lock.json), and a copy of the course package and its data every account can read."""
from __future__ import annotations

import hashlib
import os
import shutil

from ..i18n import LANGUAGES
from ..paths import DATA_DIR, PACKAGE_DIR, ROOT, edition_root
from .settings import HUB_HOME, SYSTEM_PYTHON, app_dir, env_dir, proxy_dir, run

DEPLOY = ROOT / "deploy" / "jupyterhub"


def _pins_digest() -> str:
    h = hashlib.sha256()
    for name in ("requirements.txt", "requirements.lock", "package.json", "package-lock.json"):
        h.update((DEPLOY / name).read_bytes())
    h.update(os.path.realpath(SYSTEM_PYTHON).encode())
    return h.hexdigest()


def modules_folder(lang: str) -> str:
    """Where the hub's app folder keeps an edition's module notebooks: modules, modules-fr, modules-es."""
    return "modules" if lang == "en" else f"modules-{lang}"


def ensure_environment(quiet: bool = False) -> bool:
    """Create or update the hub's environment when the pins changed. True when something was installed."""
    say = (lambda *a: None) if quiet else print
    stamp = env_dir() / ".npm-course-hub-pins"
    digest = _pins_digest()
    installed = False
    if not (stamp.exists() and stamp.read_text() == digest):
        say(f"Installing the hub's Python environment into {env_dir()} (from {SYSTEM_PYTHON}; a few minutes)...")
        if env_dir().exists():
            shutil.rmtree(env_dir())
        HUB_HOME.mkdir(parents=True, exist_ok=True)
        os.chmod(HUB_HOME, 0o755)
        run([SYSTEM_PYTHON, "-m", "venv", str(env_dir())])
        pip = [str(env_dir() / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        run(pip + ["-r", str(DEPLOY / "requirements.txt"), "-c", str(DEPLOY / "requirements.lock")])
        say("Installing configurable-http-proxy with npm (package-lock.json)...")
        if proxy_dir().exists():
            shutil.rmtree(proxy_dir())
        proxy_dir().mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(DEPLOY / name, proxy_dir() / name)
        npm_env = {**os.environ, "PATH": f"{env_dir() / 'bin'}:{os.environ.get('PATH', '')}"}
        run([str(env_dir() / "bin" / "npm"), "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=proxy_dir(), env=npm_env)
        run(["chmod", "-R", "a+rX,go-w", str(HUB_HOME)])
        stamp.write_text(digest)
        installed = True
    install_app()
    return installed


def install_app() -> None:
    """Copy the course package, its data and the hub's configuration where every account can read them.
    Never the quiz specs: they hold every answer, hint and explanation (the facilitator's course gets its
    sources from the checkout, at set-up)."""
    target = app_dir()
    fresh = target.with_name("app.new")
    if fresh.exists():
        shutil.rmtree(fresh)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(PACKAGE_DIR, fresh / "course", ignore=ignore)
    shutil.copytree(DATA_DIR, fresh / "data", ignore=ignore)
    (fresh / "quizzes").mkdir()
    shutil.copy2(ROOT / "quizzes" / "nbgrader_config.py", fresh / "quizzes" / "nbgrader_config.py")
    shutil.copytree(DEPLOY, fresh / "deploy", ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    for lang in LANGUAGES:  # every edition's modules: a session gives its participants those of its language
        modules = edition_root(lang) / "modules"
        if modules.is_dir():
            shutil.copytree(modules, fresh / modules_folder(lang), ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    run(["chmod", "-R", "a+rX,go-w", str(fresh)])
    if target.exists():
        shutil.rmtree(target)
    fresh.rename(target)
    site = next((env_dir() / "lib").glob("python3*/site-packages"))
    (site / "npm_course_app.pth").write_text(f"{target}\n")
