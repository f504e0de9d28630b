"""Tearing a session down: export the grades, stop whatever still runs, then remove the accounts, every file
they own wherever it is (a later session's accounts may get the same user ids), the control groups and the
session's state."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from . import limits
from .settings import EXPORT_DIR, RUNUSER, HubError, Settings, env_dir, exists, pwd, run

# Kernel views, not files anyone wrote: never walked when looking for what the session's accounts left behind.
PSEUDO_TYPES = {"proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "debugfs", "tracefs", "securityfs",
                "pstore", "bpf", "configfs", "fusectl", "autofs", "binfmt_misc", "efivarfs", "nsfs", "rpc_pipefs"}


def export_grades(s: Settings) -> Path | None:
    """The gradebook as CSV (nbgrader export, run as the facilitator from a root-owned folder, with only the
    root-owned configuration: nothing the facilitator's account could have changed is run), kept under
    EXPORT_DIR, root only."""
    course = s.course_dir
    if not (course / "gradebook.db").exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o733)  # the facilitator may write the CSV in, not list or change what is there
        out = Path(tmp) / "grades.csv"
        env = {"PATH": f"{env_dir() / 'bin'}:/usr/bin:/bin", "HOME": tmp, "LANG": "C.UTF-8", "PYTHONNOUSERSITE": "1",
               "JUPYTER_CONFIG_DIR": str(s.state / "jupyter" / "facilitator")}
        result = subprocess.run([RUNUSER, "-u", s.facilitator, "--", str(env_dir() / "bin" / "nbgrader"), "export",
                                 "--to", str(out)], cwd=tmp, env=env, capture_output=True, text=True)
        if result.returncode != 0 or not out.exists():
            raise HubError(f"exporting the grades failed (nothing was removed): {result.stderr[-800:]}")
        EXPORT_DIR.mkdir(parents=True, exist_ok=True)
        os.chmod(EXPORT_DIR, 0o700)
        target = EXPORT_DIR / f"{s.name}-grades-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        shutil.copyfile(out, target)
    os.chmod(target, 0o600)
    return target


def user_pids(user: str) -> list[int]:
    try:
        uid = pwd.getpwnam(user).pw_uid
    except KeyError:
        return []
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def end_processes(users: list[str], grace: float = 5) -> None:
    """End every process running as these (session) accounts, by process id: TERM, then KILL."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2)):
        for pid in [p for u in users for p in user_pids(u)]:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and any(user_pids(u) for u in users):
            time.sleep(0.1)


def pseudo_mounts() -> list[str]:
    """Where the kernel's views are mounted (/proc, /sys, cgroups, and any copy of them a chroot has)."""
    found = []
    for line in Path("/proc/self/mounts").read_text().splitlines():
        fields = line.split()
        if len(fields) > 2 and fields[2] in PSEUDO_TYPES:
            found.append(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1]))
    return sorted(set(found))


def find_command(roots: list[str], *tests: str, skip: list[str] = ()) -> list[str]:
    """find(1) over `roots`, never into the kernel's views nor `skip`, printing what passes `tests`."""
    prune = [x for path in [*pseudo_mounts(), *skip] for x in ("-path", path, "-o")][:-1]
    return ["find", *roots, "(", *prune, ")", "-prune", "-o", "(", *tests, ")", "-print0"]


def owned_files(uids: set[int], roots: tuple[str, ...] = ("/",)) -> list[Path]:
    """Every file, folder and link owned by these user ids, on every disk under `roots` (a whole machine takes
    about half a minute)."""
    if not uids:
        return []
    owners = [x for uid in sorted(uids) for x in ("-uid", str(uid), "-o")][:-1]
    result = subprocess.run(find_command(list(roots), *owners), capture_output=True)
    return [Path(p) for p in result.stdout.decode(errors="surrogateescape").split("\0") if p]


def remove_paths(paths: list[Path]) -> None:
    for path in sorted(paths, key=lambda p: len(p.parts)):  # a folder first takes its contents with it
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                path.unlink()
            except OSError:
                pass


def teardown(name: str, *, export: bool = True) -> Path | None:
    """Export the grades, then remove the session's processes, accounts, files, control groups and state."""
    from .running import stop

    s = Settings.load(name)
    exported = None
    if export:
        try:
            exported = export_grades(s)
        except KeyError:  # the facilitator account is already gone
            exported = None
    stop(s)  # a hub still running (another terminal, a crash): the hub first, then its groups
    # Sessions set up before grading stopped running learner code also had a grader account and a sudo rule.
    users = [u for u in [*s.users, f"{s.prefix}grader"] if exists(u)]
    Path("/etc/sudoers.d", f"npm-course-hub-{s.name}".replace(".", "_")).unlink(missing_ok=True)
    end_processes(users)  # anything that escaped the groups (there should be none)
    uids = {pwd.getpwnam(u).pw_uid for u in users}
    for user in users:
        run(["userdel", "--remove", user], check=False, stderr=subprocess.DEVNULL)
        run(["groupdel", user], check=False, stderr=subprocess.DEVNULL)
    remove_paths(owned_files(uids))
    limits.remove(s.name)
    shutil.rmtree(s.state, ignore_errors=True)
    return exported
