"""Reading results out of nbgrader's gradebook."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from ..tools import BIN_DIR


@contextmanager
def open_gradebook(course_root: Path):
    # nbgrader checks the database schema by running `alembic` from PATH.
    if str(BIN_DIR) not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = f"{BIN_DIR}{os.pathsep}{os.environ.get('PATH', '')}"
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{Path(course_root) / 'gradebook.db'}", "npm-engagement") as gb:
        yield gb


def question_scores(course_root: Path, quiz_id: str) -> dict[str, dict[str, float]]:
    """{participant: {question id: points}} for every graded submission of a quiz."""
    out: dict[str, dict[str, float]] = {}
    with open_gradebook(course_root) as gb:
        for submission in gb.find_assignment(quiz_id).submissions:
            scores = out.setdefault(submission.student.id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    scores[grade.cell.name] = grade.score
    return out
