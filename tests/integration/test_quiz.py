"""Quizzes through nbgrader: the generated notebooks, what the release holds, and the graded round trip.

Grading never runs learner code (course.quiz.autograde): the attacks below are each performed by a crafted
submission and must change nothing but that learner's own marks."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from course.paths import QUIZ_ROOT
from course.quiz.generate import all_specs, release, source_notebook, write_source
from course.tools import tool_env
from dev.submissions import answer_cells, fill

QUIZ = "treaty_bodies"


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory):
    """A throw-away nbgrader course with every quiz generated and released."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    for quiz in all_specs():
        write_source(quiz, root)
        release(quiz.id, root)
    return root


@pytest.fixture(scope="module")
def quiz():
    return next(q for q in all_specs() if q.id == QUIZ)


def secrets_of(quiz):
    """Text that must never reach a learner before answering: answers, hints, explanations, why-nots."""
    texts = ["BEGIN SOLUTION", "HIDDEN TESTS"]
    for q in quiz.questions:
        texts += [q.hint[:60], q.explanation[:60], *(w[:60] for w in q.why_not.values())]
    return texts


def test_release_has_no_answers_hints_explanations_or_why_nots(course_dir):
    for quiz in all_specs():
        release_text = (course_dir / "release" / quiz.id / quiz.notebook_name).read_text(encoding="utf-8")
        for secret in secrets_of(quiz):
            assert secret not in release_text, f"{quiz.id}: release shows {secret!r}"
        nb = nbformat.reads(release_text, as_version=4)
        cells = answer_cells(nb)
        assert set(cells) == {q.id for q in quiz.questions}
        for q in quiz.questions:
            assert cells[q.id].source.strip() == "answer = ...", f"{quiz.id}/{q.id}: no stub"
            assert cells[q.id].metadata["quiz"] == {"question": q.id, "kind": q.kind}
        assert "set-up steps" in nb.cells[0].source and "(../../../README.md)" in nb.cells[0].source  # the kit's


def test_the_same_spec_gives_the_same_cells(course_dir):
    """Re-release, the learner kit and the book's download must carry the very same check cells."""
    for quiz in all_specs():
        assert nbformat.writes(source_notebook(quiz)) == nbformat.writes(source_notebook(quiz))
        before = (course_dir / "release" / quiz.id / quiz.notebook_name).read_bytes()
        write_source(quiz, course_dir)
        release(quiz.id, course_dir)
        assert (course_dir / "release" / quiz.id / quiz.notebook_name).read_bytes() == before, quiz.id


def submit(course_dir, student, nb):
    folder = course_dir / "submitted" / student / QUIZ
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{QUIZ}.ipynb")


def typed(q, form: str) -> str:
    """The right answer to q as a learner might type it: plain, Python-quoted, bare or shouted."""
    items = q.keys[0].split(",")
    if form == "plain":
        value = q.keys[0].replace(".", ",") if q.kind == "number" else ", ".join(items)
        return f"answer = {value}"
    if form == "python":
        value = json.dumps(items) if q.kind in ("letters", "order") else (
            q.keys[0] if q.kind == "number" else json.dumps(q.keys[0].upper()))
        return f"answer={value}"
    if form == "bare":
        return " ".join(items).upper() + "   # my answer"
    raise ValueError(form)


def a_wrong(q) -> str:
    if q.kind == "letter":
        return next(letter for letter in q.choices if letter not in q.keys)
    if q.kind in ("letters", "order"):
        return ", ".join(reversed(q.keys[0].split(","))) if q.kind == "order" else next(iter(q.choices))
    return "7777" if q.kind == "number" else "something else"


def scores(course_dir):
    from course.classroom.gradebook import question_scores

    return question_scores(course_dir, QUIZ)


def autograde(course_dir):
    result = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", QUIZ, "--force"],
                            cwd=course_dir, env=tool_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    feedback = subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", QUIZ, "--force"],
                              cwd=course_dir, env=tool_env(), capture_output=True, text=True, timeout=600)
    assert feedback.returncode == 0, feedback.stderr[-3000:]


@pytest.fixture(scope="module")
def graded(course_dir, quiz, tmp_path_factory):
    blank = nbformat.read(course_dir / "release" / QUIZ / f"{QUIZ}.ipynb", as_version=4)
    right = {q.id: typed(q, "plain") for q in quiz.questions}
    letter_q = next(q for q in quiz.questions if q.kind == "letter")
    number_q = next((q for q in quiz.questions if q.kind == "number"), None)
    marker = tmp_path_factory.mktemp("attack") / "ran.txt"
    for form in ("plain", "python", "bare"):
        submit(course_dir, form, fill(blank, {q.id: typed(q, form) for q in quiz.questions}))
    submit(course_dir, "wrong", fill(blank, {**right, letter_q.id: f"answer = {a_wrong(letter_q)}"}))
    submit(course_dir, "allwrong", fill(blank, {q.id: f"answer = {a_wrong(q)}" for q in quiz.questions}))
    submit(course_dir, "blank", blank)
    broken = {letter_q.id: "answer = [c\nanswer = d, e"}
    if number_q:
        broken[number_q.id] = "answer = four and a half"
    submit(course_dir, "broken", fill(blank, {**right, **broken}))
    # The attacks of issue 17, each as a participant made it.
    first, *rest = quiz.questions
    disarm = ("import course.quiz as quiz; quiz.check = quiz.grade = lambda *a, **k: None\n"
              f"answer = {a_wrong(first)}")
    submit(course_dir, "rigger", fill(blank, {first.id: disarm, **{q.id: f"answer = {a_wrong(q)}" for q in rest}}))
    spawn = (f"import subprocess; subprocess.Popen(['sh', '-c', 'touch {marker}; sleep 600']); "
             f"open({str(marker)!r}, 'w'); {typed(first, 'plain')}")
    submit(course_dir, "spawner", fill(blank, {**right, first.id: spawn}))
    submit(course_dir, "looper", fill(blank, {**right, first.id: "while True: pass"}))
    scripted = fill(blank, right)
    cell = answer_cells(scripted)[first.id]
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": "<script>document.title='PWNED-OUTPUT'</script>"})]
    cell.execution_count = 1
    scripted.cells.insert(3, nbformat.v4.new_markdown_cell("<script>document.title='PWNED-MARKDOWN'</script>"))
    scripted.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"x": {"model_name": "HTMLModel", "state": {"value": "<img src=x onerror=alert('PWNED-WIDGET')>"}}},
        "version_major": 2, "version_minor": 0}}
    submit(course_dir, "scripter", scripted)
    autograde(course_dir)
    return {"scores": scores(course_dir), "marker": marker, "letter_q": letter_q, "number_q": number_q}


def feedback_html(course_dir, student):
    return (course_dir / "feedback" / student / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")


def test_right_answers_score_full_marks_in_every_tolerated_form(graded, quiz):
    total = sum(q.points for q in quiz.questions)
    for form in ("plain", "python", "bare"):
        assert sum(graded["scores"][form].values()) == total, (form, graded["scores"][form])


def test_wrong_blank_and_unreadable_answers_score_zero_with_the_explanation(course_dir, graded, quiz):
    total = sum(q.points for q in quiz.questions)
    got = graded["scores"]
    letter_q = graded["letter_q"]
    assert got["wrong"][letter_q.id] == 0 and sum(got["wrong"].values()) == total - letter_q.points
    assert sum(got["allwrong"].values()) == 0 and sum(got["blank"].values()) == 0
    assert got["broken"][letter_q.id] == 0
    if graded["number_q"]:
        assert got["broken"][graded["number_q"].id] == 0
    for student in ("wrong", "allwrong", "blank", "broken"):
        html = feedback_html(course_dir, student)
        for q in quiz.questions:  # every question's explanation, whatever was typed
            assert q.explanation[:50] in html.replace("&quot;", '"').replace("&#39;", "'"), (student, q.id)
        for machinery in ("Traceback (most", "SyntaxError:", "NameError:", "quiz.check(", "HIDDEN TESTS"):
            assert machinery not in html, (student, machinery)
    html = feedback_html(course_dir, "wrong")
    assert f"{letter_q.id}: not right" in html and f"You chose {a_wrong(letter_q)}." in html
    assert letter_q.why_not[a_wrong(letter_q)][:40].replace("'", "&#39;") in html
    assert "no answer" in feedback_html(course_dir, "blank")
    assert "not written as asked" in feedback_html(course_dir, "broken")


def test_a_submission_that_disarms_the_checks_gets_no_marks(graded):
    assert sum(graded["scores"]["rigger"].values()) == 0


def test_nothing_a_submission_holds_runs(graded, quiz):
    total = sum(q.points for q in quiz.questions)
    assert not graded["marker"].exists(), "learner code ran during grading"
    assert sum(graded["scores"]["spawner"].values()) == total  # its answer line is still read
    first = quiz.questions[0]
    assert graded["scores"]["looper"][first.id] == 0
    assert sum(graded["scores"]["looper"].values()) == total - first.points


def test_scripts_in_a_submission_are_inert_for_the_facilitator(course_dir, graded, quiz):
    assert sum(graded["scores"]["scripter"].values()) == sum(q.points for q in quiz.questions)
    autograded = (course_dir / "autograded" / "scripter" / QUIZ / f"{QUIZ}.ipynb").read_text(encoding="utf-8")
    html = feedback_html(course_dir, "scripter")
    for text in (autograded, html):
        assert "<script>document.title='PWNED" not in text
        assert "PWNED-OUTPUT" not in text and "PWNED-WIDGET" not in text


def test_a_learner_answers_in_a_real_kernel_without_python_syntax(course_dir, quiz):
    """The release notebook run as a learner runs it: typed answers raise no Python error, and each check says
    how it read the answer and whether it is right."""
    from nbclient import NotebookClient

    blank = nbformat.read(course_dir / "release" / QUIZ / f"{QUIZ}.ipynb", as_version=4)
    letter_q = next(q for q in quiz.questions if q.kind == "letter")
    answers = {q.id: typed(q, "bare" if n % 2 else "plain") for n, q in enumerate(quiz.questions)}
    answers[letter_q.id] = f"answer = {a_wrong(letter_q).upper()}"
    nb = fill(blank, answers)
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(course_dir)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == [], errors
    checks = {c.metadata["nbgrader"]["grade_id"]: "".join(o.get("data", {}).get("text/html", "") for o in c.outputs)
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    for q in quiz.questions:
        if q.id == letter_q.id:
            assert "Not yet." in checks[q.id] and f"You chose {a_wrong(letter_q)}." in checks[q.id]
            assert "Hint:" in checks[q.id]
        else:
            assert "Right." in checks[q.id], (q.id, checks[q.id])
