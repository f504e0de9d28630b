"""A facilitated session as it goes wrong in a real room: re-release, resubmission, regrade, export, feedback.

Each test reproduces a bug of issue 13 on its own small course root (two or three participants), so that it
runs in seconds and does not depend on the big graded batch of test_classroom.py."""
from __future__ import annotations

import csv
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


@pytest.fixture(scope="module")
def quiz():
    return next(q for q in all_specs() if q.id == QUIZ)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def new_root(tmp_path, people=("ana-silva,Ana Silva,NPM A,ana@example.org", "bo,Bo Lee,NPM B,")):
    root = tmp_path / "quizzes"
    root.mkdir()
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    assert main(["class", "--root", str(root), "release", QUIZ]) == 0
    (tmp_path / "roster.csv").write_text("\n".join(["id,name,institution,email", *people]) + "\n", encoding="utf-8")
    assert main(["class", "--root", str(root), "roster", str(tmp_path / "roster.csv")]) == 0
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return new_root(tmp_path_factory.mktemp("session"))


def blank(root):
    return released(root, QUIZ)


def submit(root, student, nb):
    folder = root / "submitted" / student / QUIZ
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{QUIZ}.ipynb")


def exchange_submit(root, home, nb):
    (home / QUIZ).mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, home / QUIZ / f"{QUIZ}.ipynb")
    result = subprocess.run([sys.executable, "-m", "nbgrader", "submit", QUIZ, "--course", "npm-engagement",
                             f"--Exchange.root={root / 'exchange'}"], cwd=home, env=tool_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def gradebook_scores(root, student):
    from course.classroom.gradebook import question_scores

    return question_scores(root, QUIZ)[student]


# --- bug 2: a resubmission is collected and counted --------------------------------------------------------
def test_a_resubmission_is_counted_as_collected(tmp_path, quiz, capsys):
    from nbgrader.utils import get_username

    root = new_root(tmp_path)
    nb = fill(blank(root), right_answers(quiz))
    exchange_submit(root, tmp_path / "home", nb)
    code, out, _ = run(capsys, "class", "--root", str(root), "collect", QUIZ)
    assert code == 0 and "1 submission(s) collected" in out
    exchange_submit(root, tmp_path / "home", nb)       # the same learner submits again
    code, out, _ = run(capsys, "class", "--root", str(root), "collect", QUIZ)
    assert code == 0 and f"1 submission(s) collected: {get_username()}" in out
    # the learner is not on the roster: the facilitator is told at collect time
    assert f"{get_username()} is not on the roster" in out


# --- bug 1: release again after submissions arrived --------------------------------------------------------
def test_release_refuses_once_submissions_exist_unless_forced(tmp_path, quiz, capsys):
    root = new_root(tmp_path)
    submit(root, "bo", fill(blank(root), right_answers(quiz)))
    code, _, err = run(capsys, "class", "--root", str(root), "release", QUIZ)
    assert code == 1 and "1 submission(s)" in err and "--force" in err
    code, out, _ = run(capsys, "class", "--root", str(root), "release", QUIZ, "--force")
    assert code == 0 and f"released {QUIZ}" in out


def test_a_notebook_from_another_generation_is_not_flagged(root, quiz, tmp_path):
    """A notebook from the learner kit or the book's download link carries other sealed blobs: no 'changed'."""
    from course.classroom.grading import prescreen
    from course.quiz.answers import seal

    nb = fill(blank(root), right_answers(quiz))
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        question = next((q for q in quiz.questions if q.id == grade_id), None)
        if question and cell.metadata["nbgrader"].get("grade"):
            blob = cell.source.split('"')[3]
            cell.source = cell.source.replace(blob, seal(question.id, question.kind, question.answer, "h", "e"))
    folder = tmp_path / "ana-silva" / QUIZ
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{QUIZ}.ipynb")
    reason, notes = prescreen(folder, QUIZ, blank(root))
    assert reason == "" and notes == []
    edited = nb.cells[[c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells].index("who_sits")]
    edited.source = "pass"
    nbformat.write(nb, folder / f"{QUIZ}.ipynb")
    assert "test cell(s) changed: who_sits" in prescreen(folder, QUIZ, blank(root))[1][0]


# --- bug 3: a regrade replaces every autograded mark --------------------------------------------------------
def test_regrade_replaces_old_marks_of_deleted_questions(root, quiz, capsys):
    total = sum(q.points for q in quiz.questions)
    submit(root, "ana-silva", fill(blank(root), right_answers(quiz)))
    submit(root, "bo", fill(blank(root), right_answers(quiz)))
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    assert sum(gradebook_scores(root, "bo").values()) == total
    deleted = fill(blank(root), right_answers(quiz))
    deleted.cells = [c for c in deleted.cells
                     if c.metadata.get("nbgrader", {}).get("grade_id") not in ("who_sits", "who_sits_answer")]
    submit(root, "ana-silva", deleted)
    stripped = fill(blank(root), right_answers(quiz))
    for cell in stripped.cells:
        cell.metadata = {}
    submit(root, "bo", stripped)
    code, out, _ = run(capsys, "class", "--root", str(root), "grade", QUIZ, "--workers", "1")
    assert code == 0
    assert gradebook_scores(root, "ana-silva")["who_sits"] == 0
    assert sum(gradebook_scores(root, "ana-silva").values()) == total - 1
    assert sum(gradebook_scores(root, "bo").values()) == 0
    assert f"ana-silva: {total - 1:g} / {total:g}" in out and f"bo: 0 / {total:g}" in out


# --- manual override: recorded, shown, and kept on regrade -------------------------------------------------
def test_override_is_recorded_shown_and_kept_on_regrade(root, quiz, capsys, tmp_path):
    total = sum(q.points for q in quiz.questions)
    submit(root, "ana-silva", fill(blank(root), {**right_answers(quiz), "who_sits": "answer = option b"}))
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    assert gradebook_scores(root, "ana-silva")["who_sits"] == 0
    code, out, _ = run(capsys, "class", "--root", str(root), "override", QUIZ, "ana-silva", "who_sits", "1",
                       "--note", "right letter, written as a phrase")
    assert code == 0 and "who_sits" in out
    assert gradebook_scores(root, "ana-silva")["who_sits"] == 1
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    assert gradebook_scores(root, "ana-silva")["who_sits"] == 1
    out_csv = tmp_path / "grades.csv"
    assert main(["class", "--root", str(root), "export", QUIZ, "-o", str(out_csv)]) == 0
    rows = {r["id"]: r for r in csv.DictReader(out_csv.open(encoding="utf-8-sig"))}
    assert rows["ana-silva"]["score"] == f"{total:g}"
    assert "overridden by the facilitator: who_sits" in rows["ana-silva"]["reason"]
    code, _, err = run(capsys, "class", "--root", str(root), "override", QUIZ, "ana-silva", "who_sits", "5")
    assert code == 1 and "at most 1" in err


# --- bug 4: export lists only what was released ------------------------------------------------------------
def test_export_lists_only_released_quizzes(root, tmp_path):
    from course.classroom.gradebook import open_gradebook

    with open_gradebook(root) as gb:   # what `quiz generate` or the book build leave in a gradebook
        gb.update_or_create_assignment("upr")
        gb.update_or_create_assignment("courts")
    out = tmp_path / "grades.csv"
    assert main(["class", "--root", str(root), "export", "-o", str(out)]) == 0
    assert {r["quiz"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))} == {QUIZ}
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")     # Excel reads UTF-8 only with the BOM


# --- bug 5: exit code and warnings -------------------------------------------------------------------------
def grade_command(root):
    return subprocess.run([sys.executable, "-m", "course", "class", "--root", str(root), "grade", QUIZ],
                          env=tool_env(), capture_output=True, text=True)


def test_grade_fails_when_nothing_could_be_graded(tmp_path):
    root = new_root(tmp_path)
    for student in ("ana-silva", "bo"):
        folder = root / "submitted" / student / QUIZ
        folder.mkdir(parents=True)
        (folder / f"{QUIZ}.ipynb").write_text("This is a Word document, honestly.", encoding="utf-8")
    result = grade_command(root)
    assert result.returncode == 1
    assert "0 graded, 2 could not be graded" in result.stdout


def test_grading_twice_prints_no_database_warnings(tmp_path, quiz):
    root = new_root(tmp_path)
    submit(root, "bo", fill(blank(root), right_answers(quiz)))
    for _ in range(2):
        result = grade_command(root)
        assert result.returncode == 0 and "1 graded" in result.stdout
        assert "Warning" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]


# --- bug 6, the feedback page: contents that name the questions, no dead link, text that wraps ---------------
def test_feedback_page_names_questions_has_no_dead_link_and_wraps(root, quiz):
    submit(root, "bo", fill(blank(root), right_answers(quiz)))
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    page = (root / "feedback" / "bo" / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    assert "Test cell" not in page
    for n, q in enumerate(quiz.questions, start=1):
        assert f'<a href="#{q.id}">Question {n}' in page
    assert " download>" not in page and f'href="{QUIZ}.ipynb"' not in page
    assert "pre-wrap" in page and 'name="viewport"' in page
    assert f"<title>{quiz.title}" in page


# --- returned files, feedback back to learners, the debrief, forgetting ------------------------------------
def test_a_single_renamed_notebook_is_used_and_other_files_are_warned_about(tmp_path):
    from course.classroom.session import tidy_submission

    folder = tmp_path / "bo" / QUIZ
    folder.mkdir(parents=True)
    (folder / f"{QUIZ} (1).ipynb").write_text("{}", encoding="utf-8")
    (folder / "notes.docx").write_text("x", encoding="utf-8")
    warnings = tidy_submission(folder, QUIZ)
    assert (folder / f"{QUIZ}.ipynb").is_file()
    assert any(f"{QUIZ} (1).ipynb" in w for w in warnings) and any("notes.docx" in w for w in warnings)


@pytest.fixture(scope="module")
def session(tmp_path_factory, quiz):
    """A class of three: returned by e-mail under all sorts of names, graded, a report made."""
    tmp = tmp_path_factory.mktemp("debrief")
    root = new_root(tmp, people=("ana-silva,Ana Silva,NPM A,ana@example.org", "bo,Bo Lee,NPM B,",
                                 "jose-perez,José Pérez,MNP España,jp@example.org"))
    inbox = tmp / "inbox"
    (inbox / "bo").mkdir(parents=True)
    right = right_answers(quiz)
    nbformat.write(fill(blank(root), {**right, "who_sits": 'answer = "a"'}), inbox / "Pérez José - tratados.ipynb")
    nbformat.write(fill(blank(root), {**right, "who_sits": "answer = b c", "npm_itself": 'answer = "a"'}),
                   inbox / "bo" / f"{QUIZ} (1).ipynb")
    nbformat.write(fill(blank(root), right), inbox / "ana-slva.ipynb")
    return root, inbox


def test_returned_files_are_matched_by_name_and_folder_or_a_participant_suggested(session, capsys):
    root, inbox = session
    code, out, _ = run(capsys, "class", "--root", str(root), "collect", QUIZ, "--from", str(inbox))
    assert code == 0
    assert "for jose-perez" in out and "for bo" in out and "is it ana-silva's?" in out
    assert "2 collected, 1 file(s) matched no one" in out


def test_debrief_counts_blank_and_unreadable_apart_and_names_nobody(session, quiz, capsys):
    root, _ = session
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    code, _, _ = run(capsys, "class", "--root", str(root), "report", QUIZ)
    assert code == 0
    page = (root / "reports" / QUIZ / "report.html").read_text(encoding="utf-8")
    who_sits = next(q for q in quiz.questions if q.id == "who_sits")
    question = page[page.index("Question 1:"):]
    question = question[:question.index("</li>")]
    assert "0 of 2 right" in question and f"b: {who_sits.choices['b']} (right)" in question
    assert f"<td>a: {who_sits.choices['a']}</td><td>1</td>" in question
    assert "not written as asked" in question and question.count("<td>1</td>") == 2   # one wrong, one unreadable
    assert "<p>" in question and "What to explain" in question                         # Markdown rendered
    for name in ("Bo Lee", "José Pérez", "jose-perez"):
        assert name not in page
    names = (root / "reports" / QUIZ / "participants.html").read_text(encoding="utf-8")
    assert "José Pérez" in names and "Bo Lee" in names


def test_feedback_goes_back_as_files_with_a_mail_merge_list(session, capsys):
    root, _ = session
    code, out, _ = run(capsys, "class", "--root", str(root), "feedback", QUIZ)
    assert code == 0 and "2 feedback page(s)" in out and "no e-mail address on the roster for: bo" in out
    folder = root / "reports" / QUIZ / "feedback"
    rows = list(csv.DictReader((folder / "mail-merge.csv").open(encoding="utf-8-sig")))
    assert [(r["id"], r["name"], r["email"]) for r in rows] == [("bo", "Bo Lee", ""),
                                                                ("jose-perez", "José Pérez", "jp@example.org")]
    assert all((folder / r["file"]).is_file() and "<html" in (folder / r["file"]).read_text(encoding="utf-8")
               for r in rows)


def test_forget_waits_for_an_export_then_deletes_the_personal_data(session, capsys):
    root, _ = session
    code, _, err = run(capsys, "class", "--root", str(root), "forget")
    assert code == 1 and "export the grades first" in err and (root / "roster.csv").exists()
    assert main(["class", "--root", str(root), "export"]) == 0
    code, out, _ = run(capsys, "class", "--root", str(root), "forget")
    assert code == 0 and "kept your export" in out
    for gone in ("roster.csv", "gradebook.db", "submitted", "autograded", "feedback",
                 f"reports/{QUIZ}/participants.html", f"reports/{QUIZ}/feedback"):
        assert not (root / gone).exists(), gone
    assert (root / "reports" / "grades.xlsx").is_file() and (root / "reports" / QUIZ / "report.html").is_file()
    from openpyxl import load_workbook

    sheet = load_workbook(root / "reports" / "grades.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["quiz", "id", "name"] and sheet.max_row == 4


def test_on_a_hub_feedback_is_released_for_participants_to_fetch(tmp_path, quiz, capsys):
    from nbgrader.utils import get_username

    root = new_root(tmp_path)
    home = tmp_path / "home"
    exchange_submit(root, home, fill(blank(root), right_answers(quiz)))
    assert main(["class", "--root", str(root), "collect", QUIZ]) == 0
    assert main(["class", "--root", str(root), "grade", QUIZ, "--workers", "1"]) == 0
    code, out, _ = run(capsys, "class", "--root", str(root), "feedback", QUIZ, "--exchange")
    assert code == 0 and "Fetch feedback" in out and f"{get_username()}-{QUIZ}-feedback.html" in \
        " ".join(p.name for p in (root / "reports" / QUIZ / "feedback").iterdir())
    result = subprocess.run([sys.executable, "-m", "nbgrader", "fetch_feedback", QUIZ, "--course", "npm-engagement",
                             f"--Exchange.root={root / 'exchange'}"], cwd=home, env=tool_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    fetched = list((home / QUIZ / "feedback").rglob(f"{QUIZ}.html"))
    assert fetched and "Question 1" in fetched[0].read_text(encoding="utf-8")
