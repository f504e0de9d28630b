"""`class grade`: autograde every submission of a quiz, safely and in parallel, then make the feedback.

Design. A submission is code written by someone else, so it never runs in the real course folder:
1. each file is first checked in this process (is it a notebook at all? which questions were deleted or had
   their test cells changed?); one that cannot be graded gets its reason at once;
2. the rest are split into shards, one per core; each shard is graded by nbgrader's own `autograde` in a
   throw-away copy of the course (config, gradebook, the quiz's source, the shard's submissions) in a temporary
   folder, so whatever a notebook writes lands there; a shard that runs past its deadline is killed;
3. a submission that failed in a shard of several, or whose shard was killed, is graded again alone, so that
   one notebook cannot cost anyone else their grade; what still fails gets a clear reason;
4. the real quiz sources and gradebook are fingerprinted before and checked after; results are merged into the
   real gradebook through nbgrader's API, and only the graded notebook is copied back;
5. nbgrader's `generate_feedback` then makes each participant's feedback (hidden tests removed, see
   course.quiz.feedback).
The outcome of every submission, graded or not, is kept in ROOT/reports/QUIZ/grading.json for the report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from ..tools import tool_env
from . import roster
from .common import NBGRADER_FILES, ClassroomError, nbgrader, reports_dir, require_root, spec
from .feedback import polish
from .gradebook import drop_submission, open_gradebook, overrides
from .session import submissions, tidy_submission
from .strings import TEXT

MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT = 20          # seconds a cell may run (nbgrader_config.py says the same)
DEFAULT_PER_SUBMISSION = 120  # seconds a shard may spend per submission before it is stopped


@dataclass
class Outcome:
    student: str
    score: float | None = None
    max_score: float = 0.0
    reason: str = ""                      # why it could not be graded (empty when graded)
    notes: list[str] = field(default_factory=list)
    questions: dict[str, float] = field(default_factory=dict)

    @property
    def graded(self) -> bool:
        return self.score is not None


def workers_available() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# --- 1. checking a file before any of it runs -------------------------------------------------------------
SEALED = re.compile(r"([\"'])[A-Za-z0-9+/=]{40,}\1")


def _grade_cells(nb) -> dict[str, str]:
    """{question id: its check cell}, what matters only: the sealed blob differs from one generation of the
    quiz to another (the learner kit, the book's download, a second release), and grading never reads it."""
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and meta.get("grade_id"):
            out[meta["grade_id"]] = " ".join(SEALED.sub("SEALED", cell.get("source", "")).split())
    return out


def prescreen(folder: Path, quiz_id: str, release_nb=None) -> tuple[str, list[str]]:
    """(reason it cannot be graded or "", notes) for one submission folder."""
    path = folder / f"{quiz_id}.ipynb"
    if not path.is_file():
        others = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != "timestamp.txt")
        return (TEXT("why.no_notebook", name=path.name)
                + (TEXT("why.found", files=", ".join(others)) if others else "")), []
    size = path.stat().st_size
    if size == 0:
        return TEXT("why.empty"), []
    if size > MAX_BYTES:
        return TEXT("why.large", mb=f"{size / 1e6:.0f}"), []
    try:
        nb = nbformat.read(path, as_version=4)
    except UnicodeDecodeError:
        return TEXT("why.binary"), []
    except Exception as exc:  # nbformat raises many kinds for a file that is not a notebook
        if "JSON" in type(exc).__name__ or "JSON" in str(exc)[:80]:
            return TEXT("why.json"), []
        return TEXT("why.not_notebook", why=str(exc).splitlines()[0][:200]), []
    try:
        nbformat.validate(nb)
    except Exception as exc:
        return TEXT("why.damaged", why=str(exc).splitlines()[0][:200]), []
    notes = []
    if release_nb is not None:
        expected = _grade_cells(release_nb)
        got = _grade_cells(nb)
        missing = [q for q in expected if q not in got]
        changed = [q for q in expected if q in got and got[q] != expected[q]]
        if missing:
            notes.append(TEXT("note.deleted", ids=", ".join(missing)))
        if changed:
            notes.append(TEXT("note.changed", ids=", ".join(changed)))
    return "", notes


# --- 2. grading a shard in a throw-away copy of the course -----------------------------------------------
def _work_dir(root: Path, quiz_id: str, students: list[str]) -> Path:
    work = Path(tempfile.mkdtemp(prefix=f"npm-grade-{quiz_id}-"))
    shutil.copy2(root / "nbgrader_config.py", work / "nbgrader_config.py")
    shutil.copy2(root / "gradebook.db", work / "gradebook.db")
    shutil.copytree(root / "source" / quiz_id, work / "source" / quiz_id)
    for student in students:
        shutil.copytree(root / "submitted" / student / quiz_id, work / "submitted" / student / quiz_id)
    # A regrade starts from nothing: marks of questions missing from the new notebook must not survive.
    with open_gradebook(work) as gb:
        for student in students:
            drop_submission(gb, quiz_id, student)
    return work


def _kill_tree(pid: int) -> None:
    """Stop nbgrader and every kernel it started (kernels run in sessions of their own)."""
    import psutil

    try:
        parent = psutil.Process(pid)
        family = parent.children(recursive=True) + [parent]
    except psutil.NoSuchProcess:
        return
    for proc in family:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(family, timeout=10)


def _friendly(error: str, timeout: float) -> str:
    name = error.split(":", 1)[0].strip()
    if "CellTimeoutError" in name:
        return TEXT("why.timeout", s=f"{timeout:g}")
    if "DeadKernelError" in name:
        return TEXT("why.dead")
    if any(k in error for k in ("sqlalchemy", "sqlite", "MissingEntry", "NoResultFound", "database")):
        return TEXT("why.gradebook")
    return TEXT("why.nbgrader", error=error[:300])


def _errors_in_log(log: str, quiz_id: str, timeout: float) -> dict[str, str]:
    """{student: reason} from nbgrader's log of a run."""
    out = {}
    blocks = re.split(r"\[AutogradeApp \| ERROR\] There was an error processing assignment: ", log)
    for block in blocks[1:]:
        first, _, rest = block.partition("\n")
        m = re.search(rf"submitted[/\\]([^/\\]+)[/\\]{re.escape(quiz_id)}\s*$", first.strip())
        if not m:
            continue
        last = ""
        for line in rest.splitlines():
            if line.startswith("[") and "Traceback" not in line:
                break
            s = line.strip()
            if re.match(r"^[\w.]+(Error|Exception|Exit|Interrupt|Found|Entry)\w*(:|$)", s):
                last = s
        out[m.group(1)] = _friendly(last or "unknown error", timeout)
    return out


def mark(grade: dict) -> float:
    """A question's points: the facilitator's mark if there is one, else the autograder's."""
    return float((grade["manual_score"] if grade["manual_score"] is not None else grade["auto_score"]) or 0)


def _read_results(work: Path, quiz_id: str, students: list[str]) -> dict[str, dict]:
    """What nbgrader recorded in the shard's gradebook for each student it graded completely."""
    from nbgrader.api import MissingEntry

    results = {}
    try:
        with open_gradebook(work) as gb:
            for student in students:
                if not (work / "autograded" / student / quiz_id / f"{quiz_id}.ipynb").is_file():
                    continue
                try:
                    sub = gb.find_submission(quiz_id, student)
                except MissingEntry:
                    continue
                grades, comments = {}, {}
                for nb in sub.notebooks:
                    for g in nb.grades:
                        grades[(nb.name, g.cell.name)] = {"auto_score": g.auto_score, "manual_score": g.manual_score,
                                                          "extra_credit": g.extra_credit,
                                                          "needs_manual_grade": g.needs_manual_grade}
                    for c in nb.comments:
                        comments[(nb.name, c.cell.name)] = {"auto_comment": c.auto_comment,
                                                            "manual_comment": c.manual_comment}
                for values in grades.values():
                    # A question whose cells the learner deleted is left ungraded by nbgrader: it scores 0.
                    if values["auto_score"] is None and values["manual_score"] is None:
                        values.update(auto_score=0.0, needs_manual_grade=False)
                score = sum(mark(v) for v in grades.values())
                results[student] = {"timestamp": sub.timestamp, "grades": grades, "comments": comments,
                                    "score": score, "max_score": sub.max_score}
    except Exception:  # a gradebook a notebook has written over: every student of the shard is retried
        return {}
    return results


MAX_OUTPUT_CHARS = 20_000


def trim_outputs(path: Path) -> None:
    """Cut each long output of a graded notebook, so that feedback stays small whatever was printed."""
    nb = nbformat.read(path, as_version=4)
    changed = False
    note = TEXT("cut")
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if isinstance(output.get("text"), str) and len(output["text"]) > MAX_OUTPUT_CHARS:
                output["text"] = output["text"][:MAX_OUTPUT_CHARS] + note.format(n=len(output["text"]))
                changed = True
            for kind, value in list(output.get("data", {}).items()):
                if isinstance(value, str) and len(value) > MAX_OUTPUT_CHARS:
                    output["data"][kind] = value[:MAX_OUTPUT_CHARS] + note.format(n=len(value))
                    changed = True
    if changed:
        nbformat.write(nb, path)


@dataclass
class ShardRun:
    results: dict[str, dict]
    errors: dict[str, str]
    killed: bool
    work: Path


def run_shard(root: Path, quiz_id: str, students: list[str], timeout: float, per_submission: float,
              env: dict | None = None, feedback: bool = True) -> ShardRun:
    work = _work_dir(root, quiz_id, students)
    command = [sys.executable, "-m", "nbgrader", "autograde", quiz_id, "--force", "--log-level=INFO",
               f"--Execute.timeout={timeout:g}", f"--ExecutePreprocessor.timeout={timeout:g}"]
    log_path = work / "autograde.log"
    killed = False
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(command, cwd=work, env=tool_env(**(env or {})), stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            proc.wait(timeout=30 + per_submission * len(students))
        except subprocess.TimeoutExpired:
            killed = True
            _kill_tree(proc.pid)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    errors = _errors_in_log(text, quiz_id, timeout)
    results = {} if killed else _read_results(work, quiz_id, students)
    for student in results:  # nbgrader limits lines of output; one line can still be megabytes long
        trim_outputs(work / "autograded" / student / quiz_id / f"{quiz_id}.ipynb")
    if results and feedback:
        # Feedback is made here too, in parallel; whatever is missing is made in the course folder after.
        try:
            subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", quiz_id, "--force",
                            "--log-level=ERROR"], cwd=work, env=tool_env(), capture_output=True,
                           timeout=30 + 5 * len(students))
        except subprocess.TimeoutExpired:
            pass
    for student in students:
        if student not in results and student not in errors:
            errors[student] = (TEXT("why.stopped", s=f"{per_submission:g}") if killed else TEXT("why.no_grades"))
    return ShardRun(results, errors, killed, work)


# --- 4. fingerprints and merging ---------------------------------------------------------------------------
def _fingerprint(paths: list[Path]) -> dict[str, str]:
    out = {}
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for p in files:
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _merge(root: Path, quiz_id: str, graded: dict[str, tuple[dict, Path]], failed: list[str]) -> None:
    people = roster.load(root)
    with open_gradebook(root) as gb:
        for student in failed:
            drop_submission(gb, quiz_id, student)
        for student, (data, work) in graded.items():
            person = people.get(student)
            gb.update_or_create_student(student, **({"first_name": person["name"]} if person else {}))
            kept = overrides(gb, quiz_id, student)  # the facilitator's own marks survive a regrade
            drop_submission(gb, quiz_id, student)
            cells = {cell: nb_name for nb_name, cell in data["grades"]}
            for cell, (score, note) in kept.items():
                if cell in cells:
                    data["grades"][(cells[cell], cell)]["manual_score"] = score
                    for key in ((cells[cell], cell), (cells[cell], f"{cell}_answer")):
                        if key in data["comments"]:
                            data["comments"][key]["manual_comment"] = note
            data["score"] = sum(mark(v) for v in data["grades"].values())
            kwargs = {"timestamp": data["timestamp"]} if data["timestamp"] else {}
            gb.add_submission(quiz_id, student, **kwargs)
            for (nb_name, cell), values in data["grades"].items():
                grade = gb.find_grade(cell, nb_name, quiz_id, student)
                for key, value in values.items():
                    setattr(grade, key, value)
            for (nb_name, cell), values in data["comments"].items():
                comment = gb.find_comment(cell, nb_name, quiz_id, student)
                for key, value in values.items():
                    setattr(comment, key, value)
            gb.db.commit()
    for student in failed:
        for kind in ("autograded", "feedback"):
            shutil.rmtree(root / kind / student / quiz_id, ignore_errors=True)
    for student, (data, work) in graded.items():
        target = root / "autograded" / student / quiz_id
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        # Only the graded notebook comes back: files a notebook wrote stay in the throw-away copy.
        for name in (f"{quiz_id}.ipynb", "timestamp.txt"):
            source = work / "autograded" / student / quiz_id / name
            if source.is_file():
                shutil.copy2(source, target / name)
        html = work / "feedback" / student / quiz_id / f"{quiz_id}.html"
        shutil.rmtree(root / "feedback" / student / quiz_id, ignore_errors=True)
        if html.is_file():
            (root / "feedback" / student / quiz_id).mkdir(parents=True)
            # nbgrader's release_feedback needs the timestamp and secret of the submission the page answers
            for made in [html] + [html.with_name(name) for name in NBGRADER_FILES]:
                if made.is_file():
                    shutil.copy2(made, root / "feedback" / student / quiz_id / made.name)


# --- the whole command ------------------------------------------------------------------------------------
def grade(root: Path, quiz_id: str, *, workers: int | None = None, timeout: float | None = None,
          per_submission: float = DEFAULT_PER_SUBMISSION, feedback: bool = True, log=print) -> dict[str, Outcome]:
    from nbgrader.api import (
        MissingEntry,  # noqa: F401 (fails early if nbgrader is missing)
    )

    root = require_root(root)
    quiz = spec(quiz_id)
    timeout = float(timeout or DEFAULT_TIMEOUT)
    source = root / "source" / quiz_id / f"{quiz_id}.ipynb"
    if not source.is_file():
        raise ClassroomError(TEXT("err.not_released", quiz=quiz_id, base=_release_args(quiz)))
    with open_gradebook(root) as gb:
        try:
            gb.find_assignment(quiz_id)
        except Exception:
            raise ClassroomError(TEXT("err.not_released", quiz=quiz_id, base=_release_args(quiz))) from None
    submitted = root / "submitted"
    students = submissions(root, quiz_id)
    if not students:
        raise ClassroomError(TEXT("err.no_submissions", quiz=quiz_id, folder=submitted))
    release_path = root / "release" / quiz_id / f"{quiz_id}.ipynb"
    release_nb = nbformat.read(release_path, as_version=4) if release_path.is_file() else None

    outcomes = {s: Outcome(s, max_score=float(sum(q.points for q in quiz.questions))) for s in students}
    runnable = []
    for student in students:
        renamed_prefix = TEXT("warn.renamed", old="\0", new="").split("\0")[0]
        renamed = [w for w in tidy_submission(submitted / student / quiz_id, quiz_id) if w.startswith(renamed_prefix)]
        reason, notes = prescreen(submitted / student / quiz_id, quiz_id, release_nb)
        outcomes[student].notes = renamed + notes
        if reason:
            outcomes[student].reason = reason
        else:
            runnable.append(student)

    protected = [root / "nbgrader_config.py", root / "gradebook.db", root / "source" / quiz_id,
                 root / "release" / quiz_id, root / "specs"]
    before = _fingerprint(protected)
    backup = Path(tempfile.mkdtemp(prefix="npm-grade-backup-"))
    # Validate the data once here: course.kb then remembers these exact files as valid, so no grading
    # kernel repeats the check (it costs seconds per submission).
    from ..kb import load

    try:
        load()
    except Exception:
        pass  # invalid data: each kernel reports it in its own output
    env: dict[str, str] = {}
    shutil.copy2(root / "gradebook.db", backup / "gradebook.db")
    shutil.copytree(root / "source" / quiz_id, backup / "source")

    workers = max(1, min(workers or workers_available(), len(runnable) or 1))
    shards = [runnable[i::workers] for i in range(workers) if runnable[i::workers]]
    graded: dict[str, tuple[dict, Path]] = {}
    works: list[Path] = []
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = list(pool.map(lambda shard: run_shard(root, quiz_id, shard, timeout, per_submission, env, feedback),
                                 shards))
            retry = []
            for shard, run in zip(shards, runs):
                works.append(run.work)
                graded.update({s: (d, run.work) for s, d in run.results.items()})
                for student, reason in run.errors.items():
                    if student in run.results:
                        continue
                    if len(shard) > 1:
                        retry.append(student)
                    else:
                        outcomes[student].reason = reason
            if retry:
                log(TEXT("grade.again", n=len(retry), who=", ".join(retry)))
                alone = list(pool.map(lambda s: run_shard(root, quiz_id, [s], timeout, per_submission, env, feedback),
                                  retry))
                for student, run in zip(retry, alone):
                    works.append(run.work)
                    if student in run.results:
                        graded[student] = (run.results[student], run.work)
                    else:
                        outcomes[student].reason = run.errors.get(student, TEXT("why.could_not"))

        after = _fingerprint(protected)
        if after != before:
            changed = sorted(set(before) ^ set(after) | {k for k in before if before[k] != after.get(k)})
            log(TEXT("warn.restoring", files=", ".join(changed)))
            shutil.copy2(backup / "gradebook.db", root / "gradebook.db")
            shutil.rmtree(root / "source" / quiz_id)
            shutil.copytree(backup / "source", root / "source" / quiz_id)
        failed = [s for s in students if s not in graded]
        _merge(root, quiz_id, graded, failed)
    finally:
        for work in works:
            shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)

    for student, (data, _) in graded.items():
        outcome = outcomes[student]
        outcome.reason = ""
        outcome.score = float(data["score"])
        outcome.max_score = float(data["max_score"])
        outcome.questions = {cell: mark(v) for (_, cell), v in data["grades"].items()}
    seconds = time.perf_counter() - started

    missing = [s for s in graded if not (root / "feedback" / s / quiz_id / f"{quiz_id}.html").is_file()]
    if feedback and missing:
        result = nbgrader(root, "generate_feedback", quiz_id, "--force", "--log-level=ERROR")
        if result.returncode != 0:
            log(f"{TEXT('warn.feedback')}\n{result.stdout}{result.stderr}".rstrip())
    for student in graded:
        page = root / "feedback" / student / quiz_id / f"{quiz_id}.html"
        if page.is_file():
            polish(page, quiz_id)
    save_outcomes(root, quiz_id, outcomes, seconds)
    return outcomes


def _release_args(quiz) -> str:
    """What to type after `class release` for this quiz: its id, and its language when not English."""
    return quiz.base if quiz.lang == "en" else f"{quiz.base} --lang {quiz.lang}"


def save_outcomes(root: Path, quiz_id: str, outcomes: dict[str, Outcome], seconds: float) -> Path:
    folder = reports_dir(root, quiz_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "grading.json"
    data = {"quiz": quiz_id, "graded_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(seconds, 1), "submissions": {s: asdict(o) for s, o in outcomes.items()}}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def load_outcomes(root: Path, quiz_id: str) -> dict[str, Outcome]:
    path = reports_dir(root, quiz_id) / "grading.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {s: Outcome(**o) for s, o in data["submissions"].items()}
