"""Grading a class: 40 generated submissions of the treaty_bodies quiz, graded by `class grade` (parallel
shards of nbgrader's autograde, one per core) against nbgrader's autograde run once per learner."""
from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from course.paths import QUIZ_ROOT
from dev.bench import benchmark

QUIZ = "treaty_bodies"
CLASS_SIZE = 40
BASELINE_SAMPLE = 4


def make_class(root: Path, size: int, seed: int = 6) -> list[str]:
    """A course root with the quiz released and `size` submissions, a mix of right and wrong answers."""
    from course.classroom.session import release
    from course.quiz.generate import all_specs
    from dev.submissions import fill

    shutil.copy(QUIZ_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    release(root, QUIZ)
    quiz = next(q for q in all_specs() if q.id == QUIZ)
    blank = nbformat.read(root / "release" / QUIZ / f"{QUIZ}.ipynb", as_version=4)
    rng = random.Random(seed)
    ids = []
    for n in range(size):
        answers = {}
        for q in quiz.questions:
            if rng.random() < 0.75:
                answers[q.id] = f"answer = {q.answer[0]!r}"
            else:
                answers[q.id] = rng.choice(['answer = "z"', "answer = 0", 'answer = ["a"]', "answer = b c"])
        pid = f"learner-{n:02d}"
        folder = root / "submitted" / pid / QUIZ
        folder.mkdir(parents=True)
        nbformat.write(fill(blank, answers), folder / f"{QUIZ}.ipynb")
        ids.append(pid)
    return ids


@benchmark("grading")
def grading_benchmark():
    from course.classroom.common import nbgrader
    from course.classroom.grading import grade, workers_available

    rows = []
    with tempfile.TemporaryDirectory(prefix="npm-bench-") as tmp:
        root = Path(tmp) / "course"
        root.mkdir()
        ids = make_class(root, CLASS_SIZE)
        cores = workers_available()
        started = time.perf_counter()
        outcomes = grade(root, QUIZ, log=lambda *a: None)
        ours = time.perf_counter() - started
        assert sum(o.graded for o in outcomes.values()) == CLASS_SIZE
        # The baseline: nbgrader's autograde once per learner (one process each, as a loop in a shell would).
        started = time.perf_counter()
        for pid in ids[:BASELINE_SAMPLE]:
            nbgrader(root, "autograde", QUIZ, "--force", f"--CourseDirectory.student_id={pid}", "--log-level=ERROR")
        per_learner = (time.perf_counter() - started) / BASELINE_SAMPLE
    rows.append((f"class grade, {CLASS_SIZE} submissions, {cores} core(s), with feedback", ours / CLASS_SIZE,
                 "s/submission"))
    rows.append((f"nbgrader autograde once per learner (mean of {BASELINE_SAMPLE}, no feedback)", per_learner,
                 "s/submission"))
    rows.append((f"  extrapolated to {CLASS_SIZE} learners", per_learner * CLASS_SIZE, "s"))
    rows.append(("speed-up over autograde once per learner", per_learner * CLASS_SIZE / ours, "x"))
    return rows
