"""Quizzes without nbgrader: reading answers, sealing, the learner's check and the specs."""
from __future__ import annotations

import pytest

from course.quiz import learner
from course.quiz.answers import AnswerFormatError, canonical, open_seal, read, seal, unseal
from course.quiz.generate import (
    SpecError,
    all_specs,
    load_spec,
)


# --- answers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,typed,expected", [
    ("letter", " B ", "b"), ("letter", "'c'", "c"), ("word", "Private  Briefing.", "private briefing"),
    ("number", 25, "25"), ("number", "25.0", "25"), ("number", 4.5, "4.5"),
    ("letters", ["E", "b", " d "], "b,d,e"), ("letters", ("a",), "a"), ("order", ["E", "b", " d "], "e,b,d"),
])
def test_canonical_forms(kind, typed, expected):
    assert canonical(kind, typed) == expected


@pytest.mark.parametrize("kind,typed,expected", [
    ("letter", "answer = b", "b"), ("letter", 'answer = "B"', "b"), ("letter", "answer=(c)  # sure", "c"),
    ("letter", "d", "d"), ("letters", "answer = b, d", "b,d"), ("letters", 'answer = ["d", "b"]', "b,d"),
    ("letters", "answer = B and D", "b,d"), ("letters", "answer = bd", "b,d"), ("order", "answer = c a b", "c,a,b"),
    ("number", "answer = 4,5", "4.5"), ("number", "answer = 4.5", "4.5"), ("number", "about 4,5 years", "4.5"),
    ("word", "answer = Sous-Comité", "sous comite"), ("letter", "print(1)\nanswer = 'b'", "b"),
])
def test_typed_answers_need_no_python_syntax(kind, typed, expected):
    assert read(kind, typed) == expected


@pytest.mark.parametrize("kind,typed,advice", [
    ("letter", "answer = ...", "not answered yet"), ("letter", "answer = bc", "not one letter"),
    ("letter", "answer = 3", "not one letter"), ("number", "ten", "not one number"),
    ("number", "answer = 4, 5 or 6", "not one number"), ("letters", "answer = b, b", "a letter twice"),
    ("letters", "answer = a, bb", "is not one letter"), ("letter", "answer = b\nanswer2 = c\nx", "b"),
])
def test_malformed_answers_say_how_to_write_them(kind, typed, advice):
    if advice == "b":  # the last `answer =` line counts
        assert read(kind, typed) == "b"
        return
    with pytest.raises(AnswerFormatError, match=advice):
        read(kind, typed)


def test_seal_opens_only_for_a_right_answer_and_shows_the_chosen_why_not():
    blob = seal("q", "order", [["b", "a"], ["b", "c"]], "Think of the order.", "Because B comes first.")
    assert "Because" not in blob and "Think" not in blob
    assert open_seal(blob, "b,a") == {"right": True, "text": "Because B comes first.", "why": []}
    assert open_seal(blob, "b,c")["right"] and not open_seal(blob, "a,b")["right"]
    assert open_seal(blob, "a,b")["text"] == "Think of the order."
    blob = seal("q", "letter", ["c"], "h", "e", {"a": "A is the State's job.", "b": "Too late."}, ["a", "b", "c"])
    assert open_seal(blob, "a")["why"] == [["a", "A is the State's job."]] and open_seal(blob, "c")["why"] == []


def test_sealing_is_deterministic_and_hides_which_option_is_right():
    args = ("q", "letter", ["c"], "h", "e", {"a": "short", "b": "a much longer reason"}, ["a", "b", "c"])
    assert seal(*args) == seal(*args)
    data = unseal(seal(*args))
    assert len({len(w) for w in data["w"]}) == 1  # every option's entry has the same length


def test_check_says_how_it_read_the_answer_then_hint_or_explanation(monkeypatch):
    shown = []
    monkeypatch.setattr(learner, "_show", lambda ok, text, lang="en": shown.append((ok, text)))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    blob = seal("q", "letters", [["b", "d"]], "Look again at section 2.", "B and D because...",
                {"a": "A is wrong because.", "c": "C is wrong because."}, ["a", "b", "c", "d"])
    for typed in ("answer = a, b", "answer = D, b", "answer = ...", "answer = b, zz"):
        monkeypatch.setattr(learner, "_typed_answer", lambda typed=typed: typed)
        learner.check("q", blob)
    assert shown[0][0] is False and "You chose a and b." in shown[0][1] and "Why not a: A is wrong" in shown[0][1]
    assert "Hint: Look again at section 2." in shown[0][1] and "C is wrong" not in shown[0][1]
    assert shown[1] == (True, "You chose b and d.\nB and D because...")
    assert shown[2][0] is None and "not answered yet" in shown[2][1]
    assert shown[3][0] is None and "zz" in shown[3][1] and "answer = x, y" in shown[3][1]


def test_check_is_silent_while_nbgrader_grades(monkeypatch):
    shown = []
    monkeypatch.setattr(learner, "_show", lambda ok, text: shown.append(text))
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    learner.check("q", seal("q", "letter", ["c"], "h", "e"))
    assert shown == []


def test_the_grader_reads_text_and_always_explains():
    from course.quiz.autograde import verdict
    from course.quiz.generate import Question

    q = Question(id="q", kind="letter", prompt="p", answer=["c"], hint="h", explanation="Because.", objective=1,
                 choices={"a": "x", "b": "y", "c": "z"}, why_not={"a": "A is late.", "b": "B is early."})
    assert verdict(q, "answer = C") == (True, "q: right", "You chose c.\nExplanation: Because.")
    right, headline, details = verdict(q, "answer = a")
    assert not right and headline == "q: not right" and "Why not a: A is late." in details and "B is" not in details
    assert verdict(q, "answer = ...")[1] == "q: no answer" and "Because." in verdict(q, "answer = ...")[2]
    assert verdict(q, "while True: pass")[1] == "q: not written as asked"
    assert verdict(q, None)[1] == "q: no answer" and "deleted" in verdict(q, None)[2]


@pytest.mark.parametrize("cell,is_answer_cell", [
    ("answer = b", True), ("answer = b c", True), ("answer=[a, b", True), ("b, d", True), ("4,5", True),
    ('quiz.check("q", "x")', False), ("x = 1\nanswer = 2", False), ("print(answer)", False),
    ("answer", False), ("answer == 'b'", False),
])
def test_only_answer_cells_are_read_as_text(cell, is_answer_cell):
    assert learner.is_answer_cell(cell) == is_answer_cell


def test_an_answer_cell_becomes_the_text_typed():
    assert learner.answer_cell_transformer(["answer = [a, b\n"]) == ["answer = __course_typed__('answer = [a, b\\n')\n"]
    assert learner.answer_cell_transformer(["x = 1\n", "print(x)\n"]) == ["x = 1\n", "print(x)\n"]


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


def test_in_a_real_ipython_shell_typed_answers_raise_no_python_error(monkeypatch, capsys):
    from IPython.testing.globalipapp import get_ipython

    shell = get_ipython()
    shown = []
    monkeypatch.setattr(learner, "_show", lambda ok, text, lang="en": shown.append((ok, text)))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert shell.run_cell("import course.quiz as quiz; quiz.setup()").success
    blob = seal("q", "letters", [["b", "d"]], "h", "B and D.")
    for cell in ("answer = b, d", "answer = D and B", "b d", "answer = [b, d"):
        result = shell.run_cell(cell)
        assert result.success and result.error_in_exec is None, cell
        assert shell.run_cell(f'quiz.check("q", "{blob}")').success
        assert shown.pop() == (True, "You chose b and d.\nB and D.")
    assert "Error" not in capsys.readouterr().out
