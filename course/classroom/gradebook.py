"""Reading results out of nbgrader's gradebook."""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from pathlib import Path

from ..i18n import number
from ..paths import COURSE_ID
from ..tools import put_bin_on_path
from .common import ClassroomError
from .strings import TEXT


@contextmanager
def open_gradebook(course_root: Path):
    put_bin_on_path()
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import OperationalError, SAWarning

    # nbgrader's remove_submission leaves objects SQLAlchemy warns about, with a stack, on every regrade; the
    # warnings say nothing a facilitator can act on.
    path = Path(course_root) / "gradebook.db"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        try:
            gradebook = Gradebook(f"sqlite:///{path}", COURSE_ID)
        except OperationalError as exc:
            raise ClassroomError(TEXT("gb.cannot_open", path=path, why=exc.orig)) from None
        with gradebook as gb:
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


def drop_submission(gb, quiz_id: str, student: str) -> None:
    """Remove one submission and every mark in it, if there is one."""
    from nbgrader.api import MissingEntry

    try:
        gb.remove_submission(quiz_id, student)
    except MissingEntry:
        pass


OVERRIDE = TEXT("gb.override", "en")  # recorded in the language in use: TEXT("gb.override")


def overrides(gb, quiz_id: str, student: str) -> dict[str, tuple[float, str]]:
    """{question id: (points, note)} the facilitator set by hand for one submission (`class override`)."""
    from nbgrader.api import MissingEntry

    try:
        submission = gb.find_submission(quiz_id, student)
    except MissingEntry:
        return {}
    out = {}
    for notebook in submission.notebooks:
        notes = {c.cell.name: c.manual_comment or "" for c in notebook.comments}
        for grade in notebook.grades:
            if grade.manual_score is not None:
                name = grade.cell.name
                out[name] = (grade.manual_score, notes.get(name) or notes.get(f"{name}_answer") or TEXT("gb.override"))
    return out


def set_override(course_root: Path, quiz_id: str, student: str, question: str, points: float, note: str) -> str:
    """Give a question of one graded submission the facilitator's mark; returns the note recorded with it."""
    from nbgrader.api import MissingEntry

    with open_gradebook(course_root) as gb:
        try:
            submission = gb.find_submission(quiz_id, student)
        except MissingEntry:
            raise ClassroomError(TEXT("gb.no_submission", pid=student, quiz=quiz_id)) from None
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.cell.name != question:
                    continue
                if not 0 <= points <= grade.max_score:
                    raise ClassroomError(TEXT("gb.too_many", question=question, max=number(grade.max_score),
                                              points=number(points)))
                grade.manual_score = points
                text = f"{TEXT('gb.override')}: {note}" if note else TEXT("gb.override")
                for comment in notebook.comments:  # the note goes with the learner's answer, as in the formgrader
                    if comment.cell.name in (question, f"{question}_answer"):
                        comment.manual_comment = text
                gb.db.commit()
                return text
        questions = sorted({g.cell.name for n in submission.notebooks for g in n.grades})
        raise ClassroomError(TEXT("gb.no_question", quiz=quiz_id, question=question, questions=", ".join(questions)))
