"""The facilitator's `class` commands, on a throw-away copy of the course root (never the real quizzes/)."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from course.cli import main
from course.paths import QUIZ_ROOT
from course.quiz.generate import all_specs
from course.tools import tool_env
from dev.submissions import fill, released, right_answers

QUIZ = "treaty_bodies"


def run(capsys, *argv):
    """Run `python -m course ...` in-process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def quiz():
    return next(q for q in all_specs() if q.id == QUIZ)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A course root with the quiz released into its own exchange and a roster of participants."""
    root = tmp_path_factory.mktemp("class") / "quizzes"
    root.mkdir()
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    assert main(["class", "--root", str(root), "release", QUIZ]) == 0
    people = ["id,name,institution,email", "ana-silva,Ana Silva,NPM A,ana@example.org", "bo,Bo Lee,NPM B,",
              "right,R. Ight,NPM C,", "wrong,W. Rong,NPM C,"]
    bad_kinds = ["notnb", "empty", "deleted", "edited", "syntax", "loop", "stuck", "chatty", "raises", "writes"]
    people += [f"{k},{k.title()},NPM D," for k in bad_kinds]
    (root.parent / "roster.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    assert main(["class", "--root", str(root), "roster", str(root.parent / "roster.csv")]) == 0
    return root


def blank(root):
    return released(root, QUIZ)


def submit(root, student, content):
    folder = root / "submitted" / student / QUIZ
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{QUIZ}.ipynb"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        nbformat.write(content, path)


# --- roster ---------------------------------------------------------------------------------------------
def test_roster_adds_participants_to_the_roster_and_gradebook(root):
    from course.classroom import roster
    from course.classroom.gradebook import open_gradebook

    people = roster.load(root)
    assert people["ana-silva"]["institution"] == "NPM A" and people["bo"]["email"] == ""
    with open_gradebook(root) as gb:
        assert gb.find_student("ana-silva").email == "ana@example.org"


def test_bad_roster_rows_are_all_named_and_none_added(root, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,institution,email\nok-one,Ok,NPM\nAna,Ana,NPM,\n-x,X,NPM,\nok-one,Again,NPM,\n"
                   "fine,,NPM,\nmail,M,NPM,not-an-address\n", encoding="utf-8")
    code, out, err = run(capsys, "class", "--root", str(root), "roster", str(bad))
    assert code == 1
    for line, reason in [(3, "'Ana' must be lowercase"), (4, "'-x' must be"), (5, "already used on line 2"),
                         (6, "name is empty"), (7, "not an e-mail address")]:
        assert f"bad.csv:{line}: " in err and reason in err
    assert "ok-one" not in (root / "roster.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("text,message", [("name,institution\nA,B\n", "missing: id"), ("id,name,institution\n", "no participants")])
def test_roster_without_ids_or_people_is_refused(root, tmp_path, capsys, text, message):
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "class", "--root", str(root), "roster", str(path))
    assert code == 1 and message in err


def test_missing_roster_file_and_unknown_quiz_are_clear_errors(root, tmp_path, capsys):
    code, _, err = run(capsys, "class", "--root", str(root), "roster", str(tmp_path / "nope.csv"))
    assert code == 1 and "no such file" in err
    code, _, err = run(capsys, "class", "--root", str(root), "release", "no_such_quiz")
    assert code == 1 and "there is no quiz 'no_such_quiz'" in err
    code, _, err = run(capsys, "class", "--root", str(tmp_path), "grade", QUIZ)
    assert code == 1 and "no nbgrader_config.py" in err


# --- release and collect --------------------------------------------------------------------------------
def test_release_puts_the_quiz_in_the_projects_exchange(root):
    released = root / "exchange" / "npm-engagement" / "outbound" / QUIZ / f"{QUIZ}.ipynb"
    assert released.is_file()
    assert "HIDDEN TESTS" not in released.read_text(encoding="utf-8")


def test_collect_from_the_exchange(root, tmp_path, quiz, capsys):
    home = tmp_path / "bo"
    (home / QUIZ).mkdir(parents=True)
    nbformat.write(fill(blank(root), right_answers(quiz)), home / QUIZ / f"{QUIZ}.ipynb")
    from nbgrader.utils import get_username

    user = get_username()  # nbgrader submits as the account that runs it, as on a hub
    result = subprocess.run([sys.executable, "-m", "nbgrader", "submit", QUIZ, "--course", "npm-engagement",
                             f"--Exchange.root={root / 'exchange'}"], cwd=home, env=tool_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    code, out, _ = run(capsys, "class", "--root", str(root), "collect", QUIZ)
    assert code == 0 and f"1 submission(s) collected: {user}" in out
    assert (root / "submitted" / user / QUIZ / f"{QUIZ}.ipynb").is_file()
    shutil.rmtree(root / "submitted" / user)  # keep the graded batch below to the participants on the roster


def test_collect_from_a_folder_matches_by_id_and_keeps_the_rest(root, tmp_path, quiz, capsys):
    inbox = tmp_path / "usb"
    (inbox / "day1").mkdir(parents=True)
    nb = fill(blank(root), right_answers(quiz))
    nbformat.write(nb, inbox / "ana-silva_treaty_bodies.ipynb")
    nbformat.write(nb, inbox / "day1" / "Ana-Silva (1).ipynb")
    nbformat.write(nb, inbox / "anabel.ipynb")          # starts with "ana", but is not ana-silva
    (inbox / "notes.txt").write_text("hello", encoding="utf-8")
    code, out, _ = run(capsys, "class", "--root", str(root), "collect", QUIZ, "--from", str(inbox))
    assert code == 0
    assert "for ana-silva" in out and "1 collected, 2 file(s) matched no one" in out
    assert "anabel.ipynb" in out and "notes.txt" in out and "not used" in out
    assert {p.name for p in inbox.rglob("*") if p.is_file()} == {
        "Ana-Silva (1).ipynb", "anabel.ipynb", "ana-silva_treaty_bodies.ipynb", "notes.txt"}
    assert (root / "submitted" / "ana-silva" / QUIZ / f"{QUIZ}.ipynb").is_file()


def test_collect_from_a_missing_folder_is_a_clear_error(root, tmp_path, capsys):
    code, _, err = run(capsys, "class", "--root", str(root), "collect", QUIZ, "--from", str(tmp_path / "none"))
    assert code == 1 and "no such folder" in err


# --- grading that survives anything -----------------------------------------------------------------------
def fingerprint(*paths):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for base in paths for p in sorted(base.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def graded(root, quiz):
    """Grade a batch with every kind of bad submission in it, through the command line."""
    right = right_answers(quiz)
    nb = blank(root)
    source = root / "source" / QUIZ / f"{QUIZ}.ipynb"
    submit(root, "right", fill(nb, right))
    submit(root, "wrong", fill(nb, {**right, "who_sits": 'answer = "a"', "follow_up_years": "answer = 3"}))
    submit(root, "notnb", "This is a Word document, honestly.")
    submit(root, "empty", "")
    deleted = fill(nb, right)
    deleted.cells = [c for c in deleted.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in
                     ("who_sits", "who_sits_answer")]
    submit(root, "deleted", deleted)
    edited = fill(nb, {**right, "who_sits": 'answer = "a"'})
    for cell in edited.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "who_sits":
            cell.source = "pass  # no test here"
    submit(root, "edited", edited)
    submit(root, "syntax", fill(nb, {**right, "public_dialogue": "answer = [c", "npm_itself": "def f(:"}))
    submit(root, "loop", fill(nb, {**right, "npm_itself": "while True: pass"}))
    submit(root, "stuck", fill(nb, {**right, "npm_itself": "import signal; signal.signal(signal.SIGINT, "
                                                           "signal.SIG_IGN)\nwhile True: pass"}))
    submit(root, "chatty", fill(nb, {**right, "who_sits": "print('x' * 5_000_000)\nanswer = 'b'"}))
    submit(root, "raises", fill(nb, {**right, "who_sits": "raise RuntimeError('boom')"}))
    submit(root, "writes", fill(nb, {**right, "who_sits": (
        f"open({str(source)!r}, 'w').write('gone'); open('../../../gradebook.db', 'w').write('gone'); "
        "open('stray.txt', 'w').write('x'); answer = 'b'")}))
    protected = fingerprint(root / "source", root / "release")
    code = main(["class", "--root", str(root), "grade", QUIZ, "--timeout", "2", "--workers", "2"])
    assert code == 0
    assert fingerprint(root / "source", root / "release") == protected
    return json.loads((root / "reports" / QUIZ / "grading.json").read_text(encoding="utf-8"))["submissions"]


def test_every_submission_gets_a_score_or_a_reason(graded, quiz):
    total = sum(q.points for q in quiz.questions)
    score = {k: v["score"] for k, v in graded.items()}
    reason = {k: v["reason"] for k, v in graded.items()}
    assert score["right"] == total and score["wrong"] == total - 2
    assert "not a Jupyter notebook" in reason["notnb"] and "empty" in reason["empty"]
    assert score["deleted"] == total - 1 and "deleted: who_sits" in graded["deleted"]["notes"][0]
    assert score["edited"] == total - 1 and "original tests" in graded["edited"]["notes"][0]
    assert score["syntax"] == total - 2
    assert score["loop"] == total - 1                        # interrupted at the timeout: that question scores 0
    assert score["stuck"] == total - 1  # grading runs no learner code: a loop that ignores Ctrl+C costs nothing
    assert score["chatty"] == total and score["raises"] == total - 1
    assert score["writes"] is None or score["writes"] == total
    assert score["writes"] is not None or "damaged the grading files" in reason["writes"]
    for student, outcome in graded.items():
        assert outcome["score"] is not None or outcome["reason"], student


def test_the_gradebook_holds_exactly_the_graded_submissions(root, graded):
    from course.classroom.gradebook import question_scores

    scores = question_scores(root, QUIZ)
    assert set(scores) == {s for s, o in graded.items() if o["score"] is not None}
    for student in scores:
        assert sum(scores[student].values()) == graded[student]["score"]
    assert not list((root / "autograded").rglob("stray.txt"))


def test_feedback_explains_without_hidden_tests(root, graded, quiz):
    html = (root / "feedback" / "wrong" / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    assert "HIDDEN TESTS" not in html and "quiz.grade(" not in html
    assert "who_sits: not right" in html
    for q in quiz.questions:
        assert q.explanation.split()[0] in html
    chatty = (root / "feedback" / "chatty" / QUIZ / f"{QUIZ}.html").stat().st_size
    assert chatty < 2_000_000


def test_export_writes_one_row_per_participant(root, graded, tmp_path, capsys):
    out = tmp_path / "grades.csv"
    code, _, _ = run(capsys, "class", "--root", str(root), "export", "--output", str(out))
    assert code == 0
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["right"]["status"] == "graded" and rows["right"]["percent"] == "100"
    assert rows["notnb"]["status"] == "not graded" and "not a Jupyter notebook" in rows["notnb"]["reason"]
    assert rows["ana-silva"]["name"] == "Ana Silva"


def test_report_has_plots_with_alt_text_debrief_and_reasons(root, graded, quiz, capsys):
    code, out, _ = run(capsys, "class", "--root", str(root), "report", QUIZ)
    assert code == 0
    html = (root / "reports" / QUIZ / "report.html").read_text(encoding="utf-8")
    assert html.count("<img ") == 2 and html.count('alt="') == 2 and "Histogram of scores" in html
    who_sits = next(q for q in quiz.questions if q.id == "who_sits")
    assert "Most-missed" in html and who_sits.explanation[:40] in html
    assert "could not be graded" in html and "not a Jupyter notebook" in html
    # The class view names nobody; names and scores are in the facilitator's own page beside it.
    names = (root / "reports" / QUIZ / "participants.html").read_text(encoding="utf-8")
    for student in graded:
        assert f"<td>{student}</td>" in names and f"<td>{student}</td>" not in html
    assert "Ana Silva" in names and "Ana Silva" not in html


def test_grade_and_report_without_submissions_are_clear_errors(tmp_path, capsys):
    fresh = tmp_path / "quizzes"
    fresh.mkdir()
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", fresh / "nbgrader_config.py")
    code, _, err = run(capsys, "class", "--root", str(fresh), "grade", QUIZ)
    assert code == 1 and "class release" in err
