"""A facilitated session in French, end to end through nbgrader: `class release treaty_bodies --lang fr` releases
treaty_bodies_fr, a participant answers and submits it through the exchange, and collect, grade, feedback and
the report then speak French without being told again (the session remembers its language). The feedback
shows results and explanations in French, never hidden tests, sealed blobs, hints or the answer key.

It uses the real French spec, quizzes/specs/fr/treaty_bodies.yml (COURSE_QUIZ_SPECS may point at another
folder of specs): if it is missing, the test fails saying so, rather than being skipped."""
from __future__ import annotations

import html as markup
import json
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from course.cli import main
from course.paths import QUIZ_ROOT
from course.quiz import generate
from course.tools import tool_env
from dev.submissions import fill, released

QUIZ = "treaty_bodies"
FR = "treaty_bodies_fr"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def quiz():
    path = generate.spec_path(QUIZ, "fr")
    assert path.is_file(), (f"{path} is missing: the French quiz of {QUIZ} must exist (quizzes/specs/fr/, written "
                            "by the translation work) for the French session to be tested")
    return generate.find(FR)


def french_answers(quiz) -> dict[str, str]:
    """Every question answered as a French learner would type it: numbers with a decimal comma, words in any
    case; one letter question wrong on purpose."""
    out = {}
    for q in quiz.questions:
        first = q.answer[0]
        if q.kind == "number":
            out[q.id] = f"answer = {float(first):.1f}".replace(".", ",")
        elif q.kind == "word":
            out[q.id] = f"answer = {str(first).upper()}"
        elif isinstance(first, list):
            out[q.id] = "answer = " + ", ".join(first)
        else:
            out[q.id] = f"answer = {first}"
    return out


@pytest.fixture(scope="module")
def session(tmp_path_factory, quiz):
    """A French session: released, one participant's submission through the exchange, collected, graded."""
    from nbgrader.utils import get_username

    base = tmp_path_factory.mktemp("french")
    root = base / "quizzes"
    root.mkdir()
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    out = {}
    assert main(["class", "--root", str(root), "release", QUIZ, "--lang", "fr"]) == 0
    user = get_username()
    (base / "roster.csv").write_text(f"id,name,institution,email\n{user},Ana Silva,MNP A,ana@example.org\n"
                                     "bo,Bo Lee,MNP B,\n", encoding="utf-8")
    assert main(["class", "--root", str(root), "roster", str(base / "roster.csv")]) == 0
    wrong = next(q for q in quiz.questions if q.kind == "letter" and q.why_not)
    bad = next(letter for letter in wrong.why_not if letter not in wrong.keys)
    answers = {**french_answers(quiz), wrong.id: f"answer = {bad.upper()}"}
    home = base / "home"
    (home / FR).mkdir(parents=True)
    nbformat.write(fill(released(root, FR), answers), home / FR / f"{FR}.ipynb")
    result = subprocess.run([sys.executable, "-m", "nbgrader", "submit", FR, "--course", "npm-engagement",
                             f"--Exchange.root={root / 'exchange'}"], cwd=home, env=tool_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    shutil.rmtree(home)
    out.update(root=root, user=user, wrong=wrong, bad=bad)
    return out


def test_release_makes_its_own_french_assignment(session, quiz, capsys):
    root = session["root"]
    assert json.loads((root / "session.json").read_text(encoding="utf-8"))["lang"] == "fr"
    nb = released(root, FR)
    text = "\n".join(c.source for c in nb.cells)
    assert quiz.title in text and "Comment répondre" in text and "Question 1 (1 point)" in text
    assert "How to answer" not in text and "### BEGIN SOLUTION" not in text
    for q in quiz.questions:  # the hint and the explanation are sealed, not readable in the notebook
        assert q.hint not in text and q.explanation not in text
    checks = [c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert checks and all(c.endswith(', lang="fr")') for c in checks)
    assert not (root / "release" / QUIZ).exists()  # the English quiz is another assignment, not released here


def test_collect_grade_feedback_and_report_speak_the_sessions_language(session, quiz, capsys):
    root, user, wrong, bad = session["root"], session["user"], session["wrong"], session["bad"]
    code, out, _ = run(capsys, "class", "--root", str(root), "collect")
    assert code == 0 and f"{FR} : 1 copie(s) récupérée(s) : {user}" in out

    code, out, _ = run(capsys, "class", "--root", str(root), "grade", QUIZ)  # treaty_bodies: the session's _fr
    total = sum(q.points for q in quiz.questions)
    assert code == 0 and f"{user} : {total - 1} / {total}" in out and "corrigé(s)" in out, out

    page = root / "feedback" / user / FR / f"{FR}.html"
    html = markup.unescape(page.read_text(encoding="utf-8"))  # French is full of apostrophes
    assert '<html lang="fr">' in html and "vos résultats" in html
    assert "Explication :" in html and f"Pourquoi pas {bad} :" in html and f"{wrong.id} : pas juste" in html
    assert "Vous avez choisi" in html and "Test cell" not in html
    assert "HIDDEN TESTS" not in html and "quiz.check(" not in html and "BEGIN SOLUTION" not in html
    assert not re.search(r"[A-Za-z0-9+/=]{200,}", re.sub(r"data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "", html))
    for q in quiz.questions:
        assert q.explanation.split()[1] in html
        assert q.hint not in html  # hints are for the self-check, never in the grader's feedback

    code, out, _ = run(capsys, "class", "--root", str(root), "feedback", QUIZ)
    assert code == 0 and "page(s) de retour" in out and "rien de corrigé à envoyer pour : bo" in out
    handed = root / "reports" / FR / "feedback" / f"{user}-{FR}-feedback.html"
    assert handed.is_file()

    code, out, _ = run(capsys, "class", "--root", str(root), "report", QUIZ)
    assert code == 0 and "rapport du groupe écrit dans" in out
    report = markup.unescape((root / "reports" / FR / "report.html").read_text(encoding="utf-8"))
    assert '<html lang="fr">' in report and "Rapport du groupe" in report and "Répartition des scores" in report
    assert "Questions les plus manquées" in report and wrong.explanation[:40] in report
    # what was typed the documented way (no quotes, a decimal comma) is read as the grader read it
    assert re.search(r"pas écrite comme demandé[^<]*</em></td><td>0</td>", report)
    assert re.search(rf"<td>{bad}: [^<]*</td><td>1</td>", report)
    assert "Score distribution" not in report and "Ana Silva" not in report
    names = markup.unescape((root / "reports" / FR / "participants.html").read_text(encoding="utf-8"))
    assert "Ana Silva" in names and "Réservé à l'animateur" in names and "pas de copie" in names

    # An explicit --lang en speaks English again for one command; the session stays French.
    code, _, err = run(capsys, "class", "--root", str(root), "grade", "no_such_quiz", "--lang", "en")
    assert code == 1 and "there is no quiz 'no_such_quiz'" in err
    code, _, err = run(capsys, "class", "--root", str(root), "grade", "no_such_quiz")
    assert code == 1 and "il n'y a pas de quiz 'no_such_quiz_fr'" in err
