"""Who really submitted: collecting refuses a submission in the exchange's inbound folder that is not owned by
the participant its name gives, and keeps only the notebooks of what it collects.

On a hub each participant is an account, and nbgrader names each submission `<participant>+<quiz>+<time>+...`
in a folder anyone may write into. nbgrader itself only logs "cheating attempt?" and collects it anyway. The
rule here: a submission named for a participant who has an account on this machine must be owned by that
account; one named for someone without an account (a facilitator's own machine, where every file is the
facilitator's) must be owned by the account collecting. Anything else is refused, named in the log, and left
where it is for the facilitator to look at.

Used as nbgrader's collect step (`ExchangeFactory.collect`): by the hub's configuration and by
`python -m course class collect`.
"""
from __future__ import annotations

import os
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect

from .common import NBGRADER_FILES

try:
    import pwd
except ImportError:  # pragma: no cover (no accounts to check against)
    pwd = None

REFUSED = "\0refused"  # a name no participant can have: refused records are grouped under it, then dropped


def owner_problem(path: Path, participant: str, collector_uid: int | None = None) -> str | None:
    """Why `path` cannot be a submission of `participant`, or None when its owner fits."""
    if pwd is None:
        return None
    uid = os.stat(path, follow_symlinks=False).st_uid
    try:
        expected = pwd.getpwnam(participant).pw_uid
    except KeyError:
        expected = os.geteuid() if collector_uid is None else collector_uid
    if uid == expected:
        return None
    try:
        owner = pwd.getpwuid(uid).pw_name
    except KeyError:
        owner = f"user id {uid}"
    return f"it is named for {participant} but belongs to {owner}"


def keep_notebooks(folder: Path) -> list[Path]:
    """Remove everything in a collected submission but its notebooks (an HTML file or a link served from the
    facilitator's pages could act as the facilitator) and nbgrader's own two text files, which feedback needs.
    Returns what was removed."""
    removed = []
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_symlink() or (path.is_file() and path.suffix != ".ipynb" and path.name not in NBGRADER_FILES):
            path.unlink()
            removed.append(path)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


class OwnerCheckedCollect(ExchangeCollect):
    """nbgrader's collect, refusing forged submissions before choosing each participant's latest one."""

    def _path_to_record(self, path):
        record = super()._path_to_record(path)
        problem = owner_problem(Path(path), record["username"])
        if problem:
            self.log.error("Refused submission %s: %s. It was not collected; look at it, then remove it.",
                           path, problem)
            record = {**record, "username": REFUSED}
        return record

    def init_src(self):
        super().init_src()
        self.src_records = [r for r in self.src_records if r["username"] != REFUSED]

    def do_copy(self, src, dest):
        super().do_copy(src, dest)
        for path in keep_notebooks(Path(dest)):
            self.log.warning("Not collected (only notebooks are): %s", path)
