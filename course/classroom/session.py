"""Release quizzes to the class and collect what comes back, through nbgrader's own apps."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import COURSE_ID
from . import roster
from .common import NBGRADER_FILES, ClassroomError, all_assignment_ids, failed, nbgrader, quiz_ids, require_root, spec
from .strings import TEXT


def submissions(root: Path, quiz_id: str) -> list[str]:
    """The participants with a collected submission of a quiz."""
    folder = Path(root) / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{quiz_id}") if p.is_dir()) if folder.is_dir() else []


def release(root: Path, quiz_id: str | None = None, force: bool = False, lang: str | None = None) -> list[str]:
    """Generate each quiz from its spec, then nbgrader's release_assignment into the project's exchange.
    In LANG (default: the language in use), `treaty_bodies` is released as treaty_bodies_fr.

    Once submissions of a quiz are in, releasing it again is refused unless forced: a new release replaces the
    notebook participants are answering, and a participant who fetches it again loses what they typed."""
    from ..quiz.generate import release as generate_release
    from ..quiz.generate import write_source

    root = require_root(root)
    chosen = quiz_ids(quiz_id, lang)
    if not force:
        taken = {qid: submissions(root, qid) for qid in chosen}
        taken = {qid: who for qid, who in taken.items() if who}
        if taken:
            raise ClassroomError(TEXT("err.taken", taken="; ".join(TEXT("err.taken_one", quiz=qid, n=len(who))
                                                                   for qid, who in taken.items())))
    done = []
    for qid in chosen:
        write_source(spec(qid), root)
        generate_release(qid, root)
        (root / "exchange").mkdir(exist_ok=True)
        result = nbgrader(root, "release_assignment", qid, "--force", "--log-level=WARN")
        if result.returncode != 0:
            raise failed(TEXT("do.release", quiz=qid), result)
        done.append(qid)
    return done


def released(root: Path) -> list[str]:
    """The quizzes released to this class (through `class release`, in any language), in the course's order."""
    outbound = Path(root) / "exchange" / COURSE_ID / "outbound"
    return [qid for qid in all_assignment_ids() if (outbound / qid).is_dir() or submissions(root, qid)]


def tidy_submission(folder: Path, quiz_id: str) -> list[str]:
    """Warnings about one participant's submission folder; a single renamed notebook is renamed back.

    Browsers save a second download as `treaty_bodies (1).ipynb`; nbgrader grades only the expected name."""
    expected = folder / f"{quiz_id}.ipynb"
    files = [p for p in folder.iterdir() if p.is_file() and p.name not in NBGRADER_FILES]
    notebooks = [p for p in files if p.suffix.lower() == ".ipynb"]
    warnings = []
    if not expected.exists() and len(notebooks) == 1:
        notebooks[0].rename(expected)
        warnings.append(TEXT("warn.renamed", old=notebooks[0].name, new=expected.name))
    elif not expected.exists():
        warnings.append(TEXT("warn.no_notebook", name=expected.name)
                        + (TEXT("warn.found", files=", ".join(sorted(p.name for p in files))) if files else ""))
    others = sorted(p.name for p in files if p.suffix.lower() != ".ipynb")
    if others:
        warnings.append(TEXT("warn.not_notebooks", files=", ".join(others)))
    return warnings


@dataclass
class ExchangeCollected:
    students: list[str] = field(default_factory=list)         # collected now (new or updated submissions)
    warnings: list[str] = field(default_factory=list)


def collect_exchange(root: Path, quiz_id: str | None = None, lang: str | None = None) -> dict[str, ExchangeCollected]:
    """nbgrader's collect: the latest submission of each participant from the exchange into submitted/."""
    root = require_root(root)
    people = roster.load(root)
    out = {}
    for qid in quiz_ids(quiz_id, lang) if quiz_id else released(root):
        if not (root / "exchange").is_dir():
            raise ClassroomError(TEXT("err.no_exchange", path=root / "exchange"))
        result = nbgrader(root, "collect", qid, "--update", "--log-level=INFO",  # refuses forged submissions:
                          "--ExchangeFactory.collect=course.classroom.ownership.OwnerCheckedCollect")
        if result.returncode != 0:
            raise failed(TEXT("do.collect", quiz=qid), result)
        # nbgrader says "Collecting" for a first submission and "Updating" for a newer one.
        found = re.findall(rf"(?:Collecting|Updating) submission: (\S+) {re.escape(qid)}", result.stderr)
        got = ExchangeCollected(sorted(set(found)))
        for student in got.students:
            if people and student not in people:
                got.warnings.append(TEXT("warn.not_on_roster", pid=student))
            got.warnings += [f"{student}: {w}" for w in tidy_submission(root / "submitted" / student / qid, qid)]
        out[qid] = got
    return out


@dataclass
class Collected:
    matched: dict[str, Path] = field(default_factory=dict)     # participant id -> file copied
    unmatched: list[Path] = field(default_factory=list)        # files that match no participant (kept)
    not_used: list[tuple[Path, str]] = field(default_factory=list)  # a participant's older extra files
    suggestions: dict[Path, str] = field(default_factory=dict)  # unmatched file -> the closest participant
    warnings: list[str] = field(default_factory=list)


def match(name: str, ids: list[str]) -> str | None:
    """The participant whose id the file name starts with (the longest such id), or None."""
    lower = name.lower()
    best = None
    for pid in ids:
        if lower.startswith(pid) and (len(lower) == len(pid) or not lower[len(pid)].isalnum()):
            if best is None or len(pid) > len(best):
                best = pid
    return best


def _words(text: str) -> set[str]:
    return set(roster.suggest_id(text).split("-")) - {""}


def match_name(name: str, people: dict[str, dict]) -> str | None:
    """The one participant every word of whose name is in the file name (`Perez Jose - quiz.ipynb`), or None."""
    words = _words(Path(name).stem)
    found = [pid for pid, row in people.items() if _words(row["name"]) and _words(row["name"]) <= words]
    return found[0] if len(found) == 1 else None


def closest(name: str, people: dict[str, dict]) -> str | None:
    """The participant whose id or name looks most like a file's name, to suggest a rename."""
    import difflib

    stem = roster.suggest_id(Path(name).stem)
    keys = {pid: pid for pid in people} | {roster.suggest_id(row["name"]): pid for pid, row in people.items()}
    best = difflib.get_close_matches(stem, list(keys), n=1, cutoff=0.6)
    if not best:  # the name may be one part of a longer file name: `ana-slva-quiz`
        best = difflib.get_close_matches(stem[: max(len(k) for k in keys)], list(keys), n=1, cutoff=0.75)
    return keys[best[0]] if best else None


def collect_folder(root: Path, quiz_id: str | None, folder: Path, lang: str | None = None) -> Collected:
    """Copy returned notebooks from a folder (e-mail, USB stick) into submitted/, matched by file name.

    A file is matched by the participant id its name starts with, else by the participant's name in it (in any
    order), else by the name of the folder it is in. Nothing in the folder is moved or deleted: files that
    match no one are reported with the closest participant, and stay where they are."""
    root = require_root(root)
    folder = Path(folder)
    if not folder.is_dir():
        raise ClassroomError(TEXT("err.no_folder", folder=folder))
    ids = quiz_ids(quiz_id, lang)
    if len(ids) != 1:
        raise ClassroomError(TEXT("err.which_quiz", ids=", ".join(ids)))
    qid = ids[0]
    people = roster.load(root)
    if not people:
        raise ClassroomError(TEXT("err.empty_roster"))
    result = Collected()
    found: dict[str, list[Path]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        names = [path.name] + [part for part in reversed(path.relative_to(folder).parts[:-1])]
        pid = next((m for n in names if (m := match(n, list(people)) or match_name(n, people))), None)
        if pid is None:
            result.unmatched.append(path)
            near = closest(path.name, people)
            if near:
                result.suggestions[path] = near
        else:
            found.setdefault(pid, []).append(path)
    for pid, paths in found.items():
        # A participant who sent several files: the notebook sent last counts, the others are reported.
        paths.sort(key=lambda p: (p.suffix.lower() == ".ipynb", p.stat().st_mtime), reverse=True)
        chosen = paths[0]
        for other in paths[1:]:
            result.not_used.append((other, TEXT("why.also_sent", pid=pid, name=chosen.name)))
        if chosen.suffix.lower() != ".ipynb":
            result.warnings.append(TEXT("warn.not_ipynb", pid=pid, name=chosen.name))
        target = root / "submitted" / pid / qid
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copyfile(chosen, target / f"{qid}.ipynb")
        stamp = dt.datetime.fromtimestamp(chosen.stat().st_mtime, dt.timezone.utc)
        (target / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"), encoding="utf-8")
        result.matched[pid] = chosen
    return result


def forget(root: Path, force: bool = False) -> tuple[list[Path], list[Path]]:
    """Delete the session's personal data: roster, submissions, grades, feedback, the reports that name people.

    Refused until the grades have been exported since they last changed (or with force), so that the one record
    the facilitator keeps exists. Returns (deleted, kept): the exports are kept, for the facilitator to file."""
    root = require_root(root)
    exports = [p for p in (root / "reports").glob("grades*") if p.is_file()] if (root / "reports").is_dir() else []
    gradebook = root / "gradebook.db"
    newest_grades = gradebook.stat().st_mtime if gradebook.exists() else 0
    if not force and not any(p.stat().st_mtime >= newest_grades for p in exports):
        raise ClassroomError(TEXT("err.export_first"))
    exchange = root / "exchange" / COURSE_ID
    targets = [root / "roster.csv", gradebook, root / "submitted", root / "autograded", root / "feedback",
               exchange / "inbound", exchange / "feedback"]
    if (root / "reports").is_dir():  # per quiz: the grading log, the named list, feedback copies; not report.html
        for quiz_folder in (p for p in (root / "reports").iterdir() if p.is_dir()):
            targets += [p for p in quiz_folder.iterdir() if p.name != "report.html"]
    deleted = []
    for path in targets:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        deleted.append(path)
    return deleted, exports
