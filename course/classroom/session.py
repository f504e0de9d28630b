"""Release quizzes to the class and collect what comes back, through nbgrader's own apps."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import roster
from .common import COURSE_ID, ClassroomError, nbgrader, quiz_ids, require_root, spec


def submissions(root: Path, quiz_id: str) -> list[str]:
    """The participants with a collected submission of a quiz."""
    folder = Path(root) / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{quiz_id}") if p.is_dir()) if folder.is_dir() else []


def release(root: Path, quiz_id: str | None = None, force: bool = False) -> list[str]:
    """Generate each quiz from its spec, then nbgrader's release_assignment into the project's exchange.

    Once submissions of a quiz are in, releasing it again is refused unless forced: a new release replaces the
    notebook participants are answering, and a participant who fetches it again loses what they typed."""
    from ..quiz.generate import release as generate_release
    from ..quiz.generate import write_source

    root = require_root(root)
    chosen = quiz_ids(quiz_id)
    if not force:
        taken = {qid: submissions(root, qid) for qid in chosen}
        taken = {qid: who for qid, who in taken.items() if who}
        if taken:
            raise ClassroomError(
                "not released again: " + "; ".join(f"{qid} already has {len(who)} submission(s)"
                                                   for qid, who in taken.items())
                + ". Participants have their copy; a new release would replace it for anyone who fetches it "
                "again. To release it anyway (for example after changing the quiz), add --force.")
    done = []
    for qid in chosen:
        write_source(spec(qid), root)
        generate_release(qid, root)
        (root / "exchange").mkdir(exist_ok=True)
        result = nbgrader(root, "release_assignment", qid, "--force", "--log-level=WARN")
        if result.returncode != 0:
            raise ClassroomError(f"nbgrader could not release {qid}:\n{result.stdout}{result.stderr}".rstrip())
        done.append(qid)
    return done


def released(root: Path) -> list[str]:
    """The quizzes released to this class (through `class release`), in the course's order."""
    outbound = Path(root) / "exchange" / COURSE_ID / "outbound"
    return [qid for qid in quiz_ids(None) if (outbound / qid).is_dir() or submissions(root, qid)]


def tidy_submission(folder: Path, quiz_id: str) -> list[str]:
    """Warnings about one participant's submission folder; a single renamed notebook is renamed back.

    Browsers save a second download as `treaty_bodies (1).ipynb`; nbgrader grades only the expected name."""
    expected = folder / f"{quiz_id}.ipynb"
    files = [p for p in folder.iterdir() if p.is_file() and p.name != "timestamp.txt"]
    notebooks = [p for p in files if p.suffix.lower() == ".ipynb"]
    warnings = []
    if not expected.exists() and len(notebooks) == 1:
        notebooks[0].rename(expected)
        warnings.append(f"renamed notebook {notebooks[0].name} used as {expected.name}")
    elif not expected.exists():
        warnings.append(f"no {expected.name} in it" + (f" (found {', '.join(sorted(p.name for p in files))})"
                                                        if files else ""))
    others = sorted(p.name for p in files if p.suffix.lower() != ".ipynb")
    if others:
        warnings.append(f"not notebooks, ignored: {', '.join(others)}")
    return warnings


@dataclass
class ExchangeCollected:
    students: list[str] = field(default_factory=list)         # collected now (new or updated submissions)
    warnings: list[str] = field(default_factory=list)


def collect_exchange(root: Path, quiz_id: str | None = None) -> dict[str, ExchangeCollected]:
    """nbgrader's collect: the latest submission of each participant from the exchange into submitted/."""
    root = require_root(root)
    people = roster.load(root)
    out = {}
    for qid in quiz_ids(quiz_id) if quiz_id else released(root):
        if not (root / "exchange").is_dir():
            raise ClassroomError(f"{root / 'exchange'} does not exist: release the quiz first "
                             "(python -m course class release)")
        result = nbgrader(root, "collect", qid, "--update", "--log-level=INFO")
        if result.returncode != 0:
            raise ClassroomError(f"nbgrader could not collect {qid}:\n{result.stdout}{result.stderr}".rstrip())
        # nbgrader says "Collecting" for a first submission and "Updating" for a newer one.
        found = re.findall(rf"(?:Collecting|Updating) submission: (\S+) {re.escape(qid)}", result.stderr)
        got = ExchangeCollected(sorted(set(found)))
        for student in got.students:
            if people and student not in people:
                got.warnings.append(f"{student} is not on the roster: graded all the same; add them to the roster "
                                    "to see their name in the reports")
            got.warnings += [f"{student}: {w}" for w in tidy_submission(root / "submitted" / student / qid, qid)]
        out[qid] = got
    return out


@dataclass
class Collected:
    matched: dict[str, Path] = field(default_factory=dict)     # participant id -> file copied
    unmatched: list[Path] = field(default_factory=list)        # files that match no participant (kept)
    not_used: list[tuple[Path, str]] = field(default_factory=list)  # a participant's older extra files


def match(name: str, ids: list[str]) -> str | None:
    """The participant whose id the file name starts with (the longest such id), or None."""
    lower = name.lower()
    best = None
    for pid in ids:
        if lower.startswith(pid) and (len(lower) == len(pid) or not lower[len(pid)].isalnum()):
            if best is None or len(pid) > len(best):
                best = pid
    return best


def collect_folder(root: Path, quiz_id: str | None, folder: Path) -> Collected:
    """Copy returned notebooks from a folder (e-mail, USB stick) into submitted/, matched by file name.

    Nothing in the folder is moved or deleted: files that match no one are reported, and stay where they are."""
    root = require_root(root)
    folder = Path(folder)
    if not folder.is_dir():
        raise ClassroomError(f"{folder}: no such folder")
    ids = quiz_ids(quiz_id)
    if len(ids) != 1:
        raise ClassroomError(f"say which quiz these notebooks answer: one of {', '.join(ids)}")
    qid = ids[0]
    people = roster.load(root)
    if not people:
        raise ClassroomError("the roster is empty: add the participants first (python -m course class roster FILE.csv)")
    result = Collected()
    found: dict[str, list[Path]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        pid = match(path.name, list(people))
        if pid is None:
            result.unmatched.append(path)
        else:
            found.setdefault(pid, []).append(path)
    for pid, paths in found.items():
        # A participant who sent several files: the notebook sent last counts, the others are reported.
        paths.sort(key=lambda p: (p.suffix.lower() == ".ipynb", p.stat().st_mtime), reverse=True)
        chosen = paths[0]
        for other in paths[1:]:
            result.not_used.append((other, f"{pid} also sent {chosen.name}, which is used"))
        target = root / "submitted" / pid / qid
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copyfile(chosen, target / f"{qid}.ipynb")
        stamp = dt.datetime.fromtimestamp(chosen.stat().st_mtime, dt.timezone.utc)
        (target / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"), encoding="utf-8")
        result.matched[pid] = chosen
    return result
