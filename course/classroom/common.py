"""What the facilitator's commands share: the error they raise, where things live, running nbgrader."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import UserError
from ..tools import tool_env

# What nbgrader itself puts beside a submitted notebook: when it was submitted, and the secret from which the
# name of the feedback page is made (without it, released feedback can never be fetched).
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")


class ClassroomError(UserError):
    """A problem the facilitator can fix (bad roster, unknown quiz, missing folder); the message says how."""


def reports_dir(root: Path, quiz_id: str | None = None) -> Path:
    folder = Path(root) / "reports"
    return folder / quiz_id if quiz_id else folder


def spec(quiz_id: str):
    """The quiz spec of that id, or a ClassroomError naming the quizzes there are."""
    from ..quiz.generate import all_specs

    quizzes = {q.id: q for q in all_specs()}
    if quiz_id not in quizzes:
        raise ClassroomError(f"there is no quiz {quiz_id!r}: the quizzes are {', '.join(sorted(quizzes)) or 'none'} "
                         "(one YAML file each in quizzes/specs/)")
    return quizzes[quiz_id]


def quiz_ids(quiz_id: str | None) -> list[str]:
    from ..quiz.generate import all_specs

    return [spec(quiz_id).id] if quiz_id else [q.id for q in all_specs()]


def nbgrader(root: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run one nbgrader app in the course root, its output captured."""
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=tool_env(),
                          capture_output=True, text=True, timeout=timeout)


def failed(what: str, result: subprocess.CompletedProcess) -> ClassroomError:
    """nbgrader's failure in one line (its last), not its traceback."""
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return ClassroomError(f"nbgrader could not {what}: {lines[-1].strip() if lines else 'no reason given'}")


def require_root(root: Path) -> Path:
    root = Path(root)
    if not (root / "nbgrader_config.py").is_file():
        raise ClassroomError(f"{root} is not the course's quiz folder: it has no nbgrader_config.py")
    return root
