"""Running the tools installed beside this Python (nbgrader, jupyter-book, npm) as subprocesses."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .errors import UserError

BIN_DIR = Path(sys.executable).parent


class MissingTool(UserError):
    pass


def put_bin_on_path() -> None:
    """For nbgrader run in this process: it checks the gradebook's schema by running `alembic` from PATH."""
    os.environ["PATH"] = tool_env()["PATH"]


def tool_env(**extra: str) -> dict:
    """The environment with this Python's bin folder first on PATH: nbgrader runs `alembic` from PATH."""
    path = os.environ.get("PATH", "")
    if str(BIN_DIR) not in path.split(os.pathsep):
        path = f"{BIN_DIR}{os.pathsep}{path}"
    return {**os.environ, "PATH": path, **extra}


def tool(name: str) -> str:
    candidate = BIN_DIR / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise MissingTool(f"{name} is not installed here: run `make setup` (or pip install -e '.[dev]')")
    return found
