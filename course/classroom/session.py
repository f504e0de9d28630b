"""Release quizzes to the class and collect what comes back, through nbgrader's own apps."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import roster
from .common import ClassroomError, nbgrader, quiz_ids, require_root, spec


def release(root: Path, quiz_id: str | None = None) -> list[str]:
    """Generate each quiz from its spec, then nbgrader's release_assignment into the project's exchange."""
    from ..quiz.generate import release as generate_release
    from ..quiz.generate import write_source

    root = require_root(root)
    done = []
    for qid in quiz_ids(quiz_id):
        write_source(spec(qid), root)
        generate_release(qid, root)
        (root / "exchange").mkdir(exist_ok=True)
        result = nbgrader(root, "release_assignment", qid, "--force", "--log-level=WARN")
        if result.returncode != 0:
            raise ClassroomError(f"nbgrader could not release {qid}:\n{result.stdout}{result.stderr}".rstrip())
        done.append(qid)
    return done


def collect_exchange(root: Path, quiz_id: str | None = None) -> dict[str, list[str]]:
    """nbgrader's collect: the latest submission of each participant from the exchange into submitted/."""
    root = require_root(root)
    out = {}
    for qid in quiz_ids(quiz_id):
        if not (root / "exchange").is_dir():
            raise ClassroomError(f"{root / 'exchange'} does not exist: release the quiz first "
                             "(python -m course class release)")
        result = nbgrader(root, "collect", qid, "--update", "--log-level=INFO",  # refuses forged submissions:
                          "--ExchangeFactory.collect=course.classroom.ownership.OwnerCheckedCollect")
        if result.returncode != 0:
            raise ClassroomError(f"nbgrader could not collect {qid}:\n{result.stdout}{result.stderr}".rstrip())
        out[qid] = sorted(set(re.findall(rf"Collecting submission: (\S+) {re.escape(qid)}", result.stderr)))
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
