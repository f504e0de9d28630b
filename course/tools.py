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


def tool_env(**extra: str) -> dict:
    """The environment with this Python's bin folder first on PATH: nbgrader runs `alembic` from PATH."""
    return {**os.environ, "PATH": f"{BIN_DIR}{os.pathsep}{os.environ.get('PATH', '')}", **extra}


def tool(name: str) -> str:
    candidate = BIN_DIR / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise MissingTool(f"{name} is not installed here: run `make setup` (or pip install -e '.[dev]')")
    return found
