"""Quizzes through nbgrader: the generated notebooks, what the release holds, and the graded round trip."""
from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest

from course.paths import QUIZ_ROOT
from course.quiz.generate import (
    all_specs,
    write_source,
)
from course.tools import tool_env
from dev.submissions import answer_cells, fill


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory):
    """A throw-away nbgrader course with every quiz generated and released."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    for quiz in all_specs():
        write_source(quiz, root)
        from course.quiz.generate import release
        release(quiz.id, root)
    return root


def secrets_of(quiz):
    """Text that must never reach a learner before answering: answers, hints, explanations, test code."""
    texts = ["BEGIN SOLUTION", "HIDDEN TESTS", "quiz.grade("]
    for q in quiz.questions:
        texts += [q.hint[:60], q.explanation[:60]]
    return texts


def test_release_has_no_answers_hints_explanations_or_tests(course_dir):
    for quiz in all_specs():
        release = (course_dir / "release" / quiz.id / quiz.notebook_name).read_text(encoding="utf-8")
        for secret in secrets_of(quiz):
            assert secret not in release, f"{quiz.id}: release shows {secret!r}"
        nb = nbformat.reads(release, as_version=4)
        for question, cell in answer_cells(nb).items():
            assert "answer = ..." in cell.source, f"{quiz.id}/{question}: no stub"
            assert "How to answer" in cell.source


def submit(course_dir, quiz_id, student, nb):
    folder = course_dir / "submitted" / student / quiz_id
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{quiz_id}.ipynb")


def right_answers(quiz):
    return {q.id: f"answer = {q.answer[0]!r}" for q in quiz.questions}


def scores(course_dir, quiz_id):
    from course.classroom.gradebook import question_scores

    return question_scores(course_dir, quiz_id)


def test_round_trip_through_nbgrader(course_dir):
    quiz = next(q for q in all_specs() if q.id == "treaty_bodies")
    release = nbformat.read(course_dir / "release" / quiz.id / quiz.notebook_name, as_version=4)
    right = right_answers(quiz)
    submit(course_dir, quiz.id, "alice", fill(release, right))
    submit(course_dir, quiz.id, "bob", fill(release, {**right, "who_sits": 'answer = "a"'}))
    submit(course_dir, quiz.id, "carol", fill(release, {**right, "who_sits": "answer = b",  # no quotes
                                                          "public_dialogue": "answer = [c"}))  # syntax error
    submit(course_dir, quiz.id, "dave", fill(release, {**right, "npm_itself": "while True: pass"}))
    result = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", quiz.id, "--force",
                             "--Execute.timeout=5", "--ExecutePreprocessor.timeout=5"],
                            cwd=course_dir, env=tool_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    got = scores(course_dir, quiz.id)
    total = sum(q.points for q in quiz.questions)
    assert sum(got["alice"].values()) == total
    assert got["bob"]["who_sits"] == 0 and sum(got["bob"].values()) == total - 1
    assert got["carol"]["who_sits"] == 0 and got["carol"]["public_dialogue"] == 0
    assert sum(got["carol"].values()) == total - 2
    # The infinite loop is interrupted at the timeout: that question scores 0, the rest are still graded.
    assert got["dave"]["npm_itself"] == 0 and sum(got["dave"].values()) == total - 1

    feedback = subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", quiz.id, "--force"],
                              cwd=course_dir, env=tool_env(), capture_output=True, text=True)
    assert feedback.returncode == 0, feedback.stderr[-3000:]
    html = (course_dir / "feedback" / "bob" / quiz.id / f"{quiz.id}.html").read_text(encoding="utf-8")
    assert "HIDDEN TESTS" not in html and "quiz.grade(" not in html
    for q in quiz.questions:  # every question's explanation is there, first words at least
        assert q.explanation.split()[0] in html
    assert "who_sits: not right" in html
