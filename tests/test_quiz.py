"""Quizzes: reading answers, the learner's check, the generated notebooks, and grading through nbgrader."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from course.paths import QUIZ_ROOT
from course.quiz import learner
from course.quiz.answers import AnswerFormatError, canonical, open_seal, seal
from course.quiz.generate import SpecError, all_specs, load_spec, source_notebook, write_source
from course.quiz.submissions import answer_cells, fill
from course.tools import tool_env


# --- answers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,typed,expected", [
    ("letter", " B ", "b"), ("letter", "'c'", "c"), ("word", "Private  Briefing.", "private briefing"),
    ("number", 25, "25"), ("number", "25.0", "25"), ("number", 4.5, "4.5"),
    ("letters", ["E", "b", " d "], "e,b,d"), ("letters", ("a",), "a"),
])
def test_canonical_forms(kind, typed, expected):
    assert canonical(kind, typed) == expected


@pytest.mark.parametrize("kind,typed,advice", [
    ("letter", ..., "replace the three dots"), ("letter", "bc", "not a single letter"),
    ("letter", 3, "not a single letter"), ("number", "ten", "not a number"), ("number", True, "not a number"),
    ("letters", "e,b,d", "not a list"), ("letters", [], "not a list"), ("letters", ["a", "bb"], "single letter"),
])
def test_malformed_answers_say_how_to_write_them(kind, typed, advice):
    with pytest.raises(AnswerFormatError, match=advice):
        canonical(kind, typed)


def test_seal_opens_only_for_a_right_answer():
    blob = seal("q", "letters", [["b", "a"], ["b", "c"]], "Think of the order.", "Because B comes first.")
    assert "Because" not in blob and "Think" not in blob and '"b"' not in blob
    assert open_seal(blob, ["B", "a"]) == (True, "Because B comes first.")
    assert open_seal(blob, ["b", "c"]) == (True, "Because B comes first.")
    assert open_seal(blob, ["a", "b"]) == (False, "Think of the order.")


def test_check_shows_hint_then_explanation(monkeypatch):
    shown = []
    monkeypatch.setattr(learner, "_show", lambda ok, text: shown.append((ok, text)))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    blob = seal("q", "letter", ["c"], "Look again at section 2.", "C is right because...")
    learner.check("q", "a", blob)
    learner.check("q", "C", blob)
    learner.check("q", ..., blob)
    learner.check("q", learner.BadlyWritten("answer = c d"), blob)
    assert shown[0] == (False, "Hint: Look again at section 2. Change your answer above, run it, then run this check again.")
    assert shown[1] == (True, "C is right because...")
    assert shown[2][0] is None and "replace the three dots" in shown[2][1]
    assert shown[3][0] is None and "answer = c d" in shown[3][1] and 'answer = "z"' in shown[3][1]


def test_check_is_silent_while_nbgrader_grades(monkeypatch):
    shown = []
    monkeypatch.setattr(learner, "_show", lambda ok, text: shown.append(text))
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    learner.check("q", "a", seal("q", "letter", ["c"], "h", "e"))
    assert shown == []


def test_grade_passes_right_and_fails_wrong_with_explanation(capsys):
    learner.grade("q", " C", "letter", ["c"], "Because.")
    assert "right" in capsys.readouterr().out
    with pytest.raises(AssertionError):
        learner.grade("q", "a", "letter", ["c"], "Because.")
    assert "Explanation: Because." in capsys.readouterr().out


@pytest.mark.parametrize("cell,is_answer_cell", [
    ('# How to answer\nanswer = "b"', True), ("answer = b c", True), ("answer=[a, b", True),
    ('quiz.check("q", answer, "x")\nquiz.grade(...)', False), ("x = 1\nanswer = 2", False), ("print(answer)", False),
])
def test_only_answer_cells_get_friendly_handling(cell, is_answer_cell):
    assert (learner.answer_line(cell) is not None) == is_answer_cell


def test_syntax_error_in_an_answer_cell_becomes_a_recorded_answer():
    assert learner._answer_cell_transformer(["answer = [a, b\n"]) == [
        "answer = __course_badly_written__('answer = [a, b')\n"]
    assert learner._answer_cell_transformer(['answer = "b"\n']) == ['answer = "b"\n']


# --- specs and generated notebooks ----------------------------------------------------------------------
def test_every_spec_loads_and_covers_its_objectives():
    quizzes = all_specs()
    assert quizzes, "no quiz specs found"
    for quiz in quizzes:
        assert len(quiz.questions) >= 8, quiz.id
        covered = {q.objective for q in quiz.questions}
        assert covered == set(range(1, len(quiz.objectives) + 1)), f"{quiz.id}: objectives not covered"
        assert len({q.kind for q in quiz.questions}) >= 3, f"{quiz.id}: too few kinds of question"


def test_data_answers_come_from_the_tables(kb):
    quiz = next(q for q in all_specs() if q.id == "treaty_bodies")
    question = next(q for q in quiz.questions if q.id == "spt_experts")
    assert question.answer == [kb.figure("spt", "experts")["value"]]


def test_malformed_spec_is_named(tmp_path):
    spec = tmp_path / "bad.yml"
    spec.write_text("id: bad\ntitle: t\nmodule: m\nminutes: 5\nintro: i\nobjectives: [o]\nquestions:\n"
                    "  - {id: q1, kind: letter, objective: 1, prompt: p, answer: zz, hint: h, explanation: e}\n")
    with pytest.raises(SpecError, match="bad.yml"):
        load_spec(spec)
    spec.write_text("id: bad\nquestions: [\n")
    with pytest.raises(SpecError, match="bad.yml: cannot read"):
        load_spec(spec)


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
    from course.facilitator.gradebook import question_scores

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
