"""Quiz specs (quizzes/specs/*.yml) -> nbgrader source notebooks -> release notebooks.

A spec is the one place where a quiz is written: its questions, answers, hints and explanations. From it we
generate nbgrader's source notebook (answers in solution regions, grading in hidden-test regions, and a
sealed blob for the learner's self-check), then nbgrader makes the release version, from which solutions and
hidden tests are stripped. Neither is committed.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from ..errors import UserError
from ..paths import QUIZ_ROOT
from ..tools import tool_env
from .answers import KINDS, AnswerFormatError, canonical, seal

SPEC_DIR = QUIZ_ROOT / "specs"
ID = re.compile(r"[a-z][a-z0-9_]*$")
SKILL_MINUTES = {"recall": 1, "apply": 2}


class SpecError(UserError, ValueError):
    pass


@dataclass
class Question:
    id: str
    kind: str
    prompt: str
    answer: list
    hint: str
    explanation: str
    objective: int
    points: int = 1
    choices: dict = field(default_factory=dict)
    code: str | None = None
    skill: str = "apply"  # "recall" (remember a fact) or "apply" (use it on a situation): sets its minutes


@dataclass
class Quiz:
    id: str
    title: str
    module: str
    intro: str
    objectives: list[str]
    questions: list[Question]
    closing: str = ""

    @property
    def minutes(self) -> int:
        """Computed, never written by hand: a minute for each recall question, two for each apply question."""
        return sum(SKILL_MINUTES[q.skill] for q in self.questions)

    @property
    def notebook_name(self) -> str:
        return f"{self.id}.ipynb"


def _answer_from(expression: str):
    """Answers that are facts come from data/, so the quiz cannot disagree with the widgets."""
    from ..kb import load

    kind, *args = expression.split(":")
    kb = load()
    if kind == "figure":
        value = float(kb.figure(*args)["value"])
        return int(value) if value.is_integer() else value
    raise SpecError(f"unknown answer_from {expression!r} (known: figure:BODY:METRIC)")


def load_spec(path: Path) -> Quiz:
    where = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SpecError(f"{where}: cannot read: {exc}") from None
    try:
        questions = []
        for n, q in enumerate(raw["questions"], start=1):
            here = f"{where}: question {n} ({q.get('id', '?')})"
            if not ID.match(str(q.get("id", ""))):
                raise SpecError(f"{here}: id must be lowercase letters, digits and _")
            if q.get("skill", "apply") not in SKILL_MINUTES:
                raise SpecError(f"{here}: skill must be one of {', '.join(SKILL_MINUTES)}")
            if q["kind"] not in KINDS:
                raise SpecError(f"{here}: kind must be one of {', '.join(KINDS)}")
            answers = [_answer_from(q["answer_from"])] if "answer_from" in q else [q["answer"]]
            answers += q.get("accept", [])
            for a in answers:
                try:
                    canonical(q["kind"], a)
                except AnswerFormatError as exc:
                    raise SpecError(f"{here}: the answer key {a!r} is malformed: {exc}") from None
            if q["kind"] == "letter" and q.get("choices") and canonical("letter", answers[0]) not in q["choices"]:
                raise SpecError(f"{here}: answer {answers[0]!r} is not one of the choices")
            questions.append(Question(id=q["id"], kind=q["kind"], prompt=q["prompt"].strip(), answer=answers,
                                      hint=q["hint"].strip(), explanation=q["explanation"].strip(),
                                      objective=int(q["objective"]), points=int(q.get("points", 1)),
                                      choices=q.get("choices") or {}, code=q.get("code"),
                                      skill=q.get("skill", "apply")))
        ids = [q.id for q in questions]
        if len(set(ids)) != len(ids):
            raise SpecError(f"{where}: question ids repeat")
        if "minutes" in raw:
            raise SpecError(f"{where}: remove 'minutes': a quiz's time is computed from its questions")
        return Quiz(id=raw["id"], title=raw["title"], module=raw["module"],
                    intro=raw["intro"].strip(), objectives=list(raw["objectives"]), questions=questions,
                    closing=(raw.get("closing") or "").strip())
    except KeyError as exc:
        raise SpecError(f"{where}: missing key {exc}") from None


def all_specs() -> list[Quiz]:
    return [load_spec(p) for p in sorted(SPEC_DIR.glob("*.yml"))]


def _meta(grade_id: str, *, grade=False, solution=False, locked=True, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta, "editable": not locked, "deletable": not locked}


def _md(source: str, grade_id: str):
    return nbformat.v4.new_markdown_cell(source, metadata=_meta(grade_id))


def _code(source: str, grade_id: str | None = None, **kwargs):
    meta = _meta(grade_id, **kwargs) if grade_id else {}
    return nbformat.v4.new_code_cell(source, metadata=meta)


def _question_markdown(n: int, q: Question) -> str:
    lines = [f"## Question {n} ({q.points} point{'s' if q.points > 1 else ''})", "", q.prompt, ""]
    for letter, text in q.choices.items():
        lines.append(f"- **{letter}**: {text}")
    lines += ["", f"**How to answer:** in the cell below, write {KINDS[q.kind]}. Run the cell, then run the "
                  "check under it."]
    return "\n".join(lines)


def source_notebook(quiz: Quiz) -> nbformat.NotebookNode:
    objectives = "\n".join(f"{i}. {o}" for i, o in enumerate(quiz.objectives, start=1))
    total = sum(q.points for q in quiz.questions)
    header = (f"# {quiz.title}\n\n{quiz.intro}\n\n"
              f"**Time:** about {quiz.minutes} minutes. **Questions:** {len(quiz.questions)}, {total} points.\n\n"
              f"**What this quiz checks.** You can:\n\n{objectives}\n\n"
              "**How it works.** Run the first cell once. For each question, replace the three dots with your "
              "answer, run that cell, then run the check under it: a wrong answer gets a hint, a right one gets "
              "the explanation. Nothing is sent anywhere; in a facilitated session, your facilitator collects "
              "the notebook at the end.\n\n"
              f'<a href="{quiz.notebook_name}" download>Download this quiz as a notebook</a> to answer it in '
              "JupyterLab (reading it online, you can see the questions but not check answers).")
    cells = [_md(header, "intro"), _code("import course.quiz as quiz; quiz.setup()", "setup")]
    for n, q in enumerate(quiz.questions, start=1):
        cells.append(_md(_question_markdown(n, q), f"{q.id}_question"))
        if q.code:
            cells.append(_code(q.code.strip()))
        cells.append(_code(f"# How to answer: {KINDS[q.kind]}\n### BEGIN SOLUTION\nanswer = {q.answer[0]!r}\n"
                           "### END SOLUTION", f"{q.id}_answer", solution=True, locked=False))
        blob = seal(q.id, q.kind, q.answer, q.hint, q.explanation)
        cells.append(_code(f'quiz.check("{q.id}", answer, "{blob}")\n### BEGIN HIDDEN TESTS\n'
                           f"quiz.grade({q.id!r}, answer, {q.kind!r}, {q.answer!r}, {q.explanation!r})\n"
                           "### END HIDDEN TESTS", q.id, grade=True, points=q.points))
    if quiz.closing:
        cells.append(_md(quiz.closing, "closing"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.update({"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                        "language_info": {"name": "python"}})
    return nb


def write_source(quiz: Quiz, root: Path = QUIZ_ROOT) -> Path:
    folder = root / "source" / quiz.id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / quiz.notebook_name
    nbformat.write(source_notebook(quiz), path)
    return path


def _nbgrader_api(root: Path):
    """nbgrader's own API, configured by the course root's nbgrader_config.py, in this process (starting
    nbgrader once per quiz costs seconds each)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    os.environ["PATH"] = tool_env()["PATH"]  # nbgrader runs `alembic` from PATH
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def release(quiz_id: str, root: Path = QUIZ_ROOT, api=None) -> Path:
    """nbgrader's generate_assignment: strips solutions and hidden tests into release/."""
    api = api or _nbgrader_api(root)
    result = api.generate_assignment(quiz_id, force=True)
    if not result.get("success"):
        raise SpecError(f"nbgrader could not generate the release of {quiz_id}:\n{result.get('error') or result.get('log')}")
    return root / "release" / quiz_id / f"{quiz_id}.ipynb"


def generate_all(root: Path = QUIZ_ROOT) -> list[Path]:
    """Every quiz, from spec to release notebook."""
    quizzes = all_specs()
    api = _nbgrader_api(root)
    released = []
    for quiz in quizzes:
        write_source(quiz, root)
        released.append(release(quiz.id, root, api))
    return released
