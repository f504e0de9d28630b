"""Quizzes without nbgrader: reading answers, sealing, the learner's check and the specs."""
from __future__ import annotations

import pytest

from course.quiz import learner
from course.quiz.answers import AnswerFormatError, canonical, open_seal, seal
from course.quiz.generate import (
    SpecError,
    all_specs,
    load_spec,
)


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
    spec.write_text("id: bad\ntitle: t\nmodule: m\nintro: i\nobjectives: [o]\nquestions:\n"
                    "  - {id: q1, kind: letter, objective: 1, prompt: p, answer: zz, hint: h, explanation: e}\n")
    with pytest.raises(SpecError, match="bad.yml"):
        load_spec(spec)
    spec.write_text("id: bad\nquestions: [\n")
    with pytest.raises(SpecError, match="bad.yml: cannot read"):
        load_spec(spec)
