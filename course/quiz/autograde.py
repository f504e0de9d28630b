"""The trusted grader: an nbgrader autograde preprocessor that grades without running learner code.

It takes the place of nbgrader's Execute (see quizzes/nbgrader_config.py). Answers are literals, so each
answer cell's source is read as text (course.quiz.answers.read, the reading the learner's check uses) and
compared with the spec in quizzes/specs/, which is read here, on the facilitator's side. The result goes into
the question's check cell as an output nbgrader's own SaveAutoGrades scores: a stream for a right answer, an
error for a wrong, blank or unreadable one (nbgrader gives a graded code cell 0 when its outputs hold an
error). Every question's explanation is written whatever was typed. Nothing the learner wrote runs, so it
cannot loop, fork, redefine the check or read other answers; outputs it saved were already cleared by
nbgrader's ClearOutput, and Markdown it added is shown as text, not HTML.
"""
from __future__ import annotations

import html
from pathlib import Path

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Unicode

from .answers import AnswerFormatError, describe, read
from .generate import SPEC_DIR, Question, find
from .strings import TEXT


def verdict(q: Question, source: str | None, lang: str = "en") -> tuple[bool, str, str]:
    """(right, headline, details) for one question, from the answer cell's source (None: cell deleted), in
    the quiz's language."""
    explanation = TEXT("grade.explanation", lang, text=q.explanation)
    if source is None:
        return False, TEXT("grade.deleted_head", lang, q=q.id), f"{TEXT('grade.deleted', lang)}\n{explanation}"
    try:
        key = read(q.kind, source, lang)
    except AnswerFormatError as exc:
        headline = TEXT("grade.blank_head" if exc.blank else "grade.malformed_head", lang, q=q.id)
        return False, headline, f"{exc}\n{explanation}"
    said = describe(q.kind, key, lang)
    if key in q.keys:
        return True, TEXT("grade.right_head", lang, q=q.id), f"{said}\n{explanation}"
    chosen = key.split(",") if q.kind in ("letter", "letters") else []
    why = [TEXT("check.why_not", lang, letter=letter, text=q.why_not[letter]) for letter in chosen
           if letter in q.why_not]
    return False, TEXT("grade.wrong_head", lang, q=q.id), "\n".join([said, *why, explanation])


def graded_output(q: Question, source: str | None, lang: str = "en"):
    right, headline, details = verdict(q, source, lang)
    if right:
        return new_output("stream", name="stdout", text=f"{headline}. {details}\n")
    # The traceback is what nbconvert shows: only our own lines, never code.
    return new_output("error", ename=headline, evalue=details, traceback=[headline, *details.splitlines()])


class GradeAnswers(NbGraderPreprocessor):
    """Grade every question of a quiz notebook from its answer cells' text."""

    enabled = Bool(True).tag(config=True)
    spec_dir = Unicode("", help="Folder of the quiz specs (default: the course's quizzes/specs)").tag(config=True)

    def preprocess(self, nb, resources):
        quiz_id = resources["nbgrader"]["assignment"]
        quiz = find(quiz_id, Path(self.spec_dir or SPEC_DIR))  # treaty_bodies_fr: specs/fr/treaty_bodies.yml
        questions = {q.id: q for q in quiz.questions}
        # Notebook metadata is the learner's too (saved widget state renders as HTML): keep only the kernel's.
        for key in list(nb.metadata):
            if key not in ("kernelspec", "language_info"):
                del nb.metadata[key]
        answers: dict[str, str] = {}
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            grade_id = meta.get("grade_id", "")
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
                if meta.get("solution") and grade_id.endswith("_answer"):
                    answers[grade_id[: -len("_answer")]] = cell.source
            elif cell.cell_type in ("markdown", "raw") and not meta.get("locked"):
                # A cell the learner added or edited: shown as text, so no HTML or script of theirs runs
                # in the facilitator's browser.
                cell.cell_type, cell.source = "markdown", html.escape(cell.source)
                cell.pop("attachments", None)
                cell.metadata.pop("format", None)
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            q = questions.get(meta.get("grade_id"))
            if q is not None and meta.get("grade") and cell.cell_type == "code":
                cell.outputs = [graded_output(q, answers.get(q.id), quiz.lang)]
        return nb, resources
