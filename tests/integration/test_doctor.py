"""`python -m course doctor`: what a participant runs on their laptop before the session."""
from __future__ import annotations

import shutil

import nbformat

from course.classroom import doctor
from course.cli import main
from course.paths import QUIZ_ROOT


def test_an_old_python_is_named_with_what_to_do():
    assert doctor.check_python((3, 11, 2)).ok
    old = doctor.check_python((3, 9, 18))
    assert not old.ok and "3.9.18 is too old" in old.detail and "3.11.2" in old.detail and old.fix


def test_a_ready_laptop_is_told_so(tmp_path, monkeypatch, capsys):
    root = tmp_path / "quizzes"
    root.mkdir()
    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    assert main(["class", "--root", str(root), "release", "treaty_bodies"]) == 0
    quiz = root / "release" / "treaty_bodies" / "treaty_bodies.ipynb"
    monkeypatch.setattr(doctor, "find_quiz", lambda: quiz)
    capsys.readouterr()
    assert main(["doctor"]) == 0
    out, err = capsys.readouterr()
    assert "All set" in out and "PROBLEM" not in out and out.count("OK ") == 4
    assert "Traceback" not in out + err and "WARNING" not in err

    broken = nbformat.read(quiz, as_version=4)
    first = next(c for c in broken.cells if c.cell_type == "code")
    first.source = "import course.no_such_part"
    nbformat.write(broken, tmp_path / "broken.ipynb")
    checks = doctor.check_kernel_and_quiz(tmp_path / "broken.ipynb")
    assert checks[0].ok and not checks[1].ok
    assert "ModuleNotFoundError" in checks[1].detail and "python -m course lab" in checks[1].fix
