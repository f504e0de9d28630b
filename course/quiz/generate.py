"""Quiz specs (quizzes/specs/*.yml) -> nbgrader source notebooks -> release notebooks.

A spec is the one place where a quiz is written: its questions, answers, hints, explanations and the "why
not" of each wrong option. From it we generate nbgrader's source notebook (the answer in a solution region,
and under it a check cell carrying a sealed blob for the learner's self-check), then nbgrader makes the
release version, from which the solutions are stripped. There is no hidden test: the trusted grader
(course.quiz.autograde) reads the answers as text and compares them with the spec. Neither notebook is
committed. Generation is deterministic (sealing and cell ids), so the same spec always gives the same cells.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from ..errors import UserError
from ..paths import QUIZ_ROOT
from ..tools import put_bin_on_path
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
    why_not: dict = field(default_factory=dict)
    skill: str = "apply"  # "recall" (remember a fact) or "apply" (judge a situation): sets its minutes
    answer_from: str | None = None

    @property
    def keys(self) -> list[str]:
        """The accepted answers, canonical."""
        return list(dict.fromkeys(canonical(self.kind, a) for a in self.answer))

    def blob(self) -> str:
        options = list(self.choices) if self.kind in ("letter", "letters") else None
        return seal(self.id, self.kind, self.answer, self.hint, self.explanation, self.why_not, options)


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
            choices = {str(k): str(v).strip() for k, v in (q.get("choices") or {}).items()}
            why_not = {str(k): str(v).strip() for k, v in (q.get("why_not") or {}).items()}
            if q["kind"] in ("letter", "letters", "order"):
                if not choices:
                    raise SpecError(f"{here}: a {q['kind']} question needs choices")
                for a in answers:
                    stray = set(canonical(q["kind"], a).split(",")) - set(choices)
                    if stray:
                        raise SpecError(f"{here}: answer {a!r} names {', '.join(sorted(stray))}, not among the choices")
            if set(why_not) - set(choices):
                raise SpecError(f"{here}: why_not names options that are not choices")
            questions.append(Question(id=q["id"], kind=q["kind"], prompt=q["prompt"].strip(), answer=answers,
                                      hint=q["hint"].strip(), explanation=q["explanation"].strip(),
                                      objective=int(q["objective"]), points=int(q.get("points", 1)),
                                      choices=choices, why_not=why_not, skill=q.get("skill", "apply"),
                                      answer_from=q.get("answer_from")))
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


def stale_figures(quizzes: list[Quiz], today: dt.date | None = None, months: int = 24) -> list[str]:
    """A warning for each question whose answer is a figure older than `months`: time to check it again.
    A warning, not an error: a build must not start failing by itself as dates pass."""
    from ..kb import load

    today = today or dt.date.today()
    kb = load()
    warnings = []
    for quiz in quizzes:
        for q in quiz.questions:
            if q.answer_from and q.answer_from.startswith("figure:"):
                as_of = dt.date.fromisoformat(str(kb.figure(*q.answer_from.split(":")[1:])["as_of"])[:10])
                age = (today.year - as_of.year) * 12 + today.month - as_of.month
                if age > months:
                    warnings.append(f"quiz {quiz.id}, question {q.id}: its figure dates from {as_of} "
                                    f"({age} months ago); check it against its source")
    return warnings


def all_specs() -> list[Quiz]:
    return [load_spec(p) for p in sorted(SPEC_DIR.glob("*.yml"))]


def _meta(grade_id: str, *, grade=False, solution=False, locked=True, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta, "editable": not locked, "deletable": not locked}


def _md(source: str, grade_id: str):
    cell = nbformat.v4.new_markdown_cell(source, metadata=_meta(grade_id))
    cell.id = grade_id.replace("_", "-")  # fixed ids: the same spec gives the same notebook
    return cell


def _code(source: str, grade_id: str, **kwargs):
    cell = nbformat.v4.new_code_cell(source, metadata=_meta(grade_id, **kwargs))
    cell.id = grade_id.replace("_", "-")
    return cell


def _question_markdown(n: int, q: Question) -> str:
    lines = [f"## Question {n} ({q.points} point{'s' if q.points > 1 else ''})", "", q.prompt, ""]
    for letter, text in q.choices.items():
        lines.append(f"- **{letter}**: {text}")
    lines += ["", f"**How to answer:** in the cell below, replace the three dots with {KINDS[q.kind]}. "
                  "Run that cell, then run the check under it."]
    return "\n".join(lines)


SETUP = """\
try:
    import course.quiz as quiz
except ModuleNotFoundError:
    print("The course's learner kit is not installed here, so answers cannot be checked: see the set-up page.")
else:
    quiz.setup()"""


def intro_markdown(quiz: Quiz) -> str:
    objectives = "\n".join(f"{i}. {o}" for i, o in enumerate(quiz.objectives, start=1))
    total = sum(q.points for q in quiz.questions)
    return (f"# {quiz.title}\n\n"
            "**Before you start:** this notebook needs the course's learner kit (Python and the `course` "
            "package). If the first cell below says the kit is not installed, follow the [set-up steps]"
            "(../../../README.md) that come with the learner kit (in the online book: the page *Setting up*).\n\n"
            f"{quiz.intro}\n\n"
            f"**Time:** about {quiz.minutes} minutes. **Questions:** {len(quiz.questions)}, {total} points.\n\n"
            f"**What this quiz checks.** You can:\n\n{objectives}\n\n"
            "**How it works.** Run the first cell once. For each question, type your answer after `answer =` "
            "(just the letter, letters or number: no quotes needed), run that cell, then run the check under "
            "it: it says how it read your answer, gives a hint if it is not right yet, and the explanation once "
            "it is. Nothing is sent anywhere; in a facilitated session, your facilitator collects the notebook "
            "at the end.")


def source_notebook(quiz: Quiz) -> nbformat.NotebookNode:
    cells = [_md(intro_markdown(quiz), "intro"), _code(SETUP, "setup")]
    for n, q in enumerate(quiz.questions, start=1):
        cells.append(_md(_question_markdown(n, q), f"{q.id}_question"))
        answer = _code(f"### BEGIN SOLUTION\nanswer = {', '.join(q.keys[0].split(','))}\n### END SOLUTION",
                       f"{q.id}_answer", solution=True, locked=False)
        answer.metadata["quiz"] = {"question": q.id, "kind": q.kind}  # how the answer is read
        cells.append(answer)
        cells.append(_code(f'quiz.check("{q.id}", "{q.blob()}")', q.id, grade=True, points=q.points))
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

    put_bin_on_path()
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
    for warning in stale_figures(quizzes):
        print(f"warning: {warning}", file=sys.stderr)
    api = _nbgrader_api(root)
    released = []
    for quiz in quizzes:
        write_source(quiz, root)
        released.append(release(quiz.id, root, api))
    return released
